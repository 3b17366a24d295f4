import { z } from "zod";
import * as accounts from "../../contracts/accounts";
import * as achievements from "../../contracts/achievements";
import * as alliances from "../../contracts/alliances";
import * as announcements from "../../contracts/announcements";
import * as annualReport from "../../contracts/annual-report";
import * as applicationRead from "../../contracts/application-read";
import * as assistant from "../../contracts/assistant";
import * as assistantSelfCheck from "../../contracts/assistant-self-check";
import * as audit from "../../contracts/audit";
import * as auditActions from "../../contracts/audit-actions";
import * as auth from "../../contracts/auth";
import * as baseTimeline from "../../contracts/base-timeline";
import * as bases from "../../contracts/bases";
import * as bilingual from "../../contracts/bilingual";
import * as changeReports from "../../contracts/change-reports";
import * as common from "../../contracts/common";
import * as deadlines from "../../contracts/deadlines";
import * as decision from "../../contracts/decision";
import * as dossiers from "../../contracts/dossiers";
import * as errors from "../../contracts/errors";
import * as evaluation from "../../contracts/evaluation";
import * as evaluator from "../../contracts/evaluator";
import * as evidence from "../../contracts/evidence";
import * as feed from "../../contracts/feed";
import * as home from "../../contracts/home";
import * as listExports from "../../contracts/list-exports";
import * as lists from "../../contracts/lists";
import * as nationalPlatforms from "../../contracts/national-platforms";
import * as organisations from "../../contracts/organisations";
import * as outbox from "../../contracts/outbox";
import * as publicNotices from "../../contracts/public-notices";
import * as publicRegistry from "../../contracts/public-registry";
import * as recognition from "../../contracts/recognition";
import * as rectification from "../../contracts/rectification";
import * as reference from "../../contracts/reference";
import * as registry from "../../contracts/registry";
import * as review from "../../contracts/review";
import * as revocations from "../../contracts/revocations";
import * as securityPolicy from "../../contracts/security-policy";
import * as serviceAccounts from "../../contracts/service-accounts";
import * as statistics from "../../contracts/statistics";
import * as verification from "../../contracts/verification";

/**
 * Every module of contracts/, by its file name in camelCase (the document test checks none is missing). Each exported
 * zod schema becomes a named component of the OpenAPI document.
 */
export const contractModules: Record<string, Record<string, unknown>> = {
  accounts,
  achievements,
  alliances,
  announcements,
  annualReport,
  applicationRead,
  assistant,
  assistantSelfCheck,
  audit,
  auditActions,
  auth,
  baseTimeline,
  bases,
  bilingual,
  changeReports,
  common,
  deadlines,
  decision,
  dossiers,
  errors,
  evaluation,
  evaluator,
  evidence,
  feed,
  home,
  listExports,
  lists,
  nationalPlatforms,
  organisations,
  outbox,
  publicNotices,
  publicRegistry,
  recognition,
  rectification,
  reference,
  registry,
  review,
  revocations,
  securityPolicy,
  serviceAccounts,
  statistics,
  verification,
};

const pascal = (name: string) => name.charAt(0).toUpperCase() + name.slice(1);

/**
 * The component name of an exported schema: its export name in PascalCase without a trailing `Schema`
 * (`publicBaseSchema` → `PublicBase`). fastify-type-provider-zod names the request-side variant of a component
 * `<id>Input`, so an export that is itself called `…Input` (a request body) is named `…Body`: `unitInput` → `UnitBody`,
 * never the same name as the request-side variant of `unit`. Two modules exporting the same name are both
 * qualified by their module (`review.importReport` → `ReviewImportReport`).
 */
export function componentNames(modules: Record<string, Record<string, unknown>>): Map<z.ZodType, string> {
  const candidates: Array<{ schema: z.ZodType; module: string; name: string }> = [];
  const seen = new Set<z.ZodType>();
  for (const [module, exports] of Object.entries(modules)) {
    for (const [exportName, value] of Object.entries(exports)) {
      if (!(value instanceof z.ZodType) || seen.has(value)) continue;
      seen.add(value);
      const name = pascal(exportName)
        .replace(/Schema$/, "")
        .replace(/Input$/, "Body");
      candidates.push({ schema: value, module, name });
    }
  }
  const count = new Map<string, number>();
  for (const { name } of candidates) count.set(name, (count.get(name) ?? 0) + 1);
  return new Map(
    candidates.map(({ schema, module, name }) => [schema, count.get(name)! > 1 ? `${pascal(module)}${name}` : name]),
  );
}

/**
 * Names the contracts' schemas in zod's global registry, the registry fastify-type-provider-zod reads: a route
 * schema that uses a named schema refers to `#/components/schemas/<name>`, and `jsonSchemaTransformObject` emits
 * the component. A schema that already carries an id (`.meta({ id })`, e.g. a recursive one) keeps it; the metadata
 * a schema already has (its description) is kept. Runs once per process.
 */
export function registerContractSchemas(): void {
  if (registered) return;
  registered = true;
  for (const [schema, id] of componentNames(contractModules)) {
    const meta = z.globalRegistry.get(schema);
    if (meta?.id) continue;
    z.globalRegistry.add(schema, { ...meta, id });
  }
}
let registered = false;
