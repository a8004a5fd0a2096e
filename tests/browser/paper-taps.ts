// A paper check done as an agent does it, by taps only: each paper the scan screen asks for put on
// the feeder (the dock's Sim.ScannerLoad with `paper`, one sheet of the business's generated set),
// scanned, its empty fields typed on the on-screen keys from what the paper prints (no OCR), then
// confirmed. For the flows that check papers inside another business (the renewal's legal-person
// card, an expired card for the counter); flows-intake.test.ts drives the intake check alike.
import { expect } from 'vitest';
import type { FieldView, FlowScreen, FlowView, PaperWanted } from '../../contract/flow-view.ts';
import type { RulebookBusiness } from '../../contract/businesses.ts';
import type { CaptureItem, IntakeState } from '../../contract/intake/capture.ts';
import { enterpriseExtras } from '../../sim/scanner/document-data.ts';
import { documentSpecs } from '../../sim/scanner/document-set.ts';
import type { DocumentSpec } from '../../sim/scanner/documents.ts';
import { longTermDate } from '../../contract/intake/package-schema.ts';
import type { FlowRig } from './flow-rig.ts';
import { typeByTaps } from './on-screen-keys.ts';

const variants: Readonly<Record<string, string>> = {
  import_export_qualification: 'import_export_qualification',
  consignor_consignee: 'consignor_consignee_registration',
  self_declaration: 'self_declaration_registration',
};

/** What the agent reads off the paper for a field the kiosk could not fill. */
export function printed(spec: DocumentSpec, key: string): string | undefined {
  switch (key) {
    case 'variant':
      return spec.variant === undefined ? undefined : variants[spec.variant];
    case 'contactName':
      return spec.fields.contact;
    case 'postcode':
      return enterpriseExtras.postcode;
    case 'phone':
      return enterpriseExtras.phone;
    case 'consentToMail':
      return 'yes';
    default:
      return spec.fields[key];
  }
}

/**
 * Enters `value` as the agent does, by taps only: a choice picked on screen; codes, ID numbers
 * and dates on the on-screen keypad; names, addresses and other text on the text keyboard.
 */
export async function typeField(current: FlowRig, field: FieldView, value: string): Promise<void> {
  const input = current.page.locator(`[data-testid="field"][data-key="${field.key}"]`);
  if (field.input !== 'choice' && (await input.inputValue()) !== '') {
    // A value read wrong is cleared first, with the board's own clear key.
    await current.tapOn(input, `the ${field.key} field`);
    const clear = current.page.locator(field.input === 'text' ? 'text-keyboard [data-testid="text-key"][data-key="clear"]' : 'code-keypad [data-testid="keypad-key"][data-key="clear"]');
    await current.tapOn(clear, `the clear key for ${field.key}`);
    expect(await input.inputValue()).toBe('');
  }
  if (field.input === 'choice') {
    // A certificate's type, a consent: picked on screen, never typed.
    expect(field.choices?.map((choice) => choice.value)).toContain(value);
    await current.tapOn(input.locator(`[data-testid="field-choice"][data-value="${value}"]`), `the choice ${value} of ${field.key}`);
    expect(await input.getAttribute('data-value')).toBe(value);
    return;
  }
  if (field.input === 'text') {
    await typeByTaps(current.page, input, value, { reading: /name/i.test(field.key) ? 'name' : 'text' });
    expect(await input.inputValue()).toBe(value);
    return;
  }
  await current.tapOn(input, `the ${field.key} field`);
  const keypad = current.page.locator('code-keypad');
  await keypad.waitFor();
  for (const character of value === longTermDate ? [longTermDate] : Array.from(value)) {
    await current.tapOn(keypad.locator(`[data-testid="keypad-key"][data-key="${character}"]`), `the keypad's ${character}`);
  }
  expect(await input.inputValue()).toBe(value);
}

/** What identifies a step of a flow: the screen, the paper it is about, the problem it shows. */
export function stepOf(view: FlowView): string {
  const screen = view.screen as { screen: string; paper?: { label?: unknown; position?: unknown }; problem?: { kind?: string } | null };
  return JSON.stringify([screen.screen, screen.paper?.label ?? null, screen.paper?.position ?? null, screen.problem?.kind ?? null]);
}

/**
 * Waits for the flow to move on from `before` (the view acted on): a later push of another step,
 * not a passing one (working, reading). The daemon may push the same step again (a new idle
 * deadline): that is not the next screen, and acting on it would act twice.
 */
export async function nextSettled(current: FlowRig, before: FlowView | null): Promise<FlowView> {
  const deadline = Date.now() + 90_000;
  const after = before?.revision ?? 0;
  for (;;) {
    const view = current.lastView();
    if (view !== null && view.revision > after && !['working', 'readingCard'].includes(view.screen.screen) && (before === null || stepOf(view) !== stepOf(before))) return view;
    // The page's own check refused the fields: nothing went to the daemon.
    const refused = current.page.getByTestId('fields-problem');
    if ((await refused.count()) > 0 && (await refused.isVisible())) throw new Error(`the page refused the fields: ${(await refused.textContent()) ?? ''}`);
    if (Date.now() > deadline) throw new Error(`no screen to act on after revision ${String(after)}; last: ${JSON.stringify(view?.screen)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

export interface PapersChecked {
  verdict: Extract<FlowScreen, { screen: 'verdict' }>;
  /** The papers scanned, by their English label. */
  scanned: string[];
  /** The papers confirmed without a scan (scanned before in the session). */
  confirmedOnly: string[];
}

/**
 * From the checklist screen to the verdict: `next`, then every paper asked for scanned and
 * confirmed (one already scanned in the session is confirmed only), by taps.
 */
export async function checkPapersByTaps(current: FlowRig, business: RulebookBusiness, label: string): Promise<PapersChecked> {
  const specs = documentSpecs(business);
  const specFor = (item: CaptureItem): DocumentSpec => {
    const spec = specs.find((s) => item.kinds.includes(s.kind) && (item.form === null || item.form === s.form) && (item.roles === undefined || item.roles.includes(s.role ?? 'agent')));
    if (spec === undefined) throw new Error(`no generated paper for ${item.label.en}`);
    return spec;
  };
  const checklist = async (): Promise<CaptureItem[]> => ((await current.sim('Kiosk.IntakeState')) as unknown as IntakeState).checklist;
  await current.expectScreen('checklist', { label });
  let before = current.lastView();
  await current.tap('flow-next');
  const scanned: string[] = [];
  const confirmedOnly: string[] = [];
  for (let step = 1; step < 40; step++) {
    const view = await nextSettled(current, before);
    const screen = view.screen;
    if (screen.screen === 'verdict') {
      await current.expectScreen('verdict', { label });
      return { verdict: screen, scanned, confirmedOnly };
    }
    if (screen.screen === 'scanPaper') {
      await current.expectScreen('scanPaper', { label: `${label}-${String(step)}` });
      expect(screen.problem).toBeNull();
      await feed(current, business, screen.paper.wanted);
      scanned.push(screen.paper.label.en);
      before = current.lastView();
      await current.tap('scan-button');
      continue;
    }
    if (screen.screen !== 'confirmFields') throw new Error(`unexpected ${screen.screen} in the paper check: ${JSON.stringify(screen)}`);
    await current.expectScreen('confirmFields', { label: `${label}-${String(step)}` });
    const item = (await checklist()).find((i) => i.status === 'pendingConfirmation' && i.label.en === screen.paper.label.en);
    if (item === undefined) throw new Error(`the fields of a paper not on the checklist: ${screen.paper.label.en}`);
    if (scanned.at(-1) !== screen.paper.label.en) confirmedOnly.push(screen.paper.label.en);
    // An ID number the kiosk knows shows masked, never in full.
    for (const field of screen.fields) if (field.input === 'idNumber') expect(field.value).not.toMatch(/^\d{17}[\dX]$/);
    const spec = specFor(item);
    for (const field of screen.fields) {
      if (field.value !== '') continue;
      const value = printed(spec, field.key);
      if (value === undefined) {
        if (field.required) throw new Error(`${spec.kind}: required field ${field.key} is empty and not on the paper`);
        continue;
      }
      await typeField(current, field, value);
    }
    before = current.lastView();
    await current.tap('fields-confirm');
  }
  throw new Error('the paper check never ends');
}

/** Puts exactly the paper asked for on the feeder. */
export async function feed(current: FlowRig, business: RulebookBusiness, wanted: PaperWanted): Promise<void> {
  const loaded = (await current.sim('Sim.ScannerLoad', { business, paper: wanted }, 30_000)) as { pages: number };
  expect(loaded.pages).toBeGreaterThan(0);
}
