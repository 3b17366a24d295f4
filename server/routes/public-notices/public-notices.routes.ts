import type { FastifyRequest } from "fastify";
import { idParams } from "../../../contracts/common";
import { errorResponses } from "../../../contracts/errors";
import { objectionReceipt, publicNoticeList, publicObjectionInput } from "../../../contracts/public-notices";
import { chinaDate } from "../../clock";
import { listPublicNotices, loadObjectionReceipt } from "../../decision/notices.repository";
import { receiveOnlineObjection } from "../../decision/receive-objection";
import { anonymousWriteLimits } from "../../http/anonymous-write-limits";
import { apiError } from "../../http/errors";
import { publicRead } from "../../http/public-reads";
import { actorOf } from "../../http/request-context";
import { fieldErrors } from "../../http/validation";
import type { RouteDeps, TypedApp } from "../types";

const tags = ["public"];

/**
 * Checked before the usual validation: a refused form is the objection's refusal (422, Art. 14.3: anonymous,
 * contact-less or fact-less objections are not accepted), naming every field at fault, not a generic 400.
 */
async function refuseUnacceptable(request: FastifyRequest) {
  const errors = fieldErrors(publicObjectionInput, request.body);
  if (!errors) return;
  const first = errors[0];
  throw apiError(
    422,
    "objection-not-accepted",
    `异议未能受理：${first?.messageZh ?? "请检查填写内容"}（不受理匿名或无事实依据的异议）`,
    `Objection not accepted: ${first?.messageEn ?? "check the form"} (anonymous or fact-less objections are refused)`,
    errors,
  );
}

/**
 * The running 公示 for everyone (Art. 14.3; SPEC §5.1 step 9): no sign-in, rate-limited per IP like the other
 * public routes; objections lodged here land in the officers' list exactly like the ones entered from paper.
 */
export async function publicNoticeRoutes(app: TypedApp, deps: RouteDeps) {
  const db = deps.database.db;

  app.get(
    "/api/public/notices",
    {
      config: publicRead,
      schema: {
        tags,
        summary: "正在公示及近期结束的公示（公开）/ running and recently ended public notices",
        response: { 200: publicNoticeList, ...errorResponses },
      },
    },
    async () => {
      const today = chinaDate(deps.clock.now());
      return { today, items: await listPublicNotices(db, today) };
    },
  );

  app.post(
    "/api/public/notices/:id/objections",
    {
      // No session, hence no CSRF token to compare; a tight per-IP limit instead.
      config: { public: true, csrf: false, rateLimit: anonymousWriteLimits.objections },
      preValidation: refuseUnacceptable,
      schema: {
        tags,
        summary: "网上提出异议（实名、联系方式、事实；单位须盖章）/ lodge an objection online",
        params: idParams,
        body: publicObjectionInput,
        response: { 201: objectionReceipt, ...errorResponses },
      },
    },
    async (request, reply) => {
      // A visitor has no account: the audit names the channel (a signed-in visitor stays who they are).
      const actor = request.caller ? actorOf(request) : { ...actorOf(request), name: "公众（网上异议）" };
      const id = await receiveOnlineObjection(deps, actor, { ...request.body, noticeId: request.params.id });
      return reply.code(201).send((await loadObjectionReceipt(db, id))!);
    },
  );
}
