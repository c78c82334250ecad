import { timingsLine } from './timings.js';

// The entry of dist/meso.js, which bin/meso.js imports. It loads the rest of meso only when a command needs
// it: `meso --version` prints a constant, so it is answered before commander and the commands are loaded.
const args = process.argv.slice(2);
if (args.length === 1 && (args[0] === '--version' || args[0] === '-V')) process.stdout.write(`${__MESO_VERSION__}\n`);
else {
  const { runProcess } = await import('./runProcess.js');
  await runProcess(process.argv);
}
process.stderr.write(timingsLine());
