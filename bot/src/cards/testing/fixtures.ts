import type { Officer, Task, TaskType } from '@wardline/core';

/** Test support: a job, its type and people, shaped like store rows. */
export const NOW = '2026-03-02T10:00:00.000Z';

export function taskRow(over: Partial<Task> = {}): Task {
  return {
    id: 'task-1', createdOn: NOW, modifiedOn: NOW, reference: 'WL-26-000123', title: 'Mattress and bin bags on the verge', description: 'Dumped overnight beside the bus stop [near the school]. Blocking the pavement.',
    taskType: 'tt-fly', status: 'assigned', priority: 'high', priorityReason: 'Blocks a footway', latitude: 51.890412, longitude: 0.903633, address: 'Flat 3, 12a High Street, Colchester',
    uprn: null, usrn: null, ward: 'ward-castle', wardCode: 'E05004123', wardVintage: '2024-12', asset: null, sourceChannel: 'webform', externalReference: null,
    reporterName: 'Pat Resident', reporterEmail: 'pat@example.com', reporterPhone: '07700900123', councillorRaised: false, assignedOfficer: 'off-sam', assignedTeam: 'Street care',
    dispatchMode: 'assign', dueBy: '2026-03-03T15:00:00.000Z', reportedOn: NOW, acceptedOn: null, startedOn: null, completedOn: null, resolution: null, duplicateOf: null, reportCount: 1, rowVersion: 3,
    ...over,
  };
}

export const flyTipping: Pick<TaskType, 'name' | 'redaction' | 'checklist' | 'requirePhoto'> = { name: 'Fly-tipping', redaction: 'standard', checklist: 'Photograph before clearing\nCheck for evidence of who dumped it', requirePhoto: false };

export function person(over: Partial<Officer> & Pick<Officer, 'id' | 'name' | 'role'>): Officer {
  return {
    createdOn: NOW, modifiedOn: NOW, email: null, entraObjectId: `aad-${over.id}`, teams: 'Street care', patch: null, supervisor: null, onDuty: true, trusted: false, radius: null,
    homeLatitude: null, homeLongitude: null, conversationReference: null, conversationStale: false, ...over,
  };
}
