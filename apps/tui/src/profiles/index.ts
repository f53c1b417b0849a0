/**
 * soracom-cli-compatible profiles.
 *
 * - {@link ProfileStore}: list / read / write / remove `<dir>/<name>.json` (0600, atomic, unknown keys kept,
 *   too-open files refused with soracom-cli's message).
 * - `ProfileFile`: the format itself (`parseProfile`, `serializeProfile`, `credentialsOf`, `fieldsWithCredentials`).
 *
 * The session cache beside them is the session service's (`src/session/SessionCache.ts`).
 */
export * from "./errors.ts"
export * from "./ProfileFile.ts"
export { ProfileStore, type ProfileStoreShape, type ReadError } from "./ProfileStore.ts"
