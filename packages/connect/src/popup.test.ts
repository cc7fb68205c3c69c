import { describe, expect, it } from "vitest";
import { ConnectError } from "./errors.js";
import { fakeHost } from "./fake-relay.testing.js";
import { readConsentMessage, waitForConsent } from "./popup.js";

const BASE = "https://relay.example";
const STATE = "s".repeat(43);

const read = (data: unknown, extra: { origin?: string; source?: unknown } = {}) => {
  const popup = {};
  return readConsentMessage({ event: { data, origin: extra.origin ?? BASE, source: (extra.source ?? popup) as MessageEventSource }, popup, base: BASE, state: STATE });
};

describe("readConsentMessage", () => {
  it("takes the code from the consent page's message", () => {
    expect(read({ type: "1relay:authorize", code: "c0de", state: STATE, iss: BASE })).toEqual({ kind: "code", answer: { code: "c0de", state: STATE, iss: BASE } });
  });
  it("ignores messages from another origin, another window, or of another kind", () => {
    expect(read({ type: "1relay:authorize", code: "c", state: STATE }, { origin: "https://evil.example" })).toEqual({ kind: "ignore" });
    expect(read({ type: "1relay:authorize", code: "c", state: STATE }, { source: {} })).toEqual({ kind: "ignore" });
    expect(read({ type: "other", code: "c", state: STATE })).toEqual({ kind: "ignore" });
    expect(read("1relay:authorize")).toEqual({ kind: "ignore" });
    expect(read({ type: "1relay:authorize", state: STATE })).toEqual({ kind: "ignore" });
  });
  it("ends the attempt on a wrong state or another issuer", () => {
    const wrongState = read({ type: "1relay:authorize", code: "c", state: "x".repeat(43) });
    expect(wrongState.kind === "error" && wrongState.error.code).toBe("state_mismatch");
    const wrongIss = read({ type: "1relay:authorize", code: "c", state: STATE, iss: "https://other.example" });
    expect(wrongIss.kind === "error" && wrongIss.error.code).toBe("iss_mismatch");
  });
  it("reports a refusal with a safe code", () => {
    const denied = read({ type: "1relay:authorize", error: "access_denied", state: STATE, iss: BASE });
    expect(denied.kind === "error" && [denied.error.code, denied.error.message]).toEqual(["access_denied", "the person declined"]);
    const odd = read({ type: "1relay:authorize", error: "<script>", state: STATE });
    expect(odd.kind === "error" && odd.error.code).toBe("server_error");
  });
});

describe("waitForConsent", () => {
  const url = `${BASE}/connect/authorize?display=popup`;
  it("opens the popup at the consent URL and resolves with the code, closing it", async () => {
    const { host, popup, opened, post, listeners } = fakeHost();
    const waiting = waitForConsent({ url, base: BASE, state: STATE, host, pollMs: 5 });
    expect(opened).toEqual([url]);
    post({ type: "1relay:authorize", code: "forged", state: STATE }, { origin: "https://evil.example" });
    post({ type: "1relay:authorize", code: "c0de", state: STATE, iss: BASE });
    await expect(waiting).resolves.toEqual({ code: "c0de", state: STATE, iss: BASE });
    expect(popup.close).toHaveBeenCalled();
    expect(listeners.size).toBe(0);
  });
  it("a blocked popup is an error (the page's key would not survive a redirect)", async () => {
    const { host } = fakeHost({ blocked: true });
    await expect(waitForConsent({ url, base: BASE, state: STATE, host })).rejects.toMatchObject({ code: "popup_blocked" });
  });
  it("a popup closed without an answer ends the wait", async () => {
    const { host, popup, listeners } = fakeHost();
    const waiting = waitForConsent({ url, base: BASE, state: STATE, host, pollMs: 5 });
    popup.closed = true;
    await expect(waiting).rejects.toMatchObject({ code: "popup_closed" });
    expect(listeners.size).toBe(0);
  });
  it("a second attempt takes the window over: the first ends as superseded, the second gets the code", async () => {
    const { host, post } = fakeHost();
    const first = waitForConsent({ url, base: BASE, state: STATE, host, pollMs: 5 });
    const other = "o".repeat(43);
    const second = waitForConsent({ url, base: BASE, state: other, host, pollMs: 5 });
    await expect(first).rejects.toMatchObject({ code: "superseded" });
    post({ type: "1relay:authorize", code: "c0de", state: other, iss: BASE });
    await expect(second).resolves.toMatchObject({ code: "c0de" });
  });
  it("a refusal rejects with a ConnectError", async () => {
    const { host, post } = fakeHost();
    const waiting = waitForConsent({ url, base: BASE, state: STATE, host, pollMs: 5 });
    post({ type: "1relay:authorize", error: "access_denied", state: STATE, iss: BASE });
    await expect(waiting).rejects.toBeInstanceOf(ConnectError);
  });
});
