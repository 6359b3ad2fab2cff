import type { RoleDef, TablePrivileges } from './types';

/** Least privilege: each role gets what its people do, nothing more. */
const readOnly = (depth: TablePrivileges['read']): TablePrivileges => ({ read: depth });
const full: TablePrivileges = {
  create: 'organization', read: 'organization', write: 'organization', delete: 'organization',
  append: 'organization', appendTo: 'organization', assign: 'organization', share: 'organization',
};
const catalogue = readOnly('organization');

export const roles: readonly RoleDef[] = [
  {
    key: 'officer',
    name: 'Wardline Officer',
    description: 'Field officers: read and work the jobs in their business unit, add timeline updates and photos.',
    readsPersonalData: true,
    privileges: {
      task: { create: 'businessUnit', read: 'businessUnit', write: 'businessUnit', append: 'businessUnit', appendTo: 'businessUnit' },
      taskUpdate: { create: 'user', read: 'businessUnit', append: 'user', appendTo: 'businessUnit' },
      taskType: catalogue, ward: catalogue, wardMember: catalogue, asset: catalogue,
      officer: { read: 'businessUnit', write: 'user' },
      subscription: { create: 'user', read: 'user', write: 'user', delete: 'user' },
    },
  },
  {
    key: 'supervisor',
    name: 'Wardline Supervisor',
    description: 'Supervisors: manage the queue, reassign and reprioritise jobs, maintain assets and routing rules.',
    readsPersonalData: true,
    privileges: {
      task: { create: 'businessUnit', read: 'businessUnit', write: 'businessUnit', delete: 'businessUnit', append: 'businessUnit', appendTo: 'businessUnit', assign: 'businessUnit', share: 'businessUnit' },
      taskUpdate: { create: 'businessUnit', read: 'businessUnit', write: 'user', append: 'businessUnit', appendTo: 'businessUnit' },
      taskType: catalogue, ward: catalogue, wardMember: catalogue,
      asset: { create: 'businessUnit', read: 'organization', write: 'businessUnit', delete: 'businessUnit', append: 'businessUnit', appendTo: 'businessUnit' },
      routingRule: { create: 'businessUnit', read: 'organization', write: 'businessUnit', delete: 'businessUnit', append: 'businessUnit', appendTo: 'businessUnit' },
      officer: { read: 'organization', write: 'businessUnit', append: 'businessUnit', appendTo: 'businessUnit' },
      subscription: { create: 'businessUnit', read: 'businessUnit', write: 'businessUnit', delete: 'businessUnit' },
      outbox: readOnly('businessUnit'),
    },
  },
  {
    key: 'councillor',
    name: 'Wardline Councillor',
    description: 'Ward councillors: read jobs in their business unit (never reporter contact details), raise and follow jobs.',
    readsPersonalData: false,
    privileges: {
      task: { create: 'user', read: 'businessUnit', append: 'user', appendTo: 'businessUnit' },
      taskUpdate: { create: 'user', read: 'businessUnit', append: 'user' },
      taskType: catalogue, ward: catalogue, wardMember: catalogue, asset: catalogue,
      subscription: { create: 'user', read: 'user', write: 'user', delete: 'user', append: 'user' },
    },
  },
  {
    key: 'volunteer',
    name: 'Wardline Volunteer',
    description: 'Trusted community volunteers: read only the referrals offered to or taken by them.',
    readsPersonalData: false,
    privileges: {
      task: { read: 'user', write: 'user', appendTo: 'user' },
      taskUpdate: { create: 'user', read: 'user', append: 'user' },
      taskType: catalogue,
      officer: { read: 'user', write: 'user' },
    },
  },
  {
    key: 'administrator',
    name: 'Wardline Administrator',
    description: 'Council admins: every Wardline table, including the catalogue, wards and people.',
    readsPersonalData: true,
    privileges: {
      task: full, taskUpdate: full, taskType: full, ward: full, wardMember: full, asset: full,
      routingRule: full, officer: full, subscription: full, outbox: full,
    },
  },
  {
    key: 'integration',
    name: 'Wardline Integration',
    description: "The Wardline service's application user: intake, triage, delivery.",
    readsPersonalData: true,
    privileges: {
      task: { create: 'organization', read: 'organization', write: 'organization', append: 'organization', appendTo: 'organization', assign: 'organization' },
      taskUpdate: { create: 'organization', read: 'organization', write: 'organization', append: 'organization', appendTo: 'organization' },
      taskType: catalogue, ward: catalogue, wardMember: catalogue, asset: catalogue, routingRule: catalogue,
      officer: { read: 'organization', write: 'organization' },
      subscription: { create: 'organization', read: 'organization', write: 'organization', delete: 'organization', append: 'organization' },
      outbox: { create: 'organization', read: 'organization', write: 'organization', delete: 'organization', append: 'organization' },
    },
  },
];
