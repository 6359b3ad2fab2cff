import { v5 as uuidv5 } from 'uuid';

/** Wardline's own UUID namespace: every solution GUID is uuid v5 of a component's kind and name. */
const WARDLINE_NAMESPACE = '6f1f7a52-3c0e-5b7e-9d59-2a4c8f0e7b31';

/** A stable GUID for a component: the same model always yields the same id, never a random one. */
export const stableId = (kind: string, name: string): string => uuidv5(`${kind}:${name}`, WARDLINE_NAMESPACE);

/** The braced form Dataverse writes in solution XML, e.g. `{0b1c…}`. */
export const braced = (id: string): string => `{${id}}`;
