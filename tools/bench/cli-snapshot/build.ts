/**
 * Builds the V8 startup snapshots that tools/bench/cli-snapshot.ts measures (and its test smoke-tests): the CLI's
 * entry.ts bundled by esbuild into one CommonJS file with the shipped bundle's options, then
 * `node --snapshot-blob <blob> --build-snapshot <file>` run by this very Node binary (a blob only starts the
 * binary that made it). Also the empty snapshot, the floor of the mechanism.
 */
import { spawnSync } from "node:child_process"
import { statSync, writeFileSync } from "node:fs"
import { join } from "node:path"
import { fileURLToPath } from "node:url"
import { build } from "esbuild"
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
  if (run.status !== 0) {
    const warnings =
      /^\(node:\d+\) Warning: It's not yet fully verified|^It may still work|^To request support|^\(Use `node --trace-warnings/
    // V8 names the heap object it could not save on stdout, then aborts with a message on stderr
    const output = `${run.stdout}${run.stderr}`
      .split("\n")
      .filter((line) => !warnings.test(line))
      .join("\n")
    throw new Error(
      `node --build-snapshot ${entry} failed (${run.status ?? run.signal}):\n${output.slice(0, 2000)}`,
    )
  }
  return { path: blob, bytes: statSync(blob).size, buildMs }
}
