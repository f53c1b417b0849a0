/**
 * The root README's "Using it" commands, read from the README itself, so the tests run what it shows.
 */
import { readFileSync } from "node:fs"
import { join } from "node:path"
import { workspaceRoot } from "../release/packages.ts"

export const readme = (): string => readFileSync(join(workspaceRoot, "README.md"), "utf8")

/** The fenced blocks of one language in a section (from its `## Heading` to the next `## `). */
export const blocks = (text: string, heading: string, lang: string): ReadonlyArray<string> => {
  const start = text.indexOf(`## ${heading}\n`)
  if (start === -1) throw new Error(`README: no "## ${heading}" section`)
  const end = text.indexOf("\n## ", start + 1)
  const section = text.slice(start, end === -1 ? undefined : end)
  return [...section.matchAll(new RegExp(`\`\`\`${lang}\\n([\\s\\S]*?)\`\`\``, "g"))].map((m) => m[1] ?? "")
}

/** Command lines of the section's `sh` blocks (comments after `#` and blank lines dropped). */
export const commands = (heading: string): ReadonlyArray<string> =>
  blocks(readme(), heading, "sh")
    .flatMap((b) => b.split("\n"))
    .map((line) => line.replace(/\s+#\s.*$/, "").trim())
    .filter((line) => line.length > 0 && !line.startsWith("#"))

/** The one command starting with `prefix` (fails the run if the README lost it). */
export const command = (heading: string, prefix: string): string => {
  const found = commands(heading).filter((c) => c.startsWith(prefix))
  if (found.length !== 1)
    throw new Error(`README "${heading}": expected one command starting "${prefix}", found ${found.length}`)
  return found[0] as string
}
