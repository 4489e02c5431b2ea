// Every response a test receives from a callable is parsed with that
// callable's exported response schema (functions/src/contracts): a response
// that does not match its contract fails the test that received it.
import { callables, type CallableName } from "../../src/contracts";

/** Throws, naming the callable and the first mismatching path, when `response` breaks its contract. */
export function checkResponse(name: string, response: unknown): void {
  const contract = (callables as Record<string, { response: { safeParse(v: unknown): { success: boolean; error?: { issues: Array<{ path: PropertyKey[]; message: string }> } } } }>)[name];
  if (!contract) throw new Error(`callable ${name} has no contract in functions/src/contracts: add one (see README, Callables and their contracts)`);
  const parsed = contract.response.safeParse(response);
  if (!parsed.success) {
    const issue = parsed.error!.issues[0];
    throw new Error(`${name}'s response breaks its contract at ${issue.path.map(String).join(".") || "(root)"}: ${issue.message}`);
  }
}

export const contractNames = Object.keys(callables) as CallableName[];
