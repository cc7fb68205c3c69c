"use client";

import { useActionState } from "react";
import type { FormState } from "@/app/(auth)/signin/actions";

export function SignInForm({
  action,
  callbackUrl,
}: {
  action: (prev: FormState, form: FormData) => Promise<FormState>;
  callbackUrl: string;
}) {
  const [state, formAction, pending] = useActionState(action, {});
  return (
    <form action={formAction} noValidate>
      {state.error ? (
        <div className="alert error" role="alert">
          {state.error}
        </div>
      ) : null}
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <div className="field">
        <label htmlFor="email">Email address</label>
        <input id="email" name="email" type="email" autoComplete="email" required autoFocus />
        <span className="hint">We email you a sign-in code and a link. No password here: your master password is only for your vault, in your browser.</span>
      </div>
      <button className="button block" type="submit" disabled={pending}>
        {pending ? "Sending…" : "Email me a sign-in code"}
      </button>
    </form>
  );
}
