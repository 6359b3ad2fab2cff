/** POST /api/notify/receipts: Notify's delivery receipts update the outbox row of the message. */
import { createOpen311Routes } from '../../bot/src/open311';
import { createReceiptRoutes, notifyReference } from '../../bot/src/notify';
import { API_KEY, post, startHarness, type Harness } from '../open311/open311-harness';

const TOKEN = 'callback-token-7f3e9c1a2b4d';
let harness: Harness;
beforeAll(async () => {
  harness = await startHarness({
    env: { WARDLINE_NOTIFY_CALLBACK_TOKEN: TOKEN },
    routes: (media) => [createOpen311Routes({ env: { WARDLINE_OPEN311_JURISDICTION: 'example.gov.uk' }, media }), createReceiptRoutes()],
  });
});
afterAll(async () => harness.close());

const receipt = (body: object, token = TOKEN) =>
  fetch(`${harness.url}/api/notify/receipts`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });

it('records Notify\'s id and status on the message, and refuses a wrong token or an unknown reference', async () => {
  const created = await post(`${harness.url}/open311/v2/requests.json`, `api_key=${API_KEY}&service_code=GRAF&lat=51.8895&long=0.8975&description=Tag&email=jo%40example.com`);
  const [{ service_request_id: reference }] = JSON.parse(created.text) as { service_request_id: string }[];
  const task = await harness.store.getTaskByReference(reference);
  const [message] = await harness.store.listOutbox({ taskId: task!.id, channel: 'notify' });
  expect(message?.recipient).toBe('jo@example.com');
  const body = { id: '740e5834-3a29-46b4-9a6f-16142fde533a', reference: notifyReference(task!.id, message!.id), to: 'jo@example.com', status: 'delivered', created_at: '2025-01-06T09:14:05.000000Z', completed_at: '2025-01-06T09:14:09.000000Z', sent_at: '2025-01-06T09:14:06.000000Z', notification_type: 'email' };

  expect((await receipt(body, 'wrong')).status).toBe(401);
  expect((await receipt({ ...body, reference: `${task!.id}/nope` })).status).toBe(404);
  expect((await receipt({ ...body, status: 'exploded' })).status).toBe(400);
  const ok = await receipt(body);
  expect(ok.status).toBe(204);
  const [after] = await harness.store.listOutbox({ taskId: task!.id, channel: 'notify' });
  expect(after).toMatchObject({ id: message!.id, externalId: body.id, deliveryStatus: 'delivered', recipient: 'jo@example.com', payload: message!.payload });
  expect((await receipt({ ...body, status: 'permanent-failure' })).status).toBe(204);
  expect((await harness.store.listOutbox({ taskId: task!.id, channel: 'notify' }))[0]?.deliveryStatus).toBe('permanent-failure');
});
