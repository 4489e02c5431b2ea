// The web SDK client the tests sign in with: the same one the demo uses.
export { signUp, type WebClient } from "../../../tools/webClient";
