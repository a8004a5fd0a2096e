// A contact smart card as a reader sees it: power, ATR, APDUs. The virtual E-Port card
// implements it; the transports (in-process, vpcd) carry it to a reader.
export interface SimulatedCard {
  /** Answer To Reset, sent on power-on and reset. */
  readonly atr: Buffer;
  /** Contacts powered: volatile state (security status, pending challenge) starts afresh. */
  powerOn(): void;
  /** Power lost (card pulled, reader off): volatile state is gone, persisted state stays. */
  powerOff(): void;
  /** Warm reset: as powerOff + powerOn. */
  reset(): void;
  /** One command APDU in, one response APDU (data || SW1 SW2) out. Never throws on bad input. */
  transmit(command: Buffer): Buffer;
}
