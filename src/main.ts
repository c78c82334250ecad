import { runProcess } from './runProcess.js';

// The entry of dist/meso.js, which bin/meso.js imports.
await runProcess(process.argv);
