import { describe, expect, it } from "vitest";
import { csvCell, csvLine, usageCsvHeader, usageCsvRow } from "./usage-csv";

describe("csvCell (RFC 4180)", () => {
  it("leaves plain text and numbers alone", () => {
    expect(csvCell("gpt-4o-mini")).toBe("gpt-4o-mini");
    expect(csvCell(42)).toBe("42");
    expect(csvCell(null)).toBe("");
    expect(csvCell(true)).toBe("true");
  });
  it("quotes commas, quotes and line breaks, doubling quotes", () => {
    expect(csvCell("a,b")).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell("two\nlines")).toBe('"two\nlines"');
    expect(csvCell("cr\rhere")).toBe('"cr\rhere"');
  });
  it("neutralises spreadsheet formulas with a leading quote", () => {
    expect(csvCell("=HYPERLINK(\"http://x\")")).toBe("\"'=HYPERLINK(\"\"http://x\"\")\"");
    expect(csvCell("+1")).toBe("'+1");
    expect(csvCell("-2")).toBe("'-2");
    expect(csvCell("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(csvCell("\tcmd")).toBe("'\tcmd");
    expect(csvCell("=1,2")).toBe("\"'=1,2\"");
  });
  it("does not touch negative numbers given as numbers", () => {
    expect(csvCell(-2)).toBe("-2");
  });
  it("ends lines with CRLF", () => {
    expect(csvLine(["a", 1, null])).toBe("a,1,\r\n");
  });
});


describe("usage CSV rows", () => {
  it("writes the header and a row, UTC time, never anything but metadata", () => {
    expect(usageCsvHeader()).toBe("time_utc,request_id,app,connection_id,provider,model,status,error_code,input_tokens,output_tokens,cached_tokens,cost_usd,latency_ms,streamed,api\r\n");
    const row = usageCsvRow({
      id: "req_1",
      createdAt: Date.UTC(2026, 0, 2, 3, 4, 5),
      connectionId: "c".repeat(32),
      connectionName: "=evil, app",
      provider: "openai",
      model: "gpt-4o-mini",
      status: 200,
      errorCode: null,
      inputTokens: 10,
      outputTokens: 20,
      cachedTokens: 0,
      costMicroUsd: 15,
      latencyMs: 120,
      streamed: false,
      api: "messages",
    });
    expect(row).toBe(`2026-01-02T03:04:05.000Z,req_1,"'=evil, app",${"c".repeat(32)},openai,gpt-4o-mini,200,,10,20,0,0.000015,120,false,messages\r\n`);
  });
  it("names removed connections", () => {
    const row = usageCsvRow({ id: "r", createdAt: 0, connectionId: "x", connectionName: null, provider: "p", model: "m", status: 500, errorCode: "upstream_error", inputTokens: 0, outputTokens: 0, cachedTokens: 0, costMicroUsd: 0, latencyMs: 1, streamed: true, api: "chat" });
    expect(row).toContain(",(removed),");
    expect(row).toContain(",upstream_error,");
  });
});
