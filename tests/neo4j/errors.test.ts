/**
 * How the Neo4j adapter names a failure (src/store/neo4j/adapter.ts): every status code class
 * of Neo4j and the driver's own failures land on one of our kinds, and none of the passing ones
 * (unreachable, busy, out of time or memory) is left for INTERNAL_SERVER_ERROR. The errors are
 * the driver's own class, built the way the driver builds them from a server's FAILURE.
 */
import { Neo4jError } from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import { classifyNeo4jError } from '../../src/store/neo4j/adapter.js';

const failure = (code: string, message = 'x') => new Neo4jError(message, code, 'N/A', 'N/A');

describe('Neo4j failures', () => {
  it.each([
    ['ServiceUnavailable', 'unreachable'],
    ['SessionExpired', 'unreachable'],
    ['Neo.ClientError.Security.Unauthorized', 'unreachable'],
    ['Neo.ClientError.Database.DatabaseNotFound', 'unreachable'],
    ['Neo.TransientError.General.DatabaseUnavailable', 'unreachable'],
    ['Neo.ClientError.Transaction.TransactionTimedOut', 'timeout'],
    ['Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration', 'timeout'],
    ['Neo.TransientError.Transaction.Terminated', 'timeout'],
    ['Neo.TransientError.General.MemoryPoolOutOfMemoryError', 'memory'],
    ['Neo.TransientError.General.TransactionMemoryLimit', 'memory'],
    ['Neo.TransientError.General.OutOfMemoryError', 'memory'],
    ['Neo.TransientError.Transaction.DeadlockDetected', 'busy'],
    ['Neo.TransientError.Transaction.LockClientStopped', 'busy'],
    ['Neo.ClientError.Statement.SyntaxError', 'refused'],
    ['Neo.ClientError.Statement.ParameterMissing', 'refused'],
    ['Neo.ClientError.Security.Forbidden', 'refused'],
    ['Neo.DatabaseError.General.UnknownError', 'fault'],
    ['ProtocolError', 'fault'],
  ])('%s is %s', (code, kind) => {
    expect(classifyNeo4jError(failure(code))).toBe(kind);
  });

  it('a pool with no free connection is busy', () => {
    expect(classifyNeo4jError(failure('N/A', 'Connection acquisition timed out in 10000 ms. Pool status: Active conn count = 100, Idle conn count = 0.'))).toBe('busy');
  });
});
