/**
 * core's errors, re-exported: every rejection of this package is one of them (`instanceof`, `_tag`, SORACOM's
 * `code`), and none carries a secret in `String`, `JSON.stringify` or `util.inspect`.
 */
import { Errors } from "@soracom-auth/core"

export const AuthFailed = Errors.AuthFailed
export type AuthFailed = Errors.AuthFailed
export const InvalidRequest = Errors.InvalidRequest
export type InvalidRequest = Errors.InvalidRequest
export const InvalidEmail = Errors.InvalidEmail
export type InvalidEmail = Errors.InvalidEmail
export const InvalidToken = Errors.InvalidToken
export type InvalidToken = Errors.InvalidToken
export const TokenExpired = Errors.TokenExpired
export type TokenExpired = Errors.TokenExpired
export const RateLimited = Errors.RateLimited
export type RateLimited = Errors.RateLimited
export const ServerError = Errors.ServerError
export type ServerError = Errors.ServerError
export const TransportError = Errors.TransportError
export type TransportError = Errors.TransportError
export const UnexpectedResponse = Errors.UnexpectedResponse
export type UnexpectedResponse = Errors.UnexpectedResponse
export type SoracomAuthError = Errors.SoracomAuthError
export const isSoracomAuthError = Errors.isSoracomAuthError
