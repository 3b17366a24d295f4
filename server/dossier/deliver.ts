import type { Readable } from "node:stream";
import { execute } from "../commands/command";
import type { FileStore } from "../storage/files";
import { type Dossier, safeName } from "./dossier";
import type { PrintContext } from "./generated";
import { buildManifest } from "./manifest";
import { digestEntries, zipStream } from "./zip";

/**
 * Digests the collected dossier, writes its manifest, audits the download (`dossier.download`: who, which dossier,
 * how many files, the manifest's code) and returns the zip as a stream with its file name.
 */
export async function deliverDossier(
  context: PrintContext,
  dossier: Dossier,
  store: FileStore,
  reader: string,
): Promise<{ name: string; stream: Readable; manifestCode: string }> {
  const digested = await digestEntries(dossier.entries, store);
  const { manifest, files } = await buildManifest(context, dossier, digested);
  await execute(context.deps, context.actor, "dossier.download", dossier.subject, async (command) => {
    await command.audit({
      changes: {
        title: dossier.titleZh,
        reader,
        files: manifest.files.length,
        missing: manifest.missing.length,
        manifestCode: manifest.verificationCode,
      },
    });
  });
  return {
    name: `${safeName(dossier.titleZh)}.zip`,
    stream: zipStream(digested, files, store),
    manifestCode: manifest.verificationCode,
  };
}
