import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { buildSolution } from '@wardline/solution';
import { tempDir } from './helpers';

/** The built CLI (npm test builds it first, in pretest). */
const CLI = resolve(__dirname, '../../scripts/dist/cli.js');
const run = (...args: string[]) => spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8' });

describe('wardline solution (CLI)', () => {
  it('check passes a built zip and exits 0', async () => {
    const t = tempDir('cli');
    try {
      const built = await buildSolution({ dryRun: true, controlsDir: join(t.dir, 'none') });
      const file = join(t.dir, 'Wardline.zip');
      writeFileSync(file, built.managed);
      const result = run('solution', 'check', file);
      expect([result.status, result.stderr]).toEqual([0, '']);
      expect(result.stdout).toBe(`${file}: every check passed.\n`);
    } finally {
      t.cleanup();
    }
  });

  it('check explains each problem and exits 1', () => {
    const t = tempDir('cli');
    try {
      const file = join(t.dir, 'broken.zip');
      writeFileSync(file, 'not a zip at all');
      const result = run('solution', 'check', file);
      expect(result.status).toBe(1);
      expect(result.stderr).toMatch(/^wardline: .*broken\.zip is not a readable solution zip/);
    } finally {
      t.cleanup();
    }
  });

  it('build refuses a bad version before writing anything', () => {
    const result = run('solution', 'build', '--version', 'one');
    expect(result.status).toBe(1);
    expect(result.stderr).toBe('wardline: Version "one" is not a solution version: use 1.2.3 or 1.2.3.4 (numbers only).\n');
  });
});
