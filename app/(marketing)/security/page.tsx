import type { Metadata } from "next";
import Link from "next/link";
import { SiteHeader } from "@/components/site-header";
import styles from "./security.module.css";

export const metadata: Metadata = { title: "Security and threat model" };

// The threat model, in the product (issue 13): what 1Relay protects against and what it does
// not, the key hierarchy, and how anyone can check the cryptography. Static text that follows
// the security model the code keeps (v1.1).

const keys: { key: string; what: string; madeFrom: string; lives: string }[] = [
  { key: "Master password", what: "Opens your vault", madeFrom: "You choose it (strength checked)", lives: "In your head. Never sent, never stored" },
  { key: "MK, master key", what: "Wraps the vault key", madeFrom: "Argon2id(master password, random salt, parameters)", lives: "Browser memory while unlocking, then wiped" },
  { key: "VK, vault key", what: "Seals your provider keys and each connection's key", madeFrom: "32 random bytes, drawn in your browser", lives: "Browser memory while unlocked; stored only wrapped under MK" },
  { key: "PRK, passkey key", what: "Wraps the vault key for one passkey", madeFrom: "HKDF(the passkey's PRF output, its credential id, \"1relay/v1/passkey\")", lives: "Browser memory while the passkey unlocks, then wiped; the PRF secret never leaves the authenticator" },
  { key: "VSK, vault signing key", what: "Signs changes that loosen a limit or replace vault material", madeFrom: "Ed25519 seed = HKDF(VK, \"1relay/v1/vault-sign\")", lives: "Derived when needed, wiped; the server keeps only its public key" },
  { key: "Provider key", what: "Your OpenAI, Anthropic or Gemini API key", madeFrom: "You paste it", lives: "Stored sealed under VK, and under each connection's CK that may use it" },
  { key: "CK, connection key", what: "Seals the provider keys one app or token may use", madeFrom: "32 random bytes, drawn in your browser", lives: "Stored wrapped under VK and under TK (inside the server's SK layer)" },
  { key: "K, token secret", what: "The secret half of a relay token (1r_…)", madeFrom: "32 random bytes, drawn in your browser", lives: "Only in the token the app or bot holds; the server keeps a SHA-256 verifier" },
  { key: "TK, token wrap key", what: "Wraps CK for the gateway", madeFrom: "HKDF(K, connection id)", lives: "Derived per request from the token, wiped" },
  { key: "SK, server secret", what: "A second layer around every TK-wrapped CK", madeFrom: "32 random bytes, a Worker secret", lives: "In the worker's configuration, never in the database" },
  { key: "PK, policy key", what: "Authenticates each connection's limits", madeFrom: "HKDF(CK, \"1relay/v1/policy\")", lives: "Derived when a policy is signed or checked" },
];

export default function SecurityPage() {
  return (
    <>
      <SiteHeader>
        <Link href="/signin">Sign in</Link>
      </SiteHeader>
      <main className={`container ${styles.page}`}>
        <h1>Security and threat model</h1>
        <p>
          1Relay keeps your AI provider API keys so that no app, and nobody who gets hold of our database, can read them, while the apps you connect use them within
          the limits you set. This page says plainly what that protects against, what it does not, and how you can check it.
        </p>

        <h2 id="protects">What 1Relay protects against</h2>
        <ul>
          <li>
            <strong>A leak of our database or its backups.</strong> Alone it decrypts no provider key: that also needs a relay token and the worker&apos;s server secret,
            or your master password, or one of your <a href="#passkeys">passkeys</a> with your fingerprint, face or PIN on its device.
          </li>
          <li>
            <strong>Apps overreaching.</strong> An app never sees a provider key. It can make only the calls its grant allows (providers, models, monthly budget,
            requests per minute, expiry), until you pause or revoke it, which takes effect on its next request.
          </li>
          <li>
            <strong>Leaked links and browser history.</strong> Nothing secret travels in a URL but one-time codes (a sign-in link&apos;s, an app&apos;s authorization code),
            each usable once and for minutes at most; every emailed link comes from this site&apos;s configured address, never from the request that asked for it.
          </li>
          <li>
            <strong>A stolen dashboard session.</strong> Without your master password it cannot read keys or create working connections, and it cannot loosen anything:
            raising or removing a cap, resuming a paused app, new limits, a new master password or vault key, a new passkey are signed in your browser with a key derived
            from your unlocked vault. A session can still restrict (pause, revoke, lower a cap). Resetting the vault or deleting the account also needs a code we email you at
            that moment, and a reset brings your new vault in the same step, so a session alone can never put a vault of its own in place of yours.
          </li>
          <li>
            <strong>A token used by another website.</strong> A token made for a web app works in a browser only on the origins its app registered (or that you
            listed), shown when you approve and signed into its limits; a page anywhere else is refused before anything is decrypted or sent, and you see the attempt
            under Settings → Security activity. A token with no origins cannot be used from any web page.
          </li>
          <li>
            <strong>Money spent beyond your limits.</strong> Each request&apos;s worst-case cost is held against the budget before it is sent, and the output limit that
            hold assumed is sent to the provider, so a model cannot bill more than was reserved.
          </li>
        </ul>

        <h2 id="does-not">What it does not protect against</h2>
        <ul>
          <li>
            <strong>A compromised deployment.</strong> The worker sees a token&apos;s secret on every call and a provider key for the milliseconds it forwards a request,
            and the server sends the JavaScript that handles your master password. Whoever controls the deployment could change that code.
          </li>
          <li>
            <strong>Prompts and completions in transit.</strong> They pass through the gateway in plaintext on their way to the provider. They are never stored or
            logged.
          </li>
          <li>
            <strong>Offline guessing of a weak master password.</strong> Someone holding a copy of the database can try passwords against your wrapped vault key at
            their own pace. Argon2id makes each guess expensive and we refuse weak passwords, but a long, unique password is what protects you.
          </li>
          <li>
            <strong>Backups keep history for 30 days.</strong> Cloudflare D1&apos;s Time Travel keeps 30 days of past database states: a revoked connection&apos;s material,
            or your vault key wrapped under an old password, lives that long there. If you fear an old password was known, use <em>Rotate vault key</em> in Settings:
            it draws a new vault key, so old copies no longer open your current keys.
          </li>
          <li>
            <strong>Keys in JavaScript strings.</strong> Byte buffers are wiped after use, but JavaScript strings cannot be: a key shown or copied in the page, or
            the header that carries it upstream, stays in memory until the runtime reclaims it. It is never logged.
          </li>
          <li>
            <strong>Streams already running when you revoke.</strong> Revoking or pausing refuses the next request at once; an answer already streaming continues until
            it ends (its cost is still counted).
          </li>
          <li>
            <strong>A token copied out of a web page.</strong> The origin check relies on the browser telling the truth about which page sends a request: a server
            or script can claim any origin, or none. A token taken from a browser app (a script injected into it, a malicious extension) works from elsewhere like
            any token, within its budget, rate, models and expiry, until you pause or revoke it.
          </li>
          <li>
            <strong>A forgotten master password.</strong> Nobody, us included, can recover it. Resetting the vault (with a code we email you and a new master
            password) replaces it with a new, empty vault made in your browser: every key and passkey of the old one is deleted. Tokens and apps you keep work
            until you revoke them, but can no longer be changed or moved to a new key.
          </li>
        </ul>

        <h2 id="passkeys">What a passkey changes</h2>
        <ul>
          <li>
            <strong>Signing in without an emailed code.</strong> A passkey you add in Settings signs you in: our server checks its signature against the public key
            it stored, over a fresh single-use challenge, for this site only, with your device&apos;s fingerprint, face or PIN check. The emailed code stays for
            devices without a passkey.
          </li>
          <li>
            <strong>Unlocking with a touch.</strong> The passkey&apos;s PRF extension gives your browser a secret that only the authenticator can compute (a random
            salt per passkey goes in). Your browser derives the passkey key from it and wraps your vault key under it; we store that wrapped copy, the salt and the
            public key, never the secret. Unlocking computes it again on your device and opens the vault key there.
          </li>
          <li>
            <strong>Your device is now a way into your vault.</strong> Whoever can use the passkey (your device and its unlock, or a passkey manager that syncs it to
            your other devices) can sign in and open your vault. Remove the passkey of a lost device in Settings: that works from any signed-in session, even with the
            vault locked, and deletes its copy of your vault key. Adding a passkey needs your vault unlocked.
          </li>
          <li>
            <strong>The master password stays the only recovery.</strong> A passkey is a shortcut, not a backup: resetting a forgotten vault removes every passkey,
            and rotating the vault key keeps only the passkeys you touch while rotating (the others are removed, because their copy holds the old key). Keep your
            master password.
          </li>
        </ul>

        <h2 id="keys">The key hierarchy</h2>
        <div className={styles.tableWrap}>
          <table className={styles.table}>
            <thead>
              <tr>
                <th scope="col">Key</th>
                <th scope="col">What it does</th>
                <th scope="col">Made from</th>
                <th scope="col">Where it lives</th>
              </tr>
            </thead>
            <tbody>
              {keys.map((k) => (
                <tr key={k.key}>
                  <th scope="row">{k.key}</th>
                  <td>{k.what}</td>
                  <td>{k.madeFrom}</td>
                  <td>{k.lives}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <p className="hint">Every ciphertext is AES-256-GCM with a random nonce and a label (AAD) naming what it is and whose it is, so it cannot be moved to another row or account.</p>
        <div className={styles.formula} aria-label="How the keys wrap each other">
          {`master password ─Argon2id─▶ MK ─wraps─▶ VK ─seals─▶ provider keys
                                         VK ─wraps─▶ CK ─seals─▶ the keys one connection may use
token 1r_… = connection id + K ─HKDF─▶ TK ─wraps─▶ CK   (inside the server's SK layer)
VK ─HKDF─▶ VSK (Ed25519): signs what loosens a limit or replaces vault material
passkey PRF(random salt) ─HKDF─▶ PRK ─wraps─▶ VK   (a copy per passkey)`}
        </div>

        <h2 id="tabs">Unlocking once per browser session</h2>
        <p>
          Unlocking stretches your master password with Argon2id, which takes a few seconds on purpose. So that you wait once, not in every tab: a tab that opens
          locked asks the tabs already open for the vault key, and an unlocked one hands it over. What keeps that safe:
        </p>
        <ul>
          <li>
            <strong>Only this browser, only this site.</strong> The tabs talk over a BroadcastChannel, which reaches only pages of this same origin in this same
            browser profile: no other site, device or browser profile can listen.
          </li>
          <li>
            <strong>Only to the same sign-in.</strong> A tab answers only while it is itself unlocked, and only a tab signed in to the same account with the same
            session (a tag our server derives from your session cookie with a server secret). A tab that signed in as someone else, or after you signed out, gets
            nothing by asking.
          </li>
          <li>
            <strong>Sealed to the asking tab.</strong> The key crosses sealed to a one-time key pair the asking tab just made (X25519, as for apps), so nothing else
            listening can read it, and the asking tab checks it is your vault&apos;s key before using it.
          </li>
          <li>
            <strong>Never stored, and one lock locks all.</strong> The key stays in memory, as after typing the password. Locking any tab, the idle timer, signing out
            or reloading after every tab locked brings the password back.
          </li>
          <li>
            <strong>What it does not change.</strong> Script running in a page of ours could already read the key of that page&apos;s unlocked vault; with this it could
            also ask for it from another of our pages. That is why every page sends a strict Content-Security-Policy and no third-party script.
          </li>
        </ul>

        <h2 id="verify">How to verify</h2>
        <ul>
          <li>
            <strong>Published test vectors.</strong> Known answers for the relay token format (<a href="/vectors/relay_token_vectors.json">relay_token_vectors.json</a>),
            the core crypto: master key, envelopes, token wrapping, policy tags (<a href="/vectors/core_vectors.json">core_vectors.json</a>), the vault signing key (
            <a href="/vectors/vault_sign_vectors.json">vault_sign_vectors.json</a>) and passkeys: the passkey key, its wrap of the vault key, and the WebAuthn
            signatures the server checks (<a href="/vectors/passkey_vectors.json">passkey_vectors.json</a>). They are computed by small Python programs with a separate library, not by our
            code, and our tests check our code against them.
          </li>
          <li>
            <strong>An independent decryptor.</strong> The source includes a decryptor written from the documented format alone (WebCrypto and another Argon2id
            library, nothing from our crypto code). Our browser tests use it to open a real stored vault with its owner&apos;s password, and with a passkey&apos;s PRF
            output, and to show that without them the stored data opens nothing.
          </li>
          <li>
            <strong>Look at what leaves your browser.</strong> Your browser&apos;s developer tools show every request: the master password and your provider keys never
            appear in one, only sealed envelopes.
          </li>
        </ul>
        <p>
          <Link href="/">← 1Relay</Link>
        </p>
      </main>
    </>
  );
}
