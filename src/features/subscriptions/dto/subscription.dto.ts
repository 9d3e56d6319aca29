import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import type { PlanCode } from '../../../generated/prisma/client.js';
import { IsAccountEmail } from '../../../platform/auth/account-email.js';
import { INVITATION_STATES, type InvitationState } from '../invitation-rules.js';
import { PLANS, QUALITY_KBPS, type Plan } from '../plans.js';

const PLAN_CODES = Object.keys(PLANS) as PlanCode[];
const trimmed = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class SubscribeDto {
  @ApiProperty({ enum: PLAN_CODES.filter((code) => code !== 'free') })
  @IsIn(PLAN_CODES, { message: `plan must be one of ${PLAN_CODES.join(', ')}` })
  plan!: PlanCode;
}

/** Who to invite to a duo or family plan: an email address or a username. */
export class AddMemberDto {
  @ApiPropertyOptional({ example: 'ana@example.com', description: 'Invited whether or not an account has it: the answer is the same' })
  @IsOptional()
  @Transform(trimmed)
  @IsAccountEmail()
  email?: string;

  @ApiPropertyOptional({ example: 'ana.music' })
  @IsOptional()
  @Transform(trimmed)
  @IsString()
  @MinLength(1)
  @MaxLength(30)
  username?: string;
}

export class SkipDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'The catalog song skipped' })
  @IsOptional()
  @IsUUID('all', { message: 'song_id must be a UUID' })
  song_id?: string;
}

export class PlanDto {
  @ApiProperty({ enum: PLAN_CODES }) code!: PlanCode;
  @ApiProperty() name!: string;
  @ApiProperty() description!: string;
  @ApiProperty({ description: 'Monthly price in cents' }) price_cents!: number;
  @ApiProperty({ example: 'usd' }) currency!: string;
  @ApiProperty({ description: 'People on the plan, the owner included' }) max_members!: number;
  @ApiProperty({ enum: ['low', 'normal', 'high'] }) audio_quality!: string;
  @ApiProperty({ description: 'Best streaming bitrate' }) max_kbps!: number;
  @ApiProperty() offline!: boolean;
  @ApiProperty() ads!: boolean;
  @ApiProperty({ type: Number, nullable: true, description: 'Skips per rolling hour; null for unlimited' }) skips_per_hour!: number | null;
}

export class PlansDto {
  @ApiProperty() count!: number;
  @ApiProperty({
    description:
      'true: plans are bought on Stripe Checkout (POST /api/subscriptions/checkout); false: POST /api/subscriptions/subscribe starts them (no payments configured)',
  })
  checkout!: boolean;
  @ApiProperty({ description: 'Days free on the first paid subscription of an account' }) trial_days!: number;
  @ApiProperty({ type: [PlanDto] }) results!: PlanDto[];
}

export class ListenerDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() username!: string;
  @ApiProperty() display_name!: string;
}

export class MemberDto extends ListenerDto {
  @ApiProperty() added_at!: Date;
}

/** An invitation to a duo or family plan; it names the address the owner typed, never the account behind it. */
export class InvitationDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: INVITATION_STATES, description: 'expired: still pending past expires_at' }) status!: InvitationState;
  @ApiProperty({ type: String, nullable: true, description: 'The email invited (lowercased), or null for a username' }) email!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'The username invited (lowercased), or null for an email' }) username!: string | null;
  @ApiProperty({ type: ListenerDto, description: "Who invites: the plan's owner" }) owner!: ListenerDto;
  @ApiProperty({ type: PlanDto }) plan!: PlanDto;
  @ApiProperty() created_at!: Date;
  @ApiProperty({ description: 'Accept before this' }) expires_at!: Date;
}

export class InvitationListDto {
  @ApiProperty() count!: number;
  @ApiProperty({ type: [InvitationDto] }) results!: InvitationDto[];
}

export class MySubscriptionDto {
  @ApiProperty({ type: PlanDto, description: 'The plan the caller listens on now' }) plan!: PlanDto;
  @ApiProperty({ type: String, enum: ['owner', 'member'], nullable: true, description: 'null without a subscription' }) role!: 'owner' | 'member' | null;
  @ApiProperty({ type: String, enum: ['trialing', 'active', 'past_due', 'canceled', 'expired'], nullable: true, description: 'expired: the period ended' })
  status!: string | null;
  @ApiProperty({ type: String, enum: PLAN_CODES, nullable: true, description: 'The plan subscribed to (Free once it has ended)' })
  subscribed_plan!: PlanCode | null;
  @ApiProperty({ type: String, nullable: true }) provider!: string | null;
  @ApiProperty({ type: Date, nullable: true, description: 'When the plan renews, or ends if canceled' }) current_period_end!: Date | null;
  @ApiProperty({ type: Date, nullable: true }) trial_ends_at!: Date | null;
  @ApiProperty() cancel_at_period_end!: boolean;
  @ApiProperty({ type: ListenerDto, nullable: true }) owner!: ListenerDto | null;
  @ApiProperty({ type: [MemberDto], description: 'Everyone on the plan besides the owner' }) members!: MemberDto[];
  @ApiProperty({
    type: [InvitationDto],
    description: "The owner's pending invitations (each holds a seat until answered, canceled or expired); empty for others",
  })
  invitations!: InvitationDto[];
  @ApiProperty({ type: Number, nullable: true, description: 'Skips left this hour; null for unlimited' }) skips_left!: number | null;
  @ApiProperty({ description: 'Whether this account has used its free trial' }) trial_used!: boolean;
}

/** A page of Stripe's to send the listener to (Checkout, the billing portal). */
export class RedirectDto {
  @ApiProperty({ example: 'https://checkout.stripe.com/c/pay/cs_test_a1b2c3' }) url!: string;
}

export class SkipResultDto {
  @ApiProperty({ type: Number, nullable: true, description: 'Skips left this hour; null for unlimited' }) skips_left!: number | null;
  @ApiProperty({ enum: PLAN_CODES }) plan!: PlanCode;
}

export const toPlanDto = (plan: Plan): PlanDto => ({
  code: plan.code,
  name: plan.name,
  description: plan.description,
  price_cents: plan.priceCents,
  currency: 'usd',
  max_members: plan.maxMembers,
  audio_quality: plan.maxQuality,
  max_kbps: QUALITY_KBPS[plan.maxQuality],
  offline: plan.offline,
  ads: plan.ads,
  skips_per_hour: plan.skipsPerHour,
});
