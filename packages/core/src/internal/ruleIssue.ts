/** A broken rule as a Schema issue: the sentence as its message, the rule's code kept beside it (`rule`). */
import * as SchemaIssue from "effect/SchemaIssue"

export const ruleIssue = (
  p: { readonly rule: string; readonly message: string },
  input: unknown,
): SchemaIssue.Issue => new SchemaIssue.InvalidValue({ message: p.message, rule: p.rule }, input)

/** The rule code a {@link ruleIssue} carries. */
export const ruleOf = (issue: SchemaIssue.Issue): string | undefined => {
  const rule = issue._tag === "InvalidValue" ? issue.annotations?.["rule"] : undefined
  return typeof rule === "string" ? rule : undefined
}
