import { describe, expect, it } from 'vitest';
import { makeStyle } from '../../src/render/makeStyle.js';
import { renderFieldTable } from '../../src/render/renderFieldTable.js';

const style = (width: number) => makeStyle({ isTTY: false, columns: width, env: {} });

describe('renderFieldTable', () => {
  // Regression: a summary's paragraph break showed as "\x0a\x0a" in a --fields table
  it('shows a cell’s line breaks as spaces, and still escapes other control characters', () => {
    const records = [{ title: 'A title', summary: 'First paragraph.\n\nSecond paragraph.\nThird line\u0007.' }];
    const table = renderFieldTable(records, ['title', 'summary'], style(200));
    expect(table).toContain('First paragraph. Second paragraph. Third line\\x07.');
    expect(table).not.toContain('\\x0a');
    const stacked = renderFieldTable(records, ['title', 'summary'], style(12));
    expect(stacked).not.toContain('\\x0a');
    expect(stacked.split('\n').filter((l) => l.startsWith('summary:'))).toHaveLength(1);
  });

  it('prints nothing for no records', () => {
    expect(renderFieldTable([], ['title'], style(80))).toBe('');
  });
});
