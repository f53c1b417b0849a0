/** `--lang` read before the parser, and the process's language switching the catalog and the formatters. */
import { afterEach, describe, expect, it } from "vitest"
import * as Environment from "../../src/environment.ts"
import { describe as describeError } from "../../src/presentation/errors.ts"
import { formatLifetime } from "../../src/presentation/format.ts"
import { chooseLanguage, messages } from "../../src/presentation/messages.ts"

afterEach(() => chooseLanguage("en"))

describe("the process language", () => {
  it("langFlag: --lang X and --lang=X, en/ja only, not after --", () => {
    expect(Environment.langFlag(["status", "--lang", "ja"])).toBe("ja")
    expect(Environment.langFlag(["--lang=en", "status"])).toBe("en")
    expect(Environment.langFlag(["--lang", "fr"])).toBeUndefined()
    expect(Environment.langFlag(["--", "--lang", "ja"])).toBeUndefined()
    expect(Environment.langFlag([])).toBeUndefined()
  })

  it("chooseLanguage switches the catalog, the error table's words and the formatters", () => {
    const error = { _tag: "NotSignedIn", profile: "work" } as const
    expect(describeError(error, { surface: "cli", now: 0 }).title).toBe('Not signed in (profile "work").')
    expect(formatLifetime(3600)).toBe("1 hour")
    chooseLanguage("ja")
    expect(messages.method.root).toBe("ルートユーザー")
    expect(describeError(error, { surface: "cli", now: 0 }).title).toBe(
      "サインインしていません (プロファイル「work」)。",
    )
    expect(formatLifetime(3600)).toBe("1時間")
  })
})
