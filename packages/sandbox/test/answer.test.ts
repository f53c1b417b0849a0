/** The two shapes of a handler's answer, as the routes build and recognise them. */
import { describe, expect, it } from "vitest"
import { failure, isAnswer } from "../src/internal/answer.ts"

describe("failure", () => {
  it("names the error, and carries a detail and headers only when given", () => {
    expect(failure("tokenRequired")).toEqual({ error: "tokenRequired" })
    expect(Object.keys(failure("tokenRequired"))).toEqual(["error"])
    expect(failure("rateLimited", "3")).toEqual({ error: "rateLimited", detail: "3" })
    expect(failure("rateLimited", "3", { "Retry-After": "3" })).toEqual({
      error: "rateLimited",
      detail: "3",
      headers: { "Retry-After": "3" },
    })
    expect(failure("rateLimited", undefined, { "Retry-After": "3" })).toEqual({
      error: "rateLimited",
      headers: { "Retry-After": "3" },
    })
  })
})

describe("isAnswer", () => {
  it("knows a status answer and an error answer", () => {
    expect(isAnswer({ status: 204 })).toBe(true)
    expect(isAnswer({ status: 200, json: { token: "t" } })).toBe(true)
    expect(isAnswer({ error: "tokenRequired" })).toBe(true)
    expect(isAnswer(failure("malformedEmail"))).toBe(true)
  })

  it("takes nothing else for one: a value a validator passes on is not an answer", () => {
    for (const v of [undefined, null, "status", 180, { apiKey: "a", token: "t" }, { "": 1 }, [], {}]) {
      expect(isAnswer(v), JSON.stringify(v)).toBe(false)
    }
  })
})
