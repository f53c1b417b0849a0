/**
 * The one place the UI imports `@soracom-auth/core` from: field rules, endpoint resolution and the error types.
 */
export {
  type AuthError,
  AuthFailed,
  Endpoint as CoreEndpoint,
  Fields,
  InvalidRequest,
  type IssuePasswordResetTokenError,
  isSoracomAuthError,
  type LogoutError,
  RateLimited,
  type SoracomAuthError,
  TokenExpired,
  TransportError,
  type VerifyPasswordResetTokenError,
} from "@soracom-auth/core"
