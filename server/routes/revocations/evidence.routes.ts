import type { FileStore } from "../../storage/files";
import { evidenceRoutes } from "../annual-reports/evidence.routes";
import type { RouteDeps, TypedApp } from "../types";

/**
 * 取消资格事项的证明材料 (Art. 20): /api/revocations/:id/files. Every reader of the case passes the route; who may add
 * (the department while proposed, the unit to its own request) is decided per case.
 */
export async function revocationEvidenceRoutes(app: TypedApp, deps: RouteDeps, store: FileStore) {
  await evidenceRoutes(app, deps, store, {
    subject: "revocation-case",
    prefix: "/api/revocations",
    read: "revocation.read",
    submit: "revocation.read",
    tags: ["revocations"],
    nameZh: "取消资格事项",
    nameEn: "revocation case",
  });
}
