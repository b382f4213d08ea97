#!/usr/bin/env node
/**
 * Bundles the browser pages (playground, explorer, timeline) into dist/web/ with esbuild:
 * minified, content-hashed file names, a brotli and a gzip copy of each file for the server to
 * send as is (@fastify/static's preCompressed),
 * and dist/web/manifest.json naming each page's files. Run by `npm run build` after tsc.
 *   node scripts/build-web.mjs [--report] [--force]
 *   --report prints each page's weight; --force rebuilds even when dist/web is up to date
 * (it is up to date when its manifest is newer than every input: the client sources, the
 * palette, this script and the lockfile).
 */
import { build } from 'esbuild';
import { mkdir, readFile, rm, writeFile, readdir, stat } from 'node:fs/promises';
import { brotliCompressSync, gzipSync, constants } from 'node:zlib';
import { dirname, join, relative, basename } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outdir = join(root, 'dist', 'web');
const assets = join(outdir, 'assets');
const client = join(root, 'src', 'web', 'client');

/** Each page and the entry points it loads. */
const PAGES = {
  playground: ['playground.ts', 'playground.css'],
  explore: ['explore.ts', 'explore.css'],
  timeline: ['timeline.ts', 'timeline.css'],
  index: ['index.css'],
};

/**
 * GraphiQL's stylesheet inlines 34 web fonts (Roboto, Fira Code) as base64: about 260 KiB of
 * the playground's gzipped weight. They are dropped and GraphiQL's font variables point at
 * the system's own fonts instead, which need no download at all.
 */
const SYSTEM_SANS = 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif';
const SYSTEM_MONO = 'ui-monospace, SFMono-Regular, Menlo, Consolas, "DejaVu Sans Mono", "Liberation Mono", monospace';
const systemFontsForGraphiql = {
  name: 'graphiql-system-fonts',
  setup(b) {
    b.onLoad({ filter: /[\\/]graphiql[\\/]dist[\\/]style\.css$/ }, async (args) => {
      const css = await readFile(args.path, 'utf8');
      const fonts = css.match(/@font-face\s*\{[^}]*\}/g) ?? [];
      if (fonts.length === 0) throw new Error('graphiql/style.css has no @font-face any more: review the font plugin');
      const contents = css
        .replace(/@font-face\s*\{[^}]*\}/g, '')
        .replace(/--font-family:\s*"Roboto",\s*sans-serif/, `--font-family: ${SYSTEM_SANS}`)
        .replace(/--font-family-mono:\s*"Fira Code",\s*monospace/, `--font-family-mono: ${SYSTEM_MONO}`);
      if (/url\(\s*["']?data:font/.test(contents)) throw new Error('an inlined font is left in graphiql/style.css');
      return { contents, loader: 'css' };
    });
  },
};

async function newestInput() {
  const inputs = [join(root, 'package-lock.json'), fileURLToPath(import.meta.url), join(root, 'src', 'web', 'palette.ts')];
  for (const name of await readdir(client, { recursive: true })) inputs.push(join(client, name));
  const times = await Promise.all(inputs.map((f) => stat(f).then((s) => s.mtimeMs, () => Infinity)));
  return Math.max(...times);
}

const started = Date.now();
const report = process.argv.includes('--report');
if (!process.argv.includes('--force') && !report) {
  const built = await stat(join(outdir, 'manifest.json')).then((s) => s.mtimeMs, () => 0);
  if (built > (await newestInput())) process.exit(0);
}
await rm(outdir, { recursive: true, force: true });
await mkdir(assets, { recursive: true });

const entryPoints = Object.fromEntries(
  [...new Set(Object.values(PAGES).flat())].map((file) => [file.replace(/\.(ts|css)$/, (_, ext) => (ext === 'css' ? '-style' : '')), join(client, file)]),
);

const result = await build({
  entryPoints,
  outdir: assets,
  bundle: true,
  splitting: false,
  format: 'esm',
  platform: 'browser',
  target: ['chrome109', 'firefox115', 'safari15.6'],
  minify: true,
  sourcemap: 'linked',
  legalComments: 'external',
  entryNames: '[name]-[hash]',
  assetNames: '[name]-[hash]',
  metafile: true,
  define: { 'process.env.NODE_ENV': '"production"' },
  // Anything that is not inlined (fonts, images) would be a file of ours, never a remote URL.
  loader: { '.woff2': 'file', '.woff': 'file', '.ttf': 'file', '.svg': 'file', '.png': 'file' },
  logLevel: 'warning',
  plugins: [systemFontsForGraphiql],
});

// Logical entry name → hashed file name (relative to dist/web/assets).
const files = {};
for (const [out, meta] of Object.entries(result.metafile.outputs)) {
  if (!meta.entryPoint) continue;
  const entry = Object.entries(entryPoints).find(([, path]) => relative(root, path) === meta.entryPoint)?.[0];
  if (entry) files[entry.replace(/-style$/, '.css').replace(/^([a-z]+)$/, '$1.js')] = basename(out);
}

const manifest = {};
for (const [page, entries] of Object.entries(PAGES)) {
  manifest[page] = {
    scripts: entries.filter((e) => e.endsWith('.ts')).map((e) => files[e.replace(/\.ts$/, '.js')]),
    styles: entries.filter((e) => e.endsWith('.css')).map((e) => files[e]),
  };
  for (const f of [...manifest[page].scripts, ...manifest[page].styles]) if (!f) throw new Error(`no output for a ${page} entry`);
}
await writeFile(join(outdir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);

// Precompressed copies: the server sends brotli to browsers that take it, gzip to the rest
// that take that, at the best ratio (paid once here, not per request).
const sizes = new Map();
for (const name of await readdir(assets)) {
  if (!/\.(js|css|map|txt)$/.test(name)) continue;
  const raw = await readFile(join(assets, name));
  const gz = gzipSync(raw, { level: constants.Z_BEST_COMPRESSION });
  await writeFile(join(assets, `${name}.gz`), gz);
  sizes.set(name, { raw: raw.length, gz: gz.length });
  // Source maps are for development (production does not serve them): gzip is enough, and
  // brotli at its best ratio on megabytes of map would take most of the build's time.
  if (name.endsWith('.map')) continue;
  const br = brotliCompressSync(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY, [constants.BROTLI_PARAM_SIZE_HINT]: raw.length } });
  await writeFile(join(assets, `${name}.br`), br);
}

const kib = (n) => `${(n / 1024).toFixed(1)} KiB`;
if (report) {
  for (const [page, { scripts, styles }] of Object.entries(manifest)) {
    const parts = [...scripts, ...styles].map((f) => ({ f, ...sizes.get(f) }));
    const raw = parts.reduce((s, p) => s + p.raw, 0);
    const gz = parts.reduce((s, p) => s + p.gz, 0);
    console.log(`${page.padEnd(11)} ${kib(gz).padStart(10)} gzipped (${kib(raw)} raw): ${parts.map((p) => `${p.f} ${kib(p.gz)}`).join(', ')}`);
  }
}
const total = (await Promise.all((await readdir(assets)).map(async (n) => (await stat(join(assets, n))).size))).reduce((a, b) => a + b, 0);
console.log(`web assets built in ${Date.now() - started} ms → dist/web (${kib(total)} on disk)`);
