// Units spent acting on an analysis' comments (replies, moderation) are added
// to that analysis' cost, beside the units its fetch spent.
import { FieldValue, type Firestore } from "firebase-admin/firestore";

export async function addActionUnits(db: Firestore, analysisId: string, kind: "replies" | "moderation", units: number): Promise<void> {
  if (units <= 0) return;
  await db.doc(`analyses/${analysisId}`).update({
    "cost.youtubeUnits": FieldValue.increment(units),
    [`cost.actionUnits.${kind}`]: FieldValue.increment(units),
  });
}
