// The object's answer to the gateway's one call before the upstream call (decision 014): the
// token's verifier compared in constant time, then status, then, when asked, the admission
// under the limits of the policy the object holds. The gateway verifies that policy's tag
// over exactly these bytes before it decrypts or sends anything, and releases the hold if the
// tag fails; out of the policy's scope or time, nothing is reserved.
import type { AdmitInput, AdmitResult } from "../lib/account/gateway-view";
import type { BeginInput, BeginResult } from "../lib/account/ledger-types";
import { equalBytes } from "../lib/crypto/compare";
import { decodeHex } from "../lib/crypto/encoding";
import { isOriginAllowed } from "../lib/http/origins";
import { findScopeRefusal, isPolicyExpired } from "../lib/gateway/scope";
import type { ConnectionStatus } from "../lib/limits/admission";
import type { ViewEntry } from "./connection-views";

const HEX_VERIFIER = /^[0-9a-f]{64}$/;

function verifierMatches(stored: string, given: string): boolean {
  if (!HEX_VERIFIER.test(given) || !HEX_VERIFIER.test(stored)) return false;
  return equalBytes(decodeHex(stored), decodeHex(given));
}

export function admitRequest({ input, entry, status, now, begin }: { input: AdmitInput; entry: ViewEntry | null; status: ConnectionStatus; now: number; begin: (input: BeginInput) => BeginResult }): AdmitResult {
  if (!entry || !verifierMatches(entry.verifier, input.verifier)) return { ok: false, reason: "unknown" };
  if (status === "revoked" || !entry.material) return { ok: false, reason: "revoked" };
  const { material, facts } = entry;
  // A page on an origin the policy does not list: nothing is returned or reserved (decision 022).
  if (input.origin != null && !(facts !== null && isOriginAllowed({ origin: input.origin, allowed: facts.origins }))) return { ok: false, reason: "origin" };
  const request = input.request;
  const inScope = request !== null && facts !== null && !isPolicyExpired({ policy: facts, nowSeconds: Math.floor(now / 1000) }) && findScopeRefusal({ policy: facts, grants: material.grants, provider: request.provider, model: request.model }) === null;
  const admission =
    inScope && request
      ? begin({
          accountId: input.accountId,
          connectionId: input.connectionId,
          budgetMicroUsd: facts!.budgetMicroUsd,
          rpm: facts!.rpm,
          costMicroUsd: request.costMicroUsd,
          fit: request.fit ?? null,
          fitOutput: facts!.fitOutput,
          leaseMs: request.leaseMs,
          pending: { connectionId: input.connectionId, provider: request.provider, model: request.model, streamed: request.streamed, api: request.api },
        })
      : null;
  return { ok: true, status: status === "paused" ? "paused" : "active", material, admission };
}
