// The HTTP side: the built UI, health for probes and the technician, Prometheus metrics.
import express, { type Express } from 'express';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { KioskStatus } from '../../contract/protocol/catalogue.ts';
import type { KioskMetrics } from './metrics.ts';

export interface HttpAppOptions {
  uiDir: string;
  status: () => KioskStatus;
  metrics: KioskMetrics;
  /** Host headers the daemon answers to (its loopback names): a DNS-rebinding guard. */
  isAllowedHost: (host: string | undefined) => boolean;
  /** Refreshes gauges that are read, not pushed, just before a scrape. */
  beforeScrape?: () => void;
}

/** The status with the inserted card's facts left out (its number, holder and enterprise). */
export function withoutHolders(status: KioskStatus): KioskStatus {
  const reader = status.devices.cardReader;
  if (reader.state !== 'present' || reader.card === null) return status;
  return { ...status, devices: { ...status.devices, cardReader: { ...reader, card: null } } };
}

export function createHttpApp(options: HttpAppOptions): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', 'strong');

  app.use((request, response, next) => {
    if (!options.isAllowedHost(request.headers.host)) {
      response.status(421).type('text/plain').send('misdirected request: unknown Host\n');
      return;
    }
    response.setHeader('X-Content-Type-Options', 'nosniff');
    response.setHeader('Referrer-Policy', 'no-referrer');
    response.setHeader('X-Frame-Options', 'DENY');
    next();
  });

  app.get('/api/health', (_request, response) => {
    // 200 whenever the daemon answers: an out-of-service kiosk is still a healthy daemon,
    // and the body says which devices need a technician. Device states, never who holds the
    // card in the reader: any local user can read this.
    response.json(withoutHolders(options.status()));
  });

  app.get('/metrics', async (_request, response) => {
    options.metrics.updateDevices(options.status().devices);
    options.beforeScrape?.();
    response.type(options.metrics.registry.contentType).send(await options.metrics.registry.metrics());
  });

  if (existsSync(join(options.uiDir, 'index.html'))) {
    // Hashed assets may be cached for ever; HTML never, so an update reaches the screen.
    app.use('/assets', express.static(join(options.uiDir, 'assets'), { immutable: true, maxAge: '365d', fallthrough: false }));
    app.use(express.static(options.uiDir, { index: 'index.html', maxAge: 0, redirect: true }));
  } else {
    app.get('/', (_request, response) => {
      response
        .status(503)
        .type('text/plain')
        .send(`The kiosk UI is not built (no ${options.uiDir}/index.html).\nRun: npm run build:ui\n`);
    });
  }

  app.use((_request, response) => {
    response.status(404).type('text/plain').send('not found\n');
  });
  return app;
}
