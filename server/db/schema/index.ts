/** All tables, one file per area; drizzle-kit reads this folder. */

export * from "./announcements";
export * from "./assistant";
export * from "./changes";
export * from "./decision";
export * from "./documents";
export * from "./foundation";
export * from "./integration";
export * from "./recognition";
export * from "./registry";
export * from "./review";
export * from "./security";
export * from "./yearly";
