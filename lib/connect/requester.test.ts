import { describe, expect, it } from "vitest";
import { describeRequester } from "./requester";

describe("describeRequester", () => {
  it("takes the client address, an approximate place and the user agent", () => {
    const headers = new Headers({ "cf-connecting-ip": "203.0.113.7", "user-agent": "1relay-cli/0.1.0 node/22 linux" });
    expect(describeRequester({ headers, cf: { city: "Lyon", region: "Auvergne-Rhone-Alpes", country: "FR" } })).toEqual({ ip: "203.0.113.7", location: "Lyon, Auvergne-Rhone-Alpes, FR", agent: "1relay-cli/0.1.0 node/22 linux" });
    expect(describeRequester({ headers: new Headers({ "cf-connecting-ip": "2001:db8::1" }) })).toEqual({ ip: "2001:db8::1", location: null, agent: null });
  });

  it("drops what is not an address, control characters and overlong text", () => {
    const headers = new Headers({ "cf-connecting-ip": "<script>", "user-agent": `\u00e9vil${"x".repeat(300)}` });
    const requester = describeRequester({ headers, cf: { city: 42, country: "  " } });
    expect(requester.ip).toBeNull();
    expect(requester.location).toBeNull();
    expect(requester.agent).toMatch(/^vilx+$/);
    expect(requester.agent).toHaveLength(160);
  });
});
