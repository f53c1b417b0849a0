/**
 * Core as the suite drives it: `SoracomAuth` over `@soracom-auth/http-ky`, pointed at any base URL, and the two
 * ways a bad input can reach it — read from a JSON body with core's own rules (`Wire.checkAuthBody`,
 * `PasswordReset.validate…`) as a server would, or as an already-built request object whose constructor checks
 * were skipped (the service must still refuse to send).
 */
import {
  AuthRequest,
  Credentials,
  Endpoint,
  Errors,
  PasswordReset,
  SoracomAuth,
  Wire,
} from "@soracom-auth/core"
import { KyHttpClient } from "@soracom-auth/http-ky"
import { Effect, Redacted, type Result } from "effect"
import type { BadInput } from "../bad-inputs/corpus.ts"

/** Core's service over ky, talking to `baseUrl`. Retries quickly so the suite never waits. */
export const makeService = (baseUrl: string, language: "en" | "ja" = "en"): Promise<SoracomAuth.Service> =>
  Effect.runPromise(
    SoracomAuth.make({
      endpoint: Endpoint.url(baseUrl),
      language,
      retryPolicy: { maxAttempts: 2, baseDelay: "1 millis", maxDelay: "1 millis", maxRetryAfter: "1 millis" },
    }).pipe(Effect.provide(KyHttpClient.layer())),
  )

export const run = <A, E>(effect: Effect.Effect<A, E>): Promise<Result.Result<A, E>> =>
  Effect.runPromise(Effect.result(effect))

/** Core names fields in camelCase (`mfaOtpCode`); SORACOM's wire name differs for one of them. */
export const wireName = (coreField: string): string => (coreField === "mfaOtpCode" ? "mfaOTPCode" : coreField)

const unchecked = { disableChecks: true } as const

/** A `POST /auth` body as a server reads it: core's check of the wire body, then the classes (values as sent). */
export const decodeAuthRequest = (
  body: unknown,
): Effect.Effect<AuthRequest.AuthRequest, Errors.InvalidRequest> =>
  Effect.map(Wire.checkAuthBody(body), (b) => {
    const credentials =
      "email" in b
        ? new Credentials.RootCredentials({ email: b.email, password: Redacted.make(b.password) }, unchecked)
        : "authKeyId" in b
          ? new Credentials.AuthKeyCredentials(
              { authKeyId: b.authKeyId, authKey: Redacted.make(b.authKey) },
              unchecked,
            )
          : new Credentials.SamUserCredentials(
              { operatorId: b.operatorId, userName: b.userName, password: Redacted.make(b.password) },
              unchecked,
            )
    // Every value was just checked by `Wire.checkAuthBody`.
    return new AuthRequest.AuthRequest(
      {
        credentials,
        ...(b.mfaOTPCode === undefined ? {} : { mfaOtpCode: b.mfaOTPCode }),
        ...(b.tokenTimeoutSeconds === undefined ? {} : { tokenTimeoutSeconds: b.tokenTimeoutSeconds }),
      },
      unchecked,
    )
  })

const stringAt = (body: unknown, key: string): string | undefined => {
  const value = typeof body === "object" && body !== null ? (body as Record<string, unknown>)[key] : undefined
  return typeof value === "string" ? value : undefined
}

/** An issue body as a server reads it: a string `email`, checked by core's rule. */
export const decodeIssueRequest = (body: unknown) => {
  const email = stringAt(body, "email")
  return email === undefined
    ? Effect.fail(new Errors.InvalidRequest({ field: "email", reason: "The email address is required." }))
    : PasswordReset.validateIssue(new PasswordReset.IssueRequest({ email }, unchecked))
}

/** A verify body as a server reads it: string `token` and `password` (a missing one checked as blank). */
export const decodeVerifyRequest = (body: unknown) =>
  PasswordReset.validateVerify(
    new PasswordReset.VerifyRequest(
      {
        token: Redacted.make(stringAt(body, "token") ?? ""),
        password: Redacted.make(stringAt(body, "password") ?? ""),
      },
      unchecked,
    ),
  )

/** The bad input read by core's wire rules, then handed to the service. */
export const viaWireDecode = (svc: SoracomAuth.Service, c: BadInput): Effect.Effect<unknown, unknown> => {
  switch (c.operation) {
    case "auth":
      return decodeAuthRequest(c.body).pipe(Effect.flatMap(svc.auth))
    case "issuePasswordResetToken":
      return decodeIssueRequest(c.body).pipe(Effect.flatMap(svc.issuePasswordResetToken))
    case "verifyPasswordResetToken":
      return decodeVerifyRequest(c.body).pipe(Effect.flatMap(svc.verifyPasswordResetToken))
  }
}

const kinds = {
  root: ["email", "password"],
  authKey: ["authKeyId", "authKey"],
  samUser: ["operatorId", "userName", "password"],
} as const

/**
 * The bad input as a request object built with `disableChecks` (what a caller holding a typed but unvalidated
 * value has), when the body can be one: one complete credential kind, string fields, a numeric lifetime.
 * `undefined` when it cannot be expressed that way (mixed kinds, wrong JSON types, a missing field).
 */
export const viaUncheckedRequest = (
  svc: SoracomAuth.Service,
  c: BadInput,
): Effect.Effect<unknown, unknown> | undefined => {
  const b = c.body
  const str = (k: string) => (typeof b[k] === "string" ? (b[k] as string) : undefined)
  const keys = Object.keys(b)
  switch (c.operation) {
    case "issuePasswordResetToken": {
      const email = str("email")
      if (email === undefined || keys.length !== 1) return undefined
      return svc.issuePasswordResetToken(new PasswordReset.IssueRequest({ email }, { disableChecks: true }))
    }
    case "verifyPasswordResetToken": {
      const token = str("token")
      const password = str("password")
      if (token === undefined || password === undefined || keys.length !== 2) return undefined
      return svc.verifyPasswordResetToken(
        new PasswordReset.VerifyRequest(
          { token: Redacted.make(token), password: Redacted.make(password) },
          { disableChecks: true },
        ),
      )
    }
    case "auth": {
      const rest = keys.filter((k) => k !== "mfaOTPCode" && k !== "tokenTimeoutSeconds")
      const kind = (Object.keys(kinds) as Array<keyof typeof kinds>).find(
        (k) => kinds[k].length === rest.length && kinds[k].every((f) => rest.includes(f)),
      )
      if (kind === undefined || rest.some((k) => str(k) === undefined)) return undefined
      const mfa = b.mfaOTPCode
      const lifetime = b.tokenTimeoutSeconds
      if (mfa !== undefined && typeof mfa !== "string") return undefined
      if (lifetime !== undefined && typeof lifetime !== "number") return undefined
      const credentials =
        kind === "root"
          ? new Credentials.RootCredentials(
              { email: str("email")!, password: Redacted.make(str("password")!) },
              { disableChecks: true },
            )
          : kind === "authKey"
            ? new Credentials.AuthKeyCredentials(
                { authKeyId: str("authKeyId")!, authKey: Redacted.make(str("authKey")!) },
                { disableChecks: true },
              )
            : new Credentials.SamUserCredentials(
                {
                  operatorId: str("operatorId")!,
                  userName: str("userName")!,
                  password: Redacted.make(str("password")!),
                },
                { disableChecks: true },
              )
      return svc.auth(
        new AuthRequest.AuthRequest(
          {
            credentials,
            ...(mfa === undefined ? {} : { mfaOtpCode: mfa }),
            ...(lifetime === undefined ? {} : { tokenTimeoutSeconds: lifetime }),
          },
          { disableChecks: true },
        ),
      )
    }
  }
}

/** A difference between core and the contract that is known and reported, not (yet) fixed. */
export interface KnownDrift {
  readonly id: string
  readonly where: string
  readonly expected: string
  readonly actual: string
  readonly match: { readonly operation: BadInput["operation"]; readonly field: string }
}

export type Judgement =
  /** Rejected before sending with `InvalidRequest` naming a field of the case. */
  | { readonly kind: "ok"; readonly field: string }
  /** Rejected before sending with `InvalidRequest`, but naming another field. */
  | { readonly kind: "wrong-field"; readonly field: string; readonly detail: string }
  | { readonly kind: "not-rejected"; readonly detail: string }

/** What a rejected call must look like: an `InvalidRequest` whose field is one the case is about. */
export const judgeRejection = (c: BadInput, result: Result.Result<unknown, unknown>): Judgement => {
  if (result._tag === "Success") return { kind: "not-rejected", detail: "succeeded" }
  const e = result.failure as { _tag?: string; field?: string }
  if (e._tag !== "InvalidRequest")
    return { kind: "not-rejected", detail: `failed with ${e._tag ?? String(e)}` }
  const field = e.field ?? ""
  return c.fields.includes(wireName(field))
    ? { kind: "ok", field }
    : {
        kind: "wrong-field",
        field,
        detail: `InvalidRequest names "${field}", expected one of ${c.fields.join(", ")}`,
      }
}
