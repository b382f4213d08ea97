/**
 * The printed schema is committed as schema.graphql: a change to the types that is not
 * printed fails here. The contract of the issue (names and shapes) is checked too.
 */
import { readFileSync } from 'node:fs';
import { buildSchema as parseSdl, isInterfaceType, isObjectType } from 'graphql';
import { describe, expect, it } from 'vitest';
import { projectPath } from '../../src/paths.js';
import { buildSchema, printSchemaText } from '../../src/graphql/schema.js';

const committed = readFileSync(projectPath('schema.graphql'), 'utf8');

describe('schema.graphql', () => {
  it('is what the code builds (if not, run: npm run schema:print)', async () => {
    const printed = printSchemaText(await buildSchema());
    expect(printed === committed, 'schema.graphql is out of date: run `npm run schema:print` and commit the file').toBe(true);
  });

  it('keeps the names and shapes of the contract', () => {
    const schema = parseSdl(committed);
    const query = schema.getQueryType()!.getFields();
    const args = (field: string) => Object.fromEntries(query[field]!.args.map((a) => [a.name, String(a.type)]));
    expect(String(query.entity!.type)).toBe('Entity');
    expect(args('entity')).toEqual({ id: 'ID!' });
    expect(String(query.search!.type)).toBe('[SearchHit!]!');
    expect(args('search')).toEqual({ text: 'String!', types: '[EntityType!]', first: 'Int' });
    expect(String(query.policies!.type)).toBe('PolicyConnection!');
    expect(args('policies')).toEqual({ filter: 'PolicyFilter', first: 'Int', after: 'String' });
    expect(String(query.timeline!.type)).toBe('[TimelineEntry!]!');
    expect(args('timeline')).toEqual({ from: 'Date', to: 'Date', types: '[EntityType!]', regionId: 'ID', sectorId: 'ID', agencyId: 'ID', first: 'Int', evidence: '[EvidenceBasis!]' });
    expect(String(query.policyDrivers!.type)).toBe('[PolicyDriver!]!');
    expect(args('policyDrivers')).toEqual({ sectorId: 'ID!', includeSubsectors: 'Boolean', first: 'Int', firstFirms: 'Int', evidence: '[EvidenceBasis!]' });
    expect(String(query.neighborhood!.type)).toBe('Graph!');
    expect(args('neighborhood')).toEqual({ id: 'ID!', depth: 'Int', asOf: 'Date', types: '[EntityType!]', evidence: '[EvidenceBasis!]', includeUndated: 'Boolean' });
    expect(String(query.path!.type)).toBe('Graph');
    expect(args('path')).toEqual({ fromId: 'ID!', toId: 'ID!', maxDepth: 'Int', evidence: '[EvidenceBasis!]', includeUndated: 'Boolean' });
    expect(String(query.changes!.type)).toBe('ChangeConnection!');
    expect(args('changes')).toEqual({ from: 'Date!', to: 'Date!', regionId: 'ID', sectorId: 'ID', first: 'Int', after: 'String' });
    expect(String(query.indicators!.type)).toBe('[Indicator!]!');
    expect(args('indicators')).toMatchObject({ subjectId: 'ID', metric: 'String' });
    expect(String(query.stats!.type)).toBe('Stats!');
    expect(String(query.cypher!.type)).toBe('CypherResult!');
    expect(args('cypher')).toEqual({ query: 'String!', params: 'JSON' });

    const entity = schema.getType('Entity');
    expect(isInterfaceType(entity)).toBe(true);
    for (const name of ['Policy', 'Agency', 'Firm', 'Region', 'Sector', 'Event', 'Person']) {
      const type = schema.getType(name);
      expect(isObjectType(type) && type.getInterfaces().map(String), name).toEqual(['Entity']);
    }
    const fields = (name: string) => {
      const type = schema.getType(name);
      if (!isObjectType(type) && !isInterfaceType(type)) throw new Error(`${name} is not an object type`);
      return Object.fromEntries(Object.values(type.getFields()).map((f) => [f.name, String(f.type)]));
    };
    expect(fields('Entity')).toMatchObject({
      id: 'ID!', type: 'EntityType!', name: 'String!', nameZh: 'String', aliases: '[String!]!', description: 'String',
      citations: '[Citation!]!', relations: '[Relation!]!',
    });
    const relations = (schema.getType('Entity') as import('graphql').GraphQLInterfaceType).getFields().relations!;
    expect(relations.args.map((a) => `${a.name}: ${a.type}${a.defaultValue !== undefined ? ` = ${a.defaultValue}` : ''}`))
      .toEqual(['direction: Direction = BOTH', 'evidence: [EvidenceBasis!] = STATED,INFERRED,EXTERNAL', 'first: Int = 50', 'types: [String!]']);
    expect(fields('Policy')).toMatchObject({
      kind: 'String', issued: 'Date', effective: 'Date', ended: 'Date', precision: 'DatePrecision', status: 'String',
      issuers: '[Agency!]!', jurisdictions: '[Region!]!', sectors: '[Sector!]!',
    });
    expect(fields('Firm')).toMatchObject({ sectors: '[Sector!]!', regions: '[Region!]!', drivenBy: '[Policy!]!' });
    expect(fields('Agency')).toMatchObject({ issued: '[Policy!]!' });
    expect(fields('Region')).toMatchObject({ parent: 'Region', children: '[Region!]!' });
    expect(fields('Sector')).toMatchObject({ parent: 'Sector', children: '[Sector!]!', firms: '[Firm!]!', policies: '[Policy!]!' });
    expect(fields('Citation')).toMatchObject({ sourceId: 'ID!', sourceTitle: 'String!', locator: 'String', note: 'String', basis: 'EvidenceBasis!' });
    expect(fields('Relation')).toMatchObject({ type: 'String!', direction: 'Direction!', node: 'Entity!', start: 'Date', end: 'Date', citations: '[Citation!]!', basis: 'EvidenceBasis!' });
    expect(fields('SearchHit')).toMatchObject({ score: 'Float!', entity: 'Entity!' });
    expect(fields('PolicyConnection')).toMatchObject({ edges: '[PolicyEdge!]!', pageInfo: 'PageInfo!', totalCount: 'Int!' });
    expect(fields('TimelineEntry')).toMatchObject({ date: 'Date!', precision: 'DatePrecision!', kind: 'String!', label: 'String!', entity: 'Entity!' });
    expect(fields('PolicyDriver')).toMatchObject({ policy: 'Policy!', firms: '[Firm!]!', via: '[String!]!' });
    expect(fields('Graph')).toMatchObject({ nodes: '[GraphNode!]!', edges: '[GraphEdge!]!' });
    expect(fields('GraphNode')).toMatchObject({ id: 'ID!', type: 'EntityType!', label: 'String!', date: 'Date', data: 'JSON!' });
    expect(fields('GraphEdge')).toMatchObject({ id: 'ID!', source: 'ID!', target: 'ID!', type: 'String!', data: 'JSON!' });
    expect(fields('Indicator')).toMatchObject({ id: 'ID!', metric: 'String!', value: 'Float!', unit: 'String', year: 'Int!', kind: 'IndicatorKind!', subject: 'Entity', citations: '[Citation!]!' });
    expect(fields('CypherResult')).toMatchObject({ columns: '[String!]!', rows: 'JSON!' });
    // Printed in alphabetical order (lexicographicSortSchema), so compared as sets.
    const enumValues = (name: string) => (schema.getType(name) as import('graphql').GraphQLEnumType).getValues().map((v) => v.name).sort();
    expect(enumValues('EntityType')).toEqual(['POLICY', 'AGENCY', 'FIRM', 'REGION', 'SECTOR', 'EVENT', 'PERSON'].sort());
    expect(enumValues('DatePrecision')).toEqual(['DAY', 'MONTH', 'YEAR'].sort());
    expect(enumValues('Direction')).toEqual(['OUT', 'IN', 'BOTH'].sort());
    expect(enumValues('IndicatorKind')).toEqual(['ACTUAL', 'FORECAST', 'TARGET', 'ASSESSMENT'].sort());
    expect(enumValues('EvidenceBasis')).toEqual(['STATED', 'INFERRED', 'EXTERNAL'].sort());
  });
});
