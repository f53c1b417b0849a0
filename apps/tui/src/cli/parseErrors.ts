/**
 * effect/cli's parse errors (unknown flag, missing value, …) in the reader's language. Its `message`s are
 * English; the errors are typed (`CliError`), so the catalog words each one from its fields.
 */
import type { CliError } from "effect/cli"
import type { Messages } from "../presentation/messages.ts"

const choiceList = /^"?[\w.-]+"?(?: \| "?[\w.-]+"?)+$/

/** What a flag takes, when effect/cli's `expected` says it in a way the catalog can word. */
const expectedWords = (m: Messages, expected: string): string | undefined => {
  if (choiceList.test(expected)) return expected.replaceAll('"', "")
  const type = Object.hasOwn(m.cli.help.type, expected)
    ? m.cli.help.type[expected as keyof Messages["cli"]["help"]["type"]]
    : undefined
  if (type !== undefined) return type
  // "a string representing a finite number": the integer flags (--port, --hash-cost)
  return /number|integer/i.test(expected) ? m.cli.help.type.integer : undefined
}

/** One parse error in `m`'s words. @category formatting */
export const parseErrorWords = (m: Messages, error: CliError.NonShowHelpErrors): string => {
  const t = m.cli.usage
  const suggest = (suggestions: ReadonlyArray<string>) =>
    suggestions.length === 0 ? "" : ` ${t.didYouMean(suggestions.join(", "))}`
  switch (error._tag) {
    case "UnrecognizedOption":
      return t.unrecognizedFlag(error.option) + suggest(error.suggestions)
    case "UnknownSubcommand":
      return t.unknownSubcommand(error.subcommand) + suggest(error.suggestions)
    case "MissingOption":
      return t.missingFlag(error.option)
    case "MissingArgument":
      return t.missingArgument(error.argument)
    case "UnexpectedArgument":
      return t.unexpectedArgument(error.arguments.join(" "))
    case "InvalidValue": {
      const name = error.kind === "flag" ? `--${error.option}` : `<${error.option}>`
      const expected = expectedWords(m, error.expected)
      if (error.value === "" && expected !== undefined) return t.missingValue(name, expected)
      return expected === undefined
        ? t.invalidValueBare(name, error.value)
        : t.invalidValue(name, error.value, expected)
    }
    default:
      // a definition problem (DuplicateOption) or a handler's own error: its message as it is
      return error.message
  }
}
