/** Small pure parts of the API, where a mistake would be hard to see through HTTP. */
import { describe, expect, it } from 'vitest';
import { fullTextQuery } from '../../src/graphql/services/search.js';
import { decodeCursor, encodeCursor } from '../../src/graphql/services/policies.js';
import { rangeParams } from '../../src/graphql/services/dates.js';
import { viaPath } from '../../src/graphql/services/drivers.js';
import { parseDay } from '../../src/graphql/scalars.js';

describe('fullTextQuery', () => {
  it('keeps words in lower case and adds Chinese bigrams (tests/store/search-words.test.ts has the rest)', () => {
    expect(fullTextQuery('Data Security Law')).toBe('data security law');
    expect(fullTextQuery('数据安全法')).toBe('数据安全法 数据 据安 安全 全法');
  });
});

describe('cursors', () => {
  it('round-trip and refuse anything else', () => {
    const c = { date: '2016-11-07', id: 'cybersecurity-law' };
    expect(decodeCursor(encodeCursor(c))).toEqual(c);
    for (const bad of ['', 'abc', Buffer.from('["2016-02-30","x"]').toString('base64url'), Buffer.from('{"a":1}').toString('base64url')]) {
      expect(() => decodeCursor(bad), bad).toThrow(/not a cursor of this API/);
    }
  });
});

describe('dates', () => {
  it('gives the first days of from\'s month and year for the range queries', () => {
    expect(rangeParams('2017-06-15', null)).toEqual({ from: '2017-06-15', fromMonth: '2017-06-01', fromYear: '2017-01-01', to: null });
    expect(rangeParams(null, '2017-12-31')).toEqual({ from: null, fromMonth: null, fromYear: null, to: '2017-12-31' });
  });

  it('accepts real days only', () => {
    expect(parseDay('2016-02-29')).toBe('2016-02-29');
    for (const bad of ['2017-02-29', '2017-04-31', '2017-00-10', '0000-01-01', '2017-1-1', 20170101, null]) {
      expect(() => parseDay(bad), String(bad)).toThrow(/is not a date/);
    }
  });
});

describe('viaPath', () => {
  it('names the relationships from a policy to firms', () => {
    expect(viaPath('PROMOTES', 0)).toEqual(['PROMOTES', 'OPERATES_IN']);
    expect(viaPath('REGULATES', 2)).toEqual(['REGULATES', 'SUBSECTOR_OF', 'SUBSECTOR_OF', 'OPERATES_IN']);
    expect(viaPath('PROMOTES', null)).toEqual(['PROMOTES']);
  });
});
