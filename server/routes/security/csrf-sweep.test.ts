import type { InjectOptions } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Agent, databaseKinds, startTestApp, type TestApp } from "../../test/harness";
import { addressRotatingSender, documentedOperations, documentOf, stateChanging } from "../../test/probe";

/**
 * Issue 15 item 3: every state-changing operation of the OpenAPI document that is not public by design (the document
 * marks those with `security: []`) refuses an anonymous caller (401) and a signed-in one whose CSRF token is missing,
 * wrong, or another session's (403 `csrf`), before anything else runs — so no write happens on any of them.
 */

const neutral = "00000000-0000-4000-8000-000000000000";

describe.each(databaseKinds())("CSRF and anonymous sweep of every write on %s", (kind) => {
  let t: TestApp;
  let officer: Agent;
  let applicant: Agent;
  let writes: Array<{ method: string; url: string; path: string }>;
  let publicWrites: string[];

  beforeAll(async () => {
    t = await startTestApp(kind);
    officer = await t.login("officer");
    applicant = await t.login("app.wuhan-ent");
    const all = documentedOperations(documentOf(t.app))
      .filter((operation) => stateChanging.has(operation.method))
      .map((operation) => ({ ...operation, url: operation.path.replace(/\{[^}]+\}/g, neutral) }));
    writes = all.filter((write) => !write.isPublic);
    publicWrites = all.filter((write) => write.isPublic).map((write) => `${write.method} ${write.path}`);
  }, 120_000);
  afterAll(() => t.close());

  it("declares the public writes, and only those an anonymous visitor needs", () => {
    expect(publicWrites.sort()).toEqual([
      "POST /api/assistant/ask",
      "POST /api/assistant/self-check",
      "POST /api/auth/login",
      "POST /api/policy/eligibility",
      "POST /api/public/files",
      "POST /api/public/notices/{id}/objections",
      "POST /api/public/unit-registrations",
    ]);
    expect(writes.length).toBeGreaterThan(100);
  });

  it("refuses every other write anonymously (401) and without a valid CSRF token (403)", {
    timeout: 300_000,
  }, async () => {
    const failures: string[] = [];
    const sender = addressRotatingSender();
    for (const write of writes) {
      const base: InjectOptions = {
        method: write.method as InjectOptions["method"],
        url: write.url,
        payload: "{}",
        headers: { "content-type": "application/json" },
      };
      const attempts: Array<{ label: string; headers: Record<string, string>; status: number; code: string }> = [
        { label: "anonymous", headers: {}, status: 401, code: "unauthenticated" },
        { label: "no token", headers: { cookie: officer.cookie }, status: 403, code: "csrf" },
        { label: "wrong token", headers: { cookie: officer.cookie, "x-csrf-token": "x" }, status: 403, code: "csrf" },
        {
          label: "another session's token",
          headers: { cookie: officer.cookie, "x-csrf-token": applicant.csrfToken },
          status: 403,
          code: "csrf",
        },
      ];
      for (const attempt of attempts) {
        const response = await sender.send(t.anonymous, { ...base, headers: { ...base.headers, ...attempt.headers } });
        const code = (() => {
          try {
            return (response.json() as { code?: string }).code;
          } catch {
            return undefined;
          }
        })();
        if (response.statusCode !== attempt.status || code !== attempt.code) {
          failures.push(`${attempt.label}: ${write.method} ${write.path} → ${response.statusCode} ${code}`);
        }
      }
    }
    console.log(
      `CSRF sweep (${kind}): ${writes.length} writes × 4 attempts, ${failures.length} not refused as expected`,
    );
    expect(failures, failures.slice(0, 30).join("\n")).toEqual([]);
  });
});
