// Exposes an Authority (usually the SimAuthority) over the HTTP API of docs/authority.md:
// the test server of the HTTP client, and a stand-in back office for a kiosk in a lab.
import { createHash, timingSafeEqual } from 'node:crypto';
import express, { type ErrorRequestHandler, type Request, type RequestHandler, type Response } from 'express';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { z } from 'zod';
import type { Result } from '../../basics/result.ts';
import type { Authority, AuthorityError } from '../../contract/authority/authority.ts';
import {
  authoriseUnlockBody,
  confirmActivationBody,
  httpStatusOf,
  idempotencyHeader,
  issueCertificateBody,
  manageCardBody,
  paths,
  registryChallengeBody,
  reportUnlockDoneBody,
  submitIntakeBody,
  toWire,
} from '../../contract/authority/http-wire.ts';

function send(res: Response, result: Result<unknown, AuthorityError>): void {
  if (result.ok) res.status(200).json(toWire(result.value));
  else res.status(httpStatusOf(result.error)).json({ error: toWire(result.error) });
}

function invalid(res: Response, issues: string[]): void {
  send(res, { ok: false, error: { kind: 'invalidRequest', issues } });
}

/** The parsed body and idempotency key, or null after answering 400. */
function accept<S extends z.ZodType>(schema: S, req: Request, res: Response): { body: z.output<S>; idempotencyKey: string } | null {
  const idempotencyKey = req.get(idempotencyHeader);
  const parsed = schema.safeParse(req.body);
  const issues: string[] = [];
  if (idempotencyKey === undefined || idempotencyKey.trim() === '' || idempotencyKey.length > 200) issues.push(`the ${idempotencyHeader} header is required (at most 200 characters)`);
  if (!parsed.success) issues.push(...parsed.error.issues.map((issue) => `${issue.path.join('.') || 'body'}: ${issue.message}`));
  if (!parsed.success || idempotencyKey === undefined || issues.length > 0) {
    invalid(res, issues);
    return null;
  }
  return { body: parsed.data, idempotencyKey };
}

export function createAuthorityRouter(authority: Authority): express.Router {
  const router = express.Router();
  router.use(express.json({ limit: '2mb' }));

  router.get('/v1/cards/:cardNo', async (req, res) => {
    send(res, await authority.lookupCard(req.params.cardNo));
  });
  router.get('/v1/cards/:cardNo/pending-renewal', async (req, res) => {
    send(res, await authority.pendingRenewal(req.params.cardNo));
  });
  router.get('/v1/cards/:cardNo/phone-numbers', async (req, res) => {
    send(res, await authority.phoneNumbersOnRecord(req.params.cardNo));
  });
  router.get(paths.caCertificate, async (_req, res) => {
    send(res, await authority.caCertificate());
  });
  router.post(paths.unlockAuthorisations, async (req, res) => {
    const request = accept(authoriseUnlockBody, req, res);
    if (request !== null) send(res, await authority.authoriseUnlock({ idempotencyKey: request.idempotencyKey, ...request.body }));
  });
  router.post(paths.unlockCompletions, async (req, res) => {
    const request = accept(reportUnlockDoneBody, req, res);
    if (request !== null) send(res, await authority.reportUnlockDone({ idempotencyKey: request.idempotencyKey, ...request.body }));
  });
  router.post(paths.certificates, async (req, res) => {
    const request = accept(issueCertificateBody, req, res);
    if (request !== null) send(res, await authority.issueCertificate({ idempotencyKey: request.idempotencyKey, ...request.body }));
  });
  router.post(paths.activations, async (req, res) => {
    const request = accept(confirmActivationBody, req, res);
    if (request !== null) send(res, await authority.confirmActivation({ idempotencyKey: request.idempotencyKey, ...request.body }));
  });
  router.post(paths.intakePackages, async (req, res) => {
    const request = accept(submitIntakeBody, req, res);
    if (request !== null) send(res, await authority.submitIntake({ idempotencyKey: request.idempotencyKey, ...request.body }));
  });

  router.post(paths.registryChallenges, async (req, res) => {
    // A fresh challenge per call: no idempotency key.
    const parsed = registryChallengeBody.safeParse(req.body);
    if (!parsed.success) invalid(res, parsed.error.issues.map((issue) => `${issue.path.join('.') || 'body'}: ${issue.message}`));
    else send(res, await authority.registryChallenge(parsed.data));
  });
  router.post(paths.registryOperations, async (req, res) => {
    const request = accept(manageCardBody, req, res);
    if (request !== null) send(res, await authority.manageCard({ idempotencyKey: request.idempotencyKey, ...request.body }));
  });

  const failed: ErrorRequestHandler = (error: unknown, _req, res, next) => {
    if (res.headersSent) {
      next(error);
      return;
    }
    // body-parser marks unparseable and oversized bodies with a 4xx status: the client's fault.
    const status = typeof error === 'object' && error !== null && 'status' in error && typeof error.status === 'number' ? error.status : 500;
    if (status >= 400 && status < 500) invalid(res, [error instanceof Error ? error.message : 'unreadable request']);
    else send(res, { ok: false, error: { kind: 'internal', detail: 'the authority failed; see its log' } });
  };
  router.use(failed);
  return router;
}

export interface AuthorityServerOptions {
  authority: Authority;
  host?: string;
  /** 0 (the default) picks a free port. */
  port?: number;
  /** Middleware run before the API (tests use it to drop responses). */
  before?: RequestHandler[];
  /** The bearer token a request must carry, as a real back office would ask; null: none asked. */
  token?: string | null;
}

export interface RunningAuthorityServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

/** Refuses a request without `Authorization: Bearer <token>` (compared in constant time). */
function requireBearer(token: string): RequestHandler {
  const expected = createHash('sha256').update(token).digest();
  return (request, response, next) => {
    const given = /^Bearer (.+)$/.exec(request.headers.authorization ?? '')?.[1] ?? '';
    if (timingSafeEqual(createHash('sha256').update(given).digest(), expected)) {
      next();
      return;
    }
    response.status(401).json({ error: { kind: 'protocolError', detail: 'a bearer token is required' } });
  };
}

export async function startAuthorityServer(options: AuthorityServerOptions): Promise<RunningAuthorityServer> {
  const app = express();
  app.disable('x-powered-by');
  for (const handler of options.before ?? []) app.use(handler);
  const token = options.token ?? null;
  if (token !== null) app.use(requireBearer(token));
  app.use(createAuthorityRouter(options.authority));
  const host = options.host ?? '127.0.0.1';
  const server: Server = await new Promise((resolve, reject) => {
    const listening = app.listen(options.port ?? 0, host, (error?: Error) => {
      if (error === undefined) resolve(listening);
      else reject(error);
    });
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${host}:${port}`,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => {
          resolve();
        });
        server.closeAllConnections();
      }),
  };
}
