import { v4 as uuidv4 } from 'uuid';
import { Button, Field, Input, MessageBar, MessageBarBody, Select, Textarea } from '@fluentui/react-components';
import { useState } from 'react';
import { ApiError, type TabApi } from '../app/api';
import type { Job, Me } from '../app/types';

/** Raise a case: type, what is wrong, where. Councillor-raised priority applies to councillors' cases. */
export function RaiseCase({ api, me, onRaised, onCancel }: { api: TabApi; me: Me; onRaised: (job: Job, duplicate: boolean) => void; onCancel: () => void }) {
  const [type, setType] = useState(me.taskTypes[0]?.code ?? '');
  const [description, setDescription] = useState('');
  const [address, setAddress] = useState('');
  const [latitude, setLatitude] = useState('');
  const [longitude, setLongitude] = useState('');
  const [error, setError] = useState<string>();
  const [clientId] = useState(() => uuidv4());
  const here = () => navigator.geolocation?.getCurrentPosition((p) => { setLatitude(p.coords.latitude.toFixed(6)); setLongitude(p.coords.longitude.toFixed(6)); }, () => setError('Your location is not available: type the latitude and longitude instead.'));
  const submit = async () => {
    try {
      const result = await api.raise({ taskTypeCode: type, description, address: address || undefined, latitude: Number(latitude), longitude: Number(longitude), clientId });
      onRaised(result.job, result.duplicate);
    } catch (caught) {
      setError(caught instanceof ApiError ? caught.message : 'The case could not be sent. Check your connection and try again.');
    }
  };
  return (
    <form className="wl-form" aria-labelledby="raise-title" onSubmit={(e) => { e.preventDefault(); void submit(); }}>
      <h2 id="raise-title">Raise a case</h2>
      {error ? <MessageBar intent="error"><MessageBarBody>{error}</MessageBarBody></MessageBar> : null}
      <Field label="Type of problem" required>
        <Select value={type} onChange={(_e, d) => setType(d.value)}>
          {me.taskTypes.map((t) => <option key={t.code} value={t.code}>{t.name}</option>)}
        </Select>
      </Field>
      <Field label="What is wrong?" required><Textarea value={description} onChange={(_e, d) => setDescription(d.value)} /></Field>
      <Field label="Address or landmark"><Input value={address} onChange={(_e, d) => setAddress(d.value)} /></Field>
      <div className="wl-row">
        <Field label="Latitude" required><Input inputMode="decimal" value={latitude} onChange={(_e, d) => setLatitude(d.value)} /></Field>
        <Field label="Longitude" required><Input inputMode="decimal" value={longitude} onChange={(_e, d) => setLongitude(d.value)} /></Field>
      </div>
      <div className="wl-row">
        <Button type="button" onClick={here}>Use my location</Button>
        <Button appearance="primary" type="submit" disabled={!description.trim() || !latitude || !longitude}>Raise case</Button>
        <Button type="button" onClick={onCancel}>Cancel</Button>
      </div>
    </form>
  );
}
