import { describe, expect, it } from 'vitest';
import { learnAcronyms } from '../../src/indexing/learnAcronyms.js';

describe('learnAcronyms', () => {
  it('learns an acronym from the words before it in parentheses', () => {
    expect(learnAcronyms('with the International Labour Organization (ILO) in Panama')).toEqual([
      ['ilo', ['international', 'labour', 'organization']],
    ]);
  });
  it('skips small words inside the long form, in English and Spanish, and a plural s', () => {
    expect(learnAcronyms('the Instituto Nacional de Migración (INM) of Mexico')).toEqual([
      ['inm', ['instituto', 'nacional', 'de', 'migracion']],
    ]);
    expect(learnAcronyms('towards the Sustainable Development Goals (SDGs).')).toEqual([
      ['sdgs', ['sustainable', 'development', 'goals']],
    ]);
    expect(learnAcronyms('The Caribbean Migration Consultations (CMC) Counter-Trafficking Network')).toEqual([
      ['cmc', ['caribbean', 'migration', 'consultations']],
    ]);
  });
  it('learns nothing when the letters do not follow the words, or from a word in parentheses', () => {
    expect(learnAcronyms('supported by Doctors of the Word France (MdM)')).toEqual([]);
    expect(learnAcronyms('a meeting (Guatemala) and a (Fact) sheet')).toEqual([]);
    expect(learnAcronyms('no parentheses at all')).toEqual([]);
  });
  it('stays within the sentence', () => {
    expect(learnAcronyms('Return. Data (RD) was shared.')).toEqual([]);
  });
});
