import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { renderDataModelDoc, renderErrorsDoc } from '../../core/src/docs';
import { tables } from '../../core/src/model';
import { errorCatalogues } from '../../tools/error-catalogues';

const docs = resolve(__dirname, '../../docs');

describe('generated docs', () => {
  it('docs/data-model.md matches core/model (run `npm run docs` after changing the model)', () => {
    expect(readFileSync(resolve(docs, 'data-model.md'), 'utf8')).toBe(renderDataModelDoc());
  });

  it('docs/errors.md matches every package\'s error catalogue (run `npm run docs`)', () => {
    expect(readFileSync(resolve(docs, 'errors.md'), 'utf8')).toBe(renderErrorsDoc(errorCatalogues));
  });

  it('names every table and every personal column', () => {
    const page = renderDataModelDoc();
    for (const table of tables) expect(page).toContain(`\`wl_${table.key.toLowerCase()}\``);
    expect(page).toMatch(/`wl_reporteremail` .*personal data/);
  });
});
