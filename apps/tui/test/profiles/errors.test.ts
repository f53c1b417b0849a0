/**
 * What the profile errors tell the user, sentence for sentence: soracom-cli's "too open" text for a file, the
 * folder's own sentence and its chmod, the mode in octal, and the two-line form of a file error with its fix.
 */
import { describe, expect, it } from "vitest"
import {
  InvalidProfileName,
  ProfileFileError,
  ProfileNotFound,
  ProfilePermissionsTooOpen,
} from "../../src/profiles/index.ts"

describe("profile errors' messages", () => {
  it("a too-open file: soracom-cli's two sentences, then chmod 600", () => {
    expect(new ProfilePermissionsTooOpen({ path: "/h/.soracom/p.json", mode: 0o640 }).message).toBe(
      "Permissions for the file '/h/.soracom/p.json' which contains your credentials are too open.\n" +
        "It is required that your credential files are NOT accessible by others.\n" +
        "Fix it with: chmod 600 '/h/.soracom/p.json'",
    )
    expect(new ProfilePermissionsTooOpen({ path: "/p", mode: 0o604, directory: false }).message).toContain(
      "chmod 600 '/p'",
    )
  })

  it("a folder others may write: its mode in octal, then chmod 700", () => {
    expect(new ProfilePermissionsTooOpen({ path: "/h/.soracom", mode: 0o775, directory: true }).message).toBe(
      "The folder '/h/.soracom' which holds your credentials may be written by others (mode 775).\n" +
        "Fix it with: chmod 700 '/h/.soracom'",
    )
  })

  it("a missing profile names it and how to save one", () => {
    expect(new ProfileNotFound({ name: "work", path: "/h/.soracom/work.json" }).message).toBe(
      'There is no profile "work" (/h/.soracom/work.json). Save one with `soracom-auth login --save work`.',
    )
  })

  it("a file error: what could not be done to which file and why; the fix on its own line when there is one", () => {
    expect(new ProfileFileError({ path: "/p.json", operation: "write", reason: "disk full" }).message).toBe(
      "Could not write /p.json: disk full",
    )
    expect(
      new ProfileFileError({ path: "/d", operation: "list", reason: "not a directory", fix: "Remove it." })
        .message,
    ).toBe("Could not list /d: not a directory\nRemove it.")
  })

  it("an invalid name quotes it and states the rule", () => {
    expect(new InvalidProfileName({ name: "a b" }).message).toBe(
      '"a b" is not a valid profile name: use letters, digits, ".", "_" and "-" (at most 64).',
    )
  })
})
