/**
 * Values from the Neo4j driver come back as the same plain JS the embedded adapter returns,
 * so callers never see which engine answered.
 */
import neo4j from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import { toPlain } from '../../src/store/neo4j/adapter.js';
import { toPlain as kuzuToPlain } from '../../src/store/kuzu/adapter.js';

describe('Neo4j values to plain JS', () => {
  it('turns integers into numbers, and into bigint outside the safe range', () => {
    expect(toPlain(neo4j.int(42))).toBe(42);
    expect(toPlain(neo4j.int('9007199254740993'))).toBe(9007199254740993n);
  });

  it('writes dates as YYYY-MM-DD, like the embedded adapter', () => {
    const date = new neo4j.types.Date(2017, 6, 1);
    expect(toPlain(date)).toBe('2017-06-01');
    expect(kuzuToPlain(new Date(Date.UTC(2017, 5, 1)))).toBe('2017-06-01');
  });

  it('converts inside lists and maps', () => {
    expect(toPlain({ n: [neo4j.int(1), neo4j.int(2)], d: { at: new neo4j.types.Date(2021, 9, 1) }, s: 'x', none: null })).toEqual({
      n: [1, 2], d: { at: '2021-09-01' }, s: 'x', none: null,
    });
  });

  it('gives nodes their own label, not the umbrella Entity label', () => {
    const node = new neo4j.types.Node(neo4j.int(1), ['Entity', 'Policy'], { id: 'cybersecurity-law', year: neo4j.int(2017) }, 'e1');
    expect(toPlain(node)).toEqual({ _id: 'e1', _label: 'Policy', id: 'cybersecurity-law', year: 2017 });
  });
});
