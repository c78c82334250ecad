/** A mistake in how meso was called (a bad flag value, a missing path): exit 2, message shown as is. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** Nothing matched: exit 1 with the message on stderr. */
export class NoResultsError extends Error {
  override name = 'NoResultsError';
}
