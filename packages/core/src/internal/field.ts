/** One raw field → its normalized value, or the `InvalidRequest` naming it (shared by every `fromInput`). */
import { Effect, Option, Redacted } from "effect"
import { InvalidRequest } from "../Errors.ts"
import * as Fields from "../Fields.ts"

export const field = (
  name: Fields.FieldName,
  input: string | Redacted.Redacted<string> | undefined,
): Effect.Effect<string, InvalidRequest> => {
  const raw = input === undefined ? "" : Redacted.isRedacted(input) ? Redacted.value(input) : input
  const problem = Fields.check(name, raw)
  return Option.isSome(problem)
    ? Effect.fail(new InvalidRequest({ field: name, reason: problem.value }))
    : Effect.succeed(Fields.normalize(name, raw))
}
