// Structured JSON-lines logging: one line per event, with the event's stable id from the catalogue.
import { logEvents, type LogEventName, type LogLevel } from './catalogue.ts';
import { redactSecrets } from './redact-secrets.ts';

const levelRank: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

export interface Logger {
  event(name: LogEventName, fields?: Record<string, unknown>): void;
  child(context: Record<string, unknown>): Logger;
}

export function createLogger(options: { level: LogLevel; write?: (line: string) => void; context?: Record<string, unknown> }): Logger {
  const write = options.write ?? ((line: string) => process.stdout.write(line));
  const minimum = levelRank[options.level];
  const make = (context: Record<string, unknown>): Logger => ({
    event(name, fields = {}) {
      const definition = logEvents[name];
      if (levelRank[definition.level] < minimum) return;
      const line = {
        time: new Date().toISOString(),
        level: definition.level,
        event: definition.id,
        name,
        msg: definition.message,
        ...(redactSecrets({ ...context, ...fields }) as Record<string, unknown>),
      };
      write(`${JSON.stringify(line)}\n`);
    },
    child(extra) {
      return make({ ...context, ...extra });
    },
  });
  return make(options.context ?? {});
}

/** For tests and tools that want no output. */
export const silentLogger: Logger = { event: () => undefined, child: () => silentLogger };
