// The simulated SAM module's logic as a pure function: its state and one thing read from the line
// (a frame, or bytes it threw away) in, its next state and its answer out. The virtual module
// (virtual-sam-module.ts) runs it over a byte stream; docs/idcard-reader.md has the protocol.
import { commandOfBody, encodeResponse, type FrameEvent } from '../../drivers/idcard/sam-frame.ts';
import { sw3Of } from '../../drivers/idcard/sam-status.ts';
import type { IdCardFault } from './id-card-fixtures.ts';
import type { IdCardText } from '../../drivers/idcard/basic-info.ts';
import { encodeBasicInfo } from './card-text.ts';

export interface SimIdCard {
  text: IdCardText;
  fault: Exclude<IdCardFault, 'samSilent'>;
}

export interface SamModuleState {
  /** The module's SAM does not answer anything (a dead or unpowered module on a live port). */
  silent: boolean;
  card: SimIdCard | null;
  /** FIND CARD succeeded since the card was placed. */
  found: boolean;
  /** SELECT CARD succeeded since. */
  selected: boolean;
}

export interface SamStep {
  state: SamModuleState;
  /** The whole answer frame, or null for no answer. */
  reply: Uint8Array | null;
}

/** A made-up SAM id: 16 bytes as the 12 FF answer carries one. */
export const simSamId = Uint8Array.from([0x05, 0x00, 0x01, 0x00, 0x20, 0x26, 0x12, 0x05, 0x00, 0x00, 0x00, 0x16, 0x00, 0x00, 0x00, 0x01]);

const status = (name: Parameters<typeof sw3Of>[0], data?: Uint8Array): Uint8Array => encodeResponse(sw3Of(name), data);

export function samModuleStep(state: SamModuleState, event: FrameEvent): SamStep {
  if (state.silent) return { state, reply: null };
  switch (event.kind) {
    case 'garbage':
      return { state, reply: null };
    case 'badChecksum':
      return { state, reply: status('checksumError') };
    case 'badLength':
      return { state, reply: status('lengthError') };
    case 'frame':
      break;
  }
  const parsed = commandOfBody(event.body);
  if (!parsed.ok) return { state, reply: status('lengthError') };
  const { command, parameter } = parsed.value;
  const key = (command << 8) | parameter;
  switch (key) {
    case 0x10ff: // reset SAM
    case 0x11ff: // SAM status
      return { state, reply: status('success') };
    case 0x12ff:
      return { state, reply: status('success', simSamId) };
    case 0x2001: // find card: 4 bytes of zeros with 9F, as the common modules answer
      if (state.card === null) return { state: { ...state, found: false, selected: false }, reply: status('findCardFailed') };
      return { state: { ...state, found: true }, reply: status('cardFound', new Uint8Array(4)) };
    case 0x2002: // select card: 8 bytes (the card's serial on real modules; zeros here)
      if (state.card === null || !state.found) return { state: { ...state, selected: false }, reply: status('selectCardFailed') };
      return { state: { ...state, selected: true }, reply: status('success', new Uint8Array(8)) };
    case 0x3001:
    case 0x3010: {
      if (state.card === null || !state.selected) return { state, reply: status('readCardFailed') };
      if (state.card.fault === 'readFails') return { state, reply: status('readCardFailed') };
      return { state, reply: status('success', encodeBasicInfo(state.card.text, key === 0x3010)) };
    }
    default:
      return { state, reply: status('commandError') };
  }
}

export function initialSamState(card: SimIdCard | null, silent = false): SamModuleState {
  return { silent, card, found: false, selected: false };
}
