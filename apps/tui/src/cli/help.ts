/**
 * `--help` in the process language. effect/cli renders its help document with fixed English headings (USAGE,
 * FLAGS, …) and describes its built-in `--help`/`--version` in English; its documented `CliOutput.Formatter`
 * takes the structured `HelpDoc` instead, so this renders that document in effect/cli's own layout with the
 * catalog's headings, and describes the global flags by name from the catalog.
 */
import { Option } from "effect"
import { CliOutput, type HelpDoc } from "effect/cli"
import type { Messages } from "../presentation/messages.ts"

const paint = (on: boolean, code: string) => (text: string) => (on ? `\u001b[${code}m${text}\u001b[0m` : text)

interface Row {
  readonly left: string
  readonly right: string
}

/** Two aligned columns, by display width (Japanese is double-width), as effect/cli lays them out. */
const table = (rows: ReadonlyArray<Row>, cap?: number): string => {
  const widest = Math.max(...rows.map((r) => CliOutput.displayWidth(r.left))) + 4
  const column = cap === undefined ? widest : Math.min(widest, cap)
  return rows
    .map(({ left, right }) => {
      const width = Math.max(column, CliOutput.displayWidth(left) + 1)
      return `  ${left}${" ".repeat(Math.max(0, width - CliOutput.displayWidth(left)))}${right}`
    })
    .join("\n")
}

const lookup = <T extends object>(record: T, key: string): string | undefined =>
  Object.hasOwn(record, key) ? (record[key as keyof T] as string) : undefined

/** effect/cli appends `(choices: a, b)` to a literal flag's description: the catalog words it. */
const choicesSuffix = /\(choices: ([^)]*)\)$/

/**
 * A help document as text, headings and global flags from `m`.
 *
 * @category rendering
 */
export const formatHelp = (
  doc: HelpDoc.HelpDoc,
  m: Messages,
  options: { readonly colors: boolean },
): string => {
  const h = m.cli.help
  const bold = paint(options.colors, "1")
  const dim = paint(options.colors, "2")
  const cyan = paint(options.colors, "36")
  const green = paint(options.colors, "32")
  const type = (t: string) => lookup(h.type, t) ?? t
  const describe = (flag: HelpDoc.FlagDoc, global: boolean): string => {
    const own = Option.getOrElse(flag.description, () => "")
    const text = (global ? lookup(m.cli.globalFlag, flag.name) : undefined) ?? own
    const choices = own.match(choicesSuffix)?.[1]
    if (choices === undefined) return text
    const base = text.replace(choicesSuffix, "").trimEnd()
    return `${base}${base === "" ? "" : " "}${h.choices(choices)}`
  }
  const usage = doc.usage
    .replace(" <subcommand>", ` ${h.usageWords.subcommand}`)
    .replace(" [flags]", ` ${h.usageWords.flags}`)

  const out: Array<string> = []
  if (doc.description) out.push(bold(h.description), `  ${doc.description}`, "")
  out.push(bold(h.usage), `  ${cyan(usage)}`, "")
  if (doc.args !== undefined && doc.args.length > 0) {
    const rows = doc.args.map((arg) => ({
      left: `${green(arg.variadic ? `${arg.name}...` : arg.name)} ${dim(type(arg.type))}`,
      right: Option.getOrElse(arg.description, () => "") + (arg.required ? "" : dim(` ${h.optional}`)),
    }))
    out.push(bold(h.arguments), table(rows, 25), "")
  }
  const flags = (title: string, list: ReadonlyArray<HelpDoc.FlagDoc> | undefined, global: boolean) => {
    if (list === undefined || list.length === 0) return
    const rows = list.map((flag) => ({
      left:
        [`--${flag.name}`, ...flag.aliases].map(green).join(", ") +
        (flag.type === "boolean" ? "" : ` ${dim(type(flag.type))}`),
      right: describe(flag, global),
    }))
    out.push(bold(title), table(rows), "")
  }
  flags(h.flags, doc.flags, false)
  flags(h.inheritedFlags, doc.inheritedFlags, false)
  flags(h.globalFlags, doc.globalFlags, true)
  for (const group of doc.subcommands ?? []) {
    const rows = group.commands.map((sub) => ({
      left: cyan(sub.alias === undefined ? sub.name : `${sub.name}, ${sub.alias}`),
      right: sub.shortDescription ?? sub.description,
    }))
    out.push(bold(group.group === undefined ? h.subcommands : `${group.group}:`), table(rows, 20), "")
  }
  if (doc.examples !== undefined && doc.examples.length > 0) {
    out.push(bold(h.examples))
    doc.examples.forEach((example, i) => {
      if (example.description) {
        if (i > 0) out.push("")
        out.push(`  ${dim(`# ${example.description}`)}`)
      } else if (i > 0 && doc.examples?.[i - 1]?.description) out.push("")
      out.push(`  ${cyan(example.command)}`)
    })
    out.push("")
  }
  if (out[out.length - 1] === "") out.pop()
  return out.join("\n")
}
