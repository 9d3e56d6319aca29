import type request from 'supertest';

/** Collects a binary answer as a Buffer (supertest parses only text types by itself): `.buffer(true).parse(binaryBody)`. */
export const binaryBody = (response: request.Response, done: (error: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  response.on('data', (chunk: Buffer) => chunks.push(chunk));
  response.on('end', () => done(null, Buffer.concat(chunks)));
};
