// Typing as the agent types at the kiosk: by tapping the on-screen keys, nothing else (no
// keyboard, no fill()). Each tap lands on the middle of a key that lies wholly inside the
// viewport, as a finger would: a key off screen, or one something covers, fails the test.
import type { Locator, Page } from 'playwright-core';
import { pinyin } from 'pinyin-pro';
import { characterRows, type TextMode } from '../../kiosk-ui/src/text-keys.ts';

/** Taps the middle of `target`, which must be on screen in full. */
export async function tapInView(page: Page, target: Locator, what: string): Promise<void> {
  const box = await target.boundingBox();
  const view = page.viewportSize();
  if (box === null || view === null) throw new Error(`${what} is not on screen`);
  if (box.x < 0 || box.y < 0 || box.x + box.width > view.width || box.y + box.height > view.height) {
    throw new Error(`${what} is not wholly inside the ${view.width}×${view.height} viewport: ${JSON.stringify(box)}`);
  }
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
