'use strict';
/**
 * The Node flags `npm start` gives the service (read from the root package.json's start script),
 * so a benchmark of the service's own code runs under the same V8 settings as the service.
 */
const { readFileSync } = require('node:fs');
const path = require('node:path');

const start = JSON.parse(readFileSync(path.resolve(__dirname, '../../package.json'), 'utf8')).scripts.start;
const match = /^node((?:\s+--\S+)*)\s/.exec(start);
if (!match) throw new Error(`bench: the start script "${start}" does not begin with node`);

module.exports = { SERVICE_NODE_FLAGS: match[1].trim().split(/\s+/).filter(Boolean) };
