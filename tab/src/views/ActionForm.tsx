import { Button, Field, Textarea } from '@fluentui/react-components';
import { useState } from 'react';
import type { ClientAction } from '../app/types';
import { ACTION_INPUTS, ACTION_LABELS } from './job-actions';

/** The words an action needs (a reason, what was done), then the action itself. */
export function ActionForm({ kind, onSubmit, onCancel }: { kind: string; onSubmit: (action: ClientAction) => void; onCancel: () => void }) {
  const inputs = ACTION_INPUTS[kind];
  const [first, setFirst] = useState('');
  const [second, setSecond] = useState('');
  const submit = () => {
    const action: ClientAction = { kind };
    if (inputs) (action as unknown as Record<string, string>)[inputs.field] = first.trim();
    if (inputs?.second && second.trim()) (action as unknown as Record<string, string>)[inputs.second.field] = second.trim();
    if (kind === 'note') action.visibility = 'internal';
    onSubmit(action);
  };
  return (
    <form className="wl-form" onSubmit={(event) => { event.preventDefault(); submit(); }} aria-label={ACTION_LABELS[kind]}>
      {inputs ? (
        <Field label={inputs.label} required>
          <Textarea value={first} onChange={(_e, data) => setFirst(data.value)} resize="vertical" />
        </Field>
      ) : null}
      {inputs?.second ? (
        <Field label={inputs.second.label}>
          <Textarea value={second} onChange={(_e, data) => setSecond(data.value)} resize="vertical" />
        </Field>
      ) : null}
      <div className="wl-row">
        <Button appearance="primary" type="submit" disabled={!!inputs && first.trim() === ''}>{ACTION_LABELS[kind]}</Button>
        <Button type="button" onClick={onCancel}>Back</Button>
      </div>
    </form>
  );
}
