/**
 * A bench's `--name value` options, read the same way by every bench. (Modules in `shared/` serve the
 * benchmarks; `pnpm bench` lists only the files one level up.)
 */

/** The value after `--name`, or undefined when the option is not given. */
export const option = (name: string): string | undefined => {
  const i = process.argv.indexOf(`--${name}`)
  return i >= 0 ? process.argv[i + 1] : undefined
}

/** `--name N` as a number, or `fallback` when not given. */
export const numberOption = (name: string, fallback: number): number => {
  const value = option(name)
  return value === undefined ? fallback : Number(value)
}
