/**
 * `npm run -s admin:bootstrap`: on a new installation (real PostgreSQL), creates the three administrators
 * sysadmin / secadmin / auditor with random passwords, printed once; each must change it at first sign-in.
 * Does nothing when administrators exist.
 */
import { randomBytes } from "node:crypto";
import { systemClock } from "../server/clock";
import { bootstrapAdministrators } from "../server/commands/bootstrap-administrators";
import { systemActor } from "../server/commands/command";
import { loadConfig } from "../server/config/config";
import { openEmbedded, openPostgres } from "../server/db/client";
import { seedReferenceData } from "../server/reference/seed-reference";

const config = loadConfig();
const database = config.databaseUrl ? await openPostgres(config.databaseUrl, 1) : await openEmbedded(config.dataDir);
const password = () => `${randomBytes(9).toString("base64url")}#9aA`;
try {
  await database.migrate();
  const deps = { database, clock: systemClock, keys: config.keys };
  await seedReferenceData(deps);
  const specs = [
    { username: "sysadmin", displayName: "系统管理员", role: "sysadmin" as const, password: password() },
    { username: "secadmin", displayName: "安全管理员", role: "secadmin" as const, password: password() },
    { username: "auditor", displayName: "审计管理员", role: "auditor" as const, password: password() },
  ];
  if (await bootstrapAdministrators({ deps, actor: systemActor }, { administrators: specs, isDemo: false })) {
    console.log("已创建三员账号（请妥善保管，首次登录须修改密码）/ administrators created (change at first sign-in):");
    for (const spec of specs) console.log(`  ${spec.username}\t${spec.password}`);
  } else {
    console.log("已存在管理员账号，未做更改 / administrators already exist; nothing changed");
  }
} finally {
  await database.close();
}
