// The web SDK client the tests sign in with: the same one the demo uses, with
// every callable's response checked against its contract.
import { signUp as signUpClient, type WebClient } from "../../../tools/webClient";
import { checkResponse } from "./contracts";

export type { WebClient };

export async function signUp(email?: string): Promise<WebClient> {
  const client = await signUpClient(email);
  const call = client.call.bind(client);
  client.call = async <Res>(name: string, data?: unknown): Promise<Res> => {
    const response = await call<Res>(name, data);
    checkResponse(name, response);
    return response;
  };
  return client;
}
