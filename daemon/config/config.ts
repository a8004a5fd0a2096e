// The daemon's configuration: embedded defaults < config file < environment < command-line flags.
import { readFileSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import { z } from 'zod';
import { deviceKinds, type DeviceKind, type DeviceSource } from '../../contract/devices/device.ts';
import { err, ok, type Result } from '../../basics/result.ts';

const deviceSource = z.enum(['sim', 'hardware']);
const simStacks = z.enum(['inProcess', 'system']);
export type SimStacks = z.infer<typeof simStacks>;
const gpioLine = z.strictObject({ line: z.int().min(0).max(1023), activeLow: z.boolean() });

export const configSchema = z.strictObject({
  kioskId: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,31}$/, 'letters, digits, _ and -, at most 32'),
  http: z.strictObject({
    host: z.string().min(1),
    port: z.int().min(0).max(65535),
  }),
  stateDir: z.string().min(1),
  devices: z.strictObject({
    cardReader: deviceSource,
    printer: deviceSource,
    scanner: deviceSource,
    gpio: deviceSource,
    /** `none`: the kiosk has no ID-card reader fitted (reported `notFitted`, never degrades it). */
    idCardReader: z.enum(['sim', 'hardware', 'none']),
  }),
  printer: z.strictObject({
    path: z.string().min(1),
    baud: z.int().positive(),
  }),
  /** The resident ID-card reader's SAM module on a USB serial adapter (docs/idcard-reader.md). */
  idCardReader: z.strictObject({
    path: z.string().min(1),
    baud: z.int().positive(),
    /** How often the driver looks for a card (FIND CARD) while nothing else runs. */
    pollIntervalMs: z.int().min(50).max(10_000),
  }),
  log: z.strictObject({
    level: z.enum(['debug', 'info', 'warn', 'error']),
  }),
  /** GPIO line numbers (sysfs) and polarity; see drivers/gpio/onoff-gpio.ts. */
  gpio: z.strictObject({
    outputs: z.strictObject({ cardSlot: gpioLine, scanner: gpioLine, printer: gpioLine, inService: gpioLine, alarm: gpioLine }),
    inputs: z.strictObject({ presence: gpioLine, tamper: gpioLine, serviceSwitch: gpioLine }),
    debounceMs: z.int().min(0).max(1000),
  }),
  technician: z.strictObject({
    /** scrypt hash of the technician PIN for the service-switch path (`kiosk technician hash-pin`); null: card only. */
    pinHash: z.string().regex(/^scrypt:\d+:\d+:\d+:[0-9a-f]{32}:[0-9a-f]{64}$/, 'make it with: kiosk technician hash-pin').nullable(),
    /** Technician mode ends after this long without a technician command. */
    idleSeconds: z.int().min(10).max(4 * 3600),
    /** …and after this long in all, however busy. */
    maxSeconds: z.int().min(60).max(24 * 3600),
  }),
  /**
   * How long records are kept, in days (docs/deployment.md, "Retention"). Sessions: the agent's
   * session and its journal (names, masked ID numbers); print jobs: the receipts kept for reprints;
   * card operations: finished unlocks and renewals; audit: technician and service actions.
   */
  /**
   * The daemon's own deadline for an agent's session: with no action for this long it ends and
   * its draft, scans and typed data are wiped, whether or not a page is connected (the page's
   * own countdown normally ends it first). Longer on the paper screens.
   */
  session: z.strictObject({
    idleSeconds: z.int().min(10).max(3600),
    paperIdleSeconds: z.int().min(10).max(3600),
    /**
     * How long the page that started a flow may be away (a reload, a dropped socket) before the
     * daemon ends its session as abandoned and wipes it. 0: at once.
     */
    reconnectGraceSeconds: z.int().min(0).max(120),
  }),
  retention: z.strictObject({
    sessionDays: z.int().min(1).max(3650),
    printJobDays: z.int().min(1).max(3650),
    cardOperationDays: z.int().min(1).max(3650),
    auditDays: z.int().min(180).max(3650),
  }),
  /** The SANE scanner (docs/scanner.md). */
  scanner: z.strictObject({
    /** SANE device name or its prefix (`fujitsu:`); empty: the first device scanimage lists. */
    deviceName: z.string(),
    resolutionDpi: z.int().min(75).max(600),
    mode: z.enum(['color', 'gray']),
    timeoutMs: z.int().min(1000).max(600_000),
  }),
  /** Reading the papers (docs/ocr.md): off, the agent types every field. */
  ocr: z.strictObject({
    enabled: z.boolean(),
    /** The OCR process (and its models) ends after this long without a page. */
    idleSeconds: z.int().min(5).max(3600),
  }),
  cardReader: z.strictObject({
    /** The first PC/SC reader whose name contains this; empty: the first reader. */
    readerName: z.string(),
  }),
  /** The back office: the embedded simulation, or a real one over HTTP. */
  authority: z.discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('sim') }),
    z.strictObject({
      kind: z.literal('http'),
      /** https, except on this machine: the bearer token and full ID numbers travel on it. */
      url: z.url().refine(isSafeAuthorityUrl, 'the back office must be reached over https (http only on loopback: 127.0.0.1, ::1, localhost)'),
      token: z.string().min(1).optional(),
      timeoutMs: z.int().positive().optional(),
    }),
  ]),
  /** Directory of the built kiosk UI (kiosk-ui/dist in a checkout). */
  uiDir: z.string().min(1),
  /** How the simulated devices (devices.* = 'sim') reach the daemon. */
  sim: z.strictObject({
    /**
     * inProcess: in-process objects (the demo, no root, no OS stack). system: through the real OS
     * stacks — the PC/SC driver on pcscd's vpcd reader, the ESC/POS driver on a socat pty pair,
     * the SANE pnm backend — so end-to-end tests exercise what the appliance runs.
     */
    stacks: simStacks,
    /** vsmartcard's vpcd: where the virtual card connects, and the reader name pcscd gives it. */
    vpcd: z.strictObject({
      host: z.string().min(1),
      port: z.int().min(1).max(65535),
      readerName: z.string().min(1),
    }),
  }),
});

export type KioskConfig = z.infer<typeof configSchema>;

/** A partial config, as a file or the environment may give it. */
const partialConfigSchema = z.strictObject({
  kioskId: configSchema.shape.kioskId.optional(),
  http: configSchema.shape.http.partial().optional(),
  stateDir: z.string().min(1).optional(),
  devices: configSchema.shape.devices.partial().optional(),
  printer: configSchema.shape.printer.partial().optional(),
  idCardReader: configSchema.shape.idCardReader.partial().optional(),
  log: configSchema.shape.log.partial().optional(),
  cardReader: configSchema.shape.cardReader.partial().optional(),
  scanner: configSchema.shape.scanner.partial().optional(),
  ocr: configSchema.shape.ocr.partial().optional(),
  retention: configSchema.shape.retention.partial().optional(),
  session: configSchema.shape.session.partial().optional(),
  gpio: configSchema.shape.gpio.optional(),
  technician: configSchema.shape.technician.partial().optional(),
  authority: configSchema.shape.authority.optional(),
  uiDir: z.string().min(1).optional(),
  sim: z
    .strictObject({ stacks: simStacks.optional(), vpcd: configSchema.shape.sim.shape.vpcd.partial().optional() })
    .optional(),
});
type PartialConfig = z.infer<typeof partialConfigSchema>;

function isSafeAuthorityUrl(text: string): boolean {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return false;
  }
  if (url.protocol === 'https:') return true;
  return url.protocol === 'http:' && ['127.0.0.1', '[::1]', 'localhost'].includes(url.hostname);
}

export interface ConfigFlags {
  configFile?: string;
  port?: number;
  host?: string;
  stateDir?: string;
  /** Every device simulated (and, in later issues, the embedded authority). */
  sim?: boolean;
  /** How the simulated devices reach the daemon (`--sim-stacks`). */
  simStacks?: SimStacks;
  /**
   * `kiosk run`: a kiosk with any real device must say which back office it uses. The embedded
   * simulated authority (its own CA and master key) is the default only where every device is
   * simulated; on hardware it must be written out (`"authority": { "kind": "sim" }`).
   */
  requireChosenAuthority?: boolean;
}

export function defaultConfig(repoRoot: string, env: NodeJS.ProcessEnv): KioskConfig {
  return {
    kioskId: 'KIOSK-DEV-01',
    http: { host: '127.0.0.1', port: 8080 },
    // systemd's StateDirectory= sets STATE_DIRECTORY; a checkout keeps state in .state/.
    stateDir: env.STATE_DIRECTORY ?? resolve(repoRoot, '.state'),
    devices: { cardReader: 'hardware', printer: 'hardware', scanner: 'hardware', gpio: 'hardware', idCardReader: 'hardware' },
    printer: { path: '/dev/eport-printer', baud: 115200 },
    idCardReader: { path: '/dev/eport-idcard', baud: 115200, pollIntervalMs: 500 },
    log: { level: 'info' },
    cardReader: { readerName: '' },
    scanner: { deviceName: '', resolutionDpi: 200, mode: 'color', timeoutMs: 120_000 },
    ocr: { enabled: true, idleSeconds: 60 },
    retention: { sessionDays: 30, printJobDays: 30, cardOperationDays: 90, auditDays: 365 },
    session: { idleSeconds: 120, paperIdleSeconds: 300, reconnectGraceSeconds: 10 },
    technician: { pinHash: null, idleSeconds: 600, maxSeconds: 7200 },
    // A common Raspberry Pi-style layout; a hall's kiosks set their own in the config file.
    gpio: {
      outputs: {
        cardSlot: { line: 17, activeLow: false },
        scanner: { line: 27, activeLow: false },
        printer: { line: 22, activeLow: false },
        inService: { line: 23, activeLow: false },
        alarm: { line: 24, activeLow: false },
      },
      // The tamper and service switches close to ground: active low.
      inputs: { presence: { line: 5, activeLow: false }, tamper: { line: 6, activeLow: true }, serviceSwitch: { line: 13, activeLow: true } },
      debounceMs: 50,
    },
    authority: { kind: 'sim' },
    uiDir: resolve(repoRoot, 'kiosk-ui', 'dist'),
    // vsmartcard's first slot, as Debian's vsmartcard-vpcd configures it.
    sim: { stacks: 'inProcess', vpcd: { host: '127.0.0.1', port: 35963, readerName: 'Virtual PCD 00 00' } },
  };
}

export type ConfigError = { kind: 'unreadableFile'; path: string; message: string } | { kind: 'invalid'; source: string; issues: string[] };

export function describeConfigError(error: ConfigError): string {
  switch (error.kind) {
    case 'unreadableFile':
      return `cannot read config file ${error.path}: ${error.message}`;
    case 'invalid':
      return `invalid configuration from ${error.source}:\n  ${error.issues.join('\n  ')}`;
  }
}

function issuesOf(error: z.ZodError): string[] {
  return error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`);
}

function readConfigFile(path: string): Result<PartialConfig, ConfigError> {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    return err({ kind: 'unreadableFile', path, message: (e as Error).message });
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    return err({ kind: 'invalid', source: path, issues: [`not JSON: ${(e as Error).message}`] });
  }
  const parsed = partialConfigSchema.safeParse(json);
  return parsed.success ? ok(parsed.data) : err({ kind: 'invalid', source: path, issues: issuesOf(parsed.error) });
}

const envDeviceNames: Record<DeviceKind, string> = {
  cardReader: 'KIOSK_DEVICE_CARD_READER',
  printer: 'KIOSK_DEVICE_PRINTER',
  scanner: 'KIOSK_DEVICE_SCANNER',
  gpio: 'KIOSK_DEVICE_GPIO',
  idCardReader: 'KIOSK_DEVICE_ID_CARD_READER',
};

function fromEnvironment(env: NodeJS.ProcessEnv): Result<PartialConfig, ConfigError> {
  const issues: string[] = [];
  const partial: PartialConfig = {};
  if (env.KIOSK_ID !== undefined) partial.kioskId = env.KIOSK_ID;
  if (env.KIOSK_PORT !== undefined) {
    const port = Number(env.KIOSK_PORT);
    if (env.KIOSK_PORT.trim() === '' || !Number.isInteger(port)) issues.push(`KIOSK_PORT: not an integer: ${JSON.stringify(env.KIOSK_PORT)}`);
    else partial.http = { ...partial.http, port };
  }
  if (env.KIOSK_HOST !== undefined) partial.http = { ...partial.http, host: env.KIOSK_HOST };
  if (env.KIOSK_STATE_DIR !== undefined) partial.stateDir = env.KIOSK_STATE_DIR;
  if (env.KIOSK_LOG_LEVEL !== undefined) partial.log = { level: env.KIOSK_LOG_LEVEL as KioskConfig['log']['level'] };
  if (env.KIOSK_PRINTER_PATH !== undefined) partial.printer = { path: env.KIOSK_PRINTER_PATH };
  if (env.KIOSK_ID_CARD_READER_PATH !== undefined) partial.idCardReader = { path: env.KIOSK_ID_CARD_READER_PATH };
  if (env.KIOSK_READER_NAME !== undefined) partial.cardReader = { readerName: env.KIOSK_READER_NAME };
  if (env.KIOSK_AUTHORITY_URL !== undefined) partial.authority = { kind: 'http', url: env.KIOSK_AUTHORITY_URL };
  if (env.KIOSK_SIM_STACKS !== undefined) partial.sim = { stacks: env.KIOSK_SIM_STACKS as SimStacks };
  if (env.KIOSK_OCR !== undefined) {
    if (env.KIOSK_OCR === 'on' || env.KIOSK_OCR === 'off') partial.ocr = { enabled: env.KIOSK_OCR === 'on' };
    else issues.push(`KIOSK_OCR: expected on or off, got ${JSON.stringify(env.KIOSK_OCR)}`);
  }
  // Checked by the schema below (idCardReader also takes "none").
  const devices: Partial<Record<DeviceKind, DeviceSource>> = {};
  for (const kind of deviceKinds) {
    const value = env[envDeviceNames[kind]];
    if (value !== undefined) devices[kind] = value as DeviceSource;
  }
  if (Object.keys(devices).length > 0) partial.devices = devices;
  if (issues.length > 0) return err({ kind: 'invalid', source: 'environment', issues });
  const parsed = partialConfigSchema.safeParse(partial);
  return parsed.success ? ok(parsed.data) : err({ kind: 'invalid', source: 'environment', issues: issuesOf(parsed.error) });
}

function merge(base: KioskConfig, over: PartialConfig): KioskConfig {
  return {
    kioskId: over.kioskId ?? base.kioskId,
    http: { ...base.http, ...over.http },
    stateDir: over.stateDir ?? base.stateDir,
    devices: { ...base.devices, ...over.devices },
    printer: { ...base.printer, ...over.printer },
    idCardReader: { ...base.idCardReader, ...over.idCardReader },
    log: { ...base.log, ...over.log },
    cardReader: { ...base.cardReader, ...over.cardReader },
    scanner: { ...base.scanner, ...over.scanner },
    ocr: { ...base.ocr, ...over.ocr },
    retention: { ...base.retention, ...over.retention },
    session: { ...base.session, ...over.session },
    gpio: over.gpio ?? base.gpio,
    technician: { ...base.technician, ...over.technician },
    // The environment's URL keeps the file's token and timeout: only the address changes.
    authority: over.authority === undefined ? base.authority : over.authority.kind === 'http' && base.authority.kind === 'http' ? { ...base.authority, ...over.authority } : over.authority,
    uiDir: over.uiDir ?? base.uiDir,
    sim: { stacks: over.sim?.stacks ?? base.sim.stacks, vpcd: { ...base.sim.vpcd, ...over.sim?.vpcd } },
  };
}

/** Builds the configuration; every source is validated and a bad one is named in the error. */
export function loadConfig(repoRoot: string, flags: ConfigFlags, env: NodeJS.ProcessEnv = process.env): Result<KioskConfig, ConfigError> {
  let config = defaultConfig(repoRoot, env);
  const file = flags.configFile ?? env.KIOSK_CONFIG;
  let authorityChosen = false;
  if (file !== undefined) {
    const fromFile = readConfigFile(file);
    if (!fromFile.ok) return fromFile;
    authorityChosen ||= fromFile.value.authority !== undefined;
    config = merge(config, fromFile.value);
  }
  const fromEnv = fromEnvironment(env);
  if (!fromEnv.ok) return fromEnv;
  authorityChosen ||= fromEnv.value.authority !== undefined;
  config = merge(config, fromEnv.value);

  const fromFlags: PartialConfig = {};
  if (flags.port !== undefined || flags.host !== undefined) {
    fromFlags.http = { ...(flags.port !== undefined && { port: flags.port }), ...(flags.host !== undefined && { host: flags.host }) };
  }
  if (flags.stateDir !== undefined) fromFlags.stateDir = flags.stateDir;
  // --sim simulates every device the kiosk has: an ID-card reader written out as "none" stays
  // absent (simulator mode of a kiosk without one).
  if (flags.sim === true) {
    fromFlags.devices = { cardReader: 'sim', printer: 'sim', scanner: 'sim', gpio: 'sim', idCardReader: config.devices.idCardReader === 'none' ? 'none' : 'sim' };
  }
  if (flags.simStacks !== undefined) fromFlags.sim = { stacks: flags.simStacks };
  config = merge(config, fromFlags);

  const parsed = configSchema.safeParse(config);
  if (!parsed.success) return err({ kind: 'invalid', source: 'the merged configuration', issues: issuesOf(parsed.error) });
  const result = parsed.data;
  result.stateDir = isAbsolute(result.stateDir) ? result.stateDir : resolve(result.stateDir);
  const realDevices = deviceKinds.filter((kind) => result.devices[kind] === 'hardware');
  if (flags.requireChosenAuthority === true && !authorityChosen && result.authority.kind === 'sim' && realDevices.length > 0) {
    return err({
      kind: 'invalid',
      source: 'the merged configuration',
      issues: [
        `authority: not set, while ${realDevices.join(', ')} ${realDevices.length === 1 ? 'is' : 'are'} real hardware: set the back office (KIOSK_AUTHORITY_URL, or "authority": { "kind": "http", "url": "https://…", "token": "…" }), or write "authority": { "kind": "sim" } to run this kiosk on the embedded simulated authority on purpose`,
      ],
    });
  }
  return ok(result);
}
