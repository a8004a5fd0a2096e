// `kiosk sim idcard serve --device PATH --fixture NAME [--no-card] [--baud N]`: a simulated resident
// ID-card module (GA 467 SAM protocol) on a serial device, one end of a socat pty pair, until
// killed. Lines on stdin are the agent's hand: remove | place | place NAME | status.
// `kiosk sim idcard list [--json]`: the fixtures, with each card's decoded text in the JSON.
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { maskIdNumber } from '../../basics/redact.ts';
import { formatTable } from '../../basics/text-table.ts';
import { decodeText, longTerm } from '../../drivers/idcard/basic-info.ts';
import { encodeText } from '../idcard/card-text.ts';
import { idCardFixtureNames, idCardFixtures, isIdCardFixtureName } from '../idcard/id-card-fixtures.ts';
import { SerialAttachment } from '../serial/serial-attachment.ts';
import { VirtualSamModule } from '../idcard/virtual-sam-module.ts';
import { simIdCardUsage } from './usage.ts';

const say = (line: string): void => {
  process.stderr.write(`kiosk sim idcard: ${line}\n`);
};

function usageError(message: string): number {
  process.stderr.write(`kiosk: ${message}\n\n${simIdCardUsage}`);
  return 2;
}

function list(args: string[]): number {
  const { values } = parseArgs({ args, options: { json: { type: 'boolean' } }, strict: true, allowPositionals: false });
  if (values.json === true) {
    // Each card's fields as the driver's decoder reads them back from the bytes the module sends.
    const out = idCardFixtures.map((f) => {
      const decoded = decodeText(encodeText(f.text));
      if (!decoded.ok) throw new Error(`fixture ${f.name} does not decode: ${decoded.error}`);
      const t = decoded.value;
      return {
        fixture: f.name,
        description: f.description,
        fault: f.fault,
        name: t.name,
        sex: t.sex.label,
        nation: t.nation.label,
        birthDate: t.birthDate,
        address: t.address,
        idNumber: t.idNumber,
        issuingAuthority: t.issuingAuthority,
        validFrom: t.validFrom,
        validUntil: t.validUntil.kind === 'longTerm' ? longTerm : t.validUntil.date,
      };
    });
    process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
    return 0;
  }
  const rows = idCardFixtures.map((f) => [
    f.name,
    f.text.name,
    maskIdNumber(f.text.idNumber),
    `${f.text.validFrom} – ${f.text.validUntil.kind === 'longTerm' ? '长期' : f.text.validUntil.date}`,
    f.fault,
    f.description,
  ]);
  process.stdout.write(formatTable(['NAME', 'HOLDER', 'ID NUMBER', 'VALID', 'FAULT', 'DESCRIPTION'], rows));
  process.stdout.write('\nServe one on a serial device with: kiosk sim idcard serve --device PATH --fixture NAME\n');
  return 0;
}

function control(module: VirtualSamModule, line: string): string {
  const [verb, name, ...extra] = line.trim().split(/\s+/);
  if (extra.length > 0) return `unknown command "${line.trim()}"`;
  switch (verb) {
    case 'remove':
      if (name !== undefined) return `unknown command "${line.trim()}"`;
      module.remove();
      break;
    case 'place':
      if (name !== undefined && !isIdCardFixtureName(name)) return `unknown fixture "${name}"; fixtures: ${idCardFixtureNames.join(', ')}`;
      module.place(name);
      break;
    case 'status':
    case '':
    case undefined:
      break;
    default:
      return `unknown command "${line.trim()}"`;
  }
  return module.cardPlaced() ? `card ${module.fixture} on the reader` : 'no card on the reader';
}

async function serve(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { device: { type: 'string' }, fixture: { type: 'string' }, 'no-card': { type: 'boolean' }, baud: { type: 'string' } },
    strict: true,
    allowPositionals: false,
  });
  if (values.device === undefined || values.fixture === undefined) return usageError('sim idcard serve: --device PATH and --fixture NAME are required');
  const fixture = values.fixture;
  if (!isIdCardFixtureName(fixture)) return usageError(`sim idcard serve: unknown fixture "${fixture}"; fixtures: ${idCardFixtureNames.join(', ')}`);
  const baud = Number(values.baud ?? 115200);
  if (!Number.isInteger(baud) || baud <= 0) return usageError(`--baud: not a positive integer: ${values.baud ?? ''}`);
  const device = values.device;
  const module = new VirtualSamModule({ fixture, cardPlaced: values['no-card'] !== true, baud });
  let last = '';
  const attachment = new SerialAttachment(module, device, {
    onState: (state) => {
      const line =
        state.state === 'attached'
          ? `on ${device} at ${baud} baud; ${module.cardPlaced() ? `card ${fixture} on the reader` : 'no card on the reader'}. Stop with Ctrl-C.`
          : `waiting for ${device}: ${state.reason}`;
      if (line !== last) say(line);
      last = line;
    },
  });
  const input = createInterface({ input: process.stdin });
  input.on('line', (line) => say(control(module, line)));

  return new Promise<number>((resolve) => {
    const onSignal = (signal: NodeJS.Signals): void => {
      input.close();
      void attachment.close().then(() => {
        say(`stopped on ${signal}`);
        resolve(0);
      });
    };
    process.once('SIGTERM', onSignal);
    process.once('SIGINT', onSignal);
  });
}

export async function simIdCardCommand(args: string[]): Promise<number> {
  const [verb, ...rest] = args;
  switch (verb) {
    case 'list':
      return list(rest);
    case 'serve':
      return serve(rest);
    case undefined:
    default:
      return usageError(`sim idcard${verb === undefined ? '' : ` ${verb}`}: expected "list" or "serve"`);
  }
}
