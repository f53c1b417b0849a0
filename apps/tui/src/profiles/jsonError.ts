/**
 * Where a JSON text first goes wrong, as an offset — so an error can say "line 3, column 14" without quoting
 * the text (V8's own message quotes the text around the error, and in a profile that may be a secret).
 * A plain RFC 8259 scan with an explicit stack (no recursion, any depth).
 */

const ws = (c: number) => c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d

/** The offset of the first syntax error, or `undefined` when the text is valid JSON. */
export const firstJsonError = (text: string): number | undefined => {
  let i = 0
  const skip = () => {
    while (i < text.length && ws(text.charCodeAt(i))) i++
  }
  const literal = (word: string) => {
    if (!text.startsWith(word, i)) return false
    i += word.length
    return true
  }
  const string = (): boolean => {
    i++ // the opening quote
    while (i < text.length) {
      const c = text.charCodeAt(i)
      if (c === 0x22) {
        i++
        return true
      }
      if (c < 0x20) return false
      if (c === 0x5c) {
        const e = text[i + 1]
        if (e === "u") {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) return false
          i += 6
        } else if (e !== undefined && '"\\/bfnrt'.includes(e)) i += 2
        else return false
      } else i++
    }
    return false
  }
  const number = (): boolean => {
    const m = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(text.slice(i, i + 400))
    if (m === null) return false
    i += m[0].length
    return true
  }
  /** Open containers: "{" or "[". */
  const stack: Array<string> = []
  // A value is expected at i; after it, the container decides what follows.
  for (;;) {
    skip()
    const c = text[i]
    if (c === "{" || c === "[") {
      stack.push(c)
      i++
      skip()
      const close = c === "{" ? "}" : "]"
      if (text[i] === close) {
        stack.pop()
        i++
      } else if (c === "{") {
        if (text[i] !== '"' || !string()) return i
        skip()
        if (text[i] !== ":") return i
        i++
        continue
      } else continue
    } else if (c === '"') {
      if (!string()) return i
    } else if (c === "-" || (c !== undefined && c >= "0" && c <= "9")) {
      if (!number()) return i
    } else if (!(literal("true") || literal("false") || literal("null"))) return i
    // After a value: close containers or go on to the next member/element.
    for (;;) {
      skip()
      const open = stack.at(-1)
      if (open === undefined) return i === text.length ? undefined : i
      const close = open === "{" ? "}" : "]"
      if (text[i] === close) {
        stack.pop()
        i++
        continue
      }
      if (text[i] !== ",") return i
      i++
      if (open === "{") {
        skip()
        if (text[i] !== '"' || !string()) return i
        skip()
        if (text[i] !== ":") return i
        i++
      }
      break
    }
  }
}

/** "line L, column C" (1-based) of an offset. */
export const lineColumn = (text: string, offset: number): string => {
  const before = text.slice(0, offset)
  const line = before.split("\n").length
  return `line ${line}, column ${offset - before.lastIndexOf("\n")}`
}
