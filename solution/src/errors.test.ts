import { SolutionErrors, SolutionModelError, SolutionCheckFailedError } from './errors';

describe('solution error catalogue', () => {
  it('has unique WL-SOL codes and a message for each', () => {
    const codes = Object.values(SolutionErrors).map((e) => e.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const e of Object.values(SolutionErrors)) {
      expect(e.code).toMatch(/^WL-SOL-\d{3}$/);
      expect(e.message.length).toBeGreaterThan(20);
    }
  });

  it('names every problem of a model and the file of a failed check', () => {
    const error = new SolutionModelError(['table wl_a: declared more than once', 'choice x: bad prefix']);
    expect(error.message).toBe('core/model cannot become a valid Dataverse solution; nothing was written:\n  - table wl_a: declared more than once\n  - choice x: bad prefix');
    expect(new SolutionCheckFailedError('W.zip', 3).message).toBe('W.zip has 3 problem(s) that would stop or spoil its import (listed above).');
  });
});
