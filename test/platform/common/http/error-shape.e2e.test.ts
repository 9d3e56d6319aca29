import { Body, Controller, Get, Module, Post } from '@nestjs/common';
import { Type } from 'class-transformer';
import { IsInt, IsString, Max, Min, ValidateNested } from 'class-validator';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createProbeApp, type ProbeApp } from '../../../support/probe-app.js';

class TagDto {
  @IsString()
  name!: string;
}

class ProbeDto {
  @IsString()
  title!: string;

  @IsInt()
  @Min(0)
  @Max(100)
  popularity!: number;

  @ValidateNested({ each: true })
  @Type(() => TagDto)
  tags: TagDto[] = [];
}

/** A probe endpoint to exercise the global pipe and filter the real app installs. */
@Controller('probe')
class ProbeController {
  @Post()
  echo(@Body() body: ProbeDto): ProbeDto {
    return body;
  }

  @Get('crash')
  crash(): never {
    throw new Error('secret internal detail');
  }
}

@Module({ controllers: [ProbeController] })
class ProbeModule {}

describe('HTTP errors', () => {
  let app: ProbeApp['app'];
  let http: ProbeApp['http'];
  beforeAll(async () => {
    ({ app, http } = await createProbeApp(ProbeModule));
  });
  afterAll(() => app.close());

  const post = (body: string) => request(http).post('/api/probe').set('content-type', 'application/json').send(body);

  it('accepts a valid body and converts nothing it should not', async () => {
    const response = await post('{"title":"Yesterday","popularity":80}').expect(201);
    expect(response.body).toEqual({ title: 'Yesterday', popularity: 80, tags: [] });
  });

  it('refuses an unknown field with 400 naming it', async () => {
    const response = await post('{"title":"Yesterday","popularity":80,"bogus":1}').expect(400);
    expect(response.body).toEqual({ statusCode: 400, error: 'Bad Request', message: 'bogus is not an allowed field' });
  });

  it('names every field of the wrong type or out of range', async () => {
    const response = await post('{"title":5,"popularity":101}').expect(400);
    expect(response.body.message).toContain('title must be a string');
    expect(response.body.message).toContain('popularity must not be greater than 100');
  });

  it('names nested fields by their path', async () => {
    const response = await post('{"title":"x","popularity":1,"tags":[{"name":3}]}').expect(400);
    expect(response.body.message).toBe('tags.0.name must be a string');
  });

  it('answers broken JSON with 400 in the same shape', async () => {
    const response = await post('{"title": "Yesterday",').expect(400);
    expect(Object.keys(response.body).sort()).toEqual(['error', 'message', 'statusCode']);
    expect(response.body.message).toMatch(/JSON/);
  });

  it('hides an unexpected error behind a 500 with the request id', async () => {
    const response = await request(http).get('/api/probe/crash').set('x-request-id', 'req-42').expect(500);
    expect(response.body).toEqual({
      statusCode: 500,
      error: 'Internal Server Error',
      message: 'Internal server error (request id req-42).',
    });
    expect(response.headers['x-request-id']).toBe('req-42');
  });

  it('answers an unknown route with 404 in the same shape', async () => {
    const response = await request(http).get('/api/nowhere').expect(404);
    expect(response.body).toMatchObject({ statusCode: 404, error: 'Not Found' });
  });
});
