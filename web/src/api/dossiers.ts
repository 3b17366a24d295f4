const enc = encodeURIComponent;

/** 一键档案 (SPEC §6): a zip per application and per base; a plain link, the browser downloads it. */
export const dossiersApi = {
  applicationUrl: (id: string) => `/api/applications/${enc(id)}/dossier.zip`,
  baseUrl: (id: string) => `/api/bases/${enc(id)}/dossier.zip`,
};
