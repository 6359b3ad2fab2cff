import { WardlineError } from '@wardline/core';

export const FlowErrors = {
  CatalogueInvalid: { code: 'WL-FLOW-001', message: '{file}: {problem}' },
} as const;

/** flows/definitions/catalogue.json or a flow file it names cannot be read. */
export class FlowCatalogueError extends WardlineError {
  constructor(file: string, problem: string) {
    super(FlowErrors.CatalogueInvalid, { file, problem });
  }
}
