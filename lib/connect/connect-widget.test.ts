// Tests of the drop-in widget public/connect.js, run against a fake browser window.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

const SOURCE = readFileSync(join(import.meta.dirname, "../../public/connect.js"), "utf8");

type Listener = (event: { origin: string; source: unknown; data: unknown }) => void;
interface OneRelay {
  connect(options: Record<string, unknown>): Promise<{ code: string; state: string; iss?: string }>;
}

function fakeWindow({ blocked = false } = {}) {
  const listeners = new Set<Listener>();
  const popup = { closed: false, close: vi.fn(() => (popup.closed = true)), focus: vi.fn() };
  const win = {
    screenX: 100,
    screenY: 50,
    outerWidth: 1280,
    outerHeight: 900,
    open: vi.fn(() => (blocked ? null : popup)),
    location: { assign: vi.fn() },
    addEventListener: vi.fn((type: string, fn: Listener) => type === "message" && listeners.add(fn)),
    removeEventListener: vi.fn((type: string, fn: Listener) => type === "message" && listeners.delete(fn)),
    setInterval: (fn: () => void, ms: number) => setInterval(fn, ms),
    clearInterval: (id: ReturnType<typeof setInterval>) => clearInterval(id),
    OneRelay: undefined as unknown as OneRelay,
  };
  new Function("window", SOURCE)(win);
  const post = (data: unknown, { origin = "https://relay.example", source = popup as unknown } = {}) => {
    for (const fn of [...listeners]) fn({ origin, source, data });
  };
  return { win, popup, listeners, post, OneRelay: win.OneRelay };
}

const OPTIONS = {
  baseUrl: "https://relay.example/",
  clientId: "app_0123456789abcdef01234567",
  redirectUri: "https://app.example.com/cb",
  scope: "openai anthropic:claude-sonnet-4-5",
  key: "k".repeat(43),
  codeChallenge: "c".repeat(43),
  state: "state-123",
};

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe("public/connect.js", () => {
  it("is small and plain", () => {
    expect(new TextEncoder().encode(SOURCE).length).toBeLessThan(4096);
    expect(SOURCE).not.toMatch(/\bimport\b|\bexport\b|\?\.|\?\?|async |await /);
  });

  it("opens a centred popup on the authorize URL", () => {
    const { win, OneRelay, popup } = fakeWindow();
    void OneRelay.connect({ ...OPTIONS, budgetUsd: 10, rpm: 60 });
    expect(win.open).toHaveBeenCalledTimes(1);
    const [url, name, features] = win.open.mock.calls[0] as unknown as [string, string, string];
    expect(name).toBe("1relay-connect");
    expect(features).toBe("popup,width=480,height=720,left=500,top=140");
    const parsed = new URL(url);
    expect(parsed.origin + parsed.pathname).toBe("https://relay.example/connect/authorize");
    expect(Object.fromEntries(parsed.searchParams)).toEqual({
      response_type: "code",
      client_id: OPTIONS.clientId,
      redirect_uri: OPTIONS.redirectUri,
      scope: OPTIONS.scope,
      state: OPTIONS.state,
      code_challenge: OPTIONS.codeChallenge,
      code_challenge_method: "S256",
      key: OPTIONS.key,
      budget_usd: "10",
      rpm: "60",
      display: "popup",
    });
    expect(popup.focus).toHaveBeenCalled();
  });

  it("resolves with the code from the popup and cleans up", async () => {
    const { OneRelay, post, listeners, popup } = fakeWindow();
    const result = OneRelay.connect(OPTIONS);
    post({ type: "1relay:authorize", code: "the-code", state: OPTIONS.state, iss: "https://relay.example" });
    await expect(result).resolves.toEqual({ code: "the-code", state: OPTIONS.state, iss: "https://relay.example" });
    expect(listeners.size).toBe(0);
    expect(vi.getTimerCount()).toBe(0);
    expect(popup.close).toHaveBeenCalled();
  });

  it("takes a message that arrives while the popup is closing", async () => {
    const { OneRelay, popup, post } = fakeWindow();
    const result = OneRelay.connect(OPTIONS);
    popup.closed = true;
    vi.advanceTimersByTime(500);
    post({ type: "1relay:authorize", code: "late", state: OPTIONS.state });
    await expect(result).resolves.toMatchObject({ code: "late" });
  });

  it("ignores messages from other origins, windows or of other types", async () => {
    const { OneRelay, post, listeners } = fakeWindow();
    const result = OneRelay.connect(OPTIONS);
    const good = { type: "1relay:authorize", code: "x", state: OPTIONS.state };
    post(good, { origin: "https://evil.example" });
    post(good, { origin: "https://relay.example.evil" });
    post(good, { source: {} });
    post({ ...good, type: "other" });
    post("1relay:authorize");
    post(null);
    post({ type: "1relay:authorize", state: OPTIONS.state }); // no code
    expect(listeners.size).toBe(1);
    post({ ...good, code: "real" });
    await expect(result).resolves.toMatchObject({ code: "real" });
  });

  it("rejects access_denied, state_mismatch and other errors with a code", async () => {
    let w = fakeWindow();
    let result = w.OneRelay.connect(OPTIONS);
    w.post({ type: "1relay:authorize", error: "access_denied", state: OPTIONS.state });
    await expect(result).rejects.toMatchObject({ code: "access_denied" });
    expect(w.listeners.size).toBe(0);

    w = fakeWindow();
    result = w.OneRelay.connect(OPTIONS);
    w.post({ type: "1relay:authorize", code: "x", state: "other" });
    await expect(result).rejects.toMatchObject({ code: "state_mismatch" });

    w = fakeWindow();
    result = w.OneRelay.connect(OPTIONS);
    w.post({ type: "1relay:authorize", error: { nested: true }, state: OPTIONS.state });
    await expect(result).rejects.toMatchObject({ code: "server_error" });

    w = fakeWindow();
    result = w.OneRelay.connect(OPTIONS);
    w.post({ type: "1relay:authorize", error: "<b>x</b>", state: OPTIONS.state });
    await expect(result).rejects.toMatchObject({ code: "server_error" });
  });

  it("rejects popup_closed when the person closes the popup", async () => {
    const { OneRelay, popup, listeners } = fakeWindow();
    const result = OneRelay.connect(OPTIONS);
    const settled = vi.fn();
    result.catch(settled);
    vi.advanceTimersByTime(1500);
    await Promise.resolve();
    expect(settled).not.toHaveBeenCalled();
    popup.closed = true;
    vi.advanceTimersByTime(500);
    await Promise.resolve();
    expect(settled).not.toHaveBeenCalled(); // one tick of grace for a late message
    vi.advanceTimersByTime(500);
    await expect(result).rejects.toMatchObject({ code: "popup_closed" });
    expect(listeners.size).toBe(0);
    expect(vi.getTimerCount()).toBe(0);
  });

  it("falls back to a full-page redirect when the popup is blocked", async () => {
    const { win, OneRelay } = fakeWindow({ blocked: true });
    const result = OneRelay.connect(OPTIONS);
    expect(win.location.assign).toHaveBeenCalledTimes(1);
    const url = new URL(win.location.assign.mock.calls[0]![0] as string);
    expect(url.searchParams.has("display")).toBe(false);
    expect(url.searchParams.get("state")).toBe(OPTIONS.state);
    const settled = vi.fn();
    result.then(settled, settled);
    await vi.advanceTimersByTimeAsync(5000);
    expect(settled).not.toHaveBeenCalled();
  });

  it("supersedes an earlier call without closing the shared popup", async () => {
    const { OneRelay, post, popup, listeners } = fakeWindow();
    const first = OneRelay.connect(OPTIONS);
    const second = OneRelay.connect({ ...OPTIONS, state: "state-2" });
    await expect(first).rejects.toMatchObject({ code: "superseded" });
    expect(popup.close).not.toHaveBeenCalled();
    expect(listeners.size).toBe(1);
    post({ type: "1relay:authorize", code: "c2", state: "state-2" });
    await expect(second).resolves.toMatchObject({ code: "c2" });
  });

  it("rejects missing options without opening anything", async () => {
    const { win, OneRelay } = fakeWindow();
    await expect(OneRelay.connect({ ...OPTIONS, state: "" })).rejects.toMatchObject({ code: "invalid_options" });
    await expect(OneRelay.connect({ ...OPTIONS, baseUrl: "relay" })).rejects.toMatchObject({ code: "invalid_options" });
    await expect(OneRelay.connect(undefined as unknown as Record<string, unknown>)).rejects.toMatchObject({ code: "invalid_options" });
    expect(win.open).not.toHaveBeenCalled();
  });
});
