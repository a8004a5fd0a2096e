// Annual inspection and validity against the package date (seed 000: 均需进行年检; DOMAIN: the
// last inspection within the 12 months before the day of the check, and within validity).
import type { CheckContext } from '../context.ts';
import { paperLabel } from '../../../contract/intake/labels.ts';
import { certificateForms, usefulKinds } from '../materials.ts';
import { certificateKinds, parseIsoDate, type DocumentKind } from '../../../contract/intake/package-schema.ts';

/** The same day one year earlier (29 February rolls to 1 March: the window never grows). */
export function twelveMonthsBefore(date: Date): Date {
  return new Date(Date.UTC(date.getUTCFullYear() - 1, date.getUTCMonth(), date.getUTCDate()));
}

const isoDay = (date: Date): string => date.toISOString().slice(0, 10);

export function checkCertificateDates(ctx: CheckContext): void {
  const useful = usefulKinds(ctx.pkg);
  const withCertificates = certificateForms(ctx.business).length > 0;
  const earliest = twelveMonthsBefore(ctx.date);
  for (const { index, doc } of ctx.documents) {
    if (!useful.has(doc.kind)) continue;
    const paper = paperLabel(doc.kind, doc.form);
    const validUntil = doc.fields.validUntil === undefined ? null : parseIsoDate(doc.fields.validUntil.trim());
    if (validUntil !== null && validUntil < ctx.date) {
      ctx.report(
        'R-DOC-EXPIRED',
        { zh: `${paper.zh}已于${isoDay(validUntil)}过期（办理日期${ctx.dateText}），请先到发证机关办理。`, en: `The ${paper.en} expired on ${isoDay(validUntil)} (date of the check ${ctx.dateText}); renew it with the issuing authority first.` },
        { document: index, field: 'fields.validUntil' },
      );
    }
    if (!withCertificates || !(certificateKinds as readonly DocumentKind[]).includes(doc.kind)) continue;
    const inspected = doc.fields.annualInspection === undefined ? null : parseIsoDate(doc.fields.annualInspection.trim());
    if (inspected === null) continue; // missing or malformed: R-FIELD-MISSING / R-FIELD-DATE
    if (inspected > ctx.date) {
      ctx.report(
        'R-CERT-INSPECTION',
        { zh: `${paper.zh}的年检日期${isoDay(inspected)}晚于办理日期${ctx.dateText}，请核对。`, en: `The annual inspection date ${isoDay(inspected)} on the ${paper.en} is after the date of the check, ${ctx.dateText}; check it.` },
        { document: index, field: 'fields.annualInspection' },
      );
    } else if (inspected < earliest) {
      ctx.report(
        'R-CERT-INSPECTION',
        {
          zh: `${paper.zh}最近一次年检是${isoDay(inspected)}，已超过12个月（须在${isoDay(earliest)}之后），请先办理年检。`,
          en: `The ${paper.en} was last inspected on ${isoDay(inspected)}, more than 12 months before ${ctx.dateText} (it must be on or after ${isoDay(earliest)}); have it inspected first.`,
        },
        { document: index, field: 'fields.annualInspection' },
      );
    }
  }
}
