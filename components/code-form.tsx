"use client";

import { useActionState, useEffect } from "react";
import type { FormState } from "@/app/(auth)/signin/actions";

export function CodeForm({ action }: { action: (prev: FormState, form: FormData) => Promise<FormState> }) {
  const [state, formAction, pending] = useActionState(action, {});
  useEffect(() => {
    // The code was checked; the Auth.js callback uses it up and sets the session cookie.
    if (state.next) window.location.assign(state.next);
  }, [state.next]);
  return (
    <form action={formAction} noValidate>
      {state.error ? (
        <div className="alert error" role="alert">
          {state.error}
        </div>
      ) : null}
      <div className="field">
        <label htmlFor="code">Sign-in code</label>
        <input
          id="code"
          name="code"
          className="code"
          inputMode="text"
          autoComplete="one-time-code"
          autoCapitalize="characters"
          spellCheck={false}
          maxLength={12}
          placeholder="XXXX-XXXX"
          required
          autoFocus
        />
      </div>
      <button className="button block" type="submit" disabled={pending || Boolean(state.next)}>
        {pending || state.next ? "Signing in…" : "Sign in"}
      </button>
    </form>
  );
}
