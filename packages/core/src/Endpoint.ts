/**
 * Where the SORACOM API lives.
 */

/** @category models */
export type Coverage = "jp" | "g"

/** @category constants */
export const baseUrls: Record<Coverage, string> = {
  jp: "https://api.soracom.io/v1",
  g: "https://g.api.soracom.io/v1",
}
