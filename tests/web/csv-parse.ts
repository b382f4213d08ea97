/**
 * A strict RFC 4180 reader for the tests: fields separated by commas, records by CRLF,
 * quoted fields may hold commas, quotes (doubled) and line breaks; anything else (a quote
 * inside an unquoted field, text after a closing quote, a bare LF between records, records
 * of different lengths) is an error rather than a guess.
 */
export function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let i = 0;
  const n = text.length;
  if (n === 0) return [];
  if (!text.endsWith('\r\n')) throw new Error('the last record must end with CRLF');
  while (i < n) {
    let field = '';
    if (text[i] === '"') {
      i++;
      for (;;) {
        if (i >= n) throw new Error('unterminated quoted field');
        const c = text[i]!;
        if (c === '"') {
          if (text[i + 1] === '"') {
            field += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        field += c;
        i++;
      }
      if (i < n && text[i] !== ',' && !text.startsWith('\r\n', i)) throw new Error(`text after a closing quote at ${i}`);
    } else {
      while (i < n && text[i] !== ',' && text[i] !== '\r' && text[i] !== '\n') {
        if (text[i] === '"') throw new Error(`a quote inside an unquoted field at ${i}`);
        field += text[i];
        i++;
      }
      if (text[i] === '\n' || (text[i] === '\r' && text[i + 1] !== '\n')) throw new Error(`a bare line break at ${i}`);
    }
    record.push(field);
    if (text[i] === ',') {
      i++;
      continue;
    }
    // CRLF ends the record.
    i += 2;
    records.push(record);
    record = [];
  }
  const width = records[0]?.length ?? 0;
  records.forEach((r, k) => {
    if (r.length !== width) throw new Error(`record ${k + 1} has ${r.length} fields, the header ${width}`);
  });
  return records;
}

/** Records as objects keyed by the header. */
export function csvObjects(text: string): Record<string, string>[] {
  const [header, ...rows] = parseCsv(text);
  if (!header) return [];
  return rows.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i]!])));
}
