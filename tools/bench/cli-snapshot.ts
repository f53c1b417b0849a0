/**
 * CLI cold start from a V8 startup snapshot — an experiment: what would it cost to go lower than the shipped
 * bundle (cli-cold-start.ts)? Side by side in one run, interleaved, after warm-ups, medians of wall time AND of
 * CPU time (user + sys of the process, from bash's `time`: on a loaded machine the CPU figure is the steadier):
 *
 * - `node -e 0`, and `node --snapshot-blob <empty blob>`: the floor of the mechanism (a user snapshot replaces
 *   the one built into the binary, and is read from a file);
 * - `soracom-auth --version` / `token` (from the session cache) / `login --json` (first sign-in, local
 *   sandbox) as shipped — the bin on the esbuild bundle, compile cache warm — and the same commands through
 *   `node --snapshot-blob <blob> -- <args…>`, the blob built from tools/bench/cli-snapshot/entry.ts (one
 *   CommonJS bundle, warmed: see entry.ts); `token` also from a blob of the modules only (not warmed) and from
 *   a warmed blob without the built-ins' code cache;
 * - the bare Node fetch script `login` is compared with, as in cli-cold-start.ts;
 * - with `--sea`, single executable applications (Node's SEA, postject): an empty snapshot (the floor), the
 *   warmed snapshot (`--version`, `token`, `login`), and the bundle itself with V8's code cache (`token`);
 *   each executable is a ~130 MB copy of the Node binary, made in a temporary folder and removed.
 *
 *   node --conditions=@soracom-auth/source tools/bench/cli-snapshot.ts [--runs 15] [--hash-cost 1] [--sea]
 *
 * Targets as in issue #16: `--version` ≤ 1.5× and `token` ≤ 2.0× `node -e 0`, `login --json` ≤ 1.5× the bare
 * fetch script. Every run's output is checked: the snapshot's `token` must print the shipped one's token.
 */
import { spawn } from "node:child_process"
import { mkdirSync, statSync } from "node:fs"
import { loadavg } from "node:os"
import { join } from "node:path"
import { parseArgs } from "node:util"
import { buildBlob, buildSea, bundleSnapshotEntry, writeEmptyEntry } from "./cli-snapshot/build.ts"
import { report } from "./report.ts"
import { cliSetup, type Subject } from "./shared/cli-setup.ts"
import { median } from "./shared/stats.ts"

const { values } = parseArgs({
  options: {
    runs: { type: "string", default: "15" },
    "hash-cost": { type: "string", default: "1" },
    sea: { type: "boolean", default: false },
  },
})
const runs = Number(values.runs)
const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(" ")
const loadBefore = load()

const setup = await cliSetup({ hashCost: Number(values["hash-cost"]) })
const { bin, packageDir, appEnv, profileDir, loginArgs, firstSignIn } = setup
// the snapshot's files beside the packed layout
const snapDir = join(packageDir, "snapshot")
mkdirSync(snapDir)
const entry = await bundleSnapshotEntry(snapDir)
const emptyEntry = writeEmptyEntry(snapDir)
const blobs = {
  empty: buildBlob(emptyEntry, join(snapDir, "empty.blob")),
  cold: buildBlob(entry, join(snapDir, "modules.blob")),
  warm: buildBlob(entry, join(snapDir, "warm.blob"), { warm: true }),
  warmNoCodeCache: buildBlob(entry, join(snapDir, "warm-no-code-cache.blob"), {
    warm: true,
    codeCache: false,
  }),
}
const seas = values.sea
  ? {
      empty: await buildSea(emptyEntry, join(snapDir, "sea-empty"), { snapshot: true }),
      warm: await buildSea(entry, join(snapDir, "sea-snapshot"), { snapshot: true, warm: true }),
      codeCache: await buildSea(entry, join(snapDir, "sea-code-cache"), { snapshot: false }),
    }
  : undefined

interface Times {
  readonly wall: number
  readonly cpu: number
}

/**
 * One run under bash's `time` (wait4's rusage of the child: user + sys, and the wall time from fork to exit,
 * without bash's own start). Spawned asynchronously: the sandbox answering `login` lives in this process.
 */
const timed = (s: Subject) =>
  new Promise<Times & { readonly out: string }>((resolve, reject) => {
    s.before?.()
    // fd 3 carries `time`'s line; the command keeps the real stderr (4) and sees neither 3 nor 4
    const script = `TIMEFORMAT='%3R %3U %3S'; { time "$@" 2>&4 3>&- 4>&- ; } 4>&2 2>&3`
    const child = spawn("bash", ["-c", script, "bash", s.command ?? process.execPath, ...s.args], {
      env: { ...process.env, ...s.env },
      stdio: ["pipe", "pipe", "pipe", "pipe"],
    })
    let out = ""
    let err = ""
    let time = ""
    child.stdout.on("data", (c: Buffer) => {
      out += c.toString()
    })
    child.stderr.on("data", (c: Buffer) => {
      err += c.toString()
    })
    ;(child.stdio[3] as NodeJS.ReadableStream).on("data", (c: Buffer) => {
      time += c.toString()
    })
    child.on("close", (code) => {
      const [real, user, sys] = time.trim().split(/\s+/).map(Number)
      if (
        code !== 0 ||
        !out.includes(s.expect) ||
        real === undefined ||
        user === undefined ||
        sys === undefined
      )
        reject(new Error(`run failed (${code}): ${s.args.join(" ")}\n${out}${err}${time}`))
      else resolve({ wall: real * 1000, cpu: (user + sys) * 1000, out })
    })
    child.stdin.end(s.stdin ?? "")
  })

const snapshot = (blob: keyof typeof blobs, ...args: ReadonlyArray<string>) => [
  "--snapshot-blob",
  blobs[blob].path,
  "--",
  ...args,
]
try {
  // sign in once, so `token` answers from the cache; every `token` below must print this one
  await timed(firstSignIn([bin, ...loginArgs], profileDir))
  const token = (await timed({ args: [bin, "token"], env: appEnv, expect: "" })).out.trim()
  if (token === "") throw new Error("`soracom-auth token` printed nothing after a sign-in")

  const subjects = {
    nodeEmpty: setup.references.nodeEmpty,
    snapEmpty: { args: ["--snapshot-blob", blobs.empty.path], expect: "" },
    bare: setup.references.bare,
    version: { args: [bin, "--version"], env: appEnv, expect: "." },
    versionSnap: { args: snapshot("warm", "--version"), env: appEnv, expect: "." },
    token: { args: [bin, "token"], env: appEnv, expect: token },
    tokenSnap: { args: snapshot("warm", "token"), env: appEnv, expect: token },
    tokenSnapCold: { args: snapshot("cold", "token"), env: appEnv, expect: token },
    tokenSnapNoCodeCache: { args: snapshot("warmNoCodeCache", "token"), env: appEnv, expect: token },
    login: firstSignIn([bin, ...loginArgs], join(profileDir, "first-sign-in")),
    loginSnap: firstSignIn(snapshot("warm", ...loginArgs), join(profileDir, "first-sign-in-snapshot")),
  } satisfies Record<string, Subject>
  const seaSubjects: Record<string, Subject> =
    seas === undefined
      ? {}
      : {
          seaEmpty: { command: seas.empty.path, args: [], expect: "" },
          seaVersion: { command: seas.warm.path, args: ["--version"], env: appEnv, expect: "." },
          seaToken: { command: seas.warm.path, args: ["token"], env: appEnv, expect: token },
          seaCodeCacheToken: { command: seas.codeCache.path, args: ["token"], env: appEnv, expect: token },
          seaLogin: firstSignIn(loginArgs, join(profileDir, "first-sign-in-sea"), seas.warm.path),
        }
  const all: Record<string, Subject> = { ...subjects, ...seaSubjects }

  const samples = Object.fromEntries(Object.keys(all).map((k) => [k, [] as Array<Times>]))
  for (let i = 0; i < runs + 3; i++) {
    for (const [name, subject] of Object.entries(all)) {
      const t = await timed(subject)
      if (i >= 3) samples[name]!.push(t) // 3 warm-ups (and the compile cache filled)
    }
  }
  const m = (name: string, kind: keyof Times) => median(samples[name]!.map((t) => t[kind]))

  const rows = (kind: keyof Times) => {
    const vsNode = (measure: string, ours: string, ratio: number) => ({
      measure,
      ours: m(ours, kind),
      reference: m("nodeEmpty", kind),
      referenceName: "`node -e 0`",
      unit: "ms",
      target: { at: "most" as const, ratio },
    })
    const vsFetch = (measure: string, ours: string) => ({
      measure,
      ours: m(ours, kind),
      reference: m("bare", kind),
      referenceName: "bare node fetch script",
      unit: "ms",
      target: { at: "most" as const, ratio: 1.5 },
    })
    return [
      vsNode("floor: empty user snapshot (`node --snapshot-blob`)", "snapEmpty", 2.0),
      vsNode("`--version`, shipped", "version", 1.5),
      vsNode("`--version`, snapshot", "versionSnap", 1.5),
      vsNode("`token` from the cache, shipped", "token", 2.0),
      vsNode("`token`, snapshot (warmed)", "tokenSnap", 2.0),
      vsNode("`token`, snapshot of the modules only", "tokenSnapCold", 2.0),
      vsNode("`token`, snapshot (warmed) without built-ins' code cache", "tokenSnapNoCodeCache", 2.0),
      vsFetch("`login --json` first sign-in, shipped", "login"),
      vsFetch("`login --json` first sign-in, snapshot", "loginSnap"),
      ...(seas === undefined
        ? []
        : [
            vsNode("floor: single executable, empty snapshot", "seaEmpty", 2.0),
            vsNode("`--version`, single executable with the snapshot", "seaVersion", 1.5),
            vsNode("`token`, single executable with the snapshot", "seaToken", 2.0),
            vsNode("`token`, single executable, bundle + code cache (no snapshot)", "seaCodeCacheToken", 2.0),
            vsFetch("`login --json` first sign-in, single executable with the snapshot", "seaLogin"),
          ]),
    ]
  }
  const setting = `${runs} interleaved runs each (medians), sandbox hash cost ${values["hash-cost"]}, load average ${loadBefore} → ${load()} (${process.version})`
  report(`CLI start from a V8 snapshot vs as shipped — WALL time, ${setting}`, rows("wall"))
  report(`Same runs — CPU time (user + sys of the process)`, rows("cpu"))

  const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`
  console.log(`\nsnapshot entry (one CommonJS bundle): ${(statSync(entry).size / 1024).toFixed(0)} KB`)
  for (const [name, blob] of Object.entries(blobs))
    console.log(
      `blob ${name.padEnd(16)} ${mb(blob.bytes).padStart(8)}, built in ${(blob.buildMs / 1000).toFixed(1)} s`,
    )
  for (const [name, sea] of Object.entries(seas ?? {}))
    console.log(
      `single executable ${name.padEnd(10)} ${mb(statSync(sea.path).size)} (injected ${mb(sea.bytes)}), built in ${(sea.buildMs / 1000).toFixed(1)} s`,
    )
} finally {
  await setup.close()
}
