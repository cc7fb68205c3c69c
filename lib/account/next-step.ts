// The Overview's "what to do next", from what the account already has. Pure.

export interface AccountProgress {
  hasVault: boolean;
  keys: number;
  connections: number;
  /** Connections that have made at least one request. */
  used: number;
}

export type NextStep = { id: "create-vault" | "add-key" | "make-connection" | "first-call"; title: string; detail: string; href: string } | null;

export function nextStep(p: AccountProgress): NextStep {
  if (!p.hasVault) return { id: "create-vault", title: "Create your vault", detail: "Choose a master password: it seals your keys in this browser and is never sent to us.", href: "/dashboard/vault" };
  if (p.keys === 0) return { id: "add-key", title: "Add your first key", detail: "An OpenAI, Anthropic, Gemini or other provider key, sealed before it leaves your browser.", href: "/dashboard/vault" };
  if (p.connections === 0) return { id: "make-connection", title: "Make a token, or connect an app", detail: "A token gives a bot or agent your keys' power within the limits you set, never the keys.", href: "/dashboard/tokens" };
  if (p.used === 0) return { id: "first-call", title: "Make your first call", detail: "Call the gateway with your token as you would call OpenAI; it appears in Usage within seconds.", href: "/dashboard/tokens" };
  return null;
}
