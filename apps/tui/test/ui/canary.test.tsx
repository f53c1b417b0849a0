/**
 * Secrets typed into the app never appear in any frame once submitted, and nothing leaves the app unless the user
 * asks for shell exports.
 */
import { Errors } from "@soracom-auth/core"
import { Effect } from "effect"
import { afterEach, expect, it } from "vitest"
import { demoOptions, fakeRuntime, keys, type Rendered, renderApp } from "./helpers.tsx"

const CANARY_KEY = "secret-CANARY-7f3a9c"
const CANARY_PASSWORD = "pw-CANARY-b81e22"
const CANARY_NEW = "new-CANARY-55d0aa"

let app: Rendered | undefined
afterEach(() => app?.unmount())

/** Every frame rendered from index `from` on. */
const framesFrom = (a: Rendered, from: number) => a.frames().slice(from).join("\n")

it("an AuthKey secret never appears in a frame, before or after submit, and no exports without asking", async () => {
  const a = renderApp({ ...demoOptions, initialScreen: "signIn" }, fakeRuntime())
  app = a
  await a.waitFor("How do you want to sign in?")
  await a.press(keys.enter)
  await a.waitFor("AuthKey ID:")
  await a.type("keyId-abc")
  await a.waitFor("AuthKey secret:")
  const from = a.frames().length
  await a.type(CANARY_KEY)
  await a.waitFor("› Sign in")
  await a.press(keys.enter)
  await a.waitFor("Operator ID")
  await a.press(keys.escape)
  await a.waitFor("Signed in as")
  await a.write("q")
  await a.waitFor(() => a.result() !== undefined, "exit")
  expect(framesFrom(a, 0)).not.toContain(CANARY_KEY)
  expect(framesFrom(a, from)).not.toContain(CANARY_KEY.slice(0, 12))
  expect(a.result()).toEqual({ code: 0 })
})

it("a wrong password, then a retry, then a reset: no secret in any frame", async () => {
  let attempts = 0
  const a = renderApp(
    demoOptions,
    fakeRuntime({
      signIn: () =>
        Effect.suspend(() =>
          ++attempts === 1
            ? Effect.fail(new Errors.AuthFailed({}))
            : Effect.fail(
                new Errors.AuthFailed({
                  code: "AUM0002",
                  serverMessage: "Invalid username/password supplied.",
                }),
              ),
        ),
    }),
  )
  app = a
  await a.waitFor("› Sign in")
  await a.press(keys.enter)
  await a.waitFor("How do you want to sign in?")
  await a.press(keys.down, keys.enter)
  await a.waitFor("Email:")
  await a.type("root@example.com")
  await a.waitFor("Password:")
  await a.type(CANARY_PASSWORD)
  await a.waitFor("MFA code:")
  await a.type("")
  await a.waitFor("› Sign in")
  await a.press(keys.enter)
  await a.waitFor("did not accept")
  await a.press(keys.enter)
  await a.waitFor("Password:")
  await a.type(`${CANARY_PASSWORD}2`)
  await a.waitFor("MFA code:")
  await a.type("")
  await a.press(keys.enter)
  await a.waitFor("did not accept")
  await a.press(keys.down, keys.down, keys.enter)
  await a.waitFor("› Sign in")
  await a.press(keys.down, keys.enter)
  await a.waitFor("Email:")
  await a.type("root@example.com")
  await a.waitFor("Reset token:")
  await a.type("tok-1")
  await a.waitFor("New password:")
  await a.type(CANARY_NEW)
  await a.waitFor("New password again:")
  await a.type(CANARY_NEW)
  await a.waitFor("Your password was changed")
  const all = framesFrom(a, 0)
  for (const secret of [CANARY_PASSWORD, CANARY_NEW, "CANARY"]) expect(all).not.toContain(secret)
})
