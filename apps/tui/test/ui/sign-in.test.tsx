import { AuthResponse, Errors } from "@soracom-auth/core"
import { DateTime, Duration, Effect, Redacted } from "effect"
import { afterEach, describe, expect, it } from "vitest"
import type { SignInInput } from "../../src/session/Sessions.ts"
import {
  demoOptions,
  fakeRuntime,
  fakeSignedIn,
  keys,
  memoryProfiles,
  type Rendered,
  renderApp,
} from "./helpers.tsx"

let app: Rendered | undefined
afterEach(() => app?.unmount())

const openSignIn = async (runtime = fakeRuntime(), options = demoOptions) => {
  app = renderApp({ ...options, initialScreen: "signIn" }, runtime)
  await app.waitFor("How do you want to sign in?")
  return app
}

/** Picks the n-th method (0 AuthKey, 1 root, 2 SAM). */
const pickMethod = async (a: Rendered, index: number) => {
  for (let i = 0; i < index; i++) await a.press(keys.down)
  await a.press(keys.enter)
}

/** From the method picker: an AuthKey ID and secret typed, up to the review; resolves to its frame. */
const enterAuthKey = async (a: Rendered, secret = "s") => {
  await pickMethod(a, 0)
  await a.waitFor("AuthKey ID:")
  await a.type("keyId-abc")
  await a.waitFor("AuthKey secret:")
  await a.type(secret)
  return a.waitFor("› Sign in")
}

/** From the method picker: a root user's email and password typed, up to the MFA field. */
const enterRoot = async (a: Rendered, password: string) => {
  await pickMethod(a, 1)
  await a.waitFor("Email:")
  await a.type("root@example.com")
  await a.waitFor("Password:")
  await a.type(password)
  await a.waitFor("MFA code:")
}

describe("sign in: method picker", () => {
  it("offers AuthKey (recommended), root and SAM user with one line of help for the focused one", async () => {
    const a = await openSignIn()
    const frame = a.frame()
    expect(frame).toContain("› AuthKey (recommended)")
    expect(frame).toContain("An AuthKey ID and secret")
    expect(frame).toContain("Root user (email + password)")
    expect(frame).toContain("SAM user")
    expect(frame).toContain("Esc home")
    await a.press(keys.down)
    await a.waitFor("The account owner's email address and password")
  })

  it("Esc on the method picker goes back home", async () => {
    const a = await openSignIn()
    await a.press(keys.escape)
    await a.waitFor("Reset password")
    expect(a.frame()).toContain("› Sign in")
  })
})

describe("sign in: AuthKey", () => {
  it("masks the secret, hides it after submit, and signs in with exactly what was typed", async () => {
    const requests: Array<SignInInput> = []
    const runtime = fakeRuntime({
      signIn: (request) =>
        Effect.sync(() => {
          requests.push(request)
          return new AuthResponse.AuthResponse({ ...fakeSignedIn, token: Redacted.make("tok") })
        }),
    })
    const a = await openSignIn(runtime)
    await pickMethod(a, 0)
    await a.waitFor("AuthKey ID:")
    await a.type("keyId-abc")
    await a.waitFor("AuthKey secret:")
    await a.write("s3cret-value")
    expect(await a.waitFor("************")).not.toContain("s3cret-value")
    await a.write(keys.enter)
    const review = await a.waitFor("› Sign in")
    expect(review).toContain("AuthKey ID: keyId-abc")
    expect(review).toContain("AuthKey secret: entered (hidden)")
    expect(review).toContain("Token lifetime: 24 hours")
    expect(review).toContain("Embedded sandbox (demo)")
    expect(review).not.toContain("MFA")
    await a.press(keys.enter)
    const signedIn = await a.waitFor("Operator ID")
    expect(signedIn).toContain("OP0000000001")
    expect(signedIn).toContain("********ABCD")
    expect(signedIn).toContain("in 24h 00m 00s")
    expect(requests).toHaveLength(1)
    const [request] = requests
    const credentials = request?.credentials
    expect(credentials?.kind).toBe("authKey")
    if (credentials?.kind !== "authKey") return
    expect(credentials.authKeyId).toBe("keyId-abc")
    expect(Redacted.isRedacted(credentials.authKey) && Redacted.value(credentials.authKey)).toBe(
      "s3cret-value",
    )
    expect(request?.tokenTimeoutSeconds).toBe(86_400)
    expect(request?.endpoint).toEqual({ _tag: "Url", url: "http://127.0.0.1:9999" })
    expect(request?.profile).toBe("default")
  })

  it("a blank field is refused with core's message under it, and the message goes once the value changes", async () => {
    const a = await openSignIn()
    await pickMethod(a, 0)
    await a.waitFor("AuthKey ID:")
    await a.type("   ")
    await a.waitFor("✖ The AuthKey ID is required.")
    await a.write("x")
    await a.waitFor((f) => !f.includes("The AuthKey ID is required."), "the message to go")
  })

  it("Esc walks back one field at a time, keeping what was typed (but never a secret)", async () => {
    const a = await openSignIn()
    await pickMethod(a, 0)
    await a.waitFor("AuthKey ID:")
    await a.type("keyId-abc")
    await a.waitFor("AuthKey secret:")
    await a.press(keys.escape)
    await a.waitFor(
      (f) => f.includes("AuthKey ID: keyId-abc") && !f.includes("AuthKey secret:"),
      "the ID field",
    )
    await a.press(keys.escape)
    await a.waitFor("How do you want to sign in?")
  })
})

describe("sign in: root user and SAM user", () => {
  it("checks the email shape with core's rule", async () => {
    const a = await openSignIn()
    await pickMethod(a, 1)
    await a.waitFor("Email:")
    await a.type("not-an-email")
    await a.waitFor("The email address is not well formed")
  })

  it("checks the operator ID with core's rule", async () => {
    const a = await openSignIn()
    await pickMethod(a, 2)
    await a.waitFor("Operator ID:")
    await a.type("OP123")
    await a.waitFor("✖ The operator ID must be OP followed by 10 digits.")
    await a.write(keys.backspace.repeat(5))
    await a.type("OP0000000001")
    await a.waitFor("User name:")
  })

  it("asks for an optional MFA code: a wrong shape is refused, empty means none", async () => {
    const a = await openSignIn()
    await enterRoot(a, "pw")
    expect(a.frame()).toContain("6 digits from your authenticator app")
    await a.type("12ab")
    await a.waitFor("✖ The MFA code must be 6 digits.")
    await a.write(keys.backspace.repeat(4))
    await a.type("")
    const review = await a.waitFor("› Sign in")
    expect(review).toContain("MFA code: none")
    expect(review).toContain("Add an MFA code")
  })

  it("sends the MFA code with the request", async () => {
    let sent: SignInInput | undefined
    const a = await openSignIn(
      fakeRuntime({
        signIn: (r) =>
          Effect.sync(() => {
            sent = r
            return new AuthResponse.AuthResponse({
              ...fakeSignedIn,
              userName: "u",
              expiresAt: DateTime.makeUnsafe(0),
            })
          }),
      }),
    )
    await pickMethod(a, 2)
    await a.waitFor("Operator ID:")
    await a.type("OP0000000001")
    await a.waitFor("User name:")
    await a.type("alice")
    await a.waitFor("Password:")
    await a.type("pw")
    await a.waitFor("MFA code:")
    await a.type("123456")
    await a.waitFor("MFA code: entered")
    await a.press(keys.enter)
    const frame = await a.waitFor("User name")
    expect(frame).toContain("expired — sign in again")
    expect(sent?.mfaOtpCode).toBe("123456")
    expect(sent?.credentials).toMatchObject({ kind: "samUser", userName: "alice" })
  })
})

describe("sign in: lifetime and endpoint", () => {
  const toReview = (a: Rendered) => enterAuthKey(a, "secret")

  it("offers presets and a custom lifetime checked against 180…172800 s", async () => {
    const a = await openSignIn()
    await toReview(a)
    await a.press(keys.down, keys.enter)
    await a.waitFor("How long should the token stay valid?")
    expect(a.frame()).toContain("› 24 hours (default)")
    await a.press(keys.down, keys.down, keys.enter)
    await a.waitFor("Token lifetime (seconds):")
    await a.write(keys.backspace.repeat(10))
    await a.type("100")
    await a.waitFor("The token lifetime must be a whole number of seconds from 180 to 172800.")
    await a.write(keys.backspace.repeat(3))
    await a.type("5400")
    await a.waitFor("Token lifetime: 1 hour 30 minutes")
  })

  it("switches the endpoint to global coverage", async () => {
    const a = await openSignIn()
    await toReview(a)
    await a.press(keys.down, keys.down, keys.enter)
    await a.waitFor("Where do you want to sign in?")
    await a.press(keys.down, keys.down, keys.enter)
    await a.waitFor("Endpoint: Global coverage (g) · g.api.soracom.io")
  })
})

describe("sign in: errors in plain words, with a next step", () => {
  const failWith = async (error: unknown, method = 1) => {
    const a = await openSignIn(fakeRuntime({ signIn: () => Effect.fail(error as never) }))
    if (method === 1) {
      await enterRoot(a, "wrong")
      await a.type("")
      await a.waitFor("› Sign in")
    } else {
      await enterAuthKey(a, "wrong")
    }
    await a.press(keys.enter)
    return a
  }

  it("AuthFailed: not accepted, try again (the password field, emptied) or add an MFA code", async () => {
    const a = await failWith(
      new Errors.AuthFailed({ code: "AUM0002", serverMessage: "Invalid username/password supplied." }),
    )
    const frame = await a.waitFor("✖ The API at 127.0.0.1:9999 did not accept the credentials.")
    expect(frame).toContain("or add an MFA code")
    expect(frame).toContain("› Try again")
    expect(frame).toContain("Add an MFA code")
    expect(frame).toContain("Back to home")
    await a.press(keys.enter)
    const retry = await a.waitFor("Password:")
    expect(retry).toContain("Email: root@example.com")
  })

  it("AuthFailed → Add an MFA code opens the MFA field", async () => {
    const a = await failWith(new Errors.AuthFailed({}))
    await a.waitFor("The API at 127.0.0.1:9999 did not accept the credentials.")
    await a.press(keys.down, keys.enter)
    await a.waitFor("MFA code:")
  })

  it("AuthFailed with an AuthKey: no MFA offer", async () => {
    const a = await failWith(new Errors.AuthFailed({}), 0)
    const frame = await a.waitFor("The API at 127.0.0.1:9999 did not accept the credentials.")
    expect(frame).toContain("Check the AuthKey ID and secret")
    expect(frame).not.toContain("Add an MFA code")
  })

  it("RateLimited: says when to retry", async () => {
    const a = await failWith(new Errors.RateLimited({ operation: "auth", retryAfter: Duration.seconds(30) }))
    const frame = await a.waitFor("The API at 127.0.0.1:9999 is limiting requests")
    expect(frame).toMatch(/Try again after \d\d:\d\d:\d\d, in 30 s\./)
  })

  it("TransportError: names the endpoint and what failed, offers another endpoint", async () => {
    const a = await failWith(
      new Errors.TransportError({
        operation: "auth",
        endpoint: "http://127.0.0.1:9999/v1",
        reason: "ConnectionRefused",
      }),
    )
    const frame = await a.waitFor("Could not reach http://127.0.0.1:9999/v1: the connection was refused.")
    expect(frame).toContain("Choose another endpoint")
    await a.press(keys.down, keys.enter)
    await a.waitFor("Where do you want to sign in?")
  })

  it("ServerError and UnexpectedResponse: plain words, nothing exits", async () => {
    const a = await failWith(new Errors.ServerError({ operation: "auth", status: 503 }))
    await a.waitFor("The API at 127.0.0.1:9999 had a problem on its side: HTTP 503.")
    expect(a.result()).toBeUndefined()
    a.unmount()
    const b = await failWith(
      new Errors.UnexpectedResponse({ operation: "auth", status: 200, detail: "no apiKey" }),
    )
    await b.waitFor("does not understand: HTTP 200, no apiKey")
  })

  it("InvalidRequest: back to the field, with the reason under it", async () => {
    const a = await failWith(
      new Errors.InvalidRequest({ field: "email", reason: "The email address is not well formed." }),
    )
    const frame = await a.waitFor("✖ The email address is not well formed.")
    expect(frame).toContain("Email:")
  })

  it("Try again after a transport error resends without retyping", async () => {
    let calls = 0
    const a = await openSignIn(
      fakeRuntime({
        signIn: () =>
          Effect.suspend(() =>
            ++calls === 1
              ? Effect.fail(
                  new Errors.TransportError({
                    operation: "auth",
                    endpoint: "http://x/v1",
                    reason: "Timeout",
                  }),
                )
              : Effect.succeed(
                  new AuthResponse.AuthResponse({
                    ...fakeSignedIn,
                    operatorId: "OP0000000002",
                    expiresAt: DateTime.makeUnsafe(0),
                  }),
                ),
          ),
      }),
    )
    await enterAuthKey(a)
    await a.press(keys.enter)
    await a.waitFor("it did not answer in time")
    await a.press(keys.enter)
    await a.waitFor("OP0000000002")
    expect(calls).toBe(2)
  })
})

describe("sign in: spinner and cancel", () => {
  it("shows a retry notice logged by the request under the spinner, never on the console", async () => {
    const a = await openSignIn(
      fakeRuntime({
        signIn: () =>
          Effect.logWarning(
            "Retrying the sign-in in 1.0 s (attempt 1 of 3 failed): SORACOM answered 503.",
          ).pipe(Effect.andThen(Effect.never)),
      }),
    )
    await enterAuthKey(a)
    await a.press(keys.enter)
    await a.waitFor("! Retrying the sign-in in 1.0 s (attempt 1 of 3 failed): SORACOM answered 503.")
    await a.press(keys.escape)
    await a.waitFor((f) => f.includes("Sign-in cancelled.") && !f.includes("Retrying"), "the notice to go")
  })

  it("shows a spinner while signing in, and Esc interrupts the request", async () => {
    let interrupted = false
    const a = await openSignIn(
      fakeRuntime({
        signIn: () =>
          Effect.never.pipe(
            Effect.onInterrupt(() =>
              Effect.sync(() => {
                interrupted = true
              }),
            ),
          ),
      }),
    )
    await enterAuthKey(a)
    await a.press(keys.enter)
    const busy = await a.waitFor("Signing in to Embedded sandbox (demo)")
    expect(busy).toContain("Esc cancel")
    await a.press(keys.escape)
    await a.waitFor("! Sign-in cancelled.")
    expect(interrupted).toBe(true)
    expect(a.frame()).toContain("› Sign in")
  })
})

describe("sign in: preselected from the profile in use", () => {
  it("picks the profile's method and fills its plain fields (never its secrets)", async () => {
    const profiles = memoryProfiles([{ name: "work", method: "root", identity: "root@example.com" }])
    const a = renderApp(
      { ...demoOptions, initialScreen: "signIn", profileName: "work" },
      fakeRuntime({}, profiles),
    )
    app = a
    await a.waitFor('Preselected from profile "work".')
    await a.waitFor("› Root user (email + password)")
    await a.press(keys.enter)
    const field = await a.waitFor("Email: root@example.com")
    expect(field).not.toContain("Password")
    await a.press(keys.enter)
    await a.waitFor("Password:")
  })

  it("no profile: AuthKey stays the default", async () => {
    const a = renderApp({ ...demoOptions, initialScreen: "signIn", profileName: "missing" }, fakeRuntime())
    app = a
    await a.waitFor("How do you want to sign in?")
    expect(a.frame()).toContain("› AuthKey (recommended)")
    expect(a.frame()).not.toContain("Preselected")
  })
})

describe("sign in: prefilled from SORACOM_AUTH_KEY_ID / SORACOM_AUTH_KEY", () => {
  it("both set: AuthKey preselected, says so, straight to the review; the environment's key is what is sent", async () => {
    let sent: SignInInput | undefined
    const profiles = memoryProfiles([{ name: "default", method: "root", identity: "root@example.com" }])
    const a = renderApp(
      {
        ...demoOptions,
        initialScreen: "signIn",
        authKey: { authKeyId: "keyId-from-env", authKey: Redacted.make("secret-from-env") },
      },
      fakeRuntime(
        {
          signIn: (input) =>
            Effect.sync(() => {
              sent = input
              return fakeSignedIn
            }),
        },
        profiles,
      ),
    )
    app = a
    const picker = await a.waitFor("AuthKey from SORACOM_AUTH_KEY_ID and SORACOM_AUTH_KEY.")
    // the environment wins over the profile in use (as for the commands)
    expect(picker).toContain("› AuthKey (recommended)")
    expect(picker).not.toContain("Preselected from profile")
    await a.press(keys.enter)
    const review = await a.waitFor("› Sign in")
    expect(review).toContain("AuthKey ID: keyId-from-env")
    expect(review).toContain("AuthKey secret: entered (hidden)")
    expect(review).not.toContain("secret-from-env")
    await a.press(keys.enter)
    await a.waitFor("Token expires")
    expect(sent?.credentials).toMatchObject({ kind: "authKey", authKeyId: "keyId-from-env" })
    const secret = sent?.credentials.kind === "authKey" ? sent.credentials.authKey : undefined
    expect(secret === undefined || typeof secret === "string" ? secret : Redacted.value(secret)).toBe(
      "secret-from-env",
    )
  })

  it("only the ID set: the ID field is filled in, the secret is asked for", async () => {
    const a = renderApp(
      { ...demoOptions, initialScreen: "signIn", authKey: { authKeyId: "keyId-from-env" } },
      fakeRuntime(),
    )
    app = a
    await a.waitFor("AuthKey ID from SORACOM_AUTH_KEY_ID.")
    await a.press(keys.enter)
    await a.waitFor("AuthKey ID: keyId-from-env")
    await a.press(keys.enter)
    await a.waitFor("AuthKey secret:")
  })
})
