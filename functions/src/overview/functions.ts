// The channel view: overview and top commenters, from the stored aggregates (docs/channel.md).
import { onCall } from "firebase-functions/v2/https";
import { authed, contractOf } from "../core/callable";
import { db } from "../core/firebase";
import { lazy } from "../core/lazy";

const contract = contractOf(() => import("../contracts/sync"));
const service = lazy(() => import("./service"));

export const getChannelOverview = onCall(authed(contract("getChannelOverviewRequest"), async (input, { uid }) => (await service()).getChannelOverview(db(), uid, input)));

export const getTopCommenters = onCall(authed(contract("getTopCommentersRequest"), async (input, { uid }) => (await service()).getTopCommenters(db(), uid, input)));
