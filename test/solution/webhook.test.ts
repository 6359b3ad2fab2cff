import { join } from 'node:path';
import { buildSolution, checkSolutionFiles, readZip, serviceEndpointId, SERVICE_URL_VARIABLE, UNSET_WEBHOOK_URL, WEBHOOK_PATH } from '@wardline/solution';
import { tempDir } from './helpers';

interface Step { type: string; runAfter?: Record<string, string[]>; inputs?: unknown; expression?: unknown; actions?: Record<string, Step>; else?: { actions: Record<string, Step> } }
interface FlowDocument { properties: { definition: { triggers: Record<string, Step>; actions: Record<string, Step> } } }
const params = (step: Step): Record<string, unknown> => (step.inputs as { parameters: Record<string, unknown> }).parameters;

let files: Map<string, Buffer>;
let flowPath: string;

beforeAll(async () => {
  const t = tempDir('webhook');
  try {
    const built = await buildSolution({ version: '1.0.0', dryRun: true, controlsDir: join(t.dir, 'none') });
    files = await readZip(built.unmanaged, 'webhook.zip');
    flowPath = [...files.keys()].find((k) => k.startsWith('Workflows/WardlinePointWebhookAtService-') && k.endsWith('.json'))!;
  } finally {
    t.cleanup();
  }
});

const customizations = (): string => files.get('customizations.xml')!.toString('utf8');
const errors = (changed: Map<string, Buffer>): string[] => checkSolutionFiles(changed, { only: ['references'] }).filter((f) => f.severity === 'error').map((f) => `${f.where}: ${f.message}`);
const withFlow = (change: (text: string) => string): Map<string, Buffer> => {
  const copy = new Map(files);
  const before = copy.get(flowPath)!.toString('utf8');
  const after = change(before);
  expect(after).not.toBe(before);
  copy.set(flowPath, Buffer.from(after, 'utf8'));
  return copy;
};

describe('the service endpoint takes its URL from wl_ServiceUrl', () => {
  it('ships the endpoint pointing nowhere, the wl_ServiceUrl definition without a value, and both webhook steps on the endpoint', () => {
    const x = customizations();
    expect(x).toContain(`<ServiceEndpoint ServiceEndpointId="{${serviceEndpointId()}}" Name="Wardline service">`);
    expect(x).toContain(`<Url>${UNSET_WEBHOOK_URL}</Url>`);
    expect(UNSET_WEBHOOK_URL).toBe('https://wardline.invalid/api/dataverse/webhook');
    expect(files.has(`environmentvariabledefinitions/${SERVICE_URL_VARIABLE}/environmentvariabledefinition.xml`)).toBe(true);
    expect([...files.keys()].some((k) => k.includes('environmentvariablevalue'))).toBe(false);
    expect(x.match(new RegExp(`<EventHandler>${serviceEndpointId()}</EventHandler>`, 'g'))).toHaveLength(2);
  });

  it('ships the flow that copies wl_ServiceUrl into the endpoint, turned off', () => {
    const workflow = /<Workflow WorkflowId="[^"]+" Name="Wardline: point the webhook at the service"[^>]*>[\s\S]*?<\/Workflow>/.exec(customizations())![0];
    expect(workflow).toContain(`<JsonFileName>/${flowPath}</JsonFileName>`);
    expect(workflow).toMatch(/<StateCode>0<\/StateCode>\s*<StatusCode>1<\/StatusCode>/);

    const flow = JSON.parse(files.get(flowPath)!.toString('utf8')) as FlowDocument;
    const trigger = Object.values(flow.properties.definition.triggers)[0];
    expect(params(trigger)).toMatchObject({ 'subscriptionRequest/entityname': 'environmentvariablevalue', 'subscriptionRequest/message': 4, 'subscriptionRequest/filteringattributes': 'value' });
    const condition = flow.properties.definition.actions.Is_it_the_service_URL;
    expect(JSON.stringify(condition.expression)).toContain(`"${SERVICE_URL_VARIABLE}"`);
    const compose = condition.actions!.Service_URL_without_a_trailing_slash;
    expect(compose.type).toBe('Compose');
    expect(compose.inputs).toBe("@{if(endsWith(trim(triggerOutputs()?['body/value']), '/'), substring(trim(triggerOutputs()?['body/value']), 0, sub(length(trim(triggerOutputs()?['body/value'])), 1)), trim(triggerOutputs()?['body/value']))}");
    const set = condition.actions!.Set_the_webhook_URL;
    expect(set.runAfter).toEqual({ Service_URL_without_a_trailing_slash: ['Succeeded'] });
    expect(params(set)).toEqual({
      entityName: 'serviceendpoints',
      recordId: serviceEndpointId(),
      'item/url': `@{concat(outputs('Service_URL_without_a_trailing_slash'), '${WEBHOOK_PATH}')}`,
    });
  });

  it('the check refuses a flow that sets another endpoint, drops the webhook path, or never reads wl_ServiceUrl', () => {
    expect(errors(withFlow((t) => t.replace(serviceEndpointId(), '00000000-0000-0000-0000-000000000001')))).toEqual([`${flowPath}: updates a service endpoint other than the Wardline service endpoint`]);
    expect(errors(withFlow((t) => t.replace(`'${WEBHOOK_PATH}'`, "'/webhook'")))).toEqual([`${flowPath}: sets the webhook URL without the service's webhook path ${WEBHOOK_PATH}`]);
    expect(errors(withFlow((t) => t.replace(`"${SERVICE_URL_VARIABLE}"`, '"wl_CouncilName"'))))
      .toEqual([`${flowPath}: sets the webhook URL without reading environment variable ${SERVICE_URL_VARIABLE}, so the council's service address never reaches it`]);
  });

  it('the check refuses the flow when the solution lacks the wl_ServiceUrl definition', () => {
    const copy = new Map(files);
    copy.delete(`environmentvariabledefinitions/${SERVICE_URL_VARIABLE}/environmentvariabledefinition.xml`);
    expect(errors(copy)).toContain(`${flowPath}: sets the webhook URL from environment variable ${SERVICE_URL_VARIABLE}, which the solution does not define`);
  });
});
