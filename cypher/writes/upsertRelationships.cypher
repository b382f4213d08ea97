// Creates or updates one batch of relationships of one type between two labels, matched on
// their end ids. Expanded per type and label pair (upsertRelationships.ISSUED_BY.Policy.Agency).
// @each relationship
// @mode write
// @param rows __ROWS__
UNWIND $rows AS row
MATCH (a:__FROM__ {id: row.from})
MATCH (b:__TO__ {id: row.to})
MERGE (a)-[r:__TYPE__]->(b)
SET __SET__
RETURN count(r) AS written
