/**
 * Display width: padding, truncation and the one-line field's window count terminal columns (two for a Japanese
 * character), never `.length`.
 */
import { describe, expect, it } from "vitest"
import { lineWindow, padEndWidth, truncateWidth, width } from "../../src/presentation/width.ts"

const shown = (w: { before: string; under: string; after: string }) =>
  `${w.before}${w.under || " "}${w.after}`

describe("width", () => {
  it("counts a Japanese character as two columns", () => {
    expect(width("AuthKey シークレット")).toBe(20)
    expect(padEndWidth("有効期限", 10)).toBe("有効期限  ")
    expect(truncateWidth("パスワードをリセット", 9)).toBe("パスワー…")
  })
})

describe("lineWindow", () => {
  it("shows a line that fits as it is, the cursor where it is", () => {
    expect(lineWindow("abc", 3, 10)).toEqual({ before: "abc", under: "", after: "" })
    expect(lineWindow("abc", 1, 10)).toEqual({ before: "a", under: "b", after: "c" })
  })

  it("cursor at the end of a long line: its end after a `…`, exactly as wide as the room", () => {
    const w = lineWindow("*".repeat(75), 75, 57)
    expect(w.before).toBe(`…${"*".repeat(55)}`)
    expect(w.under).toBe("")
    expect(width(shown(w))).toBe(57)
  })

  it("cursor at the start of a long line: its start, then `…`", () => {
    const w = lineWindow("0123456789abcdef", 0, 8)
    expect(w).toEqual({ before: "", under: "0", after: "123456…" })
    expect(width(shown(w))).toBe(8)
  })

  it("cursor in the middle: the cursor stays in view, both ends marked", () => {
    const w = lineWindow("0123456789abcdefghij", 12, 8)
    expect(w.under).toBe("c")
    expect(w.before.startsWith("…")).toBe(true)
    expect(w.after).toBe("…")
    expect(width(shown(w))).toBeLessThanOrEqual(8)
  })

  it("double-width text never passes the room (a wide character that would straddle the edge is left out)", () => {
    for (let columns = 1; columns <= 12; columns++) {
      for (const cursor of [0, 3, 7]) {
        const w = lineWindow("パスワードリセット", cursor, columns)
        expect(width(shown(w)), `${columns} columns, cursor ${cursor}`).toBeLessThanOrEqual(
          Math.max(columns, 2),
        )
      }
    }
    expect(lineWindow("パスワードリセット", 9, 7).before).toBe("…ット")
  })
})
