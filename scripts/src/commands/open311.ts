import type { Command } from 'commander';
import { addApiKey, revokeApiKey } from '@wardline/bot';
import { printLines, type CliIo } from '../cli-io';
import { BadOptionError } from '../errors';
import { formatTable } from '../output/table';
import { dbPathFrom, withStore } from '../store-access';

const URL_PATTERN = /^https?:\/\/\S+$/;

/**
 * `wardline open311 keys add NAME | list | revoke NAME`: API keys for Open311 clients such as
 * FixMyStreet. `add` prints the new key once, alone on stdout, and stores only its hash.
 */
export function registerOpen311Commands(program: Command, io: CliIo): void {
  const dbPath = () => dbPathFrom(program.opts<{ db?: string }>().db, io);
  const open311 = program.command('open311').description('the Open311 (GeoReport v2) endpoint at /open311/v2');
  const keys = open311.command('keys').description('API keys for Open311 clients (stored hashed)');

  keys
    .command('add')
    .argument('<name>', 'who the key is for, e.g. fixmystreet')
    .description('create a key and print it once (store it in the client now: it cannot be shown again)')
    .option('--limit <n>', 'requests a minute for this client (default: WARDLINE_OPEN311_RATE or 600)')
    .option('--push-url <url>', "the client's servicerequestupdates endpoint, to post job updates back to it")
    .option('--push-key <key>', 'the api_key that endpoint expects')
    .action(async (name: string, options: { limit?: string; pushUrl?: string; pushKey?: string }) => {
      const limit = options.limit === undefined ? undefined : Number(options.limit);
      if (limit !== undefined && (!/^\d+$/.test(options.limit ?? '') || limit < 1 || limit > 100000)) throw new BadOptionError('--limit', `"${options.limit}" is not a whole number from 1 to 100000`);
      if (options.pushUrl !== undefined && !URL_PATTERN.test(options.pushUrl)) throw new BadOptionError('--push-url', `"${options.pushUrl}" is not an http(s) address`);
      await withStore(dbPath(), async (store) => {
        const added = await addApiKey(store, { name, requestsPerMinute: limit, pushUrl: options.pushUrl, pushApiKey: options.pushKey });
        io.stderr.write(`Open311 key "${added.row.name}" created. It is shown once, below: give it to the client now.\n`);
        io.stdout.write(`${added.key}\n`);
      });
    });

  keys
    .command('list')
    .description('list the keys (names and first characters only)')
    .action(async () => {
      await withStore(dbPath(), async (store) => {
        const rows = await store.listApiKeys();
        if (!rows.length) {
          printLines(io, ['No Open311 keys yet: `wardline open311 keys add NAME` creates one.']);
          return;
        }
        printLines(io, formatTable(
          ['Name', 'Starts with', 'Status', 'Requests a minute', 'Updates posted to', 'Created'],
          rows.map((k) => [k.name, `${k.keyPrefix}…`, k.active ? 'active' : `revoked ${k.revokedOn?.slice(0, 10) ?? ''}`.trim(), k.requestsPerMinute ? String(k.requestsPerMinute) : 'default', k.pushUrl ?? '', k.createdOn.slice(0, 10)]),
          60,
        ));
      });
    });

  keys
    .command('revoke')
    .argument('<name>', 'the key to revoke')
    .description('stop accepting a key (at once for new requests; within 5 seconds on a running service)')
    .action(async (name: string) => {
      await withStore(dbPath(), async (store) => {
        const row = await revokeApiKey(store, name, new Date());
        printLines(io, [`Open311 key "${row.name}" revoked.`]);
      });
    });
}
