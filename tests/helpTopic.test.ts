import { describe, expect, it } from 'vitest';
import { commandNamed, valueFlags } from '../src/cli.js';
import { commandWord, helpTopic } from '../src/helpTopic.js';

describe('helpTopic', () => {
  it('reads the command lines that ask for the program’s help', () => {
    for (const args of [[], ['--help'], ['-h'], ['help']]) expect(helpTopic(args)).toBe('');
  });

  it('reads the command lines that ask for a command’s help', () => {
    expect(helpTopic(['search', '--help'])).toBe('search');
    expect(helpTopic(['list', '-h'])).toBe('list');
    expect(helpTopic(['help', 'timeline'])).toBe('timeline');
  });

  it('leaves any other command line to commander', () => {
    for (const args of [
      ['search'],
      ['--version'],
      ['search', 'trafficking'],
      ['--no-color', '--help'],
      ['search', 'x', '--help'],
      ['help', 'list', 'x'],
    ])
      expect(helpTopic(args)).toBeUndefined();
  });
});

describe('commandWord', () => {
  const flags = valueFlags();
  const word = (...args: string[]) => commandWord(args, flags);

  it('names a command line by its command, past the flags before it and their values', () => {
    expect(word('search', 'trafficking')).toBe('search');
    expect(word('timeline', '--by', 'year')).toBe('timeline');
    expect(word('--data', 'pages', 'search', 'x')).toBe('search');
    expect(word('--cache-dir', '/tmp/c', '--quiet', 'list', '--json')).toBe('list');
    expect(word('--data=pages', 'stats')).toBe('stats');
    expect(word()).toBe('any');
    expect(word('--', 'search')).toBe('any');
    // nothing that could leave the cache folder or make a strange file name
    for (const odd of ['../x', 'a/b', 'C:\\x', 'Search', 'x'.repeat(40), ''])
      expect([odd, commandWord([odd], flags)]).toEqual([odd, 'any']);
  });

  it('finds the command commander runs (commandNamed), whatever comes before it', () => {
    const lines = [
      ['search', 'x'],
      ['--data', 'd', 'list', '--json'],
      ['--max-page-bytes', '100', '--cache-dir', 'c', 'timeline'],
      ['--quiet', '--verbose', 'stats'],
      ['--data', 'search', 'list'],
    ];
    for (const args of lines) expect([args, commandWord(args, flags)]).toEqual([args, commandNamed(args)]);
  });

  it('keeps the code of runs that build their corpus every time apart', () => {
    expect(word('search', 'x', '--no-cache')).toBe('search-built');
    expect(word('--data', '-', 'list')).toBe('list-built');
    expect(word('list', '--data=-', '--json')).toBe('list-built');
    expect(word('search', '-')).toBe('search'); // a query of "-" is not pages on standard input
    expect(word('search', '--', '--no-cache')).toBe('search');
  });
});
