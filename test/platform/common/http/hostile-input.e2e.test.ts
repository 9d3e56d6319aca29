import { Body, Controller, Get, Module, Param, Post, Query, UploadedFile } from '@nestjs/common';
import { IsOptional, IsString } from 'class-validator';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PageQueryDto } from '../../../../src/platform/common/http/query.js';
import { FileUpload, UPLOAD_LIMIT_EXTENSION, type UploadedTempFile } from '../../../../src/platform/common/http/upload.js';
import { createProbeApp, type ProbeApp } from '../../../support/probe-app.js';

class NoteDto {
  @IsString()
  name!: string;

  @IsOptional()
  @IsString()
  note?: string;
}

class SearchQueryDto extends PageQueryDto {
  @IsOptional()
  @IsString()
  search?: string;
}

/** Probe endpoints behind the global middleware, pipes and filter the real app installs. */
@Controller('probe')
class ProbeController {
  @Post('notes')
  note(@Body() body: NoteDto): NoteDto {
    return body;
  }

  @Get('items/:token')
  item(@Param('token') token: string, @Query() query: SearchQueryDto): object {
    return { token, ...query };
  }

  @Post('upload')
  @FileUpload('file', 1024)
  upload(@UploadedFile() file: UploadedTempFile | undefined, @Body() body: NoteDto): object {
    return { name: body.name, size: file?.size ?? 0 };
  }
}

@Module({ controllers: [ProbeController] })
class ProbeModule {}

const nested = (levels: number) => `${'{"a":'.repeat(levels)}1${'}'.repeat(levels)}`;

describe('hostile input', () => {
  let app: ProbeApp['app'];
  let http: ProbeApp['http'];
  beforeAll(async () => {
    ({ app, http } = await createProbeApp(ProbeModule));
  });
  afterAll(() => app.close());

  const postJson = (path: string, body: string) => request(http).post(path).set('content-type', 'application/json').send(body);
  const postMultipart = (contentType: string, body: string) => request(http).post('/api/probe/upload').set('content-type', contentType).send(body);

  it('refuses a body nesting more than 32 levels with 400 before anything walks it (5,000 levels exhausted the stack)', async () => {
    const deep = await postJson('/api/probe/notes', `{"name":"x","extra":${nested(5000)}}`).expect(400);
    expect(deep.body).toEqual({ statusCode: 400, error: 'Bad Request', message: 'The request body nests objects and arrays more than 32 levels deep' });
    const atTheLimit = await postJson('/api/probe/notes', `{"name":"x","extra":${nested(31)}}`).expect(400);
    expect(atTheLimit.body.message).toBe('extra is not an allowed field');
  });

  it('refuses text with a NUL character in a body, a path parameter or a query parameter, naming it', async () => {
    expect((await postJson('/api/probe/notes', '{"name":"x","note":"a\\u0000b"}').expect(400)).body.message).toBe(
      'note must not contain NUL (\\u0000) characters',
    );
    expect((await request(http).get('/api/probe/items/a%00b').expect(400)).body.message).toBe('token must not contain NUL (\\u0000) characters');
    expect((await request(http).get('/api/probe/items/x?search=a%00b').expect(400)).body.message).toBe('search must not contain NUL (\\u0000) characters');
  });

  it('refuses a page past the last one a listing may be asked for, whose offset would overflow a database integer', async () => {
    expect((await request(http).get('/api/probe/items/x?page=9223372036854775808').expect(400)).body.message).toBe('page must not be greater than 1000000000');
    expect((await request(http).get('/api/probe/items/x?page=1000000000').expect(200)).body).toMatchObject({ page: 1_000_000_000 });
  });

  it.each([
    ['without a boundary', 'multipart/form-data', 'name=x'],
    ['cut off mid-part', 'multipart/form-data; boundary=b', '--b\r\nContent-Disposition: form-data; name="name"\r\n\r\nx'],
    ['with a broken part header', 'multipart/form-data; boundary=b', '--b\r\nContent-Disposition: form-data; name="name"'],
  ])('answers 400 in the error shape to a multipart body %s', async (_case, contentType, body) => {
    const response = await postMultipart(contentType, body).expect(400);
    expect(response.body).toMatchObject({ statusCode: 400, error: 'Bad Request', message: expect.stringMatching(/multipart/i) });
  });

  it('refuses a form field name with an array index over 1,000 (a huge sparse array)', async () => {
    const body = '--b\r\nContent-Disposition: form-data; name="a[99999999]"\r\n\r\n1\r\n--b--\r\n';
    const response = await postMultipart('multipart/form-data; boundary=b', body).expect(400);
    expect(response.body.message).toMatch(/^Malformed upload: /);
  });

  it('documents the size limit of an upload in the OpenAPI document', async () => {
    const { body } = await request(http).get('/api/docs-json').expect(200);
    expect(body.paths['/api/probe/upload'].post[UPLOAD_LIMIT_EXTENSION]).toBe(1024);
  });
});
