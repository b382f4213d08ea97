/**
 * The HTML of each page: a static shell naming its bundled files (from dist/web/manifest.json);
 * the scripts do the rest through /graphql. No page refers to anything off this server.
 */
import { xmlAttr as attr, xmlText as text } from './export/xml.js';

export interface PageAssets {
  scripts: string[];
  styles: string[];
}

export type Manifest = Record<'playground' | 'explore' | 'timeline' | 'index', PageAssets>;

export const SITE_TITLE = 'China cybersecurity policy graph';

function shell(title: string, assets: PageAssets, body: string, bodyClass = ''): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${text(title)}</title>
<link rel="icon" href="data:,">
${assets.styles.map((s) => `<link rel="stylesheet" href="/assets/${attr(s)}">`).join('\n')}
${assets.scripts.map((s) => `<script type="module" src="/assets/${attr(s)}"></script>`).join('\n')}
</head>
<body${bodyClass ? ` class="${attr(bodyClass)}"` : ''}>
<a class="skip-link" href="#main">Skip to the content</a>
${body}
</body>
</html>
`;
}

const EXPORTS: [string, string][] = [
  ['graph.graphml', 'GraphML'],
  ['graph.gexf', 'GEXF (Gephi, with timeline)'],
  ['graph.json', 'Cytoscape JSON'],
  ['nodes.csv', 'nodes CSV'],
  ['edges.csv', 'edges CSV'],
];

function header(current: 'explore' | 'timeline' | 'index', playground: boolean): string {
  const link = (href: string, label: string, page: string) =>
    `<a href="${href}"${page === current ? ' aria-current="page"' : ''}>${text(label)}</a>`;
  return `<header class="top">
<p class="site-title"><a href="/">${text(SITE_TITLE)}</a></p>
<nav aria-label="Pages">${link('/explore', 'Explorer', 'explore')}${link('/timeline', 'Timeline', 'timeline')}${playground ? link('/playground', 'GraphQL playground', 'playground') : ''}</nav>
<span class="downloads">Download the whole graph with citations:${EXPORTS.map(([file, label]) => ` <a href="/export/${file}" download>${text(label)}</a>`).join(',')}</span>
</header>`;
}

export function explorePage(m: Manifest, playground: boolean): string {
  return shell(`Explorer · ${SITE_TITLE}`, m.explore, `${header('explore', playground)}
<main class="explore" id="main" tabindex="-1">
<h1 class="sr-only">Explorer</h1>
<section class="stage" aria-label="Graph">
<div class="toolbar">
<form id="search-form" class="search" role="search">
<label for="search-input" class="sr-only">Search the graph</label>
<input id="search-input" type="search" placeholder="Search policies, agencies, firms … (English or 中文)" autocomplete="off" spellcheck="false">
<ul id="search-results" hidden aria-label="Search results"></ul>
</form>
<div class="slider"><label for="asof">As of</label><input id="asof" type="range"><output id="asof-label" for="asof"></output></div>
<label class="evidence" title="Only relationships a source document states (evidence: [STATED])"><input id="stated-only" type="checkbox"> Stated facts only</label>
<label class="check"><input id="show-undated" type="checkbox" checked> Show undated</label>
<label>Layout <select id="layout"></select></label>
<button id="path-mode" type="button" aria-pressed="false">Find a path</button>
<button id="undo" type="button" aria-keyshortcuts="Control+Z" disabled>Undo</button>
<button id="redo" type="button" aria-keyshortcuts="Control+Y" disabled>Redo</button>
<button id="fit-graph" type="button">Fit</button>
<button id="clear-graph" type="button">Clear</button>
<details class="menu"><summary>Export view</summary><div class="menu-items">
<button type="button" data-export="png">PNG image</button><button type="button" data-export="svg">SVG image</button>
<button type="button" data-export="graphml">GraphML</button><button type="button" data-export="nodes.csv">Nodes CSV</button><button type="button" data-export="edges.csv">Edges CSV</button>
</div></details>
</div>
<div class="filters-row">
<ul id="legend" aria-label="Entity types shown"></ul>
<details class="menu"><summary>Relation types</summary><ul id="relation-filter" class="menu-items" aria-label="Relation types shown"></ul></details>
<span class="key-undated">Dashed, faded: undated</span>
</div>
<div id="canvas" role="application" aria-label="Graph canvas. Click a node to select it, double-click or press E to expand it, H to hide it; the node list in the side panel holds the same nodes"></div>
<div id="tooltip" class="tooltip" role="tooltip" hidden></div>
<div id="status" role="status" aria-live="polite"></div>
</section>
<aside class="panel" aria-label="Side panel">
<button id="sheet-toggle" type="button" class="sheet-toggle" aria-expanded="false" aria-controls="panel-body">Details</button>
<div id="panel-body">
<nav class="tabs" aria-label="Panel">
<button type="button" data-panel="details" aria-pressed="true">Details</button>
<button type="button" data-panel="figures" aria-pressed="false">Figures</button>
<button type="button" data-panel="drivers" aria-pressed="false">Drivers</button>
<button type="button" data-panel="changes" aria-pressed="false">What changed</button>
</nav>
<div id="details"></div>
<details class="node-list"><summary>Nodes on the canvas (<span id="node-count">0</span>)</summary><ul id="node-list"></ul></details>
</div>
</aside>
</main>
<noscript><p>The explorer needs JavaScript. The <a href="/export/graph.json">graph as JSON</a> and the <a href="/export/nodes.csv">CSV files</a> work without it.</p></noscript>`);
}

export function timelinePage(m: Manifest, playground: boolean): string {
  return shell(`Timeline · ${SITE_TITLE}`, m.timeline, `${header('timeline', playground)}
<main class="timeline" id="main" tabindex="-1">
<h1 class="sr-only">Timeline</h1>
<form id="filters" class="filters" aria-label="Filters">
<label>From year <input id="from" type="number" min="1900" max="2100" step="1" placeholder="e.g. 2014" inputmode="numeric"></label>
<label>To year <input id="to" type="number" min="1900" max="2100" step="1" placeholder="e.g. 2017" inputmode="numeric"></label>
<label>Region (with its sub-regions) <select id="region"><option value="">All regions</option></select></label>
<label>Sector <select id="sector"><option value="">All sectors</option></select></label>
<label>Agency <select id="agency"><option value="">All agencies</option></select></label>
<div class="buttons"><button type="submit">Apply</button><button type="button" id="reset">Reset</button></div>
<fieldset id="types"><legend>Entity types</legend></fieldset>
</form>
<p id="summary" role="status" aria-live="polite"></p>
<div class="timeline-body"><div id="axis" class="axis" aria-hidden="true"></div><div id="entries"></div></div>
</main>
<noscript><p>The timeline needs JavaScript; <a href="/export/nodes.csv">nodes.csv</a> holds every date too.</p></noscript>`);
}

export function playgroundPage(m: Manifest): string {
  return shell(`GraphQL playground · ${SITE_TITLE}`, m.playground, `<div class="playground-bar"><strong>GraphQL playground</strong>
<a href="/explore">Explorer</a><a href="/timeline">Timeline</a><a href="/">Home</a></div>
<main id="main" class="playground-main" tabindex="-1"><h1 class="sr-only">GraphQL playground</h1><div id="graphiql" aria-label="GraphiQL">Loading the playground …</div></main>
<noscript>The playground needs JavaScript. POST queries to /graphql with any GraphQL client.</noscript>`);
}

export function indexPage(m: Manifest, playground: boolean): string {
  return shell(SITE_TITLE, m.index, `${header('index', playground)}
<main class="index" id="main" tabindex="-1">
<h1>China cybersecurity policy graph</h1>
<p>A dated, cited graph of China's cybersecurity policies, agencies, firms, regions, sectors and events.</p>
<ul>
<li><a href="/explore">Explorer</a>: search, open entities, expand their neighbours, move through time, find paths.</li>
<li><a href="/timeline">Timeline</a>: every dated fact in order, filtered by region, sector, agency and type.</li>
${playground ? '<li><a href="/playground">GraphQL playground</a>: the API with example queries.</li>' : ''}
<li>API: POST GraphQL queries to <code>/graphql</code>.</li>
<li>Downloads (whole graph, with citations): ${EXPORTS.map(([file, label]) => `<a href="/export/${file}" download>${text(label)}</a>`).join(', ')}.</li>
</ul>
</main>`);
}

export function messagePage(title: string, message: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${text(title)}</title><link rel="icon" href="data:,"></head>
<body style="font-family:system-ui,sans-serif;max-width:40rem;margin:3rem auto;padding:0 1rem">
<h1>${text(title)}</h1><p>${text(message)}</p><p><a href="/">Home</a></p>
</body></html>
`;
}
