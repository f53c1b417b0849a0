/**
 * soracom-cli-compatible profiles and the per-profile session cache.
 *
 * - {@link ProfileStore}: list / read / write / remove `<dir>/<name>.json` (0600, atomic, unknown keys kept,
 *   too-open files refused with soracom-cli's message).
 * - {@link SessionCache}: `<dir>/<name>.session` — API key, token, operator, expiry of the last sign-in.
 * - `ProfileFile`: the format itself (`parseProfile`, `serializeProfile`, `credentialsOf`, `fieldsWithCredentials`).
 * - `layer(dir?)`: both services for one directory (default `SORACOM_PROFILE_DIR` or `~/.soracom`).
 */
import { Layer } from "effect"
import { ProfileStore } from "./ProfileStore.ts"
import { SessionCache } from "./SessionCache.ts"

export * from "./errors.ts"
export * from "./ProfileFile.ts"
export { ProfileStore, type ProfileStoreShape, type ReadError } from "./ProfileStore.ts"
export {
  type CachedSession,
  isExpired,
  isUsable,
  refreshAt,
  SessionCache,
  type SessionCacheShape,
} from "./SessionCache.ts"

/** Both services over one directory. @category layers */
export const layer = (dir: string = ProfileStore.defaultDir()): Layer.Layer<ProfileStore | SessionCache> =>
  Layer.mergeAll(ProfileStore.layer({ dir }), SessionCache.layer({ dir }))
