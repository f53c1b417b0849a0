/**
 * Rewrites `generated.json` from `matrix.ts`:
 * `npx -y pnpm@10.34.9 exec node tools/conformance/bad-inputs/generate.ts`
 */
import { writeFileSync } from "node:fs"
import { join } from "node:path"
import { generate } from "./matrix.ts"

export const generatedFile = join(import.meta.dirname, "generated.json")

export const render = (): string => `${JSON.stringify(generate(), null, 2)}\n`

if (import.meta.main) {
  writeFileSync(generatedFile, render())
  process.stdout.write(`wrote ${generate().length} cases to ${generatedFile}\n`)
}
