/**
 * Structured logs through pino, the logger fastify itself uses, so the server has one logger:
 * one JSON object per line, `{"level":"info","time":"…",…fields,"msg":"…"}`, on stdout, and
 * errors on stderr (a supervisor or a test can watch the errors alone). LOG_LEVEL: silent,
 * error, warn, info (default) or debug.
 */
import { pino, type DestinationStream, type Logger as PinoLogger } from 'pino';

export const LOG_LEVELS = ['silent', 'error', 'warn', 'info', 'debug'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];
export type Logger = PinoLogger;

export function logLevelFrom(value: string | undefined): LogLevel {
  const v = value?.trim().toLowerCase();
  if (!v) return 'info';
  if ((LOG_LEVELS as readonly string[]).includes(v)) return v as LogLevel;
  throw new Error(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, not "${value}"`);
}

/**
 * A logger at `level`. By default lines go to stdout and errors to stderr; `destination`
 * (a stream, or a function taking each line) replaces both, for tests and measuring scripts.
 */
export function createLogger(level: LogLevel, destination?: DestinationStream | ((line: string) => void)): Logger {
  const options = {
    level,
    // No pid and hostname on every line: a container's log already says where it came from.
    base: undefined,
    timestamp: pino.stdTimeFunctions.isoTime,
    // Level names, not numbers: a person reading the log, and the log collector, both read words.
    formatters: { level: (label: string) => ({ level: label }) },
  };
  if (typeof destination === 'function') return pino(options, { write: destination });
  if (destination) return pino(options, destination);
  return pino(options, pino.multistream([
    { level: 'debug', stream: process.stdout },
    { level: 'error', stream: process.stderr },
  ], { dedupe: true }));
}
