/**
 * What the caller (the `soracom-auth` dispatcher) tells the interactive app when it opens it.
 *
 * The contract between the commands and `src/ui`: build an {@link AppOptions}, `await runApp(options)`, exit
 * with the number it resolves to.
 */
import type { Endpoint } from "@soracom-auth/core"
import type { SandboxCredential } from "@soracom-auth/sandbox"
import type { Redacted } from "effect"
import type { Language } from "../environment.ts"

/** @category models */
export interface AppDemo {
  /** The embedded sandbox's base URL (`http://127.0.0.1:PORT`, with or without `/v1`). */
  readonly url: string
  /** The sandbox's seed credentials (secrets in clear: they are the demo's), shown with whose each one is. */
  readonly credentials: ReadonlyArray<SandboxCredential>
  /** The current TOTP code for an MFA user's secret at a time (epoch ms): the box shows it, period by period. */
  readonly mfaCode?: ((secret: string, now: number) => string) | undefined
  /** The temporary profile folder of the demo (removed when it ends). */
  readonly profileDir?: string | undefined
}

/** @category models */
export interface AppOptions {
  /** The profile sessions are cached under (from `--profile` or `SORACOM_PROFILE`); default `default`. */
  readonly profileName?: string
  /** The endpoint from `--endpoint` / `SORACOM_ENDPOINT` / `--coverage`; the app's default is coverage `jp`. */
  readonly endpoint?: Endpoint.Endpoint
  /** The profile folder (default `SORACOM_PROFILE_DIR`, else `~/.soracom`). */
  readonly profileDir?: string
  /** `SORACOM_AUTH_KEY_ID` (and `SORACOM_AUTH_KEY`): the sign-in preselects AuthKey and fills them in. */
  readonly authKey?: { readonly authKeyId: string; readonly authKey?: Redacted.Redacted<string> | undefined }
  /** Set by `soracom-auth demo`: the app points at this sandbox and shows a "sandbox" badge. */
  readonly demo?: AppDemo
  /** `signIn` opens the sign-in flow directly (`soracom-auth login` without credentials on a TTY). */
  readonly initialScreen?: "home" | "signIn"
  readonly lang?: Language
  /** For tests: streams to use instead of the terminal. */
  readonly io?: {
    readonly stdin?: NodeJS.ReadStream
    readonly stdout?: NodeJS.WriteStream
    readonly stderr?: NodeJS.WriteStream
  }
}
