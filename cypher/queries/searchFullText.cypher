// Full-text candidates for search over names, Chinese names, aliases and descriptions (the
// `searchText` field: see src/search-text.ts). $q is a list of search words, any of which may
// match. At most $limit candidates per label, with the fields src/graphql/services/search.ts
// ranks them by (the engines' own scores differ, so they only choose which candidates are kept
// when there are more than $limit). The embedded engine has one index per label, hence one
// branch per label (and no label-list parameter: Kùzu 0.11.3 crashes when one list parameter
// appears in several UNION branches).
// @param q STRING
// @param limit INT64
// @engine kuzu
CALL QUERY_FTS_INDEX('Policy', 'policy_fts', $q)
RETURN node.id AS id, 'Policy' AS label, node.name AS name, node.nameZh AS nameZh, node.aliases AS aliases, node.description AS description
ORDER BY score DESC, id LIMIT $limit
UNION ALL
CALL QUERY_FTS_INDEX('Agency', 'agency_fts', $q)
RETURN node.id AS id, 'Agency' AS label, node.name AS name, node.nameZh AS nameZh, node.aliases AS aliases, node.description AS description
ORDER BY score DESC, id LIMIT $limit
UNION ALL
CALL QUERY_FTS_INDEX('Firm', 'firm_fts', $q)
RETURN node.id AS id, 'Firm' AS label, node.name AS name, node.nameZh AS nameZh, node.aliases AS aliases, node.description AS description
ORDER BY score DESC, id LIMIT $limit
UNION ALL
CALL QUERY_FTS_INDEX('Region', 'region_fts', $q)
RETURN node.id AS id, 'Region' AS label, node.name AS name, node.nameZh AS nameZh, node.aliases AS aliases, node.description AS description
ORDER BY score DESC, id LIMIT $limit
UNION ALL
CALL QUERY_FTS_INDEX('Sector', 'sector_fts', $q)
RETURN node.id AS id, 'Sector' AS label, node.name AS name, node.nameZh AS nameZh, node.aliases AS aliases, node.description AS description
ORDER BY score DESC, id LIMIT $limit
UNION ALL
CALL QUERY_FTS_INDEX('Event', 'event_fts', $q)
RETURN node.id AS id, 'Event' AS label, node.name AS name, node.nameZh AS nameZh, node.aliases AS aliases, node.description AS description
ORDER BY score DESC, id LIMIT $limit
UNION ALL
CALL QUERY_FTS_INDEX('Person', 'person_fts', $q)
RETURN node.id AS id, 'Person' AS label, node.name AS name, node.nameZh AS nameZh, node.aliases AS aliases, node.description AS description
ORDER BY score DESC, id LIMIT $limit
// @engine neo4j
// One branch per label's own index, each asked for its best $limit by Lucene (a top-k): the
// index over every label returned every hit of a common word (30 k nodes for "industrial
// security" at 100k nodes) to be sorted and cut here.
// @union entityLabels
CALL db.index.fulltext.queryNodes('__FTS__', $q, {limit: $limit}) YIELD node, score
RETURN node.id AS id, '__LABEL__' AS label, node.name AS name, node.nameZh AS nameZh, node.aliases AS aliases, node.description AS description
// @end
