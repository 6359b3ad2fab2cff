import { Command, Option } from 'commander';
import { readServiceConfig, type ServiceConfig } from '@wardline/bot';
import { formatReference, workingCalendarFor, addWorkingHours } from '@wardline/core';
import type { CliIo } from './cli-io';
import { demoCommand } from './commands/demo';
import { importAssets } from './commands/import-assets';
import { importTaskTypes } from './commands/import-task-types';
import { importTasks } from './commands/import-tasks';
import { importWards } from './commands/import-wards';
import { reportTask } from './commands/report';
import { serveCommand } from './commands/serve';
import { registerSolutionCommands } from './commands/solution';
import { registerOpen311Commands } from './commands/open311';
import { registerTeamsCommands } from './commands/teams';
import { listTasks, showTask } from './commands/tasks';
import { BadOptionError } from './errors';
import { dbPathFrom, withStore } from './store-access';

const collect = (value: string, previous: string[] = []): string[] => [...previous, value];

/**
 * The `wardline` command line for council admins. Every command takes --db (or WARDLINE_DB);
 * bad input ends the command with one line naming the file, line or field.
 */
export function createProgram(io: CliIo): Command {
  const program = new Command('wardline')
    .description('Wardline admin commands: demo data, the service, imports, reports and jobs.')
    .option('--db <path>', 'the embedded store file (default: WARDLINE_DB or .wardline/wardline.db)')
    .configureOutput({
      writeOut: (text) => io.stdout.write(text),
      writeErr: (text) => io.stderr.write(text),
      // One line, like every other error: what is wrong, then where to read more.
      outputError: (text, write) => write(`wardline: ${text.replace(/^error: /, '').trim()} (see wardline --help)\n`),
    })
    .exitOverride();

  const dbPath = () => dbPathFrom(program.opts<{ db?: string }>().db, io);
  const config = (): ServiceConfig => ({ ...readServiceConfig(io.env), dbPath: dbPath() });

  program
    .command('demo')
    .description('seed the demo council (wards, task types, people, assets, rules and jobs) into an empty store')
    .option('--force', 'empty the store first and seed it again')
    .option('--seed <n>', 'random seed: the same seed gives the same council', '2024')
    .option('--reports <n>', 'how many reports to make', '300')
    .action(async (options: { force?: boolean; seed: string; reports: string }) => {
      whole('--seed', options.seed, 0, 2 ** 32 - 1);
      whole('--reports', options.reports, 0, 100000);
      const { settings, dbPath: path } = config();
      await withStore(path, (store) => demoCommand(store, settings, options, path, io));
    });

  program
    .command('serve')
    .description('start the Wardline service (seeds the demo council into an empty store)')
    .option('--port <port>', 'port to listen on (default: PORT or 3978)')
    .option('--no-demo', 'do not seed the demo council into an empty store')
    .action(async (options: { port?: string; demo: boolean }) => {
      const base = config();
      const port = options.port === undefined ? base.port : whole('--port', options.port, 0, 65535);
      await serveCommand({ ...base, port }, { demo: options.demo });
    });

  const importCommand = program.command('import').description('load council data from files (each import is all-or-nothing)');
  importCommand
    .command('wards')
    .argument('<file>', 'GeoJSON FeatureCollection of Polygon/MultiPolygon wards in WGS84')
    .description('load ward boundaries (matched on ONS code, so a new edition updates them in place)')
    .requiredOption('--name-property <name>', 'the feature property holding the ward name, e.g. WD24NM')
    .requiredOption('--code-property <name>', 'the feature property holding the ONS ward code, e.g. WD24CD')
    .option('--council <name>', 'the council the wards belong to (default: WARDLINE_COUNCIL_NAME)')
    .option('--council-code <code>', 'ONS code of the council (default: WARDLINE_COUNCIL_CODE)')
    .option('--vintage <edition>', 'which edition of the boundaries, e.g. 2024-12')
    .action(async (file: string, options: { nameProperty: string; codeProperty: string; council?: string; councilCode?: string; vintage?: string }) => {
      await withStore(dbPath(), (store) => importWards(store, file, options, io));
    });
  importCommand
    .command('task-types')
    .argument('<file>', 'the catalogue as .csv or .json')
    .description('load the task-type catalogue (matched on code)')
    .action(async (file: string) => {
      await withStore(dbPath(), (store) => importTaskTypes(store, file, io));
    });
  importCommand
    .command('assets')
    .argument('<file>', 'CSV with latitude/longitude or easting/northing columns')
    .description('load the asset register (matched on external id); wards must be loaded first')
    .option('--allow-outside', 'keep assets outside every ward (with no ward) instead of stopping')
    .action(async (file: string, options: { allowOutside?: boolean }) => {
      await withStore(dbPath(), (store) => importAssets(store, file, options, io));
    });
  importCommand
    .command('tasks')
    .argument('<file>', 'CSV of historical jobs from the previous system')
    .description('load historical jobs (streamed; the whole file or nothing); wards and task types first')
    .option('--column <field=Header>', 'name the file\'s own header for a field (repeatable), e.g. externalReference="Case No"', collect, [])
    .option('--allow-outside', 'keep jobs outside every ward (with no ward) instead of stopping')
    .addOption(new Option('--batch-size <n>', 'rows written per chunk inside the one transaction').default('5000'))
    .action(async (file: string, options: { column: string[]; allowOutside?: boolean; batchSize: string }) => {
      const { settings, dbPath: path } = config();
      const calendar = workingCalendarFor(settings);
      await withStore(path, (store) =>
        importTasks(store, file, {
          column: options.column,
          allowOutside: options.allowOutside,
          batchSize: whole('--batch-size', options.batchSize, 1, 1_000_000),
          snapRadius: settings.snapRadius,
          timeZone: settings.timeZone,
          dueByFor: (reportedOn, taskType) => addWorkingHours(reportedOn, taskType.slaHours, calendar),
          formatReference,
          now: new Date(),
        }, io),
      );
    });

  program
    .command('report')
    .description('report a job through the same path as every intake, and print what triage decided')
    .requiredOption('--type <code>', 'task type code, e.g. fly-tipping')
    .requiredOption('--lat <latitude>', 'WGS84 latitude')
    .requiredOption('--lon <longitude>', 'WGS84 longitude')
    .requiredOption('--text <description>', 'what the reporter said')
    .option('--title <title>', 'short summary (default: the task type and place)')
    .option('--address <address>', 'street address or location')
    .option('--uprn <uprn>', 'Unique Property Reference Number')
    .option('--usrn <usrn>', 'Unique Street Reference Number')
    .option('--source <channel>', 'how the report arrived (cli, phone, email, ...)', 'cli')
    .option('--external-ref <ref>', "the sending system's reference (the same one twice is one job)")
    .option('--name <name>', "reporter's name")
    .option('--email <email>', "reporter's email, for updates")
    .option('--phone <phone>', "reporter's phone, for text updates")
    .option('--councillor <email>', 'the councillor raising it (email or name)')
    .option('--asset <id>', "the asset's id in the council's register")
    .option('--reported-on <iso>', 'when it was reported (default now)')
    .action(async (options: Parameters<typeof reportTask>[2]) => {
      const { settings, dbPath: path } = config();
      await withStore(path, (store) => reportTask(store, settings, options, io));
    });

  const tasks = program
    .command('tasks')
    .description('list jobs, newest first')
    .option('--ward <name|code>', 'only this ward')
    .option('--status <status>', 'open, closed, or a status such as in_progress (comma-separated for several)')
    .option('--type <code>', 'only this task type')
    .option('--limit <n>', 'at most this many', '50')
    .action(async (options: { ward?: string; status?: string; type?: string; limit: string }) => {
      const { settings, dbPath: path } = config();
      await withStore(path, (store) => listTasks(store, settings, options, io));
    });
  tasks
    .command('show')
    .argument('<reference>', 'job reference, e.g. WL-25-000123')
    .description('one job with its timeline')
    .action(async (reference: string) => {
      const { settings, dbPath: path } = config();
      await withStore(path, (store) => showTask(store, settings, reference, io));
    });
  registerSolutionCommands(program, io);
  registerOpen311Commands(program, io);
  registerTeamsCommands(program, io);
  return program;
}

function whole(option: string, text: string, min: number, max: number): number {
  const value = Number(text);
  if (!/^\d+$/.test(text.trim()) || value < min || value > max) throw new BadOptionError(option, `"${text}" is not a whole number from ${min} to ${max}`);
  return value;
}
