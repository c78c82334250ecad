/** Replaced at build time by esbuild (scripts/build.mjs) and in tests by vitest.config.ts. */
declare const __MESO_VERSION__: string;
declare const __MINISEARCH_VERSION__: string;
/** The SHA-1 of dist/run.cjs, built into dist/meso.cjs (scripts/build.mjs): it names and checks its code cache. */
declare const __MESO_RUN_ID__: string;
/** The SHA-1 of dist/help.cjs, likewise. */
declare const __MESO_HELP_ID__: string;
/** The SHA-1 of dist/run.cjs (but for this string itself), built into it: what its cached corpora are made by. */
declare const __MESO_CODE_ID__: string | undefined;
/** The flags that take a value before a command (cli.ts valueFlags), for the entry and the bundles: written by the build. */
declare const __MESO_VALUE_FLAGS__: string[];
/** The folder of the bundle that runs (its `__dirname`), in the bundles; undefined in the sources (see paths.ts codeDir). */
declare const __MESO_DIRNAME__: string | undefined;
