import { Open311Error, Open311Errors } from './open311-errors';
import type { Open311Call, Open311Context } from './open311-context';
import { checkJurisdiction } from './authorise';
import { serviceDefinition, serviceRecord } from './service-catalogue';
import { list, type WireDocument } from './wire';

/** GET discovery: where the endpoint is, what it speaks and who to ask for a key (Service Discovery spec). */
export async function discovery(context: Open311Context): Promise<WireDocument> {
  const url = `${context.settings.serviceUrl.replace(/\/$/, '')}/open311/v2`;
  const changeset = context.clock().toISOString().replace(/\.\d{3}Z$/, 'Z');
  return {
    root: 'discovery',
    single: {
      changeset,
      contact: context.config.contact,
      key_service: `Ask ${context.settings.councilName} for an API key (they run \`wardline open311 keys add NAME\`).`,
      endpoints: list('endpoint', [{
        specification: 'http://wiki.open311.org/GeoReport_v2',
        url,
        changeset,
        type: 'production',
        formats: list('format', ['text/xml', 'application/json']),
      }]),
    },
  };
}

/** GET services: every task type with an Open311 code. */
export async function services(context: Open311Context, call: Open311Call): Promise<WireDocument> {
  checkJurisdiction(context, call);
  const catalogue = await context.catalogue();
  return { root: 'services', item: 'service', items: catalogue.services.map(serviceRecord) };
}

/** GET services/{code}: the questions of one service. */
export async function definition(context: Open311Context, call: Open311Call): Promise<WireDocument> {
  checkJurisdiction(context, call);
  const service = (await context.catalogue()).get(call.id ?? '');
  if (!service) throw new Open311Error(404, Open311Errors.UnknownService, { code: (call.id ?? '').slice(0, 50) });
  return { root: 'service_definition', single: serviceDefinition(service) };
}
