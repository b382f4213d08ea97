/**
 * Every GraphQL example in the README runs on the seed data without an error, and the
 * relationship questions it answers there still have those answers.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectPath } from '../../src/paths.js';
import { startApi, dataOf, type Api } from './helpers.js';

const readme = readFileSync(projectPath('README.md'), 'utf8');
const examples = [...readme.matchAll(/```graphql\n([\s\S]*?)```/g)]
  .flatMap((m) => m[1]!.split('\n'))
  .map((line) => line.replace(/\s+#.*$/, '').trim())
  .filter(Boolean);

let api: Api;
beforeAll(async () => {
  api = await startApi();
});
afterAll(async () => {
  await api?.close();
});

describe('README examples', () => {
  it('has one for each root field', () => {
    for (const field of ['search', 'entity', 'policies', 'timeline', 'changes', 'policyDrivers', 'neighborhood', 'path', 'indicators', 'stats', 'cypher']) {
      expect(examples.some((q) => q.startsWith(`{ ${field}(`) || q.startsWith(`{ ${field} `)), field).toBe(true);
    }
  });

  for (const query of examples) {
    it(query.slice(0, 70), async () => {
      const data = dataOf(await api.gql(query));
      expect(Object.values(data)[0]).not.toBeNull();
    });
  }

  it('answers the relationship questions as the README says', async () => {
    const drivers = dataOf(await api.gql(examples.find((q) => q.includes('policyDrivers'))!)).policyDrivers as { policy: { id: string }; firms: { id: string }[] }[];
    const policies = new Set(drivers.map((d) => d.policy.id));
    expect(policies.size).toBe(23);
    expect([...policies]).toEqual(expect.arrayContaining(['guidelines-industrial-internet-2017', 'notice-industrial-internet-2020', 'fourteenth-five-year-plan']));
    expect(drivers.flatMap((d) => d.firms.map((f) => f.id))).toEqual(expect.arrayContaining(['venustech', 'qi-anxin', 'dragos']));
    const path = dataOf(await api.gql(examples.find((q) => q.includes('path('))!)).path as { nodes: { id: string }[] };
    expect(path.nodes.map((n) => n.id)).toEqual(['made-in-china-2025', 'china', 'venustech']);
    const timeline = dataOf(await api.gql(examples.find((q) => q.includes('timeline('))!)).timeline as unknown[];
    expect(timeline).toHaveLength(25);
  });
});
