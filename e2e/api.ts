import type { Page } from "playwright-core";

/** JSON calls as the signed-in account of `page`, with the CSRF token its cookie carries. */
export function api(page: Page) {
  const send = async <T>(method: string, path: string, data?: unknown): Promise<T> => {
    const csrf = (await page.context().cookies()).find((cookie) => cookie.name === "csrf")?.value ?? "";
    const response = await page.request.fetch(path, {
      method,
      data,
      headers: { "x-csrf-token": decodeURIComponent(csrf) },
    });
    if (!response.ok()) throw new Error(`${method} ${path} answered ${response.status()}: ${await response.text()}`);
    return (await response.json()) as T;
  };
  return {
    get: <T>(path: string) => send<T>("GET", path),
    post: <T>(path: string, data: unknown = {}) => send<T>("POST", path, data),
    put: <T>(path: string, data: unknown) => send<T>("PUT", path, data),
  };
}

export type Api = ReturnType<typeof api>;
