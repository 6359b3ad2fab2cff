import { JOBS_TAB_ENTITY_ID } from '../../cards';

/** The manifest schema Wardline targets (validated in tests against ../shared/reference/teams-schemas). */
export const MANIFEST_VERSION = '1.24';
export const MANIFEST_SCHEMA = `https://developer.microsoft.com/en-us/json-schemas/teams/v${MANIFEST_VERSION}/MicrosoftTeams.schema.json`;

export interface ManifestOptions {
  /** The Teams app's id (WARDLINE_TEAMS_APP_ID). */
  teamsAppId: string;
  /** The bot's Entra app id (WARDLINE_BOT_APP_ID). */
  botAppId: string;
  /** The Entra app id the tab uses for SSO (WARDLINE_TAB_APP_ID); defaults to the bot's. */
  tabAppId?: string;
  /** The public HTTPS address of the service (WARDLINE_SERVICE_URL). */
  serviceUrl: string;
  councilName: string;
  version: string;
}

/** The Teams app manifest: bot (personal and team), the Wardline tab, search message extension, SSO, device permissions. */
export function buildManifest(options: ManifestOptions): Record<string, unknown> {
  const url = new URL(options.serviceUrl);
  const base = options.serviceUrl.replace(/\/+$/, '');
  const ssoApp = options.tabAppId ?? options.botAppId;
  return {
    $schema: MANIFEST_SCHEMA,
    manifestVersion: MANIFEST_VERSION,
    version: options.version,
    id: options.teamsAppId,
    developer: { name: options.councilName.slice(0, 32), websiteUrl: base, privacyUrl: `${base}/privacy`, termsOfUseUrl: `${base}/terms` },
    name: { short: 'Wardline', full: `Wardline for ${options.councilName}`.slice(0, 100) },
    description: {
      short: 'Street and community jobs, on your phone.',
      full: 'Wardline brings the council\'s street and community jobs to Teams: officers receive, accept and complete jobs from cards; volunteers take offers near them; supervisors reassign; councillors follow jobs in their wards.',
    },
    icons: { color: 'color.png', outline: 'outline.png' },
    accentColor: '#00703C',
    bots: [{
      botId: options.botAppId, scopes: ['personal', 'team'], supportsFiles: true, isNotificationOnly: false,
      commandLists: [{ scopes: ['personal'], commands: [
        { title: 'my jobs', description: 'Your open jobs' }, { title: 'job', description: 'One job, e.g. job WL-26-000123' }, { title: 'report', description: 'Raise a job where you are' },
        { title: 'on duty', description: 'Receive offers' }, { title: 'off duty', description: 'Stop offers' }, { title: 'help', description: 'What Wardline can do' },
      ] }],
    }],
    composeExtensions: [{ botId: options.botAppId, commands: [{ id: 'findJob', type: 'query', title: 'Find a job', description: 'Find a Wardline job to share', initialRun: false, parameters: [{ name: 'query', title: 'Reference, title or address', description: 'e.g. WL-26-000123 or High Street' }] }] }],
    // The three views of the Wardline tab (issue 7); the channel tab shows one ward's cases to a ward team.
    staticTabs: [
      { entityId: JOBS_TAB_ENTITY_ID, name: 'My jobs', contentUrl: `${base}/tab/?inTeams=true#/jobs`, websiteUrl: `${base}/tab/#/jobs`, scopes: ['personal'] },
      { entityId: 'wardline-wards', name: 'My wards', contentUrl: `${base}/tab/?inTeams=true#/wards`, websiteUrl: `${base}/tab/#/wards`, scopes: ['personal'] },
      { entityId: 'wardline-board', name: 'Team board', contentUrl: `${base}/tab/?inTeams=true#/board`, websiteUrl: `${base}/tab/#/board`, scopes: ['personal'] },
    ],
    configurableTabs: [{ configurationUrl: `${base}/tab/?inTeams=true#/configure`, canUpdateConfiguration: true, scopes: ['team', 'groupChat'] }],
    permissions: ['identity', 'messageTeamMembers'],
    devicePermissions: ['geolocation', 'media'],
    validDomains: [url.host],
    webApplicationInfo: { id: ssoApp, resource: `api://${url.host}/${ssoApp}` },
  };
}
