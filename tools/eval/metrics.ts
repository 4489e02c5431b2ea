// Binary and multi-class scores shared by the evaluation commands.
export interface BinaryCounts {
  tp: number;
  fp: number;
  tn: number;
  fn: number;
}

export interface BinaryScores {
  precision: number;
  recall: number;
  f1: number;
  accuracy: number;
  mcc: number;
  falsePositiveRate: number;
  n: number;
}

export function emptyCounts(): BinaryCounts {
  return { tp: 0, fp: 0, tn: 0, fn: 0 };
}

export function count(counts: BinaryCounts, predicted: boolean, actual: boolean): void {
  if (predicted && actual) counts.tp += 1;
  else if (predicted) counts.fp += 1;
  else if (actual) counts.fn += 1;
  else counts.tn += 1;
}

export function addCounts(a: BinaryCounts, b: BinaryCounts): BinaryCounts {
  return { tp: a.tp + b.tp, fp: a.fp + b.fp, tn: a.tn + b.tn, fn: a.fn + b.fn };
}

const ratio = (num: number, den: number): number => (den === 0 ? 0 : num / den);
const round = (x: number): number => Math.round(x * 10_000) / 10_000;

export function binaryScores({ tp, fp, tn, fn }: BinaryCounts): BinaryScores {
  const precision = ratio(tp, tp + fp);
  const recall = ratio(tp, tp + fn);
  const mccDen = Math.sqrt((tp + fp) * (tp + fn) * (tn + fp) * (tn + fn));
  return {
    precision: round(precision),
    recall: round(recall),
    f1: round(ratio(2 * precision * recall, precision + recall)),
    accuracy: round(ratio(tp + tn, tp + fp + tn + fn)),
    mcc: round(mccDen === 0 ? 0 : (tp * tn - fp * fn) / mccDen),
    falsePositiveRate: round(ratio(fp, fp + tn)),
    n: tp + fp + tn + fn,
  };
}

/** Accuracy, macro-F1 and per-class recall over gold labels `classes`. */
export function multiClassScores<L extends string>(
  pairs: Array<{ gold: L; predicted: string }>,
  classes: readonly L[],
): { accuracy: number; macroF1: number; n: number; recallByClass: Record<L, number> } {
  let correct = 0;
  const recallByClass = {} as Record<L, number>;
  let f1Sum = 0;
  for (const label of classes) {
    const tp = pairs.filter((p) => p.gold === label && p.predicted === label).length;
    const goldCount = pairs.filter((p) => p.gold === label).length;
    const predictedCount = pairs.filter((p) => p.predicted === label).length;
    const precision = ratio(tp, predictedCount);
    const recall = ratio(tp, goldCount);
    recallByClass[label] = round(recall);
    f1Sum += ratio(2 * precision * recall, precision + recall);
  }
  for (const p of pairs) if (p.gold === p.predicted) correct += 1;
  return { accuracy: round(ratio(correct, pairs.length)), macroF1: round(f1Sum / classes.length), n: pairs.length, recallByClass };
}
