/**
 * The language this process speaks, chosen once at start (`--lang`, else the environment, by
 * `Environment.language`) and read by the catalog and the formatters, so no screen passes it around.
 */
import type { Language } from "../environment.ts"

let chosen: Language = "en"

/** @category getters */
export const current = (): Language => chosen

/** Called by `Messages.chooseLanguage` only (it switches the catalog too). @category mutations */
export const set = (language: Language): void => {
  chosen = language
}
