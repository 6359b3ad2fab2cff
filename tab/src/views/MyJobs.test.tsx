/** @jest-environment jsdom */
import '../testing/one-react';
import { deserialize, serialize } from 'node:v8';
// fake-indexeddb stores copies made with structuredClone, which jsdom's window lacks (the browser has it).
if (!('structuredClone' in globalThis)) (globalThis as { structuredClone?: unknown }).structuredClone = (value: unknown) => deserialize(serialize(value));
// eslint-disable-next-line @typescript-eslint/no-require-imports -- after the structuredClone above, not hoisted above it
require('fake-indexeddb/auto');
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { fakeApi, job } from '../testing/fake-api';
import type { JobDetail } from '../app/types';
import { MyJobs } from './MyJobs';

let online = true;
Object.defineProperty(window.navigator, 'onLine', { configurable: true, get: () => online });
const goOnline = (value: boolean) => act(() => {
  online = value;
  window.dispatchEvent(new Event(value ? 'online' : 'offline'));
});

const detail = (over: Partial<JobDetail['job']> = {}): JobDetail => ({ job: job({ status: 'accepted', statusLabel: 'Accepted', ...over }), actions: ['start', 'hold', 'complete', 'couldNotComplete', 'note', 'photo'], timeline: [] });

describe('My jobs (officer)', () => {
  it('shows the saved jobs, queues an action made offline and sends it once when back online', async () => {
    const jobs = [detail({ reference: 'WL-26-000001', title: 'Dog fouling on the green', priority: 'normal', priorityLabel: 'Normal', dueBy: '2026-03-02T09:00:00Z' }), detail({ reference: 'WL-26-000002', title: 'Broken glass by the school', priority: 'urgent', priorityLabel: 'Urgent' })];
    const { api } = fakeApi({ myJobs: jobs });
    const sent: unknown[][] = [];
    const sync = api.sync;
    api.sync = async (changes) => { sent.push(changes); return sync(changes); };
    const view = render(<FluentProvider theme={webLightTheme}><MyJobs api={api} navigate={() => undefined} /></FluentProvider>);
    expect(await screen.findByRole('link', { name: 'Dog fouling on the green' })).toBeTruthy();

    goOnline(false);
    view.rerender(<FluentProvider theme={webLightTheme}><MyJobs api={api} reference="WL-26-000002" navigate={() => undefined} /></FluentProvider>);
    expect(await screen.findByText('No connection')).toBeTruthy();
    fireEvent.click(await screen.findByRole('button', { name: 'Start' }));
    expect(await screen.findByText('1 change waiting to send.')).toBeTruthy();
    expect(screen.getByText('In progress')).toBeTruthy();
    expect(sent).toHaveLength(0);

    goOnline(true);
    await waitFor(() => expect(sent).toHaveLength(1));
    expect(sent[0]).toEqual([{ clientId: expect.stringMatching(/^[0-9a-f-]{36}$/), occurredOn: expect.any(String), reference: 'WL-26-000002', action: { kind: 'start' } }]);
    await waitFor(() => expect(screen.queryByText(/waiting to send/)).toBeNull());
  });
});
