import { WardlineError } from '../errors';

/**
 * Geo's error catalogue (codes WL-GEO-0xx). Messages name the record and the field, and say what
 * to do next; `{placeholders}` are filled from the details.
 */
export const GeoErrors = {
  InvalidWardBoundary: { code: 'WL-GEO-001', message: 'Ward {ward}: the boundary is not usable: {problems}' },
  DuplicateWard: { code: 'WL-GEO-002', message: 'Ward id "{id}" appears more than once; each ward may be loaded once.' },
  InvalidCoordinate: { code: 'WL-GEO-003', message: '{subject}: {problem}' },
  DuplicateAsset: { code: 'WL-GEO-004', message: 'Asset id "{id}" appears more than once; each asset may be indexed once.' },
  InvalidDate: { code: 'WL-GEO-005', message: '{subject}: "{value}" is not an ISO 8601 date and time (for example 2024-05-01T09:30:00Z).' },
} as const;

/** A ward's GeoJSON boundary failed validation; `problems` lists every problem found. */
export class InvalidWardBoundaryError extends WardlineError {
  readonly problems: readonly string[];
  constructor(ward: string, problems: readonly string[]) {
    super(GeoErrors.InvalidWardBoundary, { ward, problems: problems.join('; ') });
    this.problems = problems;
  }
}

export class DuplicateWardError extends WardlineError {
  constructor(id: string) {
    super(GeoErrors.DuplicateWard, { id });
  }
}

export class DuplicateAssetError extends WardlineError {
  constructor(id: string) {
    super(GeoErrors.DuplicateAsset, { id });
  }
}

/** A latitude/longitude that is missing, not a number or outside WGS84's range. */
export class InvalidCoordinateError extends WardlineError {
  constructor(subject: string, problem: string) {
    super(GeoErrors.InvalidCoordinate, { subject, problem });
  }
}

export class InvalidDateError extends WardlineError {
  constructor(subject: string, value: string) {
    super(GeoErrors.InvalidDate, { subject, value });
  }
}
