// `kiosk sim card list | serve`: the virtual E-Port cards outside the daemon. `serve` personalises
// (or reuses) one fixture card under the kiosk state directory and holds it in pcscd's vpcd reader
// until SIGTERM/SIGINT, so real PC/SC clients (the daemon's driver, opensc-tool) can use it.
import { parseArgs } from 'node:util';
import { openSimAuthority } from '../authority/sim-authority.ts';
import type { Result } from '../../basics/result.ts';
import { err, ok } from '../../basics/result.ts';
import { isFixtureName, listFixtures, openFixtureCard } from '../card/card-wallet.ts';
import type { VpcdStatus } from '../card/vpcd-transport.ts';
import { VPCD_DEFAULT_HOST, VPCD_DEFAULT_PORT, VpcdTransport } from '../card/vpcd-transport.ts';
import { fixtureNames } from '../registry/sim-registry.ts';
import { formatTable } from '../../basics/text-table.ts';
import { simAuthorityCommand } from './sim-authority-command.ts';
import type { SimCommandEnvironment } from './sim-environment.ts';
import { simIdCardCommand } from './sim-idcard-command.ts';
import { simPrinterCommand } from './sim-printer-command.ts';
import { simUsage } from './usage.ts';


/** Printed like main.ts's UsageError: one message, exit code 2. */
function usageError(message: string): number {
  process.stderr.write(`kiosk: ${message}\n`);
  return 2;
}

const say = (line: string): void => {
  process.stderr.write(`kiosk sim card: ${line}\n`);
};

export interface HostPort {
  host: string;
  port: number;
}

/** `HOST:PORT`, `[IPv6]:PORT` or `:PORT` (default host). */
export function parseHostPort(text: string): Result<HostPort, string> {
  const match = /^(?:\[([^\]]+)\]|([^:[\]]*)):(\d{1,5})$/.exec(text);
  const port = Number(match?.[3]);
  if (match === null || port < 1 || port > 65535) return err(`--vpcd: expected HOST:PORT, got ${JSON.stringify(text)}`);
  const host = match[1] ?? match[2] ?? '';
  return ok({ host: host === '' ? VPCD_DEFAULT_HOST : host, port });
}

function list(args: string[]): number {
  const { values } = parseArgs({ args, options: { json: { type: 'boolean' } }, strict: true, allowPositionals: false });
  const fixtures = listFixtures();
  if (values.json === true) {
    process.stdout.write(`${JSON.stringify(fixtures, null, 2)}\n`);
    return 0;
  }
  const rows = fixtures.map((f) => [f.name, f.cardNo, f.cardType, f.holderName, f.holderIdNumberMasked, f.lifecycle, f.pin, f.description]);
  process.stdout.write(formatTable(['NAME', 'CARD NO', 'TYPE', 'HOLDER', 'HOLDER ID', 'LIFECYCLE', 'PIN', 'DESCRIPTION'], rows));
  process.stdout.write('\nInsert one into the vpcd reader with: kiosk sim card serve --fixture NAME\n');
  return 0;
}

/** vsmartcard's default slots: pcscd names the reader behind each port like this. */
function readerHint(port: number): string {
  const slot = port - VPCD_DEFAULT_PORT;
  return slot === 0 || slot === 1 ? `, reader "Virtual PCD 00 0${slot}"` : '';
}

async function serve(args: string[], environment: SimCommandEnvironment): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { fixture: { type: 'string' }, vpcd: { type: 'string' }, 'state-dir': { type: 'string' }, config: { type: 'string' } },
    strict: true,
    allowPositionals: false,
  });
  const fixture = values.fixture;
  if (fixture === undefined) return usageError(`sim card serve: --fixture NAME is required; fixtures: ${fixtureNames.join(', ')}`);
  if (!isFixtureName(fixture)) return usageError(`sim card serve: unknown fixture "${fixture}"; fixtures: ${fixtureNames.join(', ')}`);
  const address = parseHostPort(values.vpcd ?? `${VPCD_DEFAULT_HOST}:${VPCD_DEFAULT_PORT}`);
  if (!address.ok) return usageError(address.error);
  // The same state directory the daemon would use: flag, config file, KIOSK_STATE_DIR, STATE_DIRECTORY, .state.
  const loaded = environment.stateDir({ ...(values['state-dir'] !== undefined && { stateDir: values['state-dir'] }), ...(values.config !== undefined && { configFile: values.config }) });
  if (!loaded.ok) return usageError(loaded.error);
  const stateDir = loaded.value;

  let authority;
  try {
    authority = await openSimAuthority({ stateDir });
  } catch (e) {
    say(`cannot open the simulated authority under ${stateDir}: ${(e as Error).message}`);
    return 1;
  }
  // The authority is needed only to issue a new card; the card then lives on its own.
  const opened = await openFixtureCard({ stateDir, authority, fixture }).finally(() => authority.close());
  if (!opened.ok) {
    say(opened.error);
    return 1;
  }
  const card = opened.value;
  const where = `${address.value.host}:${address.value.port}`;
  const transport = new VpcdTransport(card, address.value);

  let connected = false;
  let stopping = false;
  transport.on('status', (status: VpcdStatus) => {
    switch (status.state) {
      case 'connecting':
        if (status.attempt === 4) say(`waiting for vpcd at ${where} (is pcscd running, with vsmartcard-vpcd?): ${status.lastError ?? ''}`);
        return;
      case 'connected': {
        if (connected) return; // a quick-ACK change: the warning event says it
        connected = true;
        const quickAck = status.quickAck.state === 'on' ? 'on' : `off (${status.quickAck.reason})`;
        say(`${fixture} card ${card.cardNo} inserted: connected to vpcd at ${where}${readerHint(address.value.port)}; quick ACK ${quickAck}. Stop with Ctrl-C.`);
        return;
      }
      case 'disconnected':
        if (connected) say(stopping ? 'card removed from the reader' : 'vpcd closed the connection (pcscd stopped?); reconnecting');
        connected = false;
        return;
    }
  });
  transport.on('warning', (message) => say(`warning: ${message}`));

  return new Promise<number>((resolve) => {
    // The transport's backoff timers are unref'd: without this the process would end while waiting for pcscd.
    const keepAlive = setInterval(() => undefined, 2 ** 30);
    const finish = (code: number): void => {
      clearInterval(keepAlive);
      process.off('SIGTERM', onSignal);
      process.off('SIGINT', onSignal);
      resolve(code);
    };
    function onSignal(signal: NodeJS.Signals): void {
      if (stopping) return;
      stopping = true;
      void transport.disconnect().then(() => {
        say(`stopped on ${signal}`);
        finish(0);
      });
    }
    process.on('SIGTERM', onSignal);
    process.on('SIGINT', onSignal);
    void transport.connect().then((result) => {
      if (!result.ok && !stopping) {
        say(result.error);
        finish(1);
      }
    });
  });
}

/** `kiosk sim …`: the simulators of the kiosk's devices. */
export async function simCommand(args: string[], environment: SimCommandEnvironment): Promise<number> {
  const [device, verb, ...rest] = args;
  if (device === 'printer') return simPrinterCommand(args.slice(1));
  if (device === 'idcard') return simIdCardCommand(args.slice(1));
  if (device === 'authority') return simAuthorityCommand(args.slice(1), environment);
  if (device !== 'card') return usageError(`${device === undefined ? 'sim: no simulator given' : `sim ${device}: unknown simulator`}\n\n${simUsage}`);
  switch (verb) {
    case 'list':
      return list(rest);
    case 'serve':
      return serve(rest, environment);
    case undefined:
      return usageError(`sim card: expected "list" or "serve"\n\n${simUsage}`);
    default:
      return usageError(`sim card ${verb}: expected "list" or "serve"\n\n${simUsage}`);
  }
}
