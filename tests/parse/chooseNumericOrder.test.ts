import { describe, expect, it } from 'vitest';
import { chooseNumericOrder } from '../../src/parse/chooseNumericOrder.js';

describe('chooseNumericOrder', () => {
  it('reads numeric dates day first, as the site writes them, when nothing says otherwise', () => {
    expect(chooseNumericOrder(['17 / 08 / 2021', '', 'A title', '04/05/2021'])).toBe('day-first');
    expect(chooseNumericOrder(['A page with no numeric date', '5 December, 2018'])).toBe('day-first');
  });

  it('reads them month first when a date only exists that way (there is no month 15)', () => {
    expect(chooseNumericOrder(['03/15/2017', 'A title', '03/08/2017'])).toBe('month-first');
  });

  it('reads them month first when the weekdays the page writes only fit that way', () => {
    // 8 March 2017 was a Wednesday, 3 August 2017 a Thursday; 9 February 2017 a Thursday, 2 September a Saturday
    expect(chooseNumericOrder(['Wed, 03/08/2017', 'Thu, 02/09/2017'])).toBe('month-first');
    // 3 August 2017 was a Thursday
    expect(chooseNumericOrder(['Thursday, 03/08/2017'])).toBe('day-first');
    expect(chooseNumericOrder(['miércoles, 08/03/2017'])).toBe('day-first');
  });

  it('reads a date line with a time after it the same way (the page writes "Wed, 03/15/2017 - 10:00")', () => {
    expect(chooseNumericOrder(['03/15/2017 - 10:00', 'A title', '04/20/2017 - 09:30'])).toBe('month-first');
    expect(chooseNumericOrder(['Wed, 03/15/2017 - 10:00'])).toBe('month-first');
    expect(chooseNumericOrder(['Wed, 03/08/2017 | 10:00'])).toBe('month-first');
  });

  // a second probe's pages: with a byline after it, a month-first date was read day first (or refused)
  it('reads a date line with a label or a byline beside it the same way', () => {
    expect(chooseNumericOrder(['Posted 03/15/2017 by IOM Caribbean', 'A title'])).toBe('month-first');
    expect(chooseNumericOrder(['By Jorge Gallo | 03/15/2017'])).toBe('month-first');
    expect(chooseNumericOrder(['Posted Wed, 03/08/2017 by IOM'])).toBe('month-first');
    expect(chooseNumericOrder(['Posted 15/03/2017 by IOM'])).toBe('day-first');
  });

  it('goes with the most date lines, day first on a tie', () => {
    expect(chooseNumericOrder(['03/15/2017', '15/03/2017'])).toBe('day-first');
    expect(chooseNumericOrder(['03/15/2017', '03/16/2017', '15/03/2017'])).toBe('month-first');
  });
});
