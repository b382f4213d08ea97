// Writes one batch of relationships of one type between two labels, found by their end ids.
// Expanded per type and label pair (bulkRelationships.ISSUED_BY.Policy.Agency). Kùzu appends
// with COPY (after the loader's clear, in the same transaction); Neo4j merges.
// @each relationship
// @mode write
// @param rows __ROWS__
// @engine kuzu
COPY __TYPE__ FROM (
  UNWIND $rows AS row
  RETURN row.from, row.to, __COLUMNS__
) (from = '__FROM__', to = '__TO__')
// @engine neo4j
UNWIND $rows AS row
MATCH (a:__FROM__ {id: row.from})
MATCH (b:__TO__ {id: row.to})
MERGE (a)-[r:__TYPE__]->(b)
SET __SET__
RETURN count(r) AS written
