import { describe, expect, it } from "vitest";
import { defaultServeArgs, parseServeArgs } from "./serve-args";

describe("parseServeArgs", () => {
  it("defaults to 127.0.0.1:8787 with wrangler's state directory and no inspector", () => {
    expect(parseServeArgs({ argv: [] })).toEqual(defaultServeArgs);
    expect(defaultServeArgs).toMatchObject({ port: 8787, host: "127.0.0.1", persistTo: ".wrangler/state", inspectorPort: null });
  });

  it("takes PORT from the environment, and --port over it", () => {
    expect(parseServeArgs({ argv: [], env: { PORT: "9001" } }).port).toBe(9001);
    expect(parseServeArgs({ argv: ["--port", "9002"], env: { PORT: "9001" } }).port).toBe(9002);
  });

  it("reads wrangler dev's spelling of the state directory, address, inspector and vars", () => {
    const args = parseServeArgs({
      argv: ["--ip", "0.0.0.0", "--persist-to", "/tmp/s", "--inspector-port", "9229", "--var", "A:1", "--var", "URL:http://x:1/v1", "--var", "A:2"],
    });
    expect(args).toEqual({ port: 8787, host: "0.0.0.0", persistTo: "/tmp/s", inspectorPort: 9229, vars: { A: "2", URL: "http://x:1/v1" }, directPort: null });
  });

  it("treats --inspector-port 0 as no inspector, and an empty var value as empty", () => {
    expect(parseServeArgs({ argv: ["--inspector-port", "0", "--var", "EMPTY:"] })).toMatchObject({ inspectorPort: null, vars: { EMPTY: "" } });
  });

  it("opens the measurement-only direct port only when asked", () => {
    expect(parseServeArgs({ argv: ["--direct-port", "9101"] }).directPort).toBe(9101);
    expect(() => parseServeArgs({ argv: ["--direct-port", "0"] })).toThrow(/--direct-port/);
  });

  it("refuses what it cannot use, naming it", () => {
    expect(() => parseServeArgs({ argv: ["--port", "http"] })).toThrow(/--port needs a port number/);
    expect(() => parseServeArgs({ argv: ["--port", "0"] })).toThrow(/--port/);
    expect(() => parseServeArgs({ argv: ["--port", "70000"] })).toThrow(/--port/);
    expect(() => parseServeArgs({ argv: [], env: { PORT: "abc" } })).toThrow(/PORT needs a port number/);
    expect(() => parseServeArgs({ argv: ["--var", "NOVALUE"] })).toThrow(/NAME:VALUE/);
    expect(() => parseServeArgs({ argv: ["--var", ":x"] })).toThrow(/NAME:VALUE/);
    expect(() => parseServeArgs({ argv: ["--persist-to"] })).toThrow(/--persist-to needs a value/);
    expect(() => parseServeArgs({ argv: ["--ip", "--port", "1"] })).toThrow(/--ip needs a value/);
    expect(() => parseServeArgs({ argv: ["--live-reload"] })).toThrow(/unknown argument "--live-reload"/);
  });
});
