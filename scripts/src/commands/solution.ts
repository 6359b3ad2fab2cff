import type { Command } from 'commander';
import { buildSolution, checkSolutionZip, formatFinding, SolutionCheckFailedError } from '@wardline/solution';
import { printLines, type CliIo } from '../cli-io';

const kb = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KB`;

/**
 * `wardline solution build [--version]` and `wardline solution check FILE.zip`: the Dataverse
 * solution generated from core/model, and the offline checks any Wardline zip must pass.
 */
export function registerSolutionCommands(program: Command, io: CliIo): void {
  const solution = program.command('solution').description('the Dataverse solution: build it from core/model, or check a zip');

  solution
    .command('build')
    .description('write solution/src (SolutionPackager layout) and solution/dist/Wardline_<version>_managed.zip and _unmanaged.zip')
    .option('--version <version>', 'solution version, e.g. 1.2.0 (default: the version in solution/src/Other/Solution.xml)')
    .option('--out <dir>', 'where the zips go (default solution/dist)')
    .action(async (options: { version?: string; out?: string }) => {
      const started = process.hrtime.bigint();
      const result = await buildSolution({ version: options.version, outDir: options.out });
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      printLines(io, [
        `Built Wardline ${result.version} in ${ms.toFixed(0)} ms from core/model (${result.tree.size} source files).`,
        `  unmanaged: ${result.unmanagedPath} (${kb(result.unmanaged.length)})`,
        `  managed:   ${result.managedPath} (${kb(result.managed.length)})`,
        `  PCF controls: ${result.controls.length ? result.controls.join(', ') : 'none built (the job form uses the standard controls)'}`,
        `  cloud flows (off on import): ${result.flows.length ? result.flows.join('; ') : 'none'}`,
      ]);
    });

  solution
    .command('check')
    .argument('<file>', 'a Wardline solution zip')
    .description('check a solution zip offline: structure, schemas, references and naming')
    .action(async (file: string) => {
      const findings = await checkSolutionZip(file);
      const errors = findings.filter((f) => f.severity === 'error');
      if (findings.length) printLines(io, findings.map(formatFinding));
      if (errors.length) throw new SolutionCheckFailedError(file, errors.length);
      printLines(io, [`${file}: every check passed${findings.length ? ' (see the warnings above)' : ''}.`]);
    });
}
