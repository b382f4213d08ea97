// Writes one batch of nodes of one label. Expanded per label (bulkNodes.Policy …) from
// src/model.ts: __COLUMNS__ is every property in table order, __SET__ every property but id.
// Kùzu appends with COPY, its bulk path (about 30 times faster than UNWIND … MERGE); the
// loader clears the graph first in the same transaction, so a reload replaces rather than
// duplicates. Neo4j merges on id. `aliases` is written empty here and filled by setAliases,
// because Kùzu cannot take an empty list inside a row parameter.
// @each label
// @mode write
// @param rows __ROWS__
// @engine kuzu
COPY __LABEL__ FROM (
  UNWIND $rows AS row
  RETURN __COLUMNS__
)
// @engine neo4j
UNWIND $rows AS row
MERGE (n:__LABEL__ {id: row.id})
SET n:Entity,
    __SET__
RETURN count(n) AS written
