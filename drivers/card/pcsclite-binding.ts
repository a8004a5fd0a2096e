// The slice of the `pcsclite` npm package the driver uses, typed here because the package is an
// optionalDependency: on a machine without libpcsclite-dev it is absent, and the driver must then
// report noDevice with the reason instead of failing to import.
import type { EventEmitter } from 'node:events';
import { createRequire } from 'node:module';
import { err, ok } from '../../basics/result.ts';
import type { Result } from '../../basics/result.ts';

export interface PcscReaderStatus {
  state: number;
  atr?: Buffer;
}

export type PcscCallback<T> = (error: Error | null | undefined, value: T) => void;

export interface PcscReader extends EventEmitter {
  readonly name: string;
  readonly SCARD_SHARE_EXCLUSIVE: number;
  readonly SCARD_SHARE_SHARED: number;
  readonly SCARD_PROTOCOL_T0: number;
  readonly SCARD_PROTOCOL_T1: number;
  readonly SCARD_STATE_EMPTY: number;
  readonly SCARD_STATE_PRESENT: number;
  readonly SCARD_STATE_MUTE: number;
  readonly SCARD_LEAVE_CARD: number;
  readonly SCARD_RESET_CARD: number;
  readonly SCARD_UNPOWER_CARD: number;
  connected: boolean;
  connect(options: { share_mode: number; protocol: number }, callback: PcscCallback<number>): void;
  disconnect(disposition: number, callback: (error: Error | null | undefined) => void): void;
  transmit(data: Buffer, responseLength: number, protocol: number, callback: PcscCallback<Buffer>): void;
  close(): void;
}

export interface PcscContext extends EventEmitter {
  close(): void;
}

/** Creates a PC/SC context; throws when pcscd is not running (SCardEstablishContext fails). */
export type PcscFactory = () => PcscContext;

let cached: Result<PcscFactory, string> | undefined;

export function loadPcsclite(): Result<PcscFactory, string> {
  if (cached !== undefined) return cached;
  try {
    cached = ok(createRequire(import.meta.url)('pcsclite') as PcscFactory);
  } catch (error) {
    const why = error instanceof Error ? error.message.split('\n')[0] : String(error);
    cached = err(`the pcsclite package cannot load (install libpcsclite-dev, then npm install): ${why ?? ''}`);
  }
  return cached;
}
