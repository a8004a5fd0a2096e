// The technician PIN for the service-switch path, kept in the configuration as a salted scrypt
// hash (`kiosk technician hash-pin` makes one); never the PIN itself.
import { randomBytes, scrypt, scryptSync, timingSafeEqual, type ScryptOptions } from 'node:crypto';

const cost = { N: 32768, r: 8, p: 1 } as const;

export function hashTechnicianPin(pin: string): string {
  const salt = randomBytes(16);
  const hash = scryptSync(pin, salt, 32, { ...cost, maxmem: 64 * 1024 * 1024 });
  return `scrypt:${cost.N}:${cost.r}:${cost.p}:${salt.toString('hex')}:${hash.toString('hex')}`;
}

/**
 * Whether `pin` is the one `stored` was made from. scrypt runs on libuv's thread pool, not on the
 * event loop: a burst of logins must not stall every other connection (~80 ms a check).
 */
export async function technicianPinMatches(pin: string, stored: string): Promise<boolean> {
  const match = /^scrypt:(\d+):(\d+):(\d+):([0-9a-f]{32}):([0-9a-f]{64})$/.exec(stored);
  if (match === null) return false;
  const [, n, r, p, salt, hash] = match;
  const expected = Buffer.from(hash ?? '', 'hex');
  const options: ScryptOptions = { N: Number(n), r: Number(r), p: Number(p), maxmem: 64 * 1024 * 1024 };
  const actual = await new Promise<Buffer>((resolve, reject) => {
    scrypt(pin, Buffer.from(salt ?? '', 'hex'), expected.length, options, (error, key) => (error === null ? resolve(key) : reject(error)));
  });
  return timingSafeEqual(actual, expected);
}
