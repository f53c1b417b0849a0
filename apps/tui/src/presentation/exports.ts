/**
 * A session as something a shell or an HTTP client can use: shell exports (`sh`, `fish`, `pwsh`), the two
 * headers SORACOM wants on every call, or JSON. Used by `soracom-auth env`, `token --format` and the app's
 * "Quit and print shell exports".
 */
import { AuthResponse } from "@soracom-auth/core"
import { DateTime, Redacted } from "effect"

/** @category models */
export type Shell = "sh" | "fish" | "pwsh"

/** @category constants */
export const shells: ReadonlyArray<Shell> = ["sh", "fish", "pwsh"]

const sh = (value: string) => (/^[\w.\-+/=:@]+$/.test(value) ? value : `'${value.replaceAll("'", `'\\''`)}'`)
const fish = (value: string) => `'${value.replaceAll("\\", "\\\\").replaceAll("'", "\\'")}'`
const pwsh = (value: string) => `'${value.replaceAll("'", "''")}'`

/**
 * `SORACOM_API_KEY` and `SORACOM_TOKEN` as one line for `eval` in the shell.
 *
 * @category formatting
 */
export const shellExports = (session: AuthResponse.AuthResponse, shell: Shell = "sh"): string => {
  const key = Redacted.value(session.apiKey)
  const token = Redacted.value(session.token)
  switch (shell) {
    case "sh":
      return `export SORACOM_API_KEY=${sh(key)} SORACOM_TOKEN=${sh(token)}`
    case "fish":
      return `set -gx SORACOM_API_KEY ${fish(key)}; set -gx SORACOM_TOKEN ${fish(token)}`
    case "pwsh":
      return `$env:SORACOM_API_KEY = ${pwsh(key)}; $env:SORACOM_TOKEN = ${pwsh(token)}`
  }
}

/** The two headers, one per line (for `curl -H @file`). @category formatting */
export const headerLines = (session: AuthResponse.AuthResponse): string =>
  Object.entries(AuthResponse.headers(session))
    .map(([name, value]) => `${name}: ${value}`)
    .join("\n")

/** `{apiKey, token, operatorId, userName?, expiresAt}` (secrets in clear: asked for). @category formatting */
export const sessionJson = (session: AuthResponse.AuthResponse) => ({
  apiKey: Redacted.value(session.apiKey),
  token: Redacted.value(session.token),
  operatorId: session.operatorId,
  ...(session.userName === undefined ? {} : { userName: session.userName }),
  expiresAt: DateTime.formatIso(session.expiresAt),
})
