/**
 * SORACOM's OpenAPI documents, loaded with a real OpenAPI library: `@readme/openapi-parser` validates each
 * document against the OpenAPI 3.0 meta-schema and dereferences every `$ref`; the schemas inside are then
 * handed to ajv (see `validators.ts`). Nothing here interprets a schema by hand.
 *
 * The documents are vendored in `tools/conformance/spec/` (copies of SORACOM's public spec), so the checks
 * never depend on anything outside the repository.
 */
import { join } from "node:path"
import { dereference, validate } from "@readme/openapi-parser"

export const specDir = join(import.meta.dirname, "..", "spec")

/** The three documents: the whole SORACOM API, the Auth subset extracted from it, the sandbox API. */
export const specFiles = {
  whole: join(specDir, "soracom-api.en.yaml"),
  authSubset: join(specDir, "soracom-auth-api.en.yaml"),
  sandbox: join(specDir, "soracom-sandbox-api.en.yaml"),
} as const

export type SpecName = keyof typeof specFiles

/** The parts of a dereferenced OpenAPI 3.0 document these checks read (after `dereference`, no `$ref` is left). */
export type SchemaObject = { readonly [keyword: string]: unknown }
export interface MediaType {
  readonly schema?: SchemaObject
}
export interface Operation {
  readonly operationId?: string
  readonly requestBody?: { readonly required?: boolean; readonly content: Record<string, MediaType> }
  readonly responses: Record<
    string,
    { readonly description: string; readonly content?: Record<string, MediaType> }
  >
  readonly security?: ReadonlyArray<Record<string, ReadonlyArray<string>>>
}
export interface Document {
  readonly openapi: string
  readonly info: { readonly title: string; readonly version: string }
  readonly paths: Record<string, Partial<Record<Method, Operation>> | undefined>
  readonly components?: { readonly schemas?: Record<string, SchemaObject> }
}

/** An HTTP method as OpenAPI keys it. */
export type Method = "get" | "post"

/**
 * The paths we check (templated ones as the spec writes them): which document is the authority, and the
 * operation's method there.
 */
export const checkedPaths = {
  "/auth": { spec: "whole", method: "post" },
  "/auth/password_reset_token/issue": { spec: "whole", method: "post" },
  "/auth/password_reset_token/verify": { spec: "whole", method: "post" },
  "/auth/logout": { spec: "whole", method: "post" },
  "/auth/switch_user": { spec: "whole", method: "post" },
  "/operators/{operator_id}/token": { spec: "whole", method: "post" },
  "/sandbox/init": { spec: "sandbox", method: "post" },
  "/operators/{operator_id}": { spec: "whole", method: "get" },
} as const satisfies Record<string, { readonly spec: SpecName; readonly method: Method }>

export type CheckedPath = keyof typeof checkedPaths

const templates = (Object.keys(checkedPaths) as Array<CheckedPath>)
  .filter((p) => p.includes("{"))
  .map((p) => ({ path: p, pattern: new RegExp(`^${p.replace(/\{[^}]+\}/g, "[^/]+")}$`) }))

/** The checked path a concrete request path is an instance of (`/operators/OP…` → `/operators/{operator_id}`). */
export const checkedPathOf = (p: string): CheckedPath | undefined =>
  Object.hasOwn(checkedPaths, p) ? (p as CheckedPath) : templates.find((t) => t.pattern.test(p))?.path

/** `POST /auth`, `GET /operators/{operator_id}`: how reports name a checked operation. */
export const operationName = (p: CheckedPath): string => `${checkedPaths[p].method.toUpperCase()} ${p}`

export interface LoadedSpecs {
  readonly documents: Readonly<Record<SpecName, Document>>
  /** The (dereferenced) operation of a checked path, from its authoritative document. */
  readonly operation: (path: CheckedPath) => Operation
  /** A dereferenced component schema of the whole spec (e.g. `APICallErrorMessage`, `AuthRequest`). */
  readonly component: (name: string, spec?: SpecName) => SchemaObject
}

const loadOne = async (file: string): Promise<Document> => {
  // `validate` and `dereference` mutate/consume their input: each gets its own parse of the file.
  const result = await validate(file)
  if (!result.valid) {
    throw new Error(
      `${file} is not a valid OpenAPI document: ${result.errors.map((e) => e.message).join("; ")}`,
    )
  }
  const doc = (await dereference(file)) as unknown as Document
  if (!doc.openapi?.startsWith("3.0")) throw new Error(`${file}: expected OpenAPI 3.0.x, got ${doc.openapi}`)
  return doc
}

let cached: Promise<LoadedSpecs> | undefined

/** Loads (once per process) and dereferences the three vendored documents. */
export const loadSpecs = (): Promise<LoadedSpecs> => {
  cached ??= (async () => {
    const [whole, authSubset, sandbox] = await Promise.all([
      loadOne(specFiles.whole),
      loadOne(specFiles.authSubset),
      loadOne(specFiles.sandbox),
    ])
    const documents = { whole, authSubset, sandbox }
    const operation = (path: CheckedPath): Operation => {
      const { spec, method } = checkedPaths[path]
      const op = documents[spec].paths[path]?.[method]
      if (op === undefined) throw new Error(`no ${operationName(path)} in ${spec} spec`)
      return op
    }
    const component = (name: string, spec: SpecName = "whole"): SchemaObject => {
      const s = documents[spec].components?.schemas?.[name]
      if (s === undefined) throw new Error(`no components.schemas.${name} in ${spec} spec`)
      return s as SchemaObject
    }
    return { documents, operation, component }
  })()
  return cached
}

/** The request-body examples a path documents (`example` and every `examples` entry), in spec order. */
export const requestExamples = (op: Operation): ReadonlyArray<unknown> => {
  const media = op.requestBody?.content["application/json"] as
    | { readonly example?: unknown; readonly examples?: Record<string, { readonly value: unknown }> }
    | undefined
  return [
    ...(media?.example === undefined ? [] : [media.example]),
    ...Object.values(media?.examples ?? {}).map((e) => e.value),
  ]
}

/** The statuses a path documents, as strings ("200", "401", …), in spec order. */
export const documentedStatuses = (op: Operation): ReadonlyArray<string> => Object.keys(op.responses)
