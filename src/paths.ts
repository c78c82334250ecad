import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { dirname, isAbsolute, join } from 'node:path';

/**
 * The folder of meso's code: dist/ in the bundles (their `__dirname`, which the build puts here), src/ in the
 * sources (tests). No URL is made in the bundles: the first `pathToFileURL` or `new URL` of a run costs about a
 * quarter of a millisecond.
 */
export const codeDir = (): string =>
  typeof __MESO_DIRNAME__ === 'string' ? __MESO_DIRNAME__ : dirname(fileURLToPath(import.meta.url));

/** The installed package's root folder: both src/ (tests) and dist/ (the bundles) sit one folder below it. */
export const packageRoot = (): string => dirname(codeDir());

/** The bundled data: pages, gazetteer and topic taxonomy. */
export const bundledDataDir = () => join(packageRoot(), 'data');
export const bundledPagesDir = () => join(packageRoot(), 'data', 'pages');

/**
 * The user's cache folder for meso: XDG_CACHE_HOME, else the platform's. A relative XDG_CACHE_HOME is ignored,
 * as the XDG Base Directory specification says (it would put the cache wherever meso happens to run).
 */
export function defaultCacheDir(env: NodeJS.ProcessEnv): string {
  if (env.XDG_CACHE_HOME && isAbsolute(env.XDG_CACHE_HOME)) return join(env.XDG_CACHE_HOME, 'meso');
  // HOME (USERPROFILE on Windows) is what os.homedir() answers when it is set: node:os is loaded only without it
  const home =
    (process.platform === 'win32' ? env.USERPROFILE : env.HOME) ||
    (createRequire(import.meta.url)('node:os') as typeof import('node:os')).homedir();
  if (process.platform === 'darwin') return join(home, 'Library', 'Caches', 'meso');
  if (process.platform === 'win32') return join(env.LOCALAPPDATA ?? join(home, 'AppData', 'Local'), 'meso', 'Cache');
  return join(home, '.cache', 'meso');
}
