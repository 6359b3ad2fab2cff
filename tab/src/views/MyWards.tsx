import { Button, Checkbox, Field, MessageBar, MessageBarBody, Select, Spinner, Text, Title2 } from '@fluentui/react-components';
import { ViewSwitch } from '../app/ViewSwitch';
import { useMemo, useState } from 'react';
import type { TabApi } from '../app/api';
import { formatDate } from '../app/format';
import { useLoad } from '../app/hooks';
import { casesParams, CASES_PAGE_SIZE, openingFilters, type CaseFilters } from '../app/opening';
import { JobBadges } from '../app/JobBadges';
import type { Me } from '../app/types';
import { MapPanel } from './MapPanel';
import { RaiseCase } from './RaiseCase';
import { WardFiguresPanel } from './WardFiguresPanel';

type Panel = 'list' | 'map' | 'figures' | 'raise';

/** "My wards": every case in the councillor's wards as a list, a map and figures; raise and follow cases. */
export function MyWards({ api, me, navigate, ward: channelWard }: { api: TabApi; me: Me; navigate: (route: string) => void; ward?: string }) {
  const [panel, setPanel] = useState<Panel>('list');
  const [ward, setWard] = useState(channelWard && me.wards.some((w) => w.id === channelWard) ? channelWard : '');
  const [status, setStatus] = useState(openingFilters('').status);
  const [type, setType] = useState('');
  const [age, setAge] = useState('');
  const [overdue, setOverdue] = useState(false);
  const [raisedByMe, setRaisedByMe] = useState(false);
  const [page, setPage] = useState(1);
  const [notice, setNotice] = useState<string>();
  const filters = useMemo((): CaseFilters => ({ ward, status: status === 'all' ? '' : status, type, age, overdue: overdue ? '1' : '', raisedByMe: raisedByMe ? '1' : '' }), [ward, status, type, age, overdue, raisedByMe]);
  const list = useLoad(() => api.jobs(casesParams(filters, page)), [JSON.stringify(filters), page, panel === 'list'], () => api.ready?.jobs(casesParams(filters, page)));
  const change = <T,>(set: (value: T) => void) => (value: T) => { set(value); setPage(1); };
  const total = list.data?.total ?? 0;
  const from = total ? (page - 1) * CASES_PAGE_SIZE + 1 : 0;
  const to = Math.min(total, page * CASES_PAGE_SIZE);
  return (
    <main className="wl-page wl-wide" id="main">
      <div className="wl-row wl-spread">
        <Title2 as="h1">My wards</Title2>
        <Button appearance="primary" onClick={() => setPanel('raise')}>Raise a case</Button>
      </div>
      <Text as="p">{me.wards.map((w) => w.name).join(', ') || 'You are not a member of any ward yet: ask your Wardline admin.'}</Text>
      {notice ? <MessageBar intent="success" className="wl-block"><MessageBarBody>{notice}</MessageBarBody></MessageBar> : null}
      <ViewSwitch<Panel> label="Views of your wards" value={panel === 'raise' ? 'list' : panel} onChange={setPanel} options={[{ value: 'list', label: 'Cases' }, { value: 'map', label: 'Map' }, { value: 'figures', label: 'Figures' }]} />
      {panel === 'raise' ? (
        <RaiseCase api={api} me={me} onCancel={() => setPanel('list')} onRaised={(job, duplicate) => { setNotice(duplicate ? `That problem was already reported: your report was added to ${job.reference}.` : `Case ${job.reference} raised. You will get updates in Teams.`); setPanel('list'); }} />
      ) : null}
      {panel === 'list' || panel === 'map' ? (
        <fieldset className="wl-filters">
          <legend>Filters</legend>
          <Field label="Ward"><Select value={ward} onChange={(_e, d) => change(setWard)(d.value)}><option value="">All my wards</option>{me.wards.map((w) => <option key={w.id} value={w.id}>{w.name}</option>)}</Select></Field>
          <Field label="Status"><Select value={status} onChange={(_e, d) => change(setStatus)(d.value)}><option value="open">Open</option><option value="closed">Closed</option><option value="all">All</option></Select></Field>
          <Field label="Type"><Select value={type} onChange={(_e, d) => change(setType)(d.value)}><option value="">All types</option>{me.taskTypes.map((t) => <option key={t.id} value={t.id}>{t.name}</option>)}</Select></Field>
          <Field label="Age"><Select value={age} onChange={(_e, d) => change(setAge)(d.value)}><option value="">Any age</option><option value="7">Older than a week</option><option value="30">Older than 30 days</option><option value="90">Older than 90 days</option></Select></Field>
          <Checkbox label="Overdue only" checked={overdue} onChange={(_e, d) => change(setOverdue)(!!d.checked)} />
          <Checkbox label="Raised by me" checked={raisedByMe} onChange={(_e, d) => change(setRaisedByMe)(!!d.checked)} />
        </fieldset>
      ) : null}
      {panel === 'list' ? (
        <section aria-label="Cases">
          {list.error ? <MessageBar intent="error"><MessageBarBody>{list.error.message}</MessageBarBody></MessageBar> : null}
          {list.loading && !list.data ? <Spinner label="Loading cases" /> : null}
          <Text as="p" role="status">{list.data ? (total ? `Showing ${from} to ${to} of ${total} cases` : 'No cases match these filters.') : ''}</Text>
          <ul className="wl-rows" aria-label="Cases">
            {(list.data?.items ?? []).map((job) => (
              <li key={job.reference} className="wl-case">
                <a href={`#/jobs/${job.reference}`} className="wl-card-title">{job.title}</a>
                <Text size={200} as="p">{job.reference} · {job.taskTypeName} · {job.wardName} · reported {job.reportedOnLabel ?? formatDate(job.reportedOn)}{job.address ? ` · ${job.address}` : ''}</Text>
                <JobBadges job={job} />
              </li>
            ))}
          </ul>
          <nav className="wl-row" aria-label="Pages">
            <Button disabled={page <= 1} onClick={() => setPage(page - 1)}>Previous page</Button>
            <Button disabled={to >= total} onClick={() => setPage(page + 1)}>Next page</Button>
          </nav>
        </section>
      ) : null}
      {panel === 'map' ? <MapPanel api={api} me={me} params={filters} onSelect={(reference) => navigate(`/jobs/${reference}`)} /> : null}
      {panel === 'figures' ? (
        me.wards.length ? <>{(ward ? me.wards.filter((w) => w.id === ward) : me.wards).map((w) => <WardFiguresPanel key={w.id} api={api} wardId={w.id} />)}</> : <Text>No wards.</Text>
      ) : null}
    </main>
  );
}
