// A small federal workbook with known breaches, shared by the scan's bundle tests.
import type { GasEnvironment, GasEnvironmentOptions } from "../../emulation/index";
import type { BundleContext } from "../../emulation/load-bundle";
import { loadBundle } from "../../emulation/load-bundle";
import type { AccountSpec, WorkbookSpec } from "./workbook-fixture";
import { buildWorkbook, scanEnvironment } from "./workbook-fixture";

/** Owner of the first account. */
export const OWNER = "pm.owner@agency.gov";

/**
 * An account with four breaches of the federal rules in May 2026 (today is 2026-06-15):
 * uptime (Critical, misses target, E9→E11 rows below), MTTR typed as "6 hrs" (Warning), MAU 30%
 * since April (Watch) and two months of missed touchpoints (Warning); Deliverable adherence has no
 * May value (missing data).
 */
export function examplesAccount(overrides: Partial<AccountSpec> = {}): AccountSpec {
  return {
    tab: "Dept of Examples",
    owner: OWNER,
    goLive: "2025-12-01",
    periods: ["2026-03", "2026-04", "2026-05"],
    metrics: [
      { metric: "System uptime", category: "Contract-facing", values: [0.999, 0.998, 0.99] },
      { metric: "Mean time to remediate (MTTR) - P1", category: "Contract-facing", values: [3, "", "6 hrs"] },
      { metric: "Monthly active users (MAU)", category: "Internal", values: [0.5, 0.35, 0.3] },
      { metric: "Deliverable schedule adherence", category: "Contract-facing", values: [1, 1, ""] },
      { metric: "Sponsor engagement", category: "Internal", values: [1, 0.5, 0.5] },
    ],
    ...overrides,
  };
}

/** An account with nothing wrong in May 2026. */
export function healthyAccount(overrides: Partial<AccountSpec> = {}): AccountSpec {
  return {
    tab: "Healthy Agency",
    owner: "cs.lead@agency.gov",
    goLive: "2025-10-01",
    periods: ["2026-03", "2026-04", "2026-05"],
    metrics: [
      { metric: "System uptime", category: "Contract-facing", values: [0.999, 0.998, 0.999] },
      { metric: "Monthly active users (MAU)", category: "Internal", values: [0.7, 0.72, 0.75] },
    ],
    ...overrides,
  };
}

/** An environment with the workbook built and the bundle loaded. */
export function loadScenario(
  spec: Partial<WorkbookSpec> = {},
  options: GasEnvironmentOptions = {},
): { env: GasEnvironment; gas: BundleContext } {
  const env = scanEnvironment(options);
  buildWorkbook(env, { accounts: [examplesAccount()], ...spec });
  const gas = loadBundle(env);
  env.counter.reset();
  return { env, gas };
}

/** A bundle value as plain test-realm JSON (bundle objects have another realm's prototypes). */
export function plain<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}
