import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches, MaxLength } from 'class-validator';

export class AddTeamMemberDto {
  @ApiProperty({ description: 'The email or username of an existing account' })
  @IsString()
  @Matches(/\S/, { message: 'login must not be blank' })
  @MaxLength(320)
  login!: string;
}

export class TeamMemberDto {
  @ApiProperty({ format: 'uuid' }) user_id!: string;
  @ApiProperty() username!: string;
  @ApiProperty() display_name!: string;
  @ApiProperty({ enum: ['owner', 'member'], description: "owner: the artist's own account" }) role!: 'owner' | 'member';
  @ApiProperty({ type: Date, nullable: true }) added_at!: Date | null;
}
