/** Precedence rules, from the one module that reads the environment (and the command line's credential flags). */
import { Endpoint } from "@soracom-auth/core"
import { Redacted } from "effect"
import { describe, expect, it } from "vitest"
import { credentialsFromFlags } from "../src/cli/credentials.ts"
import * as Environment from "../src/environment.ts"

const url = (resolved: Environment.ResolvedEndpoint) => Endpoint.resolve(resolved.endpoint)

describe("precedence", () => {
  it("language: --lang > SORACOM_LANG > LC_ALL > LC_MESSAGES > LANG > en", () => {
    const env = { SORACOM_LANG: "ja", LC_ALL: "en_US.UTF-8", LC_MESSAGES: "ja_JP.UTF-8", LANG: "ja_JP.UTF-8" }
    expect(Environment.language("en", env)).toBe("en")
    expect(Environment.language(undefined, env)).toBe("ja")
    expect(Environment.language(undefined, { ...env, SORACOM_LANG: undefined })).toBe("en")
    expect(Environment.language(undefined, { LC_MESSAGES: "ja_JP.UTF-8", LANG: "C" })).toBe("ja")
    expect(Environment.language(undefined, { LC_ALL: "", LANG: "ja_JP.eucJP" })).toBe("ja")
    expect(Environment.language(undefined, { LANG: "java" })).toBe("en")
    expect(Environment.language(undefined, {})).toBe("en")
  })

  it("profile: --profile > SORACOM_PROFILE > default; folder: SORACOM_PROFILE_DIR > ~/.soracom", () => {
    expect(Environment.profileName("a", { SORACOM_PROFILE: "b" })).toBe("a")
    expect(Environment.profileName(undefined, { SORACOM_PROFILE: "b" })).toBe("b")
    expect(Environment.profileName(undefined, {})).toBe("default")
    expect(Environment.profileDir({ SORACOM_PROFILE_DIR: "/x" })).toBe("/x")
    expect(Environment.profileDir({})).toMatch(/\.soracom$/)
  })

  it("endpoint: --endpoint > SORACOM_ENDPOINT > --coverage > SORACOM_COVERAGE_TYPE > profile > jp", () => {
    const profile = { coverageType: "g" as const, endpoint: "http://profile.example" }
    const env = { SORACOM_ENDPOINT: "http://env.example", SORACOM_COVERAGE_TYPE: "g" }
    const flag = Environment.endpoint({ flag: "http://flag.example/", coverage: "g", env, profile })
    expect([url(flag), flag.source]).toEqual(["http://flag.example/v1", "--endpoint"])
    expect(url(Environment.endpoint({ coverage: "jp", env, profile }))).toBe("http://env.example/v1")
    expect(url(Environment.endpoint({ coverage: "jp", env: { SORACOM_COVERAGE_TYPE: "g" }, profile }))).toBe(
      "https://api.soracom.io/v1",
    )
    expect(url(Environment.endpoint({ env: { SORACOM_COVERAGE_TYPE: "g" }, profile }))).toBe(
      "https://g.api.soracom.io/v1",
    )
    expect(url(Environment.endpoint({ env: {}, profile }))).toBe("http://profile.example/v1")
    expect(url(Environment.endpoint({ env: {}, profile: { coverageType: "g", sandbox: true } }))).toBe(
      "https://g.api-sandbox.soracom.io/v1",
    )
    const fallback = Environment.endpoint({ env: {} })
    expect([url(fallback), fallback.source, Environment.isExplicit(fallback)]).toEqual([
      "https://api.soracom.io/v1",
      "default",
      false,
    ])
  })

  it("credentials from flags: complete, incomplete, mixed (a usage error naming the flags)", () => {
    const secret = Redacted.make("s")
    expect(credentialsFromFlags({})).toBeUndefined()
    expect(credentialsFromFlags({ authKeyId: "keyId-1", authKey: secret })).toMatchObject({ kind: "authKey" })
    expect(credentialsFromFlags({ email: "a@example.com", password: secret })).toMatchObject({ kind: "root" })
    expect(
      credentialsFromFlags({ operatorId: "OP0000000001", userName: "u", password: secret }),
    ).toMatchObject({
      kind: "samUser",
    })
    for (const flags of [
      { authKeyId: "keyId-1" },
      { userName: "u", password: secret },
      { authKeyId: "k", email: "e", authKey: secret },
    ]) {
      expect(credentialsFromFlags(flags)).toMatchObject({ _tag: "UsageError", flags: true })
    }
  })

  it("credentials from the environment need both variables; the ID alone prefills the app", () => {
    expect(Environment.authKeyFromEnv({ SORACOM_AUTH_KEY_ID: "keyId-1" })).toBeUndefined()
    expect(Environment.authKeyIdFromEnv({ SORACOM_AUTH_KEY_ID: "keyId-1" })).toBe("keyId-1")
    expect(
      Environment.authKeyFromEnv({ SORACOM_AUTH_KEY_ID: "keyId-1", SORACOM_AUTH_KEY: "s" }),
    ).toMatchObject({
      kind: "authKey",
      authKeyId: "keyId-1",
    })
  })
})

describe("SORACOM_SESSION_STORE", () => {
  const store = (env: Environment.Env) => {
    const s = Environment.sessionStore(env)
    return s === undefined || s === "Invalid"
      ? s
      : { ...s, password: s.password === undefined ? undefined : Redacted.value(s.password) }
  }
  it("unset or blank: no shared store", () => {
    expect(store({})).toBeUndefined()
    expect(store({ SORACOM_SESSION_STORE: "  " })).toBeUndefined()
  })
  it("user and password leave the URL; SORACOM_SESSION_STORE_PASSWORD wins over the URL's", () => {
    expect(store({ SORACOM_SESSION_STORE: "redis://127.0.0.1:6379" })).toEqual({
      url: "redis://127.0.0.1:6379",
      username: undefined,
      password: undefined,
    })
    expect(store({ SORACOM_SESSION_STORE: "rediss://ci:p%40ss@redis.internal:6380/2" })).toEqual({
      url: "rediss://redis.internal:6380/2",
      username: "ci",
      password: "p@ss",
    })
    expect(
      store({ SORACOM_SESSION_STORE: "redis://:in-url@h:1", SORACOM_SESSION_STORE_PASSWORD: "from-env" }),
    ).toEqual({ url: "redis://h:1", username: undefined, password: "from-env" })
  })
  it("anything else is invalid", () => {
    for (const value of ["http://h:1", "redis-host:6379", "not a url", "redis://"]) {
      expect(store({ SORACOM_SESSION_STORE: value })).toBe("Invalid")
    }
  })
})
