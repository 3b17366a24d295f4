import type { Database } from "../db/client";

/** Every table outside PostgreSQL's own schemas, as `schema.name`. */
async function userTables(database: Database): Promise<string[]> {
  const result = await database.executeSql(
    `select table_schema || '.' || table_name as name from information_schema.tables
      where table_type = 'BASE TABLE' and table_schema not in ('pg_catalog', 'information_schema')
      order by 1`,
  );
  return (result.rows as Array<{ name: string }>).map((row) => row.name);
}

const quoted = (name: string) =>
  name
    .split(".")
    .map((part) => `"${part.replaceAll('"', '""')}"`)
    .join(".");

/**
 * Per table, its row count and an MD5 of its rows in text form, in a stable order: two databases hold the same data
 * exactly when these agree (MD5 here only compares; it protects nothing).
 */
export async function tableDigests(database: Database): Promise<Record<string, { rows: number; digest: string }>> {
  const digests: Record<string, { rows: number; digest: string }> = {};
  for (const name of await userTables(database)) {
    const result = await database.executeSql(
      `select count(*)::int as rows, md5(coalesce(string_agg(t::text, E'\\n' order by t::text), '')) as digest
         from ${quoted(name)} t`,
    );
    const row = result.rows[0] as { rows: number; digest: string };
    digests[name] = { rows: Number(row.rows), digest: row.digest };
  }
  return digests;
}
