// Number of nodes per label.
// @engine kuzu
MATCH (n)
RETURN label(n) AS label, count(*) AS count
ORDER BY label
// @engine neo4j
MATCH (n:Entity)
RETURN [l IN labels(n) WHERE l <> 'Entity'][0] AS label, count(*) AS count
ORDER BY label
