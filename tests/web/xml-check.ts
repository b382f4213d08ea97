/**
 * Structural checks of the exported XML against what the GraphML 1.0 and GEXF 1.3 schemas
 * require (element order, required attributes, enumerations, id references, typed values).
 * Parsing is done by fast-xml-parser; its validator is lenient about a few things (control
 * characters, `<` in attribute values), so those are checked on the raw text as well.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';

export interface El {
  name: string;
  attrs: Record<string, string>;
  children: El[];
  text: string;
}

type Raw = Record<string, unknown>;

function convert(raw: Raw): El | null {
  const name = Object.keys(raw).find((k) => k !== ':@');
  if (!name || name === '#text' || name === '?xml') return null;
  const attrs: Record<string, string> = {};
  for (const [k, v] of Object.entries((raw[':@'] as Record<string, string> | undefined) ?? {})) attrs[k.replace(/^@_/, '')] = String(v);
  const kids = (raw[name] as Raw[]) ?? [];
  const children = kids.map(convert).filter((c): c is El => c !== null);
  const text = kids.filter((k) => '#text' in k).map((k) => String(k['#text'])).join('');
  return { name, attrs, children, text };
}

/** Everything outside XML 1.0's Char production. */
const FORBIDDEN = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;

export function parseXml(text: string): El {
  const valid = XMLValidator.validate(text);
  if (valid !== true) throw new Error(`not well-formed: ${JSON.stringify(valid.err)}`);
  if (FORBIDDEN.test(text)) throw new Error('a character XML 1.0 forbids');
  // No raw < or & (other than a reference) inside attribute values.
  for (const m of text.matchAll(/="([^"]*)"/g)) {
    if (m[1]!.includes('<')) throw new Error(`"<" inside an attribute value: ${m[0]}`);
    if (/&(?!(amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);)/.test(m[1]!)) throw new Error(`bare & in an attribute value: ${m[0]}`);
  }
  for (const m of text.matchAll(/>([^<]*)</g)) {
    if (/&(?!(amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);)/.test(m[1]!)) throw new Error(`bare & in text: ${m[1]}`);
  }
  if (!text.startsWith('<?xml version="1.0" encoding="UTF-8"?>')) throw new Error('missing XML declaration');
  const parser = new XMLParser({
    ignoreAttributes: false, htmlEntities: true, preserveOrder: true, parseTagValue: false, parseAttributeValue: false, trimValues: false,
  });
  const roots = (parser.parse(text) as Raw[]).map(convert).filter((e): e is El => e !== null);
  if (roots.length !== 1) throw new Error(`${roots.length} root elements`);
  return roots[0]!;
}

export const kids = (el: El, name: string) => el.children.filter((c) => c.name === name);

function fail(message: string): never {
  throw new Error(message);
}

/** Children names must match the sequence pattern (a regex over space-joined names). */
function expectSequence(el: El, pattern: RegExp, what: string) {
  const seq = el.children.map((c) => c.name).join(' ');
  if (!pattern.test(seq)) fail(`${what}: children "${seq.slice(0, 200)}" do not match ${pattern}`);
}

const NMTOKEN = /^[\p{L}\p{N}._:\-\u00B7\u0300-\u036F\u203F-\u2040]+$/u;
const XSD_DATE = /^-?\d{4,}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const INTEGER = /^[+-]?\d+$/;
const DOUBLE = /^([+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?|-?INF|NaN)$/;

function checkTyped(value: string, type: string, where: string) {
  if (['int', 'long', 'integer', 'short', 'byte', 'biginteger'].includes(type) && !INTEGER.test(value)) fail(`${where}: "${value}" is not an integer`);
  if (['float', 'double', 'bigdecimal'].includes(type) && !DOUBLE.test(value)) fail(`${where}: "${value}" is not a number`);
  if (type === 'boolean' && !/^(true|false|0|1)$/.test(value)) fail(`${where}: "${value}" is not a boolean`);
}

export interface GraphmlSummary {
  nodes: Map<string, Record<string, string>>;
  edges: { id: string; source: string; target: string; data: Record<string, string> }[];
}

/** GraphML 1.0 (graphml.xsd + graphml-structure.xsd): returns nodes and edges with data by attr.name. */
export function checkGraphml(text: string): GraphmlSummary {
  const root = parseXml(text);
  if (root.name !== 'graphml') fail(`root is ${root.name}`);
  if (root.attrs.xmlns !== 'http://graphml.graphdrawing.org/xmlns') fail('wrong GraphML namespace');
  expectSequence(root, /^(desc ?)?(key ?)*((graph|data) ?)*$/, 'graphml');
  const keys = new Map<string, { for: string; name: string; type: string }>();
  for (const key of kids(root, 'key')) {
    const { id, for: target, 'attr.name': name, 'attr.type': type } = key.attrs;
    if (!id || !NMTOKEN.test(id)) fail(`key id "${id}"`);
    if (keys.has(id)) fail(`duplicate key ${id}`);
    if (!['all', 'graphml', 'graph', 'node', 'edge', 'hyperedge', 'port', 'endpoint'].includes(target ?? 'all')) fail(`key ${id} for=${target}`);
    if (!['boolean', 'int', 'long', 'float', 'double', 'string'].includes(type ?? 'string')) fail(`key ${id} attr.type=${type}`);
    expectSequence(key, /^(desc ?)?(default)?$/, `key ${id}`);
    keys.set(id, { for: target ?? 'all', name: name ?? id, type: type ?? 'string' });
  }
  const graphs = kids(root, 'graph');
  if (graphs.length !== 1) fail(`${graphs.length} graphs`);
  const graph = graphs[0]!;
  if (!['directed', 'undirected'].includes(graph.attrs.edgedefault ?? '')) fail('graph needs edgedefault directed|undirected');
  expectSequence(graph, /^(desc ?)?((data|node|edge|hyperedge) ?)*$/, 'graph');
  const data = (el: El, target: 'node' | 'edge', where: string) => {
    expectSequence(el, /^(desc ?)?((data|port) ?)*(graph)?$/, where);
    const out: Record<string, string> = {};
    for (const d of kids(el, 'data')) {
      const key = keys.get(d.attrs.key ?? '') ?? fail(`${where}: data for undeclared key ${d.attrs.key}`);
      if (key.for !== target && key.for !== 'all') fail(`${where}: key ${d.attrs.key} is for ${key.for}`);
      if (key.name in out) fail(`${where}: two data for ${key.name}`);
      checkTyped(d.text, key.type, `${where} ${key.name}`);
      out[key.name] = d.text;
    }
    return out;
  };
  const nodes = new Map<string, Record<string, string>>();
  for (const n of kids(graph, 'node')) {
    const id = n.attrs.id ?? fail('node without id');
    if (!NMTOKEN.test(id)) fail(`node id "${id}" is not an NMTOKEN`);
    if (nodes.has(id)) fail(`duplicate node ${id}`);
    nodes.set(id, data(n, 'node', `node ${id}`));
  }
  const edgeIds = new Set<string>();
  const edges = kids(graph, 'edge').map((e) => {
    const { id, source, target } = e.attrs;
    if (id !== undefined) {
      if (!NMTOKEN.test(id)) fail(`edge id "${id}" is not an NMTOKEN`);
      if (edgeIds.has(id)) fail(`duplicate edge ${id}`);
      edgeIds.add(id);
    }
    if (!source || !nodes.has(source)) fail(`edge ${id}: unknown source ${source}`);
    if (!target || !nodes.has(target)) fail(`edge ${id}: unknown target ${target}`);
    return { id: id ?? '', source, target, data: data(e, 'edge', `edge ${id}`) };
  });
  return { nodes, edges };
}

export interface GexfSummary {
  graph: Record<string, string>;
  nodes: Map<string, { attrs: Record<string, string>; values: Record<string, string>; colour?: [number, number, number] }>;
  edges: { attrs: Record<string, string>; values: Record<string, string> }[];
}

const GEXF_TYPES = ['integer', 'long', 'double', 'float', 'boolean', 'bigdecimal', 'biginteger', 'byte', 'char', 'short', 'liststring',
  'listboolean', 'listinteger', 'listlong', 'listfloat', 'listdouble', 'listbyte', 'listshort', 'listbigdecimal', 'listbiginteger',
  'listchar', 'string', 'anyURI'];

/** GEXF 1.3 (gexf.rnc, dynamics.rnc, viz.rnc), dynamic mode with date intervals. */
export function checkGexf(text: string): GexfSummary {
  const root = parseXml(text);
  if (root.name !== 'gexf') fail(`root is ${root.name}`);
  if (root.attrs.xmlns !== 'http://gexf.net/1.3') fail('wrong GEXF namespace');
  if (root.attrs.version !== '1.3') fail('version must be 1.3');
  expectSequence(root, /^(meta )?graph$/, 'gexf');
  const meta = kids(root, 'meta')[0];
  if (meta) {
    if (meta.attrs.lastmodifieddate && !XSD_DATE.test(meta.attrs.lastmodifieddate)) fail('lastmodifieddate is not a date');
    for (const c of meta.children) if (!['creator', 'keywords', 'description'].includes(c.name)) fail(`meta child ${c.name}`);
  }
  const graph = kids(root, 'graph')[0]!;
  const g = graph.attrs;
  if (g.defaultedgetype && !['directed', 'undirected', 'mutual'].includes(g.defaultedgetype)) fail('defaultedgetype');
  if (g.mode && !['static', 'dynamic', 'slice'].includes(g.mode)) fail('mode');
  if (g.timeformat && !['integer', 'double', 'date', 'dateTime'].includes(g.timeformat)) fail('timeformat');
  if (g.timerepresentation && !['interval', 'timestamp'].includes(g.timerepresentation)) fail('timerepresentation');
  expectSequence(graph, /^(attributes )*nodes edges$/, 'graph');
  const declared: Record<'node' | 'edge', Map<string, string>> = { node: new Map(), edge: new Map() };
  for (const block of kids(graph, 'attributes')) {
    const cls = block.attrs.class;
    if (cls !== 'node' && cls !== 'edge') fail(`attributes class=${cls}`);
    for (const a of block.children) {
      if (a.name !== 'attribute') fail(`attributes child ${a.name}`);
      if (!a.attrs.id || a.attrs.title === undefined || !GEXF_TYPES.includes(a.attrs.type ?? '')) fail(`attribute ${JSON.stringify(a.attrs)}`);
      if (declared[cls].has(a.attrs.id)) fail(`duplicate ${cls} attribute ${a.attrs.id}`);
      declared[cls].set(a.attrs.id, a.attrs.type!);
    }
  }
  const time = (v: string | undefined, where: string) => {
    if (v === undefined) return;
    if (g.timeformat === 'date' && !XSD_DATE.test(v)) fail(`${where}: "${v}" is not an xsd:date`);
  };
  const span = (attrs: Record<string, string>, where: string) => {
    time(attrs.start, `${where} start`);
    time(attrs.end, `${where} end`);
    if (attrs.start && attrs.end && attrs.end < attrs.start) fail(`${where}: ends before it starts`);
    if ((attrs.start || attrs.end) && g.mode !== 'dynamic') fail(`${where}: a time interval in a static graph`);
  };
  const values = (el: El, cls: 'node' | 'edge', where: string) => {
    const out: Record<string, string> = {};
    const blocks = kids(el, 'attvalues');
    if (blocks.length > 1) fail(`${where}: two attvalues`);
    for (const v of blocks[0]?.children ?? []) {
      if (v.name !== 'attvalue') fail(`${where}: attvalues child ${v.name}`);
      const type = declared[cls].get(v.attrs.for ?? '') ?? fail(`${where}: value for undeclared attribute ${v.attrs.for}`);
      if (v.attrs.value === undefined) fail(`${where}: attvalue without value`);
      checkTyped(v.attrs.value, type, `${where} ${v.attrs.for}`);
      out[v.attrs.for!] = v.attrs.value;
    }
    return out;
  };
  const isToken = (s: string) => !/[\t\n\r]|^ | $| {2}/.test(s);

  const nodesEl = kids(graph, 'nodes')[0]!;
  const nodes: GexfSummary['nodes'] = new Map();
  for (const n of nodesEl.children) {
    if (n.name !== 'node') fail(`nodes child ${n.name}`);
    const id = n.attrs.id ?? fail('node without id');
    if (nodes.has(id)) fail(`duplicate node ${id}`);
    if (n.attrs.label !== undefined && !isToken(n.attrs.label)) fail(`node ${id}: label is not an xsd:token`);
    span(n.attrs, `node ${id}`);
    for (const c of n.children) {
      if (!['attvalues', 'spells', 'nodes', 'edges', 'parents', 'viz:color', 'viz:position', 'viz:size', 'viz:shape'].includes(c.name)) fail(`node ${id}: child ${c.name}`);
    }
    const colourEl = kids(n, 'viz:color')[0];
    let colour: [number, number, number] | undefined;
    if (colourEl) {
      colour = [colourEl.attrs.r, colourEl.attrs.g, colourEl.attrs.b].map(Number) as [number, number, number];
      if (colour.some((c) => !Number.isInteger(c) || c < 0 || c > 255)) fail(`node ${id}: viz:color`);
    }
    nodes.set(id, { attrs: n.attrs, values: values(n, 'node', `node ${id}`), colour });
  }
  if (nodesEl.attrs.count !== undefined && Number(nodesEl.attrs.count) !== nodes.size) fail('nodes count');
  const edgesEl = kids(graph, 'edges')[0]!;
  const edgeIds = new Set<string>();
  const edges = edgesEl.children.map((e) => {
    if (e.name !== 'edge') fail(`edges child ${e.name}`);
    const a = e.attrs;
    if (a.id !== undefined) {
      if (edgeIds.has(a.id)) fail(`duplicate edge ${a.id}`);
      edgeIds.add(a.id);
    }
    if (!a.source || !nodes.has(a.source)) fail(`edge ${a.id}: unknown source ${a.source}`);
    if (!a.target || !nodes.has(a.target)) fail(`edge ${a.id}: unknown target ${a.target}`);
    if (a.type && !['directed', 'undirected', 'mutual'].includes(a.type)) fail(`edge ${a.id}: type`);
    if (a.weight !== undefined && !DOUBLE.test(a.weight)) fail(`edge ${a.id}: weight`);
    for (const k of ['label', 'kind']) if (a[k] !== undefined && !isToken(a[k]!)) fail(`edge ${a.id}: ${k} is not an xsd:token`);
    span(a, `edge ${a.id}`);
    return { attrs: a, values: values(e, 'edge', `edge ${a.id}`) };
  });
  if (edgesEl.attrs.count !== undefined && Number(edgesEl.attrs.count) !== edges.length) fail('edges count');
  return { graph: g, nodes, edges };
}
