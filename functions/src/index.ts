// Every deployed function, one line each. Find a function here, then open its file.
import "./core/options";

export { health } from "./health/health";
export { getMe, updateProfile, updateSettings, getUsage, deleteAccount } from "./users/functions";
