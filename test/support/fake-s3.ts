import { randomUUID } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { buffer } from 'node:stream/consumers';
import { freePort } from './free-port.js';

interface StoredObject {
  body: Buffer;
  contentType: string;
}

interface Recorded {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
}

/**
 * One S3 bucket over HTTP on loopback, path-style (`/<bucket>/<key>`), as documented for
 * PutObject, HeadObject, GetObject (with Range) and DeleteObject and S3's XML error body,
 * so the real SDK and its HTTP stack run unchanged. Signatures are not checked.
 */
export class FakeS3 {
  readonly objects = new Map<string, StoredObject>();
  readonly requests: Recorded[] = [];

  private constructor(
    private readonly server: Server,
    readonly endpoint: string,
    readonly bucket: string,
  ) {}

  static async start(bucket = 'media'): Promise<FakeS3> {
    const port = await freePort();
    const server = createServer();
    const fake = new FakeS3(server, `http://127.0.0.1:${port}`, bucket);
    server.on('request', (request, response) => {
      fake.handle(request, response).catch((error: unknown) => fake.error(response, 500, 'InternalError', String(error)));
    });
    await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
    return fake;
  }

  /** The settings that point an app's STORAGE_DRIVER=s3 at this bucket. */
  appEnv(): Record<string, string> {
    return {
      STORAGE_DRIVER: 's3',
      S3_BUCKET: this.bucket,
      S3_REGION: 'eu-west-1',
      S3_ENDPOINT: this.endpoint,
      S3_ACCESS_KEY_ID: 'AKIDTEST',
      S3_SECRET_ACCESS_KEY: 'test-secret',
    };
  }

  async stop(): Promise<void> {
    // The SDK keeps its connections alive; close() alone would wait for them.
    this.server.closeAllConnections();
    await new Promise<void>((resolve, reject) => this.server.close((error) => (error ? reject(error) : resolve())));
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const { method = '', headers } = request;
    const path = new URL(request.url ?? '/', this.endpoint).pathname;
    this.requests.push({ method, path, headers });
    const [, bucket = '', ...parts] = path.split('/');
    const key = parts.map(decodeURIComponent).join('/');
    if (bucket !== this.bucket) return this.error(response, 404, 'NoSuchBucket', 'The specified bucket does not exist.', method);
    if (!key) return this.error(response, 501, 'NotImplemented', 'Only object operations are implemented.', method);
    const stored = this.objects.get(key);

    switch (method) {
      case 'PUT': {
        // aws-chunked bodies interleave chunk headers and signatures with the bytes; the
        // driver must not send them (and this fake would store them as content).
        const sha = String(headers['x-amz-content-sha256'] ?? '');
        if (String(headers['content-encoding'] ?? '').includes('aws-chunked') || sha.startsWith('STREAMING-')) {
          return this.error(response, 501, 'NotImplemented', `aws-chunked uploads are not supported (x-amz-content-sha256: ${sha})`, method);
        }
        this.objects.set(key, { body: await buffer(request), contentType: headers['content-type'] ?? 'binary/octet-stream' });
        response.writeHead(200, { ETag: `"${randomUUID()}"` }).end();
        return;
      }
      case 'HEAD':
        if (!stored) return this.error(response, 404, 'NoSuchKey', 'The specified key does not exist.', method);
        response.writeHead(200, { 'Content-Length': stored.body.length, 'Content-Type': stored.contentType, 'Accept-Ranges': 'bytes' }).end();
        return;
      case 'GET': {
        if (!stored) return this.error(response, 404, 'NoSuchKey', 'The specified key does not exist.', method);
        const total = stored.body.length;
        const range = /^bytes=(\d+)-(\d*)$/.exec(headers.range ?? '');
        if (!range) {
          response.writeHead(200, { 'Content-Length': total, 'Content-Type': stored.contentType, 'Accept-Ranges': 'bytes' }).end(stored.body);
          return;
        }
        const start = Number(range[1]);
        // As S3 does, an end past the object is cut to its last byte.
        const end = Math.min(range[2] ? Number(range[2]) : total - 1, total - 1);
        if (start >= total || end < start) return this.error(response, 416, 'InvalidRange', 'The requested range is not satisfiable', method);
        response
          .writeHead(206, { 'Content-Length': end - start + 1, 'Content-Range': `bytes ${start}-${end}/${total}`, 'Content-Type': stored.contentType })
          .end(stored.body.subarray(start, end + 1));
        return;
      }
      case 'DELETE':
        // S3 answers 204 whether or not the key existed.
        this.objects.delete(key);
        response.writeHead(204).end();
        return;
      default:
        return this.error(response, 405, 'MethodNotAllowed', 'The specified method is not allowed against this resource.', method);
    }
  }

  /** S3's error document; HEAD responses carry no body, only the status. */
  private error(response: ServerResponse, status: number, code: string, message: string, method = ''): void {
    if (response.headersSent) return void response.destroy();
    const xml = `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${escapeXml(message)}</Message><RequestId>${randomUUID()}</RequestId></Error>`;
    response.writeHead(status, { 'Content-Type': 'application/xml' });
    response.end(method === 'HEAD' ? undefined : xml);
  }
}

const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
