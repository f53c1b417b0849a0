/**
 * The bad-input corpus is well-formed data: enough cases, unique ids, `generated.json` up to date, and every
 * case differs from a request the spec accepts in exactly the way it claims.
 */
import { readFileSync } from "node:fs"
import { describe, expect, it } from "vitest"
import { generated, handPicked, loadCorpus, operationPath, rawOnly } from "./bad-inputs/corpus.ts"
import { generatedFile, render } from "./bad-inputs/generate.ts"
import { baseBodies } from "./bad-inputs/matrix.ts"
import { loadSpecs } from "./src/spec.ts"
import { makeValidators } from "./src/validators.ts"

describe("bad-input corpus", () => {
  const corpus = loadCorpus()

  it("has at least 200 cases with unique ids", () => {
    expect(corpus.length).toBeGreaterThanOrEqual(200)
    const ids = [...corpus.map((c) => c.id), ...rawOnly().map((c) => c.id)]
    expect(new Set(ids).size).toBe(ids.length)
    expect(handPicked().length).toBeGreaterThan(100)
  })

  it("generated.json is what generate.ts produces", () => {
    expect(JSON.parse(readFileSync(generatedFile, "utf8"))).toEqual(JSON.parse(render()))
    expect(generated().length).toBe(JSON.parse(render()).length)
  })

  it("covers every kind of bad input the contract names", () => {
    const whys = corpus.map((c) => c.why).join("\n")
    for (const kind of [
      "empty string",
      "one space",
      "1 MiB",
      "NUL",
      "fullwidth",
      "Arabic-Indic",
      "root and AuthKey",
      "wrong type",
      "one above maximum",
      "one below minimum",
      "fraction",
      "email: malformed",
      "operatorId:",
      "mfaOTPCode:",
    ]) {
      expect(whys, kind).toContain(kind)
    }
    const oneMiB = corpus.filter((c) =>
      Object.values(c.body).some((v) => typeof v === "string" && v.length >= 1 << 20),
    )
    expect(oneMiB.length).toBeGreaterThanOrEqual(20)
  })

  it("every case names fields it actually touches, in SORACOM's wire names", () => {
    const wire = new Set([
      "email",
      "password",
      "authKeyId",
      "authKey",
      "operatorId",
      "userName",
      "mfaOTPCode",
      "tokenTimeoutSeconds",
      "token",
      "credentials",
    ])
    for (const c of corpus) {
      expect(c.fields.length, c.id).toBeGreaterThan(0)
      for (const f of c.fields) expect(wire.has(f), `${c.id}: ${f}`).toBe(true)
      expect(Object.keys(operationPath)).toContain(c.operation)
    }
  })

  it("the base bodies the matrix breaks are valid requests per the spec", async () => {
    // Loading the 1 MB whole spec takes a few seconds when test files run in parallel.
    const v = makeValidators(await loadSpecs())
    for (const b of baseBodies) {
      const req = {
        method: "POST",
        path: operationPath[b.operation],
        headers: { "content-type": "application/json" },
        body: JSON.stringify(b.body),
      }
      expect(v.request(req), b.name).toEqual({ ok: true })
    }
  }, 60_000)
})
