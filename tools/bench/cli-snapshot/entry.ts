/**
 * The CLI as a V8 startup snapshot's builder script (an experiment, tools/bench/cli-snapshot.ts; not shipped).
 * Bundled to one CommonJS file (`node --build-snapshot` takes one script that may `require` only built-ins), it
 * evaluates the command line's modules — effect, Schema, effect/cli, core, the commands — into the heap that
 * `node --snapshot-blob <blob> --build-snapshot` saves. A start from the blob skips that evaluation and runs
 * the function given to `setDeserializeMainFunction`, which reads everything of this run (argv, env, stdout,
 * stdin, the clock) itself: nothing of the build's process may leak into a run.
 *
 * With `SORACOM_SNAPSHOT_WARM=1` at build time the builder also runs `--help`, `token` (not signed in) and a
 * `login` refused before any request, against an empty temporary profile folder and a discarding output, so
 * that the functions a command runs are compiled before the heap is saved. A warm-up that reached the network
 * (a `fetch`) would abort the build.
 *
 * What a snapshot cannot hold, found building this one (Node 24.21):
 * - ICU-backed `Intl` objects: the build aborts (effect/cli, string-width; see intl-shim.ts);
 * - anything a `fetch` leaves (sockets, undici state): the build aborts, so the warm-up stays off the network;
 * - streams: `process.stdout` captured while building is a dead stream after the start — writes return false
 *   and print nothing, exit 0 (the app's module-level `processIo` is one: runs here pass their own `io`);
 * - Node's `randomUUID` pool, if filled while building: every run then repeats the same UUIDs;
 * - `import()` (no ESM loader: ERR_VM_DYNAMIC_IMPORT_CALLBACK_MISSING) and `require` of anything but built-ins,
 *   so Ink (ESM, top-level await) and the interactive app are out of reach without a helper file on disk.
 * `process.env` read at run time is this run's (a copy made while building keeps the builder's values).
 *
 * Run from a blob: `node --snapshot-blob <blob> -- <args…>` (the `--` keeps Node from reading `--version` & co.);
 * or as a single executable application built with `"useSnapshot": true` (tools/bench/cli-snapshot.ts --sea).
 */
// first (a side-effect import stays in place): effect/cli and string-width make an `Intl.Segmenter` while their
// modules are evaluated
import "./intl-shim.ts"
import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { isSea } from "node:sea"
import { startupSnapshot } from "node:v8"
import { type RunOptions, runCli } from "../../../apps/tui/src/cli/run.ts"
import { version } from "../../../apps/tui/src/version.ts"
import { restoreSegmenter } from "./intl-shim.ts"

restoreSegmenter()

const warmUp = async (): Promise<void> => {
  const sink = { write: () => true }
  const dir = mkdtempSync(join(tmpdir(), "soracom-auth-snapshot-warm-"))
  const options: RunOptions = {
    io: { stdout: sink, stderr: sink, env: {} },
    // no credentials: nothing may reach the network (a fetch leaves sockets and undici state that the
    // snapshot cannot hold — V8 aborts the build) nor read stdin (it would open the builder's)
    env: { SORACOM_PROFILE_DIR: dir },
    interactive: false,
    terminal: false,
  }
  try {
    await runCli(["--help"], options)
    await runCli(["token"], options)
    // refused before any request: an AuthKey ID without its secret
    await runCli(
      ["login", "--json", "--endpoint", "http://127.0.0.1:1", "--auth-key-id", "keyId-warmup"],
      options,
    )
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

/** The CLI's run; `fromBlob`: started by `node --snapshot-blob`, whose argv has no script (argv[1] is the first argument). */
const main = async (fromBlob: boolean): Promise<void> => {
  // a single executable repeats its path in argv[1], with or without a snapshot; a plain run has the script there
  const argv = process.argv.slice(fromBlob && !isSea() ? 1 : 2)
  if (["HTTPS_PROXY", "https_proxy", "HTTP_PROXY", "http_proxy"].some((name) => process.env[name])) {
    const { setGlobalProxyFromEnv } = await import("node:http")
    if (typeof setGlobalProxyFromEnv === "function") setGlobalProxyFromEnv()
  }
  let code: number
  if (argv.length === 1 && argv[0] === "--version") {
    process.stdout.write(`${version}\n`)
    code = 0
  } else if (argv.length === 0 && process.stdin.isTTY === true && process.stdout.isTTY === true) {
    // Ink is ESM with top-level await: a snapshot's `import()` has no loader (ERR_VM_DYNAMIC_IMPORT_CALLBACK_MISSING)
    process.stderr.write("soracom-auth (snapshot experiment): the interactive app is not in the snapshot\n")
    code = 2
  } else {
    // the streams and the environment of this run (the module-level `processIo` holds the builder's)
    code = await runCli(argv, { io: { stdout: process.stdout, stderr: process.stderr, env: process.env } })
  }
  process.exitCode = code
  const drain = (stream: NodeJS.WriteStream) =>
    new Promise<void>((resolve) => (stream.writableNeedDrain ? stream.once("drain", resolve) : resolve()))
  await Promise.all([drain(process.stdout), drain(process.stderr)])
  process.exit(code)
}

if (startupSnapshot.isBuildingSnapshot()) {
  if (process.env.SORACOM_SNAPSHOT_WARM === "1") void warmUp()
  startupSnapshot.setDeserializeMainFunction(main, true)
} else {
  // the same file run without a snapshot (`node <file>`, or a single executable without `useSnapshot`)
  void main(false)
}
