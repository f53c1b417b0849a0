/**
 * The demo credentials box: the embedded sandbox's seed credentials, each saying whose it is, and the MFA user's
 * current TOTP code. In full on Home; compact on the sign-in screens (only the credentials of the method at hand,
 * no title), so the values to type stay in view while typing them. A screen too tall for the terminal is drawn
 * compact, and the box with it: Home keeps the title and the MFA code, the sign-in the method's first credential.
 */
import { Box, Text } from "ink"
import { useEffect, useState } from "react"
import { messages } from "../../presentation/messages.ts"
import { useRuntime } from "../effects/runtime-context.tsx"
import type { Method } from "../model.ts"
import type { AppDemo } from "../options.ts"
import { theme } from "../theme/theme.ts"
import { useGap, useLayout } from "./viewport.tsx"

/** A TOTP code lives for one 30-second step (RFC 6238's default, the sandbox's). */
export const totpPeriodMs = 30_000

/**
 * The box's lines: each credential with whose it is (AuthKeys on two lines, so a 75-character secret fits an
 * 80-column terminal unbroken), then the MFA users' current codes. `method` keeps only that method's credentials;
 * `short` (the screen did not fit the terminal) keeps the first of them — on Home, none: the title, the codes and
 * where the credentials are shown instead.
 *
 * @category getters
 */
export const demoLines = (
  demo: AppDemo,
  now: number,
  options: { readonly method?: Method | undefined; readonly short?: boolean } = {},
): ReadonlyArray<string> => {
  const t = messages.ui.demo
  const { method, short = false } = options
  const ofMethod = demo.credentials.filter((c) => method === undefined || c.kind === method)
  const shown = short ? (method === undefined ? [] : ofMethod.slice(0, 1)) : ofMethod
  const lines = shown.flatMap(
    (c): ReadonlyArray<string> =>
      c.kind === "root"
        ? [t.root(c.operatorId, c.email, c.password)]
        : c.kind === "samUser"
          ? [t.samUser(c.operatorId, c.userName, c.password)]
          : [
              c.userName === undefined
                ? t.rootAuthKey(c.authKeyId)
                : t.samUserAuthKey(c.userName, c.authKeyId),
              c.authKey,
            ],
  )
  const withCodes = short && method === undefined ? ofMethod : shown
  const codes =
    demo.mfaCode === undefined
      ? []
      : withCodes.flatMap((c) =>
          c.kind !== "authKey" && c.mfaSecret !== undefined
            ? [t.mfaCode(c.kind === "root" ? c.email : c.userName, demo.mfaCode!(c.mfaSecret, now))]
            : [],
        )
  return [...lines, ...codes, ...(short && method === undefined ? [t.onSignIn] : [])]
}

/** The runtime's clock, read again at each TOTP step's start (not every second: no redraw in between). */
const useTotpStep = (active: boolean): number => {
  const runtime = useRuntime()
  const [now, setNow] = useState(runtime.now)
  useEffect(() => {
    if (!active) return
    let timer: ReturnType<typeof setTimeout>
    const schedule = () => {
      const current = runtime.now()
      setNow(current)
      timer = setTimeout(schedule, totpPeriodMs - (current % totpPeriodMs) + 5)
    }
    schedule()
    return () => clearTimeout(timer)
  }, [active, runtime])
  return now
}

/** @category components */
export const DemoBox = ({
  demo,
  method,
}: {
  readonly demo: AppDemo
  /** Compact: only this method's credentials, no title. */
  readonly method?: Method | undefined
}) => {
  const hasCodes =
    demo.mfaCode !== undefined && demo.credentials.some((c) => c.kind !== "authKey" && c.mfaSecret)
  const now = useTotpStep(hasCodes)
  const gap = useGap()
  const { compact } = useLayout()
  const lines = demoLines(demo, now, { method, short: compact })
  if (method !== undefined && lines.length === 0) return null
  return (
    <Box
      flexDirection="column"
      borderStyle="round"
      borderColor={theme.color.badge}
      paddingX={1}
      marginBottom={gap}
    >
      {method === undefined ? <Text>{messages.ui.demo.title(demo.url)}</Text> : null}
      {lines.map((line) => (
        <Text key={line}>{line}</Text>
      ))}
    </Box>
  )
}
