/**
 * Search parity rests on one property: every word we index and ask for is one that both
 * engines' full-text indexes hold as it is. Lucene (Neo4j) keeps every word of letters; Kùzu
 * drops its stop words (and words whose stem is one). So every word of the seed graph's index
 * text must be found by Kùzu's index: a word it drops belongs on our STOPWORDS list.
 */
import kuzu from 'kuzu';
import { describe, expect, it } from 'vitest';
import { projectPath } from '../../src/paths.js';
import { searchText, searchWords } from '../../src/search-text.js';
import { checkSeedFolder } from '../../src/seeds/index.js';
import { fullTextQuery } from '../../src/graphql/services/search.js';

describe('search words', () => {
  it('are lower-case runs of letters, with Chinese bigrams, without stop words, digits or lone letters', () => {
    expect(searchWords('Data Security Law of the PRC')).toEqual(['data', 'security', 'law', 'prc']);
    expect(searchWords("People's Republic, 5G & 2025: x-ray")).toEqual(['people', 'republic', 'ray']);
    expect(searchWords('《数据安全法》')).toEqual(['数据安全法', '数据', '据安', '安全', '全法']);
    expect(searchWords('the of and')).toEqual([]);
    expect(searchText(['Venustech', '启明星辰', null, 'A firm in Beijing.'])).toBe('venustech 启明星辰 firm beijing 启明 明星 星辰');
  });

  it('leave nothing that is query syntax in either engine', () => {
    expect(fullTextQuery('law" OR name:* AND (x~2)^9 \\ -y +zz')).toBe('law zz');
    expect(fullTextQuery('?!*')).toBe('');
  });

  it("are all held by Kùzu's full-text index as they are", async () => {
    const { graph } = checkSeedFolder(projectPath('seeds'));
    const words = new Set<string>();
    for (const rows of Object.values(graph.nodes)) {
      for (const row of rows ?? []) for (const w of String(row.searchText ?? '').split(' ')) if (w) words.add(w);
    }
    expect(words.size).toBeGreaterThan(1000);
    // One document per word: a word the index drops is a document no query finds.
    const db = new kuzu.Database(':memory:');
    const conn = new kuzu.Connection(db);
    try {
      await conn.query('CREATE NODE TABLE Probe(id STRING PRIMARY KEY, t STRING)');
      const insert = await conn.prepare('UNWIND $words AS w CREATE (:Probe {id: w, t: w})');
      await conn.execute(insert, { words: [...words] });
      await conn.query("CALL CREATE_FTS_INDEX('Probe', 'probe_fts', ['t'])");
      const query = await conn.prepare("CALL QUERY_FTS_INDEX('Probe', 'probe_fts', $q) RETURN node.id AS id");
      const found = new Set(((await (await conn.execute(query, { q: [...words].join(' ') }) as kuzu.QueryResult).getAll()) as { id: string }[]).map((r) => r.id));
      expect([...words].filter((w) => !found.has(w))).toEqual([]);
    } finally {
      await conn.close();
      await db.close();
    }
  }, 60_000);
});
