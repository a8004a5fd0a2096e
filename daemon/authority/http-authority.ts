// The Authority over HTTP(S) to a real back office (docs/authority.md, "HTTP API").
// Network failures and 502/503/504 are retried with the SAME idempotency key, so a retry after
// a lost answer gets the first answer, never a second certificate. What is still failing after
// the retries is a value (unreachable, internal), never an exception.
import type { z } from 'zod';
import { err, ok, type Result } from '../../basics/result.ts';
import type { Authority, AuthorityError } from '../../contract/authority/authority.ts';
import {
  activationAnswer,
  caCertificateAnswer,
  cardLookupAnswer,
  errorAnswer,
  idempotencyHeader,
  intakeTicketAnswer,
  registryChallengeAnswer,
  registryChangeAnswer,
  issuedCertificateAnswer,
  paths,
  pendingRenewalAnswer,
  phoneNumbersAnswer,
  toWire,
  unlockAuthorisationAnswer,
  unlockDoneAnswer,
} from '../../contract/authority/http-wire.ts';

export interface HttpAuthorityOptions {
  /** e.g. https://backoffice.example/authority — a private CA goes in NODE_EXTRA_CA_CERTS. */
  baseUrl: string;
  /** Per attempt. */
  timeoutMs?: number;
  /** Further attempts after the first. */
  retries?: number;
  /** Doubles after each attempt. */
  retryDelayMs?: number;
  /** Sent with every request, e.g. { Authorization: 'Bearer …' }. */
  headers?: Record<string, string>;
  fetch?: typeof globalThis.fetch;
}

const retryableStatuses = new Set([502, 503, 504]);

/** The largest answer read: a certificate and its chain are a few KB; a back office gone wrong must not fill memory. */
const maxAnswerBytes = 1024 * 1024;

/** The body as text, or null as soon as it passes `limit` bytes (the rest is not read). */
async function readCapped(response: globalThis.Response, limit: number): Promise<string | null> {
  if (response.body === null) return '';
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = response.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

type Attempt = { kind: 'answer'; status: number; body: unknown } | { kind: 'network'; detail: string } | { kind: 'unreadable'; status: number; detail: string };

function describeFailure(error: unknown): string {
  if (error instanceof Error) {
    const cause = error.cause instanceof Error ? `: ${error.cause.message}` : '';
    return `${error.name === 'TimeoutError' ? 'timed out' : error.message}${cause}`;
  }
  return String(error);
}

export function createHttpAuthority(options: HttpAuthorityOptions): Authority {
  const base = options.baseUrl.replace(/\/+$/, '');
  const timeoutMs = options.timeoutMs ?? 10_000;
  const retries = options.retries ?? 2;
  const retryDelayMs = options.retryDelayMs ?? 250;
  const doFetch = options.fetch ?? globalThis.fetch;

  async function attempt(method: 'GET' | 'POST', path: string, body: unknown, idempotencyKey: string | undefined): Promise<Attempt> {
    const headers: Record<string, string> = { accept: 'application/json', ...options.headers };
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (idempotencyKey !== undefined) headers[idempotencyHeader] = idempotencyKey;
    let response: globalThis.Response;
    try {
      response = await doFetch(`${base}${path}`, {
        method,
        headers,
        body: body === undefined ? null : JSON.stringify(toWire(body)),
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (error) {
      return { kind: 'network', detail: describeFailure(error) };
    }
    let text: string;
    try {
      const body = await readCapped(response, maxAnswerBytes);
      if (body === null) return { kind: 'unreadable', status: response.status, detail: `HTTP ${response.status} with an answer over ${maxAnswerBytes} bytes` };
      text = body;
    } catch (error) {
      // The connection died while the answer was arriving: as good as no answer.
      return { kind: 'network', detail: describeFailure(error) };
    }
    try {
      return { kind: 'answer', status: response.status, body: JSON.parse(text) as unknown };
    } catch {
      return { kind: 'unreadable', status: response.status, detail: `HTTP ${response.status} with a body that is not JSON` };
    }
  }

  async function call<S extends z.ZodType>(method: 'GET' | 'POST', path: string, answer: S, body?: unknown, idempotencyKey?: string): Promise<Result<z.output<S>, AuthorityError>> {
    let last: Attempt = { kind: 'network', detail: 'no attempt made' };
    for (let n = 0; n <= retries; n++) {
      if (n > 0) await new Promise((resolve) => setTimeout(resolve, retryDelayMs * 2 ** (n - 1)));
      last = await attempt(method, path, body, idempotencyKey);
      const retryable = last.kind === 'network' || retryableStatuses.has(last.status);
      if (!retryable) break;
    }
    switch (last.kind) {
      case 'network':
        return err({ kind: 'unreachable', detail: last.detail });
      case 'unreadable':
        return err(last.status >= 500 ? { kind: 'internal', detail: last.detail } : { kind: 'protocolError', detail: last.detail });
      case 'answer': {
        if (last.status >= 200 && last.status < 300) {
          const parsed = answer.safeParse(last.body);
          return parsed.success ? ok(parsed.data) : err({ kind: 'protocolError', detail: `unexpected answer: ${parsed.error.issues[0]?.message ?? 'invalid'}` });
        }
        const failure = errorAnswer.safeParse(last.body);
        if (failure.success) return err(failure.data.error);
        if (last.status >= 500) return err({ kind: 'internal', detail: `HTTP ${last.status}` });
        return err({ kind: 'protocolError', detail: `HTTP ${last.status} without an error the kiosk knows` });
      }
    }
  }

  return {
    lookupCard: (cardNo) => call('GET', paths.card(cardNo), cardLookupAnswer),
    pendingRenewal: (cardNo) => call('GET', paths.pendingRenewal(cardNo), pendingRenewalAnswer),
    phoneNumbersOnRecord: (cardNo) => call('GET', paths.phoneNumbers(cardNo), phoneNumbersAnswer),
    caCertificate: () => call('GET', paths.caCertificate, caCertificateAnswer),
    authoriseUnlock: ({ idempotencyKey, ...body }) => call('POST', paths.unlockAuthorisations, unlockAuthorisationAnswer, body, idempotencyKey),
    reportUnlockDone: ({ idempotencyKey, ...body }) => call('POST', paths.unlockCompletions, unlockDoneAnswer, body, idempotencyKey),
    issueCertificate: ({ idempotencyKey, ...body }) => call('POST', paths.certificates, issuedCertificateAnswer, body, idempotencyKey),
    confirmActivation: ({ idempotencyKey, ...body }) => call('POST', paths.activations, activationAnswer, body, idempotencyKey),
    submitIntake: ({ idempotencyKey, ...body }) => call('POST', paths.intakePackages, intakeTicketAnswer, body, idempotencyKey),
    // No key: a retry makes another challenge, and the unused one expires.
    registryChallenge: (body) => call('POST', paths.registryChallenges, registryChallengeAnswer, body),
    manageCard: ({ idempotencyKey, ...body }) => call('POST', paths.registryOperations, registryChangeAnswer, body, idempotencyKey),
  };
}
