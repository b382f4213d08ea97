/**
 * How fast `graph ingest` reads a long report against a large graph: a synthetic graph of
 * 100,000 named entities (src/generate.ts) and a synthetic report of about 25,000 words (some
 * 50 pages) that names many of them, with dates, figures and relation triggers in its
 * sentences. The graph is generated here; the measuring child process gets only the entities'
 * names (a JSON file) and the report, what `graph ingest` holds, so that its peak memory
 * (maxRSS) is ingest's own.
 * Targets: under 5 s and under 500 MB.
 *
 * Standalone: node dist/scripts/lib/bench-ingest.js [--entities N] [--words N]
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateGraph } from '../../src/generate.js';
import { knownFromGraph, type KnownEntity } from '../../src/ingest/known.js';
import { buildIndex } from '../../src/ingest/mentions.js';
import { propose } from '../../src/ingest/propose.js';
import { readDocument } from '../../src/ingest/readers/index.js';

export interface IngestBench {
  entities: number;
  words: number;
  paragraphs: number;
  /** Building the name index, reading the file and proposing, milliseconds. */
  indexMs: number;
  readMs: number;
  proposeMs: number;
  totalMs: number;
  maxRssMiB: number;
  proposals: { mentions: number; candidates: number; dates: number; figures: number; relations: number };
  line: string;
}

const MONTHS = ['January', 'March', 'June', 'September', 'November'];
const FILLER = ('the industry grew as firms and agencies invested in security products services and talent while regulators ' +
  'asked operators of critical infrastructure to review their networks and report incidents within the period').split(' ');

/** A report of about `words` words that names entities of the graph, deterministically. */
export function syntheticReport(known: KnownEntity[], words: number): string {
  let seed = 7;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const pick = <T>(xs: T[]) => xs[Math.floor(random() * xs.length)]!;
  const byLabel = (label: string) => known.filter((k) => k.label === label);
  const policies = byLabel('Policy');
  const agencies = byLabel('Agency');
  const firms = byLabel('Firm');
  const regions = byLabel('Region');
  const filler = (n: number) => Array.from({ length: n }, () => pick(FILLER)).join(' ');
  const sentences = [
    () => `The ${pick(policies).name} was issued by the ${pick(agencies).name} in ${pick(MONTHS)} ${2000 + Math.floor(random() * 25)}, and ${filler(8)}.`,
    () => `${pick(firms).name} acquired ${pick(firms).name} for USD ${(random() * 900).toFixed(1)} million in ${2005 + Math.floor(random() * 20)}; ${filler(6)}.`,
    () => `In ${pick(regions).name} the market reached ${(random() * 90).toFixed(2)} billion yuan in ${2010 + Math.floor(random() * 15)} and is expected to grow ${Math.floor(random() * 30)} percent a year.`,
    () => `The ${pick(['Harbour Data Safety Measures', 'Northern Cyber Trust Act', 'National Secure Cloud Plan', 'Provincial Network Defence Regulation'])} took effect on ${1 + Math.floor(random() * 27)} ${pick(MONTHS)} ${2015 + Math.floor(random() * 10)}; ${filler(10)}.`,
    () => `${filler(12)} according to ${pick(firms).name} and ${pick(agencies).name}.`,
  ];
  const paragraphs: string[] = [];
  let count = 0;
  while (count < words) {
    const paragraph = Array.from({ length: 5 }, () => pick(sentences)()).join(' ');
    count += paragraph.split(/\s+/).length;
    paragraphs.push(paragraph);
  }
  return paragraphs.join('\n\n');
}

function loadKnown(entities: number): KnownEntity[] {
  // generate.ts gives about 93% of its nodes names (the rest are indicators and sources).
  const graph = generateGraph({ nodes: Math.ceil(entities / 0.93) + 5, relationships: entities * 2 });
  return knownFromGraph(graph).slice(0, entities);
}

function child(knownFile: string, reportFile: string): void {
  const known = JSON.parse(readFileSync(knownFile, 'utf8')) as KnownEntity[];
  const t0 = performance.now();
  const index = buildIndex(known);
  const t1 = performance.now();
  void readDocument(reportFile).then(({ text }) => {
    const t2 = performance.now();
    const p = propose(text, index, { source: 'bench', writtenYear: 2024 });
    const t3 = performance.now();
    process.stdout.write(JSON.stringify({
      entities: known.length, words: text.split(/\s+/).length, paragraphs: p.paragraphs.length,
      indexMs: t1 - t0, readMs: t2 - t1, proposeMs: t3 - t2, totalMs: t3 - t0, maxRssMiB: process.resourceUsage().maxRSS / 1024,
      proposals: { mentions: p.mentions.length, candidates: p.candidates.length, dates: p.dates.length, figures: p.figures.length, relations: p.relations.length },
    }));
  });
}

export function benchIngest(entities = 100_000, words = 25_000): IngestBench {
  const dir = mkdtempSync(join(tmpdir(), 'bench-ingest-'));
  try {
    const known = loadKnown(entities);
    writeFileSync(join(dir, 'known.json'), JSON.stringify(known));
    writeFileSync(join(dir, 'report.txt'), syntheticReport(known, words));
    const run = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--child', join(dir, 'known.json'), join(dir, 'report.txt')], { encoding: 'utf8', maxBuffer: 1 << 24 });
    if (run.status !== 0) throw new Error(`ingest bench failed: ${run.stderr.split('\n')[0]}`);
    const r = JSON.parse(run.stdout) as Omit<IngestBench, 'line'>;
    const ok = r.totalMs < 5000 && r.maxRssMiB < 500;
    const line = `ingest: ${r.words.toLocaleString('en')} words (${r.paragraphs} paragraphs) against ${r.entities.toLocaleString('en')} entities in ` +
      `${Math.round(r.totalMs)} ms (index ${Math.round(r.indexMs)}, read ${Math.round(r.readMs)}, propose ${Math.round(r.proposeMs)}), peak RSS ${Math.round(r.maxRssMiB)} MiB ` +
      `(a process holding the entities' names and the report, as \`graph ingest\` does); ${r.proposals.mentions} mentions, ${r.proposals.candidates} new names, ${r.proposals.dates} dates, ${r.proposals.figures} figures, ` +
      `${r.proposals.relations} relations — ${ok ? 'within' : 'OVER'} the 5 s / 500 MB target`;
    return { ...r, line };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const at = (flag: string, fallback: number) => {
    const i = process.argv.indexOf(flag);
    return i > 0 ? Number(process.argv[i + 1]) : fallback;
  };
  if (process.argv[2] === '--child') child(process.argv[3]!, process.argv[4]!);
  else console.log(benchIngest(at('--entities', 100_000), at('--words', 25_000)).line);
}
