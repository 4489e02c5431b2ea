// Paddle price ids → Lently plans, from configuration (PADDLE_PRICE_* params),
// never from code: sandbox and production have different ids, and a plan may
// have several prices (monthly, yearly, regional).
import { PLAN_IDS, type PlanId } from "../domain/plans";

export type PaidPlanId = Exclude<PlanId, "free">;
export type PriceConfig = Record<PaidPlanId, string>;
export type PriceMap = ReadonlyMap<string, PaidPlanId>;

function ids(list: string): string[] {
  return list
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
}

/** A price listed under two plans maps to the higher one (a misconfiguration never takes a paid plan away). */
export function priceMap(config: PriceConfig): PriceMap {
  const map = new Map<string, PaidPlanId>();
  for (const plan of ["starter", "pro", "business"] as const) {
    for (const id of ids(config[plan])) map.set(id, plan);
  }
  return map;
}

export function priceIdsByPlan(config: PriceConfig): Record<PlanId, string[]> {
  return { free: [], starter: ids(config.starter), pro: ids(config.pro), business: ids(config.business) };
}

export function planRank(plan: PlanId): number {
  return PLAN_IDS.indexOf(plan);
}

/**
 * The plan a set of subscription items grants: the highest plan among the
 * items' prices (add-ons and unknown prices are ignored), or null when none of
 * them is a plan price.
 */
export function planForPrices(priceIds: readonly string[], map: PriceMap): { plan: PaidPlanId; priceId: string } | null {
  let best: { plan: PaidPlanId; priceId: string } | null = null;
  for (const priceId of priceIds) {
    const plan = map.get(priceId);
    if (plan && (!best || planRank(plan) > planRank(best.plan))) best = { plan, priceId };
  }
  return best;
}
