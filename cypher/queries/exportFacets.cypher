// The regions, sectors and agencies of the graph by name: the choices of the timeline page's
// filters (a page-furniture list, read once per page load).
// @engine kuzu
MATCH (n:Region:Sector:Agency)
RETURN n.id AS id, label(n) AS label, n.name AS name
ORDER BY label, name, id
// @engine neo4j
MATCH (n:Region|Sector|Agency)
RETURN n.id AS id, [l IN labels(n) WHERE l <> 'Entity'][0] AS label, n.name AS name
ORDER BY label, name, id
