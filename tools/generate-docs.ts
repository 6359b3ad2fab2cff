// Writes the docs pages generated from core/model and the error catalogues (`npm run docs`).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { renderDataModelDoc, renderErrorsDoc } from '../core/src/docs';
import { errorCatalogues } from './error-catalogues';

const docs = resolve(__dirname, '..', 'docs');
mkdirSync(docs, { recursive: true });
writeFileSync(join(docs, 'data-model.md'), renderDataModelDoc());
writeFileSync(join(docs, 'errors.md'), renderErrorsDoc(errorCatalogues));
console.log('wrote docs/data-model.md and docs/errors.md');
