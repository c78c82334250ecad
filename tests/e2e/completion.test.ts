import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createRunner, makeTempDir } from '../helpers/runMeso.js';

const { run } = createRunner();
const has = (shell: string) => spawnSync(shell, ['-c', 'true'], { stdio: 'ignore' }).status === 0;
const script = (shell: string) => {
  const r = run(['completion', shell]);
  expect(r.status, r.stderr).toBe(0);
  const file = path.join(makeTempDir('meso-completion-'), `meso.${shell}`);
  writeFileSync(file, r.stdout);
  return file;
};

/** What bash's completion function offers for a command line (the last word is the one being completed). */
function bashComplete(file: string, words: string[]): string[] {
  const line = words.map((w) => `'${w.replace(/'/g, `'\\''`)}'`).join(' ');
  const r = spawnSync(
    'bash',
    [
      '-c',
      `source "$0"; COMP_WORDS=(${line}); COMP_CWORD=$((\${#COMP_WORDS[@]}-1)); _meso; printf '%s\\n' "\${COMPREPLY[@]}"`,
      file,
    ],
    { encoding: 'utf8' },
  );
  expect(r.stderr).toBe('');
  return r.stdout.split('\n').filter(Boolean);
}

describe('meso completion', () => {
  it('exits 2 for a shell it does not know, naming the ones it does', () => {
    const r = run(['completion', 'tcsh']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/bash, zsh, fish/);
  });

  describe.skipIf(!has('bash'))('bash', () => {
    const file = script('bash');

    it('loads in bash and registers a completion for meso', () => {
      const r = spawnSync(
        'bash',
        ['-c', `source <(${JSON.stringify(process.execPath)} bin/meso.js completion bash); complete -p meso`],
        {
          encoding: 'utf8',
          cwd: path.resolve(import.meta.dirname, '..', '..'),
        },
      );
      expect(r.status, r.stderr).toBe(0);
      expect(r.stdout.trim()).toBe('complete -F _meso meso');
    });

    it('completes commands, and the flags of the command being typed', () => {
      expect(bashComplete(file, ['meso', 'ti'])).toEqual(['timeline']);
      expect(bashComplete(file, ['meso', 'list', '--fi'])).toEqual(['--fields']);
      expect(bashComplete(file, ['meso', 'search', 'x', '--so'])).toEqual(['--sort']);
      expect(bashComplete(file, ['meso', 'list', '--so'])).toEqual([]);
    });

    it('completes countries (quoted for the shell), topics, fields after a comma, and choices', () => {
      expect(bashComplete(file, ['meso', 'list', '--country', 'costa'])).toEqual(['Costa\\ Rica']);
      expect(bashComplete(file, ['meso', 'timeline', '-t', 'traf'])).toEqual(['trafficking']);
      expect(bashComplete(file, ['meso', 'list', '--fields', 'id,ti'])).toEqual(['id,title']);
      expect(bashComplete(file, ['meso', 'search', 'x', '--fields', 'sc'])).toEqual(['score']);
      expect(bashComplete(file, ['meso', 'timeline', '--by', 'q'])).toEqual(['quarter']);
      expect(bashComplete(file, ['meso', 'list', '--format', 't'])).toEqual(['table', 'tsv']);
      expect(bashComplete(file, ['meso', 'export', '--format', 'b'])).toEqual(['bulk']);
    });

    it('offers every flag that list --help shows', () => {
      const help = run(['list', '--help']).stdout;
      const flags = [...new Set(help.match(/--[a-z][a-z-]+/g))];
      const offered = bashComplete(file, ['meso', 'list', '--']);
      for (const f of flags) expect(offered, f).toContain(f);
    });
  });

  it.skipIf(!has('zsh'))('gives zsh a script it parses and registers', () => {
    const file = script('zsh');
    const r = spawnSync(
      'zsh',
      ['-f', '-c', `autoload -U compinit; compinit -u -D; source "$0"; print -r -- $_comps[meso]`, file],
      {
        encoding: 'utf8',
      },
    );
    expect(r.stderr).toBe('');
    expect(r.stdout.trim()).toBe('_meso');
  });

  it.skipIf(!has('fish'))('gives fish a script that completes countries and fields', () => {
    const file = script('fish');
    const r = spawnSync(
      'fish',
      [
        '--no-config',
        '-c',
        `source $argv[1]; complete -C 'meso list --country cos'; complete -C 'meso list --fields id,ti'`,
        file,
      ],
      { encoding: 'utf8' },
    );
    expect(r.stderr).toBe('');
    const offered = r.stdout.split('\n').map((l) => l.split('\t')[0]);
    expect(offered).toContain('Costa Rica');
    expect(offered).toContain('id,title');
  });
});
