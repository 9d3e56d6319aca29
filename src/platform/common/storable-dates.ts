/**
 * The instants Encore accepts from outside (query filters, signed webhooks): years 1 to 9999 in
 * UTC, what a four-digit ISO 8601 year can write. JavaScript dates reach further (year 0 and
 * before, year 275760) than PostgreSQL stores, which refuses year 0 with 22008.
 */
export const EARLIEST_DATE = new Date('0001-01-01T00:00:00.000Z');
export const LATEST_DATE = new Date('9999-12-31T23:59:59.999Z');

/** Whether a date is valid and within EARLIEST_DATE..LATEST_DATE. */
export function isStorableDate(date: Date): boolean {
  const time = date.getTime();
  return time >= EARLIEST_DATE.getTime() && time <= LATEST_DATE.getTime();
}
