/**
 * Jobs for tests, the browser host and the bench: realistic street-care work, built
 * deterministically from an index so runs are repeatable. Never used by the controls themselves.
 */
import { choiceValue, priority, taskStatus, type Priority, type TaskStatus } from '@wardline/core/model';
import type { MockRow } from './mock-dataset';

const jobs = [
  ['Overflowing litter bin', 'Litter bin emptying'],
  ['Fly-tipped mattress in alley', 'Fly-tipping'],
  ['Broken bench slat', 'Street furniture repair'],
  ['Fallen branch across footpath', 'Tree safety'],
  ['Graffiti on bus shelter', 'Graffiti removal'],
  ['Dog fouling near school gate', 'Dog fouling'],
  ['Needles found in play area', 'Sharps collection'],
  ['Overgrown verge blocking view', 'Grass cutting'],
] as const;
const wards = ['Maldon North', 'Maldon South', 'Heybridge East', 'Heybridge West', 'Tollesbury', 'Burnham-on-Crouch North'];
const streets = ['High Street', 'Market Hill', 'Fambridge Road', 'Mundon Road', 'Spital Road', 'Wantz Road', 'Church Street'];
const officers = ['Priya Shah', 'Tom Okafor', 'Ellie Brown', null];
const statuses: TaskStatus[] = ['new', 'assigned', 'accepted', 'in_progress', 'on_hold', 'completed'];
const priorities: Priority[] = ['urgent', 'high', 'normal', 'low'];

/** Job i of a queue: due dates spread from two days overdue to four days ahead of `now`. */
export function jobRow(i: number, now: Date): MockRow {
  const [title, type] = jobs[i % jobs.length];
  const status = statuses[i % statuses.length];
  const officer = status === 'new' ? null : officers[i % officers.length];
  const due = new Date(now.getTime() + ((i % 13) - 4) * 12 * 3_600_000 + 1_800_000);
  return {
    id: `00000000-0000-4000-8000-${String(i + 1).padStart(12, '0')}`,
    title: `${title}`,
    reference: `WL-26-${String(1200 + i).padStart(6, '0')}`,
    taskType: { id: { guid: `tt-${i % jobs.length}` }, name: type, etn: 'wl_tasktype' },
    status: choiceValue(taskStatus.name, status),
    priority: choiceValue(priority.name, priorities[i % priorities.length]),
    dueBy: due,
    ward: { id: { guid: `ward-${i % wards.length}` }, name: wards[i % wards.length], etn: 'wl_ward' },
    address: `${(i % 90) + 1} ${streets[i % streets.length]}, Maldon`,
    assignedOfficer: officer ? { id: { guid: `officer-${i % officers.length}` }, name: officer, etn: 'wl_officer' } : null,
  };
}

export const jobRows = (count: number, now: Date): MockRow[] => Array.from({ length: count }, (_, i) => jobRow(i, now));

/** The data-set columns TaskCard's manifest declares, as the host lists them for a view. */
export const jobColumns = [
  { name: 'title', displayName: 'Title', dataType: 'SingleLine.Text' },
  { name: 'reference', displayName: 'Reference', dataType: 'SingleLine.Text' },
  { name: 'taskType', displayName: 'Task type', dataType: 'Lookup.Simple' },
  { name: 'status', displayName: 'Status', dataType: 'OptionSet' },
  { name: 'priority', displayName: 'Priority', dataType: 'OptionSet' },
  { name: 'dueBy', displayName: 'Due by', dataType: 'DateAndTime.DateAndTime' },
  { name: 'ward', displayName: 'Ward', dataType: 'Lookup.Simple' },
  { name: 'address', displayName: 'Address', dataType: 'SingleLine.Text' },
  { name: 'assignedOfficer', displayName: 'Assigned officer', dataType: 'Lookup.Simple' },
];
