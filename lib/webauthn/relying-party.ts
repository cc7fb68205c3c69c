/**
 * Who we are to WebAuthn (L3 §5.1): the rpId is the host name of the public origin (PUBLIC_URL,
 * security model v1.1 "One public origin"), never a request header; client data must name that
 * exact origin.
 */
export interface RelyingParty {
  id: string;
  origin: string;
  name: string;
}

export function relyingPartyFor(publicUrl: string): RelyingParty {
  const url = new URL(publicUrl);
  return { id: url.hostname, origin: url.origin, name: "1Relay" };
}
