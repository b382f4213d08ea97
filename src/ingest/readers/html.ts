/**
 * HTML → text with htmlparser2: the words a reader sees, one block element per paragraph;
 * scripts, styles, navigation, headers, footers, forms and asides dropped.
 */
import { Parser } from 'htmlparser2';

const DROPPED = new Set(['script', 'style', 'noscript', 'template', 'nav', 'header', 'footer', 'aside', 'svg', 'form', 'button',
  'iframe', 'select', 'textarea', 'head', 'menu', 'object', 'canvas']);
const BLOCKS = new Set(['p', 'div', 'section', 'article', 'main', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'ul', 'ol', 'tr', 'table',
  'blockquote', 'pre', 'dd', 'dt', 'dl', 'figcaption', 'figure', 'caption', 'address', 'hr', 'td', 'th']);
const DROPPED_ROLES = /^(?:navigation|banner|contentinfo|complementary|search|menu|menubar)$/;

export function htmlToText(html: string): string {
  const out: string[] = [];
  let skipping = 0;
  const stack: boolean[] = [];
  const parser = new Parser(
    {
      onopentag(name, attrs) {
        const drop = DROPPED.has(name) || DROPPED_ROLES.test(attrs.role ?? '') || 'hidden' in attrs || attrs['aria-hidden'] === 'true';
        stack.push(drop);
        if (drop) skipping++;
        if (!skipping && BLOCKS.has(name)) out.push('\n\n');
        if (!skipping && name === 'br') out.push('\n');
        if (!skipping && (name === 'td' || name === 'th')) out.push(' ');
      },
      ontext(text) {
        if (!skipping) out.push(text.replace(/\s+/g, ' '));
      },
      onclosetag(name) {
        if (stack.pop()) skipping--;
        if (!skipping && BLOCKS.has(name)) out.push('\n\n');
      },
    },
    { decodeEntities: true, lowerCaseTags: true, recognizeSelfClosing: true },
  );
  parser.write(html);
  parser.end();
  return out
    .join('')
    .split('\n')
    .map((l) => l.trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
