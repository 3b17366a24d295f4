import type { FastifyBaseLogger, FastifyInstance } from "fastify";
import type { Clock } from "../clock";
import type { Database } from "../db/client";
import { onAuditAppend } from "./audit-log";
import {
  type AuditCheckpoint,
  CheckpointUnreadable,
  checkpointPath,
  checkpointSignatureValid,
  readCheckpoint,
  signCheckpoint,
  writeCheckpoint,
} from "./checkpoint";

type RawQuery = (text: string, params?: unknown[]) => Promise<{ rows: Array<Record<string, unknown>> }>;

/**
 * The driver's own client (PGlite, or the pg Pool): a checkpoint's two reads stay out of drizzle's query log, which
 * the API tests read to count the queries of one request.
 */
function rawQuery(database: Database): RawQuery {
  const client = (database.db as unknown as { $client?: { query: RawQuery } }).$client;
  if (!client) throw new Error("no driver client behind the database handle");
  return (text, params) => client.query(text, params);
}

export interface CheckpointerOptions {
  database: Database;
  key: Buffer;
  clock: Clock;
  /** The checkpoint file (checkpointPath). */
  path: string;
  log: Pick<FastifyBaseLogger, "info" | "error">;
  /** A checkpoint follows an append after this long (the append's transaction has committed by then, usually). */
  afterAppendMs?: number;
  /** Checkpoints are also taken this often: appends committed late, or by another server on the same database. */
  everyMs?: number;
  /** A log line at most this often while the head moves (and always at start and shutdown). */
  logEveryMs?: number;
}

/**
 * Keeps the signed checkpoint of the audit chain's head outside the database (docs/adr/0007-audit-trail.md): shortly
 * after appends, every `everyMs` and at shutdown it reads the committed head and, when it moved, replaces the
 * checkpoint file and writes it to the log. It reads only committed state (outside any transaction), so a rolled-back
 * append is never checkpointed.
 *
 * It never moves a checkpoint the chain no longer reaches: if the entry the file names is gone or different (the tail
 * was deleted, or rewritten), the file is kept as evidence and the finding is logged as an error; `audit:verify` then
 * reports the missing range.
 */
export class AuditCheckpointer {
  private readonly query: RawQuery;
  private readonly afterAppendMs: number;
  private readonly everyMs: number;
  private readonly logEveryMs: number;
  private running: Promise<unknown> = Promise.resolve();
  private timer: NodeJS.Timeout | null = null;
  private soon: NodeJS.Timeout | null = null;
  private unsubscribe: (() => void) | null = null;
  private written: AuditCheckpoint | null = null;
  private loggedAt = Number.NEGATIVE_INFINITY;
  private loggedSeq = -1;
  private reported = new Set<string>();

  constructor(private readonly options: CheckpointerOptions) {
    this.query = rawQuery(options.database);
    this.afterAppendMs = options.afterAppendMs ?? 250;
    this.everyMs = options.everyMs ?? 10_000;
    this.logEveryMs = options.logEveryMs ?? 60_000;
  }

  /** Takes a checkpoint now, then follows appends. */
  async start(): Promise<void> {
    await this.checkpoint({ log: "always" });
    this.unsubscribe = onAuditAppend(() => this.scheduleSoon());
    this.timer = setInterval(() => void this.checkpoint(), this.everyMs);
    this.timer.unref();
  }

  /** Stops following appends and takes the last checkpoint (call before the database closes). */
  async stop(): Promise<void> {
    this.unsubscribe?.();
    this.unsubscribe = null;
    if (this.timer) clearInterval(this.timer);
    if (this.soon) clearTimeout(this.soon);
    this.timer = this.soon = null;
    await this.checkpoint({ log: "always" });
  }

  private scheduleSoon() {
    if (this.soon) return;
    this.soon = setTimeout(() => {
      this.soon = null;
      void this.checkpoint();
    }, this.afterAppendMs);
    this.soon.unref();
  }

  /**
   * One checkpoint, after any still running; resolves to the checkpoint in force (null: none yet, or the chain is
   * empty). Never rejects: a failure is logged.
   */
  checkpoint(options: { log?: "always" | "due" } = {}): Promise<AuditCheckpoint | null> {
    const next = this.running.then(() => this.take(options.log ?? "due"));
    this.running = next;
    return next.catch((error: unknown) => {
      this.options.log.error({ err: error }, "审计检查点写入失败 / audit checkpoint failed");
      return null;
    });
  }

  private async take(log: "always" | "due"): Promise<AuditCheckpoint | null> {
    const { key, path } = this.options;
    const head = (await this.query("select seq, mac from audit_head where id = 1")).rows[0];
    if (!head || Number(head.seq) === 0) return null;
    const seq = Number(head.seq);
    const mac = String(head.mac);
    let current = this.written;
    if (!current || current.seq !== seq || current.mac !== mac) {
      let existing: AuditCheckpoint | null;
      try {
        existing = await readCheckpoint(path);
      } catch (error) {
        if (!(error instanceof CheckpointUnreadable)) throw error;
        this.anomaly(`checkpoint file ${path} is unreadable (${error.message}); it is kept, not replaced`);
        return null;
      }
      if (existing && !checkpointSignatureValid(key, existing)) {
        this.anomaly(`checkpoint file ${path} is not signed with this audit key; it is kept, not replaced`);
        return null;
      }
      if (existing) {
        const at = (await this.query("select mac from audit_log where seq = $1", [existing.seq])).rows[0];
        if (!at || String(at.mac) !== existing.mac) {
          this.anomaly(
            `the audit chain no longer reaches the checkpoint #${existing.seq} of ${existing.at} (${at ? "that entry differs" : "that entry is gone"}): ` +
              `the tail was deleted or rewritten, or the database restored from an older backup; the checkpoint is kept as evidence — run npm run audit:verify`,
          );
          return null;
        }
      }
      if (existing && existing.seq >= seq) {
        current = existing; // another server on the same database got further
      } else {
        current = signCheckpoint(key, { seq, mac, at: this.options.clock.now() });
        await writeCheckpoint(path, current);
      }
      this.written = current;
    }
    const now = Date.now();
    if (log === "always" || (current.seq !== this.loggedSeq && now - this.loggedAt >= this.logEveryMs)) {
      this.options.log.info({ auditCheckpoint: current }, "audit checkpoint");
      this.loggedAt = now;
      this.loggedSeq = current.seq;
    }
    return current;
  }

  private anomaly(message: string) {
    if (this.reported.has(message)) return;
    this.reported.add(message);
    this.options.log.error({ auditCheckpointPath: this.options.path }, `审计检查点异常 / audit checkpoint: ${message}`);
  }
}

/**
 * The checkpointer of one server: starts when the app is ready, takes its last checkpoint when the app closes (before
 * the database closes). Writes to `checkpointPath(config.dataDir)` and to the app's log.
 */
export function registerAuditCheckpoints(
  app: FastifyInstance,
  deps: { database: Database; clock: Clock; keys: { audit: Buffer }; config: { dataDir: string } },
): AuditCheckpointer {
  const checkpointer = new AuditCheckpointer({
    database: deps.database,
    key: deps.keys.audit,
    clock: deps.clock,
    path: checkpointPath(deps.config.dataDir),
    log: app.log,
  });
  app.addHook("onReady", () => checkpointer.start());
  app.addHook("onClose", () => checkpointer.stop());
  return checkpointer;
}
