/**
 * A server told not to seed leaves its database as it found it. On Neo4j every API a test starts
 * shares one database, so this test has a file of its own (test:neo4j runs files one at a time):
 * emptying the graph under another file's open API would change that file's answers.
 */
import { describe, expect, it } from 'vitest';
import { dataOf, startApi } from './helpers.js';

describe('seeding', () => {
  it('leaves an empty database empty when told not to seed', async () => {
    const empty = await startApi({ seedDir: false });
    try {
      expect(dataOf(await empty.gql('{ stats { nodeCount } }')).stats.nodeCount).toBe(0);
      expect(dataOf(await empty.gql('{ search(text: "Data Security Law") { score } }')).search).toEqual([]);
    } finally {
      await empty.close();
    }
  });
});
