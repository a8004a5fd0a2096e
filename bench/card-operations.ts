// Benchmark: unlock and renewal end to end through the daemon's card service, excluding human
// input (the agent's entries are given), over the in-process reader and over real pcscd + vpcd
// side by side. A script, not a test: `npm run bench:card-ops` (as root for the pcscd half).
import { performance } from 'node:perf_hooks';
import { cardFixture } from '../sim/registry/sim-registry.ts';
import { cardHarness, type CardHarness } from '../tests/support/card-harness.ts';
import { startPcscd } from '../tests/support/pcscd.ts';
import { findOnPath } from '../tests/support/system-stack.ts';

const runs = Number(process.argv[2] ?? 20);
const locked = cardFixture('locked-operator');
const legal = cardFixture('legal-person');
if (locked === undefined || legal === undefined) throw new Error('fixtures missing');
const legalPin = legal.pin;
const evidence = { agentName: '许文彬', agentIdNumber: '35020419800109011X', introductionLetter: true, enterpriseUscc: locked.enterpriseUscc, identitySource: 'typed' as const };

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
}

async function measure(harness: CardHarness): Promise<{ unlock: number; renewal: number }> {
  const unlocks: number[] = [];
  await harness.insert('locked-operator');
  for (let i = 0; i < runs; i++) {
    if (i > 0) {
      // Lock it again (not timed): three wrong PINs.
      for (const wrong of ['90817263', '90817264', '90817265']) await harness.service.verifyPin(wrong);
    }
    harness.sessions.start('unlock');
    const next = i % 2 === 0 ? '73918264' : '62807153';
    const start = performance.now();
    const result = await harness.service.unlock(evidence, next, next);
    unlocks.push(performance.now() - start);
    if (!result.ok) throw new Error(`unlock: ${JSON.stringify(result.error)}`);
  }
  const renewals: number[] = [];
  await harness.insert('legal-person');
  for (let i = 0; i < runs; i++) {
    harness.sessions.start('renewal');
    const start = performance.now();
    const result = await harness.service.renew(legalPin);
    renewals.push(performance.now() - start);
    if (!result.ok) throw new Error(`renewal: ${JSON.stringify(result.error)}`);
  }
  return { unlock: median(unlocks), renewal: median(renewals) };
}

const inProcess = await cardHarness('inProcess');
const local = await measure(inProcess);
await inProcess.close();
console.log(`unlock and renewal end to end, ${runs} runs each, median (card service + embedded authority):`);
console.log(`  in-process reader:  unlock ${local.unlock.toFixed(1)} ms, renewal ${local.renewal.toFixed(1)} ms`);

if (findOnPath('pcscd') !== null && process.getuid?.() === 0) {
  const pcscd = await startPcscd();
  try {
    const harness = await cardHarness('pcsc');
    const real = await measure(harness);
    await harness.close();
    console.log(`  pcscd + vpcd:       unlock ${real.unlock.toFixed(1)} ms, renewal ${real.renewal.toFixed(1)} ms`);
    console.log(`  ratio pcscd / in-process: unlock ${(real.unlock / local.unlock).toFixed(2)}, renewal ${(real.renewal / local.renewal).toFixed(2)}`);
  } finally {
    await pcscd.stop();
  }
} else {
  console.log('  pcscd + vpcd:       skipped (needs pcscd and root)');
}
