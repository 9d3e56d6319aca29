import { createValidationPipe } from '../../../platform/common/http/validation.js';
import { BatchPredictionDto } from '../dto/batch-prediction.dto.js';

const validation = createValidationPipe();

/**
 * A batch's body through the global ValidationPipe (same rules, same messages), without its
 * copy of every row: class-transformer copies 10,000 rows in about 60 ms, all on the event loop.
 * An array of rows is stood in by as many nulls (its only rules: an array, 1 to 10,000 long);
 * the rows themselves are validated one by one in a worker thread.
 */
export async function checkBatchBody(body: unknown): Promise<BatchPredictionDto> {
  const metadata = { type: 'body', metatype: BatchPredictionDto } as const;
  if (typeof body !== 'object' || body === null || !('rows' in body) || !Array.isArray(body.rows)) {
    return (await validation.transform(body, metadata)) as BatchPredictionDto;
  }
  const { rows, ...envelope } = body as { rows: unknown[] };
  const checked = (await validation.transform({ ...envelope, rows: new Array(rows.length).fill(null) }, metadata)) as BatchPredictionDto;
  checked.rows = rows;
  return checked;
}
