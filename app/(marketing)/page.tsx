import Link from "next/link";
import { SiteHeader } from "@/components/site-header";

const features = [
  {
    title: "A vault we cannot read",
    body: "Your master password is stretched with Argon2id in your browser and never leaves it. OpenAI, Anthropic and Gemini keys are sealed with AES-256-GCM before they reach us; we store only ciphertext.",
  },
  {
    title: "Consent for apps, like Plaid Link",
    body: "An app sends you to our consent page or opens our popup. You choose which keys and models it may use. The app gets a relay token, never your key.",
  },
  {
    title: "Budgets and rate limits that hold",
    body: "Set a monthly budget and requests per minute for each app. Limits are exact, even under concurrent requests, and signed in your browser so a stolen session cannot raise them.",
  },
  {
    title: "A kill switch",
    body: "See every request by app, provider and model, with spend in real time. Pause or revoke any app at once: its very next request is refused.",
  },
];

export default function LandingPage() {
  return (
    <>
      <SiteHeader>
        <Link href="/signin">Sign in</Link>
      </SiteHeader>
      <main className="container">
        <section className="hero">
          <h1>Use your AI keys everywhere. Hand them to no one.</h1>
          <p>
            1Relay keeps your AI provider API keys in a zero-knowledge vault. Apps, bots and agents call one
            OpenAI-compatible endpoint with a scoped relay token, within the budget and rate limit you set, and you can
            revoke any of them in one click.
          </p>
          <p>
            <Link className="button" href="/signin">
              Create your vault
            </Link>
          </p>
        </section>
        <section className="features" aria-label="What 1Relay does">
          {features.map((f) => (
            <article className="card" key={f.title}>
              <h3>{f.title}</h3>
              <p>{f.body}</p>
            </article>
          ))}
        </section>
        <section>
          <h2>How it works</h2>
          <ol className="steps">
            <li>Sign up with your email: we send a code and a link, never ask for your master password.</li>
            <li>Create your vault in the browser and add your OpenAI, Anthropic and Gemini keys.</li>
            <li>Connect an app, or make a token for a bot. It calls <code>POST /v1/chat/completions</code> as it would call OpenAI.</li>
            <li>Watch usage per app, provider and model. Cap, throttle or revoke at any time.</li>
          </ol>
          <h2>What we do not promise</h2>
          <p className="hint">
            Prompts and completions pass through the gateway in plaintext (never stored), and the worker holds a key for
            milliseconds while it forwards a request. A forgotten master password cannot be recovered by anyone. The
            full threat model is part of the product: <Link href="/security">read it here</Link>.
          </p>
        </section>
      </main>
    </>
  );
}
