/**
 * The process exit codes, fixed and documented: 0 ok, 1 error, 2 usage, 4 authentication failed or required,
 * 130 cancelled. Both front ends (the commands and the app) end with one of these.
 */

/** @category constants */
export const ExitCode = { ok: 0, error: 1, usage: 2, auth: 4, cancelled: 130 } as const

/** @category models */
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode]
