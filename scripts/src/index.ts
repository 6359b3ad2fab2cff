/** @wardline/scripts: the `wardline` CLI for council admins, and its parts for other tools and tests. */
export { createProgram } from './program';
export { runCli, EXIT } from './run-cli';
export type { CliIo } from './cli-io';
export { seedDemo, isEmptyStore, DATA_DIR } from './demo/seed-demo';
export type { DemoOptions, DemoSummary } from './demo/seed-demo';
export { CASTLE_POINT, DEMO_COUNCIL } from './demo/demo-wards';
export { parseWardFile } from './import/ward-geojson';
export { readTaskTypeFile } from './import/task-types';
export { readAssetFile } from './import/assets';
export { readRoutingRuleFile } from './import/routing-rules';
export { importTasks } from './commands/import-tasks';
