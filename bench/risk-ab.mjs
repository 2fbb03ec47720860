// Usage: node bench/risk-ab.mjs <old-root> — after `npm run build` here and in <old-root>, a built
// copy of an earlier commit (git archive <commit> | tar -x -C <old-root>, node_modules linked); see
// docs/performance.md, "Issue 15".
// A/B of the Monte Carlo simulation phase, old and new builds in one process, alternated.
import { fileURLToPath } from 'node:url';
const here = fileURLToPath(new URL('..', import.meta.url)).replace(/\/$/, '');
const oldRoot = process.argv[2];
if (!oldRoot) throw new Error('usage: node bench/risk-ab.mjs <old-root>');
const roots = { old: oldRoot, new: here, newOldClasses: here };
const OLD = { roads: { mean: 1.2, p80: 1.32 }, rail: { mean: 1.45, p80: 1.57 }, 'transport-hub': { mean: 1.2, p80: 1.32 }, 'power-interconnection': { mean: 1.05, p80: 1.15 }, solar: { mean: 1.0, p80: 1.1 }, hydro: { mean: 1.7, p80: 2.0 }, thermal: { mean: 1.15, p80: 1.26 }, water: { mean: 1.2, p80: 1.32 }, irrigation: { mean: 1.2, p80: 1.32 }, fibre: { mean: 1.18, p80: 1.5 }, 'agro-industry': { mean: 1.15, p80: 1.26 }, extractives: { mean: 1.34, p80: 1.55 } };
async function setup(name, root) {
  const m = async (p) => import(`${root}/dist/${p}`);
  const { loadRunInputs } = await m('io/load-run-inputs.js');
  const { projectPaths } = await m('io/project-paths.js');
  const { runModelDetailed } = await m('model/run.js');
  const { delayPaidIn } = await m('shocks/paid-in-delay.js');
  const { riskSettings } = await m('risk/calibration.js');
  const { buildMcModel } = await m('risk/mc-model.js');
  const { runMonteCarlo, startWorkers } = await m('risk/montecarlo.js');
  const loaded = loadRunInputs('baseline', projectPaths(root));
  let scenario = loaded.value.resolved.scenario;
  if (name === 'newOldClasses') scenario = { ...scenario, risk: { ...(scenario.risk ?? {}), overruns: { classes: OLD } } };
  const inputs = { ...loaded.value.inputs, contributions: delayPaidIn(loaded.value.inputs.contributions, scenario.funding.paidInDelayYears ?? {}) };
  const run = await runModelDetailed(inputs, scenario);
  const base = { ctx: run.prep.ctx, inputs, commitments: run.commitments, results: run.base };
  const build = buildMcModel(base, riskSettings(scenario), { paths: 10000, seed: 20251223 });
  const pool = startWorkers(1);
  return async () => { const t = performance.now(); await runMonteCarlo(build.model, pool); return (performance.now() - t) / 1000; };
}
const runs = {};
for (const [k, r] of Object.entries(roots)) runs[k] = await setup(k, r);
const times = { old: [], new: [], newOldClasses: [] };
for (let i = 0; i < 15; i++) for (const k of Object.keys(roots)) times[k].push(await runs[k]());
const med = (a) => [...a].sort((x, y) => x - y)[a.length >> 1];
for (const [k, a] of Object.entries(times)) console.log(k.padEnd(14), 'median', med(a).toFixed(3), 'min', Math.min(...a).toFixed(3), a.map((x) => x.toFixed(2)).join(' '));
