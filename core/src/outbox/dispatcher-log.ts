/** A structured log line from the dispatcher: level, message and fields. */
export type DispatcherLog = (level: 'info' | 'warn' | 'error', message: string, fields?: Record<string, unknown>) => void;

/** The default: one JSON line per entry on stderr, so stdout stays free for a CLI's output. */
export const jsonLinesToStderr: DispatcherLog = (level, message, fields = {}) => {
  process.stderr.write(`${JSON.stringify({ time: new Date().toISOString(), level, component: 'dispatcher', message, ...fields })}\n`);
};
