/**
 * CLI cold start, whole process, side by side in one run (medians, interleaved, after warm-up):
 * `soracom-auth login --json` against a local sandbox vs a bare `node -e "await fetch(…)"` POST of the same body
 * (target ≤ 1.5×) — a first sign-in (empty profile folder), so both send the one POST; a login that replaces a
 * cached session also revokes it (one more round trip, `POST /auth/logout`), printed as its own line; `soracom-auth token` answered from the session cache vs `node -e 0` (≤ 2.0×);
 * `soracom-auth --version` vs `node -e 0` (≤ 1.5×).
 *
 *   node tools/bench/cli-cold-start.ts [--runs 15] [--hash-cost 1] [--profile]
 *
 * The app runs through its bin on the esbuild bundle (built here first into a temporary copy of the package:
 * bin/ + dist/, what the tarball ships), with Node's compile cache warm as after an installed CLI's first run.
 * `--profile` then runs each command under `--cpu-prof` and prints where its time goes, mapped back to the
 * modules through the bundle's source maps (node bootstrap, module loading, each package's evaluation and run).
 */
import { spawn } from "node:child_process"
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs"
import { SourceMap } from "node:module"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { fileURLToPath } from "node:url"
import { parseArgs } from "node:util"
import { report } from "./report.ts"
import { cliSetup, type Subject } from "./shared/cli-setup.ts"
import { median } from "./shared/stats.ts"

const { values } = parseArgs({
  options: {
    runs: { type: "string", default: "15" },
    "hash-cost": { type: "string", default: "1" },
    profile: { type: "boolean", default: false },
  },
})
const runs = Number(values.runs)

const setup = await cliSetup({ hashCost: Number(values["hash-cost"]), sourcemap: values.profile })
const { bin, packageDir, appEnv, profileDir, loginArgs } = setup

// Spawned asynchronously: the sandbox answering `login` lives in this process.
const timed = (s: Subject, extraArgs: ReadonlyArray<string> = []) =>
  new Promise<number>((resolve, reject) => {
    s.before?.()
    const started = performance.now()
    const child = spawn(process.execPath, [...extraArgs, ...s.args], {
      env: { ...process.env, ...s.env },
      stdio: ["pipe", "pipe", "pipe"],
    })
    let out = ""
    let err = ""
    child.stdout.on("data", (c: Buffer) => {
      out += c.toString()
    })
    child.stderr.on("data", (c: Buffer) => {
      err += c.toString()
    })
    child.on("close", (code) => {
      const ms = performance.now() - started
      if (code !== 0 || !out.includes(s.expect)) reject(new Error(`run failed (${code}): ${out}${err}`))
      else resolve(ms)
    })
    child.stdin.end(s.stdin ?? "")
  })

const subjects = {
  bare: setup.references.bare,
  login: setup.firstSignIn([bin, ...loginArgs], join(profileDir, "first-sign-in")),
  loginReplacing: { args: [bin, ...loginArgs], stdin: setup.authKey, env: appEnv, expect: "operatorId" },
  nodeEmpty: setup.references.nodeEmpty,
  version: { args: [bin, "--version"], env: appEnv, expect: "." },
  token: { args: [bin, "token"], env: appEnv, expect: "" },
} satisfies Record<string, Subject>

/** Where a profiled run's time went: mapped source → a label (package, Effect module family, or our folder). */
const labelOf = (source: string): string => {
  const pkg = source.match(/node_modules\/(?:\.pnpm\/[^/]+\/node_modules\/)?((?:@[^/]+\/)?[^/]+)\/(.*)$/)
  if (pkg === null) return source.replace(/^.*?\/((?:apps|packages)\/[^/]+\/src\/[^/]+).*$/, "$1")
  if (pkg[1] !== "effect") return pkg[1]!
  const inner = pkg[2]!.replace(/^(src|dist)\//, "")
  if (inner.startsWith("cli/")) return "effect/cli"
  if (inner.startsWith("http/")) return "effect/http"
  if (/^(Schema|internal\/schema)/.test(inner)) return "effect/Schema*"
  return "effect (runtime, data types)"
}

const breakdown = async (name: string, subject: Subject, n: number) => {
  const maps = new Map<string, SourceMap | undefined>()
  const mapOf = (url: string) => {
    if (!url.startsWith("file://") || !url.includes(packageDir)) return undefined
    const file = fileURLToPath(url)
    if (!maps.has(file)) {
      let map: SourceMap | undefined
      try {
        map = new SourceMap(JSON.parse(readFileSync(`${file}.map`, "utf8")))
      } catch {
        map = undefined
      }
      maps.set(file, map)
    }
    return maps.get(file)
  }
  const totals = new Map<string, number>()
  let all = 0
  for (let i = 0; i < n; i++) {
    const dir = mkdtempSync(join(tmpdir(), "soracom-auth-prof-"))
    await timed(subject, ["--cpu-prof", `--cpu-prof-dir=${dir}`, "--cpu-prof-interval=100"])
    const profile = JSON.parse(readFileSync(join(dir, readdirSync(dir)[0]!), "utf8")) as {
      nodes: Array<{
        id: number
        callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number }
      }>
      samples: Array<number>
      timeDeltas: Array<number>
    }
    rmSync(dir, { recursive: true, force: true })
    const byId = new Map(profile.nodes.map((node) => [node.id, node.callFrame]))
    for (let s = 0; s < profile.samples.length; s++) {
      const frame = byId.get(profile.samples[s]!)!
      const dt = profile.timeDeltas[s + 1] ?? 0
      if (frame.functionName === "(idle)") continue
      let label: string
      const map = mapOf(frame.url)
      if (map !== undefined) {
        const entry = map.findEntry(frame.lineNumber, frame.columnNumber) as { originalSource?: string }
        // a chunk's own top level (its modules' evaluation order) maps to no single source
        label =
          entry.originalSource === undefined
            ? "chunks' top level (module evaluation)"
            : labelOf(entry.originalSource)
      } else if (frame.url.startsWith("node:internal/modules/") || frame.functionName === "ModuleWrap")
        label = "node: module loading (resolve, compile-cache read, link)"
      else if (frame.url.startsWith("node:")) label = "node: built-in modules"
      else if (frame.functionName === "(garbage collector)") label = "GC"
      else label = `native: ${frame.functionName || "(anonymous)"}`
      totals.set(label, (totals.get(label) ?? 0) + dt)
      all += dt
    }
  }
  const rows = [...totals].sort((a, b) => b[1] - a[1])
  console.log(`\n${name}: ${(all / n / 1000).toFixed(1)} ms busy per run (mean of ${n})`)
  for (const [label, us] of rows.filter(([, us]) => us / n >= 500))
    console.log(`  ${(us / n / 1000).toFixed(1).padStart(6)} ms  ${label}`)
}

try {
  await timed(subjects.loginReplacing) // signs in once, so `token` below answers from the cache
  const times = Object.fromEntries(Object.keys(subjects).map((k) => [k, [] as Array<number>]))
  for (let i = 0; i < runs + 3; i++) {
    for (const [name, subject] of Object.entries(subjects)) {
      const ms = await timed(subject)
      if (i >= 3) times[name]!.push(ms) // 3 warm-ups (and the compile cache filled)
    }
  }
  const m = (name: keyof typeof subjects) => median(times[name]!)
  report(
    `CLI cold start, whole process, ${runs} interleaved runs each (medians), bundle through its bin, sandbox hash cost ${values["hash-cost"]}`,
    [
      {
        measure: "`login --json`, first sign-in",
        ours: m("login"),
        reference: m("bare"),
        referenceName: "bare node fetch script",
        unit: "ms",
        target: { at: "most", ratio: 1.5 },
      },
      {
        measure: "`login --json` replacing a cached session (+ its revocation)",
        ours: m("loginReplacing"),
        reference: m("bare"),
        referenceName: "bare node fetch script",
        unit: "ms",
        target: { at: "most", ratio: 1.5 },
      },
      {
        measure: "`token` from the cache",
        ours: m("token"),
        reference: m("nodeEmpty"),
        referenceName: "`node -e 0`",
        unit: "ms",
        target: { at: "most", ratio: 2.0 },
      },
      {
        measure: "`--version`",
        ours: m("version"),
        reference: m("nodeEmpty"),
        referenceName: "`node -e 0`",
        unit: "ms",
        target: { at: "most", ratio: 1.5 },
      },
    ],
  )
  if (values.profile) {
    console.log("\nWhere the time goes (--cpu-prof, 100 µs samples, idle left out; on a loaded machine a")
    console.log("sample also counts time the thread waited for a CPU):")
    const named = {
      nodeEmpty: "`node -e 0`",
      version: "`soracom-auth --version`",
      token: "`soracom-auth token` (from the cache)",
      login: "`soracom-auth login --json`",
      bare: "bare node fetch script",
    } as const
    for (const [key, name] of Object.entries(named))
      await breakdown(name, subjects[key as keyof typeof named], Math.max(3, Math.min(runs, 8)))
  }
} finally {
  await setup.close()
}
