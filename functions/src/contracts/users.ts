// Profile, settings, usage and account callables.
import { z } from "zod";
import { httpsUrl, noInput, text } from "../domain/schemas";
import { settingsPatchSchema, settingsSchema } from "../domain/settings";
import { profileView, usageView } from "./shared";

export const getMeRequest = noInput;
export const getMeResponse = z.lazy(() => z.strictObject({ created: z.boolean(), profile: profileView, usage: usageView }));

export const updateProfileRequest = z
  .strictObject({
    displayName: text(100).nullable().optional(),
    photoURL: httpsUrl.nullable().optional(),
  })
  .refine((p) => p.displayName !== undefined || p.photoURL !== undefined, {
    message: "give displayName and/or photoURL",
  });
export const updateProfileResponse = z.lazy(() => profileView);

export const updateSettingsRequest = z.strictObject({ settings: settingsPatchSchema });
export const updateSettingsResponse = z.lazy(() => z.strictObject({ settings: settingsSchema }));

export const getUsageRequest = noInput;
export const getUsageResponse = z.lazy(() => usageView);

export const deleteAccountRequest = z.strictObject({ confirm: z.literal(true, { error: "must be true to delete the account" }) });
export const deleteAccountResponse = z.lazy(() => z.strictObject({
  deleted: z.literal(true),
  ownedDocuments: z.number().int().min(0),
  /** Live Paddle subscriptions cancelled through the API before anything was deleted. */
  subscriptionsCancelled: z.number().int().min(0),
  authUserDeleted: z.boolean(),
}));
