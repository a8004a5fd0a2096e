// Builds the kiosk UI into kiosk-ui/dist, which the daemon serves: the agent's screen at /, the
// technician page at /technician/ and the simulator's dev dock at /dev-dock/. `vite --config kiosk-ui/vite.config.ts` serves it in
// development, proxying /ws to a daemon (KIOSK_DAEMON_URL, default http://127.0.0.1:8080).
import { resolve } from 'node:path';
import { defineConfig } from 'vite';

const root = import.meta.dirname;
const repoRoot = resolve(root, '..');
const daemonUrl = process.env.KIOSK_DAEMON_URL ?? 'http://127.0.0.1:8080';

export default defineConfig({
  root,
  base: '/',
  publicDir: false,
  build: {
    outDir: resolve(root, 'dist'),
    emptyOutDir: true,
    // The appliance runs a current Chromium; no legacy transforms.
    target: 'es2023',
    reportCompressedSize: true,
    rolldownOptions: {
      input: {
        kiosk: resolve(root, 'index.html'),
        technician: resolve(root, 'technician/index.html'),
        devDock: resolve(root, 'dev-dock/index.html'),
      },
      output: {
        // Named chunks: lit and zod apart from the code both pages share. The text keyboard's
        // dictionaries (pinyin-pro, simple-keyboard-layouts) stay out of them: they go with
        // pinyin-table.ts into the chunk the keyboard imports when it first opens.
        codeSplitting: {
          groups: [
            { name: 'vendor', test: /node_modules[\\/](?!pinyin-pro[\\/]|simple-keyboard-layouts[\\/])/ },
            { name: 'shared', minShareCount: 2 },
          ],
        },
      },
    },
  },
  server: {
    // The UI imports the protocol and device types from daemon/ and drivers/.
    fs: { allow: [repoRoot] },
    proxy: {
      '/ws': {
        target: daemonUrl,
        ws: true,
        // The daemon accepts /ws only from its own origin and host (a cross-site guard): in
        // development the proxy speaks as that origin.
        changeOrigin: true,
        configure: (proxy) => {
          proxy.on('proxyReqWs', (request) => request.setHeader('origin', new URL(daemonUrl).origin));
        },
      },
    },
  },
});
