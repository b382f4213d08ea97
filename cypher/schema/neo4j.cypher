// Neo4j 5 schema: run by `npm run graph -- migrate` (and before every seed); idempotent.
// Every node also carries the label Entity, so that lookups by id that do not know the
// label still use an index.
CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (n:Entity) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT policy_id IF NOT EXISTS FOR (n:Policy) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT agency_id IF NOT EXISTS FOR (n:Agency) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT firm_id IF NOT EXISTS FOR (n:Firm) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT region_id IF NOT EXISTS FOR (n:Region) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT sector_id IF NOT EXISTS FOR (n:Sector) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT event_id IF NOT EXISTS FOR (n:Event) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT person_id IF NOT EXISTS FOR (n:Person) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT indicator_id IF NOT EXISTS FOR (n:Indicator) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT source_id IF NOT EXISTS FOR (n:Source) REQUIRE n.id IS UNIQUE;
// Date indexes serve the timeline and the policy filters.
CREATE INDEX policy_issued IF NOT EXISTS FOR (n:Policy) ON (n.issued);
CREATE INDEX policy_effective IF NOT EXISTS FOR (n:Policy) ON (n.effective);
CREATE INDEX policy_kind IF NOT EXISTS FOR (n:Policy) ON (n.kind);
CREATE INDEX agency_established IF NOT EXISTS FOR (n:Agency) ON (n.established);
CREATE INDEX event_date IF NOT EXISTS FOR (n:Event) ON (n.date);
CREATE INDEX firm_founded IF NOT EXISTS FOR (n:Firm) ON (n.founded);
CREATE INDEX indicator_metric IF NOT EXISTS FOR (n:Indicator) ON (n.metric, n.year);
CREATE FULLTEXT INDEX entity_fts IF NOT EXISTS FOR (n:Policy|Agency|Firm|Region|Sector|Event|Person) ON EACH [n.searchText];
