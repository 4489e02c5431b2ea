import { onCall } from "firebase-functions/v2/https";
import { z } from "zod";
import { authed, type CallContext } from "../core/callable";
import { auth, db } from "../core/firebase";
import { httpsUrl, noInput, text } from "../core/schemas";
import * as users from "./service";
import { settingsPatchSchema } from "./settings";
import { CHANNEL_SECRETS } from "../channel/config";
import { disconnectDepsFromParams } from "../channel/service";

/** What the ID token says about the caller, used to seed a new profile. */
export function identity(ctx: CallContext): users.Identity {
  const str = (v: unknown) => (typeof v === "string" ? v : null);
  return { email: str(ctx.token.email), name: str(ctx.token.name), picture: str(ctx.token.picture) };
}

export const getMe = onCall(
  authed(noInput, (_input, ctx) => users.ensureUser(db(), ctx.uid, identity(ctx))),
);

const profilePatch = z
  .strictObject({
    displayName: text(100).nullable().optional(),
    photoURL: httpsUrl.nullable().optional(),
  })
  .refine((p) => p.displayName !== undefined || p.photoURL !== undefined, {
    message: "give displayName and/or photoURL",
  });

export const updateProfile = onCall(
  authed(profilePatch, (input, ctx) => users.updateProfile(db(), ctx.uid, identity(ctx), input)),
);

export const updateSettings = onCall(
  authed(z.strictObject({ settings: settingsPatchSchema }), async (input, ctx) => ({
    settings: await users.updateSettings(db(), ctx.uid, identity(ctx), input.settings),
  })),
);

export const getUsage = onCall(authed(noInput, (_input, ctx) => users.getUsage(db(), ctx.uid, identity(ctx))));

export const deleteAccount = onCall(
  { secrets: CHANNEL_SECRETS },
  authed(z.strictObject({ confirm: z.literal(true, { error: "must be true to delete the account" }) }), (_input, ctx) =>
    users.deleteAccount(db(), auth(), ctx.uid, disconnectDepsFromParams()),
  ),
);
