import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { UserDto } from '../../auth/dto/user.dto.js';
import { PageDto } from '../../../platform/common/http/query.js';
import { Omittable } from '../../../platform/common/http/validation.js';
import { AdminListQueryDto } from './admin-filters.js';
import { Ordering, Trimmed } from '../../../platform/common/http/query-filters.js';

export const ROLES = ['user', 'artist', 'admin'] as const;
export type RoleName = (typeof ROLES)[number];
export const ADMIN_USER_ORDERINGS = ['username', 'email', 'display_name', 'role', 'created_at'] as const;

/** GET /api/admin/users (`search` matches email, username and display name). */
export class AdminUsersQueryDto extends AdminListQueryDto {
  @ApiPropertyOptional({ enum: ROLES })
  @IsOptional()
  @IsIn(ROLES, { message: 'role must be user, artist or admin' })
  role?: RoleName;

  @Ordering(ADMIN_USER_ORDERINGS, '-created_at') ordering: string = '-created_at';
}

export class AdminUserPageDto extends PageDto {
  @ApiProperty({ type: [UserDto] }) results!: UserDto[];
}

/** PATCH /api/admin/users/:id: only the fields sent change. */
export class UpdateAdminUserDto {
  @ApiPropertyOptional({ enum: ROLES, description: 'A change signs the account out (its refresh tokens are revoked); artist creates its artist if missing' })
  @Omittable()
  @IsIn(ROLES, { message: 'role must be user, artist or admin' })
  role?: RoleName;

  @ApiPropertyOptional({ maxLength: 100 })
  @Omittable()
  @Trimmed()
  @IsNotEmpty({ message: 'display_name must not be empty' })
  @MaxLength(100)
  @IsString()
  display_name?: string;
}
