// Notifications: the read/unread callable. The web app lists them itself
// (users/{uid}/notifications is owner-readable); delivery is in delivery.ts.
import { onCall } from "firebase-functions/v2/https";
import { authed, contractOf } from "../core/callable";
import { db } from "../core/firebase";
import { lazy } from "../core/lazy";

const contract = contractOf(() => import("../contracts/notifications"));
const readState = lazy(() => import("./readState"));

export const markNotifications = onCall(
  authed(contract("markNotificationsRequest"), async (input, ctx) =>
    (await readState()).markNotifications(db(), ctx.uid, input.all ? { all: true, read: input.read } : { ids: input.ids ?? [], read: input.read }),
  ),
);
