// getAskQuota: how many AI questions the caller has left this period. Read
// only: a missing or ended usage document is shown as it would be created or
// rolled over (core/quota `currentUsage`); askQuestion's reservation is what
// actually counts.
import type { Firestore } from "firebase-admin/firestore";
import { currentUsage, usageDocs } from "../core/quota";
import { usageView } from "../core/planUsage";

export async function askQuota(db: Firestore, uid: string, now = new Date()) {
  const [usageSnap, profileSnap] = await db.getAll(...usageDocs(db, uid));
  const view = usageView(currentUsage(usageSnap, profileSnap, now).usage);
  return {
    plan: view.plan,
    ...view.aiQuestions,
    periodStart: view.periodStart,
    periodEnd: view.periodEnd,
  };
}
