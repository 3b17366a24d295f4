import { count } from "drizzle-orm";
import type { InjectOptions, LightMyRequestResponse } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiErrorSchema } from "../../../contracts/errors";
import { auditLog } from "../../db/schema";
import type { RegisteredRoute as Route } from "../../http/input-edge";
import { type Agent, databaseKinds, startTestApp, type TestApp } from "../../test/harness";
import { addressRotatingSender, probeAgents } from "../../test/probe";

/**
 * Issue 10 (items 1-edge and 7): an outside probe found 116 responses were 500 — a NUL byte in a path id, a query
 * parameter or a JSON string reached PostgreSQL, multipart without a boundary crashed the parser. This replays that
 * attack on every route the app registers, anonymously and signed in, and asserts no 5xx anywhere and that the bad
 * characters are refused at the edge (server/http/input-edge.ts): 400 `invalid-characters`, or the 401/403 that the
 * session and ability checks answer first (they run before the edge check; a path whose escapes do not decode is
 * refused by the router before anything, for anyone).
 */

/** The parameter names of a route pattern (`*` for a wildcard), in order. */
function paramsOf(url: string): string[] {
  return url
    .split("/")
    .filter((segment) => segment.startsWith(":") || segment === "*")
    .map((segment) => (segment === "*" ? "*" : segment.slice(1).replace(/\(.*$/, "")));
}

const neutral = "00000000-0000-4000-8000-000000000000";

/** The route's URL with `target` set to the raw (already percent-encoded) `value` and every other parameter neutral. */
function urlOf(route: Route, target?: string, value?: string): string {
  return route.url
    .split("/")
    .map((segment) => {
      if (!segment.startsWith(":") && segment !== "*") return segment;
      const name = segment === "*" ? "*" : segment.slice(1).replace(/\(.*$/, "");
      return name === target ? value : neutral;
    })
    .join("/");
}

const stateChanging = new Set(["POST", "PUT", "PATCH", "DELETE"]);
const withBody = new Set(["POST", "PUT", "PATCH"]);

/** Path parameter values: NUL alone, NUL inside, a surrogate encoded as CESU-8 (not UTF-8), another C0 control. */
const badParams = ["%00", "a%00b", "%ED%A0%80", "a%1Fb"];
/** Query strings: NUL in common parameters, another C0 control, a CESU-8 surrogate, NUL in a key. */
const badQueries = ["q=%00", "page=%00", "callId=%00", "q=a%0Bb", "q=%ED%A0%80", "%00=x"];
/** JSON bodies, as sent on the wire: NUL and lone surrogates as escapes, at the top, nested and in a key. */
const badBodies = [
  String.raw`{"x":"\u0000"}`,
  String.raw`{"x":"\ud800"}`,
  String.raw`{"username":"ok","partners":[{"name":"a\u0000b"}]}`,
  String.raw`{"items":[{"note":"\udc00 trailing"}]}`,
  String.raw`{"\u0000":"x"}`,
];

const boundary = "----bad-bytes-probe";
const brokenMultipart: Array<{ label: string; contentType: string; payload: string }> = [
  { label: "no boundary", contentType: "multipart/form-data", payload: "--x\r\n\r\n" },
  { label: "empty boundary", contentType: "multipart/form-data; boundary=", payload: "--x\r\n\r\n" },
  { label: "garbage", contentType: `multipart/form-data; boundary=${boundary}`, payload: "not multipart at all" },
  {
    label: "truncated file part",
    contentType: `multipart/form-data; boundary=${boundary}`,
    payload: `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.pdf"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4 cut`,
  },
  {
    label: "malformed part header",
    contentType: `multipart/form-data; boundary=${boundary}`,
    payload: `--${boundary}\r\nno header here\r\n\r\nx\r\n--${boundary}--\r\n`,
  },
  {
    label: "invalid JSON field",
    contentType: `multipart/form-data; boundary=${boundary}`,
    payload: `--${boundary}\r\nContent-Disposition: form-data; name="x"\r\nContent-Type: application/json\r\n\r\n{bad\r\n--${boundary}--\r\n`,
  },
];

/** A small PDF as a multipart upload, with text fields before (`before`) and after (`after`) the file part. */
function upload(before: Record<string, string>, after: Record<string, string> = {}, filename = "ok.pdf") {
  const field = (name: string, value: string) =>
    `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`;
  const payload = [
    ...Object.entries(before).map(([name, value]) => field(name, value)),
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: application/pdf\r\n\r\n`,
    "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n\r\n",
    ...Object.entries(after).map(([name, value]) => field(name, value)),
    `--${boundary}--\r\n`,
  ].join("");
  return { payload, headers: { "content-type": `multipart/form-data; boundary=${boundary}` } };
}

/** The routes that read a multipart upload (`request.file()` / `readUpload`). */
const uploadRoutes = [
  "/api/public/files",
  "/api/experts/import",
  "/api/reference/holiday-years/import",
  "/api/registry-facts/bases/import",
  "/api/decisions/files",
  "/api/applications/:id/files",
  "/api/calls/:id/recommendations/:recommenderId/stamped",
];

describe.each(databaseKinds())("bad bytes at the edge, on every route, on %s", (kind) => {
  let t: TestApp;
  let agents: Array<{ name: string; agent: Agent }>;
  let routes: Route[];
  const sender = addressRotatingSender();

  beforeAll(async () => {
    t = await startTestApp(kind);
    agents = await probeAgents(t);
    // HEAD answers as GET does; the probe sends each route's own methods.
    routes = t.app.registeredRoutes.filter((route) => route.method !== "HEAD" && route.method !== "OPTIONS");
  });
  afterAll(() => t.close());

  const send = (agent: Agent, options: InjectOptions) => sender.send(agent, options);

  /**
   * Problems of one response: a 5xx, a 4xx outside the error shape, or (when required) not refused at the edge —
   * unless one of `answeredFirst` (the session and the ability, checked before the edge) answered first.
   */
  function problemsOf(
    response: LightMyRequestResponse,
    mustRefuse: boolean,
    answeredFirst: readonly number[] = [401, 403],
  ): string | null {
    if (response.statusCode >= 500) return "5xx";
    if (response.statusCode < 400) return mustRefuse ? "not refused" : null;
    let body: unknown;
    try {
      body = response.json();
    } catch {
      return "4xx without a JSON body";
    }
    if (!apiErrorSchema.safeParse(body).success) return "4xx outside the error shape";
    if (!mustRefuse || answeredFirst.includes(response.statusCode)) return null;
    const { code, errors } = body as { code: string; errors?: Array<{ path: string }> };
    if (response.statusCode !== 400 || code !== "invalid-characters") return "not refused as invalid-characters";
    if (!errors?.length || !errors.every((error) => /^(params|query|body)(\.|$)/.test(error.path))) {
      return "no field named";
    }
    return null;
  }

  async function probe(
    cases: Array<{ route: Route; options: InjectOptions; mustRefuse: boolean }>,
    agentsFor: (route: Route) => Array<{ name: string; agent: Agent }> = () => agents,
    answeredFirst?: readonly number[],
  ) {
    const failures: string[] = [];
    for (const { route, options, mustRefuse } of cases) {
      for (const { name, agent } of agentsFor(route)) {
        const response = await send(agent, options);
        const problem = problemsOf(response, mustRefuse, answeredFirst);
        if (problem) {
          failures.push(
            `${problem}: ${name} ${options.method} ${options.url} → ${response.statusCode} ${response.body.slice(0, 300)}`,
          );
        }
      }
    }
    return failures;
  }

  const jsonOf = (payload: string) => ({ payload, headers: { "content-type": "application/json" } });

  it("enumerates every registered route", () => {
    expect(routes.length).toBeGreaterThan(100);
    for (const expected of [
      { method: "GET", url: "/api/units/:id" },
      { method: "GET", url: "/api/public/bases" },
      { method: "POST", url: "/api/auth/login" },
      { method: "POST", url: "/api/public/files" },
    ]) {
      expect(routes).toContainEqual(expected);
    }
    for (const url of uploadRoutes) expect(routes, url).toContainEqual({ method: "POST", url });
  });

  it("refuses NUL, control characters and surrogates in every path parameter of every route", async () => {
    const cases = routes.flatMap((route) =>
      paramsOf(route.url).flatMap((param) =>
        badParams.map((value) => ({
          route,
          options: {
            method: route.method as InjectOptions["method"],
            url: urlOf(route, param, value),
            ...(withBody.has(route.method) ? jsonOf("{}") : {}),
          },
          mustRefuse: true,
        })),
      ),
    );
    expect(cases.length).toBeGreaterThan(100);
    const failures = await probe(cases);
    expect(failures, failures.join("\n")).toEqual([]);
  });

  it("refuses NUL, control characters and surrogates in the query of every GET route", async () => {
    const cases = routes
      .filter((route) => route.method === "GET")
      .flatMap((route) =>
        badQueries.map((query) => ({
          route,
          options: { method: "GET" as const, url: `${urlOf(route)}?${query}` },
          mustRefuse: true,
        })),
      );
    const failures = await probe(cases);
    expect(failures, failures.join("\n")).toEqual([]);
  });

  it("refuses NUL and lone surrogates anywhere in the JSON body of every state-changing route", async () => {
    const cases = routes
      .filter((route) => stateChanging.has(route.method))
      .flatMap((route) =>
        badBodies.map((payload) => ({
          route,
          options: { method: route.method as InjectOptions["method"], url: urlOf(route), ...jsonOf(payload) },
          mustRefuse: true,
        })),
      );
    const failures = await probe(cases);
    expect(failures, failures.join("\n")).toEqual([]);
  });

  it("answers a broken multipart body on every route with a 4xx in the error shape", async () => {
    const cases = routes
      .filter((route) => withBody.has(route.method))
      .flatMap((route) =>
        brokenMultipart.map(({ contentType, payload }) => ({
          route,
          options: {
            method: route.method as InjectOptions["method"],
            url: urlOf(route),
            payload,
            headers: { "content-type": contentType },
          },
          mustRefuse: false,
        })),
      );
    // A multipart body is no body for a route that reads none: signing out would end the agents' sessions.
    const failures = await probe(cases, (route) =>
      route.url === "/api/auth/logout" ? agents.filter(({ name }) => name === "anonymous") : agents,
    );
    expect(failures, failures.join("\n")).toEqual([]);
    const noBoundary = await send(t.anonymous, {
      method: "POST",
      url: "/api/public/files",
      payload: "x",
      headers: { "content-type": "multipart/form-data" },
    });
    expect(noBoundary.statusCode).toBe(400);
    expect(noBoundary.json()).toMatchObject({ code: "invalid-multipart" });
  });

  it("refuses NUL in multipart text fields and file names on every upload route", async () => {
    const uploads = [
      upload({ slot: "a\u0000b" }),
      upload({ note: "ok" }, {}, "a\u0000.pdf"),
      upload({ documentNumber: "\u0001" }),
    ];
    const cases = uploadRoutes.flatMap((url) =>
      uploads.map((body) => ({
        route: { method: "POST", url },
        options: { method: "POST" as const, url: urlOf({ method: "POST", url }), ...body },
        mustRefuse: true,
      })),
    );
    // These routes load the resource in scope before they read the upload: an unknown id is a 404 first.
    const failures = await probe(cases, () => agents, [401, 403, 404]);
    expect(failures, failures.join("\n")).toEqual([]);

    // On an application of the applicant's own, the upload is read and its fields refused.
    const applicant = agents.find(({ name }) => name === "applicant")!.agent;
    const own = (await applicant.get("/api/applications")).json() as { items: Array<{ id: string }> };
    expect(own.items.length).toBeGreaterThan(0);
    for (const body of uploads) {
      const response = await send(applicant, {
        method: "POST",
        url: `/api/applications/${own.items[0]!.id}/files`,
        ...body,
      });
      expect(response.statusCode, response.body).toBe(400);
      expect(response.json().code).toBe("invalid-characters");
    }

    // A field after the file part is checked when the route reads the fields (the holiday import reads them).
    const officer = agents.find(({ name }) => name === "officer")!.agent;
    const after = await send(officer, {
      method: "POST",
      url: "/api/reference/holiday-years/import",
      ...upload({ year: "2031" }, { documentNumber: "国办发明电\u0000〔2030〕1号" }),
    });
    expect(after.statusCode, after.body).toBe(400);
    expect(after.json()).toMatchObject({
      code: "invalid-characters",
      errors: [{ path: "body.documentNumber" }],
    });
  });

  it("refuses a lone surrogate as the login username with 400, writing no audit entry", async () => {
    const before = (await t.database.db.select({ n: count() }).from(auditLog))[0]!.n;
    for (const username of [String.raw`"\ud800"`, String.raw`"\udfff x"`, String.raw`"admin\u0000"`]) {
      const response = await send(t.anonymous, {
        method: "POST",
        url: "/api/auth/login",
        ...jsonOf(`{"username":${username},"password":"x"}`),
      });
      expect(response.statusCode, response.body).toBe(400);
      expect(response.json()).toMatchObject({ code: "invalid-characters", errors: [{ path: "body.username" }] });
    }
    const after = (await t.database.db.select({ n: count() }).from(auditLog))[0]!.n;
    expect(after).toBe(before);
  });

  it("names every field at fault, in document order, and keeps valid text (emoji, CJK, tab, newline) untouched", async () => {
    const response = await send(t.anonymous, {
      method: "POST",
      url: "/api/public/unit-registrations",
      ...jsonOf(String.raw`{"a":"\u0000","b":[{"c":"ok"},{"d":"\ud800"}],"e":"😀 中文\t\n\r","f":"\u0007"}`),
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().errors.map((error: { path: string }) => error.path)).toEqual([
      "body.a",
      "body.b.1.d",
      "body.f",
    ]);
    // Valid text passes the edge and reaches validation (a 400 `invalid-input` for the missing fields).
    const valid = await send(t.anonymous, {
      method: "POST",
      url: "/api/public/unit-registrations",
      ...jsonOf(String.raw`{"name":"武汉😀\t公司\r\n"}`),
    });
    expect(valid.statusCode).toBe(400);
    expect(valid.json().code).toBe("invalid-input");
    expect(
      (await send(t.anonymous, { method: "GET", url: "/api/public/bases?q=%E4%B8%AD%F0%9F%98%80" })).statusCode,
    ).toBe(200);
  });

  it("answers malformed requests with a 4xx in the error shape, never a 500", async () => {
    const officer = agents.find(({ name }) => name === "officer")!.agent;
    const big = JSON.stringify({ username: "x".repeat(3 * 1024 * 1024), password: "x" });
    const cases: Array<[string, Agent, InjectOptions, number, string]> = [
      [
        "unknown content type",
        t.anonymous,
        { url: "/api/auth/login", payload: "x", headers: { "content-type": "application/x-unknown" } },
        415,
        "unsupported-media-type",
      ],
      [
        "unparsable content type",
        t.anonymous,
        { url: "/api/auth/login", payload: "x", headers: { "content-type": ";;;" } },
        415,
        "unsupported-media-type",
      ],
      ["empty JSON body", t.anonymous, { url: "/api/auth/login", ...jsonOf("") }, 400, "bad-request"],
      ["invalid JSON", t.anonymous, { url: "/api/auth/login", ...jsonOf("{") }, 400, "bad-request"],
      [
        "prototype key",
        t.anonymous,
        { url: "/api/auth/login", ...jsonOf(`{"__proto__":{"x":1}}`) },
        400,
        "bad-request",
      ],
      ["body too large", t.anonymous, { url: "/api/auth/login", ...jsonOf(big) }, 413, "too-large"],
      ["no body where JSON is required", t.anonymous, { url: "/api/public/unit-registrations" }, 400, "invalid-input"],
      [
        "JSON to an upload route",
        t.anonymous,
        { url: "/api/public/files", ...jsonOf("{}") },
        415,
        "unsupported-media-type",
      ],
      [
        "multipart/mixed",
        t.anonymous,
        {
          url: "/api/public/files",
          payload: "x",
          headers: { "content-type": `multipart/mixed; boundary=${boundary}` },
        },
        415,
        "unsupported-media-type",
      ],
      [
        "multipart without a boundary",
        t.anonymous,
        { url: "/api/public/files", payload: "x", headers: { "content-type": "multipart/form-data" } },
        400,
        "invalid-multipart",
      ],
      [
        "truncated multipart",
        t.anonymous,
        {
          url: "/api/public/files",
          payload: brokenMultipart[3]!.payload,
          headers: { "content-type": brokenMultipart[3]!.contentType },
        },
        400,
        "invalid-multipart",
      ],
      [
        "truncated multipart, signed in",
        officer,
        {
          url: "/api/experts/import",
          payload: brokenMultipart[3]!.payload,
          headers: { "content-type": brokenMultipart[3]!.contentType },
        },
        400,
        "invalid-multipart",
      ],
      [
        "invalid JSON field in multipart",
        t.anonymous,
        {
          url: "/api/public/files",
          payload: brokenMultipart[5]!.payload,
          headers: { "content-type": brokenMultipart[5]!.contentType },
        },
        400,
        "bad-request",
      ],
      [
        "path escape that does not decode",
        t.anonymous,
        { url: "/api/public/notices/%ED%A0%80/objections", ...jsonOf("{}") },
        400,
        "invalid-characters",
      ],
      [
        "query escape that does not decode",
        t.anonymous,
        { method: "GET", url: "/api/public/bases?q=%ZZ" },
        400,
        "invalid-characters",
      ],
    ];
    const failures: string[] = [];
    for (const [label, agent, options, status, code] of cases) {
      const response = await send(agent, { method: "POST", ...options });
      const body = response.json();
      if (response.statusCode !== status || body.code !== code || !apiErrorSchema.safeParse(body).success) {
        failures.push(`${label}: ${response.statusCode} ${response.body.slice(0, 300)}`);
      }
    }
    expect(failures, failures.join("\n")).toEqual([]);
    // The router refuses an escape that does not decode before any hook, for anyone, naming the route's parameter.
    const cesu = await send(t.anonymous, { method: "GET", url: "/api/units/%ED%A0%80" });
    expect(cesu.statusCode).toBe(400);
    expect(cesu.json().errors).toEqual([expect.objectContaining({ path: "params.id" })]);
  });
});
