import type { EnvironmentVariableDef } from './types';

/**
 * Council-level settings. In a tenant they are Dataverse environment variables (definitions
 * only: shipping values would overwrite a council's settings on upgrade); locally the service
 * reads `localName` from the process environment.
 */
export const environmentVariables: readonly EnvironmentVariableDef[] = [
  { schemaName: 'wl_CouncilName', localName: 'WARDLINE_COUNCIL_NAME', label: 'Council name', type: 'string', required: true, description: 'Shown to residents, officers and councillors.' },
  { schemaName: 'wl_CouncilCode', localName: 'WARDLINE_COUNCIL_CODE', label: 'Council ONS code', type: 'string', required: false, description: 'ONS code of the local authority, e.g. E07000071.' },
  { schemaName: 'wl_ServiceUrl', localName: 'WARDLINE_SERVICE_URL', label: 'Wardline service URL', type: 'string', required: true, description: 'Public HTTPS address of the Wardline service; Dataverse sends job changes to its webhook.' },
  { schemaName: 'wl_TimeZone', localName: 'WARDLINE_TIME_ZONE', label: 'Time zone', type: 'string', required: false, defaultValue: 'Europe/London', description: 'IANA time zone for working hours and due dates.' },
  { schemaName: 'wl_WorkingHours', localName: 'WARDLINE_WORKING_HOURS', label: 'Working hours', type: 'string', required: false, defaultValue: '08:00-17:00', description: 'Start and end of the working day, HH:MM-HH:MM, local time.' },
  { schemaName: 'wl_WorkingDays', localName: 'WARDLINE_WORKING_DAYS', label: 'Working days', type: 'string', required: false, defaultValue: 'Mon,Tue,Wed,Thu,Fri', description: 'Days that count towards service levels.' },
  { schemaName: 'wl_BankHolidayRegion', localName: 'WARDLINE_BANK_HOLIDAY_REGION', label: 'Bank holiday region', type: 'string', required: false, defaultValue: 'england-and-wales', description: 'england-and-wales, scotland or northern-ireland.' },
  { schemaName: 'wl_TileUrlTemplate', localName: 'WARDLINE_TILE_URL', label: 'Map tile URL template', type: 'string', required: false, description: 'e.g. https://tile.example/{z}/{x}/{y}.png; empty means maps show boundaries and points only.' },
  { schemaName: 'wl_TileAttribution', localName: 'WARDLINE_TILE_ATTRIBUTION', label: 'Map tile attribution', type: 'string', required: false, description: 'Attribution the tile provider requires.' },
  { schemaName: 'wl_SnapRadius', localName: 'WARDLINE_SNAP_RADIUS', label: 'Asset snap radius (m)', type: 'number', required: false, defaultValue: '25', description: 'A report this close to an asset is attached to it.' },
  { schemaName: 'wl_SensitiveLocations', localName: 'WARDLINE_SENSITIVE_LOCATIONS', label: 'Sensitive locations', type: 'json', required: false, defaultValue: '[]', description: 'JSON list of {name, latitude, longitude, radius} (schools, care homes) that raise priority.' },
  { schemaName: 'wl_NotifyApiKey', localName: 'WARDLINE_NOTIFY_API_KEY', label: 'GOV.UK Notify API key', type: 'secret', required: false, description: 'Key for resident emails and texts; without it nothing is sent.' },
  { schemaName: 'wl_NotifyTemplates', localName: 'WARDLINE_NOTIFY_TEMPLATES', label: 'GOV.UK Notify templates', type: 'json', required: false, defaultValue: '{}', description: 'JSON map of event to template ids for email and SMS.' },
  { schemaName: 'wl_NotifyCallbackToken', localName: 'WARDLINE_NOTIFY_CALLBACK_TOKEN', label: 'GOV.UK Notify callback token', type: 'secret', required: false, description: 'Bearer token GOV.UK Notify sends with delivery receipts (set the same in Notify); without it receipts are refused.' },
  { schemaName: 'wl_Open311Jurisdiction', localName: 'WARDLINE_OPEN311_JURISDICTION', label: 'Open311 jurisdiction id', type: 'string', required: false, description: 'e.g. example.gov.uk; when set, Open311 requests naming another jurisdiction are refused.' },
  { schemaName: 'wl_Open311RequestsPerMinute', localName: 'WARDLINE_OPEN311_RATE', label: 'Open311 requests a minute per key', type: 'number', required: false, defaultValue: '600', description: 'Default limit for each Open311 API key that sets none of its own.' },
  { schemaName: 'wl_Open311Contact', localName: 'WARDLINE_OPEN311_CONTACT', label: 'Open311 contact', type: 'string', required: false, description: 'Who Open311 client developers should contact, shown in discovery (e.g. an email address).' },
  { schemaName: 'wl_BotAppId', localName: 'WARDLINE_BOT_APP_ID', label: 'Teams bot app id', type: 'string', required: false, description: 'Microsoft Entra app id of the Wardline bot.' },
  { schemaName: 'wl_TabAppId', localName: 'WARDLINE_TAB_APP_ID', label: 'Teams tab app id', type: 'string', required: false, description: 'Microsoft Entra app id the tab uses for single sign-on.' },
  { schemaName: 'wl_VolunteerOfferRadius', localName: 'WARDLINE_VOLUNTEER_RADIUS', label: 'Volunteer offer radius (m)', type: 'number', required: false, defaultValue: '3000', description: 'Default radius for offers to volunteers without their own.' },
];
