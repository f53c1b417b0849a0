/**
 * How the app talks to SORACOM: precedence rules (`resolve`), layers (`layers`) and the sign-in/out steps
 * around the session cache (`session`). The CLI commands and the Ink UI both use these; the UI provides
 * `appLayer(...)` once through its runtime provider.
 */
export * from "./layers.ts"
export * from "./resolve.ts"
export * from "./session.ts"
export { version } from "./version.ts"
