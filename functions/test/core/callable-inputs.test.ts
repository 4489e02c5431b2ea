// Every callable exported by index.ts, fed inputs no client should send:
// unauthenticated calls get `unauthenticated`, malformed data `invalid-argument`
// naming a field, and none answers `internal`.
import { expect } from "chai";
import type { CallableFunction } from "firebase-functions/v2/https";
import * as index from "../../src/index";
import { resetFirestore } from "../support/emulators";
import { call, callError } from "../support/functions";

type AnyCallable = CallableFunction<unknown, unknown>;

const callables = Object.entries(index).filter(
  (entry): entry is [string, AnyCallable] =>
    typeof entry[1] === "function" && Boolean((entry[1] as { __endpoint?: { callableTrigger?: unknown } }).__endpoint?.callableTrigger),
);

const malformed: Array<[string, unknown]> = [
  ["a number", 42],
  ["a string", "getMe"],
  ["an array", [1, 2, 3]],
  ["a boolean", true],
  ["an unknown field", { zzUnknownField: 1 }],
  ["a control-character key", { "\u0000": "x" }],
  ["a huge unknown field", { "😀": "x".repeat(200_000) }],
  ["a prototype-pollution attempt", JSON.parse('{"__proto__": {"admin": true}, "constructor": {"prototype": {}}}') as unknown],
];

describe("every callable rejects bad callers and bad input cleanly", () => {
  before(() => resetFirestore());

  it("finds the callables", () => {
    expect(callables.map(([name]) => name)).to.include.members(["getMe", "updateProfile", "updateSettings", "getUsage", "deleteAccount"]);
  });

  for (const [name, fn] of callables) {
    it(`${name}: unauthenticated`, async () => {
      const err = await callError(call(fn, {}, null));
      expect(err.code).to.equal("unauthenticated");
    });

    for (const [label, data] of malformed) {
      it(`${name}: ${label} → invalid-argument naming the field`, async () => {
        const err = await callError(call(fn, data, { uid: "fuzz-user" }));
        expect(err.code, err.message).to.equal("invalid-argument");
        expect(err.message).to.match(/^[^\s:]+: \S/);
      });
    }
  }
});
