/**
 * `graph accept seeds/proposals/<id>.yaml`: the accepted proposals become seed records. A
 * mention adds a citation (and the alias, if one is proposed) to the known record; a date
 * fills its record's field; a relation goes into `relations` of its `from` record (a
 * citation more when the record has it already); a candidate becomes a new record and a
 * figure a new indicator, in the file of their label. Every citation carries its basis. The
 * edited files are checked together with the rest of the seeds by the usual validator in a
 * scratch copy, and written only when all is valid; the review file is then renamed
 * <id>.accepted.yaml so it cannot be accepted twice.
 */
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { isMap, isSeq, LineCounter, parseDocument, type Node, type YAMLMap } from 'yaml';
import { BASES, DATE_FIELDS, DERIVED_PROPERTIES, ENTITY_LABELS, NODE_PROPERTIES, RELATIONSHIPS, type Label } from '../model.js';
import { parseSeedDate } from '../seeds/dates.js';
import { checkSeedFolder, formatProblem } from '../seeds/index.js';
import { labelOfFile, readSeeds } from '../seeds/read.js';
import { IngestError } from './errors.js';
import { slugOf, uniqueId } from './ids.js';
import { SeedFileEditor, type Citation, type NewRelation } from './yaml-edit.js';

const SECTIONS = ['mentions', 'candidates', 'dates', 'figures', 'relations'] as const;
type Section = (typeof SECTIONS)[number];
const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** Keys of a candidate that describe the proposal, not the record. */
const PROPOSAL_KEYS = new Set(['label', 'occurrences', 'locator', 'evidence', 'basis', 'note', 'accept', 'text', 'ranked']);

interface Item { section: Section; line: number; data: Record<string, unknown>; citation: Citation }

export interface AcceptResult { written: string[]; counts: Record<Section, number> }

/** Reads, checks and applies a review file. Throws IngestError (after listing every problem through `report`) when anything is wrong. */
export function acceptProposals(file: string, seedsDir: string, report: (line: string) => void = console.error): AcceptResult {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new IngestError(file, `cannot be read (${(error as NodeJS.ErrnoException).code ?? error})`);
  }
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter, uniqueKeys: true, prettyErrors: false });
  const lineOf = (node: unknown) => ((node as Node | undefined)?.range ? counter.linePos((node as Node).range![0]).line : 1);
  if (doc.errors.length) throw new IngestError(file, `YAML: ${doc.errors[0]!.message.split('\n')[0]}`, counter.linePos(doc.errors[0]!.pos[0]).line);
  if (!isMap(doc.contents)) throw new IngestError(file, 'a review file is a map with source, mentions, candidates, dates, figures and relations', 1);
  const root = doc.contents;

  const problems: { line: number; message: string }[] = [];
  const fail = (line: number, message: string) => problems.push({ line, message });

  const sourceNode = root.get('source', true);
  const source = isMap(sourceNode) ? (sourceNode.toJSON() as Record<string, unknown>) : undefined;
  if (!source || typeof source.id !== 'string' || !ID.test(source.id)) throw new IngestError(file, 'source.id must be a slug such as src-005', lineOf(sourceNode));
  if (typeof source.title !== 'string' || !source.title.trim()) fail(lineOf(sourceNode), 'source.title is required');

  const { records } = readSeeds(seedsDir);
  const byId = new Map(records.map((r) => [String(r.data.id), r]));
  if (byId.has(source.id)) throw new IngestError(file, `source id "${source.id}" is already used in ${byId.get(source.id)!.file}: it was accepted before`, lineOf(sourceNode));

  // Every accepted item, checked for its note and basis.
  const items: Item[] = [];
  for (const section of SECTIONS) {
    const seq = root.get(section, true);
    if (seq === undefined || seq === null) continue;
    if (!isSeq(seq)) {
      fail(lineOf(seq), `${section} must be a list`);
      continue;
    }
    for (const node of seq.items) {
      const line = lineOf(node);
      if (!isMap(node)) {
        fail(line, `${section}: each proposal must be a map`);
        continue;
      }
      const data = node.toJSON() as Record<string, unknown>;
      if (typeof data.accept !== 'boolean') fail(line, `${section}: accept must be true or false (got ${JSON.stringify(data.accept)})`);
      if (data.accept !== true) continue;
      const note = typeof data.note === 'string' ? data.note.trim() : '';
      if (!note) fail(lineOf((node as YAMLMap).get('note', true)) || line, `${section}: accepted without a note; write in your own words what this paragraph supports`);
      if (!(BASES as readonly string[]).includes(String(data.basis))) fail(line, `${section}: basis must be one of ${BASES.join(', ')} (got ${JSON.stringify(data.basis)})`);
      if (typeof data.locator !== 'string' || !data.locator.trim()) fail(line, `${section}: a locator is required`);
      items.push({ section, line, data, citation: { basis: String(data.basis), source: source.id, locator: String(data.locator ?? ''), note } });
    }
  }
  if (items.length === 0 && problems.length === 0) throw new IngestError(file, 'nothing is accepted: set accept: true (with a note) on the proposals to keep');

  // New records first, so that dates, figures and relations can refer to them.
  const fresh = new Map<string, { label: Label; record: Record<string, unknown>; line: number }>();
  const taken = new Set(byId.keys());
  for (const item of items.filter((i) => i.section === 'candidates')) {
    const d = item.data;
    const label = d.label as Label;
    if (!(ENTITY_LABELS as readonly string[]).includes(String(label))) {
      fail(item.line, `candidates: label must be one of ${ENTITY_LABELS.join(', ')} (got ${JSON.stringify(d.label)})`);
      continue;
    }
    if (typeof d.id !== 'string' || !ID.test(d.id)) fail(item.line, `candidates: id must be a slug of lower-case letters, digits and dashes (got ${JSON.stringify(d.id)})`);
    else if (taken.has(d.id)) fail(item.line, `candidates: id "${d.id}" is already used${byId.has(d.id) ? ` in ${byId.get(d.id)!.file}` : ''}; choose another`);
    else taken.add(d.id);
    const allowed = new Set([...Object.keys(NODE_PROPERTIES[label]), 'aliases', 'status']);
    const record: Record<string, unknown> = { id: d.id };
    for (const [key, value] of Object.entries(d)) {
      if (key === 'id' || PROPOSAL_KEYS.has(key)) continue;
      if (!allowed.has(key) || /^(?:searchText|cite\w+)$/.test(key) || DERIVED_PROPERTIES[label]?.includes(key)) {
        fail(item.line, `candidates: "${key}" is not a field of a ${label}`);
        continue;
      }
      if (Array.isArray(value) && value.length === 0) continue;
      if (value !== null && value !== '') record[key] = value;
    }
    record.cite = [item.citation];
    fresh.set(String(d.id), { label, record, line: item.line });
  }
  const labelOf = (id: unknown): Label | undefined => (typeof id === 'string' ? (byId.get(id)?.label ?? fresh.get(id)?.label) : undefined);

  // Edits of known records, grouped per record.
  const citations = new Map<string, Citation[]>();
  const aliases = new Map<string, string[]>();
  const fields = new Map<string, { key: string; value: string | number; line: number }[]>();
  const relations = new Map<string, NewRelation[]>();
  const indicators: Record<string, unknown>[] = [];
  const push = <T>(m: Map<string, T[]>, id: string, v: T) => m.set(id, [...(m.get(id) ?? []), v]);

  for (const item of items) {
    const d = item.data;
    switch (item.section) {
      case 'mentions': {
        if (!byId.has(String(d.entity)) || !labelOf(d.entity)) {
          fail(item.line, `mentions: unknown entity ${JSON.stringify(d.entity)}`);
          break;
        }
        push(citations, String(d.entity), item.citation);
        if (typeof d.alias === 'string' && d.alias.trim()) push(aliases, String(d.entity), d.alias.trim());
        break;
      }
      case 'dates': {
        const label = labelOf(d.about);
        const parsed = parseSeedDate(d.date);
        if (!label) fail(item.line, `dates: "about" must be a known entity or an accepted candidate (got ${JSON.stringify(d.about)})`);
        else if (!(DATE_FIELDS[label] ?? []).includes(String(d.field))) fail(item.line, `dates: a ${label} has no date field ${JSON.stringify(d.field)} (it has: ${(DATE_FIELDS[label] ?? []).join(', ') || 'none'})`);
        else if (typeof parsed === 'string') fail(item.line, `dates: ${parsed}`);
        else {
          const id = String(d.about);
          const value = String(d.date);
          const current = fresh.get(id)?.record[String(d.field)] ?? byId.get(id)?.data[String(d.field)];
          if (current !== undefined && String(current) !== value) fail(item.line, `dates: ${id} already has ${d.field}: ${current}; change it by hand if the new document is right`);
          else if (current === undefined) {
            if (fresh.has(id)) fresh.get(id)!.record[String(d.field)] = value;
            else push(fields, id, { key: String(d.field), value, line: item.line });
          }
          // The citation says which date field it gives (seeds/README.md: `dates` on a citation).
          const dated = { ...item.citation, dates: [String(d.field)] };
          if (fresh.has(id)) (fresh.get(id)!.record.cite as Citation[]).push(dated);
          else push(citations, id, dated);
        }
        break;
      }
      case 'figures': {
        if (!labelOf(d.subject)) fail(item.line, `figures: "subject" must be a known entity or an accepted candidate (got ${JSON.stringify(d.subject)})`);
        if (d.sector !== null && d.sector !== undefined && labelOf(d.sector) !== 'Sector') fail(item.line, `figures: "sector" must be a sector id (got ${JSON.stringify(d.sector)})`);
        const id = uniqueId(`ind-${d.subject}-${slugOf(String(d.metric ?? 'value'))}-${d.year}`, taken);
        indicators.push({
          id, metric: d.metric, value: d.value, unit: d.unit, year: d.year, kind: d.kind, subject: d.subject,
          ...(d.sector ? { sector: d.sector } : {}), cite: [item.citation],
        });
        break;
      }
      case 'relations': {
        const from = labelOf(d.from);
        const to = labelOf(d.to);
        const pairs = RELATIONSHIPS[String(d.type)];
        if (!from || !to) fail(item.line, `relations: "from" and "to" must be known entities or accepted candidates (got ${JSON.stringify(d.from)} → ${JSON.stringify(d.to)})`);
        else if (!pairs) fail(item.line, `relations: unknown type ${JSON.stringify(d.type)}`);
        else if (!pairs.some(([f, t]) => f === from && t === to)) fail(item.line, `relations: ${d.type} cannot go from a ${from} to a ${to}`);
        else {
          const rel: NewRelation = { type: String(d.type), to: String(d.to), ...(typeof d.role === 'string' && d.role ? { role: d.role } : {}), cite: [item.citation] };
          const owner = fresh.get(String(d.from));
          if (owner) owner.record.relations = [...((owner.record.relations as NewRelation[]) ?? []), rel];
          else push(relations, String(d.from), rel);
        }
        break;
      }
      default:
        break;
    }
  }
  if (problems.length) {
    problems.sort((a, b) => a.line - b.line);
    for (const p of problems) report(`${file}:${p.line}: ${p.message}`);
    throw new IngestError(file, `${problems.length} problem(s); nothing was written`);
  }

  // Apply, file by file.
  const editors = new Map<string, SeedFileEditor>();
  const seedFiles = readdirSync(seedsDir).filter((f) => /\.ya?ml$/.test(f)).sort();
  const editorFor = (name: string) => {
    let e = editors.get(name);
    if (!e) editors.set(name, (e = new SeedFileEditor(name, readFileSync(join(seedsDir, name), 'utf8'))));
    return e;
  };
  const fileOfRecord = (id: string) => basename(byId.get(id)!.file);
  /** A new record goes to the label's main file (`policies.yaml` rather than `policies-foreign.yaml`). */
  const fileOfLabel = (label: Label) => {
    const candidates = seedFiles.filter((f) => labelOfFile(f) === label);
    return candidates.find((f) => !f.includes('-')) ?? candidates[0] ?? `${Object.entries({ Source: 'sources', Policy: 'policies', Agency: 'agencies', Firm: 'firms', Region: 'regions', Sector: 'sectors', Event: 'events', Person: 'people', Indicator: 'indicators' }).find(([l]) => l === label)![1]}.yaml`;
  };
  const recordNode = (id: string) => {
    const editor = editorFor(fileOfRecord(id));
    const node = editor.record(id);
    if (!node) throw new IngestError(file, `record ${id} not found in ${fileOfRecord(id)}`);
    return { editor, node };
  };
  try {
    for (const [id, list] of fields) for (const f of list) { const { editor, node } = recordNode(id); editor.setField(node, f.key, f.value); }
    for (const [id, list] of aliases) { const { editor, node } = recordNode(id); editor.addAliases(node, [...new Set(list)]); }
    for (const [id, list] of citations) for (const c of list) { const { editor, node } = recordNode(id); editor.addCitation(node, c); }
    for (const [id, list] of relations) { const { editor, node } = recordNode(id); editor.addRelations(node, mergeRelations(list)); }
  } catch (error) {
    if (error instanceof IngestError) throw error;
    throw new IngestError(file, (error as Error).message);
  }
  const sourceRecord: Record<string, unknown> = {};
  for (const key of ['id', 'title', 'author', 'kind', 'written', 'file', 'url', 'description']) if (source[key] !== undefined && source[key] !== null && source[key] !== '') sourceRecord[key] = source[key];
  editorFor(fileOfLabel('Source')).appendRecord(sourceRecord);
  for (const { label, record } of fresh.values()) {
    if (record.relations) record.relations = mergeRelations(record.relations as NewRelation[]);
    editorFor(fileOfLabel(label)).appendRecord(record);
  }
  for (const ind of indicators) editorFor(fileOfLabel('Indicator')).appendRecord(ind);

  // Validate the result with everything else, in a scratch copy; write only when it is clean.
  const scratch = mkdtempSync(join(tmpdir(), 'accept-'));
  try {
    for (const name of seedFiles) copyFileSync(join(seedsDir, name), join(scratch, name));
    for (const [name, editor] of editors) writeFileSync(join(scratch, name), editor.result());
    const { problems: seedProblems } = checkSeedFolder(scratch);
    if (seedProblems.length) {
      for (const p of seedProblems) report(formatProblem({ ...p, file: join(seedsDir, basename(p.file)) }).replace(/^/, 'after accepting: '));
      throw new IngestError(file, `the accepted proposals would leave ${seedProblems.length} problem(s) in ${seedsDir}; nothing was written`);
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  const written: string[] = [];
  for (const [name, editor] of editors) {
    const target = join(seedsDir, name);
    writeFileSync(`${target}.tmp`, editor.result());
    renameSync(`${target}.tmp`, target);
    written.push(target);
  }
  renameSync(file, file.replace(/\.ya?ml$/, '') + '.accepted.yaml');
  const counts = Object.fromEntries(SECTIONS.map((s) => [s, items.filter((i) => i.section === s).length])) as Record<Section, number>;
  return { written, counts };
}

/** Two accepted readings of the same relation are one relation with two citations. */
function mergeRelations(list: NewRelation[]): NewRelation[] {
  const out = new Map<string, NewRelation>();
  for (const r of list) {
    const key = `${r.type}|${r.to}`;
    const seen = out.get(key);
    if (seen) seen.cite.push(...r.cite);
    else out.set(key, { ...r, cite: [...r.cite] });
  }
  return [...out.values()];
}
