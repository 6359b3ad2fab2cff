/**
 * The Open311 push channel: a job FixMyStreet sent gets its public updates posted back to
 * FixMyStreet's servicerequestupdates endpoint through the outbox, even when the update reaches
 * Wardline after FixMyStreet's polling window has passed.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createDispatcher, readCouncilSettings, systemActor } from '@wardline/core';
import { sharedTaskService } from '../../bot/src/intake/shared-task-service';
import { createOpen311PushChannel } from '../../bot/src/open311';
import { fixtureBody, get, post, startHarness, type Harness } from './open311-harness';
import { itemsOf } from './wire-check';

let harness: Harness;
let receiver: Server;
const received: { body: URLSearchParams }[] = [];
const answers: { status: number; text: string }[] = [];

beforeAll(async () => {
  receiver = createServer((request, response) => {
    let text = '';
    request.on('data', (c) => (text += String(c)));
    request.on('end', () => {
      received.push({ body: new URLSearchParams(text) });
      const answer = answers.shift() ?? { status: 200, text: '<?xml version="1.0" encoding="utf-8"?><service_request_updates><request_update><update_id>fms-1</update_id></request_update></service_request_updates>' };
      response.writeHead(answer.status, { 'content-type': 'text/xml' }).end(answer.text);
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  harness = await startHarness();
  const endpoint = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/open311/v2/servicerequestupdates.xml`;
  const [fms] = await harness.store.listApiKeys();
  const { createdOn, modifiedOn, ...row } = fms!;
  void createdOn;
  void modifiedOn;
  await harness.store.importRows([{ table: 'apiKey', mode: 'upsert', rows: [{ ...row, pushUrl: endpoint, pushApiKey: 'fms-side-key' }] }]);
});
afterAll(async () => {
  await harness.close();
  await new Promise<void>((resolve) => receiver.close(() => resolve()));
});

it('posts the update FixMyStreet would have missed, with the same update_id its polling sees, retrying a 500', async () => {
  const created = await post(`${harness.url}/open311/v2/requests.xml`, fixtureBody('fixtures/post-request.fms-style.form.txt'));
  const reference = String(itemsOf('xml', created.text, 'request')[0]?.service_request_id);
  const settings = readCouncilSettings({ WARDLINE_COUNCIL_NAME: 'Colchester City Council', WARDLINE_SERVICE_URL: 'https://wardline.colchester.example' });
  let now = new Date('2025-01-06T10:00:00Z');
  harness.setNow('2025-01-06T10:00:00Z');
  const tasks = await sharedTaskService({ store: harness.store, settings, clock: () => now });
  const officer = { id: 'off-sam', name: 'Sam Field', role: 'officer' as const };
  await harness.store.importRows([{ table: 'officer', mode: 'insert', rows: [{ ...officer, entraObjectId: 'entra-sam', teams: 'Street care' }] }]);
  await tasks.reload();
  await tasks.act(reference, { kind: 'assign', officer }, systemActor());
  await tasks.act(reference, { kind: 'start' }, systemActor('Sam Field'));
  await tasks.act(reference, { kind: 'complete', publicNote: 'Cleared. Two mattresses and six bags removed.' }, systemActor('Sam Field'));

  // The outbox is drained hours later (the officer's phone was offline): FixMyStreet's 2-hour poll no longer covers 10:00.
  now = new Date('2025-01-06T18:00:00Z');
  harness.setNow('2025-01-06T18:00:00Z');
  const polled = await get(`${harness.url}/open311/v2/servicerequestupdates.xml?start_date=2025-01-06T16:00:00Z&end_date=2025-01-06T18:00:00Z&api_key=test-key-123`);
  expect(itemsOf('xml', polled.text, 'request_update')).toEqual([]);

  answers.push({ status: 500, text: 'try later' });
  const dispatcher = createDispatcher({ store: harness.store, channels: [createOpen311PushChannel({ store: harness.store })], clock: () => now, backoff: () => 1000, log: () => undefined });
  expect(await dispatcher.runOnce()).toMatchObject({ delivered: 1, retried: 1 });
  now = new Date(now.getTime() + 5000);
  expect(await dispatcher.runOnce()).toMatchObject({ delivered: 1 });

  const bodies = received.map((r) => Object.fromEntries(r.body));
  expect(bodies.map((b) => b.status).sort()).toEqual(['FIXED', 'IN_PROGRESS', 'IN_PROGRESS']);
  const fixed = bodies.filter((b) => b.status === 'FIXED');
  expect(fixed).toHaveLength(1);
  expect(fixed[0]).toMatchObject({ api_key: 'fms-side-key', service_request_id: reference, external_status_code: 'COMPLETED', updated_datetime: '2025-01-06T10:00:00Z', description: 'Cleared. Two mattresses and six bags removed.', fixmystreet_id: '1234567' });

  const wide = await get(`${harness.url}/open311/v2/servicerequestupdates.xml?start_date=2025-01-06T09:00:00Z&end_date=2025-01-06T11:00:00Z`);
  const fromPoll = itemsOf('xml', wide.text, 'request_update').find((u) => u.status === 'fixed');
  expect(fixed[0]?.update_id).toBe(fromPoll?.update_id);
  expect((await harness.store.listOutbox({ channel: 'open311' })).every((e) => e.status === 'delivered')).toBe(true);
});

it('treats the client\'s "already exists" as delivered, and pushes nothing for a client without an endpoint', async () => {
  const channel = createOpen311PushChannel({ store: harness.store });
  const [event] = await harness.store.listOutbox({ channel: 'open311' });
  answers.push({ status: 400, text: 'Bad request: already exists' });
  expect(await channel.deliver(event!)).toMatchObject({ outcome: 'delivered', detail: expect.stringContaining('was already at fixmystreet') });
  expect(await channel.deliver({ ...event!, recipient: 'someone-else' })).toMatchObject({ outcome: 'delivered', detail: expect.stringContaining('has no update endpoint') });
});
