/**
 * jose is ESM-only and this package compiles to CommonJS: it is loaded once with a real dynamic
 * import (TypeScript keeps `import()` as is under module node16), never with require.
 */
export type Jose = typeof import('jose', { with: { 'resolution-mode': 'import' } });

let loading: Promise<Jose> | undefined;

export const loadJose = (): Promise<Jose> => (loading ??= import('jose'));
