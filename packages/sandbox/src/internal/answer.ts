/**
 * What a handler answers, for the SORACOM routes and the admin API alike: a status with a JSON body or none,
 * or a row of the error table. Turned into a response in one place (`HttpExchange.answer`).
 */
import type { ErrorName } from "../errors.ts"

export type AnswerHeaders = Record<string, string>

export type Answer =
  | { readonly status: number; readonly json?: unknown; readonly headers?: AnswerHeaders }
  | {
      readonly error: ErrorName
      readonly detail?: string
      /** Defaults to the table's status for that error. */
      readonly status?: number
      readonly headers?: AnswerHeaders
    }

export const failure = (error: ErrorName, detail?: string, headers?: AnswerHeaders): Answer => ({
  error,
  ...(detail === undefined ? {} : { detail }),
  ...(headers === undefined ? {} : { headers }),
})

export const isAnswer = (v: unknown): v is Answer =>
  typeof v === "object" && v !== null && ("status" in v || "error" in v)
