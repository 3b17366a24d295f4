import type { Caller } from "../../access/caller";
import { authorize } from "../../access/scope";
import type { Executor } from "../../db/client";
import { errors } from "../../http/errors";
import { loadApplication } from "../../recognition/applications.repository";

/** Loads one application through the caller's read scope: another jurisdiction's is a 404, not a 403. */
export async function loadScopedApplication(executor: Executor, caller: Caller, id: string) {
  const scope = await authorize(executor, caller, "application.read");
  const row = await loadApplication(executor, scope, id);
  if (!row) throw errors.notFound("Application", "申报");
  return row;
}
