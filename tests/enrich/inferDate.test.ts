import { describe, expect, it } from 'vitest';
import { inferDate } from '../../src/enrich/inferDate.js';

describe('inferDate', () => {
  it('reads a full date as day precision', () => {
    expect(inferDate('Tijuana, Mexico, February 28, 2019. 33 migrants were hired.')).toEqual({
      value: '2019-02-28',
      precision: 'day',
      evidence: 'February 28, 2019',
    });
  });
  it('reads "in October 2018" as month precision', () => {
    expect(inferDate('in October 2018 the IOM created a program')).toEqual({
      value: '2018-10',
      precision: 'month',
      evidence: 'October 2018',
    });
  });
  it('reads Spanish dates', () => {
    expect(inferDate('El 5 de enero de 2018 se reunieron')?.value).toBe('2018-01-05');
  });
  it('never reads a plan period "2017-2022" or a name like "2030 Agenda" as a date', () => {
    expect(inferDate('a National Plan against Human Trafficking for 2017-2022')).toBeNull();
    expect(inferDate('the 2030 Agenda for Sustainable Development')).toBeNull();
    expect(inferDate('the National Development Plan 2019-2024')).toBeNull();
  });
  it('does not take a date after "since" as the date of the story', () => {
    expect(inferDate('Since March 2017, the program has had a presence')).toBeNull();
  });
  it('ignores dates without a year and impossible days', () => {
    expect(inferDate('on March 11 the guide was presented')).toBeNull();
    expect(inferDate('on February 30, 2019 nothing happened')).toBeNull();
  });
  it('prefers the most precise date, then the latest', () => {
    expect(inferDate('In 2017 a plan began; on June 5, 2018 it was signed; in July 2018 it started')?.value).toBe(
      '2018-06-05',
    );
  });
});

describe('inferDate on text with many dates', () => {
  // Regression: each match was checked against every earlier one (taken.some), n² for n dates. The result must
  // stay the same as for few dates: the most precise pattern wins, then the latest, and a stretch read by a more
  // precise pattern is never read again by a coarser one.
  it('gives the latest full date among 20,000 and never reads a month out of a full date', () => {
    const parts: string[] = [];
    for (let i = 0; i < 20_000; i++) parts.push(`on March ${1 + (i % 28)}, ${1990 + (i % 30)} a meeting`);
    parts.push('in December 2019 a plan'); // month precision: loses to any full date
    const r = inferDate(parts.join('; '));
    expect(r).toEqual({ value: '2019-03-28', precision: 'day', evidence: 'March 28, 2019' });
  });

  it('skips the month inside a full date it could not use, and finds a later month', () => {
    // "30 de febrero de 2019" is no day; its "febrero de 2019" must not come back as a month
    expect(inferDate('el 30 de febrero de 2019 nada; en mayo de 2018 un plan')).toEqual({
      value: '2018-05',
      precision: 'month',
      evidence: 'mayo de 2018',
    });
    const many = Array.from({ length: 5_000 }, () => 'el 30 de febrero de 2019 nada').join('; ');
    expect(inferDate(`${many}; en mayo de 2018 un plan; ${many}`)?.value).toBe('2018-05');
  });
});
