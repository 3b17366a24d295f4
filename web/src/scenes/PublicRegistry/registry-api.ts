import type { z } from "zod";
import type { publicBaseFacets, publicBasePage, publicBaseSchema } from "../../../../contracts/public-registry";
import { http } from "../../api/client";

export type PublicBase = z.infer<typeof publicBaseSchema>;
export type PublicBasePage = z.infer<typeof publicBasePage>;
export type Facets = z.infer<typeof publicBaseFacets>;
export interface RegistryQuery {
  q?: string;
  type?: string;
  field?: string;
  division?: string;
  country?: string;
  year?: string;
  sort?: string;
  order?: string;
  page?: number;
  pageSize?: number;
}

/** The public registry (no sign-in): GET /api/public/bases and a profile per base. */
export const registryApi = {
  list: (query: RegistryQuery) => http.get<PublicBasePage>("/api/public/bases", { ...query }),
  facets: () => http.get<Facets>("/api/public/bases/facets"),
  get: (id: string) => http.get<PublicBase>(`/api/public/bases/${encodeURIComponent(id)}`),
};
