import cronParser from 'cron-parser';
import type { AuthUser } from '../auth/auth-user.js';
import type { JobDto, JobState } from './dto/job.dto.js';

/** A row of pg-boss's job or archive table (the columns the monitoring reads). */
export interface JobRow {
  id: string;
  name: string;
  state: JobState;
  data: unknown;
  output: unknown;
  created_on: Date;
  started_on: Date | null;
  completed_on: Date | null;
  retry_count: number;
  retry_limit: number;
}

/** The key of a job's data naming the account that queued it (absent for scheduled jobs). */
export const REQUESTED_BY = 'requested_by';

/** Whether a caller may read a job: admins read every job, other accounts only those they queued. */
export function mayRead(job: Pick<JobDto, 'data'>, caller: AuthUser): boolean {
  if (caller.role === 'admin') return true;
  const data = job.data as Record<string, unknown> | null;
  return typeof data === 'object' && data !== null && data[REQUESTED_BY] === caller.id;
}

/**
 * Why a job failed, from the output pg-boss stored: a thrown Error is kept serialized
 * ({name, message, stack}), a timeout or shutdown as {value: {message}} or {value: "..."}.
 */
export function failureMessage(output: unknown): string | null {
  if (typeof output !== 'object' || output === null) return typeof output === 'string' ? output : null;
  const { message, value } = output as { message?: unknown; value?: unknown };
  if (typeof message === 'string') return message;
  if (typeof value === 'string') return value;
  if (typeof value === 'object' && value !== null && typeof (value as { message?: unknown }).message === 'string')
    return (value as { message: string }).message;
  return null;
}

/** How long the last attempt took, for jobs that completed or failed after starting. */
export function durationMs(row: Pick<JobRow, 'state' | 'started_on' | 'completed_on'>): number | null {
  if (!row.started_on || !row.completed_on || (row.state !== 'completed' && row.state !== 'failed')) return null;
  return Math.max(0, row.completed_on.getTime() - row.started_on.getTime());
}

/**
 * The API's view of a job. A failed attempt's output is the error (with its stack): only its
 * message is shown, as `error`; `output` is what a completed job returned.
 */
export function toJobDto(row: JobRow): JobDto {
  const failed = row.state === 'failed' || row.state === 'retry';
  return {
    id: row.id,
    queue: row.name,
    state: row.state,
    data: row.data ?? null,
    output: row.state === 'completed' ? (row.output ?? null) : null,
    error: failed ? (failureMessage(row.output) ?? 'failed without a message') : null,
    created_on: row.created_on,
    started_on: row.started_on,
    completed_on: row.completed_on,
    duration_ms: durationMs(row),
    retry_count: row.retry_count,
    retry_limit: row.retry_limit,
  };
}

/** The next time a cron expression (UTC) fires after `now`. */
export function nextCronTime(cron: string, now = new Date()): Date {
  return cronParser.parseExpression(cron, { tz: 'UTC', currentDate: now }).next().toDate();
}
