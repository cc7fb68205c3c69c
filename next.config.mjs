/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  // `npm test` runs tsc --noEmit over the whole project; the build does not repeat it.
  typescript: { ignoreBuildErrors: true },
  // Every page is rendered per request so that each response carries its own CSP nonce.
  // Security headers are set in middleware.ts (nonce) and here (static ones).
};

export default nextConfig;

if (process.env.NODE_ENV === "development") {
  // Local bindings (D1, Durable Objects hosted by the dev worker) for `next dev`.
  const { initOpenNextCloudflareForDev } = await import("@opennextjs/cloudflare");
  await initOpenNextCloudflareForDev({ environment: "dev" });
}
