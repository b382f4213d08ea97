import type { Row } from '../../src/store/port.js';

/**
 * One execution of a named query against the fixture graph (tests/fixtures/graph) on Kùzu,
 * with what a user would see asserted in `check`. Put cases in tests/store/cases/*.cases.ts,
 * exporting `cases: CatalogueCase[]`; every query in cypher/queries needs at least one.
 */
export interface CatalogueCase {
  query: string;
  /** Shown in the test name. */
  title?: string;
  params?: Record<string, unknown>;
  check: (rows: Row[]) => void;
}
