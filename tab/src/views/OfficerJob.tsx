import { Button, Link, Text, Title2 } from '@fluentui/react-components';
import { useRef, useState } from 'react';
import { formatDateTime } from '../app/format';
import { JobBadges } from '../app/JobBadges';
import { Timeline } from '../app/Timeline';
import type { ClientAction, JobDetail } from '../app/types';
import { ActionForm } from './ActionForm';
import { ACTION_INPUTS, ACTION_LABELS } from './job-actions';

/** One job in the field: details, a map link, every action the card offers, photos and notes. */
export function OfficerJob({ detail, online, onAction, onBack }: { detail: JobDetail; online: boolean; onAction: (change: { action?: ClientAction; photo?: Blob; note?: string }) => void; onBack: () => void }) {
  const { job } = detail;
  const [form, setForm] = useState<string>();
  const file = useRef<HTMLInputElement>(null);
  const mapLink = `https://www.openstreetmap.org/?mlat=${job.latitude}&mlon=${job.longitude}#map=18/${job.latitude}/${job.longitude}`;
  const run = (kind: string) => (ACTION_INPUTS[kind] ? setForm(kind) : onAction({ action: { kind } }));
  return (
    <article aria-labelledby="job-title">
      <Button appearance="subtle" onClick={onBack}>← My jobs</Button>
      <Title2 as="h1" id="job-title">{job.title}</Title2>
      <Text as="p">{job.reference} · {job.taskTypeName}{job.wardName ? ` · ${job.wardName}` : ''}</Text>
      <JobBadges job={job} />
      <dl className="wl-facts">
        <dt>Where</dt><dd>{job.address ?? `${job.latitude.toFixed(5)}, ${job.longitude.toFixed(5)}`} · <Link href={mapLink} target="_blank" rel="noreferrer">Open in a map</Link></dd>
        {job.dueBy ? (<><dt>Due by</dt><dd>{formatDateTime(job.dueBy)}</dd></>) : null}
        <dt>Reported</dt><dd>{formatDateTime(job.reportedOn)}</dd>
        {job.reporterName || job.reporterPhone ? (<><dt>Reporter</dt><dd>{[job.reporterName, job.reporterPhone].filter(Boolean).join(' · ')}</dd></>) : null}
        {job.requirePhoto ? (<><dt>Photo</dt><dd>A photo is needed to complete this job.</dd></>) : null}
      </dl>
      {job.description ? <Text as="p" className="wl-description">{job.description}</Text> : null}
      {form ? (
        <ActionForm kind={form} onCancel={() => setForm(undefined)} onSubmit={(action) => { setForm(undefined); onAction({ action }); }} />
      ) : (
        <div className="wl-actions" role="group" aria-label="Actions">
          {detail.actions.filter((k) => k !== 'photo' && k !== 'note').map((kind) => (
            <Button key={kind} appearance={kind === 'complete' || kind === 'start' || kind === 'accept' ? 'primary' : 'secondary'} onClick={() => run(kind)}>{ACTION_LABELS[kind]}</Button>
          ))}
          {detail.actions.includes('note') ? <Button onClick={() => setForm('note')}>Add a note</Button> : null}
          {detail.actions.includes('photo') ? (
            <>
              <Button onClick={() => file.current?.click()}>Take or add a photo</Button>
              <label htmlFor="wl-photo-input" className="wl-visually-hidden">Photo of the job</label>
              <input id="wl-photo-input" className="wl-visually-hidden" tabIndex={-1} ref={file} type="file" accept="image/*" capture="environment" onChange={(event) => {
                  const picked = event.target.files?.[0];
                  if (picked) onAction({ photo: picked });
                  event.target.value = '';
                }} />
            </>
          ) : null}
        </div>
      )}
      {!online ? <Text as="p" size={200}>Offline: what you do here is sent when the connection returns.</Text> : null}
      <h2>Timeline</h2>
      <Timeline entries={detail.timeline} />
    </article>
  );
}
