/** @jest-environment jsdom */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { columnByKey, taskTable } from '@wardline/core/model';
import { parseResx } from '../../testing';

const dir = path.resolve(__dirname, '..');
const manifest = new DOMParser().parseFromString(readFileSync(path.join(dir, 'ControlManifest.Input.xml'), 'utf8'), 'application/xml');
const strings = parseResx(readFileSync(path.join(dir, 'strings', 'TaskCard.1033.resx'), 'utf8'));

describe('TaskCard manifest', () => {
  it('names each data-set column after a wl_task column, labelled as core/model labels it', () => {
    const sets = [...manifest.querySelectorAll('data-set property-set')];
    expect(sets.length).toBeGreaterThan(5);
    for (const set of sets) {
      const column = columnByKey(taskTable, set.getAttribute('name') ?? '');
      expect(strings[set.getAttribute('display-name-key') ?? '']).toBe(column.label);
      expect(strings[set.getAttribute('description-key') ?? '']).toBe(column.description);
    }
  });

  it('has a string for every key it uses', () => {
    const keys = [...manifest.querySelectorAll('[display-name-key], [description-key]')].flatMap((node) => [node.getAttribute('display-name-key'), node.getAttribute('description-key')]).filter((k): k is string => !!k);
    for (const key of keys) expect(strings[key]).toBeTruthy();
  });

  it('declares the platform libraries at the versions installed for tests', () => {
    const libraries = Object.fromEntries([...manifest.querySelectorAll('platform-library')].map((node) => [node.getAttribute('name'), node.getAttribute('version')]));
    const installed = (name: string): string => (JSON.parse(readFileSync(require.resolve(`${name}/package.json`), 'utf8')) as { version: string }).version;
    expect(libraries).toEqual({ React: installed('react'), Fluent: installed('@fluentui/react-components') });
  });

  it('makes every plain property an input, as a data-set requires', () => {
    const usages = [...manifest.querySelectorAll('control > property')].map((node) => node.getAttribute('usage'));
    expect(new Set(usages)).toEqual(new Set(['input']));
  });
});
