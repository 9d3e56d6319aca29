import { SourceError } from '../sources/http-source.js';

/** How a source took part in an analysis. */
export type SourceOutcomeStatus = 'answered' | 'not_found' | 'skipped' | 'failed';

export interface SourceOutcome {
  source: string;
  status: SourceOutcomeStatus;
  /** Why it was skipped or failed, or what it did not find. */
  detail: string | null;
}

/** The order answers list sources in, whatever order they answered in. */
const SOURCE_ORDER = ['musicbrainz', 'spotify', 'lastfm', 'youtube'];

/** The outcomes of one analysis, one per source. */
export class SourceOutcomes {
  private readonly outcomes: SourceOutcome[] = [];

  add(source: string, status: SourceOutcomeStatus, detail: string | null = null): void {
    this.outcomes.push({ source, status, detail });
  }

  /** Every outcome, in SOURCE_ORDER. */
  get list(): SourceOutcome[] {
    return [...this.outcomes].sort((a, b) => SOURCE_ORDER.indexOf(a.source) - SOURCE_ORDER.indexOf(b.source));
  }

  /**
   * Runs one source's part: its answer, or null when it failed (recorded with the reason). A
   * source that fails never fails the analysis; errors that are not a source's (bugs) still throw.
   */
  async ask<T>(source: string, work: () => Promise<T | null>, notFound: string): Promise<T | null> {
    try {
      const answer = await work();
      this.add(source, answer === null ? 'not_found' : 'answered', answer === null ? notFound : null);
      return answer;
    } catch (error) {
      if (!(error instanceof SourceError)) throw error;
      this.add(source, 'failed', error.message);
      return null;
    }
  }

  /** The sources that answered. */
  get answered(): string[] {
    return this.list.filter((outcome) => outcome.status === 'answered').map((outcome) => outcome.source);
  }
}
