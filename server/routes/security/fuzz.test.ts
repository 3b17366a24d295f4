import fc from "fast-check";
import type { InjectOptions, LightMyRequestResponse } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiErrorSchema } from "../../../contracts/errors";
import { type Agent, databaseKinds, startTestApp, type TestApp } from "../../test/harness";
import {
  addressRotatingSender,
  documentedOperations,
  documentOf,
  type JsonSchema,
  type OpenApiDocument,
  probeAgents,
} from "../../test/probe";

/**
 * Issue 15 item 2: fast-check over every operation of the OpenAPI document the app serves — hostile values in every
 * path parameter, every declared query parameter and every declared body field (NUL, lone surrogates, control and
 * bidi characters, 100 kB strings, full-width digits, impossible dates, huge numbers, wrong types, deep nesting).
 * Every answer must be below 500, every 4xx in the error shape, every 400 naming a field. A new route is fuzzed the
 * day it is documented; `ATTACK_RUNS` (npm run test:attack) raises the runs per operation.
 */

const runs = Number(process.env.ATTACK_RUNS ?? 3);

interface Operation {
  method: string;
  path: string;
  pathParams: string[];
  queryParams: string[];
  bodyFields: string[] | null;
}

function fieldsOf(document: OpenApiDocument, schema: JsonSchema | null | undefined, depth = 0): string[] {
  if (!schema || depth > 5) return [];
  if (schema.$ref) return fieldsOf(document, document.components?.schemas?.[schema.$ref.split("/").at(-1)!], depth + 1);
  if (schema.allOf) return schema.allOf.flatMap((part) => fieldsOf(document, part, depth + 1));
  return Object.keys(schema.properties ?? {});
}

function operationsOf(document: OpenApiDocument): Operation[] {
  return documentedOperations(document).map((operation) => ({
    method: operation.method,
    path: operation.path,
    pathParams: operation.parameters.filter((p) => p.in === "path").map((p) => p.name!),
    queryParams: operation.parameters.filter((p) => p.in === "query").map((p) => p.name!),
    bodyFields: operation.jsonBody ? fieldsOf(document, operation.jsonBody) : null,
  }));
}

const nested = (depth: number): unknown => (depth === 0 ? "x" : [nested(depth - 1)]);

/** Hostile scalar strings, as a user (or an attacker) could type or paste them. */
const hostileText = fc.oneof(
  fc.constantFrom(
    "\u0000",
    "a\u0000b",
    "\ud800",
    "x\udc00y",
    "\u0007\u001b[31m",
    "\u202eevil\u202c",
    "\u200b",
    "１２３４",
    "２０２６－０６－３０",
    "2026-02-30",
    "2025-02-29",
    "0000-00-00",
    "9999-99-99T99:99:99Z",
    "-1",
    "1e309",
    "NaN",
    "' or 1=1 --",
    "../../etc/passwd",
    "<script>alert(1)</script>",
    "%00",
    "x".repeat(100_000),
  ),
  fc.string({ unit: "binary", maxLength: 40 }),
);

/** Hostile JSON values: the strings above, wrong types, huge numbers, deep nesting. */
const hostileValue = fc.oneof(
  hostileText,
  fc.constantFrom<unknown>(
    null,
    true,
    0,
    -1,
    1e308,
    -1e308,
    Number.MAX_SAFE_INTEGER + 2,
    [],
    {},
    [null],
    { $ne: null },
    nested(200),
  ),
  fc.jsonValue({ maxDepth: 3 }),
);

/** A path or query value on the wire: percent-encoded as UTF-8, a lone surrogate as its CESU-8 bytes. */
function onTheWire(text: string): string {
  try {
    return encodeURIComponent(text);
  } catch {
    return "%ED%A0%80";
  }
}

const bodyOf = (fields: string[]) =>
  fc.oneof(
    { weight: 4, arbitrary: fc.dictionary(fc.constantFrom(...(fields.length ? fields : ["x"])), hostileValue) },
    { weight: 1, arbitrary: hostileValue },
  );

describe.each(databaseKinds())("fuzz every documented operation on %s", (kind) => {
  let t: TestApp;
  let agents: Array<{ name: string; agent: Agent }>;
  let operations: Operation[];
  const sender = addressRotatingSender();

  beforeAll(async () => {
    t = await startTestApp(kind);
    agents = await probeAgents(t);
    operations = operationsOf(documentOf(t.app));
  }, 120_000);
  afterAll(() => t.close());

  const send = (agent: Agent, options: InjectOptions) => sender.send(agent, options);

  function problemOf(response: LightMyRequestResponse): string | null {
    if (response.statusCode >= 500) return "5xx";
    if (response.statusCode < 400) return null;
    let body: unknown;
    try {
      body = response.json();
    } catch {
      return "4xx without a JSON body";
    }
    const parsed = apiErrorSchema.safeParse(body);
    if (!parsed.success) return "4xx outside the error shape";
    if (response.statusCode === 400 && !parsed.data.errors?.length) return "400 naming no field";
    return null;
  }

  it("answers every hostile path, query and body below 500, in the error shape, naming the field", {
    timeout: 900_000,
  }, async () => {
    expect(operations.length).toBeGreaterThan(200);
    const failures: string[] = [];
    const covered = new Set<string>();
    const statuses = new Map<number, number>();
    for (const operation of operations) {
      const input = fc.record({
        // Sign-in, sign-out and password routes anonymously: a signed-in fuzz would end or lock the sessions the rest use.
        agent: operation.path.startsWith("/api/auth/") ? fc.constant(0) : fc.nat({ max: agents.length - 1 }),
        params: fc.tuple(...operation.pathParams.map(() => hostileText)),
        query: fc.dictionary(
          fc.constantFrom(...(operation.queryParams.length ? operation.queryParams : ["q"])),
          hostileText,
          {
            maxKeys: 3,
          },
        ),
        body: operation.bodyFields ? bodyOf(operation.bodyFields) : fc.constant(undefined),
      });
      for (const sample of fc.sample(input, { numRuns: runs, seed: sender.sent + operation.path.length })) {
        let index = 0;
        const path = operation.path.replace(/\{[^}]+\}/g, () => onTheWire(String(sample.params[index++] ?? "")));
        const query = Object.entries(sample.query)
          .map(([name, value]) => `${encodeURIComponent(name)}=${onTheWire(value)}`)
          .join("&");
        const url = query ? `${path}?${query}` : path;
        const options: InjectOptions = {
          method: operation.method as InjectOptions["method"],
          url,
          ...(sample.body !== undefined && operation.method !== "GET" && operation.method !== "DELETE"
            ? { payload: JSON.stringify(sample.body), headers: { "content-type": "application/json" } }
            : {}),
        };
        const { name, agent } = agents[sample.agent]!;
        const response = await send(agent, options);
        statuses.set(response.statusCode, (statuses.get(response.statusCode) ?? 0) + 1);
        const problem = problemOf(response);
        if (problem) {
          failures.push(
            `${problem}: ${name} ${operation.method} ${url.slice(0, 200)} → ${response.statusCode} ${response.body.slice(0, 300)}`,
          );
        }
      }
      covered.add(`${operation.method} ${operation.path}`);
    }
    console.log(
      `fuzz (${kind}): ${covered.size} of ${operations.length} operations, ${sender.sent} requests; answers ${[
        ...statuses,
      ]
        .sort(([a], [b]) => a - b)
        .map(([status, n]) => `${status}×${n}`)
        .join(" ")}`,
    );
    expect(covered.size).toBe(operations.length);
    expect(failures, failures.slice(0, 30).join("\n")).toEqual([]);
  });
});
