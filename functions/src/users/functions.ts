import { onCall } from "firebase-functions/v2/https";
import { PADDLE_API_KEY, PADDLE_ENVIRONMENT } from "../billing/config";
import { authed, contractOf } from "../core/callable";
import { auth, db } from "../core/firebase";
import { CHANNEL_SECRETS } from "../channel/config";
import { lazy } from "../core/lazy";
import { identity } from "../core/identity";

const contract = contractOf(() => import("../contracts/users"));
const users = lazy(() => import("./service"));
const channel = lazy(() => import("../channel/service"));

export const getMe = onCall(
  authed(contract("getMeRequest"), async (_input, ctx) => (await users()).getMe(db(), ctx.uid, identity(ctx))),
);

export const updateProfile = onCall(
  authed(contract("updateProfileRequest"), async (input, ctx) => (await users()).updateProfile(db(), ctx.uid, identity(ctx), input)),
);

export const updateSettings = onCall(
  authed(contract("updateSettingsRequest"), async (input, ctx) => ({
    settings: await (await users()).updateSettings(db(), ctx.uid, identity(ctx), input.settings),
  })),
);

export const getUsage = onCall(authed(contract("getUsageRequest"), async (_input, ctx) => (await users()).getUsage(db(), ctx.uid, identity(ctx))));

export const deleteAccount = onCall(
  { secrets: [PADDLE_API_KEY, ...CHANNEL_SECRETS] },
  authed(
    contract("deleteAccountRequest"),
    async (_input, ctx) => {
      const [{ paddleCustomerDirectory }, { disconnectChannel, disconnectDepsFromParams }, { deleteAccount: deleteAll }] = await Promise.all([
        import("../billing/paddle"),
        channel(),
        users(),
      ]);
      return deleteAll(
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
