import { Badge, Field, MessageBar, MessageBarBody, Select, Spinner, Text, Title2 } from '@fluentui/react-components';
import { ViewSwitch } from '../app/ViewSwitch';
import { useState } from 'react';
import type { TabApi } from '../app/api';
import { formatDateTime } from '../app/format';
import { useLoad } from '../app/hooks';
import { JobBadges } from '../app/JobBadges';
import type { ClientAction, Job, Me } from '../app/types';
import { BoardJobActions } from './BoardJobActions';
import { MapPanel } from './MapPanel';

/** "Team board": open jobs by officer and status, unassigned and overdue first; reassign, reprioritise, merge; the map. */
export function TeamBoard({ api, me, navigate }: { api: TabApi; me: Me; navigate: (route: string) => void }) {
  const [team, setTeam] = useState('');
  const [panel, setPanel] = useState<'board' | 'map'>('board');
  const [message, setMessage] = useState<{ intent: 'success' | 'error'; text: string }>();
  const board = useLoad(() => api.board(team || undefined), [team], () => api.ready?.board(team || undefined));
  const officers = useLoad(() => api.officers(), [], () => api.ready?.officers());
  const act = async (job: Job, action: ClientAction) => {
    const result = await api.act(job.reference, action, job.rowVersion);
    setMessage(result.outcome === 'applied' ? { intent: 'success', text: `${job.reference}: saved.` } : { intent: 'error', text: result.message ?? `${job.reference} was not changed.` });
    board.reload();
  };
  const data = board.data;
  const row = (job: Job) => (
    <li key={job.reference} className="wl-case">
      <a href={`#/jobs/${job.reference}`} className="wl-card-title">{job.title}</a>
      <Text size={200} as="p">{job.reference} · {job.taskTypeName} · {job.wardName ?? ''}{job.dueBy ? ` · due ${formatDateTime(job.dueBy)}` : ''}</Text>
      <JobBadges job={job} />
      <BoardJobActions job={job} officers={officers.data?.officers ?? []} onAct={(action) => void act(job, action)} />
    </li>
  );
  return (
    <main className="wl-page wl-wide" id="main">
      <Title2 as="h1">Team board</Title2>
      {data && data.teams.length > 1 ? (
        <Field label="Team"><Select value={team || data.team} onChange={(_e, d) => setTeam(d.value)}>{data.teams.map((t) => <option key={t}>{t}</option>)}</Select></Field>
      ) : null}
      {data ? (
        <Text as="p" role="status">{data.team}: {data.counts.open} open, <Badge color="danger" appearance="tint">{data.counts.overdue} overdue</Badge> {data.counts.unassigned} unassigned</Text>
      ) : null}
      {message ? <MessageBar intent={message.intent} className="wl-block"><MessageBarBody>{message.text}</MessageBarBody></MessageBar> : null}
      <ViewSwitch<'board' | 'map'> label="Views of the team" value={panel} onChange={setPanel} options={[{ value: 'board', label: 'Board' }, { value: 'map', label: 'Map' }]} />
      {board.error ? <MessageBar intent="error"><MessageBarBody>{board.error.message}</MessageBarBody></MessageBar> : null}
      {!data && board.loading ? <Spinner label="Loading the board" /> : null}
      {data && panel === 'board' ? (
        <div className="wl-board">
          <section aria-labelledby="unassigned-title" className="wl-column">
            <h2 id="unassigned-title">Unassigned ({data.unassigned.length})</h2>
            <ul className="wl-rows">{data.unassigned.map(row)}</ul>
          </section>
          {data.officers.map((officer) => (
            <section key={officer.id} aria-labelledby={`officer-${officer.id}`} className="wl-column">
              <h2 id={`officer-${officer.id}`}>{officer.name} ({officer.jobs.length}){officer.onDuty ? '' : ' · off duty'}</h2>
              {officer.jobs.length ? <ul className="wl-rows">{officer.jobs.map(row)}</ul> : <Text as="p">No open jobs.</Text>}
            </section>
          ))}
          {data.others.length ? (
            <section aria-labelledby="others-title" className="wl-column">
              <h2 id="others-title">With people outside the team ({data.others.length})</h2>
              <ul className="wl-rows">{data.others.map(row)}</ul>
            </section>
          ) : null}
        </div>
      ) : null}
      {data && panel === 'map' ? <MapPanel api={api} me={me} params={{ team: data.team }} onSelect={(reference) => navigate(`/jobs/${reference}`)} /> : null}
    </main>
  );
}
