/** `debug` (a dependency of @neo4j/graphql) ships no types: the part scripts/lib/peer/server.ts uses. */
declare module 'debug' {
  interface Debug {
    enable(namespaces: string): void;
    /** Disables every namespace and returns the ones that were on. */
    disable(): string;
    log: (...args: unknown[]) => void;
  }
  const createDebug: Debug;
  export default createDebug;
}
