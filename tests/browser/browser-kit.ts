// What the browser tests share: Chromium against a real `kiosk run --sim`, the built UI, and
// checks that reach through every shadow root (sizes, text, what the DOM holds).
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { repoRoot } from '../support/daemon-process.ts';

export const artifacts = join(repoRoot, 'test-artifacts', 'browser');
export const viewport = { width: 1920, height: 1080 };

/**
 * The panels a kiosk is built with: 1080×1920 portrait, 1920×1080 and 1280×1024 landscape.
 * Every flow runs on them; whatever the agent taps must lie wholly inside the panel.
 */
export const panels = {
  portrait: { width: 1080, height: 1920 },
  landscape: { width: 1920, height: 1080 },
  square: { width: 1280, height: 1024 },
} as const;
export type Panel = keyof typeof panels;

/** How a test sees the kiosk: the panel and the language the agent picks first. */
export interface Setting {
  panel: Panel;
  language: 'zh' | 'en';
}

/** Both languages on both orientations and both landscape panels, in four runs. */
export const settings: readonly Setting[] = [
  { panel: 'portrait', language: 'zh' },
  { panel: 'portrait', language: 'en' },
  { panel: 'landscape', language: 'zh' },
  { panel: 'square', language: 'en' },
];

export const settingName = (setting: Setting): string => `${setting.panel}-${setting.language}`;

/** The UI must be built first (the test runner does it); when kiosk-ui/dist is missing this builds it. */
export async function ensureUiBuilt(): Promise<void> {
  mkdirSync(artifacts, { recursive: true });
  if (existsSync(join(repoRoot, 'kiosk-ui', 'dist', 'index.html'))) return;
  const { build } = await import('vite');
  await build({ configFile: join(repoRoot, 'kiosk-ui', 'vite.config.ts'), logLevel: 'warn' });
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });
}

/** Collects uncaught errors and console errors, minus the ones a test expects. */
export function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') errors.push(`console.${message.type()}: ${message.text()}`);
  });
  return errors;
}

export const htmlLang = (page: Page): Promise<string> => page.evaluate(() => document.documentElement.lang);
export const badgeState = (page: Page): Promise<string | null> =>
  page.getByTestId('header-connection').getByTestId('connection-badge').getAttribute('data-state');

/** Sizes of every visible button, in every shadow root. */
export async function buttonSizes(page: Page): Promise<{ label: string; width: number; height: number }[]> {
  const sizes = [];
  for (const button of await page.locator('button').all()) {
    if (!(await button.isVisible())) continue;
    const box = await button.boundingBox();
    const label = ((await button.getAttribute('aria-label')) ?? (await button.textContent()) ?? '').trim().replace(/\s+/g, ' ');
    sizes.push({ label, width: box?.width ?? 0, height: box?.height ?? 0 });
  }
  return sizes;
}

/** Visible text smaller than `min` px, searched through every shadow root. */
export function smallText(page: Page, min: number): Promise<string[]> {
  return page.evaluate((minPx) => {
    const found: string[] = [];
    const visit = (root: Document | ShadowRoot): void => {
      for (const element of root.querySelectorAll('*')) {
        if (element.shadowRoot) visit(element.shadowRoot);
        const ownText = [...element.childNodes]
          .filter((node) => node.nodeType === Node.TEXT_NODE)
          .map((node) => node.textContent?.trim() ?? '')
          .join('');
        if (ownText === '' || element.getClientRects().length === 0) continue;
        const size = Number.parseFloat(getComputedStyle(element).fontSize);
        if (size < minPx) found.push(`${size}px: ${ownText}`);
      }
    };
    visit(document);
    return found;
  }, min);
}

/** Every text node, attribute value and form value of the page, through every shadow root. */
export function domDump(page: Page): Promise<string> {
  return page.evaluate(() => {
    const parts: string[] = [];
    const visit = (root: Document | ShadowRoot): void => {
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
        if (node instanceof Text) {
          parts.push(node.data);
          continue;
        }
        if (!(node instanceof Element)) continue;
        for (const attribute of node.attributes) parts.push(attribute.value);
        if (node instanceof HTMLInputElement) parts.push(node.value);
        if (node.shadowRoot) visit(node.shadowRoot);
      }
    };
    visit(document);
    return parts.join('\n');
  });
}
