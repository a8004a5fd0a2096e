// `kiosk diag print-test | card | scan | idcard`: the technician's checks from a shell, run by the daemon
// itself over its WebSocket (the same commands the technician page uses), printed as JSON.
// Exit 0 when the check passed, 1 when it did not or the daemon does not answer.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import WebSocket from 'ws';
import { toolTokenFileName, toolTokenHeader } from '../../contract/protocol/roles.ts';

interface Completion {
  header: { name: string; type: string; requestId?: number; completionCode?: string; errorDescription?: string };
  payload: unknown;
}

export interface DiagCheck {
  /** As typed after `kiosk diag`, for messages. */
  what: string;
  command: string;
  payload: Record<string, unknown>;
  /** Whether a successful completion also means the check passed. */
  passed: (payload: Record<string, unknown>) => boolean;
}

export const diagChecks: Record<'print-test' | 'card' | 'scan' | 'idcard', DiagCheck> = {
  'print-test': { what: 'print-test', command: 'Printer.PrintTestPage', payload: {}, passed: () => true },
  // ATR and SELECT of the E-Port application in the card in the reader.
  card: { what: 'card', command: 'Technician.TestCard', payload: {}, passed: (payload) => payload.select === '9000' },
  // The SAM module's id and one read of the resident ID card on the reader (holder masked).
  idcard: { what: 'idcard', command: 'Technician.TestIdCardReader', payload: {}, passed: (payload) => typeof payload.samId === 'string' },
  // One page from the feeder, with its image checks.
  scan: { what: 'scan', command: 'Scanner.Scan', payload: { source: 'adf' }, passed: (payload) => Array.isArray(payload.pages) && payload.pages.length > 0 },
};

/** The daemon's per-boot tool token, or why it cannot be read (not the daemon's user, daemon not running). */
export function readToolToken(stateDir: string): { token: string } | { problem: string } {
  const path = join(stateDir, toolTokenFileName);
  try {
    return { token: readFileSync(path, 'utf8').trim() };
  } catch (e) {
    return { problem: `cannot read the daemon's tool token ${path} (${(e as NodeJS.ErrnoException).code ?? 'error'}): run kiosk diag as the daemon's user, with its state directory, while it runs` };
  }
}

export async function runDiagCheck(host: string, port: number, check: DiagCheck, stateDir: string, timeoutMs = 120_000): Promise<number> {
  const url = `ws://${host.includes(':') ? `[${host}]` : host}:${port}/ws`;
  const token = readToolToken(stateDir);
  if ('problem' in token) {
    process.stderr.write(`kiosk diag ${check.what}: ${token.problem}\n`);
    return 1;
  }
  // No Origin header and the tool token: a local tool of the daemon's user, which may run the
  // technician's checks (docs/security.md, the roles).
  const ws = new WebSocket(url, { headers: { [toolTokenHeader]: token.token } });
  try {
    const completion = await new Promise<Completion>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
      ws.once('error', (e) => {
        clearTimeout(timer);
        reject(e);
      });
      ws.once('open', () => {
        ws.send(JSON.stringify({ header: { name: check.command, requestId: 1, type: 'command', timeout: timeoutMs }, payload: check.payload }));
      });
      ws.on('message', (data: Buffer) => {
        const message = JSON.parse(data.toString('utf8')) as Completion;
        if (message.header.type === 'completion' && message.header.requestId === 1) {
          clearTimeout(timer);
          resolve(message);
        }
      });
    });
    const payload = (completion.payload ?? {}) as Record<string, unknown>;
    const success = completion.header.completionCode === 'success';
    process.stdout.write(`${JSON.stringify({ check: check.what, completionCode: completion.header.completionCode, errorDescription: completion.header.errorDescription, ...payload }, null, 2)}\n`);
    return success && check.passed(payload) ? 0 : 1;
  } catch (e) {
    process.stderr.write(`kiosk diag ${check.what}: the daemon does not answer at ${url}: ${(e as Error).message}\n`);
    return 1;
  } finally {
    ws.close();
  }
}
