import { describe, expect, it } from "vitest";
import type { KnownConnection, StoredConnectionRow, ViewGrant } from "./gateway-view";
import { reconcileConnection } from "./reconcile-connection";

const accountId = "acct-1";
const grant = (over: Partial<ViewGrant> = {}): ViewGrant => ({ provider: "openai", itemId: "item-1", itemKeyVersion: 1, sealedKey: "v1.sealed-1", keyStatus: null, ...over });
const row = (over: Partial<StoredConnectionRow> = {}): StoredConnectionRow => ({
  userId: accountId,
  status: "active",
  verifier: "ab".repeat(32),
  ckServer: "v1.layer-1",
  skId: "sk1",
  policy: '{"budgetUsd":5}',
  policyTag: "tag-5",
  grants: [grant()],
  ...over,
});
const knownOf = (r: StoredConnectionRow): KnownConnection => ({ verifier: r.verifier, material: { ckServer: r.ckServer!, skId: r.skId!, policy: r.policy, policyTag: r.policyTag, grants: r.grants } });

describe("reconciling the object's copy of a connection with D1", () => {
  it("takes a connection it never saw as D1 holds it (connections made before the object held views)", () => {
    expect(reconcileConnection({ accountId, status: "active", known: null, row: row(), intents: [] })).toEqual({ status: "active", known: knownOf(row()) });
    expect(reconcileConnection({ accountId, status: "active", known: null, row: row({ status: "paused" }), intents: [] }).status).toBe("paused");
  });

  it("knows nothing of a row that is missing or belongs to another account", () => {
    expect(reconcileConnection({ accountId, status: "active", known: null, row: null, intents: [] })).toEqual({ status: "active", known: null });
    expect(reconcileConnection({ accountId, status: "active", known: null, row: row({ userId: "acct-2" }), intents: [] })).toEqual({ status: "active", known: null });
  });

  it("revokes what D1 revoked or deleted, and keeps the verifier so the owner's token still hears it was revoked", () => {
    const known = knownOf(row());
    for (const gone of [row({ status: "revoked", ckServer: null, skId: null }), null, row({ userId: "acct-2" })]) {
      expect(reconcileConnection({ accountId, status: "active", known, row: gone, intents: [] })).toEqual({ status: "revoked", known: { verifier: known.verifier, material: null } });
    }
  });

  it("never brings a revoked connection back, whatever D1 says and whatever was announced", () => {
    const result = reconcileConnection({ accountId, status: "revoked", known: { verifier: "ab".repeat(32), material: null }, row: row(), intents: [{ resume: true, policy: { policy: "{}", policyTag: "t" } }] });
    expect(result).toEqual({ status: "revoked", known: { verifier: "ab".repeat(32), material: null } });
  });

  it("keeps its pinned policy when D1 holds an older one with its old tag, and takes only an announced one", () => {
    const known = knownOf(row({ policy: '{"budgetUsd":1}', policyTag: "tag-1" }));
    const restored = row({ policy: '{"budgetUsd":5}', policyTag: "tag-5" });
    expect(reconcileConnection({ accountId, status: "active", known, row: restored, intents: [] }).known!.material).toMatchObject({ policy: '{"budgetUsd":1}', policyTag: "tag-1" });
    const announced = reconcileConnection({ accountId, status: "active", known, row: restored, intents: [{ policy: { policy: '{"budgetUsd":5}', policyTag: "tag-5" } }] });
    expect(announced.known!.material).toMatchObject({ policy: '{"budgetUsd":5}', policyTag: "tag-5" });
    // An announcement of another value does not let D1's through.
    const other = reconcileConnection({ accountId, status: "active", known, row: restored, intents: [{ policy: { policy: '{"budgetUsd":5}', policyTag: "tag-X" } }] });
    expect(other.known!.material).toMatchObject({ policyTag: "tag-1" });
  });

  it("takes a pause from D1 at once, but a resume only when it was announced", () => {
    const known = knownOf(row());
    expect(reconcileConnection({ accountId, status: "active", known, row: row({ status: "paused" }), intents: [] }).status).toBe("paused");
    expect(reconcileConnection({ accountId, status: "paused", known, row: row(), intents: [] }).status).toBe("paused");
    expect(reconcileConnection({ accountId, status: "paused", known, row: row(), intents: [{ resume: true }] }).status).toBe("active");
    expect(reconcileConnection({ accountId, status: "paused", known: null, row: row(), intents: [] }).status).toBe("paused");
  });

  it("drops a grant D1 deleted, takes an announced replacement, keeps its own over an unannounced one, and ignores an unannounced new one", () => {
    const known = knownOf(row({ grants: [grant(), grant({ provider: "gemini", itemId: "item-g" })] }));
    const replaced = grant({ itemKeyVersion: 2, sealedKey: "v1.sealed-2" });
    const base = { accountId, status: "active" as const, known };
    expect(reconcileConnection({ ...base, row: row({ grants: [grant()] }), intents: [] }).known!.material!.grants).toEqual([grant()]);
    expect(reconcileConnection({ ...base, row: row({ grants: [replaced] }), intents: [] }).known!.material!.grants).toEqual([grant()]);
    const { keyStatus: _, ...announced } = replaced;
    expect(reconcileConnection({ ...base, row: row({ grants: [replaced] }), intents: [{ grants: [announced] }] }).known!.material!.grants).toEqual([replaced]);
    const extra = grant({ provider: "anthropic", itemId: "item-a" });
    expect(reconcileConnection({ ...base, row: row({ grants: [grant(), extra] }), intents: [] }).known!.material!.grants).toEqual([grant()]);
  });

  it("takes the SK layer and the key verdicts from D1, and never the verifier", () => {
    const known = knownOf(row());
    const result = reconcileConnection({ accountId, status: "active", known, row: row({ ckServer: "v1.layer-2", skId: "sk2", verifier: "cd".repeat(32), grants: [grant({ keyStatus: "rejected" })] }), intents: [] });
    expect(result.known).toEqual({ verifier: known.verifier, material: { ...known.material!, ckServer: "v1.layer-2", skId: "sk2", grants: [grant({ keyStatus: "rejected" })] } });
  });
});
