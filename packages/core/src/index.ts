/**
 * @soracom-auth/core — the SORACOM Auth API contract in Effect.
 *
 * Export convention: classes, schemas, types and services are flat named exports; modules that are mostly
 * functions are namespaces (`Fields`, `Wire`) or companion objects sharing the name of their type
 * (`Endpoint`, `RetryPolicy`: `Endpoint.coverage("g")`, `RetryPolicy.make({...})`).
 *
 * @since 0.1.0
 */
export { AuthRequest, type AuthRequestInput } from "./AuthRequest.ts"
export { AuthResponse, AuthResponseJson } from "./AuthResponse.ts"
export {
  AuthSession,
  type AuthSessionOptions,
  type AuthSessionService,
  defaultMargin,
  type SessionSource,
  type SessionStore,
} from "./AuthSession.ts"
export {
  AuthKeyCredentials,
  Credentials,
  type CredentialsInput,
  credentialsConfig,
  credentialsFromInput,
  RootCredentials,
  SamUserCredentials,
  type SecretInput,
} from "./Credentials.ts"
export { type Coverage, Endpoint } from "./Endpoint.ts"
export {
  type AuthError,
  AuthFailed,
  type CommonError,
  InvalidEmail,
  InvalidRequest,
  InvalidToken,
  type IssuePasswordResetTokenError,
  isSoracomAuthError,
  type LogoutError,
  Operation,
  type OperationErrors,
  RateLimited,
  ServerError,
  SoracomAuthError,
  TokenExpired,
  TransportError,
  TransportReason,
  UnexpectedResponse,
  type VerifyPasswordResetTokenError,
} from "./Errors.ts"
export * as Fields from "./Fields.ts"
export {
  AuthKey,
  AuthKeyId,
  Email,
  type FieldName,
  MfaOtpCode,
  OperatorId,
  Password,
  ResetToken,
  Secret,
  TokenTimeoutSeconds,
  UserName,
} from "./Fields.ts"
export { IssuePasswordResetTokenRequest, VerifyPasswordResetTokenRequest } from "./PasswordReset.ts"
export { RetryPolicy, type RetryPolicyInput } from "./RetryPolicy.ts"
export {
  type Language,
  languageFromLocale,
  redactedHeaderNames,
  SoracomAuth,
  type SoracomAuthOptions,
  type SoracomAuthService,
  withRedactedHeaders,
} from "./SoracomAuth.ts"
export * as Wire from "./Wire.ts"
