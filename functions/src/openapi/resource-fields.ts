/** Schemas for what every response shares: the version and timestamps of a stored item, and problems. */
import * as v from 'valibot';

/** Fields every versioned item returns; `version` is also sent as the ETag. */
export const versionedFields = {
  version: v.pipe(v.number(), v.integer(), v.minValue(1), v.description('Also sent as the ETag; quote it in If-Match to change the item')),
  createdAt: v.pipe(v.string(), v.isoTimestamp()),
  updatedAt: v.pipe(v.string(), v.isoTimestamp()),
};

/** RFC 9457 problem details, as `problemBody` writes them. */
export const Problem = v.pipe(
  v.object({
    type: v.string(),
    title: v.string(),
    status: v.pipe(v.number(), v.integer()),
    detail: v.string(),
    instance: v.optional(v.string()),
    reason: v.optional(v.pipe(v.string(), v.description('A machine-readable cause within the problem type, e.g. `code-expired`'))),
    errors: v.optional(
      v.array(
        v.object({
          path: v.pipe(v.string(), v.description('Dotted path into the request, e.g. `teamIds.0`')),
          message: v.pipe(v.string(), v.description('What is wrong; never the rejected value')),
        }),
      ),
    ),
  }),
  v.title('Problem'),
);

export const nextCursor = v.pipe(v.nullable(v.string()), v.description('Pass as `cursor` for the next page; null on the last page'));
