import type { Officer, PersonRole, Store, Ward } from '@wardline/core';

/** The signed-in person as the tab's API sees them: who, which role, which wards and teams. */
export interface Viewer {
  person: Officer;
  role: PersonRole;
  /** Councillors: the wards they represent (wl_wardmember); staff: their patch. */
  wardIds: string[];
  /** Teams the person works in or supervises, lower case. */
  teams: string[];
}

const list = (text: string | null): string[] => (text ?? '').split(',').map((t) => t.trim()).filter(Boolean);

/** Works out a person's wards and teams from the store. */
export async function viewerFor(store: Store, person: Officer, wards: () => Promise<Ward[]>): Promise<Viewer> {
  const teams = list(person.teams).map((t) => t.toLowerCase());
  if (person.role === 'councillor') {
    const members = await store.listWardMembers({ councillorId: person.id });
    return { person, role: person.role, wardIds: [...new Set(members.map((m) => m.ward))], teams };
  }
  const patch = new Set(list(person.patch));
  const wardIds = patch.size ? (await wards()).filter((w) => patch.has(w.code)).map((w) => w.id) : [];
  return { person, role: person.role, wardIds, teams };
}
