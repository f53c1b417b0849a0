/**
 * CLI cold start, whole process, side by side in one run (medians, interleaved, after warm-up):
 * `soracom-auth login --json` against a local sandbox vs a bare `node -e "await fetch(…)"` POST of the same body
 * (target ≤ 1.5×); `soracom-auth token` answered from the session cache vs `node -e 0` (≤ 2.0×);
 * `soracom-auth --version` vs `node -e 0` (≤ 1.5×).
 *
 *   node tools/bench/cli-cold-start.ts [--runs 15] [--hash-cost 1]
 *
 * The app runs through its bin, which uses the esbuild bundle (built here first) — what `pnpm start` ships.
 * With `--source` it runs the TypeScript sources through tsx instead, for comparison.
 */
import { spawn, spawnSync } from "node:child_process"
import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { fileURLToPath } from "node:url"
import { parseArgs } from "node:util"
import { demoSeed, startSandbox } from "@soracom-auth/sandbox"
import { report } from "./report.ts"

const { values } = parseArgs({
  options: {
    runs: { type: "string", default: "15" },
    "hash-cost": { type: "string", default: "1" },
    source: { type: "boolean", default: false },
  },
})
const runs = Number(values.runs)
const appDir = fileURLToPath(new URL("../../apps/tui/", import.meta.url))
const bin = join(appDir, "bin/soracom-auth.js")

if (!values.source) {
  const built = spawnSync(process.execPath, [join(appDir, "build.ts")], { stdio: "inherit" })
  if (built.status !== 0) throw new Error("bundle build failed")
}

const key = demoSeed.operators[0]!.authKeys![0]!
const sandbox = await startSandbox({
  port: 0,
  hashCost: Number(values["hash-cost"]),
  rateLimit: false,
  log: false,
})
const profileDir = mkdtempSync(join(tmpdir(), "soracom-auth-bench-"))

const timed = (
  args: ReadonlyArray<string>,
  stdin: string | undefined,
  env: Record<string, string>,
  expect = "operatorId",
) =>
  new Promise<number>((resolve, reject) => {
    const started = performance.now()
    const child = spawn(process.execPath, args, {
      env: { ...process.env, ...env },
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
      if (code !== 0 || !out.includes(expect)) reject(new Error(`run failed (${code}): ${out}${err}`))
      else resolve(ms)
    })
    child.stdin.end(stdin ?? "")
  })

// SORACOM_AUTH_BUNDLE=1: other engineers may edit sources during the run; without it the bin would fall back to
// tsx for a stale bundle. (The freshness check it skips costs ~5–15 ms in a checkout.)
const appEnv = {
  SORACOM_PROFILE_DIR: profileDir,
  ...(values.source ? { SORACOM_AUTH_FROM_SOURCE: "1" } : { SORACOM_AUTH_BUNDLE: "1" }),
}
const body = JSON.stringify({ authKeyId: key.authKeyId, authKey: key.authKey })
const bare = () =>
  timed(
    [
      "--input-type=module",
      "-e",
      `const r = await fetch(${JSON.stringify(`${sandbox.url}/auth`)}, { method: "POST", headers: { "content-type": "application/json" }, body: ${JSON.stringify(body)} }); process.stdout.write(await r.text())`,
    ],
    undefined,
    {},
  )
const app = () =>
  timed(
    [
      bin,
      "login",
      "--json",
      "--endpoint",
      sandbox.endpoint,
      "--auth-key-id",
      key.authKeyId,
      "--auth-key-stdin",
    ],
    key.authKey,
    appEnv,
  )
const nodeEmpty = () => timed(["-e", "0"], undefined, {}, "")
const version = () => timed([bin, "--version"], undefined, appEnv, ".")
const token = () => timed([bin, "token"], undefined, appEnv, "")

const median = (xs: ReadonlyArray<number>) => {
  const s = [...xs].sort((a, b) => a - b)
  const mid = Math.floor(s.length / 2)
  return s.length % 2 === 0 ? (s[mid - 1]! + s[mid]!) / 2 : s[mid]!
}

try {
  await app() // signs in once, so `token` below answers from the cache
  const subjects = { bare, app, nodeEmpty, version, token }
  const times = Object.fromEntries(Object.keys(subjects).map((k) => [k, [] as Array<number>]))
  for (let i = 0; i < runs + 3; i++) {
    for (const [name, run] of Object.entries(subjects)) {
      const ms = await run()
      if (i >= 3) times[name]!.push(ms) // 3 warm-ups
    }
  }
  const m = (name: keyof typeof subjects) => median(times[name]!)
  report(
    `CLI cold start, whole process, ${runs} interleaved runs each (medians), ${values.source ? "sources via tsx" : "bundle"}, sandbox hash cost ${values["hash-cost"]}`,
    [
      {
        measure: "`login --json`",
        ours: m("app"),
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
} finally {
  await sandbox.close()
  rmSync(profileDir, { recursive: true, force: true })
}
