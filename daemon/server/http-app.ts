// The HTTP side: the built UI, health for probes and the technician, Prometheus metrics.
import express, { type ErrorRequestHandler, type Express } from 'express';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { DeviceStatuses, KioskStatus } from '../../contract/protocol/catalogue.ts';
import type { IdCardReaderStatus } from '../../contract/devices/id-card-reader.ts';
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

/**
 * What every page and answer carries. The pages run only the kiosk's own scripts, talk only to
 * the daemon's own WebSocket, and cannot be framed, opened from elsewhere, or use a camera, a
 * microphone, USB or serial devices: a script injected into a page gets nothing to talk to.
 */
export function securityHeaders(host: string): Record<string, string> {
  const policy = [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    `connect-src 'self' ws://${host}`,
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
    "object-src 'none'",
  ].join('; ');
  return {
    'Content-Security-Policy': policy,
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
    'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), usb=(), serial=(), hid=(), payment=(), display-capture=(), clipboard-read=()',
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'X-Frame-Options': 'DENY',
  };
}

function httpStatusOf(error: unknown): number {
  const status = typeof error === 'object' && error !== null ? (error as { status?: unknown; statusCode?: unknown }).status ?? (error as { statusCode?: unknown }).statusCode : undefined;
  return typeof status === 'number' && status >= 400 && status < 600 ? status : 500;
}

/** The ID-card reader as health shows it: a card on it, never whose (not even masked). */
export type HealthIdCardReaderStatus = Exclude<IdCardReaderStatus, { state: 'cardPresent' }> | { state: 'cardPresent'; device: string };

/** What /api/health answers: the status without any holder. */
export type HealthStatus = Omit<KioskStatus, 'devices'> & { devices: Omit<DeviceStatuses, 'idCardReader'> & { idCardReader: HealthIdCardReaderStatus } };

/**
 * The status with the inserted card's facts left out (its number, holder and enterprise), and the
 * ID card on the reader reduced to its presence (no name, no masked number, no validity).
 */
export function withoutHolders(status: KioskStatus): HealthStatus {
  const reader = status.devices.cardReader;
  const idCard = status.devices.idCardReader;
  const cardReader = reader.state === 'present' && reader.card !== null ? { ...reader, card: null } : reader;
  const idCardReader: HealthIdCardReaderStatus = idCard.state === 'cardPresent' ? { state: 'cardPresent', device: idCard.device } : idCard;
  return { ...status, devices: { ...status.devices, cardReader, idCardReader } };
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
    for (const [name, value] of Object.entries(securityHeaders(request.headers.host ?? ''))) response.setHeader(name, value);
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
  // One answer for every error, whatever NODE_ENV says: its status and a short text, never a
  // path (express.static's ENOENT names the file) or a stack.
  app.use(((error, _request, response, _next) => {
    const status = httpStatusOf(error);
    response.status(status).type('text/plain').send(`${status === 404 ? 'not found' : status < 500 ? 'bad request' : 'internal error'}\n`);
  }) as ErrorRequestHandler);
  return app;
}
