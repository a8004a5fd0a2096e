// The intake check: a package (format v1) in, a verdict out. Local rules always; the registry
// comparison when a lookup is given (`kiosk intake check --registry`, the kiosk's own flow).
import type { Verdict } from '../../contract/intake/verdict.ts';
import { err, ok, type Result } from '../../basics/result.ts';
import { createContext, documentsOf } from './context.ts';
import { documentLabel, formLabel, type Text } from '../../contract/intake/labels.ts';
import { requirements } from './materials.ts';
import { parseIntakePackage, parseIsoDate, type IntakePackage, type SchemaProblem } from '../../contract/intake/package-schema.ts';
import { checkCards } from './rules/cards.ts';
import { checkCertificateDates } from './rules/certificates.ts';
import { checkConsistency } from './rules/consistency.ts';
import { checkIdentifiers } from './rules/identifiers.ts';
import { checkMaterials } from './rules/materials.ts';
import { checkPackageFields } from './rules/package-fields.ts';
import { checkPeople } from './rules/people.ts';
import { checkRegistry, type RegistryLookup } from './rules/registry.ts';

export type { RegistryLookup } from './rules/registry.ts';

export interface CheckOptions {
  /** Compare with the authority's registry (Authority.lookupCard). */
  registry?: RegistryLookup;
  /** The check date, YYYY-MM-DD: overrides the package's own `date`. */
  date?: string;
  /** "Today" when neither `date` nor the package gives one (China time). */
  now?: Date;
}

export type DateProblem = { kind: 'badDate'; value: string };

/** YYYY-MM-DD of `now` in China (the service hall's day). */
export function chinaDay(now: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

export async function checkIntake(pkg: IntakePackage, options: CheckOptions = {}): Promise<Result<Verdict, DateProblem>> {
  const dateSource = options.date !== undefined ? 'option' : pkg.date !== undefined ? 'package' : 'today';
  const dateText = options.date ?? pkg.date ?? chinaDay(options.now ?? new Date());
  const date = parseIsoDate(dateText);
  if (date === null) return err({ kind: 'badDate', value: dateText });

  const ctx = createContext(pkg, date);
  checkPackageFields(ctx);
  checkMaterials(ctx);
  checkCertificateDates(ctx);
  checkConsistency(ctx);
  checkIdentifiers(ctx);
  checkPeople(ctx);
  checkCards(ctx);
  const registry = options.registry === undefined ? null : await checkRegistry(ctx, options.registry);

  const errors = ctx.findings.filter((f) => f.severity === 'error').length;
  const warnings = ctx.findings.length - errors;
  const checklist = requirements(pkg).map((requirement) => {
    const found = documentsOf(ctx, ...requirement.kinds);
    const has = requirement.forms.every((form) => found.some(({ doc }) => doc.form === form)) && found.length > 0;
    const names = requirement.kinds.map((kind) => documentLabel[kind]);
    const forms = requirement.forms.map((form) => formLabel[form]);
    return {
      kinds: [...requirement.kinds],
      forms: [...requirement.forms],
      label: {
        zh: names.map((n) => n.zh).join('或') + (forms.length > 0 ? `（${forms.map((f) => f.zh).join('及')}）` : ''),
        en: names.map((n) => n.en).join(' or ') + (forms.length > 0 ? ` (${forms.map((f) => f.en).join(' and ')})` : ''),
      },
      present: has,
    };
  });
  return ok({
    format: 'eport-kiosk/intake-verdict@1',
    acceptable: errors === 0,
    business: pkg.business,
    date: dateText,
    dateSource,
    summary: { errors, warnings, ...summaryText(errors, warnings) },
    checklist,
    registry,
    findings: ctx.findings,
  });
}

function summaryText(errors: number, warnings: number): Text {
  const note = warnings === 0 ? { zh: '', en: '' } : { zh: `另有${warnings}条提示。`, en: ` ${warnings} note${warnings === 1 ? '' : 's'} to read.` };
  if (errors === 0) return { zh: `材料齐全，可以到窗口办理。${note.zh}`, en: `Ready for the counter.${note.en}` };
  return {
    zh: `有${errors}处问题，请处理后再到窗口办理。${note.zh}`,
    en: `${errors} problem${errors === 1 ? '' : 's'} to fix before going to the counter.${note.en}`,
  };
}

export type IntakeInputProblem = { kind: 'schema'; problems: SchemaProblem[] } | DateProblem;

/** From anything JSON.parse gave: the schema first, then the check. */
export async function checkIntakeInput(input: unknown, options: CheckOptions = {}): Promise<Result<Verdict, IntakeInputProblem>> {
  const parsed = parseIntakePackage(input);
  if (!parsed.ok) return err({ kind: 'schema', problems: parsed.error });
  return checkIntake(parsed.value, options);
}
