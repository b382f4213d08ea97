/**
 * Reads a document into plain text: text and Markdown as UTF-8, HTML through htmlparser2,
 * PDF through its text layer. The format comes from the extension, checked against the
 * content (a PDF always starts with %PDF-); anything else is refused with a one-line error.
 */
import { readFileSync, statSync } from 'node:fs';
import { extname } from 'node:path';
import { IngestError } from '../errors.js';
import { htmlToText } from './html.js';
import { markdownToText } from './markdown.js';
import { pdfToText } from './pdf.js';

export type Format = 'text' | 'markdown' | 'html' | 'pdf';

const EXTENSIONS: Record<string, Format> = {
  '.txt': 'text', '.text': 'text', '.md': 'markdown', '.markdown': 'markdown', '.html': 'html', '.htm': 'html', '.xhtml': 'html', '.pdf': 'pdf',
};

/** Documents larger than this are refused: 50 pages of text are far below it. */
export const MAX_BYTES = 64 * 1024 * 1024;

export async function readDocument(file: string): Promise<{ text: string; format: Format }> {
  let bytes: Buffer;
  try {
    const stat = statSync(file);
    if (!stat.isFile()) throw new IngestError(file, 'not a file');
    if (stat.size > MAX_BYTES) throw new IngestError(file, `larger than ${MAX_BYTES / 1024 / 1024} MB`);
    bytes = readFileSync(file);
  } catch (error) {
    if (error instanceof IngestError) throw error;
    throw new IngestError(file, `cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
  if (bytes.length === 0 || !bytes.toString('latin1').trim()) throw new IngestError(file, 'the file is empty');
  const isPdf = bytes.subarray(0, 1024).toString('latin1').includes('%PDF-');
  const ext = extname(file).toLowerCase();
  let format = EXTENSIONS[ext];
  if (!format && ext) throw new IngestError(file, `unknown format "${ext}": give a text (.txt), Markdown (.md), HTML (.html) or PDF (.pdf) file`);
  if (format === 'pdf' || (!format && isPdf)) {
    if (!isPdf) throw new IngestError(file, 'named .pdf but not a PDF (no %PDF- header)');
    return { text: normalizeText(await pdfToText(file, bytes), file), format: 'pdf' };
  }
  if (isPdf) throw new IngestError(file, `a PDF named ${ext}: rename it .pdf`);
  if (bytes.includes(0)) throw new IngestError(file, 'a binary file, not text (it holds NUL bytes)');
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new IngestError(file, 'not UTF-8 text (a binary file, or another encoding: convert it to UTF-8 first)');
  }
  text = text.replace(/^\uFEFF/, '');
  if (!format) format = /^\s*(?:<!doctype html|<html)/i.test(text) ? 'html' : 'text';
  const plain = format === 'html' ? htmlToText(text) : format === 'markdown' ? markdownToText(text) : text;
  return { text: normalizeText(plain, file), format };
}

function normalizeText(text: string, file: string): string {
  const out = text.replace(/\r\n?/g, '\n').normalize('NFC');
  if (!out.trim()) throw new IngestError(file, 'no text in it');
  return out;
}
