/**
 * Request and response validators per path + status, compiled by ajv from the dereferenced spec.
 *
 * Requests are checked strictly: every object schema of the request body is treated as
 * `additionalProperties: false`, so a misspelt key (`mfaOtpCode` for `mfaOTPCode`) or a property the spec
 * lacks fails. Responses are checked the same way: our sandbox claims to be faithful, so it must not invent
 * properties either.
 *
 * Where the spec documents a status without a body (SORACOM's Auth paths document none for their errors),
 * the rules are SORACOM's observed ones (see `docs/soracom.md`): a 2xx without documented content has an
 * empty body; an error status has a JSON `APICallErrorMessage` body (`{code, message}`); 5xx from the gateway
 * may be `text/plain`. Where an error documents `APICallError` (`{errorMessage: {code, message}, httpStatus}`,
 * e.g. `generateAuthToken`'s 400), the body SORACOM actually sends is the bare `APICallErrorMessage`.
 */
import { Ajv, type ErrorObject, type ValidateFunction } from "ajv"
import addFormatsModule from "ajv-formats"
import {
  type CheckedPath,
  checkedPathOf,
  checkedPaths,
  documentedStatuses,
  type LoadedSpecs,
  type Operation,
  operationName,
  type SchemaObject,
} from "./spec.ts"

// ajv-formats is CommonJS with a default export; under NodeNext its callable sits on `.default`.
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ??
  addFormatsModule) as unknown as (ajv: Ajv) => Ajv

export type Verdict = { readonly ok: true } | { readonly ok: false; readonly errors: ReadonlyArray<string> }

const ok: Verdict = { ok: true }
const fail = (...errors: ReadonlyArray<string>): Verdict => ({ ok: false, errors })

/** One recorded HTTP message, as bytes on the wire. */
export interface WireRequest {
  readonly method: string
  /** The path below the base URL, without `/v1` and without the query string, e.g. `/auth`, `/operators/OP…`. */
  readonly path: string
  readonly headers: Readonly<Record<string, string | ReadonlyArray<string> | undefined>>
  readonly body: string
}

export interface WireResponse {
  readonly status: number
  readonly headers: Readonly<Record<string, string | ReadonlyArray<string> | undefined>>
  readonly body: string
}

/** Deep copy of a (cycle-free) schema in which every object schema forbids properties it does not declare. */
export const closeObjects = (schema: SchemaObject): SchemaObject => {
  const copy = structuredClone(schema) as Record<string, unknown>
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) {
      for (const n of node) visit(n)
      return
    }
    if (node === null || typeof node !== "object") return
    const o = node as Record<string, unknown>
    if ((o.type === "object" || o.properties !== undefined) && o.additionalProperties === undefined) {
      o.additionalProperties = false
    }
    for (const [k, v] of Object.entries(o)) {
      // `properties` maps names to schemas; `example`/`default` are data, not schemas.
      if (k === "example" || k === "default" || k === "enum") continue
      visit(v)
    }
  }
  visit(copy)
  return copy
}

const header = (h: WireRequest["headers"], name: string): string | undefined => {
  const v = h[name.toLowerCase()]
  return Array.isArray(v) ? v.join(", ") : (v as string | undefined)
}

const mediaType = (contentType: string | undefined) => contentType?.split(";")[0]?.trim().toLowerCase()

const describe = (errors: ReadonlyArray<ErrorObject> | null | undefined) =>
  (errors ?? []).map((e) => {
    const extra =
      e.keyword === "additionalProperties"
        ? ` (${String((e.params as { additionalProperty: string }).additionalProperty)})`
        : ""
    return `body${e.instancePath} ${e.message ?? e.keyword}${extra}`
  })

export const makeAjv = (): Ajv => {
  const ajv = new Ajv({ allErrors: true, strict: true })
  // OpenAPI 3.0 schema keywords that are annotations for validation purposes.
  ajv.addVocabulary(["example", "xml", "externalDocs", "discriminator"])
  addFormats(ajv)
  ajv.addFormat("int32", {
    type: "number",
    validate: (n: number) => Number.isInteger(n) && n >= -(2 ** 31) && n < 2 ** 31,
  })
  ajv.addFormat("int64", { type: "number", validate: (n: number) => Number.isSafeInteger(n) })
  ajv.addFormat("float", { type: "number", validate: () => true })
  ajv.addFormat("double", { type: "number", validate: () => true })
  return ajv
}

export interface Validators {
  readonly request: (req: WireRequest) => Verdict
  /**
   * `faulted`: the response may come from injected fault (then any 5xx is acceptable besides the documented
   * statuses). 429 is always acceptable: SORACOM rate-limits every Auth path per caller IP.
   */
  readonly response: (
    path: CheckedPath,
    res: WireResponse,
    options?: { readonly faulted?: boolean },
  ) => Verdict
  /** The ajv validator of a spec schema, optionally closed (`additionalProperties: false`). */
  readonly schema: (schema: SchemaObject, closed: boolean) => ValidateFunction
  readonly specs: LoadedSpecs
}

export const makeValidators = (specs: LoadedSpecs): Validators => {
  const ajv = makeAjv()
  const compiled = new Map<SchemaObject, { open?: ValidateFunction; closed?: ValidateFunction }>()
  const schema = (s: SchemaObject, closed: boolean): ValidateFunction => {
    let entry = compiled.get(s)
    if (entry === undefined) {
      entry = {}
      compiled.set(s, entry)
    }
    if (closed) {
      entry.closed ??= ajv.compile(closeObjects(s))
      return entry.closed
    }
    entry.open ??= ajv.compile(structuredClone(s))
    return entry.open
  }
  const errorBody = specs.component("APICallErrorMessage")

  const jsonBody = (
    body: string,
    contentType: string | undefined,
    s: SchemaObject,
  ): { verdict: Verdict; value?: unknown } => {
    if (mediaType(contentType) !== "application/json") {
      return { verdict: fail(`content-type ${String(contentType)}, expected application/json`) }
    }
    let value: unknown
    try {
      value = JSON.parse(body)
    } catch {
      return { verdict: fail(`body is not JSON: ${JSON.stringify(body.slice(0, 80))}`) }
    }
    const v = schema(s, true)
    return { verdict: v(value) ? ok : fail(...describe(v.errors)), value }
  }

  const request = (req: WireRequest): Verdict => {
    const path = checkedPathOf(req.path)
    if (path === undefined) return fail(`path ${req.path} is not one the checks know`)
    const method = checkedPaths[path].method.toUpperCase()
    if (req.method !== method) return fail(`method ${req.method}, the spec documents ${method}`)
    const op: Operation = specs.operation(path)
    const errors: Array<string> = []
    for (const requirement of op.security ?? []) {
      for (const scheme of Object.keys(requirement)) {
        const name = securityHeader(specs, scheme)
        if (name !== undefined && !header(req.headers, name)) errors.push(`missing security header ${name}`)
      }
    }
    if (op.requestBody === undefined) {
      if (req.body.length > 0) errors.push(`the spec documents no request body, got ${req.body.length} bytes`)
      return errors.length === 0 ? ok : fail(...errors)
    }
    const media = op.requestBody.content["application/json"]
    if (media?.schema === undefined) return fail("the spec documents no application/json request body")
    const { verdict } = jsonBody(req.body, header(req.headers, "content-type"), media.schema)
    if (!verdict.ok) errors.push(...verdict.errors)
    return errors.length === 0 ? ok : fail(...errors)
  }

  const response = (
    path: CheckedPath,
    res: WireResponse,
    options?: { readonly faulted?: boolean },
  ): Verdict => {
    const op = specs.operation(path)
    const status = String(res.status)
    const contentType = header(res.headers, "content-type")
    const documented = op.responses[status]
    if (documented !== undefined) {
      const media = documented.content?.["application/json"]
      // `APICallError` wraps `{code, message}` in `errorMessage`; SORACOM sends the bare `{code, message}`.
      if (media?.schema !== undefined && !(res.status >= 400 && wrapsErrorMessage(media.schema)))
        return jsonBody(res.body, contentType, media.schema).verdict
      if (res.status < 400) {
        return res.body.length === 0
          ? ok
          : fail(`${status} documents no body, got ${JSON.stringify(res.body.slice(0, 80))}`)
      }
      return jsonBody(res.body, contentType, errorBody).verdict
    }
    // An operation that requires credentials (`security`) answers 401 when they are missing or revoked.
    if (res.status === 401 && (op.security?.length ?? 0) > 0)
      return jsonBody(res.body, contentType, errorBody).verdict
    if (res.status === 429) return jsonBody(res.body, contentType, errorBody).verdict
    if (res.status >= 500 && options?.faulted === true) {
      if (mediaType(contentType) === "text/plain" && res.body.length > 0) return ok
      return jsonBody(res.body, contentType, errorBody).verdict
    }
    return fail(
      `status ${status} is not documented for ${operationName(path)} (documented: ${documentedStatuses(op).join(", ")})`,
    )
  }

  return { request, response, schema, specs }
}

const wrapsErrorMessage = (schema: SchemaObject): boolean => {
  const properties = schema.properties as Record<string, unknown> | undefined
  return properties !== undefined && "errorMessage" in properties
}

const securityHeader = (specs: LoadedSpecs, scheme: string): string | undefined => {
  for (const doc of Object.values(specs.documents)) {
    const s = (doc as { components?: { securitySchemes?: Record<string, { in?: string; name?: string }> } })
      .components?.securitySchemes?.[scheme]
    if (s?.in === "header" && s.name !== undefined) return s.name
  }
  return undefined
}
