import { asc } from "drizzle-orm";
import { type ResolvedScope, recommenderRows } from "../access/scope";
import type { Executor } from "./client";
import { recommenders } from "./schema";

const columns = {
  id: recommenders.id,
  code: recommenders.code,
  nameZh: recommenders.nameZh,
  nameEn: recommenders.nameEn,
  kind: recommenders.kind,
  divisionCode: recommenders.divisionCode,
  parentId: recommenders.parentId,
};

/** The whole recommender tree by code: it is public, since a registering unit must choose its recommender. */
export function listAllRecommenders(executor: Executor) {
  return executor.select(columns).from(recommenders).orderBy(asc(recommenders.code));
}

/** The recommenders a scope reaches (a recommender's own sub-tree), by code. */
export function listRecommenders(executor: Executor, scope: ResolvedScope) {
  return executor
    .select(columns)
    .from(recommenders)
    .where(recommenderRows(scope, recommenders.id))
    .orderBy(asc(recommenders.code));
}
