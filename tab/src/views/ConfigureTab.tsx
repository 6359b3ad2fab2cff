import { Field, MessageBar, MessageBarBody, Select, Text, Title2 } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import type { Me } from '../app/types';

/**
 * The configuration page of the "My wards" channel tab: pick the ward the channel's team looks
 * after; Teams saves the tab with that ward's address. Only works inside Teams (teams-js).
 */
export function ConfigureTab({ me }: { me: Me }) {
  const [ward, setWard] = useState(me.wards[0]?.id ?? '');
  const [problem, setProblem] = useState<string>();
  useEffect(() => {
    let live = true;
    void (async () => {
      try {
        const { app, pages } = await import('@microsoft/teams-js');
        await app.initialize();
        if (!live) return;
        const chosen = me.wards.find((w) => w.id === ward);
        pages.config.setValidityState(!!chosen);
        pages.config.registerOnSaveHandler((save) => {
          const url = `${window.location.origin}/tab/#/wards/${encodeURIComponent(ward)}`;
          pages.config.setConfig({ contentUrl: url, websiteUrl: url, entityId: `wardline-ward-${ward}`, suggestedDisplayName: `Wardline: ${chosen?.name ?? 'ward'}` })
            .then(() => save.notifySuccess(), (error: Error) => save.notifyFailure(error.message));
        });
      } catch (error) {
        if (live) setProblem(`This page configures the Wardline tab inside Microsoft Teams; here it cannot save (${(error as Error).message}).`);
      }
    })();
    return () => { live = false; };
  }, [ward, me.wards]);
  return (
    <main className="wl-page" id="main">
      <Title2 as="h1">Add Wardline to this channel</Title2>
      <Text as="p">The tab will show every case in the ward you choose.</Text>
      {me.wards.length === 0 ? <MessageBar intent="warning"><MessageBarBody>You are not a member of any ward, so there is no ward to choose.</MessageBarBody></MessageBar> : null}
      <Field label="Ward">
        <Select value={ward} onChange={(_e, d) => setWard(d.value)}>
          {me.wards.map((w) => <option key={w.id} value={w.id}>{w.name}</option>)}
        </Select>
      </Field>
      {problem ? <MessageBar intent="info" className="wl-block"><MessageBarBody>{problem}</MessageBarBody></MessageBar> : null}
    </main>
  );
}
