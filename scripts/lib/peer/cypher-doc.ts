/**
 * docs/bench/neo4j-graphql-cypher.md: the Cypher @neo4j/graphql generated for each question of
 * the last bench run, beside the GraphQL sent to it and the named queries our API runs for the
 * same question, so that a reader can see what each side asks the database. Rewritten by every
 * run that measures the peer; committed with the figures of docs/PERFORMANCE.md.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { projectPath } from '../../../src/paths.js';
import type { EngineRun } from '../bench-engines.js';

/** The named queries (cypher/queries/) our API runs for each peer question, in order. */
const OURS: Record<string, string> = {
  search: 'searchFullText and searchExact (together), then entityById or entitiesByIds',
  nested: 'entityById; relationsOf and sourcesByIds; entitiesByIds; relationsOf; entitiesByIds (one per level, every id of the level in one call)',
  neighbourhood: 'entityById; relationsOf; entitiesByIds',
  policies: 'policiesPage and policiesCount (together)',
};

export const PEER_CYPHER_DOC = 'docs/bench/neo4j-graphql-cypher.md';

export function peerCypherMarkdown(runs: { size: string; peer: NonNullable<EngineRun['peer']> }[], date: string): string {
  const out: string[] = [];
  out.push('# The Cypher @neo4j/graphql generates for the bench\'s questions');
  out.push('');
  out.push(`Written by \`npm run bench\` (${date}; scripts/lib/peer/). @neo4j/graphql 7.6.3 over the type definitions`);
  out.push('of scripts/lib/peer/typedefs.ts (derived from src/model.ts), on the same Neo4j 5.26 database as our API;');
  out.push('the figures are in docs/PERFORMANCE.md. Statements as the library logged them (`@neo4j/graphql:execution`),');
  out.push('with the parameters of the last size measured. Our API\'s queries are the named ones in cypher/queries/.');
  const last = runs.at(-1)!;
  const questions = [...new Set(runs.flatMap((r) => r.peer.results.map((q) => q.name)))];
  for (const name of questions) {
    const statements = last.peer.statements.filter((s) => s.question === name);
    out.push('');
    out.push(`## ${name}`);
    out.push('');
    out.push(`Ours: ${OURS[name] ?? '—'}.`);
    if (!statements.length) {
      out.push('');
      out.push('(no statement captured: the question failed in this run)');
      continue;
    }
    out.push('');
    out.push('GraphQL sent to @neo4j/graphql:');
    out.push('');
    out.push('```graphql');
    out.push(statements[0]!.graphql.replace(/\s+/g, ' ').trim());
    out.push('```');
    statements.forEach((s, i) => {
      out.push('');
      out.push(statements.length > 1 ? `Cypher, statement ${i + 1} of ${statements.length}:` : 'Cypher:');
      out.push('');
      out.push('```cypher');
      out.push(s.cypher.trim());
      out.push('```');
      out.push('');
      out.push(`Parameters (${last.size}): \`${s.params.replace(/\s+/g, ' ').slice(0, 600)}\``);
    });
  }
  return `${out.join('\n')}\n`;
}

/** Writes the document and returns its path. */
export function writePeerCypher(runs: { size: string; peer: NonNullable<EngineRun['peer']> }[], date: string): string {
  const file = projectPath(PEER_CYPHER_DOC);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, peerCypherMarkdown(runs, date));
  return PEER_CYPHER_DOC;
}
