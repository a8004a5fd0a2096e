// Typing as the agent types at the kiosk: by tapping the on-screen keys, nothing else (no
// keyboard, no fill()). Each tap lands on the middle of a key that lies wholly inside the
// viewport, as a finger would: a key off screen, or one something covers, fails the test.
import type { Locator, Page } from 'playwright-core';
import { pinyin } from 'pinyin-pro';
import { characterRows, type TextMode } from '../../kiosk-ui/src/text-keys.ts';

/** Why `target` cannot be tapped where it is now, or null when a finger can tap its middle. */
async function untappable(page: Page, target: Locator): Promise<{ why: string; x: number; y: number } | null> {
  const box = await target.boundingBox();
  const view = page.viewportSize();
  if (box === null || view === null) return { why: 'is not on screen', x: 0, y: 0 };
  const x = box.x + box.width / 2;
  const y = box.y + box.height / 2;
  if (box.x < 0 || box.y < 0 || box.x + box.width > view.width + 0.5 || box.y + box.height > view.height + 0.5) {
    return { why: `is not wholly inside the ${view.width}×${view.height} viewport: ${JSON.stringify(box)}`, x, y };
  }
  const covering = await target.evaluate(
    (element, point) => {
      // The element on top at the point, through every shadow root.
      let hit: Element | null = document.elementFromPoint(point.x, point.y);
      while (hit?.shadowRoot) {
        const inner = hit.shadowRoot.elementFromPoint(point.x, point.y);
        if (inner === null || inner === hit) break;
        hit = inner;
      }
      if (hit === null) return 'nothing';
      for (let node: Node | null = hit; node !== null; node = node instanceof ShadowRoot ? node.host : node.parentNode) {
        if (node === element) return null;
      }
      return `${hit.tagName.toLowerCase()}${hit.getAttribute('data-testid') === null ? '' : `[data-testid=${hit.getAttribute('data-testid')}]`} "${hit.textContent.trim().slice(0, 40)}"`;
    },
    { x, y },
  );
  return covering === null ? null : { why: `is covered where a finger would tap it, by ${covering}`, x, y };
}

/**
 * The middle of the "more below / back up" cue of the scroll area that holds `target`, when the
 * area shows one: what an agent taps to bring a list's next page into view.
 */
function cueOfAreaHolding(target: Locator): Promise<{ x: number; y: number } | null> {
  return target.evaluate((element) => {
    for (let node: Node | null = element; node !== null; node = node instanceof ShadowRoot ? node.host : ((node as Element).assignedSlot ?? node.parentNode)) {
      if (node instanceof HTMLElement && node.tagName === 'SCROLL-AREA') {
        const cue = node.shadowRoot?.querySelector('[data-testid="scroll-cue"]');
        if (!cue) return null;
        const rect = cue.getBoundingClientRect();
        return { x: rect.x + rect.width / 2, y: rect.y + rect.height / 2 };
      }
    }
    return null;
  });
}

/**
 * Taps the middle of `target` as a finger would: it must be on screen in full, and the point
 * tapped must land on it (not on a status strip, a dialog or the edge of a scrolled area over
 * it). In a scroll area, the area's cue is tapped (as the agent would) until it shows. Anything
 * else fails the test, naming `what`.
 */
export async function tapInView(page: Page, target: Locator, what: string): Promise<void> {
  await target.waitFor({ state: 'visible', timeout: 10_000 }).catch(() => {
    throw new Error(`${what} is not on screen`);
  });
  for (let cueTaps = 0; ; cueTaps++) {
    const problem = await untappable(page, target);
    if (problem === null) break;
    const cue = cueTaps < 12 ? await cueOfAreaHolding(target) : null;
    if (cue === null) throw new Error(`${what} ${problem.why}`);
    await page.mouse.click(cue.x, cue.y);
  }
  const box = await target.boundingBox();
  if (box === null) throw new Error(`${what} is not on screen`);
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
}

const key = (page: Page, dataKey: string): Locator => page.locator(`text-keyboard [data-testid="text-key"][data-key="${dataKey}"]`);

export interface TypeByTapsOptions {
  /** How to read the Chinese characters: a person's name (surnames read as surnames) or other text. */
  reading?: 'name' | 'text';
  /** Called once per Chinese character, its pinyin typed and its candidates showing. */
  onCandidates?: (character: string) => Promise<unknown>;
}

/**
 * Taps `field`, then types `text` on the text keyboard: each Chinese character by its pinyin
 * (as pinyin-pro reads the text, ü as v) and a pick from the candidates, paging (更多, ▶) until
 * it shows; Latin letters in ABC; digits and symbols in 123 or on the pinyin keys.
 */
export async function typeByTaps(page: Page, field: Locator, text: string, options: TypeByTapsOptions = {}): Promise<void> {
  await tapInView(page, field, 'the field');
  const board = page.locator('text-keyboard .board');
  await board.waitFor();
  const readings = pinyin(text, { toneType: 'none', type: 'array', v: true, mode: options.reading === 'name' ? 'surname' : 'normal' });
  const inMode = async (mode: TextMode): Promise<void> => {
    if ((await board.getAttribute('data-mode')) !== mode) await tapInView(page, key(page, `mode-${mode}`), `the ${mode} mode key`);
  };
  const characters = Array.from(text);
  for (const [index, character] of characters.entries()) {
    const symbolMode = (['zh', 'digits'] as const).find((mode) => characterRows[mode].flat().includes(character) && !/^[a-z]$/.test(character));
    if (/^[A-Za-z]$/.test(character)) {
      await inMode('en');
      const capital = character !== character.toLowerCase();
      if (((await key(page, 'capitals').getAttribute('aria-pressed')) === 'true') !== capital) await tapInView(page, key(page, 'capitals'), 'the capitals key');
      await tapInView(page, key(page, character.toLowerCase()), `the key ${character}`);
    } else if (symbolMode !== undefined) {
      if ((await board.getAttribute('data-mode')) !== 'zh' || symbolMode !== 'zh') await inMode(symbolMode);
      await tapInView(page, key(page, character), `the key ${character}`);
    } else if (character === ' ') {
      await tapInView(page, key(page, 'space'), 'the space key');
    } else {
      await inMode('zh');
      const reading = (readings[index] ?? '').toLowerCase();
      if (!/^[a-z]+$/.test(reading)) throw new Error(`no pinyin for ${character}`);
      for (const letter of reading) await tapInView(page, key(page, letter), `the key ${letter}`);
      // The candidates come once the pinyin table has loaded (its chunk, on first use).
      await page.locator('text-keyboard .board[data-table="ready"]').waitFor({ timeout: 15_000 });
      await options.onCandidates?.(character);
      const candidate = page.locator(`text-keyboard [data-testid="text-candidate"][data-character="${character}"]`);
      for (let taps = 0; (await candidate.count()) === 0; taps++) {
        const more = key(page, 'more');
        const next = key(page, 'next');
        if ((await more.count()) > 0 && (await more.isEnabled())) await tapInView(page, more, 'the more key');
        else if ((await next.isEnabled()) && taps < 40) await tapInView(page, next, 'the next page key');
        else throw new Error(`${character} (${reading}) is not among the candidates`);
      }
      await tapInView(page, candidate, `the candidate ${character}`);
    }
  }
}
