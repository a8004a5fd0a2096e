// `kiosk technician hash-pin`: makes the technician PIN's hash for the configuration
// (`technician.pinHash`). The PIN is read from standard input, never from the command line
// (where `ps` and the shell history would keep it), and never printed.
import { createInterface } from 'node:readline';
import { checkPinPolicy } from '../cards/pin-policy.ts';
import { pinRefusalText } from '../../contract/pin-refusal.ts';
import { hashTechnicianPin } from '../kiosk/technician-pin.ts';
import { technicianUsage } from './usage.ts';


async function readLines(count: number): Promise<string[]> {
  const input = process.stdin;
  const terminal = input.isTTY;
  const lines: string[] = [];
  const reader = createInterface({ input, output: terminal ? process.stderr : undefined, terminal });
  if (terminal) {
    // Echo nothing: the PIN must not appear on the screen either.
    (reader as unknown as { _writeToOutput: (text: string) => void })._writeToOutput = () => undefined;
    process.stderr.write('technician PIN: ');
  }
  for await (const line of reader) {
    lines.push(line.trim());
    if (lines.length === count) break;
    if (terminal) process.stderr.write('\nagain: ');
  }
  if (terminal) process.stderr.write('\n');
  reader.close();
  return lines;
}

export async function technicianCommand(args: string[]): Promise<number> {
  if (args[0] !== 'hash-pin' || args.length !== 1) {
    process.stderr.write(`kiosk technician: unknown command\n\nusage:\n${technicianUsage}`);
    return 2;
  }
  const terminal = process.stdin.isTTY;
  const [pin, again] = await readLines(terminal ? 2 : 1);
  if (pin === undefined) {
    process.stderr.write('kiosk technician hash-pin: no PIN on standard input\n');
    return 2;
  }
  const refusal = checkPinPolicy({ pin, ...(again !== undefined && { confirmation: again }) });
  if (refusal !== null) {
    process.stderr.write(`kiosk technician hash-pin: ${pinRefusalText[refusal].en}\n`);
    return 2;
  }
  process.stdout.write(`${hashTechnicianPin(pin)}\n`);
  return 0;
}
