// The creator's rules, users/{uid}/rules/{ruleId}, in priority order (`order`,
// first match wins), and the kill switch on the profile
// (users/{uid}.automationPaused). The owner reads them (firestore.rules);
// only these callables write them.
import { Timestamp, type Firestore } from "firebase-admin/firestore";
import type { RuleAction, RuleInput } from "../contracts/rules";
import { invalidArgument, notFound } from "../core/errors";
import { MAX_RULES, type RuleMode } from "../domain/ruleLimits";
import { validateRule } from "./validate";

export interface RuleDoc {
  name: string;
  enabled: boolean;
  condition: RuleInput["condition"];
  action: RuleAction;
  mode: RuleMode;
  order: number;
  /** Consecutive failed actions; reaching RULES_PAUSE_AFTER_FAILURES pauses the rule. */
  failures: number;
  paused: { at: Timestamp; reason: string } | null;
  createdAt: Timestamp;
  updatedAt: Timestamp;
}

export interface StoredRule extends RuleDoc {
  id: string;
}

export const rulesCol = (db: Firestore, uid: string) => db.collection(`users/${uid}/rules`);

export async function listRules(db: Firestore, uid: string): Promise<StoredRule[]> {
  const snap = await rulesCol(db, uid).orderBy("order").get();
  return snap.docs.map((d) => ({ id: d.id, ...(d.data() as RuleDoc) }));
}

export async function automationPaused(db: Firestore, uid: string): Promise<boolean> {
  return (await db.doc(`users/${uid}`).get()).get("automationPaused") === true;
}

export function ruleView(r: StoredRule) {
  return {
    id: r.id,
    name: r.name,
    enabled: r.enabled,
    condition: r.condition,
    action: r.action,
    mode: r.mode,
    order: r.order,
    paused: r.paused ? { at: r.paused.at.toDate().toISOString(), reason: r.paused.reason } : null,
    failures: r.failures,
    updatedAt: r.updatedAt.toDate().toISOString(),
  };
}

export async function getRules(db: Firestore, uid: string) {
  const [rules, paused] = await Promise.all([listRules(db, uid), automationPaused(db, uid)]);
  return { rules: rules.map(ruleView), automationPaused: paused };
}

/** Creates or replaces a rule. Saving a paused rule resumes it (its failures start again from 0). */
export async function saveRule(db: Firestore, uid: string, input: RuleInput, now = new Date()) {
  validateRule(input);
  const at = Timestamp.fromDate(now);
  const rules = await listRules(db, uid);
  const existing = input.id !== undefined ? rules.find((r) => r.id === input.id) : undefined;
  if (input.id !== undefined && !existing) throw notFound("That rule");
  if (!existing && rules.length >= MAX_RULES) throw invalidArgument("rule", `you have ${MAX_RULES} rules, the most allowed; delete one first`);
  const ref = existing ? rulesCol(db, uid).doc(existing.id) : rulesCol(db, uid).doc();
  const doc: RuleDoc = {
    name: input.name,
    enabled: input.enabled ?? true,
    condition: input.condition,
    action: input.action,
    mode: input.mode,
    order: existing?.order ?? (rules.at(-1)?.order ?? -1) + 1,
    failures: 0,
    paused: null,
    createdAt: existing?.createdAt ?? at,
    updatedAt: at,
  };
  await ref.set(doc);
  return { rule: ruleView({ id: ref.id, ...doc }), created: !existing };
}

export async function deleteRule(db: Firestore, uid: string, id: string) {
  const ref = rulesCol(db, uid).doc(id);
  const exists = (await ref.get()).exists;
  if (exists) await ref.delete();
  return { deleted: exists };
}

/** Sets the priority order: `ids` must name every rule once. */
export async function reorderRules(db: Firestore, uid: string, ids: string[], now = new Date()) {
  const rules = await listRules(db, uid);
  const known = new Set(rules.map((r) => r.id));
  if (new Set(ids).size !== ids.length) throw invalidArgument("ids", "must name each rule once");
  const unknown = ids.find((id) => !known.has(id));
  if (unknown !== undefined) throw invalidArgument("ids", `${unknown} is not one of your rules`);
  if (ids.length !== rules.length) throw invalidArgument("ids", `must name all ${rules.length} of your rules`);
  const batch = db.batch();
  const at = Timestamp.fromDate(now);
  ids.forEach((id, order) => batch.update(rulesCol(db, uid).doc(id), { order, updatedAt: at }));
  await batch.commit();
  return { rules: (await listRules(db, uid)).map(ruleView) };
}

/** The kill switch: while paused, no rule acts on its own and no action is queued for approval (the creator can still approve what waits). */
export async function setAutomation(db: Firestore, uid: string, paused: boolean, now = new Date()) {
  await db.doc(`users/${uid}`).set({ automationPaused: paused, updatedAt: Timestamp.fromDate(now) }, { merge: true });
  return { automationPaused: paused };
}
