// Deletes every node and relationship: the seed loader replaces the graph inside one write
// transaction, so a failed load leaves the previous graph as it was.
// @mode write
// @engine kuzu
MATCH (n)
DETACH DELETE n
// @engine neo4j
MATCH (n:Entity)
DETACH DELETE n
