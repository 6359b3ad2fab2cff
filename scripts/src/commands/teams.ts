import type { Command } from 'commander';
import { buildTeamsPackage, readServiceConfig } from '@wardline/bot';
import { printLines, type CliIo } from '../cli-io';

/**
 * `wardline teams package`: builds bot/appPackage/build/wardline-teams.zip (manifest, colour and
 * outline icons) from WARDLINE_TEAMS_APP_ID, WARDLINE_BOT_APP_ID, WARDLINE_TAB_APP_ID and
 * WARDLINE_SERVICE_URL. A missing or malformed value stops it with the variable's name.
 */
export function registerTeamsCommands(program: Command, io: CliIo): void {
  const teams = program.command('teams').description('the Teams app');
  teams
    .command('package')
    .description('build the Teams app package to upload in the Teams admin centre')
    .option('--out <file>', 'where to write the zip (default: bot/appPackage/build/wardline-teams.zip)')
    .option('--app-version <x.y.z>', 'the app version shown in Teams (raise it for every upload)', '1.0.0')
    .action(async (options: { out?: string; appVersion: string }) => {
      const { settings } = readServiceConfig(io.env);
      const built = await buildTeamsPackage({ settings, teamsAppId: io.env.WARDLINE_TEAMS_APP_ID, version: options.appVersion, outFile: options.out });
      printLines(io, [`Built ${built.file} (${Math.round(built.bytes / 1024)} KB): manifest ${String(built.manifest.manifestVersion)}, app ${String(built.manifest.id)}, bot ${settings.botAppId ?? ''}.`]);
    });
}
