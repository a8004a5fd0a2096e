// `kiosk diag print-test`: asks the running daemon for a test page over its WebSocket
// (Printer.PrintTestPage) and prints the completion as JSON: exit 0 printed, 1 not.
import WebSocket from 'ws';

interface Completion {
  header: { name: string; type: string; requestId?: number; completionCode?: string; errorDescription?: string };
  payload: unknown;
}

export async function diagPrintTest(host: string, port: number, timeoutMs = 60_000): Promise<number> {
  const url = `ws://${host.includes(':') ? `[${host}]` : host}:${port}/ws`;
  const ws = new WebSocket(url);
  try {
    const completion = await new Promise<Completion>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
      ws.once('error', (e) => {
        clearTimeout(timer);
        reject(e);
      });
      ws.once('open', () => {
        ws.send(JSON.stringify({ header: { name: 'Printer.PrintTestPage', requestId: 1, type: 'command', timeout: timeoutMs }, payload: {} }));
      });
      ws.on('message', (data: Buffer) => {
        const message = JSON.parse(data.toString('utf8')) as Completion;
        if (message.header.type === 'completion' && message.header.requestId === 1) {
          clearTimeout(timer);
          resolve(message);
        }
      });
    });
    process.stdout.write(`${JSON.stringify({ completionCode: completion.header.completionCode, errorDescription: completion.header.errorDescription, ...(completion.payload as object) }, null, 2)}\n`);
    return completion.header.completionCode === 'success' ? 0 : 1;
  } catch (e) {
    process.stderr.write(`kiosk diag print-test: the daemon does not answer at ${url}: ${(e as Error).message}\n`);
    return 1;
  } finally {
    ws.close();
  }
}
