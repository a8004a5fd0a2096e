import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['basics/**/*.test.ts', 'contract/**/*.test.ts', 'daemon/**/*.test.ts', 'drivers/**/*.test.ts', 'sim/**/*.test.ts', 'kiosk-ui/**/*.test.ts', 'tests/**/*.test.ts'],
    // Integration tests start real daemons and browsers; two cores are all we have.
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // expect.poll waits for a page or a daemon to get somewhere: 1 s (the default) is too short on a
    // shared 2-core machine under the browser tests' load; a poll that succeeds returns at once.
    expect: { poll: { timeout: 10_000 } },
  },
});
