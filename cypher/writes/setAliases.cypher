// Sets the aliases of one batch of nodes of one label (only rows that have aliases).
// @each label
// @mode write
// @param rows __ROWS__
UNWIND $rows AS row
MATCH (n:__LABEL__ {id: row.id})
SET __SET__
RETURN count(n) AS written
