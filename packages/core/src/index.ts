/**
 * @soracom-auth/core — the SORACOM Auth API contract in Effect.
 *
 * One module shape, as effect-smol: each module is a namespace holding its type and that type's functions
 * (`Endpoint.Endpoint`, `Endpoint.coverage("g")`; `SoracomAuth.SoracomAuth`, `SoracomAuth.layer(options)`).
 *
 * @since 0.1.0
 */

export * as AuthenticatedClient from "./AuthenticatedClient.ts"
export * as AuthRequest from "./AuthRequest.ts"
export * as AuthResponse from "./AuthResponse.ts"
export * as AuthSession from "./AuthSession.ts"
export * as Credentials from "./Credentials.ts"
export * as Endpoint from "./Endpoint.ts"
export * as Errors from "./Errors.ts"
export * as Fields from "./Fields.ts"
export * as PasswordReset from "./PasswordReset.ts"
export * as RetryPolicy from "./RetryPolicy.ts"
export * as Sanitize from "./Sanitize.ts"
export * as SoracomAuth from "./SoracomAuth.ts"
export * as SwitchUser from "./SwitchUser.ts"
export * as Wire from "./Wire.ts"
