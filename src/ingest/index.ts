/**
 * The two commands: `graph ingest <file> --source <id> …` and `graph accept <review file>`.
 * Known entities come from the seed folder, the truth the graph is loaded from, so ingest
 * needs no database.
 */
import { existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { ENUMS } from '../model.js';
import { parseSeedDate } from '../seeds/dates.js';
import { readSeeds } from '../seeds/read.js';
import { acceptProposals } from './accept.js';
import { IngestError } from './errors.js';
import { knownFromSeeds } from './known.js';
import { propose, toJson } from './propose.js';
import { readDocument } from './readers/index.js';
import { reviewFile, type SourceRecord } from './review.js';

export { IngestError } from './errors.js';

export interface IngestArgs {
  file: string;
  source?: string;
  title?: string;
  author?: string;
  written?: string;
  kind?: string;
  json: boolean;
  seedsDir: string;
}

const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export async function ingestCommand(args: IngestArgs): Promise<string> {
  if (!args.source) throw new IngestError(args.file, 'ingest needs --source <new source id>, e.g. --source src-005');
  if (!ID.test(args.source)) throw new IngestError(args.file, `--source "${args.source}" is not an id: lower-case letters, digits and single dashes`);
  const written = args.written === undefined ? undefined : parseSeedDate(args.written);
  if (typeof written === 'string') throw new IngestError(args.file, `--written: ${written}`);
  const kind = args.kind ?? 'ARTICLE';
  if (!(ENUMS.SourceKind as readonly string[]).includes(kind)) throw new IngestError(args.file, `--kind must be one of ${ENUMS.SourceKind.join(', ')}`);

  const { records, problems } = readSeeds(args.seedsDir);
  if (problems.length) throw new IngestError(problems[0]!.file, `the seeds do not read (${problems[0]!.message}); run graph validate`, problems[0]!.line);
  const used = records.find((r) => r.data.id === args.source);
  if (used) throw new IngestError(args.file, `source id "${args.source}" is already used (${used.file}:${used.line}); choose a new one`);
  const reviewPath = join(args.seedsDir, 'proposals', `${args.source}.yaml`);
  if (!args.json && existsSync(reviewPath)) throw new IngestError(reviewPath, 'a review file for this source id is waiting: accept it or delete it first');

  const { text } = await readDocument(args.file);
  const known = knownFromSeeds(records);
  const proposals = propose(text, known, {
    source: args.source,
    writtenYear: written ? Number(written.date.slice(0, 4)) : null,
    takenIds: records.map((r) => String(r.data.id)),
  });
  if (args.json) return JSON.stringify(toJson(proposals), null, 2);

  const source: SourceRecord = {
    id: args.source, title: args.title ?? basename(args.file).replace(/\.[^.]+$/, ''), ...(args.author ? { author: args.author } : {}),
    kind, ...(args.written ? { written: args.written } : {}), file: basename(args.file),
  };
  const text_ = reviewFile(proposals, source, new Map(known.map((k) => [k.id, k])), args.file);
  mkdirSync(dirname(reviewPath), { recursive: true });
  writeFileSync(`${reviewPath}.tmp`, text_);
  renameSync(`${reviewPath}.tmp`, reviewPath);
  const p = proposals;
  return `${reviewPath}: ${p.paragraphs.length} paragraphs; ${new Set(p.mentions.map((m) => m.entityId)).size} known entities (${p.mentions.length} mentions), ` +
    `${p.candidates.length} new names, ${p.dates.length} dates, ${p.figures.length} figures, ${p.relations.length} relations to review`;
}

export function acceptCommand(file: string, seedsDir?: string): string {
  // seeds/proposals/<id>.yaml belongs to the seed folder two levels up, unless --dir says otherwise.
  const dir = seedsDir ?? resolve(dirname(file), '..');
  const result = acceptProposals(file, dir);
  const c = result.counts;
  return `accepted ${c.mentions} mention(s), ${c.candidates} new record(s), ${c.dates} date(s), ${c.figures} figure(s), ${c.relations} relation(s) into ${result.written.join(', ')}; run graph validate, then graph seed`;
}
