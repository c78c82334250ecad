import { describe, expect, it } from 'vitest';
import { helpTopic } from '../src/helpTopic.js';

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
