/**
 * Where the SORACOM API lives: a coverage (`jp` / `g`), SORACOM's hosted sandbox, or any base URL.
 *
 * {@link resolve} gives the base URL that
 * operation paths (`/auth`, …) are appended to — it always ends in `/v1`.
 *
 * A custom URL is given **without** `/v1`, as soracom-cli's `SORACOM_ENDPOINT` is
 * (`https://api.soracom.io` → `https://api.soracom.io/v1`); a URL that already ends in `/v1` is kept as is.
 *
 * @since 0.1.0
 */

import * as Config from "effect/Config"
import * as Effect from "effect/Effect"
import * as Option from "effect/Option"
import * as Schema from "effect/Schema"
import { InvalidRequest, type InvalidRequestRule } from "./Errors.ts"

/**
 * SORACOM coverage type: `jp` (Japan) or `g` (global).
 *
 * @category models
 * @since 0.1.0
 */
export type Coverage = "jp" | "g"

/**
 * @category schemas
 * @since 0.1.0
 */
export const Coverage = Schema.Literals(["jp", "g"])

/**
 * An endpoint: a coverage (optionally SORACOM's hosted sandbox of that coverage) or a custom base URL.
 *
 * @category models
 * @since 0.1.0
 */
export type Endpoint =
  | { readonly _tag: "Coverage"; readonly coverage: Coverage; readonly sandbox: boolean }
  | { readonly _tag: "Url"; readonly url: string }

/** Production base URLs (with `/v1`). @category constants @since 0.1.0 */
export const baseUrls: Record<Coverage, string> = {
  jp: "https://api.soracom.io/v1",
  g: "https://g.api.soracom.io/v1",
}

/** SORACOM's hosted sandbox base URLs (with `/v1`). @category constants @since 0.1.0 */
export const sandboxBaseUrls: Record<Coverage, string> = {
  jp: "https://api-sandbox.soracom.io/v1",
  g: "https://g.api-sandbox.soracom.io/v1",
}

/**
 * A coverage's production API, or its hosted sandbox with `{ sandbox: true }`.
 *
 * @category constructors
 * @since 0.1.0
 */
export const coverage = (
  coverage: Coverage,
  options?: { readonly sandbox?: boolean | undefined },
): Endpoint => ({
  _tag: "Coverage",
  coverage,
  sandbox: options?.sandbox === true,
})

/**
 * Any base URL, given without `/v1` (like `SORACOM_ENDPOINT`), e.g. `http://127.0.0.1:8080` for a local sandbox.
 * No validation here: {@link validate} / the service's constructor checks it.
 *
 * @category constructors
 * @since 0.1.0
 */
export const url = (url: string): Endpoint => ({ _tag: "Url", url })

/** The default: Japan coverage, production. @category constants @since 0.1.0 */
export const defaultEndpoint: Endpoint = coverage("jp")

/**
 * The base URL (always ending in `/v1`, no trailing slash) operation paths are appended to.
 *
 * @category getters
 * @since 0.1.0
 */
export const resolve = (endpoint: Endpoint): string => {
  if (endpoint._tag === "Coverage") {
    return (endpoint.sandbox ? sandboxBaseUrls : baseUrls)[endpoint.coverage]
  }
  const trimmed = endpoint.url.trim().replace(/\/+$/, "")
  return trimmed.endsWith("/v1") ? trimmed : `${trimmed}/v1`
}

/**
 * Checks that an endpoint is usable (a custom URL must be absolute http(s)); fails with `InvalidRequest`
 * naming the `endpoint` field.
 *
 * @category validation
 * @since 0.1.0
 */
export const validate = (endpoint: Endpoint): Effect.Effect<Endpoint, InvalidRequest> => {
  const found = broken(endpoint)
  return found === undefined
    ? Effect.succeed(endpoint)
    : Effect.fail(new InvalidRequest({ field: "endpoint", ...found }))
}

/**
 * Why an endpoint cannot be used, in one sentence that never repeats the URL (it may hold a password), or
 * `undefined`. A user name or password in the URL would be sent to the server and shown in every message and
 * trace that names the endpoint; a query or fragment would be glued to every operation's path.
 *
 * @category validation
 * @since 0.1.0
 */
export const problem = (endpoint: Endpoint): string | undefined => broken(endpoint)?.reason

/** The broken rule: its code (for an app's own words) and the sentence. */
const broken = (
  endpoint: Endpoint,
): { readonly reason: string; readonly rule: InvalidRequestRule } | undefined => {
  if (endpoint._tag === "Coverage") return undefined
  const base = resolve(endpoint)
  const authority = /^https?:\/\/([^/?#]*)/i.exec(base)?.[1]
  if (authority?.includes("@"))
    return {
      reason:
        "The endpoint must not contain a user name or password (user:password@host); SORACOM takes credentials only in the request.",
      rule: "endpointCredentials",
    }
  if (/[?#]/.test(base))
    return { reason: "The endpoint must not contain a query (?…) or a fragment (#…).", rule: "endpointQuery" }
  const ok = /^https?:\/\/[^\s/?#@]+(\/[^\s?#]*)?$/i.test(base) && URL.canParse(base)
  return ok
    ? undefined
    : { reason: "The endpoint must be an absolute http:// or https:// URL.", rule: "endpointUrl" }
}

/**
 * Reads the endpoint as soracom-cli does: `SORACOM_ENDPOINT` (a base URL without `/v1`) wins over
 * `SORACOM_COVERAGE_TYPE` (`jp` | `g`, default `jp`). `SORACOM_SANDBOX=true` selects the hosted sandbox of the
 * coverage.
 *
 * @category config
 * @since 0.1.0
 */
export const config: Config.Config<Endpoint> = Config.all({
  endpoint: Config.option(Config.String("SORACOM_ENDPOINT")),
  coverage: Config.withDefault(Config.Literals(["jp", "g"], "SORACOM_COVERAGE_TYPE"), "jp" as const),
  sandbox: Config.withDefault(Config.Boolean("SORACOM_SANDBOX"), false),
}).pipe(
  Config.map(({ endpoint, coverage: cov, sandbox }) =>
    Option.match(
      Option.filter(endpoint, (s) => s.trim().length > 0),
      {
        onNone: () => coverage(cov, { sandbox }),
        onSome: url,
      },
    ),
  ),
)
