/**
 * The endpoints the user can choose from, built from the app options: the embedded sandbox (demo), the endpoint the
 * caller passed, and SORACOM's two coverages.
 */
import { Endpoint } from "@soracom-auth/core"
import { messages } from "../presentation/messages.ts"
import type { EndpointChoice } from "./model.ts"
import type { AppOptions } from "./options.ts"

const host = (baseUrl: string) => baseUrl.replace(/^https?:\/\//, "").replace(/\/v1$/, "")

const make = (
  id: EndpointChoice["id"],
  label: string,
  endpoint: Endpoint.Endpoint,
  sandbox: boolean,
): EndpointChoice => {
  const baseUrl = Endpoint.resolve(endpoint)
  return { id, label: `${label} · ${host(baseUrl)}`, baseUrl, sandbox, endpoint }
}

/** The choices, the default first. @category constructors */
export const endpointChoices = (
  options: Pick<AppOptions, "demo" | "endpoint">,
): ReadonlyArray<EndpointChoice> => {
  const out: Array<EndpointChoice> = []
  if (options.demo !== undefined) {
    out.push(make("demo", messages.ui.endpointLabel.demo, Endpoint.url(options.demo.url), true))
  }
  const given = options.endpoint
  const demoBase = options.demo === undefined ? undefined : Endpoint.resolve(Endpoint.url(options.demo.url))
  if (given !== undefined && given._tag === "Url" && Endpoint.resolve(Endpoint.url(given.url)) !== demoBase) {
    out.push(make("custom", messages.ui.endpointLabel.given, Endpoint.url(given.url), false))
  }
  const coverages: ReadonlyArray<"jp" | "g"> =
    given?._tag === "Coverage" && given.coverage === "g" ? ["g", "jp"] : ["jp", "g"]
  if (given?._tag === "Coverage" && given.sandbox === true) {
    out.push(
      make(
        `${given.coverage}-sandbox`,
        messages.ui.endpointLabel.sandbox(given.coverage),
        Endpoint.coverage(given.coverage, { sandbox: true }),
        true,
      ),
    )
  }
  for (const coverage of coverages) {
    out.push(make(coverage, messages.ui.endpointLabel[coverage], Endpoint.coverage(coverage), false))
  }
  return out
}

/**
 * The endpoint a profile points at, as one of the choices when it is one (same base URL), else as its own entry.
 *
 * @category constructors
 */
export const endpointOf = (
  target: Endpoint.Endpoint,
  choices: ReadonlyArray<EndpointChoice>,
): EndpointChoice => {
  const endpoint = target
  const baseUrl = Endpoint.resolve(endpoint)
  const known = choices.find((e) => e.baseUrl === baseUrl)
  if (known !== undefined) return known
  return target._tag === "Url"
    ? make("custom", messages.ui.endpointLabel.profile, endpoint, false)
    : make(
        `${target.coverage}-sandbox`,
        messages.ui.endpointLabel.sandbox(target.coverage),
        endpoint,
        target.sandbox,
      )
}
