import { onCall } from "firebase-functions/v2/https";
import { PADDLE_API_KEY, PADDLE_ENVIRONMENT } from "../billing/config";
import { callables as contracts } from "../contracts";
import { authed, type CallContext } from "../core/callable";
import { auth, db } from "../core/firebase";
import * as users from "./service";

/** What the ID token says about the caller, used to seed a new profile. */
function identity(ctx: CallContext): users.Identity {
  const str = (v: unknown) => (typeof v === "string" ? v : null);
  return { email: str(ctx.token.email), name: str(ctx.token.name), picture: str(ctx.token.picture) };
}

export const getMe = onCall(
  authed(contracts.getMe.request, (_input, ctx) => users.ensureUser(db(), ctx.uid, identity(ctx))),
);

export const updateProfile = onCall(
  authed(contracts.updateProfile.request, (input, ctx) => users.updateProfile(db(), ctx.uid, identity(ctx), input)),
);

export const updateSettings = onCall(
  authed(contracts.updateSettings.request, async (input, ctx) => ({
    settings: await users.updateSettings(db(), ctx.uid, identity(ctx), input.settings),
  })),
);

export const getUsage = onCall(authed(contracts.getUsage.request, (_input, ctx) => users.getUsage(db(), ctx.uid, identity(ctx))));

export const deleteAccount = onCall(
  { secrets: [PADDLE_API_KEY] },
  authed(
    contracts.deleteAccount.request,
    async (_input, ctx) => {
      const { paddleCustomerDirectory } = await import("../billing/paddle");
      return users.deleteAccount({ db: db(), auth: auth(), billing: paddleCustomerDirectory(PADDLE_API_KEY.value(), PADDLE_ENVIRONMENT.value()) }, ctx.uid);
    },
    { allowDeleted: true },
  ),
);
