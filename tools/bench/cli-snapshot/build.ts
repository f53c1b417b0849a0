/**
 * Builds the V8 startup snapshots that tools/bench/cli-snapshot.ts measures (and its test smoke-tests): the CLI's
 * entry.ts bundled by esbuild into one CommonJS file with the shipped bundle's options, then
 * `node --snapshot-blob <blob> --build-snapshot <file>` run by this very Node binary (a blob only starts the
 * binary that made it). Also the empty snapshot, the floor of the mechanism; and single executable
 * applications (Node's SEA: the binary copied with the entry, or its snapshot, injected by postject).
 */
import { spawnSync } from "node:child_process"
import { chmodSync, copyFileSync, readFileSync, statSync, writeFileSync } from "node:fs"
import { join } from "node:path"
import { fileURLToPath } from "node:url"
import { build } from "esbuild"
import { inject } from "postject"
import { bundleOptions } from "../../../apps/tui/build.ts"

/** One blob: where, how big, how long `--build-snapshot` took. */
export interface Blob {
  readonly path: string
  readonly bytes: number
  readonly buildMs: number
}

/** The CLI's snapshot entry as one CommonJS file in `dir`; returns its path. */
export const bundleSnapshotEntry = async (dir: string): Promise<string> => {
  const outfile = join(dir, "soracom-auth-snapshot.cjs")
  await build({
    ...bundleOptions,
    entryPoints: [fileURLToPath(new URL("./entry.ts", import.meta.url))],
    outfile,
    format: "cjs",
    logLevel: "warning",
  })
  return outfile
}

/** An entry that does nothing: the cost of starting from a user snapshot at all. */
export const writeEmptyEntry = (dir: string): string => {
  const file = join(dir, "empty-snapshot.cjs")
  writeFileSync(file, 'require("node:v8").startupSnapshot.setDeserializeMainFunction(() => {})\n')
  return file
}

/**
 * `node --build-snapshot` of `entry` into `blob`. `warm` runs a few commands while building (see entry.ts);
 * `codeCache: false` leaves out the built-in modules' code cache (`withoutCodeCache`). Fails with the
 * builder's stderr (V8's own message when a heap object cannot be saved).
 */
export const buildBlob = (
  entry: string,
  blob: string,
  options: { readonly warm?: boolean; readonly codeCache?: boolean } = {},
): Blob => {
  const args =
    options.codeCache === false
      ? (() => {
          const config = `${blob}.json`
          writeFileSync(config, JSON.stringify({ builder: entry, withoutCodeCache: true }))
          return ["--snapshot-blob", blob, "--build-snapshot-config", config]
        })()
      : ["--snapshot-blob", blob, "--build-snapshot", entry]
  const started = performance.now()
  const run = spawnSync(process.execPath, args, {
    // nothing of the bench's terminal in the builder: its stdio is not what a later run has
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, SORACOM_SNAPSHOT_WARM: options.warm === true ? "1" : "0" },
    encoding: "utf8",
  })
  const buildMs = performance.now() - started
  failOn(run, `node --build-snapshot ${entry}`)
  return { path: blob, bytes: statSync(blob).size, buildMs }
}

const failOn = (run: ReturnType<typeof spawnSync>, what: string): void => {
  if (run.status === 0) return
  const warnings =
    /^\(node:\d+\) Warning: It's not yet fully verified|^It may still work|^To request support|^\(Use `node --trace-warnings/
  // V8 names the heap object it could not save on stdout, then aborts with a message on stderr
  const output = `${run.stdout}${run.stderr}`
    .split("\n")
    .filter((line) => !warnings.test(line))
    .join("\n")
  throw new Error(`${what} failed (${run.status ?? run.signal}):\n${output.slice(0, 2000)}`)
}

/** The fuse Node's single-executable support looks for (Node's docs, "Single executable applications"). */
const seaFuse = "NODE_SEA_FUSE_fce680ab2cc467b6e072b8b5df1996b2"

/**
 * A single executable application at `out`: this Node binary with `entry` injected — as a startup snapshot
 * (`useSnapshot`, warmed or not) or as the script itself with V8's code cache (`useCodeCache`). `bytes` is the
 * injected blob's size (the executable is the Node binary plus that).
 */
export const buildSea = async (
  entry: string,
  out: string,
  options: { readonly snapshot: boolean; readonly warm?: boolean },
): Promise<Blob> => {
  const config = `${out}.sea.json`
  const prep = `${out}.sea-prep.blob`
  writeFileSync(
    config,
    JSON.stringify({
      main: entry,
      output: prep,
      disableExperimentalSEAWarning: true,
      ...(options.snapshot ? { useSnapshot: true } : { useCodeCache: true }),
    }),
  )
  const started = performance.now()
  const run = spawnSync(process.execPath, ["--experimental-sea-config", config], {
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, SORACOM_SNAPSHOT_WARM: options.warm === true ? "1" : "0" },
    encoding: "utf8",
  })
  failOn(run, `node --experimental-sea-config (${options.snapshot ? "snapshot" : "code cache"}) of ${entry}`)
  copyFileSync(process.execPath, out)
  chmodSync(out, 0o755)
  await inject(out, "NODE_SEA_BLOB", readFileSync(prep), { sentinelFuse: seaFuse })
  return { path: out, bytes: statSync(prep).size, buildMs: performance.now() - started }
}
