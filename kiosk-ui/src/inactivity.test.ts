import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { inactivityTimeoutFromQuery, inactivityTimeoutMs, startInactivityTimer } from './inactivity.ts';

describe('startInactivityTimer', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('defaults to 60 s', () => {
    expect(inactivityTimeoutMs).toBe(60_000);
    const onIdle = vi.fn();
    const timer = startInactivityTimer({ target: new EventTarget(), onIdle });
    vi.advanceTimersByTime(59_999);
    expect(onIdle).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(onIdle).toHaveBeenCalledTimes(1);
    timer.stop();
  });

  it.each(['pointerdown', 'pointermove', 'keydown', 'touchstart', 'wheel'])('restarts the countdown on %s', (name) => {
    const target = new EventTarget();
    const onIdle = vi.fn();
    const timer = startInactivityTimer({ target, onIdle, timeoutMs: 1_000 });
    vi.advanceTimersByTime(900);
    target.dispatchEvent(new Event(name));
    vi.advanceTimersByTime(900);
    expect(onIdle).not.toHaveBeenCalled();
    vi.advanceTimersByTime(100);
    expect(onIdle).toHaveBeenCalledTimes(1);
    timer.stop();
  });

  it('fires once per idle period, then again only after new activity', () => {
    const target = new EventTarget();
    const onIdle = vi.fn();
    const timer = startInactivityTimer({ target, onIdle, timeoutMs: 1_000 });
    vi.advanceTimersByTime(10_000);
    expect(onIdle).toHaveBeenCalledTimes(1);
    target.dispatchEvent(new Event('pointerdown'));
    vi.advanceTimersByTime(1_000);
    expect(onIdle).toHaveBeenCalledTimes(2);
    timer.stop();
  });

  it('ignores other events and stops cleanly', () => {
    const target = new EventTarget();
    const onIdle = vi.fn();
    const timer = startInactivityTimer({ target, onIdle, timeoutMs: 1_000 });
    vi.advanceTimersByTime(900);
    target.dispatchEvent(new Event('resize'));
    vi.advanceTimersByTime(100);
    expect(onIdle).toHaveBeenCalledTimes(1);

    timer.stop();
    target.dispatchEvent(new Event('keydown'));
    vi.advanceTimersByTime(5_000);
    expect(onIdle).toHaveBeenCalledTimes(1);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('can be reset by hand', () => {
    const onIdle = vi.fn();
    const timer = startInactivityTimer({ target: new EventTarget(), onIdle, timeoutMs: 1_000 });
    vi.advanceTimersByTime(900);
    timer.reset();
    vi.advanceTimersByTime(900);
    expect(onIdle).not.toHaveBeenCalled();
    timer.stop();
  });
});

describe('inactivityTimeoutFromQuery', () => {
  it('reads ?idle= in seconds', () => {
    expect(inactivityTimeoutFromQuery('?idle=2')).toBe(2_000);
    expect(inactivityTimeoutFromQuery('?lang=en&idle=0.5')).toBe(500);
  });

  it('falls back to the default for anything else', () => {
    for (const search of ['', '?idle=', '?idle=abc', '?idle=0', '?idle=-3', '?idle=Infinity']) {
      expect(inactivityTimeoutFromQuery(search), search).toBe(inactivityTimeoutMs);
    }
  });
});
