/**
 * A document or review file the user has to fix: one line naming the file (and line), shown by
 * the CLI as is. Nothing is written when one is thrown.
 */
export class IngestError extends Error {
  constructor(readonly file: string, message: string, readonly line?: number) {
    super(`${file}${line ? `:${line}` : ''}: ${message}`);
    this.name = 'IngestError';
  }
}
