import { WardlineError } from '@wardline/core';

/** The solution package's error catalogue: stable codes, messages naming what is wrong and what to do. */
export const SolutionErrors = {
  ModelInvalid: { code: 'WL-SOL-001', message: 'core/model cannot become a valid Dataverse solution; nothing was written:\n{problems}' },
  VersionInvalid: { code: 'WL-SOL-002', message: 'Version "{version}" is not a solution version: use 1.2.3 or 1.2.3.4 (numbers only).' },
  FlowInvalid: { code: 'WL-SOL-003', message: 'Cloud flow {file} cannot be packed: {problem}' },
  ControlInvalid: { code: 'WL-SOL-004', message: 'PCF control output {folder} cannot be packed: {problem}' },
  ZipUnreadable: { code: 'WL-SOL-005', message: '{file} is not a readable solution zip: {reason}' },
  CheckFailed: { code: 'WL-SOL-007', message: '{file} has {count} problem(s) that would stop or spoil its import (listed above).' },
} as const;

/** The model breaks a Dataverse rule (duplicate or over-long name, bad prefix, lookup to a missing table). */
export class SolutionModelError extends WardlineError {
  readonly problems: readonly string[];
  constructor(problems: readonly string[]) {
    super(SolutionErrors.ModelInvalid, { problems: problems.map((p) => `  - ${p}`).join('\n') });
    this.problems = problems;
  }
}

export class SolutionVersionError extends WardlineError {
  constructor(version: string) {
    super(SolutionErrors.VersionInvalid, { version });
  }
}

export class FlowPackError extends WardlineError {
  constructor(file: string, problem: string) {
    super(SolutionErrors.FlowInvalid, { file, problem });
  }
}

export class ControlPackError extends WardlineError {
  constructor(folder: string, problem: string) {
    super(SolutionErrors.ControlInvalid, { folder, problem });
  }
}

export class SolutionZipError extends WardlineError {
  constructor(file: string, reason: string) {
    super(SolutionErrors.ZipUnreadable, { file, reason });
  }
}

/** `solution check` found errors; the findings themselves were printed first. */
export class SolutionCheckFailedError extends WardlineError {
  constructor(file: string, count: number) {
    super(SolutionErrors.CheckFailed, { file, count });
  }
}
