/**
 * How the app reaches an API: `SoracomAuth` (core) over ky (http-ky) for an endpoint, with the message language,
 * the `--verbose` trace and the app's User-Agent decided once. The HTTP stack loads when first used, so commands
 * that make no request never pay for it.
 */
import { Endpoint, type Errors, SoracomAuth, Wire } from "@soracom-auth/core"
import { Context, Effect, Layer } from "effect"
import type { HttpClient } from "effect/http"
import type { Language } from "../environment.ts"
import { version } from "../version.ts"

/** @category models */
export interface ApiOptions {
  readonly language?: Language | undefined
  /** `--verbose`: receives each HTTP exchange formatted, every secret redacted (by http-ky). */
  readonly trace?: ((text: string) => void) | undefined
  /** Told the base URL of each API the app talks to (so messages can name it). */
  readonly onEndpoint?: ((baseUrl: string) => void) | undefined
}

/** @category models */
export interface ApiShape {
  /** `SoracomAuth` at an endpoint; fails with `InvalidRequest` for a malformed endpoint. */
  readonly auth: (
    endpoint: Endpoint.Endpoint,
    options?: { readonly tokenTimeoutSeconds?: number | undefined },
  ) => Layer.Layer<SoracomAuth.SoracomAuth, Errors.InvalidRequest>
  /** The HTTP client under it (for authenticated calls such as the session check). */
  readonly http: Layer.Layer<HttpClient.HttpClient>
}

/** @category services */
export class Api extends Context.Service<Api, ApiShape>()("@soracom-auth/tui/session/Api") {
  static make(options: ApiOptions = {}): ApiShape {
    const trace = options.trace
    const userAgent = `soracom-auth/${version}`
    const http = Layer.unwrap(
      Effect.promise(() => import("@soracom-auth/http-ky")).pipe(
        Effect.map(({ HttpTrace, KyHttpClient }) =>
          KyHttpClient.layer({
            userAgent,
            trace: trace === undefined ? undefined : (entry) => trace(HttpTrace.format(entry)),
            redact: { headerNames: SoracomAuth.redactedHeaderNames, bodyFields: Wire.secretFields },
          }),
        ),
      ),
      // No timeout option is given, so KyHttpClient.InvalidOptions cannot happen here.
    ).pipe(Layer.orDie)
    return {
      http,
      auth: (endpoint, authOptions = {}) => {
        options.onEndpoint?.(Endpoint.resolve(endpoint))
        return SoracomAuth.layer({
          endpoint,
          language: options.language,
          tokenTimeoutSeconds: authOptions.tokenTimeoutSeconds,
          userAgent,
        }).pipe(Layer.provide(http))
      },
    }
  }

  static layer(options: ApiOptions = {}): Layer.Layer<Api> {
    return Layer.succeed(Api, Api.make(options))
  }
}
