import { SolutionVersionError } from './errors';

/** `1.2.0` -> `1.2.0.0`; Dataverse solution versions have four numeric parts. */
export function normaliseVersion(version: string): string {
  const parts = version.trim().split('.');
  if (parts.length < 2 || parts.length > 4 || parts.some((p) => !/^\d{1,9}$/.test(p))) throw new SolutionVersionError(version);
  while (parts.length < 4) parts.push('0');
  return parts.map((p) => String(Number(p))).join('.');
}
