import { api, type Body, type Schema } from "../../api/client";

export type ObjectionReceipt = Schema<"ObjectionReceipt">;
export type PublicNotice = Schema<"PublicNotice">;
export type PublicObjectionInput = Body<"/api/public/notices/{id}/objections", "post">;
export type PublicNoticeCandidate = PublicNotice["candidates"][number];

/** The public 公示 (no sign-in) and its online objection form. */
export const publicNoticesApi = {
  list: () => api.get("/api/public/notices"),
  object: (noticeId: string, input: PublicObjectionInput) =>
    api.post("/api/public/notices/{id}/objections", { path: { id: noticeId }, body: input }),
};
