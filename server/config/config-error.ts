/** A setting the server cannot start with; the message names the variable (or file) and says what to do, zh and en. */
export class ConfigError extends Error {}
