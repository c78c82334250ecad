/** A mistake in how meso was called (a bad flag value, a missing path): exit 2, message shown as is. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** Nothing matched: exit 1 with the message on stderr. */
export class NoResultsError extends Error {
  override name = 'NoResultsError';
}

/**
 * The reader of a file meso writes through (`--out /dev/stdout | head`) closed it: the run ends quietly with the
 * status it has, as when standard output's reader does.
 */
export class ReaderClosedError extends Error {
  override name = 'ReaderClosedError';
}
