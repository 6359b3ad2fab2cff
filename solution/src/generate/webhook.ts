import type { TableDef } from '@wardline/core/model';
import { braced, stableId } from '../ids';
import { el, text, type XmlElement } from '../xml';
import { logical, type SolutionModel } from '../solution-model';

export const SERVICE_ENDPOINT_NAME = 'Wardline service';
export const serviceEndpointId = (): string => stableId('serviceendpoint', SERVICE_ENDPOINT_NAME);
/** The environment variable holding the service's public address (a Dataverse service endpoint cannot read it itself). */
export const SERVICE_URL_VARIABLE = 'wl_ServiceUrl';
/** Path of the service's Dataverse webhook, appended to wl_ServiceUrl. */
export const WEBHOOK_PATH = '/api/dataverse/webhook';
/**
 * The URL shipped in the solution. `.invalid` never resolves (RFC 2606), so nothing leaves the
 * tenant until the "Wardline: point the webhook at the service" flow (or the admin, by hand)
 * sets the endpoint's URL from the wl_ServiceUrl environment variable.
 */
export const UNSET_WEBHOOK_URL = `https://wardline.invalid${WEBHOOK_PATH}`;

/** Dataverse's SDK message ids are the same in every environment. */
const SDK_MESSAGE = { Create: '9ebdbb1b-ea3e-db11-86a7-000a3a5473e8', Update: '20bebb1b-ea3e-db11-86a7-000a3a5473e8' } as const;
/** Object type code of serviceendpoint, the step's event handler type. */
const SERVICE_ENDPOINT_TYPE_CODE = 4618;
/** Columns a person changes in the app that the service must hear about (updates to others are ignored). */
export const WEBHOOK_UPDATE_COLUMNS = ['title', 'description', 'taskType', 'status', 'priority', 'latitude', 'longitude', 'address', 'ward', 'assignedOfficer', 'assignedTeam', 'dispatchMode', 'dueBy', 'resolution'] as const;

export interface WebhookStep {
  readonly id: string;
  readonly message: keyof typeof SDK_MESSAGE;
  readonly element: XmlElement;
}

/** The webhook registration: JSON messages, auth by HTTP header (its value is set in the tenant, never shipped). */
export function serviceEndpointElement(): XmlElement {
  return el('ServiceEndpoint', { ServiceEndpointId: braced(serviceEndpointId()), Name: SERVICE_ENDPOINT_NAME },
    text('ConnectionMode', 1),
    text('Contract', 8),
    text('Description', 'Sends job creates and updates to the Wardline service. Its URL is wl_ServiceUrl + ' + WEBHOOK_PATH + '.'),
    text('UserClaim', 1),
    text('IsCustomizable', true),
    text('AuthType', 5),
    text('MessageFormat', 2),
    text('Url', UNSET_WEBHOOK_URL));
}

/** Asynchronous post-operation steps on the job table for Create and Update, handled by the endpoint. */
export function webhookSteps(model: SolutionModel, task: TableDef): WebhookStep[] {
  const p = model.publisherPrefix;
  const entity = logical(p, task.key);
  return (['Create', 'Update'] as const).map((message) => {
    const id = stableId('sdkmessageprocessingstep', `${entity}.${message}`);
    const name = `Wardline: ${message} of ${entity} to the Wardline service`;
    const element = el('SdkMessageProcessingStep', { Name: name, SdkMessageProcessingStepId: braced(id) },
      text('PrimaryEntity', entity),
      text('AsyncAutoDelete', true),
      text('Description', `${message} of a job is sent to the Wardline service webhook, asynchronously.`),
      text('FilteringAttributes', message === 'Update' ? WEBHOOK_UPDATE_COLUMNS.map((c) => logical(p, c)).join(',') : ''),
      text('InvocationSource', 0),
      text('Mode', 1),
      text('Rank', 1),
      text('SdkMessageId', SDK_MESSAGE[message]),
      text('EventHandler', serviceEndpointId()),
      text('EventHandlerTypeCode', SERVICE_ENDPOINT_TYPE_CODE),
      text('Stage', 40),
      text('IsCustomizable', true),
      text('IsHidden', false),
      text('SupportedDeployment', 0),
      text('IntroducedVersion', '1.0.0.0'));
    return { id, message, element };
  });
}
