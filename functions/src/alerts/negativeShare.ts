// The negative-share alert as a plain function of a video's counts before and
// after a change (an analysis, a refresh, a sync batch): it fires when the
// share rises past the threshold, not while it stays above it.

export interface ShareCounts {
  /** Comments with a sentiment label. */
  total: number;
  negative: number;
}

export function negativeShare(counts: ShareCounts | null): number | null {
  return counts && counts.total > 0 ? counts.negative / counts.total : null;
}

/**
 * True when the share went from at or below `thresholdPercent` (or unknown: the
 * first analysis of a video) to above it.
 */
export function crossedNegativeThreshold(before: ShareCounts | null, after: ShareCounts, thresholdPercent: number): boolean {
  const now = negativeShare(after);
  if (now === null || now * 100 <= thresholdPercent) return false;
  const was = negativeShare(before);
  return was === null || was * 100 <= thresholdPercent;
}

export const percent = (share: number | null): string => (share === null ? "—" : `${Math.round(share * 100)} %`);
