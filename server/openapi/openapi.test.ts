import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import SwaggerParser from "@apidevtools/swagger-parser";
import type { OpenAPIV3_1 } from "openapi-types";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bearerRoutes } from "../http/bearer-routes";
import { type Agent, startTestApp, type TestApp } from "../test/harness";
import { bearer, serviceAccountToken } from "../test/service-accounts";
import { clientTypesPath, clientTypesText } from "./client-types";
import { contractModules } from "./components";
import { openApiPath, openApiText } from "./document";
import { derivedOperationId, operationIdOverrides } from "./operation-ids";

type Operation = OpenAPIV3_1.OperationObject;
const methods = ["get", "put", "post", "delete", "patch"] as const;
const unsafe = new Set(["put", "post", "delete", "patch"]);

function operationsOf(document: OpenAPIV3_1.Document) {
  return Object.entries(document.paths ?? {}).flatMap(([path, item]) =>
    methods.flatMap((method) => {
      const operation = item?.[method] as Operation | undefined;
      return operation ? [{ path, method, operation }] : [];
    }),
  );
}

/** A concrete URL for a documented path: every parameter an id that matches nothing. */
const urlOf = (path: string) => path.replace(/\{[^}]+\}/g, "openapi-test-0");

// The document does not depend on the database: one app on PGlite serves it.
describe("the OpenAPI document at /api/docs/json", () => {
  let t: TestApp;
  let document: OpenAPIV3_1.Document;
  let text: string;
  beforeAll(async () => {
    t = await startTestApp("pglite");
    const response = await t.anonymous.get("/api/docs/json");
    expect(response.statusCode).toBe(200);
    document = response.json();
    text = openApiText(document);
  });
  afterAll(() => t.close());

  it("is readable without a session, and so is its page", async () => {
    const page = await t.anonymous.get("/api/docs");
    expect(page.statusCode).toBe(200);
    expect(page.headers["content-type"]).toContain("text/html");
    expect((await t.anonymous.get("/api/docs/static/swagger-initializer.js")).statusCode).toBe(200);
    expect((await t.anonymous.get("/api/docs/yaml")).statusCode).toBe(200);
    // Only the docs were made public: the routes they describe still want a session.
    expect((await t.anonymous.get("/api/applications")).statusCode).toBe(401);
  });

  it("is valid for swagger-parser", async () => {
    await expect(SwaggerParser.validate(structuredClone(document) as never)).resolves.toBeDefined();
  });

  it("has no error in Redocly's recommended rules, and only the warnings redocly.yaml keeps with a reason", () => {
    const file = join(mkdtempSync(join(tmpdir(), "openapi-")), "openapi.json");
    writeFileSync(file, text);
    const lint = spawnSync(
      process.execPath,
      ["node_modules/@redocly/cli/bin/cli.js", "lint", file, "--config", "redocly.yaml", "--format=json"],
      { encoding: "utf8", env: { ...process.env, REDOCLY_TELEMETRY: "off", REDOCLY_SUPPRESS_UPDATE_NOTICE: "true" } },
    );
    const report = JSON.parse(lint.stdout.slice(lint.stdout.indexOf("{"))) as {
      problems: Array<{ ruleId: string; severity: "error" | "warn"; message: string; location: unknown }>;
    };
    expect(report.problems.filter((problem) => problem.severity === "error")).toEqual([]);
    const kept = new Set(
      [...readFileSync("redocly.yaml", "utf8").matchAll(/^ {2}([\w.-]+): warn$/gm)].map((m) => m[1]),
    );
    const warned = new Set(report.problems.map((problem) => problem.ruleId));
    expect([...warned].filter((rule) => !kept.has(rule))).toEqual([]);
    expect(lint.status).toBe(0);
  });

  it("is the committed docs/openapi.json (run `npm run openapi` after changing a route or a contract)", () => {
    expect(text === readFileSync(openApiPath, "utf8"), `${openApiPath} differs from the served document`).toBe(true);
  });

  it("gives every operation its own operationId and a summary in Chinese and English", () => {
    const operations = operationsOf(document);
    expect(operations.length).toBeGreaterThan(200);
    const ids = operations.map(({ operation }) => operation.operationId);
    const repeated = ids.filter((id, index) => ids.indexOf(id) !== index);
    expect(repeated).toEqual([]);
    for (const { path, method, operation } of operations) {
      const where = `${method.toUpperCase()} ${path}`;
      expect(operation.operationId, where).toMatch(/^[a-z][A-Za-z0-9]+$/);
      expect(operation.summary, where).toMatch(/\p{Script=Han}.*\/\s*[A-Za-z]/u);
    }
  });

  it("has a 2xx and the error responses in the one error shape on every operation", () => {
    for (const { path, method, operation } of operationsOf(document)) {
      const statuses = Object.keys(operation.responses ?? {});
      const where = `${method.toUpperCase()} ${path}`;
      expect(
        statuses.some((status) => status.startsWith("2")),
        where,
      ).toBe(true);
      for (const status of ["400", "404", "409", "422"]) expect(statuses, where).toContain(status);
      for (const status of statuses.filter((status) => Number(status) >= 400)) {
        expect(operation.responses?.[status], `${where} ${status}`).toHaveProperty(
          "$ref",
          expect.stringMatching(/^#\/components\/responses\//),
        );
      }
    }
    const responses = document.components?.responses ?? {};
    for (const response of Object.values(responses)) {
      expect(response).toMatchObject({
        content: { "application/json": { schema: { $ref: "#/components/schemas/ApiError" } } },
      });
    }
  });

  it("declares the session cookie, the CSRF header and the bearer token, and each operation's security is what the server does", async () => {
    expect(document.components?.securitySchemes).toEqual({
      session: expect.objectContaining({ type: "apiKey", in: "cookie", name: "sid" }),
      csrf: expect.objectContaining({ type: "apiKey", in: "header", name: "x-csrf-token" }),
      bearer: expect.objectContaining({ type: "http", scheme: "bearer" }),
    });
    const officer: Agent = await t.login("officer");
    const { token } = await serviceAccountToken(t, { username: "svc.openapi" });
    const counted = { public: 0, session: 0, csrf: 0, bearer: 0 };
    for (const { path, method, operation } of operationsOf(document)) {
      const where = `${method.toUpperCase()} ${path}`;
      const security = operation.security;
      expect(security, where).toBeDefined();
      const url = urlOf(path);
      const anonymous = await t.anonymous.request({ method: method.toUpperCase() as "GET", url });
      if (security?.length === 0) {
        counted.public++;
        expect(anonymous.statusCode, `${where} is documented public`).not.toBe(401);
        continue;
      }
      expect(anonymous.statusCode, `${where} is documented as needing a session`).toBe(401);
      // A service account's token: let in where the document says so (the route may then refuse the made-up id),
      // refused as a token everywhere else.
      const withToken = await t.app.inject({ method: method.toUpperCase() as "GET", url, headers: bearer(token) });
      const takesToken = security?.some((alternative) => "bearer" in alternative) ?? false;
      if (takesToken) {
        counted.bearer++;
        expect(security, where).toEqual([expect.objectContaining({ session: [] }), { bearer: [] }]);
        expect(withToken.statusCode, `${where} is documented as taking a token`).not.toBe(401);
        expect(withToken.json(), where).not.toMatchObject({ code: "token-not-allowed" });
      } else {
        expect(withToken.statusCode, `${where} is documented as not taking a token`).toBe(403);
        expect(withToken.json(), where).toMatchObject({ code: "token-not-allowed" });
      }
      // Every signed-in write takes an Idempotency-Key.
      expect(
        (operation.parameters ?? []).some(
          (parameter) => "$ref" in parameter && parameter.$ref.endsWith("/IdempotencyKey"),
        ),
        `${where}: Idempotency-Key`,
      ).toBe(unsafe.has(method));
      const needsCsrf = "csrf" in (security?.[0] ?? {});
      expect(needsCsrf, where).toBe(unsafe.has(method));
      if (!needsCsrf) {
        counted.session++;
        continue;
      }
      counted.csrf++;
      const withoutToken = await officer.request({
        method: method.toUpperCase() as "POST",
        url,
        headers: { "x-csrf-token": "" },
      });
      expect(withoutToken.statusCode, `${where} is documented as needing the CSRF header`).toBe(403);
      expect(withoutToken.json(), where).toMatchObject({ code: "csrf" });
    }
    // Sign-in, the public registry, notices, announcements, verification, the eligibility check among them.
    expect(counted.public).toBeGreaterThanOrEqual(15);
    expect(counted.bearer).toBe(bearerRoutes.length);
    expect(counted.session).toBeGreaterThan(50);
    expect(counted.csrf).toBeGreaterThan(50);
    expect(document.paths?.["/api/auth/login"]?.post?.security).toEqual([]);
    expect(document.paths?.["/api/applications"]?.get?.security).toEqual([{ session: [] }]);
    expect(document.paths?.["/api/applications/{id}/events"]?.post?.security).toEqual([{ session: [], csrf: [] }]);
    expect(document.paths?.["/api/feed/bases"]?.get?.security).toEqual([{ session: [] }, { bearer: [] }]);
  });

  it("takes its server from PUBLIC_BASE_URL", () => {
    expect(document.servers).toEqual([expect.objectContaining({ url: t.config.publicBaseUrl })]);
  });

  it("names the contracts' shared schemas as components, each once", () => {
    const schemas = document.components?.schemas ?? {};
    for (const name of ["ApiError", "FieldError", "Application", "ApplicationDetail", "RubricIndicator", "BasePage"]) {
      expect(schemas, name).toHaveProperty(name);
    }
    expect(document.paths?.["/api/applications/{id}"]?.get?.responses?.["200"]).toEqual({
      description: expect.any(String),
      content: { "application/json": { schema: { $ref: "#/components/schemas/ApplicationDetail" } } },
    });
    // The recursive rubric refers to itself by name.
    expect(JSON.stringify(schemas.RubricIndicator)).toContain("#/components/schemas/RubricIndicator");
    // Every contracts/ module is read for its schemas.
    const modules = readdirSync("contracts")
      .filter((file) => file.endsWith(".ts") && !file.endsWith(".test.ts"))
      .map((file) => file.slice(0, -3).replace(/-(\w)/g, (_, letter: string) => letter.toUpperCase()));
    expect(Object.keys(contractModules).sort()).toEqual(modules.sort());
  });
});

describe("the web's client types (web/src/api/schema.d.ts)", () => {
  const committed = () => readFileSync(openApiPath, "utf8");

  it("are what openapi-typescript generates from the committed docs/openapi.json (run `npm run openapi`)", async () => {
    const generated = await clientTypesText(committed());
    expect(generated === readFileSync(clientTypesPath, "utf8"), `${clientTypesPath} is stale`).toBe(true);
  });

  it("follow the document: a route it no longer has is gone from the types", async () => {
    const document = JSON.parse(committed()) as OpenAPIV3_1.Document;
    expect(await clientTypesText(committed())).toContain('"/api/units/{id}": {');
    delete document.paths?.["/api/units/{id}"];
    expect(await clientTypesText(openApiText(document))).not.toContain('"/api/units/{id}": {');
  });
});

describe("operationIds", () => {
  it("are derived from the method and the URL", () => {
    expect(derivedOperationId("GET", "/api/applications")).toBe("listApplications");
    expect(derivedOperationId("POST", "/api/applications")).toBe("createApplication");
    expect(derivedOperationId("GET", "/api/applications/:id")).toBe("getApplication");
    expect(derivedOperationId("PATCH", "/api/applications/:id")).toBe("updateApplication");
    expect(derivedOperationId("POST", "/api/applications/:id/events")).toBe("fireApplicationEvent");
    expect(derivedOperationId("POST", "/api/applications/:id/files")).toBe("uploadApplicationFile");
    expect(derivedOperationId("DELETE", "/api/applications/:id/files/:fileId")).toBe("deleteApplicationFile");
    expect(derivedOperationId("GET", "/api/applications/export")).toBe("exportApplications");
    expect(derivedOperationId("POST", "/api/calls/:id/open")).toBe("openCall");
    expect(derivedOperationId("POST", "/api/notifications/read-all")).toBe("readAllNotifications");
    expect(derivedOperationId("GET", "/api/reviews/assignments")).toBe("listReviewAssignments");
    expect(derivedOperationId("GET", "/api/people/:id")).toBe("getPerson");
    expect(derivedOperationId("GET", "/api/reviews/ranking.xlsx")).toBe("getReviewRankingXlsx");
    expect(derivedOperationId("GET", "/api/calls/:id/recommendations/:recommenderId/letter/:format")).toBe(
      "getCallRecommendationLetter",
    );
  });

  it("are overridden only where the derived name differs, and only for routes that exist", async () => {
    const documented = JSON.parse(readFileSync(openApiPath, "utf8")) as OpenAPIV3_1.Document;
    const routes = new Set(
      operationsOf(documented).map(
        ({ path, method }) => `${method.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ":$1")}`,
      ),
    );
    for (const [route, id] of Object.entries(operationIdOverrides)) {
      expect(routes, route).toContain(route);
      const [method, url] = route.split(" ") as [string, string];
      expect(derivedOperationId(method, url), route).not.toBe(id);
    }
  });
});
