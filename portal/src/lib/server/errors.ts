/** The portal's error types: configuration problems and API failures. */

export { ConfigError } from '@waypoint/shared/config/config-error';

/** One field-level problem reported by the API, as in problem+json `errors`. */
export interface ProblemFieldError {
  path: string;
  message: string;
}

/** An RFC 9457 problem document as the API returns it. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail?: string;
  errors?: ProblemFieldError[];
  /** Why, where the API names a reason (`awaiting-approval`, `domain-claimed`...). */
  reason?: string;
}

/** A non-success answer from the API that the page may want to handle (412, 400, 403...). */
export class ApiError extends Error {
  readonly status: number;
  readonly problem: Problem;

  constructor(problem: Problem, options?: ErrorOptions) {
    super(`${problem.status} ${problem.title}`, options);
    this.name = 'ApiError';
    this.status = problem.status;
    this.problem = problem;
  }
}

/** The identity provider could not be reached or refused the sign-in exchange. */
export class SignInError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'SignInError';
  }
}
