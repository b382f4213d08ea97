// Number of relationships per type.
// @engine kuzu
MATCH ()-[r]->()
RETURN label(r) AS type, count(*) AS count
ORDER BY type
// @engine neo4j
MATCH ()-[r]->()
RETURN type(r) AS type, count(*) AS count
ORDER BY type
