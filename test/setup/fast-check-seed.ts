// Property tests explore new cases on developers' machines and replay one fixed set in CI (or FC_SEED's).
import fc from "fast-check";

const fixedSeed = process.env.FC_SEED ?? (process.env.CI ? "20261203" : undefined);
if (fixedSeed !== undefined) fc.configureGlobal({ seed: Number(fixedSeed) });
