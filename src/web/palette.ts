/**
 * One colour per label, shared by the explorer, the timeline and the GEXF export, so that a
 * Policy looks the same on the canvas and in Gephi. Chosen to stay apart for common colour
 * blindness (Okabe–Ito based) and to keep white labels readable.
 */
export const TYPE_COLOURS: Record<string, string> = {
  Policy: '#0072b2',
  Agency: '#d55e00',
  Firm: '#009e73',
  Region: '#8c6bb1',
  Sector: '#cc79a7',
  Event: '#e69f00',
  Person: '#56b4e9',
  Indicator: '#7f7f7f',
  Source: '#4d4d4d',
};

export const FALLBACK_COLOUR = '#999999';

export function colourOf(type: string): string {
  return TYPE_COLOURS[type] ?? TYPE_COLOURS[type.charAt(0) + type.slice(1).toLowerCase()] ?? FALLBACK_COLOUR;
}

/** `#rrggbb` to its three channels, for formats that want numbers (GEXF's viz:color). */
export function rgb(hex: string): [number, number, number] {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!m) throw new Error(`not a #rrggbb colour: ${hex}`);
  return [parseInt(m[1]!, 16), parseInt(m[2]!, 16), parseInt(m[3]!, 16)];
}
