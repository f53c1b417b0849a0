/**
 * The endpoints the user can choose from, built from the app options: the embedded sandbox (demo), the endpoint the
 * caller passed, and SORACOM's two coverages.
 */
import { CoreEndpoint } from "./core.ts"
import type { Endpoint } from "./model.ts"
import type { AppOptions } from "./options.ts"

const host = (baseUrl: string) => baseUrl.replace(/^https?:\/\//, "").replace(/\/v1$/, "")

const make = (
  id: Endpoint["id"],
  label: string,
  endpoint: CoreEndpoint.Endpoint,
  sandbox: boolean,
): Endpoint => {
  const baseUrl = CoreEndpoint.resolve(endpoint)
  return { id, label: `${label} · ${host(baseUrl)}`, baseUrl, sandbox, endpoint }
}

/** The choices, the default first. @category constructors */
export const endpointChoices = (options: Pick<AppOptions, "demo" | "endpoint">): ReadonlyArray<Endpoint> => {
  const out: Array<Endpoint> = []
  if (options.demo !== undefined) {
    out.push(make("demo", "Embedded sandbox (demo)", CoreEndpoint.url(options.demo.url), true))
  }
  const given = options.endpoint
  const demoBase =
    options.demo === undefined ? undefined : CoreEndpoint.resolve(CoreEndpoint.url(options.demo.url))
  if (
    given !== undefined &&
    given._tag === "Url" &&
    CoreEndpoint.resolve(CoreEndpoint.url(given.url)) !== demoBase
  ) {
    out.push(make("custom", "Given endpoint", CoreEndpoint.url(given.url), false))
  }
  const coverages: ReadonlyArray<"jp" | "g"> =
    given?._tag === "Coverage" && given.coverage === "g" ? ["g", "jp"] : ["jp", "g"]
  if (given?._tag === "Coverage" && given.sandbox === true) {
    out.push(
      make(
        `${given.coverage}-sandbox`,
        `SORACOM API sandbox (${given.coverage})`,
        CoreEndpoint.coverage(given.coverage, { sandbox: true }),
        true,
      ),
    )
  }
  for (const coverage of coverages) {
    out.push(
      make(
        coverage,
        coverage === "jp" ? "Japan coverage (jp)" : "Global coverage (g)",
        CoreEndpoint.coverage(coverage),
        false,
      ),
    )
  }
  return out
}

/**
 * The endpoint a profile points at, as one of the choices when it is one (same base URL), else as its own entry.
 *
 * @category constructors
 */
export const endpointOf = (
  target:
    | { readonly _tag: "Url"; readonly url: string }
    | {
        readonly _tag: "Coverage"
        readonly coverage: "jp" | "g"
        readonly sandbox: boolean
      },
  choices: ReadonlyArray<Endpoint>,
): Endpoint => {
  const endpoint: CoreEndpoint.Endpoint =
    target._tag === "Url"
      ? CoreEndpoint.url(target.url)
      : CoreEndpoint.coverage(target.coverage, { sandbox: target.sandbox })
  const baseUrl = CoreEndpoint.resolve(endpoint)
  const known = choices.find((e) => e.baseUrl === baseUrl)
  if (known !== undefined) return known
  return target._tag === "Url"
    ? make("custom", "Profile endpoint", endpoint, false)
    : make(`${target.coverage}-sandbox`, `SORACOM API sandbox (${target.coverage})`, endpoint, target.sandbox)
}
