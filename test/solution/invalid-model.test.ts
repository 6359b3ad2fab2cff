import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { model } from '@wardline/core/model';
import { buildSolution, SolutionModelError, type SolutionModel } from '@wardline/solution';
import { modelWithTable, tempDir } from './helpers';

/** A model that cannot become a valid solution must fail with a clear message before anything is written. */
async function expectRefused(broken: SolutionModel, message: string): Promise<void> {
  const t = tempDir('invalid');
  try {
    const build = buildSolution({ model: broken, srcDir: join(t.dir, 'src'), outDir: join(t.dir, 'dist'), controlsDir: join(t.dir, 'none') });
    await expect(build).rejects.toThrow(SolutionModelError);
    await expect(build).rejects.toThrow(message);
    expect(existsSync(join(t.dir, 'src'))).toBe(false);
    expect(existsSync(join(t.dir, 'dist'))).toBe(false);
  } finally {
    t.cleanup();
  }
}

describe('solution build refuses a model that cannot become a valid solution', () => {
  it('duplicate table names', async () => {
    await expectRefused({ ...model, tables: [...model.tables, model.tables[0]] }, `table wl_${model.tables[0].key.toLowerCase()}: declared more than once`);
  });

  it('duplicate column names', async () => {
    await expectRefused(modelWithTable('ward', (t) => ({ ...t, columns: [...t.columns, t.columns[0]] })), 'table wl_ward: column wl_name is declared more than once');
  });

  it('a bad publisher prefix', async () => {
    await expectRefused({ ...model, publisherPrefix: 'Wardline!' }, 'publisher prefix "Wardline!"');
  });

  it('a choice without the publisher prefix', async () => {
    await expectRefused({ ...model, choices: [...model.choices, { ...model.choices[0], name: 'new_colour' }] }, 'choice new_colour: name must start with the publisher prefix "wl_"');
  });

  it('a lookup to a missing table', async () => {
    await expectRefused(
      modelWithTable('asset', (t) => ({ ...t, columns: [...t.columns, { key: 'depot', kind: 'lookup', target: 'depot', label: 'Depot', description: 'Where it is kept.' }] })),
      'table wl_asset, column wl_depot: looks up table "depot", which the model does not declare',
    );
  });

  it('a name too long for Dataverse', async () => {
    const key = 'aVeryLongColumnNameThatDataverseWillNotAcceptAtAll';
    await expectRefused(
      modelWithTable('ward', (t) => ({ ...t, columns: [...t.columns, { key, kind: 'integer', label: 'Long', description: 'Too long.' }] })),
      `table wl_ward, column wl_${key.toLowerCase()}: name is 53 characters, more than 50`,
    );
  });

  it('an option value outside the publisher range', async () => {
    const choice = { ...model.choices[0], options: [...model.choices[0].options, { key: 'odd', value: 1, label: 'Odd' }] };
    await expectRefused({ ...model, choices: [choice, ...model.choices.slice(1)] }, `choice ${choice.name}, option odd: value 1 is outside the publisher's range 104570000-104579999`);
  });

  it('a view naming a column the model no longer has', async () => {
    await expectRefused(modelWithTable('task', (t) => ({ ...t, columns: t.columns.filter((c) => c.key !== 'dueBy') })), 'view "My team\'s open jobs": column "dueBy" is not a column of task in core/model');
  });

  it('a form subgrid whose lookup is gone or no longer points at the form\'s table', async () => {
    await expectRefused(modelWithTable('task', (t) => ({ ...t, columns: t.columns.filter((c) => c.key !== 'duplicateOf') })), 'form for task subgrid "otherreports": column "duplicateOf" is not a column of task in core/model');
    await expectRefused(modelWithTable('task', (t) => ({ ...t, columns: t.columns.map((c) => (c.key === 'duplicateOf' && c.kind === 'lookup' ? { ...c, target: 'asset' } : c)) })),
      'form for task subgrid "otherreports": column "duplicateOf" of task is not a lookup to task, so there is no relationship to show');
  });

  it('lists every problem at once', async () => {
    const broken: SolutionModel = { ...model, publisherPrefix: 'X', tables: [...model.tables, model.tables[0]] };
    const error = await buildSolution({ model: broken, dryRun: true }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SolutionModelError);
    expect((error as SolutionModelError).code).toBe('WL-SOL-001');
    expect((error as SolutionModelError).problems.length).toBeGreaterThan(1);
  });
});
