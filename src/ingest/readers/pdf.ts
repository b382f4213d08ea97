/**
 * PDF → text from its text layer, with pdfjs-dist's legacy build (the one meant for Node).
 * Runs in this process (no worker download, no network: fonts and CMaps come from the
 * package's own folders). A password-protected file, a file that is not a PDF and a PDF
 * whose pages carry no text (a scan, which needs OCR first) each get their own error.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { IngestError } from '../errors.js';

const require = createRequire(import.meta.url);
const PDFJS_DIR = dirname(require.resolve('pdfjs-dist/package.json'));

interface TextItem { str?: string; hasEOL?: boolean }

export async function pdfToText(file: string, bytes: Uint8Array): Promise<string> {
  // pdfjs needs DOMMatrix even to read text; in Node it borrows one from its optional canvas
  // package, which a production install (--omit=optional) leaves out. A small shim stands in.
  if (!(globalThis as { DOMMatrix?: unknown }).DOMMatrix) {
    const { default: CSSMatrix } = await import('@thednp/dommatrix');
    (globalThis as { DOMMatrix?: unknown }).DOMMatrix = CSSMatrix;
  }
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  // The worker code runs in this process: point at the package's own copy, never a URL.
  pdfjs.GlobalWorkerOptions.workerSrc = pathToFileURL(join(PDFJS_DIR, 'legacy/build/pdf.worker.mjs')).href;
  let doc;
  try {
    doc = await pdfjs.getDocument({
    // A copy: pdfjs takes ownership of the buffer it is given.
    data: new Uint8Array(bytes),
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    stopAtErrors: false,
    verbosity: 0,
    cMapUrl: join(PDFJS_DIR, 'cmaps') + '/',
    cMapPacked: true,
    standardFontDataUrl: join(PDFJS_DIR, 'standard_fonts') + '/',
    }).promise;
  } catch (error) {
    const name = (error as { name?: string }).name;
    if (name === 'PasswordException') throw new IngestError(file, 'the PDF is encrypted with a password: decrypt it (e.g. qpdf --decrypt) and ingest the copy');
    throw new IngestError(file, `not a readable PDF (${String((error as Error).message ?? error).split('\n')[0]})`);
  }
  try {
    const pages: string[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const content = await page.getTextContent();
      pages.push((content.items as TextItem[]).map((i) => (i.str ?? '') + (i.hasEOL ? '\n' : '')).join(''));
      page.cleanup();
    }
    const text = pages.join('\n\n');
    if (!text.trim()) throw new IngestError(file, `the PDF has no text layer (${doc.numPages} page(s) of images?): it needs OCR first (e.g. ocrmypdf), then ingest the result`);
    return text;
  } finally {
    await doc.destroy();
  }
}
