import { join } from "node:path";
import { FileStore } from "../storage/files";
import { accountRoutes } from "./accounts/accounts.routes";
import { auditRoutes } from "./audit/audit.routes";
import { authRoutes } from "./auth/auth.routes";
import { dashboardRoutes } from "./dashboard/dashboard.routes";
import { demoRoutes } from "./demo/demo.routes";
import { healthRoutes } from "./health/health.routes";
import { notificationRoutes } from "./notifications/notifications.routes";
import { peopleRoutes } from "./people/people.routes";
import { policyRoutes } from "./policy/policy.routes";
import { publicRoutes } from "./public/public.routes";
import { recommenderRoutes } from "./recommenders/recommenders.routes";
import { referenceRoutes } from "./reference/reference.routes";
import type { RouteDeps, TypedApp } from "./types";
import { unitRoutes } from "./units/units.routes";

export async function registerRoutes(app: TypedApp, deps: RouteDeps) {
  const store = new FileStore(join(deps.config.dataDir, "files"));
  await healthRoutes(app, deps);
  await authRoutes(app, deps);
  await demoRoutes(app, deps);
  await publicRoutes(app, deps, store);
  await recommenderRoutes(app, deps);
  await referenceRoutes(app, deps);
  await unitRoutes(app, deps);
  await peopleRoutes(app, deps);
  await accountRoutes(app, deps);
  await auditRoutes(app, deps);
  await notificationRoutes(app, deps);
  await dashboardRoutes(app, deps);
  await policyRoutes(app, deps);
}
