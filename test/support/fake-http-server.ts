import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';

/**
 * The faults every fake source answers the same way, instead of its normal reply:
 * - `{raw, status?, contentType?}`: this text as the body (malformed JSON, an HTML page), 200 by default;
 * - `{truncate: true}`: the normal answer cut in half (a connection that dropped mid-body);
 * - `{delayMs}`: the normal answer, this much later (longer than the client's timeout: a timeout);
 * - `{neverAnswer: true}`: no answer at all, until the client gives up (a timeout);
 * - `{hangUp: true}`: the connection closed without an answer (a network error).
 */
export type CommonFault =
  { raw: string; status?: number; contentType?: string } | { truncate: true } | { delayMs: number } | { neverAnswer: true } | { hangUp: true };

/** What every fake logs of a request: when it arrived, what was answered. */
export interface LoggedArrival {
  /** Arrival time in ms (performance.timeOrigin + performance.now(): sub-millisecond, comparable across requests). */
  at: number;
  /** What was answered (undefined while pending or never answered, 0 for a hang-up). */
  status?: number;
}

/** An answer: a string body is sent as it is, anything else as JSON. */
export interface Reply {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
  /** The fake's JSON content type unless given. */
  contentType?: string;
}

function isCommon(fault: object): fault is CommonFault {
  return 'raw' in fault || 'truncate' in fault || 'delayMs' in fault || 'neverAnswer' in fault || 'hangUp' in fault;
}

/**
 * A fake of a source's HTTP API on 127.0.0.1 (a real server on a free port): start(), stop(), the
 * log of requests with their arrival times, and faults scripted per path prefix, the common ones
 * (CommonFault) answered here. A fake says how to log a request, how to answer it, and how to
 * answer its own kinds of fault (an error status with the source's error body, ...).
 */
export abstract class FakeHttpServer<OwnFault extends object, Logged extends LoggedArrival> {
  readonly requests: Logged[] = [];
  /** The Content-Type of JSON answers. */
  protected jsonContentType = 'application/json';
  /** Headers sent with every answer. */
  protected extraHeaders: Record<string, string> = {};
  /** Indentation of JSON answers (none: compact). */
  protected jsonIndent?: number;
  private readonly scripts: Array<{ pathPrefix: string; fault: OwnFault | CommonFault }> = [];
  private server?: Server;
  private port = 0;

  /** http://127.0.0.1:<port>, once started. */
  protected get origin(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  async start(): Promise<this> {
    const server = createServer((request, response) => void this.handle(request, response));
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve());
    });
    this.server = server;
    this.port = (server.address() as AddressInfo).port;
    return this;
  }

  async stop(): Promise<void> {
    const server = this.server;
    if (!server) return;
    this.server = undefined;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** Time between consecutive arrivals (of the requests given, all by default), in arrival order. */
  gaps(requests: Logged[] = this.requests): number[] {
    const times = requests.map((request) => request.at).sort((a, b) => a - b);
    return times.slice(1).map((time, i) => time - times[i]!);
  }

  /** The most requests (of those given, all by default) that arrived within any `windowMs` (a window starting at a request). */
  busiestWindow(windowMs: number, requests: Logged[] = this.requests): number {
    const times = requests.map((request) => request.at).sort((a, b) => a - b);
    let most = 0;
    for (let start = 0, end = 0; start < times.length; start++) {
      while (end < times.length && times[end]! < times[start]! + windowMs) end++;
      most = Math.max(most, end - start);
    }
    return most;
  }

  /** Forgets scripted faults and the request log. */
  reset(): void {
    this.scripts.length = 0;
    this.requests.length = 0;
  }

  /** The path of a request, as faults are scripted against it (the part under the API's base path). */
  protected abstract pathOf(url: URL): string;
  /** The log entry of a request, but its arrival time. */
  protected abstract describe(request: IncomingMessage, url: URL, path: string): Omit<Logged, 'at' | 'status'>;
  /** The normal answer. */
  protected abstract answer(logged: Logged, path: string): Reply;
  /** The answer to a fault of the fake's own kinds. */
  protected abstract faultReply(fault: OwnFault): Reply;

  /** The next requests whose path starts with `pathPrefix` get these faults, in order. */
  protected addFaults(pathPrefix: string, faults: Array<OwnFault | CommonFault>): void {
    for (const fault of faults) this.scripts.push({ pathPrefix, fault });
  }

  protected clearScripts(): void {
    this.scripts.length = 0;
  }

  /** The fault for a request to `path`: the first scripted for it, taken off the script. */
  protected takeFault(path: string): OwnFault | CommonFault | undefined {
    const index = this.scripts.findIndex((script) => path.startsWith(script.pathPrefix));
    return index >= 0 ? this.scripts.splice(index, 1)[0]!.fault : undefined;
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', 'http://fake');
    const path = this.pathOf(url);
    const logged = { ...this.describe(request, url, path), at: performance.timeOrigin + performance.now() } as Logged;
    this.requests.push(logged);
    const send = (reply: Reply) => {
      logged.status = reply.status;
      if (response.destroyed) return;
      response.writeHead(reply.status, { 'Content-Type': reply.contentType ?? this.jsonContentType, ...this.extraHeaders, ...reply.headers });
      response.end(typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body, null, this.jsonIndent));
    };

    const fault = this.takeFault(path);
    if (fault && !isCommon(fault)) return send(this.faultReply(fault));
    if (fault && 'hangUp' in fault) {
      logged.status = 0;
      request.socket.destroy();
      return;
    }
    if (fault && 'neverAnswer' in fault) return; // the socket stays open until the client aborts or the fake stops
    if (fault && 'delayMs' in fault) await sleep(fault.delayMs);
    if (fault && 'raw' in fault) return send({ status: fault.status ?? 200, body: fault.raw, contentType: fault.contentType });

    const reply = this.answer(logged, path);
    if (fault && 'truncate' in fault) {
      const text = JSON.stringify(reply.body);
      return send({ status: reply.status, body: text.slice(0, Math.floor(text.length / 2)) });
    }
    send(reply);
  }
}
