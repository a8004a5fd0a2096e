import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeConfigError, loadConfig } from './config.ts';

const root = '/opt/eport-kiosk';
const dir = mkdtempSync(join(tmpdir(), 'kiosk-config-'));
function file(name: string, content: string): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

describe('loadConfig', () => {
  it('has embedded defaults: loopback, port 8080, hardware devices, state under the checkout', () => {
    const config = loadConfig(root, {}, {});
    expect(config.ok && config.value).toMatchObject({
      http: { host: '127.0.0.1', port: 8080 },
      stateDir: '/opt/eport-kiosk/.state',
      devices: { cardReader: 'hardware', printer: 'hardware', scanner: 'hardware', gpio: 'hardware' },
      uiDir: '/opt/eport-kiosk/kiosk-ui/dist',
    });
  });

  it('takes the state directory from systemd STATE_DIRECTORY', () => {
    const config = loadConfig(root, {}, { STATE_DIRECTORY: '/var/lib/eport-kiosk' });
    expect(config.ok && config.value.stateDir).toBe('/var/lib/eport-kiosk');
  });

  it('layers file < environment < flags', () => {
    const path = file('layers.json', JSON.stringify({ kioskId: 'HALL1-K01', http: { port: 9000 }, devices: { printer: 'sim' }, stateDir: '/from/file' }));
    const fileOnly = loadConfig(root, { configFile: path }, {});
    expect(fileOnly.ok && fileOnly.value).toMatchObject({ kioskId: 'HALL1-K01', http: { port: 9000, host: '127.0.0.1' }, devices: { printer: 'sim', scanner: 'hardware' }, stateDir: '/from/file' });

    const withEnv = loadConfig(root, { configFile: path }, { KIOSK_PORT: '9100', KIOSK_DEVICE_SCANNER: 'sim' });
    expect(withEnv.ok && withEnv.value).toMatchObject({ http: { port: 9100 }, devices: { printer: 'sim', scanner: 'sim' } });

    const withFlags = loadConfig(root, { configFile: path, port: 9200, sim: true, stateDir: '/from/flag' }, { KIOSK_PORT: '9100' });
    expect(withFlags.ok && withFlags.value).toMatchObject({
      http: { port: 9200 },
      stateDir: '/from/flag',
      devices: { cardReader: 'sim', printer: 'sim', scanner: 'sim', gpio: 'sim', idCardReader: 'sim' },
    });
  });

  it('takes the ID-card reader from file, environment and --sim; defaults otherwise', () => {
    const defaults = loadConfig(root, {}, {});
    expect(defaults.ok && defaults.value.devices.idCardReader).toBe('hardware');
    expect(defaults.ok && defaults.value.idCardReader).toEqual({ path: '/dev/eport-idcard', baud: 115200, pollIntervalMs: 500 });

    const path = file('idcard.json', JSON.stringify({ devices: { idCardReader: 'sim' }, idCardReader: { path: '/dev/ttyUSB3', pollIntervalMs: 250 } }));
    const fromFile = loadConfig(root, { configFile: path }, {});
    expect(fromFile.ok && fromFile.value).toMatchObject({ devices: { idCardReader: 'sim' }, idCardReader: { path: '/dev/ttyUSB3', baud: 115200, pollIntervalMs: 250 } });

    const fromEnv = loadConfig(root, {}, { KIOSK_DEVICE_ID_CARD_READER: 'sim', KIOSK_ID_CARD_READER_PATH: '/dev/ttyACM0' });
    expect(fromEnv.ok && fromEnv.value).toMatchObject({ devices: { idCardReader: 'sim' }, idCardReader: { path: '/dev/ttyACM0' } });

    const sim = loadConfig(root, { sim: true }, { KIOSK_DEVICE_ID_CARD_READER: 'hardware' });
    expect(sim.ok && sim.value.devices.idCardReader).toBe('sim');
    const simWithout = loadConfig(root, { sim: true }, { KIOSK_DEVICE_ID_CARD_READER: 'none' });
    expect(simWithout.ok && simWithout.value.devices).toMatchObject({ cardReader: 'sim', idCardReader: 'none' });

    const none = loadConfig(root, {}, { KIOSK_DEVICE_ID_CARD_READER: 'none' });
    expect(none.ok && none.value.devices.idCardReader).toBe('none');
    // "none" is for the ID-card reader only: the other devices are always fitted.
    expect(loadConfig(root, {}, { KIOSK_DEVICE_PRINTER: 'none' }).ok).toBe(false);

    const badSource = loadConfig(root, {}, { KIOSK_DEVICE_ID_CARD_READER: 'usb' });
    expect(!badSource.ok && describeConfigError(badSource.error)).toMatch(/devices\.idCardReader/);
    const badPoll = loadConfig(root, { configFile: file('idcard-bad.json', JSON.stringify({ idCardReader: { pollIntervalMs: 5 } })) }, {});
    expect(!badPoll.ok && describeConfigError(badPoll.error)).toMatch(/idCardReader\.pollIntervalMs/);
  });

  it('takes GPIO lines and polarity from the file, defaults otherwise', () => {
    const defaults = loadConfig(root, {}, {});
    expect(defaults.ok && defaults.value.gpio.inputs.tamper).toEqual({ line: 6, activeLow: true });
    const lines = { line: 3, activeLow: false };
    const gpio = {
      outputs: { cardSlot: lines, scanner: lines, printer: lines, inService: lines, alarm: lines },
      inputs: { presence: lines, tamper: { line: 4, activeLow: true }, serviceSwitch: lines },
      debounceMs: 20,
    };
    const fromFile = loadConfig(root, { configFile: file('gpio.json', JSON.stringify({ gpio })) }, {});
    expect(fromFile.ok && fromFile.value.gpio).toEqual(gpio);
    const bad = loadConfig(root, { configFile: file('gpio-bad.json', JSON.stringify({ gpio: { ...gpio, debounceMs: -1 } })) }, {});
    expect(!bad.ok && describeConfigError(bad.error)).toMatch(/gpio\.debounceMs/);
  });

  it('reads KIOSK_CONFIG when no --config is given', () => {
    const path = file('env-config.json', JSON.stringify({ kioskId: 'FROM-ENV' }));
    const config = loadConfig(root, {}, { KIOSK_CONFIG: path });
    expect(config.ok && config.value.kioskId).toBe('FROM-ENV');
  });

  it('simulates in-process by default; the system stacks from file < KIOSK_SIM_STACKS < --sim-stacks', () => {
    const defaults = loadConfig(root, { sim: true }, {});
    expect(defaults.ok && defaults.value.sim).toEqual({ stacks: 'inProcess', vpcd: { host: '127.0.0.1', port: 35963, readerName: 'Virtual PCD 00 00' } });
    const path = file('sim.json', JSON.stringify({ sim: { vpcd: { port: 35964, readerName: 'Virtual PCD 00 01' } } }));
    const fromFile = loadConfig(root, { configFile: path }, {});
    expect(fromFile.ok && fromFile.value.sim).toEqual({ stacks: 'inProcess', vpcd: { host: '127.0.0.1', port: 35964, readerName: 'Virtual PCD 00 01' } });
    const fromEnv = loadConfig(root, { configFile: path }, { KIOSK_SIM_STACKS: 'system' });
    expect(fromEnv.ok && fromEnv.value.sim).toMatchObject({ stacks: 'system', vpcd: { port: 35964 } });
    const fromFlag = loadConfig(root, { simStacks: 'inProcess' }, { KIOSK_SIM_STACKS: 'system' });
    expect(fromFlag.ok && fromFlag.value.sim.stacks).toBe('inProcess');
  });

  it.each([
    ['KIOSK_SIM_STACKS not a mode', {}, { KIOSK_SIM_STACKS: 'pcsc' }, /sim\.stacks/],
    ['a bad vpcd port', { configFile: file('vpcd.json', '{"sim": {"vpcd": {"port": 0}}}') }, {}, /sim\.vpcd\.port/],
    ['a missing file', { configFile: join(dir, 'nope.json') }, {}, /cannot read config file .*nope\.json/],
    ['a file that is not JSON', { configFile: file('bad.json', '{ port: 1') }, {}, /not JSON/],
    ['an unknown key', { configFile: file('unknown.json', '{"prot": 1}') }, {}, /Unrecognized key.*prot/],
    ['a wrong type', { configFile: file('type.json', '{"http": {"port": "8080"}}') }, {}, /http\.port/],
    ['a bad device source', { configFile: file('source.json', '{"devices": {"printer": "virtual"}}') }, {}, /devices\.printer/],
    ['KIOSK_PORT not a number', {}, { KIOSK_PORT: 'eighty' }, /KIOSK_PORT: not an integer/],
    ['KIOSK_PORT out of range', {}, { KIOSK_PORT: '70000' }, /http\.port/],
    ['a bad kiosk id', {}, { KIOSK_ID: 'has spaces' }, /kioskId/],
  ])('names the problem for %s', (_label, flags, env, pattern) => {
    const config = loadConfig(root, flags, env);
    expect(config.ok).toBe(false);
    if (!config.ok) expect(describeConfigError(config.error)).toMatch(pattern);
  });
});
