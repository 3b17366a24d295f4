import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import type { PiiCipher } from "../crypto/sm";
import type { Tx } from "../db/client";
import type { VolumeUnit } from "./fill-units";
import { createScratchTable, insertJsonRows } from "./json-rows";
import type { VolumeContext } from "./volume-context";
import { identityNumber, personName, phoneNumber } from "./volume-names";

const expertColumns = {
  id: "text",
  person_id: "text",
  name: "text",
  title: "text",
  unit_id: "text",
  unit_name: "text",
  division_code: "text",
  fields: "jsonb",
  status: "text",
  phone: "text",
  phone_index: "text",
  id_number: "text",
  id_number_index: "text",
  created_at: "timestamptz",
};

/** Where experts from outside the generated units work: Hubei's universities, with their prefecture. */
const universities = [
  ["武汉大学", "420100"],
  ["华中科技大学", "420100"],
  ["武汉理工大学", "420100"],
  ["华中师范大学", "420100"],
  ["华中农业大学", "420100"],
  ["中国地质大学（武汉）", "420100"],
  ["湖北大学", "420100"],
  ["三峡大学", "420500"],
  ["长江大学", "421000"],
  ["湖北工业大学", "420100"],
] as const;

/** Out of 20 experts: most active, a few suspended or retired. */
const statusOf = (j: number) => (j % 20 === 7 ? "suspended" : j % 20 === 13 ? "retired" : "active");

/**
 * The expert pool: each expert a person (not attached to a unit's people, as create-expert.ts keeps them) with
 * phone and identity number encrypted, one to three fields, and two in three working at a generated unit (the
 * same-unit rule of the draw compares by that unit).
 */
export async function fillExperts(
  tx: Tx,
  context: VolumeContext,
  pii: PiiCipher,
  units: readonly VolumeUnit[],
  count: number,
): Promise<void> {
  if (count === 0) return;
  await createScratchTable(tx, "volume_experts", expertColumns);
  const fields = context.fields;
  const registeredFrom = Date.UTC(context.year - 6, 0, 1);
  const rows = Array.from({ length: count }, (_, j) => {
    const person = context.counters.people + j + 1;
    const unit = units.length && j % 3 !== 0 ? units[(j * 7) % units.length]! : null;
    const [university, universityDivision] = universities[j % universities.length]!;
    const division = unit?.prefectureCode ?? universityDivision;
    const phone = phoneNumber(person);
    const idNumber = identityNumber(person, division);
    const wanted = [fields[j % fields.length]!, fields[(j + 1) % fields.length]!, fields[(j + 4) % fields.length]!];
    return {
      id: randomUUID(),
      person_id: randomUUID(),
      name: personName(person),
      title: j % 10 < 7 ? "senior" : "associate-senior",
      unit_id: unit?.id ?? null,
      unit_name: unit?.name ?? university,
      division_code: division,
      fields: [...new Set(wanted.slice(0, 1 + (j % 3)))],
      status: statusOf(j),
      phone: pii.encrypt(phone).toString("hex"),
      phone_index: pii.blindIndex(phone),
      id_number: pii.encrypt(idNumber).toString("hex"),
      id_number_index: pii.blindIndex(idNumber),
      created_at: new Date(registeredFrom + ((j * 7919) % (5 * 365)) * 86_400_000).toISOString(),
    };
  });
  await insertJsonRows(tx, "volume_experts", expertColumns, rows);
  await tx.execute(sql`
    insert into people (id, name, title, unit_id, employer_name, phone, phone_index, id_number, id_number_index,
      version, created_at)
    select person_id, name, title, null, unit_name, decode(phone, 'hex'), phone_index, decode(id_number, 'hex'),
      id_number_index, 1, created_at
    from volume_experts`);
  await tx.execute(sql`
    insert into experts (id, person_id, account_id, fields, title, unit_id, unit_name, division_code, status, note,
      version, created_at)
    select id, person_id, null, fields, title, unit_id, unit_name, division_code, status, '容量数据', 1, created_at
    from volume_experts`);
  context.counters.people += count;
}
