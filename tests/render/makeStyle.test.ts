import { describe, expect, it } from 'vitest';
import { makeStyle } from '../../src/render/makeStyle.js';

const level = (isTTY: boolean, env: NodeJS.ProcessEnv, color?: boolean) =>
  makeStyle({ isTTY, env, ...(color === undefined ? {} : { color }) }).c.level;

describe('makeStyle', () => {
  it('colours a terminal, not a pipe', () => {
    expect(level(true, {})).toBe(1);
    expect(level(true, { TERM: 'xterm-256color' })).toBe(2);
    expect(level(false, {})).toBe(0);
  });

  // Regression: TERM=dumb (Emacs's shell) got bold and dim escape codes
  it('does not colour a dumb terminal, unless FORCE_COLOR says so', () => {
    expect(level(true, { TERM: 'dumb' })).toBe(0);
    expect(level(true, { TERM: 'dumb', COLORTERM: 'truecolor' })).toBe(0); // an Emacs shell in a truecolor terminal
    expect(level(true, { TERM: 'dumb', FORCE_COLOR: '1' })).toBe(1);
  });

  // Regression: FORCE_COLOR=false turned colour on (Number('false') is NaN, read as 1)
  it('reads FORCE_COLOR 0, false, no and off as no colour, and true or a level as colour', () => {
    for (const off of ['0', 'false', 'FALSE', 'no', 'off']) expect(level(true, { FORCE_COLOR: off }), off).toBe(0);
    expect(level(false, { FORCE_COLOR: 'true' })).toBe(1);
    expect(level(false, { FORCE_COLOR: '' })).toBe(1);
    expect(level(false, { FORCE_COLOR: '3' })).toBe(3);
  });

  it('lets NO_COLOR and --no-color win over everything', () => {
    expect(level(true, { NO_COLOR: '1', FORCE_COLOR: '3' })).toBe(0);
    expect(level(true, { FORCE_COLOR: '3' }, false)).toBe(0);
  });
});
