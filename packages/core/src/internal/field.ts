/** One raw field → its normalized value, or the `InvalidRequest` naming it (shared by every `fromInput`). */
import { Effect, Option, Redacted } from "effect"
import { InvalidRequest } from "../Errors.ts"
import * as Fields from "../Fields.ts"

/** The `InvalidRequest` for a field's broken rule: the English sentence and the rule's code. */
export const invalidField = (name: Fields.FieldName, problem: Fields.Problem): InvalidRequest =>
  new InvalidRequest({ field: name, reason: problem.message, rule: problem.rule })

export const field = (
  name: Fields.FieldName,
  input: string | Redacted.Redacted<string> | undefined,
): Effect.Effect<string, InvalidRequest> => {
  const raw = input === undefined ? "" : Redacted.isRedacted(input) ? Redacted.value(input) : input
  const problem = Fields.problem(name, raw)
  return Option.isSome(problem)
    ? Effect.fail(invalidField(name, problem.value))
    : Effect.succeed(Fields.normalize(name, raw))
}
