/**
 * File primitives shared by the profile store and the session cache: a private directory (0700), private files
 * (0600) written atomically (temp file + fsync + rename), and the "too open" check soracom-cli applies.
 */
import { chmod, mkdir, readFile, rm, stat } from "node:fs/promises"
import { Effect } from "effect"
import { InvalidProfileName, ProfileFileError, ProfilePermissionsTooOpen } from "./errors.ts"

const namePattern = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/

/** @category validation */
export const validateName = (name: string): Effect.Effect<string, InvalidProfileName> =>
  namePattern.test(name) && !name.includes("..")
    ? Effect.succeed(name)
    : Effect.fail(new InvalidProfileName({ name }))

const reasonOf = (cause: unknown): string => {
  if (cause instanceof Error) {
    const code = (cause as NodeJS.ErrnoException).code
    return code === undefined ? cause.message : `${code}: ${cause.message}`
  }
  return String(cause)
}

const isNotFound = (cause: unknown): boolean =>
  (cause as NodeJS.ErrnoException | undefined)?.code === "ENOENT"

/**
 * Reads a private file: `undefined` when it does not exist, `ProfilePermissionsTooOpen` when group or others have
 * any access to it (not checked on Windows, where modes mean nothing).
 *
 * @category reading
 */
export const readPrivate = (
  path: string,
): Effect.Effect<string | undefined, ProfilePermissionsTooOpen | ProfileFileError> =>
  Effect.tryPromise({
    try: async () => {
      try {
        const info = await stat(path)
        if (process.platform !== "win32" && (info.mode & 0o077) !== 0) return { tooOpen: info.mode & 0o777 }
        return { text: await readFile(path, "utf8") }
      } catch (cause) {
        if (isNotFound(cause)) return {}
        throw cause
      }
    },
    catch: (cause) => new ProfileFileError({ path, operation: "read", reason: reasonOf(cause) }),
  }).pipe(
    Effect.flatMap((r) =>
      "tooOpen" in r && r.tooOpen !== undefined
        ? Effect.fail(new ProfilePermissionsTooOpen({ path, mode: r.tooOpen }))
        : Effect.succeed("text" in r ? r.text : undefined),
    ),
  )

/** Creates the directory with mode 0700 when missing. @category writing */
export const ensureDir = (dir: string): Effect.Effect<void, ProfileFileError> =>
  Effect.tryPromise({
    try: async () => {
      await mkdir(dir, { recursive: true, mode: 0o700 })
    },
    catch: (cause) => new ProfileFileError({ path: dir, operation: "write", reason: reasonOf(cause) }),
  })

/**
 * Writes a file with mode 0600, atomically: readers (and a crash at any instant) see the old or the new content,
 * never a partial one.
 *
 * @category writing
 */
export const writePrivate = (
  dir: string,
  path: string,
  text: string,
): Effect.Effect<void, ProfileFileError> =>
  ensureDir(dir).pipe(
    Effect.andThen(
      Effect.tryPromise({
        try: async () => {
          // loaded on first write only: reading commands never pay for it
          const { default: writeFileAtomic } = await import("write-file-atomic")
          await writeFileAtomic(path, text, { mode: 0o600, fsync: true })
          // write-file-atomic applies the mode through the umask on some systems; make sure.
          if (process.platform !== "win32") await chmod(path, 0o600)
        },
        catch: (cause) => new ProfileFileError({ path, operation: "write", reason: reasonOf(cause) }),
      }),
    ),
  )

/** Removes a file; `false` when there was none. @category writing */
export const removeFile = (path: string): Effect.Effect<boolean, ProfileFileError> =>
  Effect.tryPromise({
    try: async () => {
      try {
        await stat(path)
      } catch (cause) {
        if (isNotFound(cause)) return false
        throw cause
      }
      await rm(path, { force: true })
      return true
    },
    catch: (cause) => new ProfileFileError({ path, operation: "remove", reason: reasonOf(cause) }),
  })
