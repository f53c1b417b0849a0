/**
 * Where a broken profile first stops being JSON, as the user is told ("line L, column C"): known answers worked
 * out by hand from RFC 8259's grammar (the offset of the first character no valid JSON text could have there),
 * beside files.test.ts's property test that only compares valid/invalid with JSON.parse.
 */
import { describe, expect, it } from "vitest"
import { firstJsonError, lineColumn } from "../../src/profiles/jsonError.ts"

describe("firstJsonError: the offset of the first character that cannot be there", () => {
  it.each([
    ["", 0],
    ["   ", 3],
    ["x", 0],
    ["{", 1],
    ["[", 1],
    ["}", 0],
    ["{]", 1],
    ["[}", 1],
    ['{"a"', 4],
    ['{"a" 1}', 5],
    ['{"a":}', 5],
    ['{"a":1', 6],
    ['{"a":1 "b":2}', 7],
    ['{"a":1,}', 7],
    ['{"a":1, 2}', 8],
    ['{"a":1,"b"}', 10],
    ['{"a":1,"b" 2}', 11],
    ["{1:2}", 1],
    ["{'a':1}", 1],
    ["[1,]", 3],
    ["[1 2]", 3],
    ["[1,,2]", 3],
    ["[[1]", 4],
    ["[1]]", 3],
    ["{}{}", 2],
    ["[] 1", 3],
    ["01", 1],
    ["-", 0],
    ["-x", 0],
    ["+1", 0],
    [".5", 0],
    ["1.", 1],
    ["1e", 1],
    ["1.5e+", 3],
    // a number starts where the value does: nothing after a lone "-" is taken for its digits
    ["-x1", 0],
    ["[-,1]", 1],
    ["tru", 0],
    ["nul", 0],
    ["True", 0],
    ["truex", 4],
    ['"abc', 4],
    ['"a\u0001b"', 2],
    ['"a\nb"', 2],
    ['"\\x"', 1],
    ['"\\', 1],
    ['"\\u12G4"', 1],
    ['"\\u12"', 1],
    ['{"a\u0001":1}', 3],
    ['{"a":1,"b\u0001":2}', 9],
  ])("%j → %d", (text, offset) => {
    expect(firstJsonError(text)).toBe(offset)
  })

  it.each([
    "0",
    "-0",
    "-12.5e-3",
    "1E+2",
    // an exponent's sign is optional, and it may have several digits
    "1e5",
    "2E-12",
    "[0.25e+10]",
    "123",
    "true",
    "false",
    "null",
    '""',
    '"\\u00e9\\uD83D\\uDE00"',
    '"\\"\\\\\\/\\b\\f\\n\\r\\t"',
    "{}",
    "[]",
    ' \t\r\n{ "a" : [ 1 , { } , [ ] , "x" ] , "b" : null } \n',
    '[[[[[[[[[[["deep"]]]]]]]]]]]',
    '{"a":{"b":{"c":[true,false,null]}}}',
  ])("%j is valid", (text) => {
    expect(firstJsonError(text)).toBeUndefined()
  })

  it("a number of a few hundred digits is valid (the scan reads numbers in bounded pieces)", () => {
    expect(firstJsonError(`[${"7".repeat(300)}]`)).toBeUndefined()
    expect(firstJsonError(`[1.${"5".repeat(300)}]`)).toBeUndefined()
  })

  it("a deep nesting is scanned without recursion", () => {
    const depth = 100_000
    expect(firstJsonError(`${"[".repeat(depth)}${"]".repeat(depth)}`)).toBeUndefined()
    expect(firstJsonError(`${"[".repeat(depth)}${"]".repeat(depth - 1)}`)).toBe(2 * depth - 1)
  })
})

describe("lineColumn: 1-based, columns counted from the last line break", () => {
  it.each([
    ["abc", 0, "line 1, column 1"],
    ["abc", 2, "line 1, column 3"],
    ["abc", 3, "line 1, column 4"],
    ["ab\ncd", 2, "line 1, column 3"],
    ["ab\ncd", 3, "line 2, column 1"],
    ["ab\ncd", 4, "line 2, column 2"],
    ["a\n\n\nxyz", 6, "line 4, column 3"],
  ])("%j at %d → %s", (text, offset, where) => {
    expect(lineColumn(text, offset)).toBe(where)
  })
})
