/**
 * What signs a soracom-cli profile in, with soracom-cli's precedence inside a profile:
 * `profileCommand` > `sourceProfile` > AuthKey > email/password > SAM user.
 *
 * - `profileCommand` (or `--profile-command`, which wins over the profile): an external command whose stdout is
 *   a profile JSON (like AWS's `credential_process`), e.g. a password manager's CLI. It may carry `mfaOTPCode`, so
 *   an MFA user signs in unattended. It runs **without a shell** when the string is plain words (split on
 *   spaces); a string with shell syntax (quotes, pipes, `$`, redirections, globs…) runs through `/bin/sh -c`
 *   (`cmd.exe /d /s /c` on Windows). Bounded: a timeout (default 10 s) and a size cap on stdout (default 64 KiB);
 *   its output and its stderr are never logged or shown — a failure names only what went wrong.
 * - `sourceProfile` + `operatorId` + `username`: sign in with the source profile, then switch user to that
 *   operator / SAM user. A chain of one, as soracom-cli allows: a source profile with its own `sourceProfile` is
 *   refused.
 */
import { spawn } from "node:child_process"
import type { Credentials } from "@soracom-auth/core"
import { Data, Effect, Redacted } from "effect"
import { credentialsOf, type ProfileDocument, type ProfileFields, parseProfile } from "./ProfileFile.ts"

/** Credentials and the MFA code a profile (or its command) gave. @category models */
export interface SignInSource {
  readonly credentials: Credentials.Input
  readonly mfaOtpCode?: string | undefined
}

/** @category models */
export type ProfileSource =
  | ({ readonly _tag: "SignIn" } & SignInSource)
  | {
      readonly _tag: "SwitchUser"
      readonly base: SignInSource
      readonly sourceProfile: string
      readonly operatorId: string
      readonly userName: string
    }
  | { readonly _tag: "None" }

/** Why a credential command gave no profile; never carries its output. @category errors */
export class ProfileCommandFailed extends Data.TaggedError("ProfileCommandFailed")<{
  readonly reason: "Timeout" | "NonZeroExit" | "TooLarge" | "NotAProfile" | "CouldNotStart"
  readonly exitCode?: number | undefined
  readonly limit?: number | undefined
}> {
  override get message(): string {
    const why: Record<ProfileCommandFailed["reason"], string> = {
      Timeout: `did not finish within ${this.limit} ms and was stopped`,
      NonZeroExit: `failed (exit code ${this.exitCode})`,
      TooLarge: `printed more than ${this.limit} bytes; a profile is much smaller`,
      NotAProfile: "did not print a profile (a JSON object)",
      CouldNotStart: "could not be started (is it on PATH?)",
    }
    return `The profile command ${why[this.reason]}.`
  }
}

/** A `sourceProfile` whose source has its own `sourceProfile`, or a switch profile without its target. @category errors */
export class SourceProfileInvalid extends Data.TaggedError("SourceProfileInvalid")<{
  readonly profile: string
  readonly sourceProfile: string
  readonly reason: "Chained" | "NoTarget" | "NoCredentials"
}> {
  override get message(): string {
    const why: Record<SourceProfileInvalid["reason"], string> = {
      Chained: `names source profile "${this.sourceProfile}", which has a sourceProfile of its own; only one step is allowed`,
      NoTarget: `names source profile "${this.sourceProfile}" but not the operatorId and username to switch to`,
      NoCredentials: `names source profile "${this.sourceProfile}", which holds no credentials`,
    }
    return `Profile "${this.profile}" ${why[this.reason]}.`
  }
}

/** @category models */
export interface CommandOptions {
  /** Default 10 000 ms. */
  readonly timeoutMs?: number | undefined
  /** Largest stdout accepted. Default 65 536 bytes. */
  readonly maxBytes?: number | undefined
  readonly env?: NodeJS.ProcessEnv | undefined
}

/** Characters that mean the string is shell syntax rather than plain words. */
const shellSyntax = /[|&;<>()$`\\"'*?[\]#~{}\n]/

/** How a command string is run: plain words directly, shell syntax through the platform shell. */
export const commandLine = (
  command: string,
): { readonly file: string; readonly args: ReadonlyArray<string> } => {
  if (shellSyntax.test(command)) {
    return process.platform === "win32"
      ? { file: process.env.ComSpec ?? "cmd.exe", args: ["/d", "/s", "/c", command] }
      : { file: "/bin/sh", args: ["-c", command] }
  }
  // split always gives at least one word (the empty one for an empty string)
  const [file, ...args] = command.trim().split(/\s+/) as [string, ...Array<string>]
  return { file, args }
}

/**
 * Runs a credential command and reads the profile it prints. Its stdout is kept only in memory, bounded; stderr
 * is discarded (bounded too).
 *
 * @category constructors
 */
export const runProfileCommand = (
  command: string,
  options: CommandOptions = {},
): Effect.Effect<ProfileDocument, ProfileCommandFailed> => {
  const timeoutMs = options.timeoutMs ?? 10_000
  const maxBytes = options.maxBytes ?? 64 * 1024
  return Effect.callback<string, ProfileCommandFailed>((resume) => {
    const { file, args } = commandLine(command)
    const child = spawn(file, [...args], {
      stdio: ["ignore", "pipe", "pipe"],
      env: options.env ?? process.env,
      windowsHide: true,
    })
    const chunks: Array<Buffer> = []
    let size = 0
    let failed: ProfileCommandFailed | undefined
    const stop = (error: ProfileCommandFailed) => {
      failed ??= error
      child.kill("SIGKILL")
    }
    const timer = setTimeout(
      () => stop(new ProfileCommandFailed({ reason: "Timeout", limit: timeoutMs })),
      timeoutMs,
    )
    child.stdout.on("data", (chunk: Buffer) => {
      size += chunk.length
      if (size > maxBytes) stop(new ProfileCommandFailed({ reason: "TooLarge", limit: maxBytes }))
      else chunks.push(chunk)
    })
    let errSize = 0
    child.stderr.on("data", (chunk: Buffer) => {
      errSize += chunk.length
      if (errSize > maxBytes) stop(new ProfileCommandFailed({ reason: "TooLarge", limit: maxBytes }))
    })
    child.on("error", () => {
      clearTimeout(timer)
      resume(Effect.fail(failed ?? new ProfileCommandFailed({ reason: "CouldNotStart" })))
    })
    child.on("close", (code) => {
      clearTimeout(timer)
      if (failed !== undefined) return resume(Effect.fail(failed))
      if (code !== 0)
        return resume(Effect.fail(new ProfileCommandFailed({ reason: "NonZeroExit", exitCode: code ?? -1 })))
      resume(Effect.succeed(Buffer.concat(chunks).toString("utf8")))
    })
    return Effect.sync(() => {
      clearTimeout(timer)
      child.kill("SIGKILL")
    })
  }).pipe(
    Effect.flatMap((text) =>
      Effect.try({
        try: () => parseProfile(text),
        catch: () => new ProfileCommandFailed({ reason: "NotAProfile" }),
      }),
    ),
  )
}

const extraString = (doc: ProfileDocument, key: string): string | undefined => {
  const value = Redacted.value(doc.extra)[key]
  return typeof value === "string" && value !== "" ? value : undefined
}

const signInOf = (doc: ProfileDocument): SignInSource | undefined => {
  const credentials = credentialsOf(doc.fields) as Credentials.Input | undefined
  if (credentials === undefined) return undefined
  const mfaOtpCode = extraString(doc, "mfaOTPCode")
  return mfaOtpCode === undefined ? { credentials } : { credentials, mfaOtpCode }
}

/**
 * What signs profile `name` in (see the module doc). `read` reads a profile by name; `profileCommand` (the
 * `--profile-command` flag) wins over everything in the profile. The command's output is used for its
 * credentials only (it is not followed further).
 *
 * @category constructors
 */
export const resolveProfileSource = <E>(options: {
  readonly name: string
  readonly read: (name: string) => Effect.Effect<ProfileDocument, E>
  readonly profileCommand?: string | undefined
  readonly command?: CommandOptions | undefined
}): Effect.Effect<ProfileSource, E | ProfileCommandFailed | SourceProfileInvalid> =>
  Effect.gen(function* () {
    const { name, read } = options
    const fromCommand = (command: string) =>
      Effect.map(runProfileCommand(command, options.command), (doc): ProfileSource => {
        const source = signInOf(doc)
        return source === undefined ? { _tag: "None" } : { _tag: "SignIn", ...source }
      })
    if (options.profileCommand !== undefined) return yield* fromCommand(options.profileCommand)
    const doc = yield* read(name)
    const command = extraString(doc, "profileCommand")
    if (command !== undefined) return yield* fromCommand(command)
    const sourceProfile = extraString(doc, "sourceProfile")
    if (sourceProfile !== undefined) {
      const target: ProfileFields = doc.fields
      if (target.operatorId === undefined || target.username === undefined)
        return yield* new SourceProfileInvalid({ profile: name, sourceProfile, reason: "NoTarget" })
      const source = yield* read(sourceProfile)
      if (extraString(source, "sourceProfile") !== undefined)
        return yield* new SourceProfileInvalid({ profile: name, sourceProfile, reason: "Chained" })
      const sourceCommand = extraString(source, "profileCommand")
      const base =
        sourceCommand === undefined
          ? signInOf(source)
          : yield* Effect.map(runProfileCommand(sourceCommand, options.command), signInOf)
      if (base === undefined)
        return yield* new SourceProfileInvalid({ profile: name, sourceProfile, reason: "NoCredentials" })
      return {
        _tag: "SwitchUser",
        base,
        sourceProfile,
        operatorId: target.operatorId,
        userName: target.username,
      }
    }
    const own = signInOf(doc)
    return own === undefined ? { _tag: "None" } : { _tag: "SignIn", ...own }
  })
