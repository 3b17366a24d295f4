import { auditPage, auditQuery, chainVerdictSchema } from "../../../contracts/audit";
import { errorResponses } from "../../../contracts/errors";
import { authorize } from "../../access/scope";
import { readCheckpointForVerify, searchAudit, verifyAuditChain } from "../../audit/audit-log";
import { actorWords, auditSentences } from "../../audit/audit-presenter";
import { checkpointPath } from "../../audit/checkpoint";
import { registerAuditCheckpoints } from "../../audit/checkpointer";
import { callerOf } from "../../http/request-context";
import type { RouteDeps, TypedApp } from "../types";

const tags = ["audit"];

export async function auditRoutes(app: TypedApp, deps: RouteDeps) {
  const db = deps.database.db;
  // The signed checkpoint of the chain's head, outside the database (docs/adr/0007-audit-trail.md).
  registerAuditCheckpoints(app, deps);

  app.get(
    "/api/audit",
    {
      config: { ability: "audit.read" },
      schema: {
        tags,
        summary: "审计日志检索 / search the audit log (auditor)",
        querystring: auditQuery,
        response: { 200: auditPage, ...errorResponses },
      },
    },
    async (request) => {
      await authorize(db, callerOf(request), "audit.read");
      const { items, total } = await searchAudit(db, request.query);
      const sentences = await auditSentences(db, items);
      return {
        total,
        items: items.map((row, index) => ({
          seq: row.seq,
          at: row.at.toISOString(),
          actorId: row.actorId,
          actorName: row.actorName,
          actorZh: actorWords(row.actorName).zh,
          actorEn: actorWords(row.actorName).en,
          actorRole: row.actorRole,
          action: row.action,
          targetType: row.targetType,
          targetId: row.targetId,
          changes: row.changes ?? null,
          ip: row.ip,
          outcome: row.outcome,
          reason: row.reason,
          sentenceZh: sentences[index]!.zh,
          sentenceEn: sentences[index]!.en,
        })),
      };
    },
  );

  app.get(
    "/api/audit/verify",
    {
      config: { ability: "audit.verify" },
      schema: {
        tags,
        summary: "校验审计链 / verify the audit chain (auditor)",
        response: { 200: chainVerdictSchema, ...errorResponses },
      },
    },
    async (request) => {
      await authorize(db, callerOf(request), "audit.verify");
      // The checkpoint is read first: it is then never newer than the entries the check reads.
      const checkpoint = await readCheckpointForVerify(checkpointPath(deps.config.dataDir));
      return verifyAuditChain(db, deps.keys.audit, { checkpoint });
    },
  );
}
