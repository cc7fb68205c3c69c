"use client";

import { useActionState, useEffect } from "react";
import type { FormState } from "@/app/(auth)/signin/actions";

/** "Continue as …" on the sign-in link page: the action records that this browser asked, then the link is followed. */
export function ConfirmLinkForm({ action, email, token, callbackUrl }: { action: (prev: FormState, form: FormData) => Promise<FormState>; email: string; token: string; callbackUrl: string }) {
  const [state, formAction, pending] = useActionState(action, {});
  useEffect(() => {
    // A full navigation: the Auth.js callback uses the code up and sets the session cookie.
    if (state.next) window.location.assign(state.next);
  }, [state.next]);
  return (
    <form action={formAction}>
      {state.error ? <div className="alert error" role="alert">{state.error}</div> : null}
      <input type="hidden" name="email" value={email} />
      <input type="hidden" name="token" value={token} />
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <button className="button block" type="submit" disabled={pending || Boolean(state.next)}>
        Continue as {email}
      </button>
    </form>
  );
}
