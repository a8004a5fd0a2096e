// `kiosk intake check FILE [--registry]` as an operator runs it: exit 0 acceptable, 1 errors found,
// 2 unreadable input — with a clear message on stderr and never a stack trace.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rulebookBusinesses } from '../../contract/businesses.ts';
import { acceptablePackage, changedAddress, clone } from './fixture-packages.ts';

const root = join(import.meta.dirname, '..', '..');
const kiosk = join(root, 'bin', 'kiosk.mjs');
const packagesDir = join(import.meta.dirname, 'packages');
const run = promisify(execFile);

interface Outcome {
  code: number;
  stdout: string;
  stderr: string;
}

async function intake(args: string[]): Promise<Outcome> {
  try {
    const { stdout, stderr } = await run(process.execPath, [kiosk, 'intake', ...args], { maxBuffer: 64 * 1024 * 1024 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failure = error as { code: number; stdout: string; stderr: string };
    return { code: failure.code, stdout: failure.stdout, stderr: failure.stderr };
  }
}

let dir: string;
let stateDir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'kiosk-intake-cli-'));
  stateDir = mkdtempSync(join(tmpdir(), 'kiosk-intake-state-'));
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  rmSync(stateDir, { recursive: true, force: true });
});

function file(name: string, content: string | Uint8Array): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

function expectUnreadable(outcome: Outcome, message: RegExp | string): void {
  expect(outcome.code).toBe(2);
  expect(outcome.stdout).toBe('');
  if (typeof message === 'string') expect(outcome.stderr).toContain(message);
  else expect(outcome.stderr).toMatch(message);
  expect(outcome.stderr).not.toMatch(/^\s+at /m); // no stack trace
  expect(outcome.stderr.length).toBeLessThan(4000);
}

describe('the committed example packages', () => {
  it.each(rulebookBusinesses)('%s.json is the fixture package and is acceptable (exit 0, verdict on stdout)', async (business) => {
    const path = join(packagesDir, `${business}.json`);
    expect(JSON.parse(readFileSync(path, 'utf8'))).toEqual(acceptablePackage(business));
    const outcome = await intake(['check', path]);
    expect(outcome.stderr).toBe('');
    expect(outcome.code).toBe(0);
    expect(JSON.parse(outcome.stdout)).toMatchObject({ acceptable: true, business, findings: [], registry: null });
  });
});

describe('verdicts', () => {
  it('exits 1 with the findings as JSON when the package has errors', async () => {
    const pkg = clone(acceptablePackage('renewal'));
    pkg.documents = pkg.documents.filter((d) => d.kind !== 'introduction_letter');
    const outcome = await intake(['check', file('no-letter.json', JSON.stringify(pkg))]);
    expect(outcome.code).toBe(1);
    const verdict = JSON.parse(outcome.stdout) as { acceptable: boolean; findings: { ruleId: string; document?: { kind: string } }[] };
    expect(verdict.acceptable).toBe(false);
    expect(verdict.findings).toContainEqual(expect.objectContaining({ ruleId: 'R-DOC-MISSING', document: { kind: 'introduction_letter' } }));
  });

  it('exits 0 when only warnings are found', async () => {
    const pkg = clone(acceptablePackage('unlock'));
    pkg.documents.push({ kind: 'contact_proof', form: 'original', stamps: [], fields: {} });
    const outcome = await intake(['check', file('warning.json', JSON.stringify(pkg))]);
    expect(outcome.code).toBe(0);
    expect(JSON.parse(outcome.stdout)).toMatchObject({ acceptable: true, summary: { errors: 0, warnings: 1 } });
  });

  it('--date checks as of another day', async () => {
    const path = join(packagesDir, 'renewal.json');
    const outcome = await intake(['check', path, '--date', '2027-12-01']);
    expect(outcome.code).toBe(1);
    expect(JSON.parse(outcome.stdout)).toMatchObject({ date: '2027-12-01', dateSource: 'option' });
    expectUnreadable(await intake(['check', path, '--date', '1 Dec 2027']), '--date: expected a real date as YYYY-MM-DD');
  });

  it('reads the package from stdin with -', async () => {
    const child = execFile(process.execPath, [kiosk, 'intake', 'check', '-']);
    child.stdin?.end(JSON.stringify(acceptablePackage('unlock')));
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect(code).toBe(0);
  });
});

describe('--registry', () => {
  it('exits 0 for a renewal that matches the registry', async () => {
    const outcome = await intake(['check', join(packagesDir, 'renewal.json'), '--registry', '--state-dir', stateDir]);
    expect(outcome.code).toBe(0);
    expect(JSON.parse(outcome.stdout)).toMatchObject({ acceptable: true, registry: { consulted: true, cardNo: '8135020000000017' } });
  });

  it('exits 1 for a renewal whose papers differ from the registry: a change is required first', async () => {
    const pkg = clone(acceptablePackage('renewal'));
    pkg.enterprise!.address = changedAddress;
    for (const d of pkg.documents) if (d.fields.address !== undefined) d.fields.address = changedAddress;
    const outcome = await intake(['check', file('moved.json', JSON.stringify(pkg)), '--registry', '--state-dir', stateDir]);
    expect(outcome.code).toBe(1);
    const verdict = JSON.parse(outcome.stdout) as { findings: { ruleId: string; message: { zh: string; en: string } }[] };
    expect(verdict.findings.map((f) => f.ruleId)).toEqual(['R-REG-CHANGE-REQUIRED']);
    expect(verdict.findings[0]!.message.zh).toContain('需先办理变更');
    expect(verdict.findings[0]!.message.en).toContain('a change of information is required first');
  });

  it('without --registry the same package is acceptable', async () => {
    const pkg = clone(acceptablePackage('renewal'));
    pkg.enterprise!.address = changedAddress;
    for (const d of pkg.documents) if (d.fields.address !== undefined) d.fields.address = changedAddress;
    expect((await intake(['check', file('moved2.json', JSON.stringify(pkg))])).code).toBe(0);
  });
});

describe('unreadable input: exit 2, a clear message, no stack trace', () => {
  it('a missing file', async () => {
    expectUnreadable(await intake(['check', join(dir, 'nope.json')]), /cannot read .*nope\.json: no such file/);
  });

  it('a directory', async () => {
    expectUnreadable(await intake(['check', dir]), 'is a directory');
  });

  it('an empty file', async () => {
    expectUnreadable(await intake(['check', file('empty.json', '')]), 'the file is empty');
  });

  it('not JSON', async () => {
    expectUnreadable(await intake(['check', file('text.json', 'business: renewal\n')]), 'is not valid JSON');
  });

  it('a truncated file', async () => {
    const full = readFileSync(join(packagesDir, 'new_enrolment.json'), 'utf8');
    expectUnreadable(await intake(['check', file('truncated.json', full.slice(0, Math.floor(full.length / 2)))]), /not valid JSON \(it ends too early: truncated\?\)/);
  });

  it('invalid UTF-8 bytes, with their offset', async () => {
    const bytes = Buffer.concat([Buffer.from('{"business":"unlock","agent":{"name":"'), Buffer.from([0xe8, 0x28, 0xff]), Buffer.from('"}}')]);
    expectUnreadable(await intake(['check', file('latin.json', bytes)]), 'not UTF-8 text (invalid byte at offset 38)');
  });

  it('a GBK-encoded package (what a Windows editor may save)', async () => {
    // 许文彬 in GBK.
    const bytes = Buffer.concat([Buffer.from('{"business":"unlock","agent":{"name":"'), Buffer.from([0xd0, 0xed, 0xce, 0xc4, 0xb1, 0xf2]), Buffer.from('"}}')]);
    expectUnreadable(await intake(['check', file('gbk.json', bytes)]), 'not UTF-8 text');
  });

  it('a 10 MB string, named by its field', async () => {
    const pkg = clone(acceptablePackage('unlock'));
    pkg.documents[0]!.fields.name = 'x'.repeat(10 * 1024 * 1024); // 10 MB: within the file limit, so the schema names the field
    expectUnreadable(await intake(['check', file('huge-string.json', JSON.stringify(pkg))]), 'documents[0].fields.name: too long: 10485760 characters, at most 200 characters');
  });

  it('a file over 16 MiB, refused before reading', async () => {
    const path = file('huge-file.json', `{"business":"unlock","padding":"${'x'.repeat(17 * 1024 * 1024)}"}`);
    expectUnreadable(await intake(['check', path]), /has \d+ bytes; an intake package is at most 16777216 bytes/);
  });

  it('an array of 100k documents', async () => {
    const pkg = { business: 'unlock', documents: Array.from({ length: 100_000 }, () => ({ kind: 'id_card', form: 'copy' })) };
    expectUnreadable(await intake(['check', file('many.json', JSON.stringify(pkg))]), 'documents: too long: 100000 entries, at most 64 entries');
  });

  it('wrong types, each named by its path', async () => {
    const pkg = { business: 'renewal', date: 20261122, cards: { type: 'legal_person' }, documents: [{ kind: 'business_licence', form: 'photocopy', stamps: 'company_seal', fields: { consentToMail: 'yes' } }] };
    const outcome = await intake(['check', file('types.json', JSON.stringify(pkg))]);
    expectUnreadable(outcome, 'is not an intake package (format v1)');
    for (const line of ['date: expected a string, got a number', 'cards: expected an array, got an object', 'documents[0].form: expected one of "original", "copy"', 'documents[0].stamps: expected an array, got a string', 'documents[0].fields.consentToMail: expected a boolean, got a string']) {
      expect(outcome.stderr).toContain(line);
    }
  });

  it('a missing business and an unknown one', async () => {
    expectUnreadable(await intake(['check', file('no-business.json', '{"documents":[]}')]), 'business: expected one of "new_enrolment"');
    expectUnreadable(await intake(['check', file('bad-business.json', '{"business":"renew"}')]), 'business: expected one of');
  });

  it('JSON that is not an object', async () => {
    expectUnreadable(await intake(['check', file('array.json', '[1,2,3]')]), '(the package): expected an object, got an array');
  });

  it('usage errors', async () => {
    expectUnreadable(await intake(['check']), 'no FILE given');
    expectUnreadable(await intake([]), 'expected "check"');
    expectUnreadable(await intake(['verify', 'x.json']), 'unknown');
    expect((await intake(['check', 'a.json', '--bogus'])).code).toBe(2);
  });
});
