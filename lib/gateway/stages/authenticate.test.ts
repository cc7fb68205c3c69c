import { describe, expect, it } from "vitest";
import { createGatewayContext } from "../context";
import { admitted, chatRequest, createFakeWorld, KEYRING, makeConnection, policyOf, SK_CURRENT, SK_OLD, type TestConnection } from "../test-support";
import { authenticate, readCredentials } from "./authenticate";

const request = { provider: "openai", model: "gpt-4o-mini", costMicroUsd: 100, leaseMs: 1000, streamed: false, api: "chat" as const };

async function run({ connection, world = createFakeWorld({ connection, decide: () => admitted() }), token = connection.token }: { connection: TestConnection; world?: ReturnType<typeof createFakeWorld>; token?: string }) {
  const ctx = createGatewayContext({ request: chatRequest({ token, body: {} }), deps: world.deps });
  const credentials = readCredentials(token);
  const accountId = await world.deps.findAccountId(credentials.connectionId);
  const result = authenticate({ ctx, credentials, accountId, request });
  return { world, result, credentials };
}

describe("stage authenticate", () => {
  it("checks the token's form before any I/O and sends the object the verifier, never K", () => {
    expect(() => readCredentials(null)).toThrow(expect.objectContaining({ httpStatus: 401, message: expect.stringContaining("Authorization: Bearer") }));
    expect(() => readCredentials("1r_" + "0".repeat(71))).toThrow(expect.objectContaining({ httpStatus: 401, openaiCode: "invalid_api_key" }));
    const connection = makeConnection();
    expect(readCredentials(connection.token)).toMatchObject({ connectionId: connection.connectionId, verifier: connection.verifier });
  });

  it("opens CK, verifies the policy and returns the admission, wiping the token's secret", async () => {
    const connection = makeConnection({ policy: policyOf({ budgetUsd: 3 }) });
    const { result, credentials, world } = await run({ connection });
    const auth = await result;
    expect(auth.connection).toMatchObject({ connectionId: connection.connectionId, status: "active", policy: { budgetUsd: 3 } });
    expect(auth.connection.ck).toHaveLength(32);
    expect(auth.admission).toMatchObject({ ok: true });
    expect(credentials.secret.every((b) => b === 0)).toBe(true);
    expect(world.calls.admit).toHaveLength(1);
    expect(JSON.stringify(world.calls.admit[0])).not.toContain(connection.token.slice(3, 40));
  });

  it("answers 401 for an unknown connection without calling the object, and for the object's unknown or revoked", async () => {
    const connection = makeConnection();
    const world = createFakeWorld({ connection });
    const ctx = createGatewayContext({ request: chatRequest({ token: connection.token, body: {} }), deps: world.deps });
    await expect(authenticate({ ctx, credentials: readCredentials(connection.token), accountId: null, request })).rejects.toMatchObject({ httpStatus: 401 });
    expect(world.calls.admit).toEqual([]);
    const revoked = createFakeWorld({ connection, answer: { ok: false, reason: "revoked" } });
    await expect((await run({ connection, world: revoked })).result).rejects.toMatchObject({ httpStatus: 401, message: "This relay token has been revoked." });
    const unknown = createFakeWorld({ connection, answer: { ok: false, reason: "unknown" } });
    await expect((await run({ connection, world: unknown })).result).rejects.toMatchObject({ httpStatus: 401, message: "Incorrect or revoked relay token provided." });
  });

  it("refuses a policy whose tag fails (403), and releases what the object reserved for it", async () => {
    const connection = makeConnection({ policy: policyOf({ budgetUsd: 1 }) });
    const raised = { ...connection, material: { ...connection.material, policy: connection.material.policy.replace('"budgetUsd":1', '"budgetUsd":1000') } };
    const { result, world } = await run({ connection: raised });
    await expect(result).rejects.toMatchObject({ httpStatus: 403, openaiCode: "connection_policy_invalid" });
    await world.drain();
    expect(world.calls.release).toEqual(["res-1"]);
  });

  it("refuses an expired token (401) and releases its hold", async () => {
    const connection = makeConnection({ policy: policyOf({ expiresAt: 1_700_000_000 }) });
    const { result, world } = await run({ connection });
    await expect(result).rejects.toMatchObject({ httpStatus: 401, message: "This relay token has expired." });
    await world.drain();
    expect(world.calls.release).toEqual(["res-1"]);
  });

  it("opens a connection stored under an earlier secret and moves it to the current one", async () => {
    const connection = makeConnection({ sk: SK_OLD });
    const { result, world } = await run({ connection });
    await result;
    await world.drain();
    expect(world.calls.rewrap).toHaveLength(1);
    const [moved] = world.calls.rewrap;
    expect(moved).toMatchObject({ connectionId: connection.connectionId, fromSkId: "sk1", skId: "sk2" });
    // The new layer opens under the current secret with the same token.
    const again = { ...connection, material: { ...connection.material, ckServer: moved!.ckServer, skId: "sk2" } };
    const second = await run({ connection: again });
    await expect(second.result).resolves.toMatchObject({ connection: { connectionId: connection.connectionId } });
    await second.world.drain();
    expect(second.world.calls.rewrap).toEqual([]);
  });

  it("refuses (401) a connection whose secret was retired from the keyring, and releases its hold", async () => {
    const connection = makeConnection({ sk: SK_OLD });
    const world = createFakeWorld({ connection, decide: () => admitted(), keyring: { current: SK_CURRENT, previous: [] } });
    const { result } = await run({ connection, world });
    await expect(result).rejects.toMatchObject({ httpStatus: 401, message: "This relay token can no longer be opened by this server." });
    await world.drain();
    expect(world.calls.release).toEqual(["res-1"]);
    expect(KEYRING.previous).toContain(SK_OLD);
  });

  it("refuses a token whose secret does not open the SK layer's CK (401)", async () => {
    const a = makeConnection();
    const b = makeConnection();
    // b's material under a's id and verifier: the layer names another connection in its AAD.
    const swapped = { ...a, material: b.material };
    await expect((await run({ connection: swapped })).result).rejects.toMatchObject({ httpStatus: 401 });
  });
});
