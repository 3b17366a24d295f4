/**
 * Reading the open sections of an application form (`application`, `director`: a draft may hold anything there)
 * for display and for the few facts taken from it, without trusting a shape the form has not been checked for.
 */

/** A named group of values in the form: a section, a partner, an agreement. */
export type FormEntry = Record<string, unknown>;

/** Whether the value is a group of named values (an object that is not a list). */
export const isEntry = (value: unknown): value is FormEntry =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** The value as a group of named values, or an empty one when it is not one. */
export const entry = (value: unknown): FormEntry => (isEntry(value) ? value : {});

/** The groups of a list (partners, projects), skipping anything that is not one. */
export const entries = (value: unknown): FormEntry[] => (Array.isArray(value) ? value.filter(isEntry) : []);

/** The value when it is a string, else null. */
export const stringOrNull = (value: unknown): string | null => (typeof value === "string" ? value : null);
