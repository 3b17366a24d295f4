import { readFileSync } from "node:fs";
import { join } from "node:path";

/**
 * The page routes of the SPA, read from web/src/routes/router.tsx itself so a page added there is visited without
 * editing the specs: public pages (`path: "/…"`), pages of the shell guarded by a menu section
 * (`guarded("<section>", "<path>", …)`), and the shell's unguarded pages (`index: true`, `path: "<relative>"`).
 */
export interface PageRoute {
  /** "/applications/:id"; an optional segment (`:code?`) is dropped. */
  path: string;
  /** The menu section that guards it; undefined for a shell page every signed-in user opens. */
  section?: string;
  public: boolean;
}

const routerFile = join(import.meta.dirname, "..", "web", "src", "routes", "router.tsx");

export function pageRoutes(source = readFileSync(routerFile, "utf8")): PageRoute[] {
  const routes: PageRoute[] = [];
  const clean = (path: string) => path.replace(/\/:[A-Za-z]+\?$/, "") || "/";
  for (const match of source.matchAll(/guarded\(\s*"([^"]+)",\s*"([^"]+)"/g))
    routes.push({ path: clean(`/${match[2]}`), section: match[1]!, public: false });
  for (const match of source.matchAll(/\bpath:\s*"([^"]+)"/g)) {
    const path = match[1]!;
    if (path === "*") continue;
    if (path.startsWith("/")) routes.push({ path: clean(path), public: true });
    else routes.push({ path: clean(`/${path}`), public: false });
  }
  if (/\bindex:\s*true/.test(source)) routes.push({ path: "/", public: false });
  return routes;
}

/** A route's pattern as a regular expression over a pathname ("/bases/:id" matches "/bases/3f…"). */
export function routePattern(path: string): RegExp {
  const escaped = path
    .split("/")
    .map((segment) => (segment.startsWith(":") ? "[^/?#]+" : segment.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")))
    .join("/");
  return new RegExp(`^${escaped}$`);
}

export const hasParameter = (route: PageRoute) => route.path.includes("/:");
