/** One problem a check found in a solution zip, in words a council admin can act on. */
export interface Finding {
  readonly check: 'structure' | 'schema' | 'references' | 'naming' | 'controls' | 'flows';
  readonly severity: 'error' | 'warning';
  /** The file (and element) the problem is in, e.g. `customizations.xml <Entities> wl_Task`. */
  readonly where: string;
  readonly message: string;
}

export const error = (check: Finding['check'], where: string, message: string): Finding => ({ check, severity: 'error', where, message });
export const warning = (check: Finding['check'], where: string, message: string): Finding => ({ check, severity: 'warning', where, message });
