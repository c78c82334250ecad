import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { ROOT } from './runMeso.js';

/**
 * Builds dist/ before any test runs, whichever way vitest was started (npm test, npx vitest, an editor), so
 * end-to-end tests that spawn bin/meso.js always run the code in src/ as it is now, never a stale build.
 * esbuild takes a fraction of a second, so it builds every time rather than guessing from file times.
 */
export default function buildOnce(): void {
  execFileSync(process.execPath, [path.join(ROOT, 'scripts', 'build.mjs')], { cwd: ROOT, stdio: 'inherit' });
}
