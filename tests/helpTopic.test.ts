import { describe, expect, it } from 'vitest';
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
  it('names a command line by its first word when that is a plain word, else any', () => {
    expect(commandWord(['search', 'trafficking'])).toBe('search');
    expect(commandWord(['timeline', '--by', 'year'])).toBe('timeline');
    expect(commandWord(['--data', 'pages', 'search', 'x'])).toBe('any');
    expect(commandWord([])).toBe('any');
    // nothing that could leave the cache folder or make a strange file name
    for (const odd of ['../x', 'a/b', 'C:\\x', 'Search', 'x'.repeat(40), '', '-'])
      expect([odd, commandWord([odd])]).toEqual([odd, 'any']);
  });
});
