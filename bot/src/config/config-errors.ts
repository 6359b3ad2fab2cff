import { WardlineError } from '@wardline/core';

/** The service's configuration errors (codes WL-SVC-00x): each names the variable and what is wrong. */
export const ConfigErrors = {
  BadVariable: { code: 'WL-SVC-001', message: 'Variable {variable}: {problem}' },
} as const;

export class ConfigError extends WardlineError {
  constructor(variable: string, problem: string) {
    super(ConfigErrors.BadVariable, { variable, problem });
  }
}
