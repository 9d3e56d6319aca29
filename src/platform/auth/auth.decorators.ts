import { applyDecorators, createParamDecorator, SetMetadata, type ExecutionContext } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import type { Request } from 'express';
import type { AuthUser, Role } from './auth-user.js';

export const AUTH_ROLES = 'auth:roles';
export const QUERY_TOKEN = 'auth:query-token';

/**
 * The route needs a signed-in caller, with one of `roles` when given (admins pass every role
 * check). Without the decorator a route is public; a token sent anyway is still verified.
 */
export const Auth = (...roles: Role[]) =>
  applyDecorators(
    SetMetadata(AUTH_ROLES, roles),
    ApiBearerAuth(),
    ApiUnauthorizedResponse({ description: 'No, expired or invalid access token' }),
    ...(roles.length > 0 ? [ApiForbiddenResponse({ description: `Needs the role ${roles.join(' or ')}` })] : []),
  );

/** The access token may also come as `?access_token=` (an <audio> element cannot send headers). */
export const AllowQueryToken = () => SetMetadata(QUERY_TOKEN, true);

/** The signed-in caller (undefined on public routes called anonymously). */
export const CurrentUser = createParamDecorator(
  (_data: unknown, context: ExecutionContext): AuthUser | undefined => context.switchToHttp().getRequest<Request & { user?: AuthUser }>().user,
);
