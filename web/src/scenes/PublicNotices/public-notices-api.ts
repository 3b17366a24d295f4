import type { z } from "zod";
import type {
  ObjectionReceipt,
  PublicNotice,
  PublicObjectionInput,
  publicNoticeList,
} from "../../../../contracts/public-notices";
import { http } from "../../api/client";

export type { ObjectionReceipt, PublicNotice };
export type PublicNoticeCandidate = PublicNotice["candidates"][number];

const enc = encodeURIComponent;

/** The public 公示 (no sign-in) and its online objection form. */
export const publicNoticesApi = {
  list: () => http.get<z.infer<typeof publicNoticeList>>("/api/public/notices"),
  object: (noticeId: string, input: PublicObjectionInput) =>
    http.post<ObjectionReceipt>(`/api/public/notices/${enc(noticeId)}/objections`, input),
};
