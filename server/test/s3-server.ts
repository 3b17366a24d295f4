import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import S3rver from "s3rver";
import type { S3Settings } from "../config/config";

export interface TestS3Server {
  /** The settings the platform would read from S3_* for one of the server's buckets. */
  settings(bucket: string): S3Settings;
  /** The same as environment variables, for startTestApp. */
  environment(bucket: string): Record<string, string>;
  close(): Promise<void>;
}

/**
 * A fake S3 (s3rver: real HTTP, real signatures) on 127.0.0.1, a free port and a fresh directory, with empty
 * `buckets`. Close every client first: the server waits for open connections.
 */
export async function startS3Server(buckets: readonly string[]): Promise<TestS3Server> {
  const directory = await mkdtemp(join(tmpdir(), "guohe-s3-"));
  const server = new S3rver({
    address: "127.0.0.1",
    port: 0,
    silent: true,
    directory,
    configureBuckets: buckets.map((name) => ({ name, configs: [] })),
  });
  const { port } = await server.run();
  const endpoint = `http://127.0.0.1:${port}`;
  // s3rver checks signatures made with these keys.
  const keys = { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" };
  return {
    settings: (bucket) => ({ endpoint, region: "us-east-1", bucket, ...keys, forcePathStyle: true }),
    environment: (bucket) => ({
      S3_ENDPOINT: endpoint,
      S3_BUCKET: bucket,
      S3_ACCESS_KEY_ID: keys.accessKeyId,
      S3_SECRET_ACCESS_KEY: keys.secretAccessKey,
    }),
    async close() {
      await server.close();
      await rm(directory, { recursive: true, force: true });
    },
  };
}
