/**
 * File primitives shared by the profile store and the session cache, and the one place their safety rules live:
 * - the folder: created 0700; an existing one must be ours and not writable by group or others;
 * - a file: a regular file of ours, never reached through a symbolic link, readable by us alone (soracom-cli's
 *   "too open" rule) — checked on the open file descriptor, so the file checked is the file read;
 * - a write: a fresh temp file in the same folder (created exclusively, never through a link, 0600, as the
 *   caller), fsync, rename over the target (which replaces a link rather than following it); temp files a
 *   killed writer left behind are removed on the next write.
 * Modes and owners are not checked on Windows, where they mean nothing.
 */
import { randomBytes } from "node:crypto"
import { constants } from "node:fs"
import { lstat, mkdir, open, readdir, rename, rm, stat, unlink } from "node:fs/promises"
import { basename, dirname, join } from "node:path"
import { Effect } from "effect"
import { InvalidProfileName, ProfileFileError, ProfilePermissionsTooOpen } from "./errors.ts"

const namePattern = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/

/** @category validation */
export const isValidName = (name: string): boolean => namePattern.test(name) && !name.includes("..")

/** @category validation */
export const validateName = (name: string): Effect.Effect<string, InvalidProfileName> =>
  isValidName(name) ? Effect.succeed(name) : Effect.fail(new InvalidProfileName({ name }))

const posix = process.platform !== "win32"
const uid = process.getuid?.()

/** A refusal with its fix, raised inside the promise and turned into the typed error outside. */
class Refusal extends Error {
  readonly error: ProfileFileError | ProfilePermissionsTooOpen
  constructor(error: ProfileFileError | ProfilePermissionsTooOpen) {
    super(error.message)
    this.error = error
  }
}

/** The errno message without the code Node already put in front of it (no "EISDIR: EISDIR: …"). */
const reasonOf = (cause: unknown): string => {
  if (!(cause instanceof Error)) return String(cause)
  const code = (cause as NodeJS.ErrnoException).code
  if (code === undefined || cause.message.startsWith(`${code}:`)) return cause.message
  return `${code}: ${cause.message}`
}

const codeOf = (cause: unknown): string | undefined => (cause as NodeJS.ErrnoException | undefined)?.code

const attempt = <A>(
  path: string,
  operation: ProfileFileError["operation"],
  run: () => Promise<A>,
): Effect.Effect<A, ProfileFileError | ProfilePermissionsTooOpen> =>
  Effect.tryPromise({
    try: run,
    catch: (cause) =>
      cause instanceof Refusal
        ? cause.error
        : new ProfileFileError({ path, operation, reason: reasonOf(cause) }),
  })

const refuse = (path: string, operation: ProfileFileError["operation"], reason: string, fix: string) =>
  new Refusal(new ProfileFileError({ path, operation, reason, fix }))

/** What is wrong with a file's stat for holding secrets, as a refusal; undefined when it is fine. */
const fileProblem = (
  path: string,
  operation: ProfileFileError["operation"],
  info: { isFile(): boolean; isDirectory(): boolean; mode: number; uid: number },
): Refusal | undefined => {
  if (info.isDirectory()) return refuse(path, operation, "it is a directory", `Remove or rename it: ${path}`)
  if (!info.isFile()) return refuse(path, operation, "it is not a regular file", `Remove it: rm '${path}'`)
  if (!posix) return undefined
  if (uid !== undefined && info.uid !== uid)
    return refuse(
      path,
      operation,
      `it belongs to another user (uid ${info.uid})`,
      `Remove it, or give it to yourself: chown ${uid} '${path}'`,
    )
  if (operation === "read" && (info.mode & 0o077) !== 0)
    return new Refusal(new ProfilePermissionsTooOpen({ path, mode: info.mode & 0o777 }))
  return undefined
}

/**
 * Checks the profile folder: ours, and not writable by group or others (anyone who can write there can swap a
 * profile or plant a link). `create` makes a missing one with mode 0700; otherwise a missing folder is fine.
 */
const checkDir = async (dir: string, create: boolean): Promise<void> => {
  let info: Awaited<ReturnType<typeof stat>>
  try {
    // The folder itself may be a link (dotfile managers do that): what counts is the folder it leads to.
    info = await stat(dir)
  } catch (cause) {
    if (codeOf(cause) !== "ENOENT") throw cause
    if (create) await mkdir(dir, { recursive: true, mode: 0o700 })
    return
  }
  if (!info.isDirectory())
    throw refuse(
      dir,
      create ? "write" : "read",
      "it is not a directory",
      `Remove it, or set SORACOM_PROFILE_DIR.`,
    )
  if (!posix) return
  if (uid !== undefined && info.uid !== uid)
    throw refuse(
      dir,
      create ? "write" : "read",
      `the profile folder belongs to another user (uid ${info.uid})`,
      `Use a folder of your own (SORACOM_PROFILE_DIR), or: chown ${uid} '${dir}'`,
    )
  if ((info.mode & 0o022) !== 0)
    throw new Refusal(new ProfilePermissionsTooOpen({ path: dir, mode: info.mode & 0o777, directory: true }))
}

const noFollow = constants.O_NOFOLLOW ?? 0
// A FIFO in place of a profile must not block the open; it is refused as "not a regular file" afterwards.
const nonBlock = constants.O_NONBLOCK ?? 0

/**
 * Reads a private file: `undefined` when it does not exist; refused when it is a link, not a regular file, not
 * ours, or readable by group or others (`ProfilePermissionsTooOpen`), or when its folder is unsafe.
 *
 * @category reading
 */
export const readPrivate = (
  path: string,
): Effect.Effect<string | undefined, ProfilePermissionsTooOpen | ProfileFileError> =>
  attempt(path, "read", async () => {
    await checkDir(dirname(path), false)
    let handle: Awaited<ReturnType<typeof open>>
    try {
      handle = await open(path, constants.O_RDONLY | noFollow | nonBlock)
    } catch (cause) {
      const code = codeOf(cause)
      if (code === "ENOENT") return undefined
      if (code === "ELOOP" || code === "EMLINK")
        throw refuse(path, "read", "it is a symbolic link", `Replace the link by the file itself: ${path}`)
      throw cause
    }
    try {
      const problem = fileProblem(path, "read", await handle.stat())
      if (problem !== undefined) throw problem
      return await handle.readFile("utf8")
    } finally {
      await handle.close()
    }
  })

/**
 * Checks a file as {@link readPrivate} does, without reading it (`false` when it does not exist).
 *
 * @category reading
 */
export const checkPrivate = (
  path: string,
): Effect.Effect<boolean, ProfilePermissionsTooOpen | ProfileFileError> =>
  readPrivate(path).pipe(Effect.map((text) => text !== undefined))

/** Our temp files: `.<target name>.<pid>.<16 hex>.tmp`. */
const tempPattern = /^\..+\.(\d+)\.[0-9a-f]{16}\.tmp$/
/** Temp files of write-file-atomic, which wrote these files before: `<name>.json.<n>` / `<name>.session.<n>`. */
const legacyTempPattern = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}\.(?:json|session)\.\d+$/
const legacyGraceMs = 60_000

const isAlive = (pid: number): boolean => {
  if (pid === process.pid) return true
  try {
    process.kill(pid, 0)
    return true
  } catch (cause) {
    // EPERM: it exists, as another user's process.
    return codeOf(cause) === "EPERM"
  }
}

/** Removes temp files (holding secrets) that a killed writer left behind: ours and write-file-atomic's. */
const removeStaleTemps = async (dir: string): Promise<void> => {
  const now = Date.now()
  for (const entry of await readdir(dir)) {
    const ours = tempPattern.exec(entry)
    if (ours === null && !legacyTempPattern.test(entry)) continue
    const path = join(dir, entry)
    try {
      const info = await lstat(path)
      if (!info.isFile() || (posix && uid !== undefined && info.uid !== uid)) continue
      const stale = ours !== null ? !isAlive(Number(ours[1])) : now - info.mtimeMs > legacyGraceMs
      if (stale) await unlink(path)
    } catch {
      // gone meanwhile, or not ours to remove: not this write's concern
    }
  }
}

/**
 * Writes a file with mode 0600, atomically: readers (and a crash at any instant) see the old or the new content,
 * never a partial one. Refused when the target is a link, not a regular file or not ours, or when the folder is
 * unsafe.
 *
 * @category writing
 */
export const writePrivate = (
  dir: string,
  path: string,
  text: string,
): Effect.Effect<void, ProfileFileError | ProfilePermissionsTooOpen> =>
  attempt(path, "write", async () => {
    await checkDir(dir, true)
    try {
      const info = await lstat(path)
      if (info.isSymbolicLink())
        throw refuse(path, "write", "it is a symbolic link", `Remove the link, then try again: rm '${path}'`)
      const problem = fileProblem(path, "write", info)
      if (problem !== undefined) throw problem
    } catch (cause) {
      if (codeOf(cause) !== "ENOENT") throw cause
    }
    await removeStaleTemps(dir)
    const temp = join(dir, `.${basename(path)}.${process.pid}.${randomBytes(8).toString("hex")}.tmp`)
    const handle = await open(
      temp,
      constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | noFollow,
      0o600,
    )
    try {
      try {
        await handle.writeFile(text, "utf8")
        // The umask can only take bits away; this makes the mode exact.
        if (posix) await handle.chmod(0o600)
        await handle.sync()
      } finally {
        await handle.close()
      }
      await rename(temp, path)
    } catch (cause) {
      await rm(temp, { force: true })
      throw cause
    }
    if (posix) {
      // The rename itself is durable once the folder is synced.
      const folder = await open(dir, constants.O_RDONLY)
      try {
        await folder.sync()
      } catch {
        // some file systems cannot sync a folder; the data itself is synced
      } finally {
        await folder.close()
      }
    }
  })

/** Removes a file (a link itself, never its target); `false` when there was none. @category writing */
export const removeFile = (path: string): Effect.Effect<boolean, ProfileFileError> =>
  Effect.tryPromise({
    try: async () => {
      try {
        await lstat(path)
      } catch (cause) {
        if (codeOf(cause) === "ENOENT") return false
        throw cause
      }
      await rm(path, { force: true })
      return true
    },
    catch: (cause) => new ProfileFileError({ path, operation: "remove", reason: reasonOf(cause) }),
  })
