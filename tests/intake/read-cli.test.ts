// `kiosk intake read FILE [--kind KIND]` as an operator runs it, on pages the simulator's document
// generator draws (PNG, JPEG and PNM): the JSON issue #14 specifies, exit 0 a kind recognised,
// 1 nothing read, 2 an unreadable file (one line on stderr, no stack trace).
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodePnm } from '../../drivers/scanner/pnm.ts';
import { documentSet } from '../../sim/scanner/document-set.ts';
import type { GeneratedPage } from '../../sim/scanner/documents.ts';

const kiosk = join(import.meta.dirname, '..', '..', 'bin', 'kiosk.mjs');
const run = promisify(execFile);

interface Outcome {
  code: number;
  stdout: string;
  stderr: string;
}

async function read(args: string[]): Promise<Outcome> {
  try {
    const { stdout, stderr } = await run(process.execPath, [kiosk, 'intake', 'read', ...args], { maxBuffer: 16 * 1024 * 1024 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failure = error as { code: number; stdout: string; stderr: string };
    return { code: failure.code, stdout: failure.stdout, stderr: failure.stderr };
  }
}

interface Printed {
  kind: string | null;
  kindConfidence: number;
  fields: Record<string, { value: string; confidence: number }>;
  ms: number;
}

function values(printed: Printed): Record<string, string> {
  return Object.fromEntries(Object.entries(printed.fields).map(([key, field]) => [key, field.value]));
}

let dir: string;
let idCard: GeneratedPage;
let licence: GeneratedPage;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'kiosk-intake-read-'));
  // A seed of their own: not the pages the flows' tests see.
  [idCard, licence] = (await documentSet('renewal', { date: '2026-11-20', seed: 7, only: [{ kind: 'id_card', form: 'original' }, { kind: 'business_licence', form: 'copy' }] })) as [GeneratedPage, GeneratedPage];
  writeFileSync(join(dir, 'id-card.png'), idCard.png);
  writeFileSync(join(dir, 'licence.jpg'), await sharp(licence.png).jpeg({ quality: 85 }).toBuffer());
  writeFileSync(join(dir, 'blank.pnm'), encodePnm({ width: 800, height: 500, channels: 3, data: Buffer.alloc(800 * 500 * 3, 250) }));
  writeFileSync(join(dir, 'not-an-image.png'), 'these are not pixels\n');
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

// Each run loads the models and reads a page: seconds, more on a loaded machine.
describe('kiosk intake read', { timeout: 120_000 }, () => {
  it('reads an ID card (PNG): its kind, name, ID number, sex and birth date, exit 0', async () => {
    const outcome = await read([join(dir, 'id-card.png')]);
    expect(outcome.stderr).toBe('');
    expect(outcome.code).toBe(0);
    const printed = JSON.parse(outcome.stdout) as Printed;
    expect(Object.keys(printed)).toEqual(['kind', 'kindConfidence', 'fields', 'ms']);
    expect(printed.kind).toBe('id_card');
    expect(printed.kindConfidence).toBeGreaterThan(0.8);
    expect(values(printed)).toMatchObject({ name: idCard.spec.fields.name, idNumber: idCard.spec.fields.idNumber, sex: idCard.spec.fields.sex });
    for (const field of Object.values(printed.fields)) {
      expect(Object.keys(field)).toEqual(['value', 'confidence']);
      expect(field.confidence).toBeGreaterThanOrEqual(0);
      expect(field.confidence).toBeLessThanOrEqual(1);
    }
    expect(printed.ms).toBeGreaterThan(0);
  });

  it('reads a business licence (JPEG) and takes its QR as certain', async () => {
    const outcome = await read([join(dir, 'licence.jpg')]);
    expect(outcome.code).toBe(0);
    const printed = JSON.parse(outcome.stdout) as Printed;
    expect(printed.kind).toBe('business_licence');
    const { fields } = licence.spec;
    expect(values(printed)).toMatchObject({ name: fields.name, uscc: fields.uscc, legalRepresentative: fields.legalRepresentative, address: fields.address, validUntil: fields.validUntil });
    expect(printed.fields.uscc?.confidence).toBe(1);
  });

  it('with --kind reads only the fields; a page with nothing on it (PNM) exits 1', async () => {
    const blank = await read([join(dir, 'blank.pnm')]);
    expect(blank.code).toBe(1);
    expect(JSON.parse(blank.stdout)).toMatchObject({ kind: null, kindConfidence: 0, fields: {} });
    const given = await read(['--kind', 'id_card', join(dir, 'blank.pnm')]);
    expect(given.code).toBe(1);
    expect(JSON.parse(given.stdout)).toMatchObject({ kind: 'id_card', kindConfidence: 1, fields: {} });
  });

  it('refuses an unreadable file, a missing one and an unknown kind with exit 2 and one clear line', async () => {
    for (const [args, message] of [
      [[join(dir, 'not-an-image.png')], /not-an-image\.png: unreadable image/],
      [[join(dir, 'missing.png')], /no such file/],
      [['--kind', 'passport', join(dir, 'id-card.png')], /--kind: expected one of .*id_card/],
      [[], /no FILE given/],
    ] as const) {
      const outcome = await read([...args]);
      expect(outcome.code).toBe(2);
      expect(outcome.stdout).toBe('');
      expect(outcome.stderr).toMatch(message);
      expect(outcome.stderr).not.toMatch(/\n\s+at /);
    }
  });
});
