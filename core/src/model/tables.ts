import type { TableDef } from './types';

/**
 * Every Wardline table, declared once. Logical names are derived: table `task` is `wl_task`,
 * column `dueBy` is `wl_dueby`. Every table also has the system columns `id`, `createdOn` and
 * `modifiedOn`, which Dataverse provides and the embedded store mirrors.
 */

export const task = {
  key: 'task',
  label: 'Job',
  pluralLabel: 'Jobs',
  description: 'A street or community job reported to the council, from report to completion.',
  primaryName: 'title',
  audited: true,
  columns: [
    { key: 'reference', kind: 'string', maxLength: 20, required: true, label: 'Reference', description: 'Human-readable job reference, e.g. WL-26-000123.' },
    { key: 'title', kind: 'string', maxLength: 200, required: true, label: 'Title', description: 'Short summary of the job.' },
    { key: 'description', kind: 'memo', maxLength: 4000, label: 'Description', description: 'What the reporter said, in full.' },
    { key: 'taskType', kind: 'lookup', target: 'taskType', required: true, onDelete: 'restrict', label: 'Task type', description: 'The catalogue entry this job is an instance of.' },
    { key: 'status', kind: 'choice', choice: 'wl_taskstatus', required: true, audited: true, label: 'Status', description: 'Where the job is in its life.' },
    { key: 'priority', kind: 'choice', choice: 'wl_priority', required: true, audited: true, label: 'Priority', description: 'How soon the job must be dealt with.' },
    { key: 'priorityReason', kind: 'memo', maxLength: 1000, label: 'Priority reason', description: 'Why triage (or a supervisor) set this priority.' },
    { key: 'latitude', kind: 'float', precision: 6, min: -90, max: 90, required: true, label: 'Latitude', description: 'WGS84 latitude of the job.' },
    { key: 'longitude', kind: 'float', precision: 6, min: -180, max: 180, required: true, label: 'Longitude', description: 'WGS84 longitude of the job.' },
    { key: 'address', kind: 'string', maxLength: 400, label: 'Address', description: 'Street address or location description.' },
    { key: 'uprn', kind: 'string', maxLength: 12, label: 'UPRN', description: 'Unique Property Reference Number, up to 12 digits.' },
    { key: 'usrn', kind: 'string', maxLength: 8, label: 'USRN', description: 'Unique Street Reference Number, up to 8 digits.' },
    { key: 'ward', kind: 'lookup', target: 'ward', onDelete: 'removeLink', label: 'Ward', description: 'The ward the job lies in.' },
    { key: 'wardCode', kind: 'string', maxLength: 9, label: 'Ward ONS code', description: 'ONS code of the ward at the time of the report (boundaries change).' },
    { key: 'wardVintage', kind: 'string', maxLength: 20, label: 'Ward boundary vintage', description: 'Which edition of the ward boundaries placed the job.' },
    { key: 'asset', kind: 'lookup', target: 'asset', onDelete: 'removeLink', label: 'Asset', description: 'The nearest fixed asset (bin, bench, tree, sign), if any.' },
    { key: 'sourceChannel', kind: 'choice', choice: 'wl_sourcechannel', required: true, label: 'Source channel', description: 'How the report reached the council.' },
    { key: 'externalReference', kind: 'string', maxLength: 100, label: 'External reference', description: 'The reference in the system that sent it (e.g. Open311 service_request_id).' },
    { key: 'reporterName', kind: 'string', maxLength: 200, personal: true, label: 'Reporter name', description: 'Name of the person who reported it (personal data).' },
    { key: 'reporterEmail', kind: 'string', maxLength: 320, format: 'email', personal: true, label: 'Reporter email', description: 'Email for updates to the reporter (personal data).' },
    { key: 'reporterPhone', kind: 'string', maxLength: 30, format: 'phone', personal: true, label: 'Reporter phone', description: 'Phone for text updates to the reporter (personal data).' },
    { key: 'councillorRaised', kind: 'boolean', defaultValue: false, label: 'Raised by a councillor', description: 'A ward councillor raised this job.' },
    { key: 'assignedOfficer', kind: 'lookup', target: 'officer', onDelete: 'removeLink', audited: true, label: 'Assigned officer', description: 'The officer or volunteer who has the job.' },
    { key: 'assignedTeam', kind: 'string', maxLength: 100, label: 'Assigned team', description: 'The team whose queue the job is in.' },
    { key: 'dispatchMode', kind: 'choice', choice: 'wl_dispatchmode', required: true, label: 'Dispatch mode', description: 'How the job finds its officer.' },
    { key: 'dueBy', kind: 'datetime', label: 'Due by', description: 'When the job is due under its service level (working hours).' },
    { key: 'reportedOn', kind: 'datetime', required: true, label: 'Reported on', description: 'When the report was made.' },
    { key: 'acceptedOn', kind: 'datetime', label: 'Accepted on', description: 'When an officer accepted it.' },
    { key: 'startedOn', kind: 'datetime', label: 'Started on', description: 'When work started.' },
    { key: 'completedOn', kind: 'datetime', label: 'Completed on', description: 'When it was closed (completed or could not complete).' },
    { key: 'resolution', kind: 'memo', maxLength: 2000, label: 'Resolution', description: 'Public note on what was done, or why it could not be.' },
    { key: 'duplicateOf', kind: 'lookup', target: 'task', onDelete: 'removeLink', label: 'Duplicate of', description: 'The job this one was merged into.' },
    { key: 'reportCount', kind: 'integer', min: 1, required: true, label: 'Report count', description: 'How many reports this job stands for.' },
    { key: 'rowVersion', kind: 'integer', min: 1, required: true, label: 'Row version', description: 'Incremented on every change; stale updates are refused.' },
  ],
  alternateKeys: [
    { name: 'reference', label: 'Reference', columns: ['reference'] },
    { name: 'external', label: 'Source and external reference', columns: ['sourceChannel', 'externalReference'] },
  ],
} as const satisfies TableDef;

export const taskType = {
  key: 'taskType',
  label: 'Task type',
  pluralLabel: 'Task types',
  description: 'The catalogue of jobs the council does, with service levels and routing defaults.',
  primaryName: 'name',
  columns: [
    { key: 'name', kind: 'string', maxLength: 200, required: true, label: 'Name', description: 'What residents and officers call it.' },
    { key: 'code', kind: 'string', maxLength: 50, required: true, label: 'Code', description: 'Stable code, e.g. fly-tipping.' },
    { key: 'serviceArea', kind: 'choice', choice: 'wl_servicearea', required: true, label: 'Service area', description: 'The council service responsible.' },
    { key: 'defaultPriority', kind: 'choice', choice: 'wl_priority', required: true, label: 'Default priority', description: 'Priority before triage rules apply.' },
    { key: 'slaHours', kind: 'integer', min: 1, max: 2000, required: true, label: 'Service level (working hours)', description: 'Working hours from report to due.' },
    { key: 'open311Code', kind: 'string', maxLength: 50, label: 'Open311 service code', description: 'service_code offered through Open311.' },
    { key: 'open311Group', kind: 'string', maxLength: 200, label: 'Open311 group', description: 'Group (or groups, separated by |) shown by Open311 clients.' },
    { key: 'keywords', kind: 'string', maxLength: 1000, label: 'Keywords', description: 'Comma-separated words that suggest this type.' },
    { key: 'description', kind: 'memo', maxLength: 2000, label: 'Description', description: 'What the job covers.' },
    { key: 'requirePhoto', kind: 'boolean', defaultValue: false, label: 'Photo required on completion', description: 'Officers must attach a photo to complete.' },
    { key: 'checklist', kind: 'memo', maxLength: 4000, label: 'Checklist', description: 'Steps for the officer, one per line.' },
    { key: 'dispatchMode', kind: 'choice', choice: 'wl_dispatchmode', required: true, label: 'Dispatch mode', description: 'Default way of finding an officer.' },
    { key: 'redaction', kind: 'choice', choice: 'wl_redactionlevel', required: true, label: 'Audience redaction', description: 'How much councillors and the public see.' },
    { key: 'duplicateRadius', kind: 'integer', min: 0, max: 5000, required: true, label: 'Duplicate radius (m)', description: 'Reports this close to an open job of the same type are duplicates.' },
    { key: 'duplicateWindowDays', kind: 'integer', min: 0, max: 365, required: true, label: 'Duplicate window (days)', description: 'How old an open job may be and still attract duplicates.' },
    { key: 'active', kind: 'boolean', defaultValue: true, label: 'Active', description: 'Offered for new reports.' },
    { key: 'open311Type', kind: 'string', maxLength: 10, label: 'Open311 service type', description: 'realtime (the default: the reference is returned at once), batch (a token, exchanged for the reference later) or blackbox (neither).' },
    { key: 'open311Attributes', kind: 'memo', maxLength: 20000, json: true, label: 'Open311 questions', description: 'Questions asked through Open311 and the report form, as a JSON array of GeoReport v2 attributes (code, datatype, required, description, order, values, automated).' },
  ],
  alternateKeys: [{ name: 'code', label: 'Code', columns: ['code'] }],
} as const satisfies TableDef;

export const taskUpdate = {
  key: 'taskUpdate',
  label: 'Timeline update',
  pluralLabel: 'Timeline updates',
  description: "An entry in a job's timeline: status changes, notes, photos, reassignments.",
  primaryName: 'summary',
  audited: true,
  columns: [
    { key: 'summary', kind: 'string', maxLength: 200, required: true, label: 'Summary', description: 'One line describing the entry.' },
    { key: 'task', kind: 'lookup', target: 'task', required: true, onDelete: 'cascade', label: 'Job', description: 'The job this entry belongs to.' },
    { key: 'kind', kind: 'choice', choice: 'wl_updatekind', required: true, label: 'Kind', description: 'What the entry records.' },
    { key: 'fromStatus', kind: 'choice', choice: 'wl_taskstatus', label: 'From status', description: 'Status before a status change.' },
    { key: 'toStatus', kind: 'choice', choice: 'wl_taskstatus', label: 'To status', description: 'Status after a status change.' },
    { key: 'note', kind: 'memo', maxLength: 4000, label: 'Note', description: 'Free text.' },
    { key: 'attachmentUrl', kind: 'string', maxLength: 1000, format: 'url', label: 'Photo', description: 'Where the photo is stored.' },
    { key: 'attachmentType', kind: 'string', maxLength: 100, label: 'Photo type', description: 'Media type of the photo.' },
    { key: 'author', kind: 'lookup', target: 'officer', onDelete: 'removeLink', label: 'Author', description: 'Who made the entry (empty for the system or a resident).' },
    { key: 'authorName', kind: 'string', maxLength: 200, label: 'Author name', description: 'Name shown for the author.' },
    { key: 'occurredOn', kind: 'datetime', required: true, label: 'Occurred on', description: 'When it happened (which may be before it synced).' },
    { key: 'visibility', kind: 'choice', choice: 'wl_visibility', required: true, label: 'Visibility', description: 'Who may read it.' },
    { key: 'clientId', kind: 'string', maxLength: 100, label: 'Client id', description: 'Id generated by the device, so a retried sync is applied once.' },
  ],
  alternateKeys: [{ name: 'clientid', label: 'Client id', columns: ['clientId'] }],
} as const satisfies TableDef;

export const ward = {
  key: 'ward',
  label: 'Ward',
  pluralLabel: 'Wards',
  description: "An electoral ward of the council, with its boundary.",
  primaryName: 'name',
  columns: [
    { key: 'name', kind: 'string', maxLength: 200, required: true, label: 'Name', description: 'Ward name.' },
    { key: 'code', kind: 'string', maxLength: 9, required: true, label: 'ONS code', description: 'ONS ward code, e.g. E05004123.' },
    { key: 'council', kind: 'string', maxLength: 200, label: 'Council', description: 'The council the ward belongs to.' },
    { key: 'councilCode', kind: 'string', maxLength: 9, label: 'Council ONS code', description: 'ONS code of the local authority.' },
    { key: 'boundary', kind: 'memo', maxLength: 1048576, json: true, required: true, label: 'Boundary', description: 'GeoJSON Polygon or MultiPolygon geometry, WGS84.' },
    { key: 'vintage', kind: 'string', maxLength: 20, label: 'Boundary vintage', description: 'Edition of the boundaries, e.g. 2024-12.' },
  ],
  alternateKeys: [{ name: 'code', label: 'ONS code', columns: ['code'] }],
} as const satisfies TableDef;

export const wardMember = {
  key: 'wardMember',
  label: 'Ward member',
  pluralLabel: 'Ward members',
  description: 'A councillor representing a ward.',
  primaryName: 'name',
  columns: [
    { key: 'name', kind: 'string', maxLength: 200, required: true, label: 'Name', description: 'Councillor and ward, for display.' },
    { key: 'ward', kind: 'lookup', target: 'ward', required: true, onDelete: 'cascade', label: 'Ward', description: 'The ward.' },
    { key: 'councillor', kind: 'lookup', target: 'officer', required: true, onDelete: 'cascade', label: 'Councillor', description: 'The councillor (a person with the councillor role).' },
  ],
  alternateKeys: [{ name: 'membership', label: 'Ward and councillor', columns: ['ward', 'councillor'] }],
} as const satisfies TableDef;

export const asset = {
  key: 'asset',
  label: 'Asset',
  pluralLabel: 'Assets',
  description: 'A fixed asset with a GPS position: bin, bench, tree, sign.',
  primaryName: 'name',
  columns: [
    { key: 'name', kind: 'string', maxLength: 200, required: true, label: 'Name', description: 'Name or label of the asset.' },
    { key: 'assetType', kind: 'string', maxLength: 100, required: true, label: 'Asset type', description: 'Kind of asset, e.g. litter bin.' },
    { key: 'externalId', kind: 'string', maxLength: 100, required: true, label: 'External id', description: "The asset's id in the council's asset register." },
    { key: 'latitude', kind: 'float', precision: 6, min: -90, max: 90, required: true, label: 'Latitude', description: 'WGS84 latitude.' },
    { key: 'longitude', kind: 'float', precision: 6, min: -180, max: 180, required: true, label: 'Longitude', description: 'WGS84 longitude.' },
    { key: 'ward', kind: 'lookup', target: 'ward', onDelete: 'removeLink', label: 'Ward', description: 'The ward the asset is in.' },
    { key: 'description', kind: 'memo', maxLength: 2000, label: 'Description', description: 'Notes about the asset.' },
  ],
  alternateKeys: [{ name: 'externalid', label: 'External id', columns: ['externalId'] }],
} as const satisfies TableDef;

export const routingRule = {
  key: 'routingRule',
  label: 'Routing rule',
  pluralLabel: 'Routing rules',
  description: 'Ordered rules deciding which team or officer gets a job; the first that matches wins.',
  primaryName: 'name',
  columns: [
    { key: 'name', kind: 'string', maxLength: 200, required: true, label: 'Name', description: 'What the rule is for.' },
    { key: 'order', kind: 'integer', min: 0, max: 1000000, required: true, label: 'Order', description: 'Rules are tried in ascending order.' },
    { key: 'active', kind: 'boolean', defaultValue: true, label: 'Active', description: 'Inactive rules are skipped.' },
    { key: 'matchTaskType', kind: 'lookup', target: 'taskType', onDelete: 'cascade', label: 'Match task type', description: 'Only jobs of this type.' },
    { key: 'matchServiceArea', kind: 'choice', choice: 'wl_servicearea', label: 'Match service area', description: 'Only jobs in this service area.' },
    { key: 'matchWard', kind: 'lookup', target: 'ward', onDelete: 'cascade', label: 'Match ward', description: 'Only jobs in this ward.' },
    { key: 'matchSource', kind: 'choice', choice: 'wl_sourcechannel', label: 'Match source', description: 'Only jobs from this channel.' },
    { key: 'matchKeywords', kind: 'string', maxLength: 1000, label: 'Match keywords', description: 'Comma-separated; any one in the description matches.' },
    { key: 'assignTeam', kind: 'string', maxLength: 100, label: 'Team', description: 'Team whose queue gets the job.' },
    { key: 'assignOfficer', kind: 'lookup', target: 'officer', onDelete: 'removeLink', label: 'Officer', description: 'Officer who gets the job.' },
    { key: 'setPriority', kind: 'choice', choice: 'wl_priority', label: 'Set priority', description: 'Priority to apply.' },
    { key: 'dispatchMode', kind: 'choice', choice: 'wl_dispatchmode', label: 'Dispatch mode', description: 'Dispatch mode to apply.' },
  ],
  alternateKeys: [],
} as const satisfies TableDef;

export const officer = {
  key: 'officer',
  label: 'Person',
  pluralLabel: 'People',
  description: 'Someone Wardline reaches in Teams: field officer, supervisor, volunteer or councillor.',
  primaryName: 'name',
  columns: [
    { key: 'name', kind: 'string', maxLength: 200, required: true, label: 'Name', description: 'Full name.' },
    { key: 'email', kind: 'string', maxLength: 320, format: 'email', label: 'Email', description: 'Work email (user principal name).' },
    { key: 'entraObjectId', kind: 'string', maxLength: 36, required: true, label: 'Entra object id', description: 'The person\'s object id in Microsoft Entra ID.' },
    { key: 'role', kind: 'choice', choice: 'wl_personrole', required: true, label: 'Role', description: 'Officer, supervisor, volunteer or councillor.' },
    { key: 'teams', kind: 'string', maxLength: 500, label: 'Teams', description: 'Comma-separated teams the person works in.' },
    { key: 'patch', kind: 'string', maxLength: 2000, label: 'Patch', description: 'Comma-separated ONS codes of the wards the person covers.' },
    { key: 'supervisor', kind: 'lookup', target: 'officer', onDelete: 'removeLink', label: 'Supervisor', description: 'Who manages this person.' },
    { key: 'onDuty', kind: 'boolean', defaultValue: false, label: 'On duty', description: 'Receives pool and volunteer offers.' },
    { key: 'trusted', kind: 'boolean', defaultValue: false, label: 'Trusted volunteer', description: 'Vetted to receive volunteer referrals.' },
    { key: 'radius', kind: 'integer', min: 0, max: 100000, label: 'Radius (m)', description: 'How far from home a volunteer will travel.' },
    { key: 'homeLatitude', kind: 'float', precision: 6, min: -90, max: 90, label: 'Base latitude', description: 'Where a volunteer starts from (approximate).' },
    { key: 'homeLongitude', kind: 'float', precision: 6, min: -180, max: 180, label: 'Base longitude', description: 'Where a volunteer starts from (approximate).' },
    { key: 'conversationReference', kind: 'memo', maxLength: 4000, json: true, label: 'Teams conversation', description: "Wardline's record of the person's Teams personal chat." },
    { key: 'conversationStale', kind: 'boolean', defaultValue: false, label: 'Teams chat unreachable', description: 'The last send failed because the app is not installed.' },
  ],
  alternateKeys: [{ name: 'entraobjectid', label: 'Entra object id', columns: ['entraObjectId'] }],
} as const satisfies TableDef;

export const subscription = {
  key: 'subscription',
  label: 'Subscription',
  pluralLabel: 'Subscriptions',
  description: 'Who wants updates about what: councillor ward alerts, resident report updates.',
  primaryName: 'name',
  columns: [
    { key: 'name', kind: 'string', maxLength: 200, required: true, label: 'Name', description: 'What the subscription is.' },
    { key: 'person', kind: 'lookup', target: 'officer', onDelete: 'cascade', label: 'Person', description: 'Councillor or staff subscriber.' },
    { key: 'task', kind: 'lookup', target: 'task', onDelete: 'cascade', label: 'Job', description: 'A single job followed.' },
    { key: 'ward', kind: 'lookup', target: 'ward', onDelete: 'cascade', label: 'Ward', description: 'Every job in this ward.' },
    { key: 'taskType', kind: 'lookup', target: 'taskType', onDelete: 'cascade', label: 'Task type', description: 'Only jobs of this type (empty: all).' },
    { key: 'channel', kind: 'choice', choice: 'wl_subscriptionchannel', required: true, label: 'Channel', description: 'How updates are sent.' },
    { key: 'contact', kind: 'string', maxLength: 320, personal: true, label: 'Contact', description: "A resident's email address or phone number (personal data)." },
    { key: 'events', kind: 'string', maxLength: 500, required: true, label: 'Events', description: 'Comma-separated: raised, accepted, overdue, completed, could_not_complete.' },
    { key: 'active', kind: 'boolean', defaultValue: true, label: 'Active', description: 'Updates are sent.' },
  ],
  alternateKeys: [],
} as const satisfies TableDef;

export const outbox = {
  key: 'outbox',
  label: 'Outbox event',
  pluralLabel: 'Outbox events',
  description: 'A durable message waiting to be delivered (Teams card, Notify message, Open311 update).',
  primaryName: 'name',
  columns: [
    { key: 'name', kind: 'string', maxLength: 200, required: true, label: 'Name', description: 'What the event is.' },
    { key: 'eventType', kind: 'string', maxLength: 100, required: true, label: 'Event type', description: 'e.g. task.assigned, task.completed.' },
    { key: 'channel', kind: 'choice', choice: 'wl_outboxchannel', required: true, label: 'Channel', description: 'Where it is delivered.' },
    { key: 'recipient', kind: 'string', maxLength: 400, label: 'Recipient', description: 'Person id, address or endpoint.' },
    { key: 'payload', kind: 'memo', maxLength: 100000, json: true, required: true, label: 'Payload', description: 'What to deliver, as JSON.' },
    { key: 'idempotencyKey', kind: 'string', maxLength: 200, required: true, label: 'Idempotency key', description: 'One delivery per key: (event, recipient).' },
    { key: 'task', kind: 'lookup', target: 'task', onDelete: 'cascade', label: 'Job', description: 'The job the event is about.' },
    { key: 'status', kind: 'choice', choice: 'wl_outboxstatus', required: true, label: 'Status', description: 'Progress of delivery.' },
    { key: 'attempts', kind: 'integer', min: 0, required: true, label: 'Attempts', description: 'Delivery attempts so far.' },
    { key: 'nextAttemptOn', kind: 'datetime', required: true, label: 'Next attempt on', description: 'Not before this time.' },
    { key: 'leaseUntil', kind: 'datetime', label: 'Lease until', description: 'A dispatcher holds it until then.' },
    { key: 'lastError', kind: 'memo', maxLength: 4000, label: 'Last error', description: 'Why the last attempt failed.' },
    { key: 'deliveredOn', kind: 'datetime', label: 'Delivered on', description: 'When it was delivered.' },
    { key: 'externalId', kind: 'string', maxLength: 100, label: 'Receiving service id', description: "The receiving service's id for the delivery (e.g. the GOV.UK Notify notification id)." },
    { key: 'deliveryStatus', kind: 'string', maxLength: 50, label: 'Receipt status', description: 'What the receiving service last reported (e.g. GOV.UK Notify: delivered, permanent-failure).' },
  ],
  alternateKeys: [{ name: 'idempotency', label: 'Idempotency key', columns: ['idempotencyKey'] }],
} as const satisfies TableDef;

export const apiKey = {
  key: 'apiKey',
  label: 'Open311 API key',
  pluralLabel: 'Open311 API keys',
  description: 'A client allowed to post reports through Open311 (e.g. FixMyStreet); the key itself is never stored, only its hash.',
  primaryName: 'name',
  columns: [
    { key: 'name', kind: 'string', maxLength: 100, required: true, label: 'Name', description: 'Who the key is for, e.g. fixmystreet.' },
    { key: 'keyHash', kind: 'string', maxLength: 64, required: true, label: 'Key hash', description: 'SHA-256 of the key, in hex.' },
    { key: 'keyPrefix', kind: 'string', maxLength: 12, required: true, label: 'Key starts with', description: 'The first characters of the key, to tell keys apart in lists.' },
    { key: 'active', kind: 'boolean', defaultValue: true, label: 'Active', description: 'Revoked keys are refused.' },
    { key: 'revokedOn', kind: 'datetime', label: 'Revoked on', description: 'When the key was revoked.' },
    { key: 'requestsPerMinute', kind: 'integer', min: 1, max: 100000, label: 'Requests a minute', description: 'Most requests a minute the client may make (empty: the council default).' },
    { key: 'pushUrl', kind: 'string', maxLength: 1000, format: 'url', label: 'Update endpoint', description: "The client's servicerequestupdates endpoint, where job updates are posted (FixMyStreet's mySociety extension)." },
    { key: 'pushApiKey', kind: 'string', maxLength: 200, personal: true, label: 'Update endpoint key', description: 'The api_key the client expects on posted updates (secret).' },
  ],
  alternateKeys: [
    { name: 'name', label: 'Name', columns: ['name'] },
    { name: 'keyhash', label: 'Key hash', columns: ['keyHash'] },
  ],
} as const satisfies TableDef;

/** Every table, in dependency order (targets of lookups before the tables that use them, where possible). */
export const tables = [taskType, ward, officer, asset, wardMember, routingRule, task, taskUpdate, subscription, outbox, apiKey] as const;

export type TableKey = (typeof tables)[number]['key'];
