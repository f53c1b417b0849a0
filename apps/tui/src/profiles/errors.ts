/**
 * What can go wrong with the profile directory: one class per case, each with a one-sentence message and a next
 * step. Callers branch with `Effect.catchTag`.
 */
import { Data } from "effect"
import { messagesFor } from "../presentation/messages.ts"

/**
 * A profile or session file that group or others may read. soracom-cli refuses such a file with the same first
 * two sentences; we add the one command that fixes it.
 *
 * @category errors
 */
export class ProfilePermissionsTooOpen extends Data.TaggedError("ProfilePermissionsTooOpen")<{
  readonly path: string
  readonly mode: number
  /** The profile folder, writable by group or others (anyone could swap a profile or plant a link there). */
  readonly directory?: boolean | undefined
}> {
  override get message(): string {
    const words = messagesFor("en").error.profileTooOpen
    const folder = this.directory === true
    return `${words.title(this.path, this.mode.toString(8), folder)}\n${words.next(this.path, folder)}`
  }
}

/** @category errors */
export class ProfileNotFound extends Data.TaggedError("ProfileNotFound")<{
  readonly name: string
  readonly path: string
}> {
  override get message(): string {
    return `There is no profile "${this.name}" (${this.path}). Save one with \`soracom-auth login --save ${this.name}\`.`
  }
}

/** @category errors */
export class InvalidProfileName extends Data.TaggedError("InvalidProfileName")<{ readonly name: string }> {
  override get message(): string {
    return `"${this.name}" is not a valid profile name: use letters, digits, ".", "_" and "-" (at most 64).`
  }
}

/** A file that exists but cannot be read, parsed or written. @category errors */
export class ProfileFileError extends Data.TaggedError("ProfileFileError")<{
  readonly path: string
  readonly operation: "read" | "write" | "remove" | "list"
  readonly reason: string
  /** The next step, shown on its own line. */
  readonly fix?: string | undefined
  /** The file was read but is not a profile (corrupt or empty), as opposed to unreadable or refused. */
  readonly unparsable?: boolean | undefined
}> {
  override get message(): string {
    const first = `Could not ${this.operation} ${this.path}: ${this.reason}`
    return this.fix === undefined ? first : `${first}\n${this.fix}`
  }
}

/** @category errors */
export type ProfileError = ProfilePermissionsTooOpen | ProfileNotFound | InvalidProfileName | ProfileFileError
