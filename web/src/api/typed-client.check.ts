// Compiled by `npm run typecheck`, never bundled (nothing imports it): proof that the client checks each call against
// the generated OpenAPI types. Every `@ts-expect-error` below is a call the document does not allow; if the types ever
// stopped checking (a path typed as string, a body as unknown), the directive would be unused and typecheck would fail.
// scripts/web-client-types.test.ts shows the other half: a route that changes fails the web's modules.
import { api, href } from "./client";

export async function typedClientChecks(id: string, file: File) {
  // Allowed: the documented path, its parameters and body as the document types them.
  const unit = await api.get("/api/units/{id}", { path: { id } });
  const status: string = unit.status;
  await api.get("/api/units", { query: { q: "武汉", page: 1, pageSize: 20 } });
  await api.post("/api/units/{id}/reject", { path: { id }, body: { reason: "材料不全" } });
  await api.upload("/api/applications/{id}/files", file, { path: { id }, fields: { slot: "agreement" } });

  // @ts-expect-error a route the document does not have
  await api.get("/api/unit/{id}", { path: { id } });
  // @ts-expect-error a route with no such method
  await api.delete("/api/units/{id}", { path: { id } });
  // @ts-expect-error the path parameter is missing
  await api.get("/api/units/{id}");
  // @ts-expect-error the path parameter under another name
  await api.get("/api/units/{id}", { path: { unitId: id } });
  // @ts-expect-error a query key the route does not take
  await api.get("/api/units", { query: { q: "武汉", search: "武汉" } });
  // @ts-expect-error a query value of the wrong type
  await api.get("/api/units", { query: { page: "first" } });
  // @ts-expect-error the body the route requires is missing
  await api.post("/api/units/{id}/reject", { path: { id } });
  // @ts-expect-error a body key the route does not take
  await api.post("/api/units/{id}/reject", { path: { id }, body: { reason: "材料不全", note: "" } });
  // @ts-expect-error a body on a route that takes none
  await api.post("/api/notifications/read-all", { body: {} });
  // @ts-expect-error a property the response does not have
  unit.statusLabel;
  // @ts-expect-error a download link to a route that is gone
  href("/api/units/{id}/dossier.zip", { path: { id } });
  // @ts-expect-error a download link without its parameters
  href("/api/bases/{id}/dossier.zip");
  return status;
}
