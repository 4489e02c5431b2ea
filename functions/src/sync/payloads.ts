// What the sync task accepts: a task's data is checked again before it runs.
import { z } from "zod";

export const syncTaskPayload = z.strictObject({
  uid: z.string().min(1).max(128),
  sourceId: z.string().min(1).max(200).regex(/^(channel|video)_[A-Za-z0-9_-]+$/),
  window: z.string().regex(/^\d{8}(\d{2})?$/),
});
