import { href } from "./client";

/** 一键档案 (SPEC §6): a zip per application and per base; a plain link, the browser downloads it. */
export const dossiersApi = {
  applicationUrl: (id: string) => href("/api/applications/{id}/dossier.zip", { path: { id } }),
  baseUrl: (id: string) => href("/api/bases/{id}/dossier.zip", { path: { id } }),
};
