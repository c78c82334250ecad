#!/usr/bin/env node
// meso's command: a plain Node entry, so npm's shims run it the same on Linux, macOS and Windows.
import module from 'node:module';

// Node 22.1+ keeps compiled code between runs; older Nodes simply start without it.
module.enableCompileCache?.();
await import('../dist/meso.js');
