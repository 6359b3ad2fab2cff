#!/usr/bin/env node
// Committed launcher, so npm can link the `wardline` bin at install time, before `tsc -b` has
// built scripts/dist (npm skips bins whose target does not exist yet).
require('../dist/cli.js');
