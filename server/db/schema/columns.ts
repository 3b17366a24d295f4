import { customType } from "drizzle-orm/pg-core";

/** Encrypted personal data (SM4-CBC + HMAC-SM3, `PiiCipher` in server/crypto/sm.ts) stored as bytea. */
export const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => "bytea",
  fromDriver: (value) => Buffer.from(value),
});
