/**
 * Errors the fake cloud answers with: an HTTP status and the body the services' APIs use for errors
 * (`{"error_code": ..., "error_msg": ...}`), with the codes of each service's error table.
 */

/** One entry of a service's error table: the HTTP status and the service's error code and message. */
export interface ErrorCode {
  status: number;
  code: string;
  message: string;
}

/** The errors a service answers with, by situation (the codes come from the service's API reference). */
export interface ErrorTable {
  /** The instance does not exist (or no longer exists). */
  notFound: ErrorCode;
  /** No such URL. */
  unknownUrl: ErrorCode;
  /** The URL exists, not with this method. */
  methodNotAllowed: ErrorCode;
  /** The instance's status does not allow the operation. */
  notAllowed: ErrorCode;
  /** The instance's status does not allow a deletion. */
  deleteNotAllowed: ErrorCode;
  /** A body is needed and none was sent. */
  bodyEmpty: ErrorCode;
  /** The body is not JSON. */
  bodyNotJson: ErrorCode;
  /** A parameter is missing or invalid (the message names it). */
  invalidParameter: ErrorCode;
  /** The tenant's instance quota is used up (here: the fake cloud's instance cap). */
  quota: ErrorCode;
  /** An internal error (also what chaos answers with for a 500). */
  internal: ErrorCode;
}

/** An answer with an error: thrown by handlers, written by the server. */
export class ApiError extends Error {
  override name = 'ApiError';
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }

  /** The error from a service's table, with an optional detail appended to its message. */
  static of(entry: ErrorCode, detail?: string): ApiError {
    return new ApiError(entry.status, entry.code, detail === undefined ? entry.message : `${entry.message} ${detail}`);
  }

  /** The JSON body of the answer. */
  body(): { error_code: string; error_msg: string } {
    return { error_code: this.code, error_msg: this.message };
  }
}

/** Errors of the fake cloud itself (outside any service, or made up by chaos), with codes of its own. */
export const FAKE_CLOUD_ERRORS = {
  noService: { status: 404, code: 'LIFECYCLE.404', message: 'No service at this path.' },
  tooManyRequests: { status: 429, code: 'LIFECYCLE.429', message: 'Too many requests (chaos).' },
  unavailable: { status: 503, code: 'LIFECYCLE.503', message: 'Service unavailable (chaos).' },
  bodyTooLarge: { status: 413, code: 'LIFECYCLE.413', message: 'The request body is too large.' },
  badControl: { status: 400, code: 'LIFECYCLE.400', message: 'Bad control request:' },
  controlConflict: { status: 409, code: 'LIFECYCLE.409', message: 'Not possible now:' },
} as const satisfies Record<string, ErrorCode>;
