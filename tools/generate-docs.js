#!/usr/bin/env node
// Writes the docs pages generated from core/model (run after `tsc -b`; `npm run docs`).
const fs = require('node:fs');
const path = require('node:path');
const { renderDataModelDoc, renderErrorsDoc } = require('../core/dist/docs');

const docs = path.resolve(__dirname, '..', 'docs');
fs.mkdirSync(docs, { recursive: true });
fs.writeFileSync(path.join(docs, 'data-model.md'), renderDataModelDoc());
fs.writeFileSync(path.join(docs, 'errors.md'), renderErrorsDoc());
console.log('wrote docs/data-model.md and docs/errors.md');
