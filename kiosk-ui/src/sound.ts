// A short two-note chime (Web Audio, no sound file) for "take your card". Quiet, under a second;
// silent where the page has no audio (tests, a kiosk without speakers).

/** The notes: a falling major third, each with a soft attack and a decay, as [Hz, start s]. */
export const chimeNotes: readonly (readonly [number, number])[] = [
  [880, 0],
  [698.46, 0.22],
];
const noteSeconds = 0.5;
const peakGain = 0.2;

type AudioContextConstructor = new () => AudioContext;

function audioContextClass(): AudioContextConstructor | null {
  const candidate = (globalThis as { AudioContext?: AudioContextConstructor }).AudioContext;
  return candidate ?? null;
}

export class Chime {
  #context: AudioContext | null = null;

  /** Plays the chime once; returns false when the page cannot make sound. */
  play(): boolean {
    const context = this.#ensureContext();
    if (context === null) return false;
    // A context created before the agent's first touch starts suspended; resuming is harmless.
    if (context.state === 'suspended') void context.resume().catch(() => undefined);
    const start = context.currentTime + 0.02;
    for (const [frequency, offset] of chimeNotes) {
      const oscillator = context.createOscillator();
      const gain = context.createGain();
      oscillator.type = 'sine';
      oscillator.frequency.value = frequency;
      const at = start + offset;
      gain.gain.setValueAtTime(0.0001, at);
      gain.gain.exponentialRampToValueAtTime(peakGain, at + 0.02);
      gain.gain.exponentialRampToValueAtTime(0.0001, at + noteSeconds);
      oscillator.connect(gain).connect(context.destination);
      oscillator.start(at);
      oscillator.stop(at + noteSeconds + 0.05);
    }
    return true;
  }

  close(): void {
    void this.#context?.close().catch(() => undefined);
    this.#context = null;
  }

  #ensureContext(): AudioContext | null {
    if (this.#context !== null) return this.#context;
    const Context = audioContextClass();
    if (Context === null) return null;
    try {
      this.#context = new Context();
    } catch {
      return null;
    }
    return this.#context;
  }
}
