// What the ID token says about the caller, used to seed a new profile.
import type { CallContext } from "./callable";

/** The ID token claims a new profile starts from. */
export interface Identity {
  email?: string | null;
  name?: string | null;
  picture?: string | null;
}

export function identity(ctx: CallContext): Identity {
  const str = (v: unknown) => (typeof v === "string" ? v : null);
  return { email: str(ctx.token.email), name: str(ctx.token.name), picture: str(ctx.token.picture) };
}
