import { WardlineError } from '@wardline/core';

/**
 * The CLI's error catalogue (codes WL-CLI-0xx). Import problems use core's ImportError, which
 * names the file, line or feature and field; these cover the command line itself.
 */
export const CliErrors = {
  BadOption: { code: 'WL-CLI-001', message: '{option}: {problem}' },
  FileUnreadable: { code: 'WL-CLI-002', message: '{file}: cannot be read ({reason})' },
  UnknownFormat: { code: 'WL-CLI-003', message: '{file}: {problem}' },
  AlreadySeeded: { code: 'WL-CLI-004', message: 'The store at {location} already holds data ({what}); the demo council was not loaded. Use --force to replace it.' },
} as const;

/** A command-line option is missing or malformed; names the option. */
export class BadOptionError extends WardlineError {
  constructor(option: string, problem: string) {
    super(CliErrors.BadOption, { option, problem });
  }
}

/** A named file does not exist or cannot be opened. */
export class FileUnreadableError extends WardlineError {
  constructor(file: string, reason: string) {
    super(CliErrors.FileUnreadable, { file, reason });
  }
}

/** The file's kind cannot be told from its name (for example task types that are neither .csv nor .json). */
export class UnknownFormatError extends WardlineError {
  constructor(file: string, problem: string) {
    super(CliErrors.UnknownFormat, { file, problem });
  }
}
