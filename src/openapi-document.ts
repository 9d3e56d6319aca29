import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { markPathAliases } from './platform/common/http/openapi-aliases.js';

/**
 * The app's OpenAPI document, read from its controllers and DTOs: what /api/docs-json serves, and
 * what `npm run web:api-types` turns into the web app's API types. Needs the app's /api prefix.
 */
export function createOpenApiDocument(app: INestApplication): OpenAPIObject {
  return markPathAliases(
    SwaggerModule.createDocument(
      app,
      new DocumentBuilder()
        .setTitle('Encore API')
        .setDescription('Music intelligence for labels, artists and A&R teams')
        .setVersion('0.1.0')
        // The scheme @Auth routes name (ApiBearerAuth's default, "bearer"): Swagger UI's Authorize button.
        .addBearerAuth(
          { type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: 'The token that POST /api/login, /api/users or /api/auth/refresh answers' },
          'bearer',
        )
        .build(),
    ),
  );
}
