import { sql } from "drizzle-orm";
import type { ApplicationState } from "../../policy/lifecycles/application.transitions";
import { standardName } from "../../policy/names";
import { baseTypeCodes } from "../../policy/reference/base-types";
import type { Tx } from "../db/client";
import { volumeCallYears } from "./fill-calls";
import type { VolumeContext } from "./volume-context";

interface StatePlan {
  state: ApplicationState;
  /** Out of 100 applications. */
  share: number;
  /** Days from submission to the last change. */
  days: number;
  /** On its recommender's ranked list (Art. 14.2): a priority is set. */
  ranked: boolean;
  reason: string | null;
}

/**
 * How the generated applications spread over the lifecycle: most past ones decided, some stopped at each stage.
 * `recognized` is not drawn: it is given to the one application of each base's unit that its base came from.
 */
const statePlans: StatePlan[] = [
  { state: "draft", share: 8, days: 0, ranked: false, reason: null },
  { state: "submitted", share: 8, days: 0, ranked: false, reason: null },
  { state: "returned", share: 5, days: 5, ranked: false, reason: "材料不齐全，请补充后重新提交。" },
  { state: "declined", share: 6, days: 10, ranked: false, reason: "不符合本年度推荐条件。" },
  { state: "withdrawn", share: 4, days: 3, ranked: false, reason: null },
  { state: "recommended", share: 6, days: 20, ranked: true, reason: null },
  { state: "correction-requested", share: 4, days: 30, ranked: true, reason: "推荐函缺少盖章页，请补正。" },
  { state: "formal-review-passed", share: 5, days: 40, ranked: true, reason: null },
  { state: "in-expert-review", share: 5, days: 60, ranked: true, reason: null },
  { state: "reviewed", share: 5, days: 75, ranked: true, reason: null },
  { state: "on-site-verification", share: 4, days: 90, ranked: true, reason: null },
  { state: "verified", share: 4, days: 100, ranked: true, reason: null },
  { state: "evaluated", share: 4, days: 110, ranked: true, reason: null },
  { state: "approved", share: 4, days: 120, ranked: true, reason: null },
  { state: "publicized", share: 4, days: 130, ranked: true, reason: null },
  { state: "rejected", share: 24, days: 80, ranked: true, reason: "专家评审未通过。" },
];
const recognized: Omit<StatePlan, "share"> = { state: "recognized", days: 150, ranked: true, reason: null };

/** 100 slots by share, then `recognized` at slot 100. */
const stateSlots = [
  ...statePlans.flatMap(({ share, ...plan }) => Array.from({ length: share }, () => plan)),
  recognized,
];

/** Every type and field the officers list, with its standard name (Art. 29). */
export function kindsOf(fields: readonly string[]): Array<{ type: string; field: string; name: string }> {
  return fields.flatMap((field) =>
    baseTypeCodes.flatMap((type) => {
      const name = standardName({ type, field });
      return name.ok ? [{ type, field, name: name.value }] : [];
    }),
  );
}

/**
 * Applications, each a demo application cloned onto a generated unit: unit k applies once to each volume call (so
 * one application per unit per call, Art. 7.5), its director named in the form, the type and field in the form and
 * the columns agreeing. Submitted ones carry their `submit` event. One statement: generate_series joined to the
 * units, calls, kinds and state plans; the priorities continue each recommender's list in its call. The templates'
 * JSON (some 9 kB a row) joins last, after the window that numbers the lists, so that sort stays small.
 */
export async function fillApplications(
  tx: Tx,
  context: VolumeContext,
  sizes: { applications: number; bases: number },
): Promise<void> {
  if (sizes.applications === 0) return;
  const kinds = kindsOf(context.fields);
  const calls = volumeCallYears;
  await tx.execute(sql`
    with templates as (
      select (t.ord - 1)::int as t, a.form, a.eligibility
      from jsonb_array_elements_text(${JSON.stringify(context.applicationTemplateIds)}::jsonb) with ordinality as t(id, ord)
      join applications a on a.id = t.id
    ), kinds as (
      select (ord - 1)::int as k, x->>'type' as type, x->>'field' as field, x->>'name' as name
      from jsonb_array_elements(${JSON.stringify(kinds)}::jsonb) with ordinality as y(x, ord)
    ), states as (
      select (ord - 1)::int as s, x->>'state' as state, (x->>'days')::int as days, (x->>'ranked')::boolean as ranked,
        x->>'reason' as reason
      from jsonb_array_elements(${JSON.stringify(stateSlots)}::jsonb) with ordinality as y(x, ord)
    ), planned as (
      select i, u.id as unit_id, u.director_id, u.director_name, u.director_title, c.id as call_id,
        st.state, st.ranked, st.reason, kd.type, kd.field, kd.name,
        i % ${context.applicationTemplateIds.length}::int as template,
        case when st.state in ('draft', 'submitted', 'returned', 'declined', 'withdrawn') then u.recommender_id
          else coalesce(r.parent_id, r.id) end as holder,
        c.opens_at + make_interval(days => (i * 13) % 40, hours => (i * 7) % 10) as created,
        st.days
      from generate_series(0, ${sizes.applications}::int - 1) as i
      join volume_units u on u.k = i / ${calls}::int
      join recommenders r on r.id = u.recommender_id
      join volume_calls c on c.c = i % ${calls}::int
      join kinds kd on kd.k = abs(hashtext(i::text || 'kind')) % ${kinds.length}::int
      join states st on st.s = case when u.k < ${sizes.bases}::int and u.k % ${calls}::int = i % ${calls}::int
        then 100 else abs(hashtext(i::text || 'state')) % 100 end
    ), timed as (
      select p.*,
        case when p.state = 'draft' then null else p.created + make_interval(days => p.i % 7, hours => 2) end
          as submitted,
        case when p.ranked then row_number() over (partition by p.call_id, p.holder, p.ranked order by p.i) end
          as place
      from planned p
    ), listed as (
      select call_id, recommender_id, max(priority) as last
      from applications where call_id in (select id from volume_calls) group by call_id, recommender_id
    ), inserted as (
      insert into applications (id, call_id, unit_id, recommender_id, state, type, field, is_key, is_offshore, region,
        standard_name, director_person_id, form, eligibility, priority, submitted_at, state_changed_at, last_reason,
        version, created_by, created_at, updated_at)
      select gen_random_uuid()::text, t.call_id, t.unit_id, t.holder, t.state, t.type, t.field, false, false, null,
        t.name, t.director_id,
        jsonb_set(
          jsonb_set(
            f.form || jsonb_build_object('director', coalesce(f.form->'director', '{}'::jsonb)
              || jsonb_build_object('name', t.director_name, 'personId', t.director_id, 'title', t.director_title)),
            '{application,type}', to_jsonb(t.type)),
          '{application,field}', to_jsonb(t.field)),
        f.eligibility,
        case when t.ranked then coalesce(l.last, 0) + t.place end,
        t.submitted,
        least(coalesce(t.submitted + make_interval(days => t.days), t.created), ${context.now.toISOString()}::timestamptz),
        t.reason, 1, null, t.created,
        least(coalesce(t.submitted + make_interval(days => t.days), t.created), ${context.now.toISOString()}::timestamptz)
      from timed t
      join templates f on f.t = t.template
      left join listed l on l.call_id = t.call_id and l.recommender_id = t.holder
      returning id, call_id, unit_id, submitted_at
    )
    insert into application_events (id, application_id, event, from_state, to_state, actor_id, actor_name,
      recommender_id, reason, data, edition, at)
    select gen_random_uuid()::text, a.id, 'submit', 'draft', 'submitted', null, u.name || ' 管理员', u.recommender_id,
      null, null, c.edition, a.submitted_at
    from inserted a
    join volume_units u on u.id = a.unit_id
    join calls c on c.id = a.call_id
    where a.submitted_at is not null`);
  // The bases then find each unit's recognized application by index, not by a scan per base chosen for want of
  // statistics on this many new rows.
  await tx.execute(sql`analyze applications`);
}
