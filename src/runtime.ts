/** What a command may touch of the outside world; tests and main() hand in the real one. */
export interface Runtime {
  out: (text: string) => void;
  err: (text: string) => void;
  env: NodeJS.ProcessEnv;
  isTTY: boolean;
  /** whether stderr is a terminal: the progress line is drawn only there */
  errIsTTY?: boolean;
  columns?: number;
  /** whether standard input is a terminal, where reading a page from it (`-`) waits for the user; a function, so
   * that stdin is only looked at (opened, a few milliseconds) when a page is read from it */
  stdinIsTTY?: () => boolean;
  /** the whole command line, as runCli got it (queryWords looks for a `--` in it) */
  argv?: readonly string[];
}
