/**
 * Nest's start-up lines, one per module and per route (about 200): written at debug level, so
 * the default log shows what matters. LOG_LEVEL=debug shows them.
 */
const STARTUP_CONTEXTS = new Set(['InstanceLoader', 'RoutesResolver', 'RouterExplorer']);

/** The level a `log` call is written at: debug for Nest's start-up chatter (its context comes last). */
export function levelOfLogCall(params: unknown[]): 'log' | 'debug' {
  const context = params.at(-1);
  return typeof context === 'string' && STARTUP_CONTEXTS.has(context) ? 'debug' : 'log';
}
