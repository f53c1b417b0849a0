/**
 * The SORACOM Auth API as an Effect service: sign in, request and verify a password reset, sign out.
 *
 * Its one requirement is Effect's `HttpClient` (`effect/http`): provide `@soracom-auth/http-ky`'s layer, Effect's
 * `FetchHttpClient.layer`, or any other. Every request is checked before it is sent (`InvalidRequest`, nothing
 * leaves the process), every non-success status goes through one status → error function, and retries happen
 * here only (see `RetryPolicy`).
 *
 * @since 0.1.0
 */
import * as Config from "effect/Config"
import * as Context from "effect/Context"
import * as DateTime from "effect/DateTime"
import * as Effect from "effect/Effect"
import { constTrue } from "effect/Function"
import * as Headers from "effect/http/Headers"
import * as HttpClient from "effect/http/HttpClient"
import * as HttpClientRequest from "effect/http/HttpClientRequest"
import * as Layer from "effect/Layer"
import * as Option from "effect/Option"
import * as Redacted from "effect/Redacted"
import * as Schema from "effect/Schema"
import type { AuthRequest } from "./AuthRequest.ts"
import * as AuthResponse from "./AuthResponse.ts"
import * as Endpoint from "./Endpoint.ts"
import {
  type AuthError,
  type InvalidRequest,
  type IssuePasswordResetTokenError,
  type LogoutError,
  type Operation,
  type OperationErrors,
  type RenewTokenError,
  type SwitchUserError,
  TransportError,
  UnexpectedResponse,
  type VerifyPasswordResetTokenError,
} from "./Errors.ts"
import * as Fields from "./Fields.ts"
import { invalidField } from "./internal/field.ts"
import * as Status from "./internal/status.ts"
import * as Transport from "./internal/transport.ts"
import * as PasswordReset from "./PasswordReset.ts"
import * as RetryPolicy from "./RetryPolicy.ts"
import * as SwitchUser from "./SwitchUser.ts"
import * as Wire from "./Wire.ts"

/**
 * The language of SORACOM's error messages (`X-Soracom-Lang`).
 *
 * @category models
 * @since 0.1.0
 */
export type Language = "en" | "ja"

/**
 * `ja` for a locale such as `ja_JP.UTF-8` (e.g. `LANG`), else `en`.
 *
 * @category constructors
 * @since 0.1.0
 */
export const languageFromLocale = (locale: string | undefined): Language =>
  locale !== undefined && /^ja\b|^ja[_-]/i.test(locale.trim()) ? "ja" : "en"

/**
 * The header names that carry SORACOM credentials; added to Effect's `Headers.CurrentRedactedNames` around every
 * call this service makes (use {@link withRedactedHeaders} for your own calls).
 *
 * @category constants
 * @since 0.1.0
 */
export const redactedHeaderNames: ReadonlyArray<string> = ["X-Soracom-API-Key", "X-Soracom-Token"]

const addRedactedHeaders = <R>(context: Context.Context<R>): Context.Context<R> =>
  Context.add(context, Headers.CurrentRedactedNames, [
    ...Context.get(context, Headers.CurrentRedactedNames),
    ...redactedHeaderNames,
  ])

/**
 * Runs an effect with the SORACOM secret header names on `Headers.CurrentRedactedNames`.
 *
 * @category combinators
 * @since 0.1.0
 */
export const withRedactedHeaders = <A, E, R>(self: Effect.Effect<A, E, R>): Effect.Effect<A, E, R> =>
  Effect.updateContext(self, addRedactedHeaders)

/**
 * Options of {@link layer}. Every field is optional.
 *
 * @category models
 * @since 0.1.0
 */
export interface Options {
  /** Where the API lives. Default: Japan coverage, production (`https://api.soracom.io/v1`). */
  readonly endpoint?: Endpoint.Endpoint | undefined
  /** `X-Soracom-Lang`. Default `en`. */
  readonly language?: Language | undefined
  /** Retry policy (overrides of `RetryPolicy.defaults`). Default `RetryPolicy.defaults`. */
  readonly retryPolicy?: RetryPolicy.Input | RetryPolicy.RetryPolicy | undefined
  /** Token lifetime sent when a request has none (seconds, 180…172800). Default 86400. */
  readonly tokenTimeoutSeconds?: number | undefined
  /** A `User-Agent` header, when given (browsers may ignore it). */
  readonly userAgent?: string | undefined
  /**
   * Send the current trace to SORACOM (`traceparent` / `b3` headers, with an HTTP client span per attempt).
   * Default `false`: nothing about your traces leaves the process, and each operation is one span
   * (`SoracomAuth.auth`, …) with no span per attempt.
   */
  readonly traceContext?: boolean | undefined
}

/**
 * The service interface.
 *
 * @category models
 * @since 0.1.0
 */
export interface Service {
  /** The resolved base URL (ends in `/v1`). */
  readonly baseUrl: string
  /** The token lifetime used when a request has none (seconds). */
  readonly tokenTimeoutSeconds: number
  /** `POST /auth`: sign in. `expiresAt` = the Clock when the response arrived + the request's lifetime. */
  readonly auth: (request: AuthRequest) => Effect.Effect<AuthResponse.AuthResponse, AuthError>
  /** `POST /auth/password_reset_token/issue`: SORACOM mails a reset token. Retried only if provably unsent. */
  readonly issuePasswordResetToken: (
    request: PasswordReset.IssueRequest,
  ) => Effect.Effect<void, IssuePasswordResetTokenError>
  /** `POST /auth/password_reset_token/verify`: set a new password with the token. Retried only if provably unsent. */
  readonly verifyPasswordResetToken: (
    request: PasswordReset.VerifyRequest,
  ) => Effect.Effect<void, VerifyPasswordResetTokenError>
  /** `POST /auth/logout` with the session's headers (204): revokes that API key and token. */
  readonly logout: (session: AuthResponse.AuthResponse) => Effect.Effect<void, LogoutError>
  /**
   * `POST /operators/{operatorId}/token` with the session's key and token: a new token for the same API key —
   * no credentials, so no MFA code. `lifetime` in seconds (180…172800; default: the service's). The old token
   * keeps working until it expires. `RenewalRefused` (400): the token has expired — sign in again.
   */
  readonly renewToken: (
    session: AuthResponse.AuthResponse,
    lifetime?: number | undefined,
  ) => Effect.Effect<AuthResponse.AuthResponse, RenewTokenError>
  /**
   * `POST /auth/switch_user` as the session's user: a new session of the target SAM user (at most 3600 s).
   * `SwitchUserNotAllowed` (400): the target's trust policy does not list this user.
   */
  readonly switchUser: (
    session: AuthResponse.AuthResponse,
    request: SwitchUser.Request,
  ) => Effect.Effect<AuthResponse.AuthResponse, SwitchUserError>
}

const paths: Record<Operation, string> = {
  auth: "/auth",
  issuePasswordResetToken: "/auth/password_reset_token/issue",
  verifyPasswordResetToken: "/auth/password_reset_token/verify",
  logout: "/auth/logout",
  switchUser: "/auth/switch_user",
  generateAuthToken: "/operators/{operator_id}/token",
}

interface Answer {
  readonly status: number
  readonly body: string
  readonly receivedAt: number
}

// Decoded in the calling fiber (the sync and Option adapters run a fiber of their own on each call).
const decodeAuthBody = Schema.decodeUnknownEffect(Schema.fromJsonString(Wire.AuthResponseBody))
const decodeTokenBody = Schema.decodeUnknownEffect(Schema.fromJsonString(Wire.GenerateTokenResponseBody))

/**
 * Builds the service from options (requires an `HttpClient`). Fails with `InvalidRequest` on a bad endpoint or
 * token lifetime option.
 *
 * @category constructors
 * @since 0.1.0
 */
export const make = Effect.fnUntraced(function* (options: Options = {}) {
  const client = yield* HttpClient.HttpClient
  const endpoint = yield* Endpoint.validate(options.endpoint ?? Endpoint.defaultEndpoint)
  const baseUrl = Endpoint.resolve(endpoint)
  const tokenTimeoutSeconds = options.tokenTimeoutSeconds ?? Fields.TOKEN_TIMEOUT.default
  const timeoutProblem = Fields.problem("tokenTimeoutSeconds", String(tokenTimeoutSeconds))
  if (Option.isSome(timeoutProblem)) {
    return yield* Effect.fail(invalidField("tokenTimeoutSeconds", timeoutProblem.value))
  }
  const policy = RetryPolicy.make(options.retryPolicy)
  const baseHeaders: Record<string, string> = {
    accept: "application/json",
    "x-soracom-lang": options.language ?? "en",
    ...(options.userAgent === undefined ? {} : { "user-agent": options.userAgent }),
  }

  // Built once per service, not per call: each operation's request up to its body (URL and fixed headers)
  // and its retry.
  const requestTo = (path: string, json: boolean) =>
    HttpClientRequest.setHeaders(
      HttpClientRequest.post(`${baseUrl}${path}`),
      json ? { ...baseHeaders, "content-type": "application/json" } : baseHeaders,
    )
  const requests: Record<Exclude<Operation, "generateAuthToken">, HttpClientRequest.HttpClientRequest> = {
    auth: requestTo(paths.auth, true),
    issuePasswordResetToken: requestTo(paths.issuePasswordResetToken, true),
    verifyPasswordResetToken: requestTo(paths.verifyPasswordResetToken, true),
    logout: requestTo(paths.logout, false),
    switchUser: requestTo(paths.switchUser, true),
  }
  const retries = Object.fromEntries(
    Object.keys(paths).map((operation) => [operation, RetryPolicy.retry(policy, operation as Operation)]),
  ) as Record<Operation, ReturnType<typeof RetryPolicy.retry>>

  /** One attempt: send, read the whole body, map any non-success status through the one status function. */
  const attempt = <Op extends Operation>(
    operation: Op,
    request: HttpClientRequest.HttpClientRequest,
    secrets: ReadonlyArray<string>,
  ): Effect.Effect<Answer, OperationErrors[Op]> =>
    client.execute(request).pipe(
      Effect.flatMap((response) =>
        Effect.map(response.text, (text) => ({ status: response.status, headers: response.headers, text })),
      ),
      Effect.matchEffect({
        onFailure: (cause) => {
          const { reason, detail } = Transport.classify(cause)
          const error = new TransportError({
            operation,
            endpoint: baseUrl,
            reason,
            ...(detail ? { detail } : {}),
          })
          return Effect.fail(error as OperationErrors[Op]) // TransportError belongs to every operation's union
        },
        onSuccess: ({ status, headers, text }) =>
          Effect.clockWith((clock) => {
            const now = clock.currentTimeMillisUnsafe()
            return Status.successStatuses[operation].includes(status)
              ? Effect.succeed({ status, body: text, receivedAt: now })
              : Effect.fail(
                  Status.errorFromResponse({
                    operation,
                    status,
                    headers,
                    body: text,
                    secrets,
                    nowMillis: now,
                  }),
                )
          }),
      }),
    )

  // Around each call, in one context change: the SORACOM secret header names redacted and, by default, no
  // trace-context headers to a third party and no client span per attempt.
  const traceContext = options.traceContext === true
  const callContext = (context: Context.Context<never>): Context.Context<never> =>
    traceContext
      ? addRedactedHeaders(context)
      : Context.add(addRedactedHeaders(context), HttpClient.TracerDisabledWhen, constTrue)

  const call = <Op extends Operation>(
    operation: Op,
    request: HttpClientRequest.HttpClientRequest,
    secrets: ReadonlyArray<string>,
  ): Effect.Effect<Answer, OperationErrors[Op]> =>
    Effect.updateContext(retries[operation](attempt(operation, request, secrets)), callContext)

  /** A session from a 200 `AuthResponse` body, expiring `lifetime` seconds after the answer arrived. */
  const sessionFrom = (
    operation: "auth" | "switchUser",
    answer: Answer,
    lifetime: number,
  ): Effect.Effect<AuthResponse.AuthResponse, UnexpectedResponse> =>
    Effect.mapBoth(decodeAuthBody(answer.body), {
      onFailure: () =>
        new UnexpectedResponse({
          operation,
          status: answer.status,
          detail: "the body is not a JSON object with non-empty apiKey, token and operatorId",
        }),
      // Just decoded by `Wire.AuthResponseBody`; the class has no rule of its own to re-run.
      onSuccess: ({ apiKey, token, operatorId, userName }) =>
        new AuthResponse.AuthResponse(
          {
            apiKey: Redacted.make(apiKey),
            token: Redacted.make(token),
            operatorId,
            ...(userName === undefined ? {} : { userName }),
            issuedAt: DateTime.makeUnsafe(answer.receivedAt),
            expiresAt: DateTime.makeUnsafe(answer.receivedAt + lifetime * 1000),
          },
          { disableChecks: true },
        ),
    })

  /** The headers and scrub list of a call made as `session`. */
  const asSession = (session: AuthResponse.AuthResponse) => {
    const h = AuthResponse.headers(session)
    return {
      headers: { "x-soracom-api-key": h["X-Soracom-API-Key"], "x-soracom-token": h["X-Soracom-Token"] },
      secrets: [h["X-Soracom-API-Key"], h["X-Soracom-Token"]],
    }
  }

  const auth = Effect.fn("SoracomAuth.auth")(function* (request: AuthRequest) {
    yield* Wire.validateAuthRequest(request)
    const body = Wire.encodeAuthRequest(request, tokenTimeoutSeconds)
    const lifetime = body.tokenTimeoutSeconds ?? tokenTimeoutSeconds
    const secrets = [body.password, body.authKey].filter((s): s is string => s !== undefined)
    const answer = yield* call("auth", HttpClientRequest.bodyJsonUnsafe(requests.auth, body), secrets)
    return yield* sessionFrom("auth", answer, lifetime)
  })

  const renewToken = Effect.fn("SoracomAuth.renewToken")(function* (
    session: AuthResponse.AuthResponse,
    lifetime?: number | undefined,
  ) {
    const seconds = lifetime ?? tokenTimeoutSeconds
    const problem = Fields.problem("tokenTimeoutSeconds", String(seconds))
    if (Option.isSome(problem)) return yield* Effect.fail(invalidField("tokenTimeoutSeconds", problem.value))
    const { headers, secrets } = asSession(session)
    const body: Wire.GenerateTokenRequestBody = { tokenTimeoutSeconds: seconds }
    const request = requestTo(`/operators/${encodeURIComponent(session.operatorId)}/token`, true).pipe(
      HttpClientRequest.setHeaders(headers),
      HttpClientRequest.bodyJsonUnsafe(body),
    )
    const answer = yield* call("generateAuthToken", request, secrets)
    const decoded = yield* Effect.mapError(
      decodeTokenBody(answer.body),
      () =>
        new UnexpectedResponse({
          operation: "generateAuthToken",
          status: answer.status,
          detail: "the body is not a JSON object with a non-empty token",
        }),
    )
    // The session's own values and a token just decoded by `Wire.GenerateTokenResponseBody`.
    return new AuthResponse.AuthResponse(
      {
        apiKey: session.apiKey,
        token: Redacted.make(decoded.token),
        operatorId: session.operatorId,
        ...(session.userName === undefined ? {} : { userName: session.userName }),
        issuedAt: DateTime.makeUnsafe(answer.receivedAt),
        expiresAt: DateTime.makeUnsafe(answer.receivedAt + seconds * 1000),
      },
      { disableChecks: true },
    )
  })

  const switchUser = Effect.fn("SoracomAuth.switchUser")(function* (
    session: AuthResponse.AuthResponse,
    request: SwitchUser.Request,
  ) {
    yield* SwitchUser.validate(request)
    const lifetime = request.tokenTimeoutSeconds ?? SwitchUser.TOKEN_TIMEOUT.default
    const { headers, secrets } = asSession(session)
    const body: Wire.SwitchUserRequestBody = {
      operatorId: request.operatorId,
      userName: request.userName,
      tokenTimeoutSeconds: lifetime,
    }
    const answer = yield* call(
      "switchUser",
      HttpClientRequest.bodyJsonUnsafe(HttpClientRequest.setHeaders(requests.switchUser, headers), body),
      secrets,
    )
    return yield* sessionFrom("switchUser", answer, lifetime)
  })

  const issuePasswordResetToken = Effect.fn("SoracomAuth.issuePasswordResetToken")(function* (
    request: PasswordReset.IssueRequest,
  ) {
    yield* PasswordReset.validateIssue(request)
    const body = Wire.encodeIssuePasswordResetTokenRequest(request)
    yield* call(
      "issuePasswordResetToken",
      HttpClientRequest.bodyJsonUnsafe(requests.issuePasswordResetToken, body),
      [],
    )
  })

  const verifyPasswordResetToken = Effect.fn("SoracomAuth.verifyPasswordResetToken")(function* (
    request: PasswordReset.VerifyRequest,
  ) {
    yield* PasswordReset.validateVerify(request)
    const body = Wire.encodeVerifyPasswordResetTokenRequest(request)
    yield* call(
      "verifyPasswordResetToken",
      HttpClientRequest.bodyJsonUnsafe(requests.verifyPasswordResetToken, body),
      [body.password, body.token],
    )
  })

  const logout = Effect.fn("SoracomAuth.logout")(function* (session: AuthResponse.AuthResponse) {
    const { headers, secrets } = asSession(session)
    yield* call("logout", HttpClientRequest.setHeaders(requests.logout, headers), secrets)
  })

  return SoracomAuth.of({
    baseUrl,
    tokenTimeoutSeconds,
    auth,
    issuePasswordResetToken,
    verifyPasswordResetToken,
    logout,
    renewToken,
    switchUser,
  })
})

/**
 * Reads options from the environment, explicit `overrides` winning:
 * endpoint from `SORACOM_ENDPOINT` (base URL without `/v1`) > `SORACOM_COVERAGE_TYPE` (`jp`|`g`, default `jp`)
 * (+ `SORACOM_SANDBOX=true` for SORACOM's hosted sandbox); language from `SORACOM_LANG`, else `LANG`.
 *
 * @category config
 * @since 0.1.0
 */
export const optionsConfig = (overrides: Options = {}): Config.Config<Options> =>
  Config.all({
    endpoint: Endpoint.config,
    lang: Config.option(Config.String("SORACOM_LANG")),
    locale: Config.option(Config.String("LANG")),
  }).pipe(
    Config.map(({ endpoint, lang, locale }) => ({
      endpoint,
      language: languageFromLocale(Option.getOrUndefined(Option.orElse(lang, () => locale))),
      ...Object.fromEntries(Object.entries(overrides).filter(([, v]) => v !== undefined)),
    })),
  )

/**
 * The SORACOM Auth service.
 *
 * @category services
 * @since 0.1.0
 */
export class SoracomAuth extends Context.Service<SoracomAuth, Service>()("@soracom-auth/core/SoracomAuth") {}

/**
 * A layer from options; requires `HttpClient.HttpClient`.
 *
 * @category layers
 * @since 0.1.0
 */
export const layer = (
  options: Options = {},
): Layer.Layer<SoracomAuth, InvalidRequest, HttpClient.HttpClient> => Layer.effect(SoracomAuth, make(options))

/**
 * A layer from the environment (see {@link optionsConfig}), `overrides` winning; requires `HttpClient.HttpClient`.
 *
 * @category layers
 * @since 0.1.0
 */
export const layerConfig = (
  overrides: Options = {},
): Layer.Layer<SoracomAuth, InvalidRequest | Config.ConfigError, HttpClient.HttpClient> =>
  Layer.effect(SoracomAuth, Effect.flatMap(optionsConfig(overrides), make))
