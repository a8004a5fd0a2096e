import sharp from 'sharp';
import { documentSet } from './sim/scanner/document-set.ts';
import { toScannedPage } from './sim/scanner/sim-scanner.ts';
import { checkPage } from './daemon/imaging/check-page.ts';
const mode = process.argv[2] ?? 'default';
if (mode !== 'default') { sharp.cache(false); sharp.concurrency(1); }
const r = (tag: string) => { (globalThis as any).gc(); const m = process.memoryUsage(); console.log(tag.padEnd(14), 'rss', (m.rss/1048576).toFixed(0), 'ext', (m.external/1048576).toFixed(0), 'ab', (m.arrayBuffers/1048576).toFixed(0)); };
r('start');
const pages = []; for (const sel of (await import('./sim/scanner/document-set.ts')).documentSpecs('new_enrolment')) pages.push(...await documentSet('new_enrolment', { only: [{ kind: sel.kind, form: sel.form, role: sel.role }] }));
r('rendered');
for (const [i, p] of pages.entries()) {
  const s = await toScannedPage(p, { resolutionDpi: 200, mode: 'color' });
  if (process.argv[3] !== 'nocheck') await checkPage({ image: s, dpi: 200 }, { qr: p.spec.kind === 'business_licence' ? 'page' : 'located' });
  if (i % 5 === 4) r(`page ${i + 1}`);
}
pages.length = 0;
await new Promise((res) => setTimeout(res, 1000));
r('end');
{ const koffi = (await import('koffi')).default; const trim = koffi.load('libc.so.6').func('int malloc_trim(size_t)'); const t0 = performance.now(); trim(0); console.log('trim ms', (performance.now() - t0).toFixed(1)); r('trimmed'); }
{
const { readFileSync } = await import('node:fs');
const s = readFileSync('/proc/self/smaps', 'utf8'); let name = ''; const rss: Record<string, number> = {};
for (const l of s.split('\n')) { const m = /^[0-9a-f]+-[0-9a-f]+ \S+ \S+ \S+ \S+ *(.*)$/.exec(l); if (m) { name = m[1] || '[anon]'; continue; } const q = /^Rss:\s+(\d+)/.exec(l); if (q) rss[name] = (rss[name] ?? 0) + Number(q[1]); }
console.log(Object.entries(rss).filter((e) => e[1] > 4000).sort((a, b) => b[1] - a[1]).map((e) => `${(e[1] / 1024).toFixed(0)} MB ${e[0]}`).join('\n'));
}
