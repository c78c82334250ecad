import { createProgram, runCli } from './cli.js';
import { helpTopic } from './helpTopic.js';

/**
 * The help meso prints when standard output is not a terminal, per topic: '' for the program, else a command's
 * name; a topic whose command lines (see {@link helpTopic}) do not all print the same text is left out. The build
 * writes it to dist/help.json, which dist/meso.js prints without loading commander.
 */
export async function helpTexts(): Promise<Record<string, string>> {
  const names = createProgram({ out: () => {}, err: () => {}, env: {}, isTTY: false })
    .commands.map((c) => c.name())
    .filter((n) => n !== 'help'); // `meso help --help` is commander's own (and ends the process)
  const texts: Record<string, string> = {};
  for (const topic of ['', ...names]) {
    const printed = new Set<string>();
    const lines = [
      [],
      ['--help'],
      ['-h'],
      ['help'],
      ...names.flatMap((n) => [
        [n, '--help'],
        [n, '-h'],
        ['help', n],
      ]),
    ];
    for (const args of lines.filter((l) => helpTopic(l) === topic)) {
      let out = '';
      let err = '';
      const status = await runCli(['node', 'meso', ...args], {
        out: (s) => void (out += s),
        err: (s) => void (err += s),
        env: {},
        isTTY: false,
      });
      printed.add(status === 0 && !err ? out : '');
    }
    const [text] = printed;
    if (printed.size === 1 && text) texts[topic] = text;
  }
  return texts;
}
