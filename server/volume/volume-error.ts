/** Why the generator cannot run here, in both languages; the CLI prints it and exits 2. */
export class VolumeError extends Error {
  constructor(
    readonly messageZh: string,
    readonly messageEn: string,
  ) {
    super(`${messageZh}\n${messageEn}`);
  }
}
