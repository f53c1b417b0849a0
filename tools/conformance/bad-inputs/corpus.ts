/**
 * The bad-input corpus: requests that break a rule of the contract, as data.
 *
 * - `hand-picked.json` — written by hand: malformed emails and operator IDs, MFA codes, token lifetimes,
 *   mixed and partial credential kinds.
 * - `generated.json` — every string field of every operation × a list of bad values (blank and whitespace,
 *   over-long, wrong JSON types) and each field missing; produced by `generate.ts` from `matrix.ts` (a test
 *   checks the file is up to date: `pnpm exec node tools/conformance/bad-inputs/generate.ts` rewrites it).
 * - `raw-only.json` — bodies that only make sense on the wire (malformed JSON, a JSON array, …): sent raw to
 *   the sandbox, not through core.
 *
 * A body value `{"$repeat": "x", "count": n}` stands for `"x".repeat(n)` (keeps 1 MiB strings out of git).
 */
import { readFileSync } from "node:fs"
import { join } from "node:path"

export type Operation = "auth" | "issuePasswordResetToken" | "verifyPasswordResetToken"

export const operationPath: Record<Operation, string> = {
  auth: "/auth",
  issuePasswordResetToken: "/auth/password_reset_token/issue",
  verifyPasswordResetToken: "/auth/password_reset_token/verify",
}

/** One bad request, in wire form (SORACOM's JSON keys). */
export interface BadInput {
  readonly id: string
  readonly operation: Operation
  /** Wire names of the fields at fault; core's `InvalidRequest.field` must name one of them (in core's naming). */
  readonly fields: ReadonlyArray<string>
  readonly why: string
  readonly body: Readonly<Record<string, unknown>>
}

export interface RawOnlyInput {
  readonly id: string
  readonly path: string
  readonly why: string
  readonly contentType?: string
  /** Sent verbatim. */
  readonly text: string
}

interface Repeat {
  readonly $repeat: string
  readonly count: number
}

const isRepeat = (v: unknown): v is Repeat =>
  typeof v === "object" && v !== null && "$repeat" in v && typeof (v as Repeat).$repeat === "string"

/** Replaces `{"$repeat"}` markers by the strings they stand for. */
export const materialize = (value: unknown): unknown => {
  if (isRepeat(value)) return value.$repeat.repeat(value.count)
  if (Array.isArray(value)) return value.map(materialize)
  if (typeof value === "object" && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, materialize(v)]))
  }
  return value
}

const read = <A>(file: string): A => JSON.parse(readFileSync(join(import.meta.dirname, file), "utf8")) as A

const materializeCase = (c: BadInput): BadInput => ({
  ...c,
  body: materialize(c.body) as Record<string, unknown>,
})

export const handPicked = (): ReadonlyArray<BadInput> => read<Array<BadInput>>("hand-picked.json")
export const generated = (): ReadonlyArray<BadInput> => read<Array<BadInput>>("generated.json")
export const rawOnly = (): ReadonlyArray<RawOnlyInput> => read<Array<RawOnlyInput>>("raw-only.json")

/** The whole corpus (hand-picked, then generated), markers expanded. */
export const loadCorpus = (): ReadonlyArray<BadInput> =>
  [...handPicked(), ...generated()].map(materializeCase)
