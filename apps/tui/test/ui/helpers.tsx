/**
 * Test kit for the Ink screens: the app over fake services, keys, and a polling `waitForFrame` (no sleeps as
 * assertions: a test waits until the frame it expects appears, or fails after a generous deadline).
 */
import { Effect, Layer, Logger, ManagedRuntime, Redacted } from "effect"
import { render } from "ink-testing-library"
import type { ReactElement } from "react"
import stripAnsi from "strip-ansi"
import { vi } from "vitest"
import { App, type AppResult } from "../../src/ui/app.tsx"
import type { AppOptions } from "../../src/ui/options.ts"
import { makeLogChannel } from "../../src/ui/runtime/log-channel.ts"
import type { UiRuntime } from "../../src/ui/runtime/runtime-context.tsx"
import {
  type ProfileSummary,
  UiAuth,
  type UiAuthShape,
  UiProfiles,
  type UiProfilesShape,
} from "../../src/ui/runtime/services.ts"

// Screen tests walk whole flows key by key; on a busy machine that takes seconds, never a timing assertion.
vi.setConfig({ testTimeout: 30_000 })

export const keys = {
  enter: "\r",
  escape: "\u001B",
  up: "\u001B[A",
  down: "\u001B[B",
  ctrlC: "\u0003",
  backspace: "\u007F",
} as const

/** A fixed clock: 2026-11-30T00:00:00Z. */
export const NOW = Date.UTC(2026, 10, 30, 0, 0, 0)

export const tick = (ms = 0) => new Promise<void>((resolve) => setTimeout(resolve, ms))

/** What every signed-in fake returns. */
export const fakeSignedIn = {
  apiKey: Redacted.make("api-0000-1111-2222-ABCD"),
  token: Redacted.make("token.jwt.value-WXYZ"),
  operatorId: "OP0000000001",
  expiresAt: NOW + 86_400_000,
}

export const defaultAuth: UiAuthShape = {
  signIn: () => Effect.succeed(fakeSignedIn),
  signOut: () => Effect.void,
  requestPasswordReset: () => Effect.void,
  verifyPasswordReset: () => Effect.void,
}

/** An in-memory profile store. */
export const memoryProfiles = (
  initial: ReadonlyArray<ProfileSummary> = [],
  dir = "/home/test/.soracom",
): UiProfilesShape & { readonly saved: Map<string, unknown>; readonly cached: Map<string, unknown> } => {
  const saved = new Map<string, unknown>()
  const cached = new Map<string, unknown>()
  let list = [...initial]
  return {
    dir,
    saved,
    cached,
    cacheSession: (name, session) =>
      Effect.sync(() => {
        if (session === undefined) cached.delete(name)
        else cached.set(name, session)
      }),
    list: Effect.sync(() => list),
    read: (name) => {
      const p = list.find((x) => x.name === name)
      if (p === undefined) {
        return Effect.fail({ _tag: "ProfileNotFound" as const, message: `There is no profile "${name}".` })
      }
      if (p.problem !== undefined) return Effect.fail(p.problem)
      return Effect.succeed({
        summary: p,
        ...(p.method === undefined ? {} : { method: p.method }),
        ...(p.method === "authKey"
          ? { authKeyId: p.identity ?? "keyId-x", authKey: Redacted.make("secret-x") }
          : {}),
        ...(p.method === "root"
          ? { email: p.identity ?? "a@example.com", password: Redacted.make("pw") }
          : {}),
        ...(p.method === "samUser"
          ? { operatorId: "OP0000000001", userName: "user", password: Redacted.make("pw") }
          : {}),
      })
    },
    exists: (name) => Effect.sync(() => list.some((p) => p.name === name) || saved.has(name)),
    save: (name, request) =>
      Effect.sync(() => {
        saved.set(name, request)
        list = [...list.filter((p) => p.name !== name), { name, method: request.method }]
      }),
    remove: (name) =>
      Effect.sync(() => {
        const had = list.some((p) => p.name === name)
        list = list.filter((p) => p.name !== name)
        return had
      }),
  }
}

export const fakeRuntime = (
  auth: Partial<UiAuthShape> = {},
  profiles: UiProfilesShape = memoryProfiles(),
  now: () => number = () => NOW,
): UiRuntime => {
  const logs = makeLogChannel()
  const runtime = ManagedRuntime.make(
    Layer.mergeAll(
      Layer.succeed(UiAuth, { ...defaultAuth, ...auth }),
      Layer.succeed(UiProfiles, profiles),
      Logger.layer([logs.logger]),
    ),
  )
  return { runFork: (effect) => runtime.runFork(effect), now, subscribeLogs: logs.subscribe }
}

export interface Rendered {
  readonly frame: () => string
  readonly frames: () => ReadonlyArray<string>
  readonly write: (data: string) => Promise<void>
  /** Types text, then Enter in a separate write (Ink treats "text\r" in one chunk as text). */
  readonly type: (text: string) => Promise<void>
  readonly press: (...sequence: ReadonlyArray<string>) => Promise<void>
  readonly waitFor: (
    expected: string | RegExp | ((frame: string) => boolean),
    what?: string,
  ) => Promise<string>
  readonly result: () => AppResult | undefined
  readonly unmount: () => void
}

/** The frame with every run of whitespace (line wraps included) as one space. */
export const flat = (text: string) => text.replace(/\s+/g, " ")

const matches = (frame: string, expected: string | RegExp | ((frame: string) => boolean)) =>
  typeof expected === "string"
    ? frame.includes(expected) || flat(frame).includes(flat(expected))
    : expected instanceof RegExp
      ? expected.test(frame)
      : expected(frame)

/** Renders any element and returns the key/frame kit. */
export const renderInk = (
  element: ReactElement,
  getResult: () => AppResult | undefined = () => undefined,
): Rendered => {
  const instance = render(element)
  const frame = () => stripAnsi(instance.lastFrame() ?? "")
  const write = async (data: string) => {
    instance.stdin.write(data)
    await tick(5)
  }
  const waitFor: Rendered["waitFor"] = async (expected, what) => {
    const deadline = Date.now() + 10_000
    for (;;) {
      const current = frame()
      if (matches(current, expected)) {
        // A frame is written during React's commit; the new screen's input listeners attach in its passive
        // effects, one macrotask later. Yield once so the next key reaches the screen the frame shows.
        await tick(1)
        return current
      }
      if (Date.now() > deadline) {
        throw new Error(`Timed out waiting for ${what ?? String(expected)}. Last frame:\n${current}`)
      }
      await tick(10)
    }
  }
  return {
    frame,
    frames: () => instance.frames.map((f) => stripAnsi(f)),
    write,
    type: async (text) => {
      await write(text)
      await write(keys.enter)
    },
    press: async (...sequence) => {
      for (const key of sequence) await write(key)
    },
    waitFor,
    result: getResult,
    unmount: () => instance.unmount(),
  }
}

/** The whole app over fake services. */
export const renderApp = (
  options: AppOptions = {},
  runtime: UiRuntime = fakeRuntime(),
  profileDir = "/home/test/.soracom",
): Rendered => {
  let result: AppResult | undefined
  return renderInk(
    <App options={options} runtime={runtime} profileDir={profileDir} onExit={(r) => (result = r)} />,
    () => result,
  )
}

export const demoOptions: AppOptions = {
  demo: {
    url: "http://127.0.0.1:9999",
    credentialsText: "AuthKey ID keyId-demo · AuthKey secret secret-demo",
  },
}
