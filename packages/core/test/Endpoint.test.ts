import { describe, expect, it } from "vitest"
import { Endpoint } from "../src/index.ts"

describe("Endpoint", () => {
  it("knows both coverages", () => {
    expect(Endpoint.baseUrls.jp).toBe("https://api.soracom.io/v1")
    expect(Endpoint.baseUrls.g).toBe("https://g.api.soracom.io/v1")
  })
})
