/**
 * Ink and chalk ignore `NO_COLOR`; they read `FORCE_COLOR` once, when they load. This maps `NO_COLOR` (any value,
 * even empty, per no-color.org) to `FORCE_COLOR=0`. It must run before `ink` or `chalk` is imported, which is why
 * `runApp` imports the app lazily.
 */
export const applyNoColor = (env: NodeJS.ProcessEnv = process.env): void => {
  if (env.NO_COLOR !== undefined) env.FORCE_COLOR = "0"
}
