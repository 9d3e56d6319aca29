import { isStorableDate } from '../../platform/common/storable-dates.js';

/**
 * What is wrong with a signed Stripe event for Encore, if anything: the signature proves who sent
 * the body, not that it has the shape Encore reads. Checks the envelope of every event and the
 * fields Encore reads of the subscriptions and invoices it applies; each problem names its field.
 */
export function malformedEventProblems(event: unknown): string[] {
  const envelope: Rule[] = [
    ['the event', isObject(event), 'a JSON object'],
    ['the event', !hasNul(event), 'free of NUL characters (PostgreSQL stores none)'],
    ['id', isName(at(event, 'id')), `a non-empty string of at most ${MAX_NAME_LENGTH} characters`],
    ['type', isName(at(event, 'type')), `a non-empty string of at most ${MAX_NAME_LENGTH} characters`],
    ['data', isObject(at(event, 'data')), 'an object'],
    ['data.object', isObject(at(event, 'data', 'object')), 'an object'],
  ];
  const problems = problemsOf(envelope);
  if (problems.length > 0) return problems;
  const object = at(event, 'data', 'object');
  const type = at(event, 'type') as string;
  if (type.startsWith('customer.subscription.')) return problemsOf(subscriptionRules(object));
  if (type.startsWith('invoice.')) return problemsOf(invoiceRules(object));
  if (type.startsWith('checkout.session.')) return problemsOf(checkoutSessionRules(object));
  return [];
}

/** A field's path (under data.object for the object's fields), whether it is valid, and what it must be. */
type Rule = [path: string, valid: boolean, expected: string];

const problemsOf = (rules: Rule[]) => rules.filter(([, valid]) => !valid).map(([path, , expected]) => `${path} must be ${expected}`);

type Fields = Record<string, unknown>;
const isObject = (value: unknown): value is Fields => typeof value === 'object' && value !== null && !Array.isArray(value);
const isText = (value: unknown) => typeof value === 'string' && value.length > 0;
/** Stripe's ids and event types are short; the id is a primary key, whose index takes a few kilobytes at most. */
const MAX_NAME_LENGTH = 255;
const isName = (value: unknown) => isText(value) && (value as string).length <= MAX_NAME_LENGTH;
const isAbsent = (value: unknown) => value === undefined || value === null;
/** Unix seconds of an instant Encore can store. */
const isTimestamp = (value: unknown) => typeof value === 'number' && Number.isInteger(value) && isStorableDate(new Date(value * 1000));
/** Stripe's reference to another object: its id, or the object expanded. */
const isReference = (value: unknown) => isText(value) || isText(at(value, 'id'));

/** The value at `path` inside nested objects and arrays, undefined where the path leaves them. */
function at(value: unknown, ...path: Array<string | number>): unknown {
  let node = value;
  for (const key of path) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<string | number, unknown>)[key];
  }
  return node;
}

/** Whether any string (value or key) inside `value` holds a NUL character; walked without recursion, however deep. */
function hasNul(value: unknown): boolean {
  const pending = [value];
  while (pending.length > 0) {
    const node = pending.pop();
    if (typeof node === 'string' && node.includes('\u0000')) return true;
    if (typeof node !== 'object' || node === null) continue;
    for (const [key, item] of Object.entries(node)) {
      if (key.includes('\u0000')) return true;
      pending.push(item);
    }
  }
  return false;
}

const TIMESTAMP = 'Unix seconds between years 1 and 9999';

function subscriptionRules(subscription: unknown): Rule[] {
  const field = (...path: Array<string | number>) => at(subscription, ...path);
  const optionalTimestamp = (...path: Array<string | number>): Rule => [
    `data.object.${path.join('.')}`,
    isAbsent(field(...path)) || isTimestamp(field(...path)),
    `${TIMESTAMP}, or null`,
  ];
  const metadata = field('metadata');
  return [
    ['data.object.id', isText(field('id')), 'a non-empty string'],
    ['data.object.customer', isReference(field('customer')), 'a customer id or a customer object'],
    ['data.object.status', isText(field('status')), 'a subscription status'],
    [
      'data.object.metadata',
      isAbsent(metadata) || (isObject(metadata) && Object.values(metadata).every((value) => typeof value === 'string')),
      'an object of strings',
    ],
    ['data.object.start_date', isTimestamp(field('start_date')), TIMESTAMP],
    ['data.object.cancel_at_period_end', typeof field('cancel_at_period_end') === 'boolean', 'true or false'],
    ['data.object.items', isAbsent(field('items')) || isObject(field('items')), 'an object'],
    ['data.object.items.data', isAbsent(field('items', 'data')) || Array.isArray(field('items', 'data')), 'an array'],
    ['data.object.items.data.0', isAbsent(field('items', 'data', 0)) || isObject(field('items', 'data', 0)), 'an object'],
    [
      'data.object.items.data.0.price',
      isAbsent(field('items', 'data', 0, 'price')) || isText(field('items', 'data', 0, 'price', 'id')),
      'a price object with an id',
    ],
    optionalTimestamp('items', 'data', 0, 'current_period_start'),
    optionalTimestamp('items', 'data', 0, 'current_period_end'),
    optionalTimestamp('current_period_start'),
    optionalTimestamp('current_period_end'),
    optionalTimestamp('ended_at'),
    optionalTimestamp('trial_end'),
    optionalTimestamp('canceled_at'),
  ];
}

function invoiceRules(invoice: unknown): Rule[] {
  const field = (...path: string[]) => at(invoice, ...path);
  const optionalReference = (...path: string[]): Rule => [
    `data.object.${path.join('.')}`,
    isAbsent(field(...path)) || isReference(field(...path)),
    'a subscription id or object, or null',
  ];
  const lines = field('lines', 'data');
  const lineRules = (Array.isArray(lines) ? lines : []).flatMap((_, index): Rule[] => {
    const period = at(lines, index, 'period');
    const path = `data.object.lines.data.${index}`;
    return [
      [path, isObject(at(lines, index)), 'an object'],
      [`${path}.period`, isAbsent(period) || isObject(period), 'an object or null'],
      [`${path}.period.start`, !isObject(period) || isTimestamp(period['start']), TIMESTAMP],
      [`${path}.period.end`, !isObject(period) || isTimestamp(period['end']), TIMESTAMP],
    ];
  });
  return [
    ['data.object.parent', isAbsent(field('parent')) || isObject(field('parent')), 'an object or null'],
    [
      'data.object.parent.subscription_details',
      isAbsent(field('parent', 'subscription_details')) || isObject(field('parent', 'subscription_details')),
      'an object or null',
    ],
    optionalReference('parent', 'subscription_details', 'subscription'),
    optionalReference('subscription'),
    ['data.object.lines', isAbsent(field('lines')) || isObject(field('lines')), 'an object'],
    ['data.object.lines.data', isAbsent(lines) || Array.isArray(lines), 'an array'],
    ...lineRules,
  ];
}

function checkoutSessionRules(session: unknown): Rule[] {
  const field = (name: string) => at(session, name);
  return [
    ['data.object.id', isText(field('id')), 'a non-empty string'],
    ['data.object.mode', isText(field('mode')), 'a Checkout mode (payment, setup or subscription)'],
    ['data.object.subscription', isAbsent(field('subscription')) || isReference(field('subscription')), 'a subscription id or object, or null'],
    [
      'data.object.client_reference_id',
      isAbsent(field('client_reference_id')) || isName(field('client_reference_id')),
      `a string of at most ${MAX_NAME_LENGTH} characters, or null`,
    ],
  ];
}

/**
 * The time a Stripe-Signature header was signed at (Unix seconds), read as Stripe's SDK reads it
 * (the last `t=`), or undefined without one.
 */
export function signatureTimestamp(header: string): number | undefined {
  let timestamp: number | undefined;
  for (const item of header.split(',')) {
    const [key, value] = item.split('=');
    if (key === 't') timestamp = Number.parseInt(value ?? '', 10);
  }
  return timestamp !== undefined && Number.isFinite(timestamp) ? timestamp : undefined;
}
