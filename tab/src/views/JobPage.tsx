import { Button, Field, MessageBar, MessageBarBody, Spinner, Text, Textarea, Title2 } from '@fluentui/react-components';
import { useState } from 'react';
import type { TabApi } from '../app/api';
import { formatDateTime } from '../app/format';
import { useLoad } from '../app/hooks';
import { JobBadges } from '../app/JobBadges';
import { Timeline } from '../app/Timeline';

/** A case page: the job as the person's role may see it, its timeline, follow and (councillors) a note. */
export function JobPage({ api, reference, onBack, backLabel }: { api: TabApi; reference: string; onBack: () => void; backLabel: string }) {
  const detail = useLoad(() => api.job(reference), [reference], () => api.ready?.job(reference));
  const [note, setNote] = useState('');
  const [message, setMessage] = useState<{ intent: 'success' | 'error'; text: string }>();
  if (detail.error) return <main className="wl-page" id="main"><MessageBar intent="error"><MessageBarBody>{detail.error.message}</MessageBarBody></MessageBar><Button onClick={onBack}>{backLabel}</Button></main>;
  if (!detail.data) return <main className="wl-page" id="main"><Spinner label={`Loading ${reference}`} /></main>;
  const { job, timeline, actions, following } = detail.data;
  const follow = async () => {
    await api.follow(job.reference);
    setMessage({ intent: 'success', text: `You will get updates about ${job.reference} in Teams.` });
    detail.reload();
  };
  const addNote = async () => {
    const result = await api.act(job.reference, { kind: 'note', text: note.trim(), visibility: 'councillor' }, job.rowVersion);
    setMessage(result.outcome === 'applied' ? { intent: 'success', text: 'Note added.' } : { intent: 'error', text: result.message ?? 'The note was not added.' });
    if (result.outcome === 'applied') setNote('');
    detail.reload();
  };
  return (
    <main className="wl-page" id="main">
      <article aria-labelledby="case-title">
        <Button appearance="subtle" onClick={onBack}>← {backLabel}</Button>
        <Title2 as="h1" id="case-title">{job.title}</Title2>
        <Text as="p">{job.reference} · {job.taskTypeName}{job.wardName ? ` · ${job.wardName}` : ''}</Text>
        <JobBadges job={job} />
        {message ? <MessageBar intent={message.intent} className="wl-block"><MessageBarBody>{message.text}</MessageBarBody></MessageBar> : null}
        <dl className="wl-facts">
          <dt>Where</dt><dd>{job.address ?? `${job.latitude.toFixed(5)}, ${job.longitude.toFixed(5)}`}</dd>
          <dt>Reported</dt><dd>{formatDateTime(job.reportedOn)}</dd>
          {job.dueBy ? (<><dt>Due by</dt><dd>{formatDateTime(job.dueBy)}</dd></>) : null}
          <dt>With</dt><dd>{job.assignedOfficerName ?? (job.assignedTeam ? `${job.assignedTeam} team` : 'Not yet assigned')}</dd>
          {job.resolution ? (<><dt>Outcome</dt><dd>{job.resolution}</dd></>) : null}
          {(job.reportCount ?? 1) > 1 ? (<><dt>Reports</dt><dd>{job.reportCount}</dd></>) : null}
        </dl>
        {job.description ? <Text as="p" className="wl-description">{job.description}</Text> : null}
        <div className="wl-row">
          {following ? <Text>You follow this case.</Text> : <Button appearance="primary" onClick={() => void follow()}>Follow this case</Button>}
        </div>
        {actions.includes('note') ? (
          <form className="wl-form" onSubmit={(e) => { e.preventDefault(); void addNote(); }}>
            <Field label="Add a note for officers and councillors">
              <Textarea value={note} onChange={(_e, data) => setNote(data.value)} />
            </Field>
            <Button type="submit" disabled={!note.trim()}>Add note</Button>
          </form>
        ) : null}
        <h2>Timeline</h2>
        <Timeline entries={timeline} />
      </article>
    </main>
  );
}
