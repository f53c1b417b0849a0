/**
 * Every key of the message catalog, in both languages: present, non-empty, and — in Japanese — no English
 * sentence left (names, codes, commands and flags aside). Templates are called with marked arguments so the
 * walk sees their words, not the values put into them.
 */
import { describe, expect, it } from "vitest"
import { catalogs, type Messages } from "../../src/presentation/messages.ts"
import { englishLeft, names } from "../helpers/english.ts"

type Leaf = { readonly path: string; readonly text: string }

/** Arguments for a template: markers that are neither English nor Japanese, numbers for counts and statuses. */
const sample = (fn: (...args: Array<never>) => string): string => {
  const args = Array.from({ length: fn.length }, (_, i) => `⟦${i}⟧`)
  // a template may do arithmetic or compare its arguments: try numbers where strings are not enough
  const withNumbers = Array.from({ length: fn.length }, (_, i) => 400 + i)
  const text = (fn as (...a: Array<unknown>) => string)(...args)
  return text.includes("NaN") ? (fn as (...a: Array<unknown>) => string)(...withNumbers) : text
}

const leaves = (node: unknown, path = ""): ReadonlyArray<Leaf> => {
  if (typeof node === "string") return [{ path, text: node }]
  if (typeof node === "function") return [{ path, text: sample(node as (...args: Array<never>) => string) }]
  if (typeof node === "object" && node !== null)
    return Object.entries(node).flatMap(([k, v]) => leaves(v, path === "" ? k : `${path}.${k}`))
  throw new Error(`${path}: not a string or a template (${typeof node})`)
}

const en = leaves(catalogs.en)
const ja = leaves(catalogs.ja)

describe("the message catalog", () => {
  it("has the same keys in English and Japanese", () => {
    expect(ja.map((l) => l.path)).toEqual(en.map((l) => l.path))
    expect(en.length).toBeGreaterThan(50)
  })

  it.each(en.map((l) => [l.path, l.text] as const))("en %s is a non-empty string", (_path, text) => {
    expect(text.trim()).not.toBe("")
  })

  it.each(ja.map((l) => [l.path, l.text] as const))(
    "ja %s is Japanese (names and codes aside)",
    (path, text) => {
      expect(text.trim()).not.toBe("")
      expect(englishLeft(text), `${path}: ${text}`).toEqual([])
      const english = en.find((l) => l.path === path)?.text
      // identical only where the words are a name (AuthKey, SORACOM)
      if (text === english)
        expect(englishLeft(`\`${text}\``).length === 0 && names.some((n) => text.includes(n))).toBe(true)
    },
  )

  it("the walk itself finds English (it can fail)", () => {
    expect(englishLeft("SORACOM did not accept the credentials.")).toEqual([
      "did",
      "not",
      "accept",
      "the",
      "credentials",
    ])
    expect(englishLeft("`soracom-auth login` でサインインしてください。")).toEqual([])
  })
})

// the type is the first guard: a catalog missing a key does not compile
// @ts-expect-error a Japanese catalog without `error` is not a `Messages`
const _incomplete: Messages = { method: catalogs.ja.method, server: catalogs.ja.server }
void _incomplete
