/**
 * Cytoscape's JSON (`.cyjs`): `{ elements: { nodes: [{ data }], edges: [{ data }] } }`, read by
 * cytoscape.js (`cy.add(json.elements)`) and by Cytoscape desktop (File › Import › Network).
 * Lists stay lists (aliases, citations as objects); `citationText` repeats the citations as
 * one string for tools that show only text columns.
 */
import { citationText, type GraphExport } from './model.js';

export interface CytoscapeJson {
  format_version: string;
  generated_by: string;
  target_cytoscapejs_version: string;
  data: Record<string, unknown>;
  elements: {
    nodes: { data: Record<string, unknown> & { id: string } }[];
    edges: { data: Record<string, unknown> & { id: string; source: string; target: string } }[];
  };
}

export function toCytoscape(graph: GraphExport): CytoscapeJson {
  const citations = (cs: GraphExport['nodes'][number]['citations']) =>
    cs.map((c) => ({ source: c.sourceId, title: c.sourceTitle, locator: c.locator, note: c.note, basis: c.basis }));
  return {
    format_version: '1.0',
    generated_by: 'china-cyber-policy-graph',
    target_cytoscapejs_version: '~3.34',
    data: { name: 'China cybersecurity policy graph', generated: graph.generated },
    elements: {
      nodes: graph.nodes.map((n) => {
        const dates: Record<string, string> = {};
        for (const [k, d] of Object.entries(n.dates)) {
          dates[k] = d.date;
          dates[`${k}Precision`] = d.precision;
        }
        return {
          data: {
            id: n.id,
            name: n.name,
            type: n.type,
            ...n.text,
            aliases: n.aliases,
            ...(n.value !== null ? { value: n.value } : {}),
            ...(n.year !== null ? { year: n.year } : {}),
            ...dates,
            start: n.start,
            end: n.end,
            citations: citations(n.citations),
            citationText: citationText(n.citations),
          },
        };
      }),
      edges: graph.edges.map((e) => ({
        data: {
          id: e.id,
          source: e.source,
          target: e.target,
          type: e.type,
          interaction: e.type,
          role: e.role,
          start: e.start?.date ?? null,
          startPrecision: e.start?.precision ?? null,
          end: e.end?.date ?? null,
          endPrecision: e.end?.precision ?? null,
          basis: e.basis,
          citations: citations(e.citations),
          citationText: citationText(e.citations),
        },
      })),
    },
  };
}
