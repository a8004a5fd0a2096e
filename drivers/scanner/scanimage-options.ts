// Backends name their options differently (`--mode Color` vs `--mode 24bit Color`, `--source
// "ADF Front"`, resolution as a list or a range), and a backend without an option refuses it.
// `scanimage -d DEV -A` lists what the device has; we pick from that, never guess blindly.
import type { ScanMode, ScanRequest } from './scanner.ts';
import type { ScanSource } from '../../contract/devices/scanner.ts';

export interface DeviceOptions {
  modes: string[] | null;
  sources: string[] | null;
  resolution: { kind: 'list'; values: number[] } | { kind: 'range'; min: number; max: number } | null;
}

function optionLine(help: string, name: string): string | null {
  const match = new RegExp(`^\\s*--${name}[ =](.*)$`, 'm').exec(help);
  return match?.[1] ?? null;
}

const choices = (line: string): string[] =>
  line
    .replace(/\s*\[[^\]]*\]\s*$/, '')
    .split('|')
    .map((value) => value.trim())
    .filter((value) => value !== '' && value !== 'auto');

export function parseDeviceOptions(help: string): DeviceOptions {
  const mode = optionLine(help, 'mode');
  const source = optionLine(help, 'source');
  const resolution = optionLine(help, 'resolution');
  let parsedResolution: DeviceOptions['resolution'] = null;
  if (resolution !== null) {
    const range = /(\d+)\.\.(\d+)/.exec(resolution);
    if (range) parsedResolution = { kind: 'range', min: Number(range[1]), max: Number(range[2]) };
    else {
      const values = choices(resolution.replace(/dpi/g, '')).map(Number).filter(Number.isFinite);
      if (values.length > 0) parsedResolution = { kind: 'list', values };
    }
  }
  return { modes: mode === null ? null : choices(mode), sources: source === null ? null : choices(source), resolution: parsedResolution };
}

const sourcePatterns: Record<ScanSource, RegExp> = {
  flatbed: /flatbed|normal/i,
  adf: /adf|feeder|automatic document/i,
};

const modePatterns: Record<ScanMode, RegExp> = {
  color: /colou?r/i,
  gray: /gr[ae]y/i,
};

export function nearestResolution(options: DeviceOptions, dpi: number): number | null {
  const resolution = options.resolution;
  if (resolution === null) return null;
  switch (resolution.kind) {
    case 'range':
      return Math.min(resolution.max, Math.max(resolution.min, dpi));
    case 'list':
      return resolution.values.reduce((best, value) => (Math.abs(value - dpi) < Math.abs(best - dpi) ? value : best));
  }
}

/** The backend arguments for a request; options the device lacks are left out. */
export function scanArguments(options: DeviceOptions, request: ScanRequest): { args: string[]; dpi: number } {
  const args: string[] = [];
  const dpi = nearestResolution(options, request.resolutionDpi);
  if (dpi !== null) args.push(`--resolution=${dpi}`);
  const mode = options.modes?.find((value) => modePatterns[request.mode].test(value));
  if (mode !== undefined) args.push(`--mode=${mode}`);
  const source = options.sources?.find((value) => sourcePatterns[request.source].test(value));
  if (source !== undefined) args.push(`--source=${source}`);
  return { args, dpi: dpi ?? request.resolutionDpi };
}
