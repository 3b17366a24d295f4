import { api, type Query, type Schema } from "../../api/client";

export type PublicBase = Schema<"PublicBase">;
export type PublicBasePage = Schema<"PublicBasePage">;
export type Facets = Schema<"PublicBaseFacets">;
export type RegistryQuery = Query<"/api/public/bases">;

/** The public registry (no sign-in): GET /api/public/bases and a profile per base. */
export const registryApi = {
  list: (query: RegistryQuery) => api.get("/api/public/bases", { query }),
  facets: () => api.get("/api/public/bases/facets"),
  get: (id: string) => api.get("/api/public/bases/{id}", { path: { id } }),
};
