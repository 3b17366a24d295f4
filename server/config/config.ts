import { isIP } from "node:net";
import { resolve } from "node:path";
import { z } from "zod";
import { ConfigError } from "./config-error";
import { demoKeys, type Keys } from "./key-file";

export { ConfigError } from "./config-error";
export type { Keys } from "./key-file";

const hexKey = z
  .string()
  .regex(/^[0-9a-fA-F]{64}$/, "must be 64 hexadecimal characters (32 bytes)")
  .transform((hex) => Buffer.from(hex, "hex"));

const booleanFlag = z.enum(["0", "1", "true", "false", "on", "off"]).transform((v) => ["1", "true", "on"].includes(v));

/**
 * `TRUST_PROXY`: the proxies whose X-Forwarded-* headers are believed, as addresses or CIDR ranges (IPv4, IPv6).
 * Unset, empty or off: none, and the socket's address is the client's. Never "everyone": a client could then name
 * any address it likes, past every per-IP limit and into the audit log.
 */
const trustedProxies = z
  .string()
  .optional()
  .transform((text, context) => {
    const value = (text ?? "").trim();
    if (["", "0", "false", "off"].includes(value.toLowerCase())) return [];
    if (["1", "true", "on"].includes(value.toLowerCase())) {
      context.addIssue({
        code: "custom",
        message:
          "must list the proxies' addresses or CIDR ranges (e.g. 127.0.0.1,10.0.0.0/8,::1), never trust every client",
      });
      return z.NEVER;
    }
    const entries = value
      .split(",")
      .map((entry) => entry.trim())
      .filter((entry) => entry !== "");
    const bad = entries.filter((entry) => !isAddressOrRange(entry));
    if (bad.length) {
      context.addIssue({
        code: "custom",
        message: `not an IP address or CIDR range: ${bad.join(", ")} (expected e.g. 127.0.0.1,10.0.0.0/8,::1)`,
      });
      return z.NEVER;
    }
    return entries;
  });

function isAddressOrRange(entry: string): boolean {
  const [address = "", prefix, ...rest] = entry.split("/");
  const family = isIP(address);
  if (family === 0 || rest.length) return false;
  if (prefix === undefined) return true;
  return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128);
}

/** An S3-compatible bucket for the stored files (server/storage/s3-store.ts). */
export interface S3Settings {
  /** Unset: AWS itself, by region. */
  endpoint: string | undefined;
  region: string;
  bucket: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** `http://host/bucket/key` rather than `http://bucket.host/key`: what MinIO, Ceph and the like expect. */
  forcePathStyle: boolean;
}

/** The bucket when S3_BUCKET and both keys are set; undefined when no S3_* is; otherwise a refusal naming the gap. */
function s3Settings(e: z.infer<typeof environmentSchema>, refusals: string[]): S3Settings | undefined {
  const given = {
    S3_ENDPOINT: e.S3_ENDPOINT,
    S3_BUCKET: e.S3_BUCKET || undefined,
    S3_REGION: e.S3_REGION || undefined,
    S3_ACCESS_KEY_ID: e.S3_ACCESS_KEY_ID || undefined,
    S3_SECRET_ACCESS_KEY: e.S3_SECRET_ACCESS_KEY || undefined,
    S3_FORCE_PATH_STYLE: e.S3_FORCE_PATH_STYLE,
  };
  const set = Object.keys(given).filter((name) => given[name as keyof typeof given] !== undefined);
  if (!set.length) return undefined;
  const { S3_BUCKET: bucket, S3_ACCESS_KEY_ID: accessKeyId, S3_SECRET_ACCESS_KEY: secretAccessKey } = given;
  if (!bucket || !accessKeyId || !secretAccessKey) {
    const missing = ["S3_BUCKET", "S3_ACCESS_KEY_ID", "S3_SECRET_ACCESS_KEY"].filter((name) => !set.includes(name));
    refusals.push(
      `配置错误：S3 兼容存储缺少 ${missing.join("、")}（已设置 ${set.join("、")}）；S3_BUCKET、S3_ACCESS_KEY_ID、S3_SECRET_ACCESS_KEY 须一起设置，或全部去掉（文件存放在 DATA_DIR/files）。\n` +
        `invalid configuration: S3-compatible storage lacks ${missing.join(", ")} (set: ${set.join(", ")}); set S3_BUCKET, ` +
        "S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY together, or none of the S3_* variables to keep files in DATA_DIR/files.",
    );
    return undefined;
  }
  return {
    endpoint: given.S3_ENDPOINT,
    region: given.S3_REGION ?? "us-east-1",
    bucket,
    accessKeyId,
    secretAccessKey,
    forcePathStyle: given.S3_FORCE_PATH_STYLE ?? given.S3_ENDPOINT !== undefined,
  };
}

const environmentSchema = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().default("0.0.0.0"),
  DATABASE_URL: z.string().url().optional(),
  DATA_DIR: z.string().default("./data"),
  DEMO: booleanFlag.optional(),
  SESSION_SECRET: hexKey.optional(),
  AUDIT_KEY: hexKey.optional(),
  PII_KEY: hexKey.optional(),
  SMTP_URL: z.string().url().optional(),
  PUBLIC_BASE_URL: z
    .string()
    .url()
    .regex(/^https?:\/\//, "must start with http:// or https://")
    .transform((url) => url.replace(/\/+$/, ""))
    .optional(),
  S3_ENDPOINT: z
    .string()
    .url()
    .regex(/^https?:\/\//, "must start with http:// or https://")
    .optional(),
  S3_BUCKET: z.string().trim().optional(),
  S3_REGION: z.string().trim().optional(),
  S3_ACCESS_KEY_ID: z.string().trim().optional(),
  S3_SECRET_ACCESS_KEY: z.string().optional(),
  S3_FORCE_PATH_STYLE: booleanFlag.optional(),
  LOGIN_RATE_LIMIT: z.coerce.number().int().min(1).default(20),
  ELIGIBILITY_RATE_LIMIT: z.coerce.number().int().min(1).default(60),
  API_TOKEN_RATE_LIMIT: z.coerce.number().int().min(1).default(300),
  ASSISTANT_RATE_LIMIT: z.coerce.number().int().min(1).default(30),
  ASSISTANT_CONTACT: z.string().trim().max(200).optional(),
  LLM_BASE_URL: z
    .string()
    .url()
    .regex(/^https?:\/\//, "must start with http:// or https://")
    .transform((url) => url.replace(/\/+$/, ""))
    .optional(),
  LLM_MODEL: z.string().trim().min(1).default("default"),
  LLM_API_KEY: z.string().optional(),
  LLM_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(8000),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  SECURE_COOKIES: booleanFlag.optional(),
  TRUST_PROXY: trustedProxies,
  METRICS_TOKEN: z.string().optional(),
  SHUTDOWN_DRAIN_MS: z.coerce.number().int().min(0).max(600_000).default(0),
  SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(1_000).max(600_000).default(25_000),
  DEMO_CLOCK: z.iso
    .datetime({ offset: true, message: "must be an ISO 8601 date-time, e.g. 2026-06-30T09:00:00+08:00" })
    .transform((text) => new Date(text))
    .optional(),
});

export interface Config {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  dataDir: string;
  demo: boolean;
  /** `AUDIT_KEY` and `PII_KEY`; in demo mode without them, the data directory's own random keys (config/key-file.ts). */
  keys: Keys;
  /** Set when the keys (or one of them) came from the demo key file; `created` on the first start in a data directory. */
  keyFile: { path: string; created: boolean } | undefined;
  smtpUrl: string | undefined;
  /** `S3_*`: stored files go to this S3-compatible bucket; unset, to `DATA_DIR/files` (docs/operations.md). */
  s3: S3Settings | undefined;
  /** Where phones reach the platform: printed QR codes link to `${publicBaseUrl}/verify/…` (no trailing slash). */
  publicBaseUrl: string;
  loginRateLimit: number;
  eligibilityRateLimit: number;
  /** `API_TOKEN_RATE_LIMIT`: requests per minute one API token may make (docs/integration.md). */
  apiTokenRateLimit: number;
  /** `ASSISTANT_RATE_LIMIT`: questions per minute one address may put to the policy assistant. */
  assistantRateLimit: number;
  /** `ASSISTANT_CONTACT`: how to reach the department (phone, e-mail), given when the assistant cannot answer. */
  assistantContact: string | undefined;
  /**
   * `LLM_BASE_URL` (an OpenAI-compatible endpoint, …/v1/chat/completions), `LLM_MODEL`, `LLM_API_KEY`,
   * `LLM_TIMEOUT_MS`: a language model that may rephrase the assistant's grounded answers. Off when unset.
   */
  llm: { baseUrl: string; model: string; apiKey: string | undefined; timeoutMs: number } | undefined;
  logLevel: string;
  secureCookies: boolean;
  /** `TRUST_PROXY`: proxies (addresses, CIDR ranges) whose X-Forwarded-For/-Proto/-Host are believed; empty: none. */
  trustProxy: string[];
  /** `DEMO_CLOCK`: the demo starts at this instant and runs on from it (demo mode only). */
  demoClock: Date | undefined;
  /** `METRICS_TOKEN`: the bearer token Prometheus scrapes /metrics with; unset or empty: /metrics answers 404. */
  metricsToken: string | undefined;
  /** `SHUTDOWN_DRAIN_MS`, `SHUTDOWN_TIMEOUT_MS`: on SIGTERM, /readyz 503 before the listener closes; the hard limit. */
  shutdown: { drainMs: number; timeoutMs: number };
}

/**
 * Reads the environment once, failing fast with a message that names each bad variable. Outside demo mode the keys
 * must be set; in demo mode a missing key is taken from the data directory's key file, created on the first start
 * there, so the server and every script on one data directory share the same keys.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = environmentSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`);
    throw new ConfigError(`配置错误 / invalid configuration:\n${lines.join("\n")}`);
  }
  const e = parsed.data;
  const embedded = !e.DATABASE_URL;
  const demo = e.DEMO ?? embedded;
  // Both refusals at once, so one start names everything to fix.
  const refusals: string[] = [];
  if (!demo && (!e.AUDIT_KEY || !e.PII_KEY)) {
    refusals.push(
      "配置错误：非演示模式下必须设置 AUDIT_KEY 与 PII_KEY（各 64 位十六进制，可用 `openssl rand -hex 32` 生成，妥善保管在数据库之外）；仅作演示请设置 DEMO=1。\n" +
        "invalid configuration: AUDIT_KEY and PII_KEY (64 hex characters each, e.g. from `openssl rand -hex 32`, kept " +
        "outside the database) are required outside demo mode; for a demo, set DEMO=1 instead.",
    );
  }
  if (e.DEMO_CLOCK && !demo) {
    refusals.push(
      "配置错误：DEMO_CLOCK 只能在演示模式下使用（DEMO 已关闭）；请去掉 DEMO_CLOCK，或设置 DEMO=1。\n" +
        "invalid configuration: DEMO_CLOCK is only allowed in demo mode (DEMO is off); unset DEMO_CLOCK or set DEMO=1.",
    );
  }
  const s3 = s3Settings(e, refusals);
  // A token a scanner could guess would open the process's internals (routes, sizes, rates) to it.
  if (e.METRICS_TOKEN && !/^\S{32,}$/.test(e.METRICS_TOKEN)) {
    refusals.push(
      "配置错误：METRICS_TOKEN 至少 32 个字符且不含空白（可用 `openssl rand -hex 32` 生成）；不需要 /metrics 时请不设置。\n" +
        "invalid configuration: METRICS_TOKEN must be at least 32 characters without spaces (e.g. from " +
        "`openssl rand -hex 32`); leave it unset to turn /metrics off.",
    );
  }
  if (e.SHUTDOWN_DRAIN_MS >= e.SHUTDOWN_TIMEOUT_MS) {
    refusals.push(
      "配置错误：SHUTDOWN_DRAIN_MS 必须小于 SHUTDOWN_TIMEOUT_MS，否则每次停机都会超时。\n" +
        "invalid configuration: SHUTDOWN_DRAIN_MS must be less than SHUTDOWN_TIMEOUT_MS, or every shutdown times out.",
    );
  }
  if (refusals.length) throw new ConfigError(refusals.join("\n"));
  const dataDir = resolve(e.DATA_DIR);
  const stored = e.AUDIT_KEY && e.PII_KEY ? undefined : demoKeys(dataDir, { embedded });
  return {
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    dataDir,
    demo,
    keys: {
      audit: e.AUDIT_KEY ?? stored!.keys.audit,
      pii: e.PII_KEY ?? stored!.keys.pii,
    },
    keyFile: stored && { path: stored.path, created: stored.created },
    smtpUrl: e.SMTP_URL,
    s3,
    publicBaseUrl: e.PUBLIC_BASE_URL ?? `http://localhost:${e.PORT}`,
    loginRateLimit: e.LOGIN_RATE_LIMIT,
    eligibilityRateLimit: e.ELIGIBILITY_RATE_LIMIT,
    apiTokenRateLimit: e.API_TOKEN_RATE_LIMIT,
    assistantRateLimit: e.ASSISTANT_RATE_LIMIT,
    assistantContact: e.ASSISTANT_CONTACT || undefined,
    llm: e.LLM_BASE_URL
      ? { baseUrl: e.LLM_BASE_URL, model: e.LLM_MODEL, apiKey: e.LLM_API_KEY || undefined, timeoutMs: e.LLM_TIMEOUT_MS }
      : undefined,
    logLevel: e.LOG_LEVEL,
    secureCookies: e.SECURE_COOKIES ?? false,
    trustProxy: e.TRUST_PROXY,
    demoClock: e.DEMO_CLOCK,
    metricsToken: e.METRICS_TOKEN || undefined,
    shutdown: { drainMs: e.SHUTDOWN_DRAIN_MS, timeoutMs: e.SHUTDOWN_TIMEOUT_MS },
  };
}
