// Validation of every inbound WebSocket text frame. Pure, so the table of bad messages is
// unit-tested without a socket.
import type { z } from 'zod';
import { commandPayloadSchemas, isCommandName, type CommandName } from './catalogue.ts';
import { inboundMessageSchema, messageNamePattern, type CompletionCode } from './envelope.ts';

export type ParsedInbound =
  | { kind: 'command'; name: CommandName; requestId: number; timeoutMs: number | undefined; payload: unknown }
  /** Answerable: a completion with this code goes back (without requestId when it was unreadable). */
  | { kind: 'reject'; name: string; requestId: number | undefined; completionCode: Exclude<CompletionCode, 'success'>; description: string }
  /** Nothing usable: the connection is closed with the reason. */
  | { kind: 'unparseable'; description: string };

function describeIssues(error: z.ZodError, prefix: string): string {
  return error.issues
    .slice(0, 5)
    .map((issue) => {
      const path = [prefix, ...issue.path.map(String)].filter((part) => part !== '').join('.');
      return `${path || '(message)'}: ${issue.message}`;
    })
    .join('; ');
}

/** What can be salvaged from a broken message, so the error reaches the right request. */
function looseHeader(value: unknown): { name: string; requestId: number | undefined } {
  const header = typeof value === 'object' && value !== null && 'header' in value ? (value).header : undefined;
  if (typeof header !== 'object' || header === null) return { name: 'Common.Error', requestId: undefined };
  const { name, requestId } = header as { name?: unknown; requestId?: unknown };
  return {
    name: typeof name === 'string' && messageNamePattern.test(name) ? name : 'Common.Error',
    requestId: typeof requestId === 'number' && Number.isSafeInteger(requestId) && requestId >= 1 ? requestId : undefined,
  };
}

/** Keys that reach an object's prototype: refused anywhere in a message, known or not. */
const prototypeKeys = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * Just enough of a frame to answer it (its name and requestId), without validating it: for a
 * frame over the connection's budget, answered tooManyRequests before any schema runs.
 */
export function parseHeaderOnly(text: string): { name: string; requestId: number | undefined } {
  try {
    return looseHeader(JSON.parse(text));
  } catch {
    return { name: 'Common.Error', requestId: undefined };
  }
}

export function parseInbound(text: string): ParsedInbound {
  let json: unknown;
  const found: { prototypeKey: string | null } = { prototypeKey: null };
  try {
    // JSON.parse makes "__proto__" an own key that schema checks may pass over: look for it here.
    json = JSON.parse(text, (key: string, value: unknown) => {
      if (prototypeKeys.has(key)) found.prototypeKey = key;
      return value;
    });
  } catch (e) {
    // Never the parser's message: it quotes the frame around the error, and the frame may carry a
    // PIN. Where it broke and how long the frame was are enough to find the bug.
    const position = /at position (\d+)/.exec((e as Error).message)?.[1];
    return { kind: 'unparseable', description: `not JSON (${position === undefined ? '' : `error at character ${position} of `}a ${text.length}-character frame)` };
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    return { kind: 'unparseable', description: 'a message must be a JSON object with header and payload' };
  }
  const loose = looseHeader(json);
  if (found.prototypeKey !== null) {
    return { kind: 'reject', ...loose, completionCode: 'invalidData', description: `a key named ${found.prototypeKey} is not accepted anywhere in a message` };
  }
  const envelope = inboundMessageSchema.safeParse(json);
  if (!envelope.success) {
    const typeIssue = envelope.error.issues.find((issue) => issue.path.join('.') === 'header.type');
    return {
      kind: 'reject',
      ...loose,
      completionCode: typeIssue ? 'invalidCommand' : 'invalidData',
      description: typeIssue ? 'only messages of type "command" may be sent to the daemon' : describeIssues(envelope.error, ''),
    };
  }
  const { header, payload } = envelope.data;
  if (!isCommandName(header.name)) {
    return { kind: 'reject', name: header.name, requestId: header.requestId, completionCode: 'unsupportedCommand', description: `unknown command ${header.name}` };
  }
  const parsedPayload = commandPayloadSchemas[header.name].safeParse(payload ?? {});
  if (!parsedPayload.success) {
    return { kind: 'reject', name: header.name, requestId: header.requestId, completionCode: 'invalidData', description: describeIssues(parsedPayload.error, 'payload') };
  }
  return {
    kind: 'command',
    name: header.name,
    requestId: header.requestId,
    timeoutMs: header.timeout === undefined || header.timeout === 0 ? undefined : header.timeout,
    payload: parsedPayload.data,
  };
}
