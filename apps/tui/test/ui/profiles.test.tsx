import { AuthResponse, Errors } from "@soracom-auth/core"
import { DateTime, Effect } from "effect"
import { afterEach, describe, expect, it } from "vitest"
import { chooseLanguage } from "../../src/presentation/messages.ts"
import { ProfilePermissionsTooOpen } from "../../src/profiles/errors.ts"
import type { SignInInput } from "../../src/session/Sessions.ts"
import type { ProfileSummary } from "../../src/ui/effects/services.ts"
import {
  demoOptions,
  fakeRuntime,
  fakeSignedIn,
  flat,
  keys,
  memoryProfiles,
  NOW,
  type Rendered,
  renderApp,
} from "./helpers.tsx"

let app: Rendered | undefined
afterEach(() => app?.unmount())

const tooOpen: ProfileSummary = {
  name: "loose",
  problem: new ProfilePermissionsTooOpen({ path: "/home/test/.soracom/loose.json", mode: 0o644 }),
}

const sample: ReadonlyArray<ProfileSummary> = [
  {
    name: "default",
    method: "authKey",
    identity: "keyId-aaa",
    endpoint: { _tag: "Coverage", coverage: "jp", sandbox: false },
  },
  tooOpen,
  { name: "root", method: "root", identity: "root@example.com", tokenTimeoutSeconds: 3600 },
]

const openProfiles = async (runtime = fakeRuntime({}, memoryProfiles(sample))) => {
  const a = renderApp(demoOptions, runtime)
  app = a
  await a.waitFor("› Sign in")
  await a.press(keys.down, keys.down, keys.enter)
  await a.waitFor("Profile directory:")
  return a
}

describe("profiles", () => {
  it("lists the profiles with their method and identity, never a secret", async () => {
    const a = await openProfiles()
    const frame = await a.waitFor("default")
    expect(frame).toContain("Profile directory: /home/test/.soracom (shared with soracom-cli)")
    expect(frame).toMatch(/default\s+AuthKey · keyId-aaa/)
    expect(frame).toMatch(/loose\s+✖ cannot be read/)
    expect(frame).toMatch(/root\s+Root user · root@example.com/)
    expect(frame).toContain("Back")
  })

  it("says when there are none", async () => {
    const a = await openProfiles(fakeRuntime({}, memoryProfiles([])))
    await a.waitFor("No profiles yet.")
  })

  it("a profile refused for loose permissions shows soracom-cli's fix-it message", async () => {
    const a = await openProfiles()
    await a.waitFor("default")
    await a.press(keys.down, keys.enter)
    const frame = flat(await a.waitFor("are too open"))
    expect(frame).toContain("It is required that your credential files are NOT accessible by others.")
    expect(frame).toContain("Fix it with: chmod 600 '/home/test/.soracom/loose.json'")
    expect(frame).not.toContain("Sign in with this profile")
  })

  it("signs in with a profile, and caches the session under it", async () => {
    let request: SignInInput | undefined
    const profiles = memoryProfiles(sample)
    const a = await openProfiles(
      fakeRuntime(
        {
          signIn: (r) =>
            Effect.sync(() => {
              request = r
              return new AuthResponse.AuthResponse({
                ...fakeSignedIn,
                operatorId: "OP0000000009",
                expiresAt: DateTime.makeUnsafe(0),
              })
            }),
        },
        profiles,
      ),
    )
    await a.waitFor("default")
    await a.press(keys.enter)
    await a.waitFor('Profile "default"')
    expect(a.frame()).toContain("Endpoint: Japan coverage (jp) · api.soracom.io")
    await a.press(keys.enter)
    await a.waitFor("OP0000000009")
    expect(request?.credentials).toMatchObject({ kind: "authKey", authKeyId: "keyId-aaa" })
    expect(request?.endpoint).toEqual({ _tag: "Coverage", coverage: "jp", sandbox: false })
    // the session is cached under the profile it signed in with
    expect(request?.profile).toBe("default")
  })

  it("after a refused profile sign-in, offers an MFA code (root) in the sign-in form", async () => {
    const a = await openProfiles(
      fakeRuntime({ signIn: () => Effect.fail(new Errors.AuthFailed({})) }, memoryProfiles(sample)),
    )
    await a.waitFor("default")
    await a.press(keys.down, keys.down, keys.enter)
    await a.waitFor('Profile "root"')
    expect(a.frame()).toContain("Token lifetime: 1 hour")
    await a.press(keys.enter)
    const failed = await a.waitFor("The API at 127.0.0.1:9999 did not accept the credentials.")
    expect(failed).toContain("› Add an MFA code")
    await a.press(keys.enter)
    const form = await a.waitFor("MFA code:")
    expect(form).toContain("Email: root@example.com")
    expect(form).toContain("Password: entered (hidden)")
  })

  it("deletes a profile after asking; n keeps it", async () => {
    const a = await openProfiles()
    await a.waitFor("default")
    await a.press(keys.enter)
    await a.waitFor('Profile "default"')
    await a.press(keys.down, keys.down, keys.enter)
    await a.waitFor('Delete profile "default"? This removes /home/test/.soracom/default.json. (y/N)')
    await a.write("n")
    await a.waitFor("Sign in with this profile")
    await a.press(keys.down, keys.down, keys.enter)
    await a.waitFor("Delete profile")
    await a.write("y")
    const list = await a.waitFor('✔ Deleted profile "default".')
    expect(list).not.toMatch(/default\s+AuthKey/)
  })

  it("Esc goes back from a profile to the list, and from the list home", async () => {
    const a = await openProfiles()
    await a.waitFor("default")
    await a.press(keys.enter)
    await a.waitFor('Profile "default"')
    await a.press(keys.escape)
    await a.waitFor("Profile directory:")
    await a.waitFor((f) => !f.includes('Profile "default"'), "the list")
    await a.press(keys.escape)
    await a.waitFor("› Sign in")
  })
})

describe("profiles in Japanese (#17)", () => {
  afterEach(() => chooseLanguage("en"))

  /** English words left on a frame, once names, codes, paths and key names are set aside. */
  const englishOn = (frame: string): ReadonlyArray<string> =>
    (
      frame
        .replace(/\/[\w./-]+|\S+@\S+|\b[\d.]+:\d+\b|keyId-[\w-]+|OP\d+|secret-[\w-]+|demo-[\w-]+/g, " ")
        .match(/[A-Za-z][A-Za-z-]*/g) ?? []
    ).filter(
      (w) =>
        ![
          "soracom-auth",
          "soracom-cli",
          "AuthKey",
          "ID",
          "MFA",
          "SAM",
          "API",
          "SORACOM",
          "Auth",
          "Enter",
          "Esc",
          "Ctrl",
          "C",
          "y",
          "n",
          "jp",
          // profile names
          "default",
          "root",
          "half",
          "loose",
        ].includes(w),
    )

  it("the list, a profile's actions, delete and its notice: no English sentence", async () => {
    chooseLanguage("ja")
    const live: ReadonlyArray<ProfileSummary> = [
      { ...sample[0]!, liveUntil: NOW + 3_600_000 },
      { name: "root", method: "root", identity: "root@example.com", tokenTimeoutSeconds: 3600 },
      { name: "half" },
    ]
    const a = renderApp(demoOptions, fakeRuntime({}, memoryProfiles(live)))
    app = a
    await a.waitFor("› サインイン")
    await a.press(keys.down, keys.down, keys.enter)
    const list = await a.waitFor("default")
    expect(list).toContain("プロファイルのフォルダー: /home/test/.soracom (soracom-cli と共用)")
    expect(list).toMatch(/default\s+AuthKey · keyId-aaa\s+● サインイン中、残り 1時間00分00秒/)
    expect(list).toContain("認証情報が揃っていません")
    expect(englishOn(list)).toEqual([])
    await a.press(keys.down, keys.enter)
    const actions = await a.waitFor("プロファイル「root」")
    expect(actions).toContain("このプロファイルでサインイン")
    expect(actions).toContain("トークンの有効期間: 1時間")
    expect(englishOn(actions)).toEqual([])
    await a.press(keys.down, keys.down, keys.down, keys.enter)
    const confirm = await a.waitFor("プロファイル「root」を削除しますか?")
    expect(englishOn(confirm)).toEqual([])
    await a.write("y")
    const deleted = await a.waitFor("プロファイル「root」を削除しました。")
    expect(englishOn(deleted)).toEqual([])
  })

  it("a profile refused for loose permissions: the reason and the chmod in Japanese", async () => {
    chooseLanguage("ja")
    const a = renderApp(demoOptions, fakeRuntime({}, memoryProfiles(sample)))
    app = a
    await a.waitFor("› サインイン")
    await a.press(keys.down, keys.down, keys.enter)
    await a.waitFor("default")
    await a.press(keys.down, keys.enter)
    const frame = flat(await a.waitFor("パーミッションが緩すぎます"))
    expect(frame).toContain("次のコマンドで修正してください: chmod 600 '/home/test/.soracom/loose.json'")
    expect(englishOn(frame.replaceAll("chmod", " "))).toEqual([])
  })

  it("none yet, and a profile without complete credentials: Japanese too", async () => {
    chooseLanguage("ja")
    const a = renderApp(demoOptions, fakeRuntime({}, memoryProfiles([])))
    app = a
    await a.waitFor("› サインイン")
    await a.press(keys.down, keys.down, keys.enter)
    const none = await a.waitFor("プロファイルはまだありません。")
    expect(englishOn(none)).toEqual([])
  })
})
