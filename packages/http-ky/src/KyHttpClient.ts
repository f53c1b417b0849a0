/**
 * Effect's `HttpClient` (from `effect/http`) backed by ONE ky instance.
 *
 * ky does no retries (`retry: 0`) and never throws on a status (`throwHttpErrors: false`): the caller —
 * `@soracom-auth/core` — owns both decisions, so attempts never multiply. Any status comes back as a
 * response; every failure to get one is an `HttpClientError` that keeps ky's error as its `cause`.
 * Interrupting the Effect aborts the request through its AbortSignal: the socket closes.
 *
 * @since 0.1.0
 */
import * as Clock from "effect/Clock"
import * as Config from "effect/Config"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Exit from "effect/Exit"
import * as Headers from "effect/http/Headers"
import type * as HttpBody from "effect/http/HttpBody"
import * as HttpClient from "effect/http/HttpClient"
import type * as HttpClientError from "effect/http/HttpClientError"
import type * as HttpClientRequest from "effect/http/HttpClientRequest"
import * as HttpClientResponse from "effect/http/HttpClientResponse"
import * as Layer from "effect/Layer"
import * as Option from "effect/Option"
import * as Schema from "effect/Schema"
import * as Stream from "effect/Stream"
import ky, { type Options as KyOptions } from "ky"
import * as HttpTrace from "./HttpTrace.ts"
import { fromKyFailure, type TimeoutSettings } from "./internal/errors.ts"
import { exchange } from "./internal/exchange.ts"
import { requestSecrets, scrubEntry } from "./internal/scrub.ts"
import { version } from "./version.ts"

/**
 * Options of {@link make} / {@link layer}; every one is optional, see {@link defaults}.
 *
 * @category models
 * @since 0.1.0
 */
export interface Options {
  /**
   * ky's per-attempt timeout: how long to wait for the response headers, and again for the body.
   * `"Infinity"` for none. Default {@link defaults}.timeout (10 s).
   */
  readonly timeout?: Duration.Input | undefined
  /** Cap on one whole exchange, headers and body. Default none. */
  readonly totalTimeout?: Duration.Input | undefined
  /** `User-Agent` sent unless a request sets its own. Default `soracom-auth/<version>`. */
  readonly userAgent?: string | undefined
  /** Extra headers sent with every request (a request's own headers win). Default none. */
  readonly headers?: Readonly<Record<string, string>> | undefined
  /** The `fetch` ky calls (tests, other runtimes). Default `globalThis.fetch`, looked up per request. */
  readonly fetch?: typeof globalThis.fetch | undefined
  /** Receives a redacted trace of every exchange (`--verbose`). Default none: no tracing cost at all. */
  readonly trace?: HttpTrace.Tracer | undefined
  /**
   * What the trace redacts besides {@link HttpTrace.defaultRedaction} and the fiber's
   * `Headers.CurrentRedactedNames`: the API's own secret header names and JSON body fields (for SORACOM:
   * `SoracomAuth.redactedHeaderNames` and `Wire.secretFields` from `@soracom-auth/core`). Default none.
   */
  readonly redact?: HttpTrace.Redaction | undefined
}

/**
 * An option the layer cannot honour (e.g. a timeout that is not a positive duration below 2³¹ ms).
 *
 * @category errors
 * @since 0.1.0
 */
export class InvalidOptions extends Schema.TaggedError<InvalidOptions>()("InvalidOptions", {
  option: Schema.String,
  reason: Schema.String,
}) {
  override get message(): string {
    return `KyHttpClient: ${this.option} ${this.reason}`
  }
}

/**
 * The defaults, in one place.
 *
 * @category constants
 * @since 0.1.0
 */
export const defaults = {
  timeout: Duration.seconds(10),
  totalTimeout: undefined,
  userAgent: `soracom-auth/${version}`,
  headers: {},
  fetch: undefined,
  trace: undefined,
  redact: undefined,
} as const satisfies Options

/** ky's own ceiling for a timer. */
const maxTimeoutMs = 2_147_483_647

const toMillis = (
  option: "timeout" | "totalTimeout",
  input: Duration.Input | undefined,
): Effect.Effect<number | false, InvalidOptions> => {
  if (input === undefined) return Effect.succeed(false)
  const duration = Duration.fromInput(input)
  if (duration._tag === "None") {
    return Effect.fail(new InvalidOptions({ option, reason: `is not a duration: ${String(input)}` }))
  }
  if (!Duration.isFinite(duration.value)) return Effect.succeed(false)
  const ms = Math.ceil(Duration.toMillis(duration.value))
  return ms > 0 && ms <= maxTimeoutMs
    ? Effect.succeed(ms)
    : Effect.fail(
        new InvalidOptions({ option, reason: `must be between 1 ms and ${maxTimeoutMs} ms, got ${ms} ms` }),
      )
}

interface Settings extends TimeoutSettings {
  readonly headers: Readonly<Record<string, string>>
  readonly trace: HttpTrace.Tracer | undefined
  readonly redact: HttpTrace.Redaction
}

/** The layer's default headers under the request's own (both lower-case), without `content-length`. */
const outgoingHeaders = (
  defaults: Readonly<Record<string, string>>,
  request: HttpClientRequest.HttpClientRequest,
): Record<string, string> => {
  const headers: Record<string, string> = { ...defaults }
  // fetch computes the length itself and rejects a caller-supplied one.
  for (const name in request.headers) if (name !== "content-length") headers[name] = request.headers[name]!
  return headers
}

type Body = NonNullable<KyOptions["body"]>

/**
 * An `HttpClient` over one `ky.create(…)` instance; fails with {@link InvalidOptions} on an option ky cannot
 * honour.
 *
 * @category constructors
 * @since 0.1.0
 */
export const make = Effect.fnUntraced(function* (options: Options = {}) {
  const settings: Settings = {
    timeoutMs: yield* toMillis("timeout", options.timeout ?? defaults.timeout),
    totalTimeoutMs: yield* toMillis("totalTimeout", options.totalTimeout),
    headers: Headers.fromInput({ "user-agent": options.userAgent ?? defaults.userAgent, ...options.headers }),
    trace: options.trace,
    redact: options.redact ?? {},
  }
  const injected = options.fetch
  const api = ky.create({
    retry: 0,
    throwHttpErrors: false,
    timeout: settings.timeoutMs,
    totalTimeout: settings.totalTimeoutMs,
    // Looked up per request, so a `fetch` replaced after the layer was built is the one called.
    fetch: (input, init) => (injected ?? globalThis.fetch)(input, init),
  })

  const send = (
    request: HttpClientRequest.HttpClientRequest,
    url: URL,
    signal: AbortSignal,
    body: Body | undefined,
  ): Effect.Effect<HttpClientResponse.HttpClientResponse, HttpClientError.HttpClientError> =>
    Effect.map(
      Effect.tryPromise({
        // `signal` is the fiber's: HttpClient.make aborts it when the Effect is interrupted (or timed out).
        try: () =>
          exchange(api, url, request.method, outgoingHeaders(settings.headers, request), signal, body),
        catch: (cause) => fromKyFailure(request, cause, settings),
      }),
      (response) => HttpClientResponse.fromWeb(request, response),
    )

  // As Effect's FetchHttpClient: the body handed over as it is; only a stream needs an Effect to become one.
  const execute = (request: HttpClientRequest.HttpClientRequest, url: URL, signal: AbortSignal) => {
    const body = request.body
    switch (body._tag) {
      case "Empty":
        return send(request, url, signal, undefined)
      case "Raw":
      case "Uint8Array":
        return send(request, url, signal, body.body as Body)
      case "FormData":
        return send(request, url, signal, body.formData)
      case "Stream":
        return Effect.flatMap(Stream.toReadableStreamEffect()(body.stream), (stream) =>
          send(request, url, signal, stream),
        )
    }
  }

  return HttpClient.make((request, url, signal, fiber) =>
    settings.trace === undefined
      ? execute(request, url, signal)
      : traced(
          execute(request, url, signal),
          settings,
          request,
          url,
          fiber.getRef(Headers.CurrentRedactedNames),
        ),
  )
})

const traced = (
  response: Effect.Effect<HttpClientResponse.HttpClientResponse, HttpClientError.HttpClientError>,
  settings: Settings,
  request: HttpClientRequest.HttpClientRequest,
  url: URL,
  redactedNames: ReadonlyArray<string | RegExp>,
) =>
  Effect.flatMap(Clock.currentTimeNanos, (start) =>
    Effect.onExit(response, (exit) =>
      Effect.flatMap(Clock.currentTimeNanos, (end) => {
        const body = request.body
        const sentHeaders = { ...settings.headers, ...request.headers }
        const headerNames = [...(settings.redact.headerNames ?? []), ...redactedNames]
        const requestHeaders = HttpTrace.redactHeaders(sentHeaders, headerNames)
        const textBody =
          body._tag === "Uint8Array" || (body._tag === "Raw" && typeof body.body === "string")
            ? (body.body as string | Uint8Array)
            : undefined
        const requestBody =
          textBody !== undefined
            ? HttpTrace.redactBody(
                textBody,
                (body as HttpBody.Uint8Array | HttpBody.Raw).contentType,
                settings.redact.bodyFields,
              )
            : body._tag === "Empty"
              ? undefined
              : `<${body._tag} body>`
        // The values redacted above are the request's secrets: scrubbed from everything else the trace shows.
        const secrets = requestSecrets(
          sentHeaders,
          requestHeaders,
          textBody === undefined
            ? undefined
            : typeof textBody === "string"
              ? textBody
              : new TextDecoder().decode(textBody),
          requestBody,
        )
        const trace = (e: HttpTrace.TraceEntry) => settings.trace?.(scrubEntry(e, secrets))
        const entry: HttpTrace.TraceEntry = {
          method: request.method,
          url: url.href,
          requestHeaders,
          requestBody,
          durationMs: Number(end - start) / 1e6,
        }
        if (Exit.isSuccess(exit)) {
          const res = exit.value
          return Effect.map(
            // A copy of the body: reading the response's own would leave the caller a used one (`stream`, `formData`).
            Effect.orElseSucceed(
              Effect.tryPromise(() => Option.getOrThrow(HttpClientResponse.toWeb(res)).clone().arrayBuffer()),
              () => new ArrayBuffer(0),
            ),
            (bytes) =>
              trace({
                ...entry,
                status: res.status,
                responseHeaders: HttpTrace.redactHeaders(res.headers, headerNames),
                responseBody: HttpTrace.redactBody(
                  new Uint8Array(bytes),
                  res.headers["content-type"],
                  settings.redact.bodyFields,
                ),
              }),
          )
        }
        const error = Exit.hasInterrupts(exit)
          ? "interrupted"
          : (exit.cause.reasons.find((reason) => reason._tag === "Fail")?.error.message ?? "failed")
        return Effect.sync(() => trace({ ...entry, error }))
      }),
    ),
  )

/**
 * The `HttpClient` layer: {@link make} with `options`.
 *
 * @category layers
 * @since 0.1.0
 */
export const layer = (options: Options = {}): Layer.Layer<HttpClient.HttpClient, InvalidOptions> =>
  Layer.effect(HttpClient.HttpClient)(make(options))

/**
 * The `HttpClient` layer with its options read from `Config` (a `Config<Options>`, or a record of
 * `Config`s per option), e.g. `{ timeout: Config.Duration("SORACOM_HTTP_TIMEOUT").pipe(Config.withDefault(…)) }`.
 *
 * @category layers
 * @since 0.1.0
 */
export const layerConfig = (
  config: Config.Wrap<Options>,
): Layer.Layer<HttpClient.HttpClient, Config.ConfigError | InvalidOptions> =>
  Layer.effect(HttpClient.HttpClient)(Effect.flatMap(Config.unwrap(config), make))
