// `kiosk sim authority serve`: the simulated back office over the authority's HTTP API
// (docs/authority.md), for a lab kiosk or a third party's client. It opens the same state
// directory as the daemon and `kiosk sim card serve` by default — the CA, the issuer master key and
// the registry live there, so a card served from another directory would not chain to this CA nor
// accept its unlock cryptograms.
import { parseArgs } from 'node:util';
import { startAuthorityServer } from '../authority/http-authority-server.ts';
import { openSimAuthority } from '../authority/sim-authority.ts';
import type { SimCommandEnvironment } from './sim-environment.ts';
import { simAuthorityUsage } from './usage.ts';

function usageError(message: string): number {
  process.stderr.write(`kiosk: ${message}\n\n${simAuthorityUsage}`);
  return 2;
}

const say = (line: string): void => {
  process.stderr.write(`kiosk sim authority: ${line}\n`);
};

async function serve(args: string[], environment: SimCommandEnvironment): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args,
      options: { 'state-dir': { type: 'string' }, config: { type: 'string' }, host: { type: 'string', default: '127.0.0.1' }, port: { type: 'string', default: '8090' } },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    return usageError(`sim authority serve: ${(error as Error).message}`);
  }
  const port = Number(values.port);
  if (!/^\d{1,5}$/.test(values.port) || port > 65535) return usageError(`sim authority serve: --port: expected 0–65535, got ${JSON.stringify(values.port)}`);
  const loaded = environment.stateDir({ ...(values['state-dir'] !== undefined && { stateDir: values['state-dir'] }), ...(values.config !== undefined && { configFile: values.config }) });
  if (!loaded.ok) return usageError(loaded.error);

  let authority;
  try {
    authority = await openSimAuthority({ stateDir: loaded.value });
  } catch (error) {
    say(`cannot open the simulated authority under ${loaded.value}: ${(error as Error).message}`);
    return 1;
  }
  let server;
  try {
    // The token comes from the environment, never a flag: ps shows flags to every user.
    server = await startAuthorityServer({ authority, host: values.host, port, token: process.env.AUTHORITY_TOKEN ?? null });
  } catch (error) {
    authority.close();
    say(`cannot listen on ${values.host}:${port}: ${(error as Error).message}`);
    return 1;
  }
  // One JSON line on stdout for scripts; the words for people on stderr.
  process.stdout.write(`${JSON.stringify({ authority: server.url, stateDir: authority.paths.dir })}\n`);
  say(`listening on ${server.url} (state ${authority.paths.dir}${process.env.AUTHORITY_TOKEN === undefined ? '' : ', bearer token asked'}). Stop with Ctrl-C.`);
  const running = server;
  return new Promise<number>((resolve) => {
    const onSignal = (signal: NodeJS.Signals): void => {
      process.off('SIGTERM', onSignal);
      process.off('SIGINT', onSignal);
      void running.close().finally(() => {
        authority.close();
        say(`stopped on ${signal}`);
        resolve(0);
      });
    };
    process.on('SIGTERM', onSignal);
    process.on('SIGINT', onSignal);
  });
}

/** `kiosk sim authority …`. */
export async function simAuthorityCommand(args: string[], environment: SimCommandEnvironment): Promise<number> {
  const [verb, ...rest] = args;
  if (verb === 'serve') return serve(rest, environment);
  return usageError(verb === undefined ? 'sim authority: expected "serve"' : `sim authority ${verb}: expected "serve"`);
}
