import { sql } from "drizzle-orm";
import type { BaseState } from "../../policy/lifecycles/base.transitions";
import type { Tx } from "../db/client";
import { kindsOf } from "./fill-applications";
import { volumeCallYears } from "./fill-calls";
import type { VolumeContext } from "./volume-context";

/** Out of 100 bases, and the days from recognition to the change (Art. 20–24: most bases simply run). */
const statusPlans: Array<{ status: BaseState; share: number; days: number }> = [
  { status: "active", share: 85, days: 0 },
  { status: "rectifying", share: 6, days: 400 },
  { status: "revocation-proposed", share: 2, days: 500 },
  { status: "revoked", share: 4, days: 600 },
  { status: "exited", share: 3, days: 700 },
];
const statusSlots = statusPlans.flatMap(({ status, share, days }) =>
  Array.from({ length: share }, () => ({ status, days })),
);

/**
 * Bases, one per generated unit b < count. A unit whose recognized application was generated holds the base that
 * application became (recognized here in December of its call's year, 2025 measures); the others were imported from
 * the registry of earlier years (2022 or 2016 measures). Countries are cloned from the demo's bases.
 */
export async function fillBases(tx: Tx, context: VolumeContext, count: number): Promise<void> {
  if (count === 0) return;
  const kinds = kindsOf(context.fields);
  await tx.execute(sql`
    with kinds as (
      select (ord - 1)::int as k, x->>'type' as type, x->>'field' as field, x->>'name' as name
      from jsonb_array_elements(${JSON.stringify(kinds)}::jsonb) with ordinality as y(x, ord)
    ), countries as (
      select (ord - 1)::int as n, x as countries
      from jsonb_array_elements(${JSON.stringify(context.countries)}::jsonb) with ordinality as y(x, ord)
    ), statuses as (
      select (ord - 1)::int as s, x->>'status' as status, (x->>'days')::int as days
      from jsonb_array_elements(${JSON.stringify(statusSlots)}::jsonb) with ordinality as y(x, ord)
    ), planned as (
      select g.b, u.id as unit_id, u.recommender_id, u.director_id, u.director_name, a.id as application_id,
        coalesce(a.standard_name, kd.name) as name, coalesce(a.type, kd.type) as type,
        coalesce(a.field, kd.field) as field, ct.countries, st.status, st.days,
        case when a.id is null then ${context.year}::int - 2 - g.b % 8 else c.year end as year
      from generate_series(0, ${count}::int - 1) as g(b)
      join volume_units u on u.k = g.b
      left join volume_calls c on c.c = g.b % ${volumeCallYears}::int
      left join applications a on a.unit_id = u.id and a.call_id = c.id and a.state = 'recognized'
      join kinds kd on kd.k = abs(hashtext(g.b::text || 'base')) % ${kinds.length}::int
      join countries ct on ct.n = g.b % ${context.countries.length}::int
      join statuses st on st.s = abs(hashtext(g.b::text || 'status')) % 100
    ), dated as (
      select p.*,
        case when p.application_id is null
          then make_date(p.year, 1 + p.b % 12, 1 + p.b % 28) else make_date(p.year, 12, 10 + p.b % 15) end as recognized,
        case when p.application_id is not null then '2025' when p.year >= 2022 then '2022' else '2016' end as edition
      from planned p
    )
    insert into bases (id, standard_name, unit_id, recommender_id, application_id, type, field, is_key, is_offshore,
      director_person_id, director_name, countries, recognized_on, document_number, origin, edition, status,
      status_changed_on, version, created_at)
    select gen_random_uuid()::text, d.name, d.unit_id, d.recommender_id, d.application_id, d.type, d.field, false,
      false, d.director_id, d.director_name, d.countries, to_char(d.recognized, 'YYYY-MM-DD'),
      case when d.edition = '2016' then '鄂科技发外〔' else '鄂科技函〔' end || d.year || '〕' || (1 + d.b % 30) || '号',
      case when d.edition = '2025' then 'provincial-2025' else 'provincial-' || d.edition end,
      d.edition, d.status,
      to_char(least(d.recognized + d.days, ${context.today}::date), 'YYYY-MM-DD'), 1,
      d.recognized::timestamp at time zone 'Asia/Shanghai'
    from dated d`);
}
