/** The client runs in browsers, Deno and Bun too: its sources import nothing Node-only. */
import { readdirSync, readFileSync } from "node:fs"
import { join } from "node:path"
import ts from "typescript"
import { expect, it } from "vitest"

const srcDir = join(import.meta.dirname, "..", "src")
const files = readdirSync(srcDir, { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith(".ts"))

it("src imports only relative modules, core, http-ky, effect and ky; no Node globals but a guarded process", () => {
  expect(files.length).toBeGreaterThan(3)
  const allowed = /^(\.|@soracom-auth\/core$|@soracom-auth\/http-ky$|effect(\/[\w-]+)?$|ky$)/
  for (const file of files) {
    const text = readFileSync(join(srcDir, file), "utf8")
    for (const { fileName } of ts.preProcessFile(text, true, true).importedFiles)
      expect(fileName, `${file} imports ${fileName}`).toMatch(allowed)
    expect(text, file).not.toMatch(/\b(Buffer|__dirname|require)\b/)
    expect(text.replace(/globalThis as \{ process\?/g, ""), file).not.toMatch(/\bprocess\./)
  }
})
