import { createPrivateKey, generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { PersonalisationRecord } from './personalise.ts';
import { cardStateFromRecord, personalise } from './personalise.ts';
import { CardStateFile } from './card-state.ts';
import type { TestCa } from '../../tests/support/test-certificates.ts';
import { createTestCa, createTestCardKey } from '../../tests/support/test-certificates.ts';

let ca: TestCa;
let record: PersonalisationRecord;
let stateDir: string;

beforeAll(async () => {
  ca = await createTestCa();
});

beforeEach(async () => {
  stateDir = mkdtempSync(join(tmpdir(), 'eport-personalise-'));
  const key = await createTestCardKey(ca, '1000', new Date('2027-01-01T00:00:00Z'));
  record = {
    cardNo: '1000', cardType: 'tax_clerk', holderName: '王五', holderIdNumber: '110101199003071234', enterpriseName: '示例',
    uscc: '91440300MA5DXXXX0X', lifecycle: 'locked', pin: '88888888', unblockKey: Buffer.alloc(16, 1),
    currentKeyPair: { pkcs8Der: key.privateKey.export({ format: 'der', type: 'pkcs8' }) }, currentCertificateDer: key.certificateDer,
  };
});

afterEach(() => {
  rmSync(stateDir, { recursive: true, force: true });
});

describe('personalise', () => {
  it('writes one private file per card and refuses to overwrite unless asked', () => {
    const written = personalise(stateDir, record);
    expect(written).toEqual({ ok: true, value: join(stateDir, '1000.json') });
    expect(statSync(join(stateDir, '1000.json')).mode & 0o777).toBe(0o600);
    const state = new CardStateFile(join(stateDir, '1000.json')).load();
    expect(state.ok && [state.value.status, state.value.pin.triesLeft, state.value.pin.mustChange]).toEqual(['active', 0, true]);
    expect(personalise(stateDir, record).ok).toBe(false);
    expect(personalise(stateDir, { ...record, lifecycle: 'frozen' }, { overwrite: true }).ok).toBe(true);
  });

  it('accepts a JWK key and maps administrative lifecycles', () => {
    const pkcs8 = (record.currentKeyPair as { pkcs8Der: Buffer }).pkcs8Der;
    const asJwk = createPrivateKey({ key: pkcs8, format: 'der', type: 'pkcs8' }).export({ format: 'jwk' });
    const state = cardStateFromRecord({ ...record, lifecycle: 'reportedLost', currentKeyPair: { jwk: asJwk } });
    expect(state.ok && [state.value.status, state.value.pin.triesLeft]).toEqual(['reportedLost', 3]);
  });

  it('rejects inconsistent records', () => {
    const other = generateKeyPairSync('ec', { namedCurve: 'prime256v1' }).privateKey;
    const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey;
    expect(cardStateFromRecord({ ...record, currentKeyPair: other })).toEqual({ ok: false, error: 'current certificate does not certify the current key' });
    expect(cardStateFromRecord({ ...record, currentKeyPair: rsa }).ok).toBe(false);
    expect(cardStateFromRecord({ ...record, pin: '1234' }).ok).toBe(false);
    expect(cardStateFromRecord({ ...record, cardNo: '../etc' }).ok).toBe(false);
    expect(cardStateFromRecord({ ...record, unblockKey: Buffer.alloc(8) }).ok).toBe(false);
    expect(cardStateFromRecord({ ...record, lifecycle: 'active', pinTriesLeft: 4 }).ok).toBe(false);
    expect(cardStateFromRecord({ ...record, currentCertificateDer: Buffer.from('junk') }).ok).toBe(false);
  });
});
