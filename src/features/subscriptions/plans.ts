import type { PlanCode } from '../../generated/prisma/client.js';

export type AudioQualityName = 'low' | 'normal' | 'high';

/** Streaming tiers: what each quality preference means in kbps. */
export const QUALITY_KBPS: Record<AudioQualityName, number> = { low: 96, normal: 160, high: 320 };

export interface Plan {
  code: PlanCode;
  name: string;
  /** Monthly price in cents (USD). */
  priceCents: number;
  /** People on the plan, the owner included. */
  maxMembers: number;
  /** The best quality a listener on this plan may stream. */
  maxQuality: AudioQualityName;
  offline: boolean;
  ads: boolean;
  /** Skips allowed per rolling hour; null for unlimited. */
  skipsPerHour: number | null;
  /** A student plan needs proof of enrolment in a real deployment (not modelled here). */
  description: string;
}

/** The plans, as Spotify's: Free with ads and 6 skips an hour, paid plans without limits. */
export const PLANS: Record<PlanCode, Plan> = {
  free: {
    code: 'free',
    name: 'Free',
    priceCents: 0,
    maxMembers: 1,
    maxQuality: 'normal',
    offline: false,
    ads: true,
    skipsPerHour: 6,
    description: 'Listen with ads, up to 160 kbps, 6 skips an hour',
  },
  premium: {
    code: 'premium',
    name: 'Premium Individual',
    priceCents: 1199,
    maxMembers: 1,
    maxQuality: 'high',
    offline: true,
    ads: false,
    skipsPerHour: null,
    description: 'Ad-free, 320 kbps, offline listening, unlimited skips',
  },
  duo: {
    code: 'duo',
    name: 'Premium Duo',
    priceCents: 1699,
    maxMembers: 2,
    maxQuality: 'high',
    offline: true,
    ads: false,
    skipsPerHour: null,
    description: 'Premium for 2 people',
  },
  family: {
    code: 'family',
    name: 'Premium Family',
    priceCents: 1999,
    maxMembers: 6,
    maxQuality: 'high',
    offline: true,
    ads: false,
    skipsPerHour: null,
    description: 'Premium for up to 6 people',
  },
  student: {
    code: 'student',
    name: 'Premium Student',
    priceCents: 599,
    maxMembers: 1,
    maxQuality: 'high',
    offline: true,
    ads: false,
    skipsPerHour: null,
    description: 'Premium at a student price',
  },
};

const QUALITY_ORDER: AudioQualityName[] = ['low', 'normal', 'high'];

/** The quality a listener gets: their preference, capped by their plan. */
export function streamQuality(preference: AudioQualityName, plan: Plan): { quality: AudioQualityName; kbps: number } {
  const quality = QUALITY_ORDER[Math.min(QUALITY_ORDER.indexOf(preference), QUALITY_ORDER.indexOf(plan.maxQuality))]!;
  return { quality, kbps: QUALITY_KBPS[quality] };
}
