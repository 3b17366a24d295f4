import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { PassThrough, type Readable } from "node:stream";
import { setTimeout as sleep } from "node:timers/promises";
import type { S3Client } from "@aws-sdk/client-s3";
import type { S3Settings } from "../config/config";
import { type ByteStore, missingBytes } from "./byte-store";
import { removeStagedFile } from "./staged-file";

type Sdk = typeof import("@aws-sdk/client-s3");

/** The SDK cannot rewind a streamed body, so it does not retry one: a staged upload is retried here, re-read. */
const putAttempts = 3;

function statusOf(error: unknown): number | undefined {
  return (error as { $metadata?: { httpStatusCode?: number } } | null)?.$metadata?.httpStatusCode;
}

/**
 * Bytes as objects in an S3-compatible bucket (AWS S3, MinIO, Ceph RGW, …), one object per storage key. The SDK is
 * loaded on first use, so a platform on the local directory does not load it at start.
 */
export class S3ByteStore implements ByteStore {
  private connection: Promise<{ sdk: Sdk; client: S3Client }> | undefined;

  constructor(private readonly settings: S3Settings) {}

  private connect() {
    const { endpoint, region, forcePathStyle, accessKeyId, secretAccessKey } = this.settings;
    this.connection ??= import("@aws-sdk/client-s3").then((sdk) => ({
      sdk,
      client: new sdk.S3Client({
        endpoint,
        region,
        forcePathStyle,
        credentials: { accessKeyId, secretAccessKey },
        // Checksums only where an operation requires one. Since early 2025 the SDK by default sends a streamed body
        // aws-chunked with a CRC32 trailer; servers that predate it (s3rver, older MinIO and Ceph) would store the
        // chunk framing as part of the object. The SHA-256 in the storage key already identifies the bytes.
        requestChecksumCalculation: "WHEN_REQUIRED",
        responseChecksumValidation: "WHEN_REQUIRED",
      }),
    }));
    return this.connection;
  }

  /** An SDK failure as a missing-bytes error (ENOENT) or one that names the operation, the object and the cause. */
  private failure(operation: string, key: string, error: unknown): NodeJS.ErrnoException {
    const where = `s3://${this.settings.bucket}/${key}`;
    const name = (error as Error | null)?.name;
    if (name === "NoSuchKey" || (statusOf(error) === 404 && name !== "NoSuchBucket")) return missingBytes(where);
    const why = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    const endpoint = this.settings.endpoint ?? `AWS ${this.settings.region}`;
    return new Error(`S3 ${operation} ${where} (${endpoint}) failed: ${why}`, { cause: error });
  }

  async putStaged(key: string, stagedPath: string): Promise<void> {
    const { size } = await stat(stagedPath);
    const { sdk, client } = await this.connect();
    for (let attempt = 1; ; attempt += 1) {
      const body = createReadStream(stagedPath);
      try {
        const put = { Bucket: this.settings.bucket, Key: key, Body: body, ContentLength: size };
        await client.send(new sdk.PutObjectCommand(put));
        break;
      } catch (error) {
        // A refusal (4xx: keys, bucket, policy) would only be refused again.
        const status = statusOf(error);
        if (attempt >= putAttempts || (status !== undefined && status < 500)) {
          throw this.failure("PutObject", key, error);
        }
        await sleep(200 * attempt);
      } finally {
        body.destroy();
      }
    }
    await removeStagedFile(stagedPath);
  }

  async putBuffer(key: string, content: Buffer): Promise<void> {
    const { sdk, client } = await this.connect();
    try {
      await client.send(new sdk.PutObjectCommand({ Bucket: this.settings.bucket, Key: key, Body: content }));
    } catch (error) {
      throw this.failure("PutObject", key, error);
    }
  }

  async read(key: string): Promise<Buffer> {
    const { sdk, client } = await this.connect();
    try {
      const { Body } = await client.send(new sdk.GetObjectCommand({ Bucket: this.settings.bucket, Key: key }));
      const bytes = (await Body?.transformToByteArray()) ?? new Uint8Array();
      return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    } catch (error) {
      throw this.failure("GetObject", key, error);
    }
  }

  /** A stream at once (callers pipe it synchronously); the object's bytes flow in once the request answers. */
  stream(key: string): Readable {
    const out = new PassThrough();
    // A reader that stops early (a dropped download) ends the request; that is no failure of the store.
    const abort = new AbortController();
    out.once("close", () => abort.abort());
    const fail = (error: unknown) => {
      if (!out.destroyed) out.destroy(this.failure("GetObject", key, error));
    };
    void this.connect()
      .then(async ({ sdk, client }) => {
        const get = new sdk.GetObjectCommand({ Bucket: this.settings.bucket, Key: key });
        const body = (await client.send(get, { abortSignal: abort.signal })).Body as Readable;
        body.once("error", fail);
        out.once("close", () => body.destroy());
        body.pipe(out);
      })
      .catch(fail);
    return out;
  }

  /** Asks first: S3 answers a delete alike whether or not the object was there. */
  async delete(key: string): Promise<boolean> {
    const { sdk, client } = await this.connect();
    const object = { Bucket: this.settings.bucket, Key: key };
    try {
      await client.send(new sdk.HeadObjectCommand(object));
    } catch (error) {
      const failure = this.failure("HeadObject", key, error);
      if (failure.code === "ENOENT") return false;
      throw failure;
    }
    try {
      await client.send(new sdk.DeleteObjectCommand(object));
      return true;
    } catch (error) {
      throw this.failure("DeleteObject", key, error);
    }
  }

  /** Closes the client's connections (tests, scripts that end). */
  async close(): Promise<void> {
    const connection = await this.connection?.catch(() => undefined);
    connection?.client.destroy();
  }
}
