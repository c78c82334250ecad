import { runProcess } from './runProcess.js';
import { timingsLine } from './timings.js';

// The entry of dist/meso.js, which bin/meso.js imports.
await runProcess(process.argv);
process.stderr.write(timingsLine());
