// The UI ⇄ daemon message envelope, after XFS4IoT: every message is {header, payload}.
// Browser-safe: the kiosk UI imports this module too.
import { z } from 'zod';

export const messageTypes = ['command', 'acknowledge', 'event', 'completion', 'unsolicited'] as const;
export type MessageType = (typeof messageTypes)[number];

export const completionCodes = [
  'success',
  'invalidData',
  'invalidCommand',
  'unsupportedCommand',
  'deviceNotReady',
  'hardwareError',
  'timeOut',
  'canceled',
  'sequenceError',
  'userError',
  'authorisationRequired',
  'internalError',
  // Borrowed from XFS4IoT's acknowledge status: the connection sent more than its budget.
  'tooManyRequests',
] as const;
export type CompletionCode = (typeof completionCodes)[number];

/** `Interface.Name`, e.g. `CardReader.Status`. */
export const messageNamePattern = /^[A-Z][A-Za-z]*\.[A-Z][A-Za-z]*$/;

/** The largest frame the daemon accepts (the ws server closes with 1009 above it). */
export const maxFrameBytes = 64 * 1024;

/** Longest a command may ask to run before the daemon completes it with timeOut. */
export const maxCommandTimeoutMs = 10 * 60 * 1000;

export const commandHeaderSchema = z.strictObject({
  name: z.string().regex(messageNamePattern, 'must look like Interface.Command'),
  requestId: z.int().min(1).max(Number.MAX_SAFE_INTEGER),
  type: z.literal('command'),
  /** Milliseconds; 0 or absent means the command's own default. */
  timeout: z.int().min(0).max(maxCommandTimeoutMs).optional(),
});
export type CommandHeader = z.infer<typeof commandHeaderSchema>;

export const inboundMessageSchema = z.strictObject({
  header: commandHeaderSchema,
  payload: z.record(z.string(), z.unknown()).optional(),
});

export interface CompletionHeader {
  name: string;
  /** Absent only when the command's requestId could not be read. */
  requestId?: number;
  type: 'completion';
  completionCode: CompletionCode;
  errorDescription?: string;
}

export interface AcknowledgeHeader {
  name: string;
  requestId: number;
  type: 'acknowledge';
}

export interface UnsolicitedHeader {
  name: string;
  type: 'unsolicited';
}

export interface EventHeader {
  name: string;
  requestId: number;
  type: 'event';
}

export type OutboundHeader = CompletionHeader | AcknowledgeHeader | UnsolicitedHeader | EventHeader;

export interface OutboundMessage<P = unknown> {
  header: OutboundHeader;
  payload: P;
}

/** What the UI accepts from the daemon: checked before it is rendered. */
export const outboundMessageSchema = z.object({
  header: z.object({
    name: z.string().regex(messageNamePattern),
    type: z.enum(['acknowledge', 'event', 'completion', 'unsolicited']),
    requestId: z.int().optional(),
    completionCode: z.enum(completionCodes).optional(),
    errorDescription: z.string().optional(),
  }),
  payload: z.unknown(),
});

/** WebSocket close codes the daemon uses, with the reason sent beside them. */
export const closeCodes = {
  goingAway: 1001,
  unsupportedData: 1003,
  invalidPayload: 1007,
  policyViolation: 1008,
  tooBig: 1009,
} as const;
