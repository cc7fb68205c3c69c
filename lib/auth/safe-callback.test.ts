import { describe, expect, it } from "vitest";
import { safeCallbackPath } from "./safe-callback";

describe("safeCallbackPath", () => {
  it.each(["/dashboard", "/dashboard/vault", "/connect/authorize?client_id=a&state=b", "/dashboard#x"])(
    "keeps the site path %s",
    (path) => expect(safeCallbackPath(path)).toBe(path),
  );

  it.each([
    "https://evil.example/",
    "//evil.example/x",
    "/\\evil.example",
    "javascript:alert(1)",
    "dashboard",
    "/dash\nboard",
    "",
    undefined,
    42,
    "/" + "a".repeat(3000),
  ])("refuses %s", (value) => expect(safeCallbackPath(value)).toBe("/dashboard"));
});
