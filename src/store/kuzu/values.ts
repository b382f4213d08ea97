/** Kùzu values to plain JSON-able JS: dates as YYYY-MM-DD, nodes and relationships as maps. */
export function toPlain(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'bigint') return Number.isSafeInteger(Number(value)) ? Number(value) : value;
  if (Array.isArray(value)) return value.map(toPlain);
  if (typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
      if (k === '_id' || k === '_src' || k === '_dst') {
        const id = v as { table: number; offset: number };
        out[k] = `${id.table}:${id.offset}`;
      } else out[k] = toPlain(v);
    }
    return out;
  }
  return value;
}
