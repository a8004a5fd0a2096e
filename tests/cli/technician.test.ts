import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { technicianPinMatches } from '../../daemon/kiosk/technician-pin.ts';
import { repoRoot } from '../support/daemon-process.ts';

const kiosk = (input: string) =>
  spawnSync(process.execPath, [join(repoRoot, 'bin', 'kiosk.mjs'), 'technician', 'hash-pin'], { input, encoding: 'utf8' });

describe('kiosk technician hash-pin', () => {
  it('prints a scrypt hash of the PIN read from stdin, never the PIN', async () => {
    const result = kiosk('24681357\n');
    expect(result.status).toBe(0);
    const hash = result.stdout.trim();
    expect(hash).toMatch(/^scrypt:32768:8:1:[0-9a-f]{32}:[0-9a-f]{64}$/);
    expect(await technicianPinMatches('24681357', hash)).toBe(true);
    expect(result.stdout + result.stderr).not.toContain('24681357');
  });

  it('refuses a PIN the policy refuses, with exit 2', () => {
    const result = kiosk('12345678\n');
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/run of digits/);
    expect(kiosk('').status).toBe(2);
  });
});
