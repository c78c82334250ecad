import { fileURLToPath } from 'node:url';
import path from 'node:path';

/**
 * The installed package's root folder. Both src/paths.ts (tests) and dist/meso.js (the bundle) sit one folder
 * below it.
 */
export const packageRoot = (): string => fileURLToPath(new URL('..', import.meta.url));

/** The bundled data: pages, gazetteer and topic taxonomy. */
export const bundledDataDir = () => path.join(packageRoot(), 'data');
export const bundledPagesDir = () => path.join(packageRoot(), 'data', 'pages');
