#!/usr/bin/env node
// Runs the TypeScript sources through tsx (Node strips types from .ts only, not .tsx).
import { register } from "tsx/esm/api"

register()
await import("../src/main.tsx")
