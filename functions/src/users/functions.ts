import { onCall } from "firebase-functions/v2/https";
import { PADDLE_API_KEY, PADDLE_ENVIRONMENT } from "../billing/config";
import { callables as contracts } from "../contracts";
import { authed } from "../core/callable";
import { auth, db } from "../core/firebase";
import { CHANNEL_SECRETS } from "../channel/config";
import { lazy } from "../core/lazy";
import { identity } from "./identity";
import * as users from "./service";

const channel = lazy(() => import("../channel/service"));

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
  { secrets: [PADDLE_API_KEY, ...CHANNEL_SECRETS] },
  authed(
    contracts.deleteAccount.request,
    async (_input, ctx) => {
      const [{ paddleCustomerDirectory }, { disconnectChannel, disconnectDepsFromParams }] = await Promise.all([import("../billing/paddle"), channel()]);
      return users.deleteAccount(
        {
          db: db(),
          auth: auth(),
          billing: paddleCustomerDirectory(PADDLE_API_KEY.value(), PADDLE_ENVIRONMENT.value()),
          channel: { disconnect: (uid) => disconnectChannel(db(), uid, disconnectDepsFromParams()) },
        },
        ctx.uid,
      );
    },
    { allowDeleted: true },
  ),
);
