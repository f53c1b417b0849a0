/**
 * `Sanitize.scrubSecrets`' exact output: every copy or ≥ 8-character run of a secret becomes one `<redacted>`,
 * and nothing else of the text changes — neither the characters around a match nor the positions after a
 * character whose lower case is longer than itself. Case-insensitive as Unicode's simple case folding is for the
 * secret's letters (U+212A KELVIN SIGN folds to `k`, CaseFolding.txt).
 */
import { assert, describe, it } from "@effect/vitest"
import { Sanitize } from "../src/index.ts"

const secret = "abcdefgh"

describe("Sanitize.scrubSecrets: exactly the secret goes, one marker per run", () => {
  it("the text around a copy is kept to the character", () => {
    assert.strictEqual(Sanitize.scrubSecrets("key=abcdefgh and more", [secret]), "key=<redacted> and more")
    assert.strictEqual(Sanitize.scrubSecrets("abcdefgh at the start", [secret]), "<redacted> at the start")
    assert.strictEqual(Sanitize.scrubSecrets("at the end abcdefgh", [secret]), "at the end <redacted>")
    assert.strictEqual(Sanitize.scrubSecrets("abcdefgh", [secret]), "<redacted>")
  })

  it("two copies apart are two markers; two copies side by side are one run, one marker", () => {
    assert.strictEqual(Sanitize.scrubSecrets("abcdefgh, abcdefgh.", [secret]), "<redacted>, <redacted>.")
    assert.strictEqual(Sanitize.scrubSecrets("x abcdefghabcdefgh y", [secret]), "x <redacted> y")
  })

  it("a run of 8 or more characters of a longer secret goes; 7 stay", () => {
    const long = "0123456789abcdef"
    assert.strictEqual(Sanitize.scrubSecrets("x=456789abXYZ", [long]), "x=<redacted>XYZ")
    assert.strictEqual(Sanitize.scrubSecrets("x=3456789 y", [long]), "x=3456789 y")
  })

  it("any case; the Kelvin sign counts as k", () => {
    assert.strictEqual(Sanitize.scrubSecrets("echo ABCDEFGH!", [secret]), "echo <redacted>!")
    assert.strictEqual(Sanitize.scrubSecrets("echo ABCDEFGHIJ!", ["abcdefghij"]), "echo <redacted>!")
    assert.strictEqual(Sanitize.scrubSecrets("token=\u212Aeyvalue1;", ["keyvalue1"]), "token=<redacted>;")
  })

  it("after a character whose lower case is two units (İ), the marker still covers exactly the secret", () => {
    assert.strictEqual(Sanitize.scrubSecrets("\u0130 abcdefgh!", [secret]), "\u0130 <redacted>!")
    assert.strictEqual(
      Sanitize.scrubSecrets("\u0130\u0130\u0130abcdefgh\u0130", [secret]),
      "\u0130\u0130\u0130<redacted>\u0130",
    )
  })

  it("no secret in the text, or no secrets: the text as it was", () => {
    assert.strictEqual(Sanitize.scrubSecrets("nothing here", [secret]), "nothing here")
    assert.strictEqual(Sanitize.scrubSecrets("nothing here", []), "nothing here")
    assert.strictEqual(Sanitize.scrubSecrets("nothing here", [""]), "nothing here")
  })
})
