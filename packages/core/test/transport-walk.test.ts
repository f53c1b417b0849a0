/**
 * How far and in what order `classify` walks an error's causes (`internal/transport.ts`): breadth-first from the
 * outside, the first error code found decides, else the outermost known name; "request never built" only from
 * Effect's own reason (the error itself or its `reason`), not from somewhere deep in a cause; a bounded walk (at
 * most 32 distinct objects) over hostile objects whose properties throw.
 */
import { assert, describe, it } from "@effect/vitest"
import { classify } from "../src/internal/transport.ts"
import { nodeError } from "./support.ts"

const named = (name: string, cause?: unknown) =>
  Object.assign(new Error(name), { name, ...(cause ? { cause } : {}) })

/** `depth` wrappers around `inner`: the inner error is the (depth + 1)-th object walked. */
const wrapped = (depth: number, inner: unknown): unknown => {
  let e = inner
  for (let i = 0; i < depth; i++) e = { cause: e }
  return e
}

describe("classify: the walk", () => {
  it("the outermost known name wins over an inner one", () => {
    assert.deepStrictEqual(classify(named("TimeoutError", named("AbortError"))), {
      reason: "Timeout",
      detail: "TimeoutError",
    })
    assert.deepStrictEqual(classify(named("AbortError", named("TimeoutError"))), {
      reason: "Aborted",
      detail: "AbortError",
    })
  })

  it("a code as the 32nd object walked is found; as the 33rd it is not", () => {
    assert.strictEqual(classify(wrapped(31, nodeError("ECONNREFUSED"))).reason, "ConnectionRefused")
    assert.strictEqual(classify(wrapped(32, nodeError("ECONNREFUSED"))).reason, "Unknown")
  })

  it("a never-built request only from the error or its reason, not from deeper", () => {
    assert.strictEqual(classify({ _tag: "InvalidUrlError" }).reason, "NotBuilt")
    assert.strictEqual(classify({ reason: { _tag: "EncodeError" } }).reason, "NotBuilt")
    assert.strictEqual(classify({ reason: { cause: { _tag: "InvalidUrlError" } } }).reason, "Unknown")
  })

  it("non-objects in the chain (null, a string, a number) are stepped over", () => {
    assert.strictEqual(
      classify({ reason: null, cause: "text", errors: [1, null, nodeError("ETIMEDOUT")] }).reason,
      "Timeout",
    )
  })

  it("a null in the chain is not one of the 32 objects walked", () => {
    // the outer object, 30 wrappers, the error: 32 objects, plus a null beside them
    assert.strictEqual(
      classify({ reason: null, cause: wrapped(30, nodeError("ECONNREFUSED")) }).reason,
      "ConnectionRefused",
    )
  })

  it("properties that throw when read are no answer, not a crash", () => {
    const hostile = new Proxy(
      {},
      {
        get() {
          throw new Error("no")
        },
      },
    )
    assert.deepStrictEqual(classify(hostile), { reason: "Unknown" })
    assert.strictEqual(
      classify({ cause: hostile, errors: [nodeError("ECONNRESET")] }).reason,
      "ConnectionReset",
    )
  })
})
