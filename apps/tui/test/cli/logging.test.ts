/** The command-run logger in-process: what reaches stderr, and that nothing reaches stdout or the console. */
import { Cause, Effect, Logger } from "effect"
import { afterEach, describe, expect, it, vi } from "vitest"
import { formatLogLine, loggingLayer } from "../../src/cli/logging.ts"
import type { Io } from "../../src/cli/output.ts"

const capture = () => {
  const out = { stdout: "", stderr: "" }
  const io: Io = {
    stdout: { write: (s: string) => (out.stdout += s) },
    stderr: { write: (s: string) => (out.stderr += s) },
    env: {},
  }
  return { out, io }
}

afterEach(() => {
  vi.restoreAllMocks()
})

describe("loggingLayer", () => {
  it("warnings and errors: one plain line each on stderr; info and debug dropped; nothing on stdout or console", () => {
    const log = vi.spyOn(console, "log")
    const error = vi.spyOn(console, "error")
    const { out, io } = capture()
    Effect.runSync(
      Effect.gen(function* () {
        yield* Effect.log("info is dropped")
        yield* Effect.logDebug("debug is dropped")
        yield* Effect.logWarning("Retrying the sign-in in 1.2 s\n(attempt 1 of 4 failed)").pipe(
          Effect.annotateLogs({ attempt: 1 }),
        )
        yield* Effect.logError("Could not save", new Error("disk full"))
      }).pipe(Effect.provide(loggingLayer(io))),
    )
    expect(out.stdout).toBe("")
    expect(out.stderr).toBe(
      "soracom-auth: retrying the sign-in in 1.2 s (attempt 1 of 4 failed)\nsoracom-auth: could not save: disk full\n",
    )
    expect(log).not.toHaveBeenCalled()
    expect(error).not.toHaveBeenCalled()
  })

  it("Effect's default logger, if added back, goes to stderr (console.error), not stdout", () => {
    const log = vi.spyOn(console, "log").mockImplementation(() => {})
    const error = vi.spyOn(console, "error").mockImplementation(() => {})
    const { io } = capture()
    Effect.runSync(
      Effect.logWarning("w").pipe(
        Effect.provide(Logger.layer([Logger.defaultLogger], { mergeWithExisting: true })),
        Effect.provide(loggingLayer(io)),
      ),
    )
    expect(log).not.toHaveBeenCalled()
    expect(error).toHaveBeenCalledOnce()
  })
})

describe("formatLogLine", () => {
  it("keeps a leading acronym, joins parts, no stack", () => {
    expect(formatLogLine(["SORACOM answered HTTP 503."], Cause.empty)).toBe(
      "soracom-auth: SORACOM answered HTTP 503.",
    )
    const line = formatLogLine(["Failed", { n: 1 }], Cause.die(new Error("boom")))
    expect(line).toBe('soracom-auth: failed: {"n":1}: boom')
  })
})
