// `kiosk intake check FILE [--registry]`: the intake check from a shell (DESIGN.md "Command
// line"). The verdict goes to stdout as JSON; exit 0 acceptable, 1 findings with errors, 2 the
// input cannot be read as an intake package (stderr says why; no stack trace).
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { openAuthority } from '../devices/authority.ts';
import { describeConfigError, loadConfig, type KioskConfig } from '../config/config.ts';
import { checkIntakeInput, type RegistryLookup } from '../intake/check.ts';
import { limits, parseIsoDate } from '../../contract/intake/package-schema.ts';
import { describeReadProblem, readPackageBytes } from '../intake/read-package.ts';
import { err } from '../../basics/result.ts';
import { intakeUsage } from './usage.ts';

const repoRoot = join(import.meta.dirname, '..', '..');


function unreadable(message: string): number {
  process.stderr.write(`kiosk intake check: ${message}\n`);
  return 2;
}

function readInput(file: string): { bytes: Uint8Array } | { problem: string } {
  try {
    if (file === '-') return { bytes: readFileSync(0) };
    const stat = statSync(file);
    if (stat.isDirectory()) return { problem: `${file} is a directory, not an intake package file` };
    // Refuse before reading: a huge file is not worth the memory.
    if (stat.size > limits.fileBytes) return { problem: `${file} has ${stat.size} bytes; an intake package is at most ${limits.fileBytes} bytes` };
    return { bytes: readFileSync(file) };
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : (e as Error).message;
    return { problem: `cannot read ${file}: ${why}` };
  }
}

async function openRegistry(config: KioskConfig): Promise<{ lookup: RegistryLookup; close: () => void }> {
  try {
    const { authority, simAuthority } = await openAuthority(config);
    return { lookup: (cardNo) => authority.lookupCard(cardNo), close: () => simAuthority?.close() };
  } catch (e) {
    // The check still runs; the verdict says the registry could not be asked (R-REG-UNAVAILABLE).
    const detail = `cannot open the simulated authority under ${config.stateDir}: ${(e as Error).message}`;
    return { lookup: async () => err({ kind: 'unreachable', detail }), close: () => undefined };
  }
}

async function check(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: { registry: { type: 'boolean' }, date: { type: 'string' }, 'state-dir': { type: 'string' }, config: { type: 'string' } },
    strict: true,
    allowPositionals: true,
  });
  const [file, ...extra] = positionals;
  if (file === undefined) return unreadable(`no FILE given\n\nusage:\n${intakeUsage}`);
  if (extra.length > 0) return unreadable(`one FILE at a time; also given: ${extra.join(' ')}`);
  if (values.date !== undefined && parseIsoDate(values.date) === null) return unreadable(`--date: expected a real date as YYYY-MM-DD, got ${JSON.stringify(values.date)}`);

  const input = readInput(file);
  if ('problem' in input) return unreadable(input.problem);
  const read = readPackageBytes(input.bytes);
  if (!read.ok) return unreadable(`${file}: ${describeReadProblem(read.error)}`);

  let registry: { lookup: RegistryLookup; close: () => void } | undefined;
  if (values.registry === true) {
    const loaded = loadConfig(repoRoot, { ...(values['state-dir'] !== undefined && { stateDir: values['state-dir'] }), ...(values.config !== undefined && { configFile: values.config }) });
    if (!loaded.ok) return unreadable(describeConfigError(loaded.error));
    registry = await openRegistry(loaded.value);
  }
  try {
    const checked = await checkIntakeInput(read.value, { ...(registry !== undefined && { registry: registry.lookup }), ...(values.date !== undefined && { date: values.date }) });
    if (!checked.ok) {
      const problem = checked.error;
      switch (problem.kind) {
        case 'schema':
          return unreadable(`${file} is not an intake package (format v1):\n${problem.problems.map((p) => `  ${p.path}: ${p.message}`).join('\n')}`);
        case 'badDate':
          return unreadable(`${file}: the check date ${JSON.stringify(problem.value)} is not a real date`);
      }
    }
    process.stdout.write(`${JSON.stringify(checked.value, null, 2)}\n`);
    return checked.value.acceptable ? 0 : 1;
  } finally {
    registry?.close();
  }
}

/** `kiosk intake …`. */
export async function intakeCommand(args: string[]): Promise<number> {
  const [verb, ...rest] = args;
  switch (verb) {
    case 'check':
      return check(rest);
    case 'read':
      // Its own module: onnxruntime and the models load only for `read`.
      return (await import('./intake-read-command.ts')).intakeRead(rest);
    case undefined:
      process.stderr.write(`kiosk intake: expected "check" or "read"\n\nusage:\n${intakeUsage}`);
      return 2;
    default:
      process.stderr.write(`kiosk intake ${verb}: unknown; expected "check" or "read"\n\nusage:\n${intakeUsage}`);
      return 2;
  }
}
