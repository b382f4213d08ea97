// Creates or updates one batch of nodes of one label, matched on id. Expanded per label
// (upsertNodes.Policy …); __SET__ lists every property of the label in src/model.ts.
// `aliases` is set to an empty list here and filled by setAliases, because Kùzu cannot
// take an empty list inside a row parameter.
// @each label
// @mode write
// @param rows __ROWS__
// @engine kuzu
UNWIND $rows AS row
MERGE (n:__LABEL__ {id: row.id})
SET __SET__
RETURN count(n) AS written
// @engine neo4j
UNWIND $rows AS row
MERGE (n:__LABEL__ {id: row.id})
SET n:Entity,
    __SET__
RETURN count(n) AS written
