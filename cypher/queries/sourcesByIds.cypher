// The sources with these ids (title, author, kind, date, file, address): what a citation
// points at. The API asks once per request level for every source its citations name.
// @param ids STRING[]
MATCH (s:Source)
WHERE s.id IN $ids
RETURN s.id AS id, s.name AS title, s.author AS author, s.kind AS kind,
  s.written AS written, s.writtenPrecision AS writtenPrecision, s.file AS file, s.url AS url,
  s.description AS description
