/**
 * The error body's language and detail, checked against fixed strings (not against `errorBody` itself):
 * `X-Soracom-Lang` picks Japanese for `ja`, `ja-JP`, any case and surrounding space, the first value of a list;
 * anything else is English; `{detail}` is filled in where the message has it.
 */
import { describe, expect, it } from "vitest"
import { errorBody, langOf } from "../src/errors.ts"

describe("langOf", () => {
  it.each([
    ["ja", "ja"],
    ["ja-JP", "ja"],
    ["JA", "ja"],
    ["  ja  ", "ja"],
    ["\tJa-jp", "ja"],
    [["ja"], "ja"],
    [["ja-JP", "en"], "ja"],
    [["en", "ja"], "en"],
    [[], "en"],
    ["en", "en"],
    ["", "en"],
    ["jp", "en"],
    ["xja", "en"],
    ["en, ja", "en"],
    [undefined, "en"],
  ] as const)("%j → %s", (header, lang) => {
    expect(langOf(header)).toBe(lang)
  })
})

describe("errorBody", () => {
  it("fills {detail} in either language", () => {
    expect(errorBody("constraintViolation", "en", "must be a string:email")).toEqual({
      code: "COM0008",
      message: "Constraint violation of input value. message:must be a string:email",
    })
    expect(errorBody("constraintViolation", "ja", "must be a string:email")).toEqual({
      code: "COM0008",
      message: "入力値の制約違反です。message:must be a string:email",
    })
    expect(errorBody("rateLimited", "en", "7")).toEqual({
      code: "SBX0005",
      message: "Too many requests. Please retry after 7 seconds.",
    })
  })

  it("without a detail, the placeholder becomes empty; a message without one is unchanged", () => {
    expect(errorBody("notFound", "en")).toEqual({ code: "SBX0002", message: "No such resource: " })
    expect(errorBody("invalidCredentials", "en", "ignored")).toEqual({
      code: "AUM0002",
      message: "Invalid username/password supplied.",
    })
    expect(errorBody("tokenRequired", "ja")).toEqual({
      code: "AUM0001",
      message: "リクエストヘッダーにトークンが必要です。",
    })
  })
})
