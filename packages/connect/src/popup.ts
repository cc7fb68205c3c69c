// The consent popup, the same protocol as the widget (public/connect.js): open
// /connect/authorize?…&display=popup, then wait for the consent page's
// postMessage({type: "1relay:authorize", code | error, state, iss}), which it sends only to the
// app's registered origin. Messages from any other origin or window are ignored; a wrong state
// ends the attempt.
import { checkCallback } from "./authorize-url.js";
import { ConnectError } from "./errors.js";

export interface ConsentAnswer {
  code: string;
  state: string;
  iss?: string;
}

export type ConsentMessage = { kind: "ignore" } | { kind: "code"; answer: ConsentAnswer } | { kind: "error"; error: ConnectError };

/** What one `message` event means for the authorization waiting on `popup`. */
export function readConsentMessage({ event, popup, base, state }: { event: Pick<MessageEvent, "origin" | "source" | "data">; popup: unknown; base: string; state: string }): ConsentMessage {
  const data = event.data as Record<string, unknown> | null;
  if (event.origin !== new URL(base).origin || event.source !== popup) return { kind: "ignore" };
  if (!data || typeof data !== "object" || data.type !== "1relay:authorize") return { kind: "ignore" };
  const iss = typeof data.iss === "string" ? data.iss : undefined;
  try {
    checkCallback({ base, expectedState: state, state: data.state, iss });
  } catch (error) {
    return { kind: "error", error: error as ConnectError };
  }
  if (data.error !== undefined) {
    const code = typeof data.error === "string" && /^[a-z_]{1,64}$/.test(data.error) ? data.error : "server_error";
    return { kind: "error", error: new ConnectError({ code, message: code === "access_denied" ? "the person declined" : "authorization failed" }) };
  }
  if (typeof data.code !== "string" || data.code === "" || data.code.length > 512) return { kind: "ignore" };
  return { kind: "code", answer: { code: data.code, state, iss } };
}

export interface PopupHost {
  open(url: string, target: string, features: string): { closed: boolean; close(): void; focus?(): void } | null;
  addEventListener(type: "message", listener: (event: MessageEvent) => void): void;
  removeEventListener(type: "message", listener: (event: MessageEvent) => void): void;
  screenX?: number;
  screenY?: number;
  outerWidth?: number;
  outerHeight?: number;
}

function popupFeatures(host: PopupHost): string {
  const w = 480;
  const h = 720;
  const left = Math.max(0, (host.screenX ?? 0) + ((host.outerWidth ?? w) - w) / 2);
  const top = Math.max(0, (host.screenY ?? 0) + ((host.outerHeight ?? h) - h) / 2);
  return `popup,width=${w},height=${h},left=${Math.round(left)},top=${Math.round(top)}`;
}

/**
 * Opens the consent popup at `url` and resolves with the code. Unlike the widget, a blocked popup
 * is an error (popup_blocked), not a redirect: the page's key lives in memory and would not survive
 * leaving the page. Call it from a click handler.
 */
// The wait in progress: a second connect() takes over the one popup window, so the first ends (superseded).
let active: ((error: ConnectError) => void) | null = null;

export function waitForConsent({ url, base, state, host, pollMs = 500 }: { url: string; base: string; state: string; host: PopupHost; pollMs?: number }): Promise<ConsentAnswer> {
  active?.(new ConnectError({ code: "superseded", message: "another connection attempt started" }));
  const popup = host.open(url, "1relay-connect", popupFeatures(host));
  if (!popup) return Promise.reject(new ConnectError({ code: "popup_blocked", message: "the browser blocked the 1Relay window: connect from a click" }));
  popup.focus?.();
  return new Promise((resolve, reject) => {
    let ticksClosed = 0;
    const settle = (finish: () => void, close: boolean) => {
      host.removeEventListener("message", onMessage);
      clearInterval(timer);
      if (active === abort) active = null;
      if (close) popup.close();
      finish();
    };
    const abort = (error: ConnectError) => settle(() => reject(error), false);
    active = abort;
    function onMessage(event: MessageEvent) {
      const message = readConsentMessage({ event, popup, base, state });
      if (message.kind === "code") settle(() => resolve(message.answer), true);
      else if (message.kind === "error") settle(() => reject(message.error), true);
    }
    host.addEventListener("message", onMessage);
    // one tick of grace for a message posted just before the popup closed
    const timer = setInterval(() => {
      if (popup.closed && ++ticksClosed > 1) settle(() => reject(new ConnectError({ code: "popup_closed", message: "the 1Relay window was closed" })), false);
    }, pollMs);
  });
}
