/**
 * Small PDFs written byte by byte, so the reader is tested on real files without a PDF writer:
 * a page of text in a standard font, Chinese text in a CID font with a ToUnicode map (no font
 * program embedded: the text layer is all the reader needs), a page that is only a drawing
 * (a scan has no text layer either), and a password-protected file.
 */

function assemble(objects: string[], trailerExtra = ''): Buffer {
  let out = '%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(out, 'latin1'));
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out, 'latin1');
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const o of offsets) out += `${String(o).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R ${trailerExtra}>>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

const stream = (content: string) => `<< /Length ${Buffer.byteLength(content, 'latin1')} >>\nstream\n${content}\nendstream`;
const escape = (s: string) => s.replace(/[\\()]/g, (c) => `\\${c}`);

function pageObjects(content: string, font: string): string[] {
  return [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>',
    stream(content),
    font,
  ];
}

/** One page, one line of text per paragraph line, in Helvetica (a font every reader knows). */
export function textPdf(lines: string[], trailerExtra = ''): Buffer {
  const content = ['BT', '/F1 11 Tf', '14 TL', '72 740 Td', ...lines.map((l) => `(${escape(l)}) Tj T*`), 'ET'].join('\n');
  return assemble(pageObjects(content, '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>'), trailerExtra);
}

/** Chinese text: glyph ids 1…n in a CID font, mapped back to the characters by a ToUnicode CMap. */
export function chinesePdf(text: string): Buffer {
  const chars = [...new Set(text)];
  const cid = (c: string) => (chars.indexOf(c) + 1).toString(16).padStart(4, '0');
  const hex = [...text].map(cid).join('');
  const cmap = [
    '/CIDInit /ProcSet findresource begin', '12 dict begin', 'begincmap',
    '/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def', '/CMapName /Adobe-Identity-UCS def', '/CMapType 2 def',
    '1 begincodespacerange', '<0000> <FFFF>', 'endcodespacerange',
    `${chars.length} beginbfchar`, ...chars.map((c) => `<${cid(c)}> <${c.charCodeAt(0).toString(16).padStart(4, '0')}>`), 'endbfchar',
    'endcmap', 'CMapName currentdict /CMap defineresource pop', 'end', 'end',
  ].join('\n');
  const objects = pageObjects(`BT\n/F1 14 Tf\n72 700 Td\n<${hex}> Tj\nET`, '<< /Type /Font /Subtype /Type0 /BaseFont /SimSun /Encoding /Identity-H /DescendantFonts [6 0 R] /ToUnicode 7 0 R >>');
  objects.push(
    '<< /Type /Font /Subtype /CIDFontType2 /BaseFont /SimSun /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /FontDescriptor 8 0 R /DW 1000 >>',
    stream(cmap),
    '<< /Type /FontDescriptor /FontName /SimSun /Flags 4 /FontBBox [0 -141 1000 859] /ItalicAngle 0 /Ascent 859 /Descent -141 /CapHeight 683 /StemV 80 >>',
  );
  return assemble(objects);
}

/** A page with a filled rectangle and no text: what a scanned page looks like to a text reader. */
export function drawingOnlyPdf(): Buffer {
  return assemble(pageObjects('0.2 0.2 0.2 rg\n72 72 300 500 re f', '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>'));
}

/** Encrypted with the standard handler and a user password that is not empty: it cannot be opened without it. */
export function passwordPdf(): Buffer {
  const o = 'a'.repeat(64);
  const u = 'b'.repeat(64);
  const pdf = textPdf(['secret'], `/Encrypt 6 0 R /ID [<0123456789abcdef0123456789abcdef> <0123456789abcdef0123456789abcdef>] `).toString('latin1');
  // Add the encryption dictionary as object 6, keeping the cross-reference table right.
  const objects = pdf.slice(0, pdf.indexOf('xref')).split(/(?=\d+ 0 obj\n)/).slice(1).map((o6) => o6.replace(/^\d+ 0 obj\n|\nendobj\n$/g, ''));
  objects.push(`<< /Filter /Standard /V 1 /R 2 /O <${o}> /U <${u}> /P -44 >>`);
  return assemble(objects, '/Encrypt 6 0 R /ID [<0123456789abcdef0123456789abcdef> <0123456789abcdef0123456789abcdef>] ');
}
