import { Button, Field, Input, Select } from '@fluentui/react-components';
import { useState } from 'react';
import type { ClientAction, Job } from '../app/types';

type Mode = 'reassign' | 'reprioritise' | 'merge';

/** A supervisor's changes to one job: reassign, reprioritise, merge into another job. */
export function BoardJobActions({ job, officers, onAct }: { job: Job; officers: { id: string; name: string }[]; onAct: (action: ClientAction) => void }) {
  const [mode, setMode] = useState<Mode>();
  const [officerId, setOfficerId] = useState('');
  const [priority, setPriority] = useState(job.priority ?? 'normal');
  const [into, setInto] = useState('');
  const [reason, setReason] = useState('');
  const reset = () => { setMode(undefined); setReason(''); };
  if (!mode) {
    return (
      <div className="wl-row" role="group" aria-label={`Change ${job.reference}`}>
        <Button size="small" onClick={() => setMode('reassign')}>Reassign</Button>
        <Button size="small" onClick={() => setMode('reprioritise')}>Priority</Button>
        <Button size="small" onClick={() => setMode('merge')}>Merge</Button>
      </div>
    );
  }
  const submit = () => {
    const action: ClientAction = mode === 'reassign' ? { kind: 'reassign', officerId: officerId || undefined, reason: reason || undefined }
      : mode === 'reprioritise' ? { kind: 'reprioritise', priority, reason } : { kind: 'merge', intoReference: into.trim(), reason: reason || undefined };
    onAct(action);
    reset();
  };
  const ready = mode === 'reassign' ? !!officerId : mode === 'reprioritise' ? !!reason.trim() : !!into.trim();
  return (
    <form className="wl-form wl-inline" onSubmit={(e) => { e.preventDefault(); submit(); }} aria-label={`${mode} ${job.reference}`}>
      {mode === 'reassign' ? (
        <Field label={`Give ${job.reference} to`}>
          <Select value={officerId} onChange={(_e, d) => setOfficerId(d.value)}>
            <option value="">Choose an officer</option>
            {officers.filter((o) => o.id !== job.assignedOfficer).map((o) => <option key={o.id} value={o.id}>{o.name}</option>)}
          </Select>
        </Field>
      ) : null}
      {mode === 'reprioritise' ? (
        <Field label="Priority">
          <Select value={priority} onChange={(_e, d) => setPriority(d.value)}>
            <option value="urgent">Urgent</option><option value="high">High</option><option value="normal">Normal</option><option value="low">Low</option>
          </Select>
        </Field>
      ) : null}
      {mode === 'merge' ? <Field label={`Merge ${job.reference} into job`}><Input value={into} onChange={(_e, d) => setInto(d.value)} placeholder="WL-26-000123" /></Field> : null}
      <Field label={mode === 'reprioritise' ? 'Reason' : 'Reason (optional)'}><Input value={reason} onChange={(_e, d) => setReason(d.value)} /></Field>
      <div className="wl-row">
        <Button appearance="primary" type="submit" disabled={!ready}>Save</Button>
        <Button type="button" onClick={reset}>Cancel</Button>
      </div>
    </form>
  );
}
