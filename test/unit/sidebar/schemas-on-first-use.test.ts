// The sidebar's schemas cost nothing at load: each is built when first asked for, once.
import { describe, expect, it } from "vitest";
import { buildOnce } from "../../../src/domain/build-once";
import { kpiDefinitionForm } from "../../../src/domain/forms/kpi-definition-form";
import {
  accountRequest,
  metricRequest,
  reviewRequest,
  valuesRequest,
} from "../../../src/domain/forms/load-requests";
import { reviewOutcomesForm } from "../../../src/domain/forms/review-outcomes-form";
import { valuesForm } from "../../../src/domain/forms/values-form";

describe("built on first use", () => {
  it("buildOnce builds nothing until asked, then once, and hands back the same value", () => {
    let builds = 0;
    const table = buildOnce(() => {
      builds += 1;
      return new Map([["below", "<"]]);
    });
    expect(builds).toBe(0);
    const first = table();
    expect(table()).toBe(first);
    expect(builds).toBe(1);
  });

  it("every sidebar schema is one object however often it is asked for", () => {
    for (const schema of [
      kpiDefinitionForm,
      valuesForm,
      reviewOutcomesForm,
      accountRequest,
      valuesRequest,
      reviewRequest,
      metricRequest,
    ])
      expect(schema()).toBe(schema());
  });
});
