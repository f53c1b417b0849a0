/**
 * What a command evaluates before it runs, read from the shipped bundle's metafile: the chunk `main.js` imports
 * for the command line and every chunk that chunk imports statically. Modules only some commands need (Redis,
 * the HTTP adapter, the sandbox, Ink) must stay behind a dynamic import, and the shared Effect chunk must not
 * carry all of Effect (a dynamic `import("effect")` anywhere keeps every export of the barrel alive).
 */
import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import type { Metafile } from "esbuild"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { buildBundle } from "../build.ts"

let metafile: Metafile
let outdir: string

beforeAll(async () => {
  outdir = mkdtempSync(join(tmpdir(), "soracom-auth-bundle-"))
  await buildBundle({
    outdir,
    onMetafile: (m) => {
      metafile = m
    },
  })
}, 120_000)
afterAll(() => rmSync(outdir, { recursive: true, force: true }))

/** The inputs (source files) evaluated when `chunk` is imported: it and its static imports, transitively. */
const staticInputs = (chunk: string): ReadonlyArray<string> => {
  const seen = new Set<string>()
  const stack = [chunk]
  while (stack.length > 0) {
    const file = stack.pop()!
    if (seen.has(file)) continue
    seen.add(file)
    for (const i of metafile.outputs[file]!.imports) {
      if (i.kind === "import-statement" && !i.external) stack.push(i.path)
    }
  }
  return [...seen].flatMap((file) => Object.keys(metafile.outputs[file]!.inputs))
}

const chunkOf = (entry: RegExp): string => {
  const found = Object.entries(metafile.outputs).find(([, o]) => o.entryPoint && entry.test(o.entryPoint))
  if (found === undefined) throw new Error(`no chunk for ${entry}`)
  return found[0]
}

describe("what a command loads before it runs", () => {
  it("the command line's chunk leaves Redis, ky, undici, the sandbox and Ink to the commands that use them", () => {
    const inputs = staticInputs(chunkOf(/src\/cli\/run\.ts$/))
    expect(inputs.length).toBeGreaterThan(50) // the closure was found: effect/cli, core, the commands
    expect(inputs.some((i) => i.includes("/effect/dist/cli/"))).toBe(true)
    const lazy =
      /\/(@redis|redis|ky|undici|ink|react|yoga-layout)\/|packages\/(sandbox|session-redis|http-ky)\/|src\/ui\//
    expect(inputs.filter((i) => lazy.test(i))).toEqual([])
  })

  it("the shared Effect chunk holds only what is used, not the whole barrel", () => {
    const inputs = staticInputs(chunkOf(/src\/cli\/run\.ts$/))
    // Effect modules nothing in the app uses; they load only if the barrel is kept whole
    const unused = /\/effect\/dist\/(Graph|TextDiff|HashRing|Trie|TxPriorityQueue)\.js$/
    expect(inputs.filter((i) => unused.test(i))).toEqual([])
  })

  it("`--version` alone loads one constant, not effect", () => {
    const inputs = staticInputs(chunkOf(/src\/version\.ts$/))
    expect(inputs.filter((i) => i.includes("node_modules"))).toEqual([])
  })
})
