/**
 * First-frame figure for the interactive app (issue 7): time from process start to the home screen on a real
 * terminal (tmux), side by side with a bare Ink "hello" app started the same way. Runs interleaved, after warm-up,
 * and prints medians and the ratio (target ≤ 1.5×).
 *
 *   node tools/bench/tui-first-frame.ts [--runs 10] [--source]
 *
 * Default: the app through its bin on the esbuild bundle (built here first — what `pnpm start` ships) vs a plain-JS
 * Ink hello with the same compile cache. `--source`: the app's TypeScript through tsx
 * (`SORACOM_AUTH_FROM_SOURCE=1`) vs a hello `.tsx` through the same tsx `register()` as the bin.
 *
 * "Start" is the shell's clock just before `exec node …` in the pane; "first frame" is when `tmux capture-pane`
 * first shows the screen's marker text (polled every few ms, so figures carry a few ms of granularity).
 */
import { execFileSync, spawnSync } from "node:child_process"
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs"
import { join } from "node:path"
import { fileURLToPath } from "node:url"
import { parseArgs } from "node:util"
import { report } from "./report.ts"
import { median } from "./shared/stats.ts"

const { values } = parseArgs({
  options: {
    runs: { type: "string", default: "10" },
    warmup: { type: "string", default: "2" },
    source: { type: "boolean", default: false },
  },
})
const runs = Number(values.runs)
const warmup = Number(values.warmup)
const appDir = fileURLToPath(new URL("../../apps/tui/", import.meta.url))
const bin = join(appDir, "bin/soracom-auth.js")
// Inside apps/tui so that `ink`, `react` and `tsx` resolve from its node_modules (`tmp` is git-ignored).
const work = join(appDir, "tmp", `bench-first-frame-${process.pid}`)

const tmux = (...args: ReadonlyArray<string>) =>
  execFileSync("tmux", args, { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] })
const quote = (s: string) => `'${s.replaceAll("'", `'\\''`)}'`
const now = () => performance.timeOrigin + performance.now()
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))

const writeFixtures = () => {
  mkdirSync(work, { recursive: true })
  // The bare app, plain JS: what the bundled app's Ink part amounts to, minus the app.
  writeFileSync(
    join(work, "hello.mjs"),
    [
      `import module from "node:module"`,
      `module.enableCompileCache?.()`,
      `const { render, Text } = await import("ink")`,
      `const React = await import("react")`,
      `const { waitUntilExit } = render(React.createElement(Text, null, "hello from ink"))`,
      `process.stdin.on("data", (d) => { if (String(d).includes("q")) process.exit(0) })`,
      `await waitUntilExit()`,
    ].join("\n"),
  )
  // The same, as TSX, started like the bin starts the sources: tsx's register(), then import.
  writeFileSync(
    join(work, "hello.tsx"),
    [
      `import { render, Text } from "ink"`,
      `render(<Text>hello from ink</Text>)`,
      `process.stdin.on("data", (d) => { if (String(d).includes("q")) process.exit(0) })`,
    ].join("\n"),
  )
  writeFileSync(
    join(work, "hello-bin.mjs"),
    [
      `import module from "node:module"`,
      `module.enableCompileCache?.()`,
      `const { register } = await import("tsx/esm/api")`,
      `register({ tsconfig: ${JSON.stringify(join(work, "tsconfig.json"))} })`,
      `await import("./hello.tsx")`,
    ].join("\n"),
  )
  writeFileSync(
    join(work, "tsconfig.json"),
    JSON.stringify({ extends: "../../tsconfig.json", include: ["*.tsx"] }),
  )
}

interface Subject {
  readonly name: string
  readonly argv: ReadonlyArray<string>
  readonly env: Readonly<Record<string, string>>
  readonly marker: string
}

const firstFrame = async (subject: Subject, index: number): Promise<number> => {
  const name = `tui-first-frame-${process.pid}-${index}`
  const startFile = join(work, `${name}.start`)
  const env = Object.entries({ TERM: "xterm-256color", ...subject.env }).map(([k, v]) => `${k}=${quote(v)}`)
  const script =
    `cd ${quote(appDir)} && date +%s%N > ${quote(startFile)} && ` +
    `exec env ${env.join(" ")} ${subject.argv.map(quote).join(" ")}`
  tmux("new-session", "-d", "-s", name, "-x", "100", "-y", "30", "sh", "-c", script)
  try {
    const deadline = Date.now() + 30_000
    for (;;) {
      const screen = tmux("capture-pane", "-p", "-t", name)
      if (screen.includes(subject.marker)) {
        const seen = now()
        const started = Number(BigInt(readFileSync(startFile, "utf8").trim()) / 1000n) / 1000
        return seen - started
      }
      if (Date.now() > deadline)
        throw new Error(`${subject.name}: no first frame in 30 s. Screen:\n${screen}`)
      await sleep(2)
    }
  } finally {
    try {
      tmux("kill-session", "-t", name)
    } catch {
      // gone already
    }
  }
}

if (!existsSync("/usr/bin/tmux") && spawnSync("tmux", ["-V"]).status !== 0) {
  throw new Error("tmux is required (apt-get install tmux)")
}

if (!values.source) {
  const built = spawnSync(process.execPath, [join(appDir, "build.ts")], { stdio: "inherit" })
  if (built.status !== 0) throw new Error("bundle build failed")
}
writeFixtures()

// The app needs no server to draw its home screen; an endpoint nobody listens on keeps it off the network.
const appEnv = {
  SORACOM_ENDPOINT: "http://127.0.0.1:9",
  SORACOM_PROFILE_DIR: join(work, "profiles"),
  ...(values.source ? { SORACOM_AUTH_FROM_SOURCE: "1" } : {}),
}
const subjects: ReadonlyArray<Subject> = [
  {
    name: "soracom-auth (home screen)",
    argv: [process.execPath, bin],
    env: appEnv,
    marker: "Reset password",
  },
  {
    name: values.source ? "bare Ink hello (.tsx via tsx register)" : "bare Ink hello (plain JS)",
    argv: [process.execPath, join(work, values.source ? "hello-bin.mjs" : "hello.mjs")],
    env: {},
    marker: "hello from ink",
  },
]

try {
  let index = 0
  for (let i = 0; i < warmup; i++) for (const s of subjects) await firstFrame(s, index++)
  const times = subjects.map(() => [] as Array<number>)
  for (let i = 0; i < runs; i++) {
    for (const [k, s] of subjects.entries()) times[k]!.push(await firstFrame(s, index++))
  }
  const medians = times.map(median)
  const rows = subjects.map((s, k) => ({
    subject: s.name,
    "median ms": Math.round(medians[k]!),
    "min ms": Math.round(Math.min(...times[k]!)),
    "max ms": Math.round(Math.max(...times[k]!)),
  }))
  console.log(
    `time to first frame, ${values.source ? "sources via tsx" : "esbuild bundle"}; ${runs} runs each, interleaved, after ${warmup} warm-up`,
  )
  console.table(rows)
  report("time to first frame (medians)", [
    {
      measure: "the app's first frame",
      ours: medians[0]!,
      reference: medians[1]!,
      referenceName: "bare Ink hello",
      unit: "ms",
      target: { at: "most", ratio: 1.5 },
    },
  ])
} finally {
  rmSync(work, { recursive: true, force: true })
}
