/** Walks an error's `cause` chain (and AggregateError members): what core's classifier sees. */
export const causeChain = (error: unknown): Array<{ name?: string; code?: string; message?: string }> => {
  const out: Array<{ name?: string; code?: string; message?: string }> = []
  const visit = (e: unknown, depth: number) => {
    if (e === undefined || e === null || depth > 16) return
    const { name, code, message } = e as { name?: unknown; code?: unknown; message?: unknown }
    out.push({
      ...(typeof name === "string" ? { name } : {}),
      ...(typeof code === "string" ? { code } : {}),
      ...(typeof message === "string" ? { message } : {}),
    })
    if (e instanceof AggregateError) for (const inner of e.errors) visit(inner, depth + 1)
    visit((e as { cause?: unknown }).cause, depth + 1)
  }
  visit(error, 0)
  return out
}

export const codes = (error: unknown) => causeChain(error).flatMap((c) => (c.code ? [c.code] : []))
export const names = (error: unknown) => causeChain(error).flatMap((c) => (c.name ? [c.name] : []))
