/** Every package's error catalogue, in the order docs/errors.md lists them. */
import { CoreErrors } from '../core/src/errors';
import { GeoErrors } from '../core/src/geo/errors';
import { StoreErrors } from '../core/src/store/store-errors';
import { OutboxErrors } from '../core/src/outbox/outbox-errors';
import type { ErrorCatalogue } from '../core/src/docs';
import { ConfigErrors } from '../bot/src/config/config-errors';
import { IdentityErrors } from '../bot/src/identity/identity-errors';
import { TeamsErrors } from '../bot/src/teams/teams-errors';
import { NotifyErrors } from '../bot/src/notify/notify-errors';
import { TabErrors } from '../bot/src/tab/tab-errors';
import { ApiKeyErrors } from '../bot/src/open311/api-keys';
import { MediaErrors } from '../bot/src/intake/media-store';
import { IntakeErrors } from '../bot/src/intake/intake-errors';
import { SolutionErrors } from '../solution/src/errors';
import { FlowErrors } from '../flows/src/errors';
import { CliErrors } from '../scripts/src/errors';

export const errorCatalogues: ErrorCatalogue[] = [
  { packageName: '@wardline/core', errors: { ...CoreErrors, ...GeoErrors, ...StoreErrors, ...OutboxErrors } },
  { packageName: '@wardline/bot: configuration, sign-in and Teams', errors: { ...ConfigErrors, ...IdentityErrors, ...TeamsErrors, ...TabErrors } },
  { packageName: '@wardline/bot: intake, Open311 and Notify', errors: { ...IntakeErrors, ...ApiKeyErrors, ...MediaErrors, ...NotifyErrors } },
  { packageName: '@wardline/solution and @wardline/flows', errors: { ...SolutionErrors, ...FlowErrors } },
  { packageName: 'wardline command line', errors: CliErrors },
];
