/**
 * `pnpm release:check`: packs every publishable package (as `pnpm publish` would) into a temporary folder and
 * checks each tarball — publint (strict: warnings fail), Are the Types Wrong (attw), and its contents: README,
 * LICENSE (the root's), built `dist/`, no tests; `src/` only in packages whose exports carry the
 * `@soracom-auth/source` condition (it must exist for that condition, and it backs the declaration maps).
 * Nothing is published. Expects built packages (`pnpm release:check` builds first).
 */
import { execFile } from "node:child_process"
import { mkdtempSync, readFileSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { promisify } from "node:util"
import { pack, publishable, workspaceRoot } from "./packages.ts"

const exec = promisify(execFile)
const bin = (name: string) => join(workspaceRoot, "node_modules/.bin", name)

const run = (command: string, args: ReadonlyArray<string>) =>
  exec(command, args, { maxBuffer: 16 * 1024 * 1024 }).then(
    ({ stdout, stderr }) => ({ ok: true, output: `${stdout}${stderr}` }),
    (e: { stdout?: string; stderr?: string; message: string }) => ({
      ok: false,
      output: `${e.stdout ?? ""}${e.stderr ?? e.message}`,
    }),
  )

const entries = async (tarball: string) =>
  (await exec("tar", ["-tzf", tarball])).stdout
    .split("\n")
    .filter((l) => l.length > 0)
    .map((l) => l.replace(/^package\//, ""))

const contentProblems = async (tarball: string, manifest: { exports?: unknown }): Promise<Array<string>> => {
  const files = await entries(tarball)
  const problems: Array<string> = []
  for (const required of ["package.json", "README.md", "LICENSE"])
    if (!files.includes(required)) problems.push(`missing ${required}`)
  if (!files.some((f) => f.startsWith("dist/"))) problems.push("no dist/")
  const tests = files.filter(
    (f) => /(^|\/)(test|tests|__tests__)\//.test(f) || /\.(test|spec)\.[cm]?[jt]sx?$/.test(f),
  )
  if (tests.length > 0) problems.push(`tests shipped: ${tests.join(", ")}`)
  const usesSource = JSON.stringify(manifest.exports ?? {}).includes('"@soracom-auth/source"')
  if (!usesSource && files.some((f) => f.startsWith("src/")))
    problems.push("src/ shipped without a source condition")
  const license = (await exec("tar", ["-xzOf", tarball, "package/LICENSE"]).catch(() => ({ stdout: "" })))
    .stdout
  if (license !== readFileSync(join(workspaceRoot, "LICENSE"), "utf8"))
    problems.push("LICENSE differs from the root's")
  return problems
}

const work = mkdtempSync(join(tmpdir(), "soracom-auth-release-"))
let failed = 0
try {
  for (const pkg of publishable()) {
    const tarball = await pack(pkg, work)
    const manifest = JSON.parse((await exec("tar", ["-xzOf", tarball, "package/package.json"])).stdout) as {
      exports?: unknown
    }
    const publint = await run(bin("publint"), ["run", tarball, "--strict"])
    // ESM-only by design (`"type": "module"`, no `require` condition): the esm-only profile leaves out the
    // node10 and node16-from-CJS resolutions, which cannot load ESM the classic way. Everything else is strict.
    // A package without `exports` (the CLI: a bin, nothing to import) has no types to check.
    const attw =
      manifest.exports === undefined
        ? { ok: true, output: "no exports (a bin only): nothing to import, nothing to check" }
        : await run(bin("attw"), [tarball, "--profile", "esm-only", "--format", "table-flipped"])
    const contents = await contentProblems(tarball, manifest)
    const ok = publint.ok && !/warning|error/i.test(publint.output) && attw.ok && contents.length === 0
    if (!ok) failed++
    process.stdout.write(
      [
        `${ok ? "✓" : "✗"} ${pkg.name}@${pkg.version}  ${(await entries(tarball)).length} files`,
        `  publint: ${publint.output.trim().split("\n").join("\n    ")}`,
        `  attw:    ${attw.output.trim().split("\n").join("\n    ")}`,
        `  contents: ${contents.length === 0 ? "README, LICENSE, dist/, no tests" : contents.join("; ")}`,
        "",
      ].join("\n"),
    )
  }
} finally {
  rmSync(work, { recursive: true, force: true })
}
process.stdout.write(
  failed === 0 ? "release:check: every tarball is clean\n" : `release:check: ${failed} failed\n`,
)
process.exitCode = failed === 0 ? 0 : 1
