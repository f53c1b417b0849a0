/**
 * What the caller (the `soracom-auth` dispatcher) tells the interactive app when it opens it.
 *
 * The contract between `src/main.tsx` and `src/ui`: build an {@link AppOptions}, `await runApp(options)`, exit with
 * the number it resolves to.
 */

/**
 * Where to send requests.
 * - `coverage`: SORACOM's production API for that coverage (`jp` → api.soracom.io, `g` → g.api.soracom.io), or
 *   SORACOM's hosted sandbox of it with `sandbox: true`. (Assignable from core's `Endpoint`.)
 * - `url`: any base URL, in the form of `SORACOM_ENDPOINT` — WITHOUT `/v1` (a trailing `/v1` is tolerated).
 *
 * @category models
 */
export type AppEndpoint =
  | { readonly _tag: "Coverage"; readonly coverage: "jp" | "g"; readonly sandbox?: boolean }
  | { readonly _tag: "Url"; readonly url: string }

/** @category models */
export interface AppDemo {
  /** The embedded sandbox's base URL (`http://127.0.0.1:PORT`, with or without `/v1`). */
  readonly url: string
  /** Shown on the home screen as is, e.g. "AuthKey ID keyId-demo · AuthKey secret-demo · root demo@example.com / …". */
  readonly credentialsText: string
}

/** @category models */
export interface AppOptions {
  /** The profile to preselect (from `--profile` or `SORACOM_PROFILE`). */
  readonly profileName?: string
  /** The endpoint from `--endpoint` / `SORACOM_ENDPOINT` / `--coverage`; the app's default is coverage `jp`. */
  readonly endpoint?: AppEndpoint
  /** Set by `soracom-auth demo`: the app points at this sandbox and shows a "sandbox" badge. */
  readonly demo?: AppDemo
  /** `signIn` opens the sign-in flow directly (`soracom-auth login` without credentials on a TTY). */
  readonly initialScreen?: "home" | "signIn"
  readonly lang?: "en" | "ja"
  /** For tests: streams to use instead of `process.stdin` / `process.stdout` / `process.stderr`. */
  readonly io?: {
    readonly stdin?: NodeJS.ReadStream
    readonly stdout?: NodeJS.WriteStream
    readonly stderr?: NodeJS.WriteStream
  }
}

/** Exit codes `runApp` resolves to. @category constants */
export const ExitCode = {
  ok: 0,
  usage: 2,
  cancelled: 130,
} as const
