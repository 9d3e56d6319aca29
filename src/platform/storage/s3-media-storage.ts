import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { DeleteObjectCommand, GetObjectCommand, HeadObjectCommand, PutObjectCommand, S3Client, S3ServiceException } from '@aws-sdk/client-s3';
import { assertMediaKey, MediaStorage, type ByteRange } from './media-storage.js';

export interface S3MediaStorageOptions {
  bucket: string;
  region: string;
  /** An S3-compatible endpoint (MinIO, R2, ...); unset for AWS. */
  endpoint?: string;
  /** Both or neither; neither means the SDK's default chain (environment, profile, instance role, ...). */
  accessKeyId?: string;
  secretAccessKey?: string;
}

/** Objects in one S3 (or S3-compatible) bucket, under the media key itself. */
export class S3MediaStorage extends MediaStorage {
  private readonly client: S3Client;
  private readonly bucket: string;

  constructor(options: S3MediaStorageOptions) {
    super();
    if (!options.accessKeyId !== !options.secretAccessKey) {
      throw new Error('S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY must be set together');
    }
    this.bucket = options.bucket;
    this.client = new S3Client({
      region: options.region,
      endpoint: options.endpoint,
      // Other stores rarely have a DNS name per bucket: address buckets as /<bucket>/<key>.
      forcePathStyle: options.endpoint !== undefined,
      credentials: options.accessKeyId ? { accessKeyId: options.accessKeyId, secretAccessKey: options.secretAccessKey! } : undefined,
      // By default the SDK sends uploads as aws-chunked bodies with a trailing CRC32, which
      // several S3-compatible stores refuse; a plain body with Content-Length works everywhere.
      requestChecksumCalculation: 'WHEN_REQUIRED',
    });
  }

  async save(key: string, file: string, contentType: string): Promise<void> {
    assertMediaKey(key);
    // A single PutObject takes up to 5 GB, far above the upload limits. S3 writes an object
    // whole or not at all, so, as on disk, no reader sees half a file. The SDK does not retry
    // a streamed body (it cannot rewind it): a failed upload fails the request.
    const { size } = await stat(file);
    await this.client.send(
      new PutObjectCommand({ Bucket: this.bucket, Key: key, Body: createReadStream(file), ContentLength: size, ContentType: contentType }),
    );
  }

  async size(key: string): Promise<number | null> {
    assertMediaKey(key);
    try {
      const head = await this.client.send(new HeadObjectCommand({ Bucket: this.bucket, Key: key }));
      return head.ContentLength ?? null;
    } catch (error) {
      if (isNotFound(error)) return null;
      throw error;
    }
  }

  async open(key: string, range?: ByteRange): Promise<Readable> {
    assertMediaKey(key);
    const object = await this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key: key, Range: range && `bytes=${range.start}-${range.end}` }));
    // In Node the SDK's body is the HTTP response itself.
    if (!(object.Body instanceof Readable)) throw new Error(`S3 returned no readable body for ${key}`);
    return object.Body;
  }

  async remove(key: string): Promise<void> {
    assertMediaKey(key);
    // S3 answers 204 whether or not the key existed.
    await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: key }));
  }
}

/**
 * A HEAD response has no body, so its 404 carries no S3 error code, only the status (a missing
 * bucket answers the same; the other calls name it NoSuchBucket).
 */
function isNotFound(error: unknown): boolean {
  return error instanceof S3ServiceException && error.$metadata.httpStatusCode === 404;
}
