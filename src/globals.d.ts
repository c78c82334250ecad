/** Replaced at build time by esbuild (scripts/build.mjs) and in tests by vitest.config.ts. */
declare const __MESO_VERSION__: string;
declare const __MINISEARCH_VERSION__: string;
