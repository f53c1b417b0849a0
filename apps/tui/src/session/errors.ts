/**
 * The session service's own failure: no usable session and no credentials to get one.
 */
import { Schema } from "effect"

/**
 * No usable session for a profile: none cached, it expired (`expiredAt`), or the server no longer accepts it
 * (`revoked`).
 *
 * @category errors
 */
export class NotSignedIn extends Schema.TaggedError<NotSignedIn>()("NotSignedIn", {
  profile: Schema.String,
  expiredAt: Schema.optionalKey(Schema.Number),
  revoked: Schema.optionalKey(Schema.Boolean),
}) {}
