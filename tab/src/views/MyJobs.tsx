import { Button, MessageBar, MessageBarBody, MessageBarTitle, Spinner, Text, Title2 } from '@fluentui/react-components';
import { useCallback, useEffect, useState } from 'react';
import type { TabApi } from '../app/api';
import { formatDateTime, plural } from '../app/format';
import { useOnline } from '../app/hooks';
import { JobBadges } from '../app/JobBadges';
import type { ChangeResult, ClientAction, JobDetail } from '../app/types';
import { enqueue, loadSnapshot, pending, saveSnapshot } from '../offline/queue';
import { flushQueue } from '../offline/sync';
import { applyLocally } from './job-actions';
import { OfficerJob } from './OfficerJob';

interface State {
  jobs: JobDetail[];
  asOf?: string;
  fromDevice: boolean;
}

/**
 * "My jobs": today's jobs by priority and due time, each with every action its card offers.
 * Works with no signal: jobs come from the device when offline, and actions and photos queue
 * (with a device id and the time) until the connection returns.
 */
export function MyJobs({ api, reference, navigate }: { api: TabApi; reference?: string; navigate: (route: string) => void }) {
  const online = useOnline();
  const [state, setState] = useState<State>({ jobs: [], fromDevice: false });
  const [loading, setLoading] = useState(true);
  const [queued, setQueued] = useState(0);
  const [problems, setProblems] = useState<ChangeResult[]>([]);
  const [error, setError] = useState<string>();

  const refresh = useCallback(async () => {
    setLoading(true);
    try {
      if (navigator.onLine) {
        const report = await flushQueue(api);
        if (report.problems.length) setProblems((p) => [...p, ...report.problems]);
        const fresh = await api.myJobs();
        await saveSnapshot(fresh);
        setState({ jobs: fresh.jobs, asOf: fresh.asOf, fromDevice: false });
        setError(undefined);
      } else {
        const saved = await loadSnapshot();
        setState({ jobs: saved?.jobs ?? [], asOf: saved?.asOf, fromDevice: true });
      }
    } catch (caught) {
      const saved = await loadSnapshot();
      if (saved) setState({ jobs: saved.jobs, asOf: saved.asOf, fromDevice: true });
      setError(caught instanceof TypeError ? undefined : (caught as Error).message);
    } finally {
      setQueued((await pending()).length);
      setLoading(false);
    }
  }, [api]);

  useEffect(() => { void refresh(); }, [refresh, online]);

  const act = async (detail: JobDetail, change: { action?: ClientAction; photo?: Blob; note?: string }) => {
    await enqueue({ reference: detail.job.reference, ...change });
    const kind = change.action?.kind ?? 'photo';
    const local = applyLocally(detail.job, detail.actions, kind);
    const entry = { id: `local-${Date.now()}`, kind, summary: change.photo ? 'Photo added (waiting to send)' : `${kind === 'note' ? 'Note' : local.job.statusLabel} (waiting to send)`, note: change.action?.text ?? change.action?.publicNote ?? change.action?.reason ?? change.note ?? null, occurredOn: new Date().toISOString(), authorName: 'You', visibility: 'internal', attachmentUrl: null, clientId: null, toStatusLabel: null };
    const updated = state.jobs.map((j) => (j.job.reference === detail.job.reference ? { ...j, job: local.job, actions: local.actions, timeline: [...j.timeline, entry] } : j));
    setState((s) => ({ ...s, jobs: updated }));
    await saveSnapshot({ jobs: updated, asOf: state.asOf ?? new Date().toISOString() });
    setQueued((await pending()).length);
    if (navigator.onLine) await refresh();
  };

  const open = reference ? state.jobs.find((j) => j.job.reference === reference) : undefined;
  const active = state.jobs.filter((j) => j.job.open);
  const done = state.jobs.filter((j) => !j.job.open);

  return (
    <main className="wl-page" id="main">
      {!online ? (
        <MessageBar intent="warning" className="wl-block"><MessageBarBody><MessageBarTitle>No connection</MessageBarTitle>You can keep working: changes are kept on this device and sent when you are back online.</MessageBarBody></MessageBar>
      ) : null}
      {queued > 0 ? <MessageBar intent="info" className="wl-block" role="status"><MessageBarBody>{plural(queued, 'change')} waiting to send.</MessageBarBody></MessageBar> : null}
      {problems.map((problem) => (
        <MessageBar key={`${problem.clientId}`} intent="error" className="wl-block"><MessageBarBody><MessageBarTitle>Not applied</MessageBarTitle>{problem.message}</MessageBarBody></MessageBar>
      ))}
      {error ? <MessageBar intent="error" className="wl-block"><MessageBarBody>{error}</MessageBarBody></MessageBar> : null}
      {open ? (
        <OfficerJob detail={open} online={online} onAction={(change) => void act(open, change)} onBack={() => navigate('/jobs')} />
      ) : reference && !loading ? (
        <MessageBar intent="warning"><MessageBarBody>Job {reference} is not in your list. It may have been reassigned. <Button appearance="transparent" onClick={() => navigate('/jobs')}>Back to my jobs</Button></MessageBarBody></MessageBar>
      ) : (
        <>
          <Title2 as="h1">My jobs</Title2>
          <Text className="wl-muted" as="p">{state.asOf ? `${state.fromDevice ? 'Saved on this device' : 'Updated'} ${formatDateTime(state.asOf)}` : ''}</Text>
          {loading && state.jobs.length === 0 ? <Spinner label="Loading your jobs" /> : null}
          {!loading && active.length === 0 ? <Text as="p">You have no open jobs.</Text> : null}
          <ul className="wl-cards" aria-label="Open jobs">
            {active.map((detail) => <JobCard key={detail.job.reference} detail={detail} onOpen={() => navigate(`/jobs/${detail.job.reference}`)} />)}
          </ul>
          {done.length ? <h2>Done today</h2> : null}
          <ul className="wl-cards" aria-label="Done today">
            {done.map((detail) => <JobCard key={detail.job.reference} detail={detail} onOpen={() => navigate(`/jobs/${detail.job.reference}`)} />)}
          </ul>
        </>
      )}
    </main>
  );
}

function JobCard({ detail, onOpen }: { detail: JobDetail; onOpen: () => void }) {
  const { job } = detail;
  return (
    <li className="wl-case">
      <a href={`#/jobs/${job.reference}`} className="wl-card-title" onClick={(event) => { event.preventDefault(); onOpen(); }}>{job.title}</a>
      <Text size={200} as="p">{job.reference} · {job.taskTypeName}{job.dueBy && job.open ? ` · due ${formatDateTime(job.dueBy)}` : ''}</Text>
      {job.address ? <Text size={200} as="p">{job.address}</Text> : null}
      <JobBadges job={job} />
    </li>
  );
}
