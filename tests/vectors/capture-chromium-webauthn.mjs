#!/usr/bin/env node
// Captures chromium_webauthn_vectors.json: real registrations and assertions made by Chromium's
// virtual authenticator (CDP WebAuthn domain, CTAP2, internal transport, PRF), one passkey per
// algorithm (ES256 and EdDSA), at http://localhost:<port> with fixed challenges. Our WebAuthn
// verification must accept them exactly as a browser produced them (attestation object and COSE
// key encodings, DER signatures, flags), and refuse them for any other origin or challenge.
// Run (needs Chromium): node tests/vectors/capture-chromium-webauthn.mjs > tests/vectors/chromium_webauthn_vectors.json
import http from "node:http";
import { chromium } from "playwright";
import { findChromium } from "../../scripts/find-chromium.mjs";

const port = Number(process.env.PORT ?? 10150);
const origin = `http://localhost:${port}`;
const server = http.createServer((_req, res) => res.end("<!doctype html><title>capture</title>")).listen(port);
const browser = await chromium.launch({ executablePath: findChromium().path, args: ["--no-sandbox", "--disable-gpu"] });
const vectors = [];
try {
  for (const alg of [-7, -8]) {
    const page = await browser.newPage();
    await page.goto(origin);
    const cdp = await page.context().newCDPSession(page);
    await cdp.send("WebAuthn.enable");
    await cdp.send("WebAuthn.addVirtualAuthenticator", {
      options: { protocol: "ctap2", transport: "internal", hasResidentKey: true, hasUserVerification: true, isUserVerified: true, hasPrf: true },
    });
    vectors.push(
      await page.evaluate(async (alg) => {
        const b64url = (buf) => btoa(String.fromCharCode(...new Uint8Array(buf))).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
        const fixed = (label) => new TextEncoder().encode(label.padEnd(32, "."));
        const userId = "6f1c2d3e-4b5a-4c7d-8e9f-a0b1c2d3e4f5";
        const created = await navigator.credentials.create({
          publicKey: {
            challenge: fixed(`register ${alg}`),
            rp: { id: "localhost", name: "1Relay" },
            user: { id: new TextEncoder().encode(userId), name: "vector@example.com", displayName: "vector@example.com" },
            pubKeyCredParams: [{ type: "public-key", alg }],
            authenticatorSelection: { residentKey: "required", userVerification: "required" },
            attestation: "none",
          },
        });
        const got = await navigator.credentials.get({
          publicKey: { challenge: fixed(`assert ${alg}`), rpId: "localhost", userVerification: "required", allowCredentials: [{ type: "public-key", id: created.rawId }] },
        });
        return {
          alg,
          userId,
          rpId: "localhost",
          origin: location.origin,
          registration: {
            challenge: b64url(fixed(`register ${alg}`)),
            response: { id: created.id, clientDataJSON: b64url(created.response.clientDataJSON), attestationObject: b64url(created.response.attestationObject) },
          },
          assertion: {
            challenge: b64url(fixed(`assert ${alg}`)),
            response: {
              id: got.id,
              clientDataJSON: b64url(got.response.clientDataJSON),
              authenticatorData: b64url(got.response.authenticatorData),
              signature: b64url(got.response.signature),
              userHandle: got.response.userHandle ? b64url(got.response.userHandle) : null,
            },
          },
        };
      }, alg),
    );
    await page.close();
  }
} finally {
  await browser.close();
  server.close();
}
console.log(JSON.stringify({ description: `Registrations and assertions made by Chromium's virtual authenticator (${(await import("node:os")).platform()}), captured by capture-chromium-webauthn.mjs.`, vectors }, null, 2));
