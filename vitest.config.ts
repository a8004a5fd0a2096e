import { defineConfig } from 'vitest/config';

const allTests = ['basics/**/*.test.ts', 'contract/**/*.test.ts', 'daemon/**/*.test.ts', 'drivers/**/*.test.ts', 'sim/**/*.test.ts', 'kiosk-ui/**/*.test.ts', 'tests/**/*.test.ts'];
/** The browser tests: each drives Chromium over a real daemon and, for the flows, the one pcscd. */
const browserTests = 'tests/browser/**/*.test.ts';

export default defineConfig({
  test: {
    // Integration tests start real daemons and browsers; two cores are all we have.
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // expect.poll waits for a page or a daemon to get somewhere: 1 s (the default) is too short on a
    // shared 2-core machine under the browser tests' load; a poll that succeeds returns at once.
    expect: { poll: { timeout: 10_000 } },
    // Two groups, one after the other (sequence.groupOrder): every other file two at a time — much
    // of their time is spent waiting on child processes, sockets and timers, so a second worker
    // nearly halves it — then the browser files one at a time, alone on the machine: Chromium, the
    // daemon and the page each want a core, and a flow's timeouts assume they get it.
    projects: [
      { extends: true, test: { name: 'unit', include: allTests, exclude: [browserTests], maxWorkers: 2, sequence: { groupOrder: 0 } } },
      { extends: true, test: { name: 'browser', include: [browserTests], maxWorkers: 1, sequence: { groupOrder: 1 } } },
    ],
  },
});
