/**
 * Where the person types the code a program showed in its terminal (RFC 8628 §3.3). A plain GET
 * form: it works before any script loads, and lands on /device?user_code=… like the program's
 * complete link.
 */
export function DeviceCodeForm({ value = "", error }: { value?: string; error?: string }) {
  return (
    <section className="card" aria-labelledby="device-code-title">
      <h1 id="device-code-title">Connect a program</h1>
      <p className="hint">A program on your computer or server (the <code>1relay</code> command, an agent, a bot) showed you a code. Type it here to give it a token of its own, with the limits you choose.</p>
      {error ? <div className="alert error" role="alert">{error}</div> : null}
      <form method="get" action="/device">
        <div className="field">
          <label htmlFor="device-user-code">Code</label>
          <input id="device-user-code" name="user_code" className="code" defaultValue={value} autoComplete="one-time-code" autoCapitalize="characters" spellCheck={false} maxLength={12} placeholder="XXXX-XXXX" required />
          <span className="hint">Eight letters, as your terminal shows them.</span>
        </div>
        <button className="button" type="submit">Continue</button>
      </form>
      <p className="hint">Only enter a code you got from a program you started yourself, just now. If someone sent you a code or a link, do not enter it.</p>
    </section>
  );
}
