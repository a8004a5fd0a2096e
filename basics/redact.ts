// Privacy at the edge of every log line and journal row: a PIN is never written, an ID
// number is written masked (first 6, last 4), as PIPL and the kiosk's own rules require.

const pinKey = /pin/i;
const idKey = /idnumber|id_number|idno/i;
/** An 18-character resident ID number (GB 11643) or a 15-digit legacy one, anywhere in a string. */
const idNumberPattern = /(?<!\d)(\d{6})(\d{8}|\d{5})(\d{3}[\dXx])(?!\d)/g;

export function maskIdNumber(id: string): string {
  if (id.length <= 10) return '*'.repeat(id.length);
  return `${id.slice(0, 6)}${'*'.repeat(id.length - 10)}${id.slice(-4)}`;
}

function maskIdsInText(text: string): string {
  return text.replace(idNumberPattern, (match) => maskIdNumber(match));
}

const noSecretKeys: ReadonlySet<string> = new Set();

/** A deep copy with PIN-like keys removed and ID numbers masked. */
export function redact(value: unknown, depth = 0): unknown {
  return redactDeep(value, depth, noSecretKeys);
}

/**
 * `redact` that also removes the keys named in `secretKeys`, whatever they are called (the
 * daemon passes every secret field of its protocol, e.g. `confirmation`).
 */
export function redactWith(secretKeys: ReadonlySet<string>): (value: unknown) => unknown {
  return (value) => redactDeep(value, 0, secretKeys);
}

function redactDeep(value: unknown, depth: number, secretKeys: ReadonlySet<string>): unknown {
  if (depth > 8) return '[too deep]';
  if (typeof value === 'string') return maskIdsInText(value);
  if (Array.isArray(value)) return value.map((item) => redactDeep(item, depth + 1, secretKeys));
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, inner] of Object.entries(value)) {
      if (secretKeys.has(key) || (pinKey.test(key) && !/pinTries|pinRetr/i.test(key))) out[key] = '[redacted]';
      else if (idKey.test(key) && typeof inner === 'string') out[key] = maskIdNumber(inner);
      else out[key] = redactDeep(inner, depth + 1, secretKeys);
    }
    return out;
  }
  return value;
}
