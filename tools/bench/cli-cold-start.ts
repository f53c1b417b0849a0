/**
 * Cold-start figure for `soracom-auth login --json` (issue 6): wall time of a fresh process that signs in against
 * a local sandbox, side by side with a bare `node -e "await fetch(…)"` POST of the same body to the same
 * sandbox. Runs interleaved, after warm-up, and prints medians and the ratio (target ≤ 1.5×).
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

const timed = (args: ReadonlyArray<string>, stdin: string | undefined, env: Record<string, string>) =>
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
      if (code !== 0 || !out.includes("operatorId")) reject(new Error(`run failed (${code}): ${out}${err}`))
      else resolve(ms)
    })
    child.stdin.end(stdin ?? "")
  })

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
    // SORACOM_AUTH_BUNDLE=1: other engineers may edit sources during the run; without it the bin would fall
    // back to tsx for a stale bundle. (The freshness check it skips costs ~5–15 ms in a checkout.)
    {
      SORACOM_PROFILE_DIR: profileDir,
      ...(values.source ? { SORACOM_AUTH_FROM_SOURCE: "1" } : { SORACOM_AUTH_BUNDLE: "1" }),
    },
  )

const median = (xs: ReadonlyArray<number>) => {
  const s = [...xs].sort((a, b) => a - b)
  const mid = Math.floor(s.length / 2)
  return s.length % 2 === 0 ? (s[mid - 1]! + s[mid]!) / 2 : s[mid]!
}

try {
  for (let i = 0; i < 3; i++) {
    await bare()
    await app()
  }
  const bareTimes: Array<number> = []
  const appTimes: Array<number> = []
  for (let i = 0; i < runs; i++) {
    bareTimes.push(await bare())
    appTimes.push(await app())
  }
  const b = median(bareTimes)
  const a = median(appTimes)
  const fmt = (ms: number) => `${ms.toFixed(0).padStart(5)} ms`
  console.log(
    `cold start, ${runs} interleaved runs each after 3 warm-ups, sandbox hash cost ${values["hash-cost"]}`,
  )
  console.log(`  bare node fetch POST /auth          median ${fmt(b)}  min ${fmt(Math.min(...bareTimes))}`)
  console.log(
    `  soracom-auth login --json (${values.source ? "tsx" : "bundle"})  median ${fmt(a)}  min ${fmt(Math.min(...appTimes))}`,
  )
  console.log(`  ratio (medians)                     ${(a / b).toFixed(2)}×  (target ≤ 1.5×)`)
} finally {
  await sandbox.close()
  rmSync(profileDir, { recursive: true, force: true })
}
