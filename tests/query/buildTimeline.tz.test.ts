// @vitest-environment node
// Runs the calendar-boundary tests of timelineBoundaries.ts under a UTC+14 zone (the default run uses
// America/Costa_Rica, UTC-6), so a day shifted by a time zone fails in at least one of the two files.
// Node reads TZ at each date call, so setting it here, after the imports, still takes effect.
process.env.TZ = 'Pacific/Kiritimati';

import { describe, it, expect } from 'vitest';
import { calendarBoundaryTests } from './timelineBoundaries.js';

describe('buildTimeline under Pacific/Kiritimati (UTC+14)', () => {
  it('really runs in UTC+14', () => {
    expect(new Date(2020, 0, 1).getTimezoneOffset()).toBe(-14 * 60);
  });

  calendarBoundaryTests();
});
