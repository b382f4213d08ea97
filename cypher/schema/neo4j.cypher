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
// The date policies are listed and filtered by (src/seeds/derived.ts), in list order.
CREATE INDEX policy_list_date IF NOT EXISTS FOR (n:Policy) ON (n.listDate);
CREATE INDEX policy_kind IF NOT EXISTS FOR (n:Policy) ON (n.kind);
CREATE INDEX agency_established IF NOT EXISTS FOR (n:Agency) ON (n.established);
CREATE INDEX event_date IF NOT EXISTS FOR (n:Event) ON (n.date);
CREATE INDEX firm_founded IF NOT EXISTS FOR (n:Firm) ON (n.founded);
// Timeline: one index per entity date field on :Entity (every entity node carries it), so that
// timelineEntityFacts seeks each field in date order; and one per relationship type and end,
// since Neo4j indexes a relationship property per type only (timelineRelationshipFacts).
CREATE INDEX entity_issued IF NOT EXISTS FOR (n:Entity) ON (n.issued);
CREATE INDEX entity_effective IF NOT EXISTS FOR (n:Entity) ON (n.effective);
CREATE INDEX entity_ended IF NOT EXISTS FOR (n:Entity) ON (n.ended);
CREATE INDEX entity_established IF NOT EXISTS FOR (n:Entity) ON (n.established);
CREATE INDEX entity_founded IF NOT EXISTS FOR (n:Entity) ON (n.founded);
CREATE INDEX entity_date IF NOT EXISTS FOR (n:Entity) ON (n.date);
CREATE INDEX entity_alt_date IF NOT EXISTS FOR (n:Entity) ON (n.altDate);
CREATE INDEX rel_issued_by_since IF NOT EXISTS FOR ()-[r:ISSUED_BY]-() ON (r.since);
CREATE INDEX rel_issued_by_until IF NOT EXISTS FOR ()-[r:ISSUED_BY]-() ON (r.until);
CREATE INDEX rel_applies_to_since IF NOT EXISTS FOR ()-[r:APPLIES_TO]-() ON (r.since);
CREATE INDEX rel_applies_to_until IF NOT EXISTS FOR ()-[r:APPLIES_TO]-() ON (r.until);
CREATE INDEX rel_promotes_since IF NOT EXISTS FOR ()-[r:PROMOTES]-() ON (r.since);
CREATE INDEX rel_promotes_until IF NOT EXISTS FOR ()-[r:PROMOTES]-() ON (r.until);
CREATE INDEX rel_regulates_since IF NOT EXISTS FOR ()-[r:REGULATES]-() ON (r.since);
CREATE INDEX rel_regulates_until IF NOT EXISTS FOR ()-[r:REGULATES]-() ON (r.until);
CREATE INDEX rel_implements_since IF NOT EXISTS FOR ()-[r:IMPLEMENTS]-() ON (r.since);
CREATE INDEX rel_implements_until IF NOT EXISTS FOR ()-[r:IMPLEMENTS]-() ON (r.until);
CREATE INDEX rel_draft_of_since IF NOT EXISTS FOR ()-[r:DRAFT_OF]-() ON (r.since);
CREATE INDEX rel_draft_of_until IF NOT EXISTS FOR ()-[r:DRAFT_OF]-() ON (r.until);
CREATE INDEX rel_based_on_since IF NOT EXISTS FOR ()-[r:BASED_ON]-() ON (r.since);
CREATE INDEX rel_based_on_until IF NOT EXISTS FOR ()-[r:BASED_ON]-() ON (r.until);
CREATE INDEX rel_supersedes_since IF NOT EXISTS FOR ()-[r:SUPERSEDES]-() ON (r.since);
CREATE INDEX rel_supersedes_until IF NOT EXISTS FOR ()-[r:SUPERSEDES]-() ON (r.until);
CREATE INDEX rel_part_of_since IF NOT EXISTS FOR ()-[r:PART_OF]-() ON (r.since);
CREATE INDEX rel_part_of_until IF NOT EXISTS FOR ()-[r:PART_OF]-() ON (r.until);
CREATE INDEX rel_establishes_since IF NOT EXISTS FOR ()-[r:ESTABLISHES]-() ON (r.since);
CREATE INDEX rel_establishes_until IF NOT EXISTS FOR ()-[r:ESTABLISHES]-() ON (r.until);
CREATE INDEX rel_subsector_of_since IF NOT EXISTS FOR ()-[r:SUBSECTOR_OF]-() ON (r.since);
CREATE INDEX rel_subsector_of_until IF NOT EXISTS FOR ()-[r:SUBSECTOR_OF]-() ON (r.until);
CREATE INDEX rel_operates_in_since IF NOT EXISTS FOR ()-[r:OPERATES_IN]-() ON (r.since);
CREATE INDEX rel_operates_in_until IF NOT EXISTS FOR ()-[r:OPERATES_IN]-() ON (r.until);
CREATE INDEX rel_headquartered_in_since IF NOT EXISTS FOR ()-[r:HEADQUARTERED_IN]-() ON (r.since);
CREATE INDEX rel_headquartered_in_until IF NOT EXISTS FOR ()-[r:HEADQUARTERED_IN]-() ON (r.until);
CREATE INDEX rel_occurred_in_since IF NOT EXISTS FOR ()-[r:OCCURRED_IN]-() ON (r.since);
CREATE INDEX rel_occurred_in_until IF NOT EXISTS FOR ()-[r:OCCURRED_IN]-() ON (r.until);
CREATE INDEX rel_acquired_since IF NOT EXISTS FOR ()-[r:ACQUIRED]-() ON (r.since);
CREATE INDEX rel_acquired_until IF NOT EXISTS FOR ()-[r:ACQUIRED]-() ON (r.until);
CREATE INDEX rel_partners_with_since IF NOT EXISTS FOR ()-[r:PARTNERS_WITH]-() ON (r.since);
CREATE INDEX rel_partners_with_until IF NOT EXISTS FOR ()-[r:PARTNERS_WITH]-() ON (r.until);
CREATE INDEX rel_member_of_since IF NOT EXISTS FOR ()-[r:MEMBER_OF]-() ON (r.since);
CREATE INDEX rel_member_of_until IF NOT EXISTS FOR ()-[r:MEMBER_OF]-() ON (r.until);
CREATE INDEX rel_contributed_to_since IF NOT EXISTS FOR ()-[r:CONTRIBUTED_TO]-() ON (r.since);
CREATE INDEX rel_contributed_to_until IF NOT EXISTS FOR ()-[r:CONTRIBUTED_TO]-() ON (r.until);
CREATE INDEX rel_leads_since IF NOT EXISTS FOR ()-[r:LEADS]-() ON (r.since);
CREATE INDEX rel_leads_until IF NOT EXISTS FOR ()-[r:LEADS]-() ON (r.until);
CREATE INDEX rel_works_for_since IF NOT EXISTS FOR ()-[r:WORKS_FOR]-() ON (r.since);
CREATE INDEX rel_works_for_until IF NOT EXISTS FOR ()-[r:WORKS_FOR]-() ON (r.until);
CREATE INDEX rel_involves_since IF NOT EXISTS FOR ()-[r:INVOLVES]-() ON (r.since);
CREATE INDEX rel_involves_until IF NOT EXISTS FOR ()-[r:INVOLVES]-() ON (r.until);
CREATE INDEX rel_compared_with_since IF NOT EXISTS FOR ()-[r:COMPARED_WITH]-() ON (r.since);
CREATE INDEX rel_compared_with_until IF NOT EXISTS FOR ()-[r:COMPARED_WITH]-() ON (r.until);
CREATE INDEX indicator_metric IF NOT EXISTS FOR (n:Indicator) ON (n.metric, n.year);
// Exact search: a text index answers CONTAINS of a key between separators (searchExact).
CREATE TEXT INDEX entity_exact_keys IF NOT EXISTS FOR (n:Entity) ON (n.exactKeys);
// Search: one full-text index per label, so that each label's best candidates are a top-k of
// its own index (searchFullText); entity_fts, over all of them, is what @neo4j/graphql (the
// bench's peer) and ad hoc statements search.
CREATE FULLTEXT INDEX policy_fts IF NOT EXISTS FOR (n:Policy) ON EACH [n.searchText];
CREATE FULLTEXT INDEX agency_fts IF NOT EXISTS FOR (n:Agency) ON EACH [n.searchText];
CREATE FULLTEXT INDEX firm_fts IF NOT EXISTS FOR (n:Firm) ON EACH [n.searchText];
CREATE FULLTEXT INDEX region_fts IF NOT EXISTS FOR (n:Region) ON EACH [n.searchText];
CREATE FULLTEXT INDEX sector_fts IF NOT EXISTS FOR (n:Sector) ON EACH [n.searchText];
CREATE FULLTEXT INDEX event_fts IF NOT EXISTS FOR (n:Event) ON EACH [n.searchText];
CREATE FULLTEXT INDEX person_fts IF NOT EXISTS FOR (n:Person) ON EACH [n.searchText];
CREATE FULLTEXT INDEX entity_fts IF NOT EXISTS FOR (n:Policy|Agency|Firm|Region|Sector|Event|Person) ON EACH [n.searchText];
