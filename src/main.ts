import { runProcess } from './runProcess.js';

// The entry of dist/meso.js: `node bin/meso.js …`, and every run where the start-up snapshot cannot be used.
await runProcess(process.argv);
