/**
 * `BadArgumentError`: the one base class of the errors a caller can fix by passing something else (an unknown
 * service, status or operation, an option out of range, a bad command-line option). It is a `RangeError`, so code
 * that expects one for bad options still gets it; the command line prints its message on one line and exits 2.
 */

/** A bad argument given to the library or the command line (see the module comment). */
export class BadArgumentError extends RangeError {
  override name = 'BadArgumentError';
}

/**
 * An argument of the wrong type given to the library (a number where a status string belongs, a missing
 * service): the `TypeError` counterpart of {@link BadArgumentError}, handled alike (the command line exits 2).
 */
export class BadArgumentTypeError extends TypeError {
  override name = 'BadArgumentTypeError';
}
