export * from "./access/abilities";
export * from "./refusal";
export * from "./roles";
