import { resolve } from "node:path";
import { z } from "zod";

const hexKey = z
  .string()
  .regex(/^[0-9a-fA-F]{64}$/, "must be 64 hexadecimal characters (32 bytes)")
  .transform((hex) => Buffer.from(hex, "hex"));

const booleanFlag = z.enum(["0", "1", "true", "false", "on", "off"]).transform((v) => ["1", "true", "on"].includes(v));

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
  STORAGE: z.enum(["local"]).default("local"),
  LOGIN_RATE_LIMIT: z.coerce.number().int().min(1).default(20),
  ELIGIBILITY_RATE_LIMIT: z.coerce.number().int().min(1).default(60),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  SECURE_COOKIES: booleanFlag.optional(),
  DEMO_CLOCK: z.iso
    .datetime({ offset: true, message: "must be an ISO 8601 date-time, e.g. 2026-06-30T09:00:00+08:00" })
    .transform((text) => new Date(text))
    .optional(),
});

export interface Keys {
  /** HMAC-SM3 key of the audit chain: kept outside the database. */
  audit: Buffer;
  /** SM4 (first 16 bytes) + HMAC-SM3 (last 16 bytes) for personal data at rest and its blind index. */
  pii: Buffer;
}

export interface Config {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  dataDir: string;
  demo: boolean;
  keys: Keys;
  smtpUrl: string | undefined;
  /** Where phones reach the platform: printed QR codes link to `${publicBaseUrl}/verify/…` (no trailing slash). */
  publicBaseUrl: string;
  loginRateLimit: number;
  eligibilityRateLimit: number;
  logLevel: string;
  secureCookies: boolean;
  /** `DEMO_CLOCK`: the demo starts at this instant and runs on from it (demo mode only). */
  demoClock: Date | undefined;
}

/** Fixed development keys: used only with the embedded demo database; production must set real ones. */
const developmentKey = (label: string) => Buffer.from(label.padEnd(32, "-").slice(0, 32), "utf8");

export class ConfigError extends Error {}

/** Reads the environment once, failing fast with a message that names each bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = environmentSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`);
    throw new ConfigError(`配置错误 / invalid configuration:\n${lines.join("\n")}`);
  }
  const e = parsed.data;
  const embedded = !e.DATABASE_URL;
  if (!embedded && (!e.AUDIT_KEY || !e.PII_KEY)) {
    throw new ConfigError(
      "配置错误：使用 DATABASE_URL 时必须设置 AUDIT_KEY 与 PII_KEY（各 64 位十六进制）。\n" +
        "invalid configuration: AUDIT_KEY and PII_KEY (64 hex characters each) are required with DATABASE_URL.",
    );
  }
  const demo = e.DEMO ?? embedded;
  if (e.DEMO_CLOCK && !demo) {
    throw new ConfigError(
      "配置错误：DEMO_CLOCK 只能在演示模式下使用（DEMO 已关闭）；请去掉 DEMO_CLOCK，或设置 DEMO=1。\n" +
        "invalid configuration: DEMO_CLOCK is only allowed in demo mode (DEMO is off); unset DEMO_CLOCK or set DEMO=1.",
    );
  }
  return {
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    dataDir: resolve(e.DATA_DIR),
    demo,
    keys: {
      audit: e.AUDIT_KEY ?? developmentKey("guohe-dev-audit-key"),
      pii: e.PII_KEY ?? developmentKey("guohe-dev-pii-key"),
    },
    smtpUrl: e.SMTP_URL,
    publicBaseUrl: e.PUBLIC_BASE_URL ?? `http://localhost:${e.PORT}`,
    loginRateLimit: e.LOGIN_RATE_LIMIT,
    eligibilityRateLimit: e.ELIGIBILITY_RATE_LIMIT,
    logLevel: e.LOG_LEVEL,
    secureCookies: e.SECURE_COOKIES ?? false,
    demoClock: e.DEMO_CLOCK,
  };
}
