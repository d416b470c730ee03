import { describe, expect, it } from 'vitest';
import { PredictionMetrics, spearman } from '../../../electron/core/learner/prediction-metrics.ts';

const metricsOf = (pairs: [number, 0 | 1][]) => {
  const m = new PredictionMetrics();
  for (const [p, y] of pairs) m.add(p, y);
  return m.summary();
};

describe('prediction metrics', () => {
  it('counts tied predictions of a success and a failure as half a win in the AUC', () => {
    // Successes predicted 0.9, 0.8, 0.3; failures 0.8, 0.3, 0.1. Of the 9 pairs the success is
    // ranked higher in 6, tied in 2 (0.8/0.8, 0.3/0.3), lower in 1 (0.3 < 0.8): (6 + 2/2) / 9.
    const s = metricsOf([
      [0.9, 1],
      [0.8, 1],
      [0.8, 0],
      [0.3, 1],
      [0.3, 0],
      [0.1, 0],
    ]);
    expect(s.auc).toBeCloseTo(7 / 9, 12);
  });

  it('has no AUC when every outcome is the same, and 0.5 when all predictions are equal', () => {
    expect(
      metricsOf([
        [0.2, 1],
        [0.7, 1],
      ]).auc,
    ).toBeNull();
    expect(
      metricsOf([
        [0.6, 1],
        [0.6, 0],
        [0.6, 0],
      ]).auc,
    ).toBe(0.5);
  });

  it('clips predictions of 0 and 1 for log-loss so a confident miss costs −ln 1e-6', () => {
    const s = metricsOf([
      [1, 0],
      [0.5, 1],
      [0, 0],
    ]);
    // (−ln 1e-6 + ln 2 + −ln(1 − 1e-6)) / 3
    expect(s.logLoss).toBeCloseTo((13.815510557964274 + Math.LN2 + 1.0000005e-6) / 3, 9);
  });

  it('computes RMSE and accuracy, with 0.5 counted as predicting success', () => {
    const s = metricsOf([
      [0.9, 1],
      [0.2, 1],
      [0.5, 1],
      [0.4, 0],
    ]);
    // squared errors 0.01, 0.64, 0.25, 0.16
    expect(s.rmse).toBeCloseTo(Math.sqrt(1.06 / 4), 12);
    expect(s.accuracy).toBe(0.75);
  });

  it('puts each prediction in its tenth, lower edge included and 1 in the last, with mean and observed rate', () => {
    const s = metricsOf([
      [0.05, 0],
      [0.1, 1],
      [0.15, 0],
      [0.95, 1],
      [1, 1],
      [0.97, 0],
    ]);
    expect(s.calibration).toHaveLength(10);
    expect(s.calibration[0]).toEqual({ from: 0, to: 0.1, count: 1, predicted: 0.05, observed: 0 });
    expect(s.calibration[1]?.count).toBe(2);
    expect(s.calibration[1]?.predicted).toBeCloseTo(0.125, 12);
    expect(s.calibration[1]?.observed).toBe(0.5);
    expect(s.calibration[5]).toEqual({ from: 0.5, to: 0.6, count: 0, predicted: null, observed: null });
    expect(s.calibration[9]?.count).toBe(3);
    expect(s.calibration[9]?.predicted).toBeCloseTo((0.95 + 1 + 0.97) / 3, 12);
    expect(s.calibration[9]?.observed).toBeCloseTo(2 / 3, 12);
  });

  it('ranks ties by their mean rank in the Spearman correlation', () => {
    // ranks of x: 0, 1.5, 1.5, 3; of y: 0, 1, 2, 3 → r = 4.5 / √(4.5 × 5)
    expect(spearman([1, 2, 2, 3], [10, 20, 30, 40])).toBeCloseTo(4.5 / Math.sqrt(4.5 * 5), 12);
    expect(spearman([3, 2, 1], [1, 2, 3])).toBeCloseTo(-1, 12);
  });
});
