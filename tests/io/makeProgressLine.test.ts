import { describe, expect, it } from 'vitest';
import { makeProgressLine } from '../../src/io/makeProgressLine.js';

/** A progress line on a fake clock, and what it wrote. */
function setup(enabled = true, columns = 80) {
  let t = 0;
  const written: string[] = [];
  const line = makeProgressLine({ write: (s) => void written.push(s), enabled, columns, now: () => t });
  return { line, written, at: (ms: number) => void (t = ms) };
}

describe('makeProgressLine', () => {
  it('writes nothing for the first half second', () => {
    const { line, written, at } = setup();
    at(100);
    line.update(1, 10);
    at(499);
    line.update(5, 10);
    line.clear();
    expect(written).toEqual([]);
  });

  it('then shows pages read and the time left at the pace so far, redrawn in place', () => {
    const { line, written, at } = setup();
    at(0);
    line.update(0, 40);
    at(1000);
    line.update(10, 40); // 10 pages a second, 30 left
    expect(written).toEqual(['\r\x1b[Kmeso: reading pages 10/40 · about 3 s to go']);
    at(1050);
    line.update(11, 40); // within 100 ms of the last: not redrawn
    expect(written).toHaveLength(1);
    at(1900);
    line.update(39, 40);
    expect(written.at(-1)).toBe('\r\x1b[Kmeso: reading pages 39/40 · under a second to go');
    at(1910);
    line.update(40, 40); // the last page: always drawn, and the next stage named
    expect(written.at(-1)).toBe('\r\x1b[Kmeso: 40 pages read; tagging their items …');
  });

  it('says when it indexes the items, and wipes the line when done', () => {
    const { line, written, at } = setup();
    at(600);
    line.update(20_000, 20_000, 'items');
    expect(written.at(-1)).toBe('\r\x1b[Kmeso: indexing 20,000 items …');
    line.clear();
    expect(written.at(-1)).toBe('\r\x1b[K');
    line.clear();
    expect(written).toHaveLength(2);
  });

  it('writes nothing at all when disabled (a pipe, --quiet)', () => {
    const { line, written, at } = setup(false);
    at(5000);
    line.update(1, 2);
    line.clear();
    expect(written).toEqual([]);
  });

  it('keeps the line narrower than the terminal, so it never wraps', () => {
    const { line, written, at } = setup(true, 30);
    at(1000);
    line.update(1, 2, 'cache');
    expect(written[0]!.replace('\r\x1b[K', '').length).toBeLessThan(30);
  });
});
