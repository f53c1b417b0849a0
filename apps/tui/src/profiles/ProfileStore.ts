/**
 * The profile store: soracom-cli's profile files in `SORACOM_PROFILE_DIR` (default `~/.soracom`), one
 * `<name>.json` per profile, files 0600 in a 0700 directory, written atomically, keys soracom-cli does not share
 * with us preserved on rewrite, and files readable by group/others refused with soracom-cli's fix-it message.
 *
 * Usage (the UI and the commands both go through this service):
 *
 * ```ts
 * const program = Effect.gen(function* () {
 *   const store = yield* ProfileStore
 *   const names = yield* store.list                      // ["default", "work"]
 *   const doc = yield* store.read("work")                // ProfileDocument (secrets Redacted)
 *   const creds = credentialsOf(doc.fields)              // AuthKey > root > SAM user, like soracom-cli
 *   yield* store.write("work", fieldsWithCredentials(doc.fields, creds!))
 * }).pipe(Effect.provide(ProfileStore.layer({ dir: Environment.profileDir(process.env) })))
 * ```
 */

import { readdir } from "node:fs/promises"
import { join } from "node:path"
import { Context, Effect, Layer, Redacted } from "effect"
import type { InvalidProfileName, ProfilePermissionsTooOpen } from "./errors.ts"
import { type ProfileFileError as FileError, ProfileFileError, ProfileNotFound } from "./errors.ts"
import { isValidName, readPrivate, removeFile, validateName, writePrivate } from "./files.ts"
import { firstJsonError, lineColumn } from "./jsonError.ts"
import { type ProfileDocument, type ProfileFields, parseProfile, serializeProfile } from "./ProfileFile.ts"

/** Where a profile's text stops being a profile, by line and column only — never a quote of the text. */
const whereInvalid = (text: string, cause: unknown): string => {
  if (!(cause instanceof SyntaxError)) return "not a JSON object"
  if (text.trim() === "") return "the file is empty"
  // JSON.parse refused the text, so the scan (the same grammar) finds an offset; the end if they ever disagreed.
  return `invalid JSON at ${lineColumn(text, firstJsonError(text) ?? text.length)}`
}

/** @category models */
export type ReadError = ProfileNotFound | ProfilePermissionsTooOpen | InvalidProfileName | FileError

/** @category models */
export interface ProfileStoreShape {
  /** The profile directory. */
  readonly dir: string
  /** The file a profile lives in (name not validated). */
  readonly pathOf: (name: string) => string
  /** Profile names (`*.json` in the directory), sorted; empty when the directory does not exist. */
  readonly list: Effect.Effect<ReadonlyArray<string>, FileError>
  /** Reads one profile. */
  readonly read: (name: string) => Effect.Effect<ProfileDocument, ReadError>
  /** Whether a profile file exists (without reading it). */
  readonly exists: (name: string) => Effect.Effect<boolean, InvalidProfileName | FileError>
  /**
   * Writes a profile atomically with mode 0600. Keys we do not manage are taken from `extra` when given, else
   * from the existing file (if it is readable), so a rewrite never loses them.
   */
  readonly write: (
    name: string,
    fields: ProfileFields,
    options?: { readonly extra?: Readonly<Record<string, unknown>> },
  ) => Effect.Effect<void, InvalidProfileName | ProfilePermissionsTooOpen | FileError>
  /** Deletes a profile; `false` when there was none. */
  readonly remove: (name: string) => Effect.Effect<boolean, InvalidProfileName | FileError>
}

/** @category services */
export class ProfileStore extends Context.Service<ProfileStore, ProfileStoreShape>()(
  "@soracom-auth/tui/profiles/ProfileStore",
) {
  static make(options: { readonly dir: string }): ProfileStoreShape {
    const dir = options.dir
    const pathOf = (name: string) => join(dir, `${name}.json`)

    const read = (name: string) =>
      Effect.gen(function* () {
        yield* validateName(name)
        const path = pathOf(name)
        const text = yield* readPrivate(path)
        if (text === undefined) return yield* new ProfileNotFound({ name, path })
        return yield* Effect.try({
          try: () => parseProfile(text),
          catch: (cause) => cause,
        }).pipe(
          Effect.catch((cause) =>
            // Never the parser's own message: V8 quotes the text around the error, and that may be a secret.
            Effect.fail(
              new ProfileFileError({
                path,
                operation: "read",
                reason: `not a soracom-cli profile (${whereInvalid(text, cause)})`,
                fix: `Fix or remove the file, or save it again: soracom-auth login … --save ${name}`,
                unparsable: true,
              }),
            ),
          ),
        )
      })

    return {
      dir,
      pathOf,
      list: Effect.tryPromise({
        try: async () => {
          try {
            const entries = await readdir(dir)
            return entries
              .filter((f) => f.endsWith(".json"))
              .map((f) => f.slice(0, -".json".length))
              .filter(isValidName)
              .sort()
          } catch (cause) {
            if ((cause as NodeJS.ErrnoException).code === "ENOENT") return []
            throw cause
          }
        },
        catch: (cause) => new ProfileFileError({ path: dir, operation: "list", reason: String(cause) }),
      }),
      read,
      exists: (name) =>
        validateName(name).pipe(
          Effect.andThen(
            readPrivate(pathOf(name)).pipe(
              Effect.map((text) => text !== undefined),
              Effect.catchTag("ProfilePermissionsTooOpen", () => Effect.succeed(true)),
            ),
          ),
        ),
      write: (name, fields, writeOptions) =>
        Effect.gen(function* () {
          yield* validateName(name)
          let extra = writeOptions?.extra
          if (extra === undefined) {
            extra = yield* read(name).pipe(
              Effect.map((doc) => Redacted.value(doc.extra)),
              Effect.catchTag("ProfileNotFound", () => Effect.succeed({})),
              // a broken file is replaced; nothing in it can be preserved
              Effect.catchTag("ProfileFileError", (e) =>
                e.unparsable === true ? Effect.succeed({}) : Effect.fail(e),
              ),
            )
          }
          yield* writePrivate(dir, pathOf(name), serializeProfile(fields, extra))
        }),
      remove: (name) => validateName(name).pipe(Effect.andThen(removeFile(pathOf(name)))),
    }
  }

  static layer(options: { readonly dir: string }): Layer.Layer<ProfileStore> {
    return Layer.succeed(ProfileStore, ProfileStore.make(options))
  }
}
