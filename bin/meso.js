#!/usr/bin/env node
// meso's command: a plain Node entry, so npm's shims run it the same on Linux, macOS and Windows. CommonJS (see
// bin/package.json), as is dist/: Node then needs no ES module loader to start meso.

// Node 22.1+ keeps compiled code between runs; older Nodes start without it (dist/meso.cjs keeps its own), and
// without loading node:module to ask (a quarter of a millisecond).
if (Number(process.versions.node.split('.')[0]) >= 22) require('node:module').enableCompileCache?.();
require('../dist/meso.cjs');
