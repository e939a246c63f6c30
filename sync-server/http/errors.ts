/** A typed failure the HTTP edge turns into a status code (domain code never picks statuses). */
export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export const unauthorized = (message = 'Sign in first: the token is missing, expired or invalid.') =>
  new HttpError(401, 'unauthorized', message);
export const forbidden = (message: string) => new HttpError(403, 'forbidden', message);
export const notFound = (message: string) => new HttpError(404, 'not_found', message);
export const conflict = (message: string) => new HttpError(409, 'conflict', message);
export const upgradeRequired = (message: string) => new HttpError(426, 'client_outdated', message);
export const badRequest = (code: string, message: string) => new HttpError(400, code, message);
