import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { createDb } from "../db/client";
import { hashSignInToken } from "./hash";
import { MAX_CODE_ATTEMPTS } from "./sign-in-code";
import { checkVerificationToken, consumeVerificationToken, replaceVerificationToken } from "./verification-tokens";

const db = createDb((env as unknown as { DB: D1Database }).DB);
const secret = "s".repeat(43);
const hash = (token: string) => hashSignInToken({ token, secret });

async function issue(identifier: string, token: string, expires = Date.now() + 600_000) {
  await replaceVerificationToken({ db, identifier, tokenHash: hash(token), expires });
}

describe("sign-in codes in D1", () => {
  it("stores only the hash, and only the newest code per address works", async () => {
    await issue("a@example.com", "AAAA1111");
    await issue("a@example.com", "BBBB2222");
    const rows = await db.selectFrom("verification_tokens").selectAll().where("identifier", "=", "a@example.com").execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]!.token).not.toContain("BBBB2222");
    expect(await checkVerificationToken({ db, identifier: "a@example.com", tokenHash: hash("AAAA1111"), now: Date.now() })).toEqual({
      status: "wrong",
      attemptsLeft: MAX_CODE_ATTEMPTS - 1,
    });
    expect(await checkVerificationToken({ db, identifier: "a@example.com", tokenHash: hash("BBBB2222"), now: Date.now() })).toEqual({ status: "ok" });
  });

  it("counts wrong attempts across the form and the link, then locks", async () => {
    await issue("b@example.com", "CCCC3333");
    for (let i = 1; i < MAX_CODE_ATTEMPTS; i += 1) {
      if (i % 2) expect(await consumeVerificationToken({ db, identifier: "b@example.com", tokenHash: hash("WRONG000") })).toBeNull();
      else expect((await checkVerificationToken({ db, identifier: "b@example.com", tokenHash: hash("WRONG000"), now: Date.now() })).status).toBe("wrong");
    }
    expect(await checkVerificationToken({ db, identifier: "b@example.com", tokenHash: hash("WRONG000"), now: Date.now() })).toEqual({ status: "locked" });
    expect(await consumeVerificationToken({ db, identifier: "b@example.com", tokenHash: hash("CCCC3333") })).toBeNull();
  });

  it("reports expiry, and a code is used up exactly once", async () => {
    await issue("c@example.com", "DDDD4444", Date.now() - 1);
    expect(await checkVerificationToken({ db, identifier: "c@example.com", tokenHash: hash("DDDD4444"), now: Date.now() })).toEqual({ status: "expired" });
    await issue("c@example.com", "EEEE5555");
    const [one, two] = await Promise.all([
      consumeVerificationToken({ db, identifier: "c@example.com", tokenHash: hash("EEEE5555") }),
      consumeVerificationToken({ db, identifier: "c@example.com", tokenHash: hash("EEEE5555") }),
    ]);
    expect([one, two].filter(Boolean)).toHaveLength(1);
    expect(await checkVerificationToken({ db, identifier: "c@example.com", tokenHash: hash("EEEE5555"), now: Date.now() })).toEqual({ status: "none" });
  });

  it("never lets one address's code sign in another address", async () => {
    await issue("d@example.com", "FFFF6666");
    expect(await consumeVerificationToken({ db, identifier: "e@example.com", tokenHash: hash("FFFF6666") })).toBeNull();
    expect((await checkVerificationToken({ db, identifier: "d@example.com", tokenHash: hash("FFFF6666"), now: Date.now() })).status).toBe("ok");
  });

  it("judges parallel guesses one at a time: never more than five wrong ones count (issue 13)", async () => {
    await issue("f@example.com", "GGGG7777");
    const wrong = Array.from({ length: 19 }, (_, i) => `WRONG${String(i).padStart(3, "0")}`);
    // The right code goes last: by then five wrong guesses have burnt the code.
    const results = await Promise.all([...wrong, "GGGG7777"].map((code) => checkVerificationToken({ db, identifier: "f@example.com", tokenHash: hash(code), now: Date.now() })));
    expect(results.filter((r) => r.status === "wrong")).toHaveLength(MAX_CODE_ATTEMPTS - 1);
    expect(results.filter((r) => r.status === "ok")).toHaveLength(0);
    const row = await db.selectFrom("verification_tokens").select("attempts").where("identifier", "=", "f@example.com").executeTakeFirstOrThrow();
    expect(row.attempts).toBe(MAX_CODE_ATTEMPTS);
    // The link path is judged the same way.
    expect(await consumeVerificationToken({ db, identifier: "f@example.com", tokenHash: hash("GGGG7777") })).toBeNull();
  });

  it("parallel guesses through the link count too, and cannot slip past the limit", async () => {
    await issue("g@example.com", "HHHH8888");
    await Promise.all(Array.from({ length: 12 }, (_, i) => consumeVerificationToken({ db, identifier: "g@example.com", tokenHash: hash(`BAD${String(i).padStart(5, "0")}`) })));
    const row = await db.selectFrom("verification_tokens").select("attempts").where("identifier", "=", "g@example.com").executeTakeFirstOrThrow();
    expect(row.attempts).toBe(MAX_CODE_ATTEMPTS);
    expect(await consumeVerificationToken({ db, identifier: "g@example.com", tokenHash: hash("HHHH8888") })).toBeNull();
  });
});
