// Notifications (users/{uid}/notifications, read by the web app with a listener),
// their read state, and the outgoing webhooks that deliver them.
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

export const addWebhookRequest = z.strictObject({
  url: z.string().min(1, "must not be empty").max(2048, "must be at most 2048 characters"),
  /** Default: slack for hooks.slack.com URLs, generic (signed) for anything else. */
  kind: z.enum(["slack", "generic"], { error: "must be slack or generic" }).optional(),
});

export const addWebhookResponse = z.lazy(() =>
  z.strictObject({
    webhook: z.strictObject({ id: z.string(), kind: z.enum(["slack", "generic"]), host: z.string() }),
    /** generic only, shown this once: the key of the X-Lently-Signature HMAC. */
    secret: z.string().nullable(),
  }),
);

export const removeWebhookRequest = z.strictObject({ id: docId });
export const removeWebhookResponse = z.lazy(() => z.strictObject({ id: z.string(), removed: z.boolean() }));
