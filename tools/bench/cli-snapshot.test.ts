/**
 * The snapshot experiment's build step (tools/bench/cli-snapshot.ts) keeps working: the CLI's snapshot entry
 * bundles, `node --build-snapshot` accepts it with the warm-up (a module-level `Intl` object or a warm-up that
 * reaches the network aborts the build), and a start from the blob runs a command with this run's argv,
 * environment and streams, not the builder's (a stream captured while building writes nowhere after the start).
 * Times are not checked (benchmarks are not tests).
 */
import { spawnSync } from "node:child_process"
import { mkdtempSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { afterAll, beforeAll, expect, it } from "vitest"
import { version } from "../../apps/tui/src/version.ts"
import { type Blob, buildBlob, bundleSnapshotEntry } from "./cli-snapshot/build.ts"

let dir: string
let blob: Blob

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "soracom-auth-snapshot-test-"))
  blob = buildBlob(await bundleSnapshotEntry(dir), join(dir, "warm.blob"), { warm: true })
}, 120_000)
afterAll(() => rmSync(dir, { recursive: true, force: true }))

const fromBlob = (args: ReadonlyArray<string>, env: Record<string, string> = {}) =>
  spawnSync(process.execPath, ["--snapshot-blob", blob.path, "--", ...args], {
    env: { ...process.env, SORACOM_PROFILE_DIR: join(dir, "profiles"), ...env },
    stdio: ["ignore", "pipe", "pipe"],
    encoding: "utf8",
  })

it("`--version` from the blob prints the app's version", () => {
  const run = fromBlob(["--version"])
  expect(run.stderr).toBe("")
  expect(run.stdout).toBe(`${version}\n`)
  expect(run.status).toBe(0)
})

it("a command from the blob reads this run's environment: the profile and the language", () => {
  const en = fromBlob(["token"], { SORACOM_PROFILE: "from-this-run" })
  expect(en.status).toBe(4)
  expect(en.stderr).toContain('Not signed in (profile "from-this-run")')
  const ja = fromBlob(["token"], { SORACOM_LANG: "ja" })
  expect(ja.status).toBe(4)
  expect(ja.stderr).toContain("サインインしていません")
})

it("`--help` from the blob goes through effect/cli (its segmenter made after the start)", () => {
  const run = fromBlob(["login", "--help"])
  expect(run.status).toBe(0)
  expect(run.stdout).toContain("--auth-key-id")
})

it("a UUID pool Node fills while the snapshot is built comes back in every run: the warm-up must make no UUID", () => {
  // the sandbox's API keys and JWT IDs and session-redis's lock tokens are randomUUIDs
  const builder = join(dir, "uuid.cjs")
  writeFileSync(
    builder,
    'const { randomUUID } = require("node:crypto"); randomUUID(); require("node:v8").startupSnapshot.setDeserializeMainFunction(() => process.stdout.write(randomUUID()))',
  )
  const uuidBlob = buildBlob(builder, join(dir, "uuid.blob"))
  const run = () =>
    spawnSync(process.execPath, ["--snapshot-blob", uuidBlob.path], { encoding: "utf8" }).stdout
  const first = run()
  expect(first).toMatch(/^[0-9a-f-]{36}$/)
  expect(run()).toBe(first)
})
