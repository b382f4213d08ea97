/**
 * Structured logs: one JSON object per line on stdout (errors on stderr), so that a log
 * collector can read them without parsing prose. LOG_LEVEL: silent, error, warn, info
 * (default) or debug.
 */
export const LOG_LEVELS = ['silent', 'error', 'warn', 'info', 'debug'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export interface Logger {
  readonly level: LogLevel;
  error(msg: string, fields?: Record<string, unknown>): void;
  warn(msg: string, fields?: Record<string, unknown>): void;
  info(msg: string, fields?: Record<string, unknown>): void;
  debug(msg: string, fields?: Record<string, unknown>): void;
}

export function logLevelFrom(value: string | undefined): LogLevel {
  const v = value?.trim().toLowerCase();
  if (!v) return 'info';
  if ((LOG_LEVELS as readonly string[]).includes(v)) return v as LogLevel;
  throw new Error(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, not "${value}"`);
}

export function createLogger(level: LogLevel, write: (line: string, stream: 'stdout' | 'stderr') => void = defaultWrite): Logger {
  const rank = LOG_LEVELS.indexOf(level);
  const emit = (at: Exclude<LogLevel, 'silent'>, msg: string, fields: Record<string, unknown> = {}) => {
    if (LOG_LEVELS.indexOf(at) > rank || level === 'silent') return;
    write(JSON.stringify({ time: new Date().toISOString(), level: at, msg, ...fields }), at === 'error' ? 'stderr' : 'stdout');
  };
  return {
    level,
    error: (msg, fields) => emit('error', msg, fields),
    warn: (msg, fields) => emit('warn', msg, fields),
    info: (msg, fields) => emit('info', msg, fields),
    debug: (msg, fields) => emit('debug', msg, fields),
  };
}

function defaultWrite(line: string, stream: 'stdout' | 'stderr') {
  (stream === 'stderr' ? process.stderr : process.stdout).write(`${line}\n`);
}
