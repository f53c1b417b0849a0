/**
 * Test kit for the Ink screens: the app over fake services, keys, and a polling `waitForFrame` (no sleeps as
 * assertions: a test waits until the frame it expects appears, or fails after a generous deadline).
 */
import { AuthResponse, type Credentials, Endpoint, type Errors } from "@soracom-auth/core"
import { DateTime, Effect, Layer, Logger, ManagedRuntime, Redacted } from "effect"
import { render } from "ink-testing-library"
import type { ReactElement } from "react"
import stripAnsi from "strip-ansi"
import { vi } from "vitest"
import { ProfileNotFound } from "../../src/profiles/errors.ts"
import { identityOf } from "../../src/session/method.ts"
import type { CachedSession } from "../../src/session/SessionCache.ts"
import {
  type SessionState,
  Sessions,
  type SessionsShape,
  type SignInInput,
  type SignOutResult,
} from "../../src/session/Sessions.ts"
import { App, type AppResult } from "../../src/ui/app.tsx"
import { makeLogChannel } from "../../src/ui/effects/log-channel.ts"
import type { UiRuntime } from "../../src/ui/effects/runtime-context.tsx"
import {
  PasswordReset,
  type PasswordResetShape,
  type ProfileSummary,
  UiProfiles,
  type UiProfilesShape,
} from "../../src/ui/effects/services.ts"
import type { Session } from "../../src/ui/model.ts"
import type { AppOptions } from "../../src/ui/options.ts"

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
export const fakeSignedIn = new AuthResponse.AuthResponse({
  apiKey: Redacted.make("api-0000-1111-2222-ABCD"),
  token: Redacted.make("token.jwt.value-WXYZ"),
  operatorId: "OP0000000001",
  issuedAt: DateTime.makeUnsafe(NOW),
  expiresAt: DateTime.makeUnsafe(NOW + 86_400_000),
})

/** The sign-ins a fake session service saw, by profile. */
export type SignInCall = SignInInput

/** An in-memory session service: signs in with `signIn` (default: {@link fakeSignedIn}), caches by profile. */
export const memorySessions = (
  overrides: {
    readonly signIn?: (input: SignInInput) => Effect.Effect<AuthResponse.AuthResponse, Errors.AuthError>
    readonly signOut?: (profile: string) => Effect.Effect<SignOutResult, Errors.LogoutError>
    readonly switchUser?: (input: {
      readonly operatorId: string
      readonly userName: string
    }) => Effect.Effect<AuthResponse.AuthResponse, Errors.SwitchUserError>
  } = {},
): SessionsShape & { readonly calls: Array<SignInInput>; readonly cached: Map<string, CachedSession> } => {
  const calls: Array<SignInInput> = []
  const cached = new Map<string, CachedSession>()
  const current = (profile: string) =>
    Effect.sync((): SessionState => {
      const c = cached.get(profile)
      return c === undefined ? { _tag: "None" } : { _tag: "Fresh", cached: c }
    })
  return {
    calls,
    cached,
    signIn: (input) =>
      Effect.gen(function* () {
        calls.push(input)
        const session = yield* overrides.signIn?.(input) ?? Effect.succeed(fakeSignedIn)
        const previous = cached.get(input.profile)
        const entry: CachedSession = {
          endpoint: Endpoint.resolve(input.endpoint),
          method: input.credentials.kind,
          identity: identityOf(input.credentials),
          session,
        }
        cached.set(input.profile, entry)
        return {
          profile: input.profile,
          cached: entry,
          replaced: previous === undefined ? "None" : "Revoked",
        } as const
      }),
    current: (profile) => current(profile),
    renewing: () => Effect.die("not used by the screens"),
    renew: () => Effect.die("not used by the screens"),
    switchUser: (input) =>
      Effect.gen(function* () {
        const from = cached.get(input.profile)
        if (from === undefined) return yield* Effect.die("switch without a session")
        const answer = yield* (overrides.switchUser ?? (() => Effect.die("no switchUser fake")))(input)
        return {
          ...from,
          identity: `${input.operatorId}/${input.userName} ← ${from.identity}`,
          session: answer,
        }
      }),
    verify: () => Effect.succeed({ _tag: "Accepted" } as const),
    signOut: (profile, options = {}) =>
      Effect.gen(function* () {
        if (options.localOnly === true) {
          cached.delete(profile)
          return { _tag: "LocalRemoved" } as const
        }
        // as the live service: a session the server no longer knows (401) is forgotten all the same
        const answer =
          overrides.signOut?.(profile) ?? Effect.succeed<SignOutResult>({ _tag: "RevokedAndRemoved" })
        const result = yield* answer.pipe(
          Effect.catchTag("AuthFailed", () =>
            Effect.succeed<SignOutResult>({ _tag: "ServerRejectedRemoved" }),
          ),
        )
        cached.delete(profile)
        return result
      }),
    list: Effect.sync(() =>
      [...cached.entries()].map(([name, c]) => ({
        name,
        hasProfile: false,
        state: { _tag: "Fresh", cached: c } as const,
      })),
    ),
  }
}

export const defaultReset: PasswordResetShape = {
  request: () => Effect.void,
  verify: () => Effect.void,
}

/** An in-memory profile store. */
export const memoryProfiles = (
  initial: ReadonlyArray<ProfileSummary> = [],
  dir = "/home/test/.soracom",
): UiProfilesShape & { readonly saved: Map<string, Session> } => {
  const saved = new Map<string, Session>()
  let list = [...initial]
  return {
    dir,
    saved,
    list: Effect.sync(() => list),
    read: (name) => {
      const p = list.find((x) => x.name === name)
      if (p === undefined) {
        return Effect.fail(new ProfileNotFound({ name, path: `${dir}/${name}.json` }))
      }
      if (p.problem !== undefined) return Effect.fail(p.problem)
      const credentials: Credentials.Input | undefined =
        p.method === "authKey"
          ? { kind: "authKey", authKeyId: p.identity ?? "keyId-x", authKey: Redacted.make("secret-x") }
          : p.method === "root"
            ? { kind: "root", email: p.identity ?? "a@example.com", password: Redacted.make("pw") }
            : p.method === "samUser"
              ? {
                  kind: "samUser",
                  operatorId: "OP0000000001",
                  userName: "user",
                  password: Redacted.make("pw"),
                }
              : undefined
      return Effect.succeed(credentials === undefined ? { summary: p } : { summary: p, credentials })
    },
    exists: (name) => Effect.sync(() => list.some((p) => p.name === name) || saved.has(name)),
    save: (name, session) =>
      Effect.sync(() => {
        saved.set(name, session)
        list = [...list.filter((p) => p.name !== name), { name, method: session.request.credentials.kind }]
      }),
    remove: (name) =>
      Effect.sync(() => {
        const had = list.some((p) => p.name === name)
        list = list.filter((p) => p.name !== name)
        return had
      }),
  }
}

/** Fakes for the services: a sign-in / sign-out answer, the reset calls, or a whole session service. */
export interface Fakes {
  readonly signIn?: (input: SignInInput) => Effect.Effect<AuthResponse.AuthResponse, Errors.AuthError>
  readonly signOut?: (profile: string) => Effect.Effect<SignOutResult, Errors.LogoutError>
  readonly switchUser?: (input: {
    readonly operatorId: string
    readonly userName: string
  }) => Effect.Effect<AuthResponse.AuthResponse, Errors.SwitchUserError>
  readonly requestPasswordReset?: PasswordResetShape["request"]
  readonly verifyPasswordReset?: PasswordResetShape["verify"]
  readonly sessions?: SessionsShape
}

export const fakeRuntime = (
  fakes: Fakes = {},
  profiles: UiProfilesShape = memoryProfiles(),
  now: () => number = () => NOW,
): UiRuntime => {
  const sessions =
    fakes.sessions ??
    memorySessions({
      ...(fakes.signIn === undefined ? {} : { signIn: fakes.signIn }),
      ...(fakes.signOut === undefined ? {} : { signOut: fakes.signOut }),
      ...(fakes.switchUser === undefined ? {} : { switchUser: fakes.switchUser }),
    })
  const reset: PasswordResetShape = {
    request: fakes.requestPasswordReset ?? defaultReset.request,
    verify: fakes.verifyPasswordReset ?? defaultReset.verify,
  }
  const logs = makeLogChannel()
  const runtime = ManagedRuntime.make(
    Layer.mergeAll(
      Layer.succeed(Sessions, sessions),
      Layer.succeed(PasswordReset, reset),
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
    credentials: [
      { kind: "root", operatorId: "OP0000000001", email: "demo@example.com", password: "demo-root-pw" },
      { kind: "authKey", operatorId: "OP0000000001", authKeyId: "keyId-demo", authKey: "secret-demo" },
      { kind: "samUser", operatorId: "OP0000000001", userName: "demo-user", password: "demo-user-pw" },
      {
        kind: "authKey",
        operatorId: "OP0000000001",
        userName: "demo-user",
        authKeyId: "keyId-demo-user",
        authKey: "secret-demo-user",
      },
      {
        kind: "samUser",
        operatorId: "OP0000000001",
        userName: "demo-mfa-user",
        password: "demo-mfa-pw",
        mfaSecret: "JBSWY3DPEHPK3PXP",
      },
    ],
    // a fake TOTP: the step number, so a test can tell one 30-second step from the next
    mfaCode: (secret, now) =>
      `${secret.slice(0, 2)}${String(Math.floor(now / 30_000) % 10_000).padStart(4, "0")}`,
  },
}
