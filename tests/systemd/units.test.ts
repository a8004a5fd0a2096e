// The appliance's systemd/udev/polkit files (systemd/), checked with the real systemd tools
// where the machine has them.
import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { Script } from 'node:vm';
import { afterAll, describe, expect, it } from 'vitest';
import { findOnPath, requireSystemTool } from '../support/system-stack.ts';
import { daemonV8Flags } from '../../bin/daemon-v8-flags.mjs';

const repo = join(import.meta.dirname, '..', '..');
const unitsDir = join(repo, 'systemd');
const units = ['eport-kiosk.service', 'eport-kiosk-ui.service'];
const read = (name: string) => readFileSync(join(unitsDir, name), 'utf8');

const hasAnalyze = requireSystemTool('systemd-analyze', 'systemd');
const hasSysusers = requireSystemTool('systemd-sysusers', 'systemd');
const hasTmpfiles = requireSystemTool('systemd-tmpfiles', 'systemd');

const roots: string[] = [];
function tempRoot(): string {
  const root = mkdtempSync(join(tmpdir(), 'eport-units-'));
  roots.push(root);
  return root;
}
afterAll(() => {
  for (const root of roots) rmSync(root, { recursive: true, force: true });
});

function run(command: string, args: string[]) {
  const result = spawnSync(command, args, { encoding: 'utf8', env: { ...process.env, SYSTEMD_LOG_COLOR: '0', SYSTEMD_PAGER: '' } });
  if (result.error) throw result.error;
  const lines = `${result.stdout}\n${result.stderr}`.split('\n').filter((line) => line.trim() !== '');
  return { status: result.status, lines };
}

/** [Section] -> key -> values (repeated keys accumulate; "\" continuations joined). */
function parseUnit(text: string): Map<string, Map<string, string[]>> {
  const sections = new Map<string, Map<string, string[]>>();
  let current = new Map<string, string[]>();
  for (const line of text.replace(/\\\n\s*/g, ' ').split('\n')) {
    const trimmed = line.trim();
    if (trimmed === '' || trimmed.startsWith('#') || trimmed.startsWith(';')) continue;
    const section = /^\[(.+)\]$/.exec(trimmed);
    if (section) {
      current = new Map();
      sections.set(section[1] ?? '', current);
      continue;
    }
    const eq = trimmed.indexOf('=');
    const key = trimmed.slice(0, eq);
    current.set(key, [...(current.get(key) ?? []), trimmed.slice(eq + 1)]);
  }
  return sections;
}

function service(name: string): Map<string, string[]> {
  const section = parseUnit(read(name)).get('Service');
  if (!section) throw new Error(`${name}: no [Service] section`);
  return section;
}

/** argv[0] of every Exec*= line, without systemd's "-@:+!" prefixes. */
function execPaths(name: string): string[] {
  const paths: string[] = [];
  for (const [key, values] of service(name)) {
    if (!key.startsWith('Exec')) continue;
    for (const value of values) paths.push(value.replace(/^[-@:+!]+/, '').split(/\s+/)[0] ?? '');
  }
  return paths;
}

/**
 * A filesystem root for `systemd-analyze verify --root=`: our units in /etc/systemd/system,
 * the host's own units (sysinit.target, basic.target, ... that every service depends on by
 * default), and an executable stub at each Exec*= path. verify insists those binaries
 * exist, and /opt/eport-kiosk, cage or chromium are not installed on a build machine.
 */
function verifyRoot(mutate?: (name: string, text: string) => string): string {
  const root = tempRoot();
  const hostUnits = ['/usr/lib/systemd/system', '/lib/systemd/system'].find((dir) => existsSync(join(dir, 'sysinit.target')));
  if (hostUnits === undefined) throw new Error('no host systemd unit directory with sysinit.target');
  cpSync(hostUnits, join(root, 'usr/lib/systemd/system'), { recursive: true, verbatimSymlinks: true });
  mkdirSync(join(root, 'etc/systemd/system'), { recursive: true });
  for (const name of units) {
    writeFileSync(join(root, 'etc/systemd/system', name), mutate ? mutate(name, read(name)) : read(name));
    for (const path of execPaths(name)) {
      const stub = join(root, path);
      mkdirSync(dirname(stub), { recursive: true });
      writeFileSync(stub, '#!/bin/sh\nexit 0\n');
      chmodSync(stub, 0o755);
    }
  }
  return root;
}

function verify(root: string) {
  return run('systemd-analyze', ['verify', `--root=${root}`, '--generators=no', '--recursive-errors=no', ...units]);
}

/** Output lines about our units; anything else is host noise, shown but not fatal. */
function aboutOurUnits(lines: string[]): string[] {
  const ours = lines.filter((line) => line.includes('eport-kiosk'));
  const noise = lines.filter((line) => !line.includes('eport-kiosk'));
  if (noise.length > 0) console.warn(`systemd-analyze verify (not about our units):\n  ${noise.join('\n  ')}`);
  return ours;
}

describe.skipIf(!hasAnalyze)('systemd-analyze verify', () => {
  it('passes both units without a single warning about them', () => {
    const { status, lines } = verify(verifyRoot());
    expect(aboutOurUnits(lines)).toEqual([]);
    expect(status).toBe(0);
  });

  // The checks above only mean something if this systemd reports problems in a form the
  // filter sees; a broken copy proves it.
  it('reports a misspelt key and a missing ExecStart binary (control)', () => {
    const root = verifyRoot((name, text) => (name === 'eport-kiosk.service' ? text.replace('WatchdogSec=', 'WatchdogSecc=') : text));
    rmSync(join(root, 'usr/bin/cage'));
    const { status, lines } = verify(root);
    const ours = aboutOurUnits(lines).join('\n');
    expect(ours).toContain('WatchdogSecc');
    expect(ours).toMatch(/\/usr\/bin\/cage.*(not executable|No such file)/);
    expect(status).not.toBe(0);
  });
});

describe('eport-kiosk.service', () => {
  const s = service('eport-kiosk.service');
  const one = (key: string) => s.get(key)?.join(' ');

  it('is a notify service with a watchdog, restarted forever', () => {
    expect(one('Type')).toBe('notify');
    expect(one('NotifyAccess')).toBe('main');
    expect(one('WatchdogSec')).toBe('30s');
    expect(one('Restart')).toBe('always');
    expect(parseUnit(read('eport-kiosk.service')).get('Unit')?.get('After')?.join(' ')).toContain('pcscd.socket');
  });

  it('runs the installed Node directly on the repo entry point, with the daemon’s V8 flags', () => {
    const [node, ...rest] = (one('ExecStart') ?? '').split(/\s+/);
    const flags = rest.slice(0, rest.findIndex((arg) => !arg.startsWith('--')));
    const [script, ...args] = rest.slice(flags.length);
    expect(node).toBe('/opt/eport-kiosk/node/bin/node');
    // Given here, kiosk.mjs need not re-execute the daemon to add them.
    expect(flags).toEqual(daemonV8Flags);
    // /opt/eport-kiosk is a copy of this repository: the script must exist here.
    expect(script).toMatch(/^\/opt\/eport-kiosk\//);
    expect(existsSync(join(repo, (script ?? '').slice('/opt/eport-kiosk/'.length)))).toBe(true);
    expect(args).toEqual(['run', '--config', '/etc/eport-kiosk/config.json']);
  });

  it('keeps device access and JIT working: closed device policy, no PrivateDevices/MDWE', () => {
    expect(s.has('PrivateDevices')).toBe(false);
    expect(s.has('MemoryDenyWriteExecute')).toBe(false);
    expect(one('DevicePolicy')).toBe('closed');
    expect(s.get('DeviceAllow')).toEqual(['char-ttyUSB rw', 'char-ttyACM rw', '/dev/eport-printer rw', '/dev/eport-idcard rw', 'char-gpiochip rw', 'char-usb_device rw']);
    expect(one('User')).toBe('eport-kiosk');
    expect(one('SupplementaryGroups')).toBe('dialout gpio scanner');
    expect(one('StateDirectory')).toBe('eport-kiosk');
    expect(one('ProtectSystem')).toBe('strict');
  });

  it('limits the network to loopback (the back office by a drop-in) and bounds memory (issue 13, item 10)', () => {
    expect(one('IPAddressDeny')).toBe('any');
    expect(one('IPAddressAllow')).toBe('localhost');
    expect(one('MemoryMax')).toBe('1G');
    expect(one('MemoryHigh')).toBe('768M');
    expect(one('MemorySwapMax')).toBe('0');
  });
});

describe.skipIf(!hasSysusers || !hasTmpfiles)('sysusers.d and tmpfiles.d', () => {
  it('create the users, then the directories with their owners and modes', () => {
    const root = tempRoot();
    mkdirSync(join(root, 'etc'));
    const sysusers = run('systemd-sysusers', [`--root=${root}`, join(unitsDir, 'eport-kiosk.sysusers.conf')]);
    expect(sysusers.lines.filter((line) => !line.startsWith('Creating '))).toEqual([]);
    expect(sysusers.status).toBe(0);

    const passwd = new Map(readFileSync(join(root, 'etc/passwd'), 'utf8').trim().split('\n').map((l) => [l.split(':')[0], l.split(':')]));
    const group = new Map(readFileSync(join(root, 'etc/group'), 'utf8').trim().split('\n').map((l) => [l.split(':')[0], l.split(':')]));
    expect(passwd.get('eport-kiosk')?.[5]).toBe('/var/lib/eport-kiosk');
    expect(passwd.get('eport-kiosk-ui')?.[5]).toBe('/var/lib/eport-kiosk-ui');
    expect(group.get('dialout')?.[3]?.split(',')).toContain('eport-kiosk');
    expect(group.get('gpio')?.[3]?.split(',')).toContain('eport-kiosk');
    expect(group.get('scanner')?.[3]?.split(',')).toContain('eport-kiosk');
    expect(group.get('dialout')?.[3]?.split(',')).not.toContain('eport-kiosk-ui');

    // tmpfiles resolves the owners from <root>/etc/passwd; a user it cannot resolve or a
    // malformed line is exit 65. Without root the chown()s fail (exit 73) and nothing else
    // may: the modes are still checked.
    const tmpfiles = run('systemd-tmpfiles', [`--root=${root}`, '--create', join(unitsDir, 'eport-kiosk.conf')]);
    const isRoot = process.getuid?.() === 0;
    if (isRoot) {
      expect(tmpfiles.lines).toEqual([]);
      expect(tmpfiles.status).toBe(0);
    } else {
      expect(tmpfiles.lines.filter((line) => !/fchownat\(\) of .* failed: Operation not permitted/.test(line))).toEqual([]);
      expect([0, 73]).toContain(tmpfiles.status);
    }
    const uid = (user: string) => Number(passwd.get(user)?.[2]);
    const gid = (name: string) => Number(group.get(name)?.[2]);
    for (const [path, mode, user, grp] of [
      ['var/lib/eport-kiosk', 0o700, 'eport-kiosk', 'eport-kiosk'],
      ['var/lib/eport-kiosk/scans', 0o700, 'eport-kiosk', 'eport-kiosk'],
      ['var/lib/eport-kiosk-ui', 0o700, 'eport-kiosk-ui', 'eport-kiosk-ui'],
      ['etc/eport-kiosk', 0o750, 'root', 'eport-kiosk'],
    ] as const) {
      const st = statSync(join(root, path));
      expect(st.isDirectory(), path).toBe(true);
      expect((st.mode & 0o7777).toString(8), path).toBe(mode.toString(8));
      if (isRoot) {
        expect(st.uid, path).toBe(user === 'root' ? 0 : uid(user));
        expect(st.gid, path).toBe(gid(grp));
      }
    }
  });
});

describe('polkit rule', () => {
  const source = read('50-eport-kiosk-pcscd.rules');

  // polkitd's engine (duktape in Debian's build) is ES5-ish: keep the rule to ES5 syntax.
  it('uses ES5 syntax only', () => {
    const code = source.replace(/\/\/.*$/gm, '');
    expect(code).not.toMatch(/=>|\blet\b|\bconst\b|`|\bclass\b/);
  });

  it('grants pcscd access to eport-kiosk only', () => {
    const rules: ((action: { id: string }, subject: { user: string }) => unknown)[] = [];
    const polkit = { Result: { YES: 'yes', NO: 'no', NOT_HANDLED: null }, addRule: (rule: (typeof rules)[number]) => rules.push(rule) };
    // Like polkitd: the file is a script run with a global `polkit`. Throws on a syntax error.
    new Script(source, { filename: '50-eport-kiosk-pcscd.rules' }).runInNewContext({ polkit });
    expect(rules).toHaveLength(1);
    const decide = (id: string, user: string) => rules[0]?.({ id }, { user });
    expect(decide('org.debian.pcsc-lite.access_pcsc', 'eport-kiosk')).toBe('yes');
    expect(decide('org.debian.pcsc-lite.access_card', 'eport-kiosk')).toBe('yes');
    expect(decide('org.debian.pcsc-lite.access_pcsc', 'eport-kiosk-ui')).toBeNull();
    expect(decide('org.freedesktop.login1.reboot', 'eport-kiosk')).toBeNull();
  });
});

describe('udev rules', () => {
  const files = ['60-eport-kiosk-printer.rules', '61-eport-kiosk-gpio.rules', '62-eport-kiosk-idcard.rules'];
  // udev's rule syntax: comma-separated KEY[{attr}] OP "value"; match keys use ==/!=.
  const matchKeys = /^(ACTION|DEVPATH|KERNEL|KERNELS|NAME|SYMLINK|SUBSYSTEM|SUBSYSTEMS|DRIVER|DRIVERS|ATTR\{[^}]+\}|ATTRS\{[^}]+\}|ENV\{[^}]+\}|TAG|TAGS|TEST|PROGRAM|RESULT)$/;
  const assignKeys = /^(NAME|SYMLINK|OWNER|GROUP|MODE|ENV\{[^}]+\}|TAG|RUN|LABEL|GOTO|IMPORT\{[^}]+\}|OPTIONS|ATTR\{[^}]+\})$/;

  it.each(files)('%s: every line is well-formed', (file) => {
    const text = read(file);
    const lines = text.split('\n').filter((line) => line.trim() !== '' && !line.trim().startsWith('#'));
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) {
      const pairs = line.split(/,\s*/).map((pair) => /^([A-Z]+(?:\{[^}]+\})?)(==|!=|\+=|-=|:=|=)"([^"]*)"$/.exec(pair.trim()));
      expect(pairs.every((p) => p !== null), line).toBe(true);
      for (const p of pairs) {
        const [, key = '', op = ''] = p ?? [];
        const isMatch = op === '==' || op === '!=';
        expect(isMatch ? matchKeys.test(key) : assignKeys.test(key), `${key}${op} in: ${line}`).toBe(true);
      }
      expect(pairs.some((p) => p?.[2] === '=='), `no match key: ${line}`).toBe(true);
    }
  });

  // systemd >= 253 ships `udevadm verify`; Debian 12 (252) does not, hence the lint above.
  const udevadm = findOnPath('udevadm');
  const hasVerify = udevadm !== null && run(udevadm, ['verify', '--help']).status === 0;
  it.skipIf(!hasVerify)('pass udevadm verify', () => {
    const result = run(udevadm ?? 'udevadm', ['verify', ...files.map((f) => join(unitsDir, f))]);
    expect(result.status, result.lines.join('\n')).toBe(0);
  });

  it('names the printer where the config and the daemon unit expect it', () => {
    const config = JSON.parse(read('config.example.json')) as { printer: { path: string } };
    expect(config.printer.path).toBe('/dev/eport-printer');
    expect(read('60-eport-kiosk-printer.rules')).toContain('SYMLINK+="eport-printer"');
    expect(service('eport-kiosk.service').get('DeviceAllow')).toContain('/dev/eport-printer rw');
  });

  it('names the ID-card reader where the config and the daemon unit expect it', () => {
    const config = JSON.parse(read('config.example.json')) as { idCardReader: { path: string } };
    expect(config.idCardReader.path).toBe('/dev/eport-idcard');
    const rules = read('62-eport-kiosk-idcard.rules');
    const lines = rules.split('\n').filter((line) => line.trim() !== '' && !line.trim().startsWith('#'));
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) expect(line).toContain('SYMLINK+="eport-idcard"');
    expect(rules).not.toContain('eport-printer"');
    expect(service('eport-kiosk.service').get('DeviceAllow')).toContain('/dev/eport-idcard rw');
  });
});

describe('config.example.json', () => {
  it('is accepted by the daemon config loader', async () => {
    const { loadConfig } = await import('../../daemon/config/config.ts');
    const root = tempRoot();
    const file = join(root, 'config.json');
    copyFileSync(join(unitsDir, 'config.example.json'), file);
    const loaded = loadConfig(repo, { configFile: file }, { STATE_DIRECTORY: '/var/lib/eport-kiosk' });
    expect(loaded.ok ? loaded.value : loaded.error).toMatchObject({
      kioskId: 'HALL1-K01',
      http: { host: '127.0.0.1', port: 8080 },
      stateDir: '/var/lib/eport-kiosk',
      printer: { path: '/dev/eport-printer', baud: 115200 },
    });
  });
});

/** `systemd-analyze security --offline` of one unit: its overall exposure (0 safest … 10). */
function exposure(name: string): number {
  const root = tempRoot();
  copyFileSync(join(unitsDir, name), join(root, name));
  const { lines } = run('systemd-analyze', ['security', '--offline=true', '--no-pager', join(root, name)]);
  const overall = lines.find((line) => line.includes('Overall exposure level'));
  console.info(`systemd-analyze security: ${overall?.replace(/.*Overall/, 'overall').trim() ?? 'no overall line'}`);
  const match = /exposure level for .*?: ([\d.]+)/.exec(overall ?? '');
  return match === null ? Number.NaN : Number(match[1]);
}

describe.skipIf(!hasAnalyze)('systemd-analyze security (issue 13: the daemon at most 3.5)', () => {
  it('the daemon unit is exposed 3.5 at most', () => {
    expect(exposure('eport-kiosk.service')).toBeLessThanOrEqual(3.5);
  });

  it('the UI unit is hardened too: loopback only, bounded memory, no capabilities', () => {
    expect(exposure('eport-kiosk-ui.service')).toBeLessThanOrEqual(5);
    const service = parseUnit(read('eport-kiosk-ui.service')).get('Service');
    expect(service?.get('IPAddressDeny')).toEqual(['any']);
    expect(service?.get('IPAddressAllow')).toEqual(['localhost']);
    expect(service?.has('MemoryMax')).toBe(true);
    // Chromium's sandbox needs user namespaces and V8 needs W+X memory: never restricted.
    expect(service?.has('RestrictNamespaces')).toBe(false);
    expect(service?.has('MemoryDenyWriteExecute')).toBe(false);
  });
});

describe("Chromium's managed policy", () => {
  const policy = JSON.parse(read('chromium-policy.json')) as Record<string, unknown>;

  it('turns off DevTools, downloads and printing, and allows only the daemon', () => {
    expect(policy).toMatchObject({
      DeveloperToolsAvailability: 2,
      DownloadRestrictions: 3,
      PrintingEnabled: false,
      URLBlocklist: ['*'],
      URLAllowlist: ['http://127.0.0.1:8080/'],
    });
  });

  it("allows the URL the UI unit opens, and that URL only", () => {
    const url = (parseUnit(read('eport-kiosk-ui.service')).get('Service')?.get('ExecStart')?.join(' ') ?? '').split(/\s+/).at(-1);
    expect(policy.URLAllowlist).toEqual([url]);
  });
});

describe('journald retention (issue 13, item 9)', () => {
  it('keeps the log 180 days and 512 MB at most, persistently', () => {
    const journal = parseUnit(read('journald-eport-kiosk.conf')).get('Journal');
    expect(journal?.get('MaxRetentionSec')).toEqual(['180day']);
    expect(journal?.get('SystemMaxUse')).toEqual(['512M']);
    expect(journal?.get('Storage')).toEqual(['persistent']);
  });
});
