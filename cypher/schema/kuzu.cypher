// Generated from src/model.ts by `npm run graph -- schema kuzu`; do not edit by hand.

CREATE NODE TABLE IF NOT EXISTS Policy(id STRING PRIMARY KEY, name STRING, nameZh STRING, aliases STRING[], description STRING, searchText STRING, citeSources STRING[], citeLocators STRING[], citeNotes STRING[], kind STRING, status STRING, issued DATE, issuedPrecision STRING, effective DATE, effectivePrecision STRING, ended DATE, endedPrecision STRING);
CREATE NODE TABLE IF NOT EXISTS Agency(id STRING PRIMARY KEY, name STRING, nameZh STRING, aliases STRING[], description STRING, searchText STRING, citeSources STRING[], citeLocators STRING[], citeNotes STRING[], kind STRING, established DATE, establishedPrecision STRING, ended DATE, endedPrecision STRING);
CREATE NODE TABLE IF NOT EXISTS Firm(id STRING PRIMARY KEY, name STRING, nameZh STRING, aliases STRING[], description STRING, searchText STRING, citeSources STRING[], citeLocators STRING[], citeNotes STRING[], kind STRING, founded DATE, foundedPrecision STRING);
CREATE NODE TABLE IF NOT EXISTS Region(id STRING PRIMARY KEY, name STRING, nameZh STRING, aliases STRING[], description STRING, searchText STRING, citeSources STRING[], citeLocators STRING[], citeNotes STRING[], kind STRING);
CREATE NODE TABLE IF NOT EXISTS Sector(id STRING PRIMARY KEY, name STRING, nameZh STRING, aliases STRING[], description STRING, searchText STRING, citeSources STRING[], citeLocators STRING[], citeNotes STRING[]);
CREATE NODE TABLE IF NOT EXISTS Event(id STRING PRIMARY KEY, name STRING, nameZh STRING, aliases STRING[], description STRING, searchText STRING, citeSources STRING[], citeLocators STRING[], citeNotes STRING[], kind STRING, date DATE, datePrecision STRING, ended DATE, endedPrecision STRING);
CREATE NODE TABLE IF NOT EXISTS Person(id STRING PRIMARY KEY, name STRING, nameZh STRING, aliases STRING[], description STRING, searchText STRING, citeSources STRING[], citeLocators STRING[], citeNotes STRING[], role STRING);
CREATE NODE TABLE IF NOT EXISTS Indicator(id STRING PRIMARY KEY, name STRING, description STRING, metric STRING, value DOUBLE, unit STRING, year INT64, kind STRING, citeSources STRING[], citeLocators STRING[], citeNotes STRING[]);
CREATE NODE TABLE IF NOT EXISTS Source(id STRING PRIMARY KEY, name STRING, author STRING, kind STRING, written DATE, writtenPrecision STRING, file STRING, url STRING, description STRING);

CREATE REL TABLE IF NOT EXISTS ISSUED_BY(FROM Policy TO Agency, since DATE, sincePrecision STRING, until DATE, untilPrecision STRING, role STRING, citeSources STRING[], citeLocators STRING[], citeNotes STRING[]);
CREATE REL TABLE IF NOT EXISTS APPLIES_TO(FROM Policy TO Region, since DATE, sincePrecision STRING, until DATE, untilPrecision STRING, role STRING, citeSources STRING[], citeLocators STRING[], citeNotes STRING[]);
CREATE REL TABLE IF NOT EXISTS PROMOTES(FROM Policy TO Sector, since DATE, sincePrecision STRING, until DATE, untilPrecision STRING, role STRING, citeSources STRING[], citeLocators STRING[], citeNotes STRING[]);
CREATE REL TABLE IF NOT EXISTS REGULATES(FROM Policy TO Sector, since DATE, sincePrecision STRING, until DATE, untilPrecision STRING, role STRING, citeSources STRING[], citeLocators STRING[], citeNotes STRING[]);
CREATE REL TABLE IF NOT EXISTS IMPLEMENTS(FROM Policy TO Policy, since DATE, sincePrecision STRING, until DATE, untilPrecision STRING, role STRING, citeSources STRING[], citeLocators STRING[], citeNotes STRING[]);
CREATE REL TABLE IF NOT EXISTS DRAFT_OF(FROM Policy TO Policy, since DATE, sincePrecision STRING, until DATE, untilPrecision STRING, role STRING, citeSources STRING[], citeLocators STRING[], citeNotes STRING[]);
CREATE REL TABLE IF NOT EXISTS BASED_ON(FROM Policy TO Policy, since DATE, sincePrecision STRING, until DATE, untilPrecision STRING, role STRING, citeSources STRING[], citeLocators STRING[], citeNotes STRING[]);
CREATE REL TABLE IF NOT EXISTS SUPERSEDES(FROM Policy TO Policy, since DATE, sincePrecision STRING, until DATE, untilPrecision STRING, role STRING, citeSources STRING[], citeLocators STRING[], citeNotes STRING[]);
CREATE REL TABLE IF NOT EXISTS PART_OF(FROM Policy TO Policy, FROM Region TO Region, FROM Agency TO Agency, FROM Event TO Event, since DATE, sincePrecision STRING, until DATE, untilPrecision STRING, role STRING, citeSources STRING[], citeLocators STRING[], citeNotes STRING[]);
CREATE REL TABLE IF NOT EXISTS ESTABLISHES(FROM Policy TO Agency, since DATE, sincePrecision STRING, until DATE, untilPrecision STRING, role STRING, citeSources STRING[], citeLocators STRING[], citeNotes STRING[]);
CREATE REL TABLE IF NOT EXISTS SUBSECTOR_OF(FROM Sector TO Sector, since DATE, sincePrecision STRING, until DATE, untilPrecision STRING, role STRING, citeSources STRING[], citeLocators STRING[], citeNotes STRING[]);
CREATE REL TABLE IF NOT EXISTS OPERATES_IN(FROM Firm TO Sector, FROM Agency TO Sector, since DATE, sincePrecision STRING, until DATE, untilPrecision STRING, role STRING, citeSources STRING[], citeLocators STRING[], citeNotes STRING[]);
CREATE REL TABLE IF NOT EXISTS HEADQUARTERED_IN(FROM Firm TO Region, FROM Agency TO Region, since DATE, sincePrecision STRING, until DATE, untilPrecision STRING, role STRING, citeSources STRING[], citeLocators STRING[], citeNotes STRING[]);
CREATE REL TABLE IF NOT EXISTS OCCURRED_IN(FROM Event TO Region, since DATE, sincePrecision STRING, until DATE, untilPrecision STRING, role STRING, citeSources STRING[], citeLocators STRING[], citeNotes STRING[]);
CREATE REL TABLE IF NOT EXISTS ACQUIRED(FROM Firm TO Firm, since DATE, sincePrecision STRING, until DATE, untilPrecision STRING, role STRING, citeSources STRING[], citeLocators STRING[], citeNotes STRING[]);
CREATE REL TABLE IF NOT EXISTS PARTNERS_WITH(FROM Firm TO Firm, FROM Firm TO Agency, FROM Agency TO Firm, FROM Agency TO Agency, since DATE, sincePrecision STRING, until DATE, untilPrecision STRING, role STRING, citeSources STRING[], citeLocators STRING[], citeNotes STRING[]);
CREATE REL TABLE IF NOT EXISTS MEMBER_OF(FROM Firm TO Agency, FROM Agency TO Agency, since DATE, sincePrecision STRING, until DATE, untilPrecision STRING, role STRING, citeSources STRING[], citeLocators STRING[], citeNotes STRING[]);
CREATE REL TABLE IF NOT EXISTS CONTRIBUTED_TO(FROM Firm TO Policy, FROM Agency TO Policy, FROM Person TO Policy, since DATE, sincePrecision STRING, until DATE, untilPrecision STRING, role STRING, citeSources STRING[], citeLocators STRING[], citeNotes STRING[]);
CREATE REL TABLE IF NOT EXISTS LEADS(FROM Person TO Firm, FROM Person TO Agency, since DATE, sincePrecision STRING, until DATE, untilPrecision STRING, role STRING, citeSources STRING[], citeLocators STRING[], citeNotes STRING[]);
CREATE REL TABLE IF NOT EXISTS WORKS_FOR(FROM Person TO Firm, FROM Person TO Agency, since DATE, sincePrecision STRING, until DATE, untilPrecision STRING, role STRING, citeSources STRING[], citeLocators STRING[], citeNotes STRING[]);
CREATE REL TABLE IF NOT EXISTS AUTHORED(FROM Person TO Source, since DATE, sincePrecision STRING, until DATE, untilPrecision STRING, role STRING, citeSources STRING[], citeLocators STRING[], citeNotes STRING[]);
CREATE REL TABLE IF NOT EXISTS INVOLVES(FROM Event TO Policy, FROM Event TO Agency, FROM Event TO Firm, FROM Event TO Region, FROM Event TO Sector, FROM Event TO Event, FROM Event TO Person, since DATE, sincePrecision STRING, until DATE, untilPrecision STRING, role STRING, citeSources STRING[], citeLocators STRING[], citeNotes STRING[]);
CREATE REL TABLE IF NOT EXISTS MEASURES(FROM Indicator TO Policy, FROM Indicator TO Agency, FROM Indicator TO Firm, FROM Indicator TO Region, FROM Indicator TO Sector, FROM Indicator TO Event, FROM Indicator TO Person, since DATE, sincePrecision STRING, until DATE, untilPrecision STRING, role STRING, citeSources STRING[], citeLocators STRING[], citeNotes STRING[]);
CREATE REL TABLE IF NOT EXISTS ABOUT_SECTOR(FROM Indicator TO Sector, since DATE, sincePrecision STRING, until DATE, untilPrecision STRING, role STRING, citeSources STRING[], citeLocators STRING[], citeNotes STRING[]);
CREATE REL TABLE IF NOT EXISTS CITED_IN(FROM Policy TO Source, FROM Agency TO Source, FROM Firm TO Source, FROM Region TO Source, FROM Sector TO Source, FROM Event TO Source, FROM Person TO Source, since DATE, sincePrecision STRING, until DATE, untilPrecision STRING, role STRING, citeSources STRING[], citeLocators STRING[], citeNotes STRING[]);

// Full-text indexes (one per entity table); created only when missing, see the Kùzu adapter.
CALL CREATE_FTS_INDEX('Policy', 'policy_fts', ['searchText']);
CALL CREATE_FTS_INDEX('Agency', 'agency_fts', ['searchText']);
CALL CREATE_FTS_INDEX('Firm', 'firm_fts', ['searchText']);
CALL CREATE_FTS_INDEX('Region', 'region_fts', ['searchText']);
CALL CREATE_FTS_INDEX('Sector', 'sector_fts', ['searchText']);
CALL CREATE_FTS_INDEX('Event', 'event_fts', ['searchText']);
CALL CREATE_FTS_INDEX('Person', 'person_fts', ['searchText']);
