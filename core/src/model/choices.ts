import type { ChoiceDef, ChoiceOption } from './types';

/** Choice values start at the publisher's option value prefix (10457 -> 104570000). */
export const OPTION_VALUE_BASE = 104570000;

interface OptionInput<K extends string> {
  readonly key: K;
  readonly label: string;
  readonly description?: string;
}

export interface TypedChoice<K extends string, N extends string = string> extends ChoiceDef {
  readonly name: N;
  readonly options: readonly (ChoiceOption & { readonly key: K })[];
}

/**
 * Declares a global choice. Values follow declaration order, so once released an option may
 * only ever be appended: reordering would change values stored in councils' tenants.
 */
function defineChoice<const N extends string, const K extends string>(
  name: N,
  label: string,
  description: string,
  options: readonly OptionInput<K>[],
): TypedChoice<K, N> {
  return {
    name,
    label,
    description,
    options: options.map((o, i) => ({ ...o, value: OPTION_VALUE_BASE + i })),
  };
}

export const taskStatus = defineChoice('wl_taskstatus', 'Task status', 'Where a job is in its life.', [
  { key: 'new', label: 'New', description: 'Triaged but nobody has it yet (or offered to a pool).' },
  { key: 'assigned', label: 'Assigned', description: 'Given to an officer who has not yet accepted.' },
  { key: 'accepted', label: 'Accepted', description: 'The officer has taken it on.' },
  { key: 'in_progress', label: 'In progress', description: 'The officer is working on it.' },
  { key: 'on_hold', label: 'On hold', description: 'Paused, with a reason.' },
  { key: 'completed', label: 'Completed', description: 'Done.' },
  { key: 'could_not_complete', label: 'Could not complete', description: 'Closed without being done, with a reason.' },
  { key: 'cancelled', label: 'Cancelled', description: 'Withdrawn by a supervisor.' },
  { key: 'merged', label: 'Merged as duplicate', description: 'Joined to another job.' },
]);

export const priority = defineChoice('wl_priority', 'Priority', 'How soon a job must be dealt with.', [
  { key: 'urgent', label: 'Urgent', description: 'Danger to the public: same day.' },
  { key: 'high', label: 'High' },
  { key: 'normal', label: 'Normal' },
  { key: 'low', label: 'Low' },
]);

export const sourceChannel = defineChoice('wl_sourcechannel', 'Source channel', 'How a report reached Wardline.', [
  { key: 'open311', label: 'Open311' },
  { key: 'webform', label: 'Web form' },
  { key: 'teams', label: 'Teams' },
  { key: 'tab', label: 'Teams tab' },
  { key: 'modeldriven', label: 'Model-driven app' },
  { key: 'sensor', label: 'Sensor' },
  { key: 'phone', label: 'Phone' },
  { key: 'email', label: 'Email' },
  { key: 'import', label: 'Import' },
  { key: 'cli', label: 'Command line' },
  { key: 'resident_form', label: 'Resident report form' },
]);

export const dispatchMode = defineChoice('wl_dispatchmode', 'Dispatch mode', 'How a job finds its officer.', [
  { key: 'assign', label: 'Assign to one officer' },
  { key: 'pool', label: 'Offer to a team pool', description: 'First to accept takes it.' },
  { key: 'volunteers', label: 'Offer to volunteers nearby', description: 'Trusted volunteers within their radius; first to accept takes it.' },
]);

export const serviceArea = defineChoice('wl_servicearea', 'Service area', 'The council service a task type belongs to.', [
  { key: 'street_care', label: 'Street care' },
  { key: 'grounds_maintenance', label: 'Grounds maintenance' },
  { key: 'parks', label: 'Parks' },
  { key: 'countryside', label: 'Countryside' },
  { key: 'arboriculture', label: 'Trees' },
  { key: 'community_support', label: 'Community support' },
]);

export const visibility = defineChoice('wl_visibility', 'Visibility', 'Who may read a timeline entry.', [
  { key: 'internal', label: 'Internal', description: 'Council staff only.' },
  { key: 'councillor', label: 'Councillor', description: 'Staff and ward councillors.' },
  { key: 'public', label: 'Public', description: 'Everyone, including the resident who reported it.' },
]);

export const updateKind = defineChoice('wl_updatekind', 'Update kind', 'What a timeline entry records.', [
  { key: 'created', label: 'Created' },
  { key: 'triage', label: 'Triage decision' },
  { key: 'status_change', label: 'Status change' },
  { key: 'note', label: 'Note' },
  { key: 'photo', label: 'Photo' },
  { key: 'reassignment', label: 'Reassignment' },
  { key: 'priority_change', label: 'Priority change' },
  { key: 'duplicate_report', label: 'Duplicate report' },
  { key: 'merged', label: 'Merged' },
  { key: 'resident_comment', label: 'Resident comment' },
  { key: 'offer', label: 'Offer' },
  { key: 'decline', label: 'Declined' },
]);

export const personRole = defineChoice('wl_personrole', 'Role', 'What a person does in Wardline.', [
  { key: 'officer', label: 'Field officer' },
  { key: 'supervisor', label: 'Supervisor' },
  { key: 'volunteer', label: 'Volunteer' },
  { key: 'councillor', label: 'Councillor' },
]);

export const redactionLevel = defineChoice('wl_redactionlevel', 'Audience redaction', 'How much of a job of this type outsiders see.', [
  { key: 'standard', label: 'Standard', description: 'Councillors and the public see the description.' },
  { key: 'sensitive', label: 'Sensitive', description: 'Description shown to staff only (e.g. needles, safeguarding).' },
]);

export const outboxChannel = defineChoice('wl_outboxchannel', 'Delivery channel', 'Where an outbox event is delivered.', [
  { key: 'log', label: 'Log' },
  { key: 'teams', label: 'Teams' },
  { key: 'notify', label: 'GOV.UK Notify' },
  { key: 'open311', label: 'Open311 update' },
]);

export const outboxStatus = defineChoice('wl_outboxstatus', 'Delivery status', 'Progress of an outbox event.', [
  { key: 'pending', label: 'Pending' },
  { key: 'delivering', label: 'Delivering' },
  { key: 'delivered', label: 'Delivered' },
  { key: 'dead', label: 'Failed permanently' },
]);

export const subscriptionChannel = defineChoice('wl_subscriptionchannel', 'Update channel', 'How a subscriber hears about changes.', [
  { key: 'teams', label: 'Teams' },
  { key: 'email', label: 'Email' },
  { key: 'sms', label: 'Text message' },
]);

/** Every global choice, in the order they appear in the solution. */
export const choices = [
  taskStatus,
  priority,
  sourceChannel,
  dispatchMode,
  serviceArea,
  visibility,
  updateKind,
  personRole,
  redactionLevel,
  outboxChannel,
  outboxStatus,
  subscriptionChannel,
] as const;

/** The code-facing keys of a choice, e.g. `ChoiceKey<typeof taskStatus>`. */
export type ChoiceKey<C> = C extends TypedChoice<infer K, string> ? K : never;

export type TaskStatus = ChoiceKey<typeof taskStatus>;
export type Priority = ChoiceKey<typeof priority>;
export type SourceChannel = ChoiceKey<typeof sourceChannel>;
export type DispatchMode = ChoiceKey<typeof dispatchMode>;
export type ServiceArea = ChoiceKey<typeof serviceArea>;
export type Visibility = ChoiceKey<typeof visibility>;
export type UpdateKind = ChoiceKey<typeof updateKind>;
export type PersonRole = ChoiceKey<typeof personRole>;
export type RedactionLevel = ChoiceKey<typeof redactionLevel>;
export type OutboxChannel = ChoiceKey<typeof outboxChannel>;
export type OutboxStatus = ChoiceKey<typeof outboxStatus>;
export type SubscriptionChannel = ChoiceKey<typeof subscriptionChannel>;
