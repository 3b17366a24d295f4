import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { hubeiCountyDivisions, hubeiDivisions, prefectureOf } from "../../policy/reference/divisions";
import type { PiiCipher } from "../crypto/sm";
import type { Tx } from "../db/client";
import { createScratchTable, insertJsonRows } from "./json-rows";
import type { VolumeContext } from "./volume-context";
import { cityOf, identityNumber, personName, phoneNumber, unitKindOf, unitName, unitUscc } from "./volume-names";

/** One generated host unit and its director, as the later fillers join them (by `k`, 0 … count − 1). */
export const volumeUnitColumns = {
  k: "int",
  id: "text",
  name: "text",
  type: "text",
  uscc: "text",
  division_code: "text",
  prefecture_code: "text",
  recommender_id: "text",
  address: "text",
  legal_representative: "text",
  contact_name: "text",
  contact_phone: "text",
  director_id: "text",
  director_name: "text",
  director_title: "text",
  director_phone: "text",
  director_phone_index: "text",
  director_id_number: "text",
  director_id_number_index: "text",
  created_at: "timestamptz",
};

export interface VolumeUnit {
  id: string;
  name: string;
  prefectureCode: string;
}

/** The county-level divisions a unit under each prefecture is registered in (the prefecture itself for 4290xx). */
function countiesOf(prefecture: string): string[] {
  const counties = hubeiCountyDivisions
    .filter((county) => prefectureOf(county.code)?.code === prefecture)
    .map((county) => county.code);
  return counties.length ? counties : [prefecture];
}

const day = 86_400_000;

/**
 * Host units (confirmed, valid credit codes, spread over the recommenders by their share) and one director each,
 * a person of the unit with phone and identity number encrypted under PII_KEY as the people repository writes them.
 * Leaves them in `volume_units` for the applications and bases.
 */
export async function fillUnits(tx: Tx, context: VolumeContext, pii: PiiCipher, count: number): Promise<VolumeUnit[]> {
  await createScratchTable(tx, "volume_units", { ...volumeUnitColumns, k: "int primary key" });
  const slots = context.recommenderSlots;
  const cities = new Map(hubeiDivisions.map((division) => [division.code as string, cityOf(division.nameZh)]));
  const registeredFrom = Date.UTC(context.year - 8, 0, 1);
  const rows = Array.from({ length: count }, (_, k) => {
    const n = context.counters.units + k + 1;
    const person = context.counters.people + k + 1;
    const recommender = slots[k % slots.length]!;
    const counties = countiesOf(recommender.divisionCode);
    const division = counties[Math.floor(k / slots.length) % counties.length]!;
    const kind = unitKindOf(n);
    const name = unitName(n, cities.get(recommender.divisionCode) ?? "湖北", kind);
    const phone = phoneNumber(person);
    const idNumber = identityNumber(person, division);
    return {
      k,
      id: randomUUID(),
      name,
      type: kind.type,
      uscc: unitUscc(n, division, kind),
      division_code: division,
      prefecture_code: recommender.divisionCode,
      recommender_id: recommender.id,
      address: `湖北省${cities.get(recommender.divisionCode) ?? ""}科技大道${(n % 900) + 1}号`,
      legal_representative: personName(n * 7 + 3),
      contact_name: personName(n * 11 + 5),
      contact_phone: pii.encrypt(phone).toString("hex"),
      director_id: randomUUID(),
      director_name: personName(person),
      // Art. 12.2: joint-research bases need a 正高级 director; most have one.
      director_title: person % 5 === 0 ? "associate-senior" : "senior",
      director_phone: pii.encrypt(phone).toString("hex"),
      director_phone_index: pii.blindIndex(phone),
      director_id_number: pii.encrypt(idNumber).toString("hex"),
      director_id_number_index: pii.blindIndex(idNumber),
      created_at: new Date(registeredFrom + ((k * 7919) % (3 * 365)) * day).toISOString(),
    };
  });
  await insertJsonRows(tx, "volume_units", volumeUnitColumns, rows);
  await tx.execute(sql`analyze volume_units`); // temporary tables get no statistics otherwise
  await tx.execute(sql`
    insert into units (id, name, uscc, uscc_check, type, division_code, address, direct_recommending, recommender_id,
      status, legal_representative, contact_name, contact_phone, version, created_at)
    select id, name, uscc, 'valid', type, division_code, address, false, recommender_id,
      'confirmed', legal_representative, contact_name, decode(contact_phone, 'hex'), 1, created_at
    from volume_units`);
  await tx.execute(sql`
    insert into people (id, name, title, unit_id, employer_name, phone, phone_index, id_number, id_number_index,
      version, created_at)
    select director_id, director_name, director_title, id, name, decode(director_phone, 'hex'), director_phone_index,
      decode(director_id_number, 'hex'), director_id_number_index, 1, created_at
    from volume_units`);
  context.counters.units += count;
  context.counters.people += count;
  return rows.map((row) => ({ id: row.id, name: row.name, prefectureCode: row.prefecture_code }));
}
