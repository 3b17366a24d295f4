import type { FileStore } from "../../storage/files";
import { evidenceRoutes } from "../annual-reports/evidence.routes";
import type { RouteDeps, TypedApp } from "../types";

/** 整改方案和整改报告的佐证材料 (Art. 24): /api/rectifications/:id/files. */
export async function rectificationEvidenceRoutes(app: TypedApp, deps: RouteDeps, store: FileStore) {
  await evidenceRoutes(app, deps, store, {
    subject: "rectification",
    prefix: "/api/rectifications",
    read: "rectification.read",
    submit: "rectification.submit",
    tags: ["rectifications"],
    nameZh: "整改事项",
    nameEn: "rectification case",
  });
}
