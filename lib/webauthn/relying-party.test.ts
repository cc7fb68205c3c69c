import { describe, expect, it } from "vitest";
import { relyingPartyFor } from "./relying-party";

describe("the relying party", () => {
  it("is the public origin's host name (no port) and that exact origin", () => {
    expect(relyingPartyFor("https://1relay.example.com")).toEqual({ id: "1relay.example.com", origin: "https://1relay.example.com", name: "1Relay" });
    expect(relyingPartyFor("http://localhost:8787")).toEqual({ id: "localhost", origin: "http://localhost:8787", name: "1Relay" });
  });
});
