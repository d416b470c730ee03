/**
 * Child process of bench/learner-model.ts: streams an attempts CSV through the evaluator the way
 * `lantern model evaluate` does, and prints its wall and CPU time and memory as JSON.
 * Run with --expose-gc so the heap after collection is the model's state alone.
 */
import { readAttemptsFile } from '../electron/core/learner/attempts-csv.ts';
import { AttemptsEvaluation } from '../electron/core/learner/model-evaluation.ts';

const file = process.argv[2]!;
const evaluation = new AttemptsEvaluation();
const cpu = process.cpuUsage();
const started = performance.now();
let peakHeap = 0;
const attempts = await readAttemptsFile(file, (a) => {
  evaluation.add(a);
  if (evaluation.predictors.length && Math.random() < 1e-4)
    peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
});
const report = evaluation.report();
const wallS = (performance.now() - started) / 1000;
const used = process.cpuUsage(cpu);
(globalThis as { gc?: () => void }).gc?.();
console.log(
  JSON.stringify({
    attempts,
    learners: report.learners,
    wallS,
    cpuS: (used.user + used.system) / 1e6,
    maxRssMb: process.resourceUsage().maxRSS / 1024,
    peakHeapMb: peakHeap / 2 ** 20,
    heapAfterGcMb: process.memoryUsage().heapUsed / 2 ** 20,
    auc: report.models.map((m) => m.metrics.auc),
  }),
);
