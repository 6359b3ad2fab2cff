import type { SourceChannel } from '@wardline/core';
import { Random } from './random';

/** Fictional streets of the borough, for addresses on demo reports. */
export const STREETS = [
  'Abbey Road', 'Balkerne Hill', 'Castle Walk', 'Crouch Street', 'Dean Close', 'East Hill', 'Fennel Way', 'Gosbecks Lane', 'Harcourt Avenue',
  'Hythe Hill', 'Kingsmead Road', 'Lexbury Drive', 'Maldon Road', 'Mill Lane', 'Northgate Street', 'Oak Tree Close', 'Priory Walk',
  'Queen Street', 'Roman Way', 'St Botolph’s Circus', 'Sheepen Road', 'Tollgate Road', 'Victoria Place', 'Wellesley Road', 'Wivenhoe Road',
];

/** What residents write, by task type; other types get a plain sentence from their name. */
const SAYINGS: Readonly<Record<string, readonly string[]>> = {
  'fly-tipping': ['Mattress and two bin bags dumped on the verge', 'Old sofa left by the garages', 'Pile of builders’ rubble in the lay-by', 'Black sacks ripped open by foxes, rubbish everywhere'],
  'fly-tipping-hazardous': ['Several drums leaking something oily by the hedge', 'Broken sheets that look like asbestos dumped on the track'],
  graffiti: ['Tags sprayed all along the underpass wall', 'Graffiti on the bus shelter glass'],
  'graffiti-offensive': ['Offensive graffiti on the wall opposite the primary school', 'Racist graffiti sprayed on the shop shutters'],
  needles: ['Needles in the bushes by the play area', 'Syringe on the footpath near the school gate'],
  'dog-fouling': ['Dog mess all along the path to the school', 'Lots of dog fouling on the green'],
  'litter-bin-overflowing': ['Bin by the bus stop is overflowing', 'Litter bin full and rubbish blowing about'],
  'dead-animal': ['Dead fox in the road', 'Dead badger on the verge'],
  'abandoned-vehicle': ['Silver hatchback, no tax, not moved for six weeks', 'Van with flat tyres left on the corner for a month'],
  'play-equipment-damage': ['Swing chain broken, seat hanging down', 'Slide has a sharp broken edge'],
  'tree-down': ['Tree has come down across the footpath after the wind', 'Large tree fallen, blocking half the road'],
  'dangerous-tree': ['Big branch hanging over the pavement, looks about to fall', 'Tree leaning badly towards the houses'],
  'footpath-obstruction': ['Footpath blocked by a new fence across it', 'Crops planted right over the public footpath'],
  'stile-repair': ['Stile step broken, impossible for older walkers', 'Kissing gate off its hinges'],
  'befriending-call': ['Resident lives alone and would welcome a weekly chat', 'Recently bereaved, asked for a friendly call'],
  'prescription-collection': ['Prescription ready at the pharmacy, resident cannot get out', 'Repeat prescription to collect this week'],
  'shopping-vulnerable': ['Weekly food shop for a resident recovering from an operation', 'Essential shopping needed, resident is shielding'],
  'lift-to-appointment': ['Lift needed to the hospital for a clinic appointment', 'Lift to the GP surgery on Thursday morning'],
  'overgrown-verge': ['Cannot see traffic pulling out of the junction for long grass', 'Verge grass so tall it hides the give way sign'],
  'hedge-overgrown': ['Hedge overhanging the path, have to walk in the road with the buggy', 'Hedge growing across half the pavement'],
  'grass-cutting': ['Grass on the green has not been cut for weeks', 'Long grass round the war memorial'],
};

export function describe(random: Random, code: string, name: string, street: string): string {
  const sayings = SAYINGS[code];
  return sayings ? random.pick(sayings) : `${name} on ${street}`;
}

/** How reports reach the demo council: mostly online, some by phone, a few from officers and sensors. */
export function pickSource(random: Random, serviceArea: string): SourceChannel {
  if (serviceArea === 'community_support') return random.pick<SourceChannel>(['phone', 'phone', 'email', 'teams']);
  return random.weighted<SourceChannel>(['open311', 'resident_form', 'webform', 'phone', 'email', 'teams', 'tab', 'sensor'], [30, 20, 10, 15, 5, 12, 5, 3]);
}

const FIRST = ['Anne', 'Brian', 'Carol', 'Dave', 'Elaine', 'Frank', 'Gill', 'Ian', 'June', 'Keith', 'Linda', 'Martin', 'Pat', 'Steve'];
const LAST = ['Smith', 'Brown', 'Wilson', 'Thomson', 'White', 'Martin', 'Hill', 'Scott', 'Moore', 'Clark'];

/** A fictional resident with contact details on example domains and Ofcom's drama phone range. */
export function resident(random: Random): { name: string; email?: string; phone?: string } {
  const first = random.pick(FIRST);
  const last = random.pick(LAST);
  const withEmail = random.chance(0.7);
  return withEmail
    ? { name: `${first} ${last}`, email: `${first}.${last}${random.int(1, 99)}@example.com`.toLowerCase() }
    : { name: `${first} ${last}`, phone: `07700 900${String(random.int(0, 999)).padStart(3, '0')}` };
}
