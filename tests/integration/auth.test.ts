import { describe, expect, it, beforeAll } from "vitest";
import { createHash, randomBytes } from "node:crypto";
import { db } from "@/lib/db";
import { portalAdapter } from "@/lib/auth/adapter";
import { authConfig } from "@/lib/auth/config";
import { allowSignInRequest, hasValidCsrfToken } from "@/lib/auth/sign-in-limits";
import { confirmUrl } from "@/lib/auth/options";
import { hashToken } from "@/lib/auth/actor";

const adapter = portalAdapter();
const hashed = () => createHash("sha256").update(randomBytes(16)).digest("hex");
const unique = (name: string) => `${name}-${randomBytes(4).toString("hex")}@example.se`;

async function newSession(email: string, createdAt: Date, expires: Date) {
  const user = await db.user.create({ data: { email } });
  const sessionToken = randomBytes(16).toString("hex");
  await db.session.create({ data: { sessionToken: hashToken(sessionToken), userId: user.id, expires, createdAt } });
  return sessionToken;
}

describe("sign-in links", () => {
  it("can be used once", async () => {
    const identifier = unique("once");
    const token = hashed();
    await adapter.createVerificationToken!({ identifier, token, expires: new Date(Date.now() + 600_000) });
    expect(await adapter.useVerificationToken!({ identifier, token })).toMatchObject({ identifier, token });
    expect(await adapter.useVerificationToken!({ identifier, token })).toBeNull();
  });

  it("are voided by a newer link to the same address", async () => {
    const identifier = unique("newer");
    const older = hashed();
    const newer = hashed();
    await adapter.createVerificationToken!({ identifier, token: older, expires: new Date(Date.now() + 600_000) });
    await adapter.createVerificationToken!({ identifier, token: newer, expires: new Date(Date.now() + 600_000) });
    expect(await adapter.useVerificationToken!({ identifier, token: older })).toBeNull();
    expect(await adapter.useVerificationToken!({ identifier, token: newer })).not.toBeNull();
  });

  it("work for exactly one of two simultaneous uses", async () => {
    const identifier = unique("race");
    const token = hashed();
    await adapter.createVerificationToken!({ identifier, token, expires: new Date(Date.now() + 600_000) });
    const results = await Promise.all(Array.from({ length: 8 }, () => adapter.useVerificationToken!({ identifier, token })));
    expect(results.filter(Boolean)).toHaveLength(1);
  });

  it("do not work for another address", async () => {
    const token = hashed();
    await adapter.createVerificationToken!({ identifier: unique("owner"), token, expires: new Date(Date.now() + 600_000) });
    expect(await adapter.useVerificationToken!({ identifier: unique("thief"), token })).toBeNull();
  });

  it("last at most 10 minutes by default", () => {
    expect(authConfig.signInLinkLifetime).toBeLessThanOrEqual(600);
  });

  it("point to the confirmation page, not to the callback that uses them", () => {
    const url = confirmUrl("http://localhost:3000/api/auth/callback/email?callbackUrl=%2Fmy&token=abc&email=a%40b.se");
    expect(new URL(url).pathname).toBe("/sign-in/confirm");
    expect(new URL(url).searchParams.get("token")).toBe("abc");
    expect(new URL(url).searchParams.get("email")).toBe("a@b.se");
  });
});

describe("sessions", () => {
  it("end at the absolute timeout however recently they were used", async () => {
    const token = await newSession(unique("old"), new Date(Date.now() - authConfig.absoluteTimeout * 1000 - 1000), new Date(Date.now() + 600_000));
    expect(await adapter.getSessionAndUser!(token)).toBeNull();
    expect(await db.session.count({ where: { sessionToken: hashToken(token) } })).toBe(0);
  });

  it("end when idle past their expiry", async () => {
    const token = await newSession(unique("idle"), new Date(), new Date(Date.now() - 1000));
    expect(await adapter.getSessionAndUser!(token)).toBeNull();
  });

  it("are never extended past the absolute timeout", async () => {
    const createdAt = new Date(Date.now() - (authConfig.absoluteTimeout - 60) * 1000);
    const token = await newSession(unique("capped"), createdAt, new Date(Date.now() + 30_000));
    const updated = await adapter.updateSession!({ sessionToken: token, expires: new Date(Date.now() + 3600_000) });
    expect(updated!.expires.getTime()).toBeLessThanOrEqual(createdAt.getTime() + authConfig.absoluteTimeout * 1000);
  });

  it("are stored by the hash of their token, never the token itself", async () => {
    const user = await db.user.create({ data: { email: unique("hashed") } });
    const token = randomBytes(16).toString("hex");
    await adapter.createSession!({ sessionToken: token, userId: user.id, expires: new Date(Date.now() + 600_000) });
    expect(await db.session.count({ where: { sessionToken: token } })).toBe(0);
    expect(await db.session.count({ where: { sessionToken: hashToken(token) } })).toBe(1);
    expect((await adapter.getSessionAndUser!(token))?.session.sessionToken).toBe(token);
  });

  it("are deleted on sign-out", async () => {
    const token = await newSession(unique("out"), new Date(), new Date(Date.now() + 600_000));
    expect(await adapter.getSessionAndUser!(token)).not.toBeNull();
    await adapter.deleteSession!(token);
    expect(await adapter.getSessionAndUser!(token)).toBeNull();
  });

  it("of a deactivated user end", async () => {
    const email = unique("inactive");
    const token = await newSession(email, new Date(), new Date(Date.now() + 600_000));
    await db.user.update({ where: { email }, data: { active: false } });
    expect(await adapter.getSessionAndUser!(token)).toBeNull();
  });
});

describe("sign-in rate limits", () => {
  beforeAll(() => {
    expect(authConfig.signInPerAddress).toBeGreaterThan(0);
  });

  it("refuse more mails to one address than the limit, from any IP", async () => {
    const email = unique("limited");
    const results = [];
    for (let i = 0; i < authConfig.signInPerAddress + 2; i++) results.push(await allowSignInRequest({ email, ip: `10.0.0.${i}` }));
    expect(results.filter(Boolean)).toHaveLength(authConfig.signInPerAddress);
    expect(results.at(-1)).toBe(false);
  });

  it("refuse more requests from one IP than the limit, for any address", async () => {
    const ip = `192.0.2.${Math.floor(Math.random() * 250)}`;
    const results = [];
    for (let i = 0; i < authConfig.signInPerIp + 1; i++) results.push(await allowSignInRequest({ email: unique(`ip${i}`), ip }));
    expect(results.filter(Boolean)).toHaveLength(authConfig.signInPerIp);
  });

  it("hold under concurrent requests", async () => {
    const email = unique("burst");
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => allowSignInRequest({ email, ip: `198.51.100.${i}` })));
    expect(results.filter(Boolean)).toHaveLength(authConfig.signInPerAddress);
  });

  it("treat an address the same whatever its case", async () => {
    const email = unique("Case");
    for (let i = 0; i < authConfig.signInPerAddress; i++) await allowSignInRequest({ email: email.toUpperCase(), ip: `203.0.113.${i}` });
    expect(await allowSignInRequest({ email: email.toLowerCase(), ip: "203.0.113.200" })).toBe(false);
  });
});

describe("what the sign-in limit counts", () => {
  const secret = "s".repeat(40);
  const token = "a1b2c3";
  const cookie = `${token}|${createHash("sha256").update(`${token}${secret}`).digest("hex")}`;

  it("only requests that pass next-auth's CSRF check", () => {
    expect(hasValidCsrfToken(cookie, token, secret)).toBe(true);
    expect(hasValidCsrfToken(cookie, "other", secret)).toBe(false);
    expect(hasValidCsrfToken(cookie, token, "another-secret-another-secret")).toBe(false);
    expect(hasValidCsrfToken(undefined, token, secret)).toBe(false);
    expect(hasValidCsrfToken(`${token}|forged`, token, secret)).toBe(false);
  });

  it("other spellings of one inbox against that inbox's limit", async () => {
    const email = unique("spelling");
    const spellings = [email, email.toUpperCase(), ` ${email} `, email.replace("@", "@").normalize("NFKD")];
    for (let i = 0; i < authConfig.signInPerAddress; i++) await allowSignInRequest({ email: spellings[i % spellings.length]!, ip: `198.18.0.${i}` });
    expect(await allowSignInRequest({ email, ip: "198.18.1.1" })).toBe(false);
  });

  it("nothing for what is not one address, which next-auth refuses to send to", async () => {
    const email = unique("list");
    for (let i = 0; i < authConfig.signInPerAddress; i++) await allowSignInRequest({ email: `${email},${i}`, ip: `198.18.2.${i}` });
    expect(await allowSignInRequest({ email, ip: "198.18.3.1" })).toBe(true);
  });
});
