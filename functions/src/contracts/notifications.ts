// Notifications (users/{uid}/notifications, read by the web app with a listener) and their read state.
import { z } from "zod";
import { docId } from "../domain/schemas";

export const markNotificationsRequest = z
  .strictObject({
    ids: z.array(docId).min(1, "must list at least one id").max(100, "must list at most 100 ids").optional(),
    all: z.literal(true, { error: "must be true (every notification)" }).optional(),
    read: z.boolean({ error: "must be true or false" }).default(true),
  })
  .refine((r) => (r.ids === undefined) !== (r.all === undefined), { message: "give either ids or all: true" });

export const markNotificationsResponse = z.lazy(() =>
  z.strictObject({
    /** Notifications whose read state changed (unknown ids and those already in that state are not counted). */
    updated: z.number().int().min(0),
    read: z.boolean(),
  }),
);
