/**
 * @soracom-auth/client — SORACOM sign-in and authenticated API calls behind Promises, for code that does not use
 * Effect: `createSoracomAuth({...})`.
 *
 * @since 0.1.0
 */
export { type AuthHeaders, createSoracomAuth, type SoracomAuthClient } from "./createSoracomAuth.ts"
export {
  AuthFailed,
  InvalidEmail,
  InvalidRequest,
  InvalidToken,
  isSoracomAuthError,
  RateLimited,
  ServerError,
  type SoracomAuthError,
  TokenExpired,
  TransportError,
  UnexpectedResponse,
} from "./errors.ts"
export type { CredentialsOption, Options, Session, SessionStore } from "./options.ts"
