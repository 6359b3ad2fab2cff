// Test-only. The tab uses React 18 (tab/node_modules); Fluent packages hoisted to the workspace
// root would otherwise load the root's React 16 (the PCF controls' version), and two Reacts in one
// tree break hooks. The bundle solves this with an esbuild alias; jest needs the same, per file.
import { existsSync } from 'node:fs';
import path from 'node:path';

const rootModules = path.resolve(__dirname, '../../../node_modules');
const tabModules = path.resolve(__dirname, '../../node_modules');
for (const file of ['react/index.js', 'react/jsx-runtime.js', 'react/jsx-dev-runtime.js', 'react-dom/index.js', 'react-dom/client.js']) {
  if (existsSync(path.join(rootModules, file))) jest.doMock(path.join(rootModules, file), () => jest.requireActual(path.join(tabModules, file)));
}

// jsdom lacks these browser features that Fluent and the views use.
if (!window.matchMedia) {
  window.matchMedia = (query: string) => ({ matches: false, media: query, onchange: null, addListener: () => undefined, removeListener: () => undefined, addEventListener: () => undefined, removeEventListener: () => undefined, dispatchEvent: () => false });
}
if (!('ResizeObserver' in window)) {
  // jsdom does no layout, so nothing is ever resized: an observer that never fires is faithful.
  (window as unknown as { ResizeObserver: unknown }).ResizeObserver = class {
    observe(): void {}
    unobserve(): void {}
    disconnect(): void {}
  };
}
