// A stand-in back office: the simulated authority over the HTTP API, until killed.
//   node sim/authority/serve-sim-authority.ts --state-dir DIR [--host 127.0.0.1] [--port 8090]
// The bearer token it asks for, if any, comes from AUTHORITY_TOKEN (never a flag: ps shows flags).
// Prints one JSON line with the URL when it listens.
import { parseArgs } from 'node:util';
import { startAuthorityServer } from './http-authority-server.ts';
import { openSimAuthority } from './sim-authority.ts';

const { values } = parseArgs({
  options: { 'state-dir': { type: 'string' }, host: { type: 'string', default: '127.0.0.1' }, port: { type: 'string', default: '8090' } },
  strict: true,
});
const stateDir = values['state-dir'];
const port = Number(values.port);
if (stateDir === undefined || !Number.isInteger(port) || port < 0 || port > 65535) {
  process.stderr.write('usage: serve-sim-authority.ts --state-dir DIR [--host HOST] [--port N]\n');
  process.exit(2);
}
const authority = await openSimAuthority({ stateDir });
const server = await startAuthorityServer({ authority, host: values.host, port, token: process.env.AUTHORITY_TOKEN ?? null });
process.stdout.write(`${JSON.stringify({ authority: server.url, stateDir: authority.paths.dir })}\n`);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void server.close().then(() => {
      authority.close();
    });
  });
}
