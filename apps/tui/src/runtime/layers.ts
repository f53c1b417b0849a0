/**
 * The Effect layers the app runs on, built in one place from resolved options:
 * `SoracomAuth` (core) over `KyHttpClient` (http-ky), plus the profile store and session cache.
 *
 * ```ts
 * const layer = appLayer({ endpoint: Endpoint.coverage("jp"), language: "ja", trace: (l) => process.stderr.write(l) })
 * await Effect.runPromise(program.pipe(Effect.provide(layer)))
 * ```
 */
import { type Endpoint, SoracomAuth } from "@soracom-auth/core"
import { Effect, Layer } from "effect"
import * as Profiles from "../profiles/index.ts"
import { version } from "./version.ts"

/** @category models */
export interface AuthLayerOptions {
  readonly endpoint: Endpoint.Endpoint
  readonly language?: "en" | "ja" | undefined
  /** Default token lifetime in seconds (180…172800); requests may set their own. */
  readonly tokenTimeoutSeconds?: number | undefined
  /** `--verbose`: receives each HTTP exchange formatted, every secret redacted (by http-ky). */
  readonly trace?: ((text: string) => void) | undefined
}

/**
 * `SoracomAuth` over ky. Fails with core's `InvalidRequest` for a malformed endpoint. The HTTP stack (ky,
 * and with it Node's fetch) is loaded when the layer is built, so commands that make no request never pay for it.
 *
 * @category layers
 */
export const authLayer = (options: AuthLayerOptions) => {
  const trace = options.trace
  const http = Layer.unwrap(
    Effect.promise(() => import("@soracom-auth/http-ky")).pipe(
      Effect.map(({ HttpTrace, KyHttpClient }) =>
        KyHttpClient.layer({
          userAgent: `soracom-auth/${version}`,
          trace: trace === undefined ? undefined : (entry) => trace(HttpTrace.format(entry)),
        }),
      ),
    ),
  )
  return SoracomAuth.layer({
    endpoint: options.endpoint,
    language: options.language,
    tokenTimeoutSeconds: options.tokenTimeoutSeconds,
    userAgent: `soracom-auth/${version}`,
  }).pipe(Layer.provide(http))
}

/** `ProfileStore` + `SessionCache` over one directory (default `SORACOM_PROFILE_DIR` or `~/.soracom`). @category layers */
export const profilesLayer = (dir?: string) => Profiles.layer(dir)

/** Everything a command or the UI needs. @category layers */
export const appLayer = (options: AuthLayerOptions & { readonly profileDir?: string | undefined }) =>
  Layer.mergeAll(authLayer(options), profilesLayer(options.profileDir))
