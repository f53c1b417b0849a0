/**
 * The root README's benchmark commands run as written (both forms), on the cheapest benchmark with a small call
 * count: they keep working as the workspace changes. The figures are not checked (benchmarks are not tests).
 */
import { execFileSync } from "node:child_process"
import { readFileSync } from "node:fs"
import { join } from "node:path"
import { expect, it } from "vitest"

const root = join(import.meta.dirname, "..", "..")
const readme = readFileSync(join(root, "README.md"), "utf8")
const section = readme.slice(readme.indexOf("## Benchmarks"), readme.indexOf("## Quality"))
const commands = [...section.matchAll(/`(npx -y pnpm@[^`]+)`/g)].map((m) => m[1] ?? "")

const sh = (command: string) =>
  execFileSync("sh", ["-c", command], { cwd: root, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] })

const byName = commands.find((c) => c.endsWith(" bench <name> [args…]"))
const direct = commands.find((c) => c.endsWith(" bench/<file>"))

it("the README shows both benchmark commands", () => {
  expect(byName).toBeDefined()
  expect(direct).toBeDefined()
  expect(direct).toContain("--conditions=@soracom-auth/source")
})

it("`pnpm bench <name>` runs a benchmark from the sources", () => {
  const out = sh(byName!.replace("<name> [args…]", "client-overhead --calls 100"))
  expect(out).toMatch(/100 calls each/)
  expect(out).toMatch(/ours \(SoracomAuth\.auth\)\s+[\d.]+ µs/)
})

it("the direct command runs a benchmark file", () => {
  const out = sh(`${direct!.replace("bench/<file>", "bench/client-overhead.ts")} --calls 100`)
  expect(out).toMatch(/reference \(in-memory execute \+ body\)\s+[\d.]+ µs/)
})

it("`pnpm bench` lists the benchmarks; an unknown name fails", () => {
  const list = sh(byName!.replace(" <name> [args…]", ""))
  expect(list).toContain("client-overhead")
  expect(list).not.toMatch(/\breport\b|-worker/)
  expect(() => sh(byName!.replace("<name> [args…]", "no-such-bench"))).toThrow(
    /unknown benchmark "no-such-bench"/,
  )
})
