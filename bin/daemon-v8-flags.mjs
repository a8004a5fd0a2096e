// V8 flags for the daemon (`kiosk run`): the systemd unit's ExecStart= gives them, and bin/kiosk.mjs
// re-executes itself with them when started without (tests/systemd/units.test.ts holds the two
// together). Measured with `npm run bench:soak` (README, "Memory"): left to its defaults V8 grows
// the young generation to 64 MiB once a long-running daemon has allocated enough, and lets
// old-space garbage pile up to a limit sized for a desktop before a full collection — 30–40 MiB
// more resident for good, which a kiosk's few messages a second never need. --optimize-for-size
// (1 MiB semi-spaces, conservative heap growth) keeps it flat; it costs a session's p95 ~16 ms.
export const daemonV8Flags = ['--optimize-for-size'];
