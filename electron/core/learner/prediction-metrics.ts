/**
 * How well a stream of probabilistic predictions matched what happened, in constant memory:
 * AUC, RMSE, log-loss, accuracy and a 10-bin calibration table. Used by `lantern model evaluate`
 * and the learner-model bench and tests.
 */

/** Predictions are clipped to [ε, 1 − ε] for log-loss, so one confident miss costs at most −ln ε. */
export const LOG_LOSS_EPSILON = 1e-6;
/**
 * AUC is counted over a histogram of this many steps per unit of probability: predictions that
 * round to the same step count as tied (half a win each). Exact for predictions at most 5 decimals
 * apart, within 1e-5 otherwise, and its memory does not grow with the log.
 */
export const AUC_STEPS = 100_000;
export const CALIBRATION_BINS = 10;

export interface CalibrationBin {
  /** The bin holds predictions in [from, to); the last one includes 1. */
  from: number;
  to: number;
  count: number;
  /** Mean prediction in the bin, or null when it is empty. */
  predicted: number | null;
  /** Observed success rate in the bin, or null when it is empty. */
  observed: number | null;
}

export interface MetricsSummary {
  count: number;
  /** Null when the outcomes are all successes or all failures. */
  auc: number | null;
  rmse: number;
  logLoss: number;
  /** Share of predictions on the right side of 0.5 (0.5 predicts success). */
  accuracy: number;
  calibration: CalibrationBin[];
}

export class PredictionMetrics {
  private count = 0;
  private squared = 0;
  private logLoss = 0;
  private correct = 0;
  private readonly positives = new Float64Array(AUC_STEPS + 1);
  private readonly negatives = new Float64Array(AUC_STEPS + 1);
  private readonly binCount = new Float64Array(CALIBRATION_BINS);
  private readonly binPredicted = new Float64Array(CALIBRATION_BINS);
  private readonly binObserved = new Float64Array(CALIBRATION_BINS);

  /** One prediction p ∈ [0, 1] of an outcome y (1 success, 0 failure). */
  add(p: number, y: 0 | 1): void {
    this.count++;
    this.squared += (p - y) ** 2;
    const q = Math.min(1 - LOG_LOSS_EPSILON, Math.max(LOG_LOSS_EPSILON, p));
    this.logLoss -= y ? Math.log(q) : Math.log(1 - q);
    if ((p >= 0.5 ? 1 : 0) === y) this.correct++;
    (y ? this.positives : this.negatives)[Math.round(p * AUC_STEPS)]!++;
    const bin = Math.min(CALIBRATION_BINS - 1, Math.floor(p * CALIBRATION_BINS));
    this.binCount[bin]!++;
    this.binPredicted[bin]! += p;
    this.binObserved[bin]! += y;
  }

  summary(): MetricsSummary {
    const n = this.count;
    return {
      count: n,
      auc: this.auc(),
      rmse: n ? Math.sqrt(this.squared / n) : NaN,
      logLoss: n ? this.logLoss / n : NaN,
      accuracy: n ? this.correct / n : NaN,
      calibration: Array.from({ length: CALIBRATION_BINS }, (_, i) => {
        const count = this.binCount[i]!;
        return {
          from: i / CALIBRATION_BINS,
          to: (i + 1) / CALIBRATION_BINS,
          count,
          predicted: count ? this.binPredicted[i]! / count : null,
          observed: count ? this.binObserved[i]! / count : null,
        };
      }),
    };
  }

  /** The chance that a random success was predicted higher than a random failure; ties count half. */
  private auc(): number | null {
    let negativesBelow = 0;
    let wins = 0;
    let positives = 0;
    for (let i = 0; i <= AUC_STEPS; i++) {
      const pos = this.positives[i]!;
      const neg = this.negatives[i]!;
      wins += pos * (negativesBelow + neg / 2);
      negativesBelow += neg;
      positives += pos;
    }
    return positives && negativesBelow ? wins / (positives * negativesBelow) : null;
  }
}

/** Spearman's rank correlation (ties get their mean rank). */
export function spearman(xs: readonly number[], ys: readonly number[]): number {
  const rx = ranks(xs);
  const ry = ranks(ys);
  const mean = (v: number[]) => v.reduce((s, x) => s + x, 0) / v.length;
  const mx = mean(rx);
  const my = mean(ry);
  let num = 0;
  let dx = 0;
  let dy = 0;
  for (let i = 0; i < rx.length; i++) {
    num += (rx[i]! - mx) * (ry[i]! - my);
    dx += (rx[i]! - mx) ** 2;
    dy += (ry[i]! - my) ** 2;
  }
  return num / Math.sqrt(dx * dy);
}

function ranks(xs: readonly number[]): number[] {
  const order = xs.map((x, i) => ({ x, i })).sort((a, b) => a.x - b.x);
  const out = new Array<number>(xs.length);
  for (let i = 0; i < order.length;) {
    let j = i;
    while (j + 1 < order.length && order[j + 1]!.x === order[i]!.x) j++;
    for (let k = i; k <= j; k++) out[order[k]!.i] = (i + j) / 2;
    i = j + 1;
  }
  return out;
}
