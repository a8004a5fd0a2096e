// The `kiosk` command line: the contract operators, technicians and CI scripts call.
import { flushCompileCache } from 'node:module';
import { parseArgs } from 'node:util';
import { join } from 'node:path';
import { describeConfigError, loadConfig, type ConfigFlags } from '../config/config.ts';
import { intakeUsage, simStacksUsage, technicianUsage } from './usage.ts';
import { simUsage } from '../../sim/cli/usage.ts';
import { err, ok } from '../../basics/result.ts';

const repoRoot = join(import.meta.dirname, '..', '..');

const usage = `usage: kiosk <command> [options]

  run [--sim] [--sim-stacks inProcess|system] [--port N] [--host H] [--state-dir DIR] [--config FILE]
        run the kiosk daemon (--sim: every device simulated). KIOSK_PORT sets the port too.
${simStacksUsage}  diag status [--port N] [--config FILE]
        ask the running daemon for its health and print it as JSON.
  diag print-test | card | scan | idcard [--port N] [--config FILE]
        the technician's checks, run by the running daemon: a test page (kiosk id, time, QR code),
        the card reader (ATR, SELECT of the E-Port application), one scanned page with its checks.
${simUsage}${intakeUsage}${technicianUsage}  help  this text
`;

/** A usage or input error: printed plainly, exit code 2, no stack trace. */
class UsageError extends Error {}

function configFlags(values: Record<string, string | boolean | undefined>): ConfigFlags {
  const flags: ConfigFlags = {};
  if (typeof values.config === 'string') flags.configFile = values.config;
  if (typeof values.port === 'string') {
    const port = Number(values.port);
    if (values.port.trim() === '' || !Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port: not a port number: ${values.port}`);
    flags.port = port;
  }
  if (typeof values.host === 'string') flags.host = values.host;
  if (typeof values['state-dir'] === 'string') flags.stateDir = values['state-dir'];
  if (values.sim === true) flags.sim = true;
  const stacks = values['sim-stacks'];
  if (typeof stacks === 'string') {
    if (stacks !== 'inProcess' && stacks !== 'system') throw new UsageError(`--sim-stacks: expected inProcess or system, got ${stacks}`);
    flags.simStacks = stacks;
  }
  return flags;
}

const configOptions = {
  config: { type: 'string' },
  port: { type: 'string' },
  host: { type: 'string' },
  'state-dir': { type: 'string' },
  sim: { type: 'boolean' },
  'sim-stacks': { type: 'string' },
} as const;

async function run(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: configOptions, strict: true, allowPositionals: false });
  const loaded = loadConfig(repoRoot, { ...configFlags(values), requireChosenAuthority: true });
  if (!loaded.ok) throw new UsageError(describeConfigError(loaded.error));
  const config = loaded.value;
  const [{ createLogger }, { LogTail }, { startKiosk }, { createSystemdNotifier }] = await Promise.all([
    import('../log/logger.ts'),
    import('../log/log-tail.ts'),
    import('../daemon.ts'),
    import('../systemd/notify.ts'),
  ]);
  // Every line goes to stdout (journald) and to the technician page's tail.
  const logTail = new LogTail(1000);
  const logger = createLogger({
    level: config.log.level,
    context: { kiosk: config.kioskId },
    write: (line) => {
      process.stdout.write(line);
      logTail.push(line);
    },
  });
  const notifier = createSystemdNotifier(process.env, { onError: (e) => logger.event('systemd.notifyFailed', { error: e.message }) });
  logger.event('daemon.starting', { pid: process.pid, node: process.version, port: config.http.port, stateDir: config.stateDir, devices: config.devices });

  let kiosk;
  try {
    kiosk = await startKiosk(config, logger, { logTail });
  } catch (e) {
    logger.event('daemon.startFailed', { error: (e as Error).message });
    process.stderr.write(`kiosk: could not start: ${(e as Error).message}\n`);
    return 1;
  }
  const startupMs = Math.round(performance.now());
  const technicianUrl = new URL('technician/', kiosk.url).href;
  logger.event('daemon.ready', { url: kiosk.url, technicianUrl, startupMs, state: kiosk.status().state });
  notifier.ready(`serving ${kiosk.url} (${kiosk.status().state})`);
  // Written now, not only at a clean exit: the next start (even after a SIGKILL) finds every module
  // of this one compiled and type-stripped (bin/kiosk.mjs).
  flushCompileCache();
  // A daemon whose store no longer answers misses its pings, and systemd restarts it.
  const stopWatchdog = notifier.startWatchdog(() => kiosk.store.healthy());
  const simulated = Object.values(config.devices).every((source) => source === 'sim');
  process.stderr.write(
    `\nE-Port Kiosk ${simulated ? '(simulator mode) ' : ''}ready in ${startupMs} ms\n` +
      `  Kiosk UI:        ${kiosk.url}\n  Technician page: ${technicianUrl}\n  Stop with Ctrl-C.\n\n`,
  );

  return new Promise<number>((resolve) => {
    const shutdown = (signal: string) => {
      logger.event('daemon.stopping', { signal });
      notifier.stopping(`stopping on ${signal}`);
      stopWatchdog();
      kiosk.close(`daemon stopping (${signal})`).then(
        () => {
          logger.event('daemon.stopped', { signal });
          notifier.close();
          resolve(0);
        },
        (e: unknown) => {
          logger.event('daemon.uncaught', { error: String(e) });
          resolve(1);
        },
      );
    };
    process.once('SIGTERM', () => shutdown('SIGTERM'));
    process.once('SIGINT', () => shutdown('SIGINT'));
    process.on('uncaughtException', (e) => {
      // A bug: log it, let systemd restart a clean process.
      logger.event('daemon.uncaught', { error: e.stack ?? String(e) });
      process.exit(1);
    });
  });
}

async function diag(args: string[]): Promise<number> {
  const [what, ...rest] = args;
  if (what === 'print-test' || what === 'card' || what === 'scan' || what === 'idcard') {
    const { values } = parseArgs({ args: rest, options: configOptions, strict: true, allowPositionals: false });
    const loaded = loadConfig(repoRoot, configFlags(values));
    if (!loaded.ok) throw new UsageError(describeConfigError(loaded.error));
    const { diagChecks, runDiagCheck } = await import('./diag-command.ts');
    return runDiagCheck(loaded.value.http.host, loaded.value.http.port, diagChecks[what], loaded.value.stateDir);
  }
  if (what !== 'status') throw new UsageError(`kiosk diag ${what ?? ''}: expected status, card, idcard, print-test or scan\n\n${usage}`);
  const { values } = parseArgs({ args: rest, options: configOptions, strict: true, allowPositionals: false });
  const loaded = loadConfig(repoRoot, configFlags(values));
  if (!loaded.ok) throw new UsageError(describeConfigError(loaded.error));
  const { host, port } = loaded.value.http;
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}/api/health`;
  let response: Response;
  try {
    response = await fetch(url, { signal: AbortSignal.timeout(5000) });
  } catch (e) {
    process.stderr.write(`kiosk diag status: the daemon does not answer at ${url}: ${(e as Error).message}\n`);
    return 1;
  }
  process.stdout.write(`${JSON.stringify(await response.json(), null, 2)}\n`);
  return response.ok ? 0 : 1;
}

async function main(argv: string[]): Promise<number> {
  const [command, ...args] = argv;
  switch (command) {
    case 'run':
      return run(args);
    case 'diag':
      return diag(args);
    // Each command loads only its own modules: `kiosk intake check` must not load the daemon.
    case 'sim':
      return (await import('../../sim/cli/sim-command.ts')).simCommand(args, {
        stateDir: (flags) => {
          const loaded = loadConfig(repoRoot, flags);
          return loaded.ok ? ok(loaded.value.stateDir) : err(describeConfigError(loaded.error));
        },
      });
    case 'intake':
      return (await import('./intake-command.ts')).intakeCommand(args);
    case 'technician':
      return (await import('./technician-command.ts')).technicianCommand(args);
    case 'help':
    case '--help':
    case '-h':
      process.stdout.write(usage);
      return 0;
    case undefined:
      throw new UsageError(`no command given\n\n${usage}`);
    default:
      throw new UsageError(`unknown command: ${command}\n\n${usage}`);
  }
}

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (e) {
  if (e instanceof UsageError || (e as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
    process.stderr.write(`kiosk: ${(e as Error).message}\n`);
    process.exitCode = 2;
  } else {
    throw e;
  }
}
