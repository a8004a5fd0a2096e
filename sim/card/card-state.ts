// The virtual card's non-volatile memory: one JSON file per card, replaced atomically
// (temp file, fsync, rename, fsync of the directory) so a power loss between or during
// writes leaves either the old or the new state, never a mixture.
import { closeSync, existsSync, fsyncSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { z } from 'zod';
import type { Result } from '../../basics/result.ts';
import { err, ok } from '../../basics/result.ts';

const hex = z.string().regex(/^(?:[0-9a-f]{2})*$/);
const base64 = z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/);

export const cardStateSchema = z.object({
  version: z.literal(1),
  cardNo: z.string().regex(/^[0-9A-Za-z]{1,32}$/),
  cardType: z.enum(['legal_person', 'operator', 'tax_clerk', 'technician']),
  holderName: z.string(),
  holderIdNumber: z.string(),
  enterpriseName: z.string(),
  uscc: z.string(),
  status: z.enum(['active', 'frozen', 'reportedLost', 'invalidated']),
  pin: z.object({
    /** scrypt(PIN, salt): the card's own secret storage; the PIN itself is never written. */
    salt: hex,
    hash: hex,
    triesLeft: z.int().min(0),
    maxTries: z.int().min(1).max(15),
    mustChange: z.boolean(),
  }),
  unblock: z.object({ key: hex, triesLeft: z.int().min(0), maxTries: z.int().min(1).max(15) }),
  current: z.object({ privateKeyPkcs8: base64, certificateDer: base64 }),
  pending: z.object({ privateKeyPkcs8: base64.nullable(), certificateDer: base64.nullable() }),
});

export type CardState = z.infer<typeof cardStateSchema>;

export function cardStatePath(stateDir: string, cardNo: string): string {
  return join(stateDir, `${cardNo}.json`);
}

/** A write the simulated power loss cut short: the temp file is half written, the rename never happened. */
export type SaveError = 'powerLost' | 'ioError';

export interface CardStateFileOptions {
  /** Test hook: the n-th save (1-based, counted over this object's life) loses power half-way. */
  powerLossAtWrite?: number;
}

export class CardStateFile {
  readonly path: string;
  readonly #powerLossAtWrite: number | undefined;
  #writes = 0;

  constructor(path: string, options: CardStateFileOptions = {}) {
    this.path = path;
    this.#powerLossAtWrite = options.powerLossAtWrite;
  }

  /** Saves attempted so far, torn ones included (for tests that cut at every write). */
  get writes(): number {
    return this.#writes;
  }

  load(): Result<CardState, string> {
    let text: string;
    try {
      text = readFileSync(this.path, 'utf8');
    } catch {
      return err(`cannot read ${this.path}`);
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      return err(`${this.path} is not JSON`);
    }
    const parsed = cardStateSchema.safeParse(json);
    return parsed.success ? ok(parsed.data) : err(`${this.path}: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
  }

  save(state: CardState): Result<void, SaveError> {
    this.#writes++;
    const temp = `${this.path}.tmp`;
    const bytes = Buffer.from(`${JSON.stringify(state, null, 2)}\n`, 'utf8');
    const tear = this.#writes === this.#powerLossAtWrite;
    try {
      const fd = openSync(temp, 'w', 0o600);
      try {
        writeSync(fd, tear ? bytes.subarray(0, bytes.length >> 1) : bytes);
        if (tear) return err('powerLost');
        fsyncSync(fd);
      } finally {
        closeSync(fd);
      }
      renameSync(temp, this.path);
      const dir = openSync(dirname(this.path), 'r');
      try {
        fsyncSync(dir);
      } finally {
        closeSync(dir);
      }
      return ok(undefined);
    } catch {
      return err('ioError');
    }
  }

  /** Leftover of a torn write: never read, removed at power-on. */
  removeTornWrite(): void {
    const temp = `${this.path}.tmp`;
    if (existsSync(temp)) rmSync(temp, { force: true });
  }
}
