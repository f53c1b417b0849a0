/**
 * A profile's cache in front of a shared store (SORACOM_SESSION_STORE): which store answers a load, where saves
 * and clears go, and that a refresh goes through the shared store's single-flight (when it has one) and ends up
 * in both. Two in-memory stores that record what is done to them; plus the names sessions are shared under and
 * the sign-in methods' identities.
 */
import { AuthResponse, type AuthSession } from "@soracom-auth/core"
import { DateTime, Effect, Option, Redacted } from "effect"
import { describe, expect, it } from "vitest"
import { identityOf, takesMfa } from "../../src/session/method.ts"
import { layered, sharedIdentity } from "../../src/session/sharedStore.ts"

const session = (token: string) =>
  new AuthResponse.AuthResponse({
    operatorId: "OP0000000001",
    apiKey: Redacted.make(`api-${token}`),
    token: Redacted.make(token),
    expiresAt: DateTime.makeUnsafe(2_000_000_000_000),
  })

interface Recorder {
  readonly store: AuthSession.Store
  readonly log: Array<string>
  current: AuthResponse.AuthResponse | undefined
}
const recorder = (
  name: string,
  options: { readonly clear?: boolean; readonly singleFlight?: boolean } = {},
  /** Shared by several recorders to see the order across stores. */
  log: Array<string> = [],
): Recorder => {
  const self: Recorder = {
    log,
    current: undefined,
    store: {
      load: Effect.sync(() => {
        self.log.push(`${name}.load`)
        return Option.fromNullishOr(self.current)
      }),
      save: (s) =>
        Effect.sync(() => {
          self.log.push(`${name}.save ${Redacted.value(s.token)}`)
          self.current = s
        }),
      clear:
        options.clear === false
          ? undefined
          : Effect.sync(() => {
              self.log.push(`${name}.clear`)
              self.current = undefined
            }),
      singleFlight:
        options.singleFlight === true
          ? (refresh, isFresh) =>
              Effect.gen(function* () {
                self.log.push(`${name}.lock`)
                const held = self.current
                if (held !== undefined && (yield* isFresh(held))) return held
                const fresh = yield* refresh
                self.log.push(`${name}.unlock`)
                return fresh
              })
          : undefined,
    },
  }
  return self
}
const tokenOf = (o: Option.Option<AuthResponse.AuthResponse>) =>
  Option.getOrUndefined(Option.map(o, (s) => Redacted.value(s.token)))

describe("layered(local, shared)", () => {
  it("load: the shared store's session first, the local cache not even read", async () => {
    const local = recorder("local")
    const shared = recorder("shared")
    local.current = session("local-1")
    shared.current = session("shared-1")
    expect(tokenOf(await Effect.runPromise(layered(local.store, shared.store).load))).toBe("shared-1")
    expect(local.log).toEqual([])
  })

  it("load: the local cache when the shared store has none", async () => {
    const local = recorder("local")
    const shared = recorder("shared")
    local.current = session("local-1")
    expect(tokenOf(await Effect.runPromise(layered(local.store, shared.store).load))).toBe("local-1")
    local.current = undefined
    expect(Option.isNone(await Effect.runPromise(layered(local.store, shared.store).load))).toBe(true)
  })

  it("save and clear go to both, the shared store first", async () => {
    const log: Array<string> = []
    const local = recorder("local", {}, log)
    const shared = recorder("shared", {}, log)
    const both = layered(local.store, shared.store)
    await Effect.runPromise(both.save(session("t1")))
    await Effect.runPromise(both.clear ?? Effect.void)
    expect(log).toEqual(["shared.save t1", "local.save t1", "shared.clear", "local.clear"])
  })

  it("clear with stores that cannot clear: nothing to do, no failure", async () => {
    const local = recorder("local", { clear: false })
    const shared = recorder("shared", { clear: false })
    await Effect.runPromise(layered(local.store, shared.store).clear ?? Effect.void)
    const onlyLocal = recorder("local")
    await Effect.runPromise(
      layered(onlyLocal.store, recorder("s", { clear: false }).store).clear ?? Effect.void,
    )
    expect(onlyLocal.log).toEqual(["local.clear"])
    const onlyShared = recorder("shared")
    await Effect.runPromise(
      layered(recorder("l", { clear: false }).store, onlyShared.store).clear ?? Effect.void,
    )
    expect(onlyShared.log).toEqual(["shared.clear"])
  })

  it("a refresh inside the shared store's lock is saved to the shared store inside it and to the local cache after", async () => {
    const log: Array<string> = []
    const local = recorder("local", {}, log)
    const shared = recorder("shared", { singleFlight: true }, log)
    const refresh = Effect.sync(() => {
      log.push("refresh")
      return session("new")
    })
    const both = layered(local.store, shared.store)
    const out = await Effect.runPromise(both.singleFlight!(refresh, () => Effect.succeed(false)))
    expect(Redacted.value(out.token)).toBe("new")
    expect(log).toEqual(["shared.lock", "refresh", "shared.save new", "shared.unlock", "local.save new"])
  })

  it("the lock's answer when the shared session is fresh: no refresh, saved to the local cache", async () => {
    const local = recorder("local")
    const shared = recorder("shared", { singleFlight: true })
    shared.current = session("theirs")
    let refreshed = false
    const refresh = Effect.sync(() => {
      refreshed = true
      return session("new")
    })
    const out = await Effect.runPromise(
      layered(local.store, shared.store).singleFlight!(refresh, (s) =>
        Effect.succeed(Redacted.value(s.token) === "theirs"),
      ),
    )
    expect(Redacted.value(out.token)).toBe("theirs")
    expect(refreshed).toBe(false)
    expect(local.log).toEqual(["local.save theirs"])
  })

  it("a shared store without a lock: the refresh runs, saved to both", async () => {
    const local = recorder("local")
    const shared = recorder("shared")
    const out = await Effect.runPromise(
      layered(local.store, shared.store).singleFlight!(Effect.succeed(session("new")), () =>
        Effect.succeed(false),
      ),
    )
    expect(Redacted.value(out.token)).toBe("new")
    expect(shared.log).toEqual(["shared.save new"])
    expect(local.log).toEqual(["local.save new"])
  })
})

describe("what a session is shared under, and who signed in", () => {
  it("the endpoint, then method:identity — never a secret", () => {
    expect(
      sharedIdentity({ endpoint: "https://api.soracom.io/v1", method: "root", identity: "a@example.com" }),
    ).toBe("https://api.soracom.io/v1 root:a@example.com")
  })

  it("identityOf: the AuthKey ID, the email, operator/user; a switch in front with ←", () => {
    const key = { kind: "authKey", authKeyId: "keyId-1", authKey: "secret-x" } as const
    const root = { kind: "root", email: "a@example.com", password: "pw" } as const
    const sam = { kind: "samUser", operatorId: "OP0000000001", userName: "ada", password: "pw" } as const
    expect(identityOf(key)).toBe("keyId-1")
    expect(identityOf(root)).toBe("a@example.com")
    expect(identityOf(sam)).toBe("OP0000000001/ada")
    expect(identityOf(root, { operatorId: "OP0000000002", userName: "bob" })).toBe(
      "OP0000000002/bob ← a@example.com",
    )
    expect(identityOf(root, undefined)).toBe("a@example.com")
  })

  it("takesMfa: root and SAM users can use an MFA code, an AuthKey cannot", () => {
    expect([takesMfa("authKey"), takesMfa("root"), takesMfa("samUser")]).toEqual([false, true, true])
  })
})
