/**
 * The derived properties (src/seeds/derived.ts): what the loader writes, and what the
 * migration fills in on a graph loaded before they existed — the same values.
 */
import { describe, expect, it } from 'vitest';
import { exactKeys, exactSearchKey, KEY_SEPARATOR, listDate, UNDATED } from '../../src/seeds/derived.js';
import { KuzuStore } from '../../src/store/kuzu/adapter.js';
import { describeDerivedMigration } from '../support/derived-migration.js';

const S = KEY_SEPARATOR;

describe('derived properties', () => {
  it('exactKeys: the id as it is, names and aliases in lower case, each between separators', () => {
    expect(exactKeys('csl', ['Cybersecurity Law', null, '网络安全法', '', 'CSL'])).toBe(`${S}csl${S}cybersecurity law${S}网络安全法${S}csl${S}`);
    expect(exactSearchKey('  Cybersecurity LAW ')).toBe(`${S}cybersecurity law${S}`);
    expect(exactSearchKey(`a${S}b`)).toBeNull();
    expect(exactSearchKey('   ')).toBeNull();
  });

  it('listDate: issued, else effective, else undated (listed last)', () => {
    expect(listDate({ id: 'p', issued: '2016-11-07', issuedPrecision: 'DAY', effective: '2017-06-01', effectivePrecision: 'DAY' })).toEqual({ listDate: '2016-11-07', listDatePrecision: 'DAY' });
    expect(listDate({ id: 'p', issued: null, issuedPrecision: null, effective: '2017', effectivePrecision: 'YEAR' })).toEqual({ listDate: '2017', listDatePrecision: 'YEAR' });
    expect(listDate({ id: 'p', issued: null, effective: null })).toEqual({ listDate: UNDATED, listDatePrecision: null });
  });
});

describeDerivedMigration('Kùzu', () => KuzuStore.open({ path: ':memory:', bufferPoolMb: 256 }), ':Policy:Agency:Firm:Region:Sector:Event:Person');
