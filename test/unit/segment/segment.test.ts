// Tests for reading an account's segment (Federal or Commercial) from a cell.
import { describe, expect, it } from "vitest";
import { parseSegment, readSegment, SEGMENTS } from "../../../src/domain/segment";

describe("readSegment", () => {
  it("reads Federal and Commercial in any case, with spaces around", () => {
    expect(readSegment("Federal")).toEqual({ value: "Federal" });
    expect(readSegment("federal")).toEqual({ value: "Federal" });
    expect(readSegment("  COMMERCIAL ")).toEqual({ value: "Commercial" });
    expect(readSegment("Commercial")).toEqual({ value: "Commercial" });
  });

  it("leaves a blank cell to the caller's default", () => {
    for (const blank of ["", "   ", null, undefined]) expect(readSegment(blank)).toBeNull();
  });

  it("reports anything else as unknown, never guessing the nearest segment", () => {
    for (const value of ["Comercial", "Fed", "Federal government", "SaaS", "All", 1, true, new Date(0)])
      expect(readSegment(value), String(value)).toEqual({ expected: "Federal or Commercial" });
  });
});

describe("parseSegment", () => {
  it("names each segment by its own word only", () => {
    expect(SEGMENTS.map((segment) => parseSegment(segment.toUpperCase()))).toEqual(["Federal", "Commercial"]);
    expect(parseSegment("government")).toBeUndefined();
  });
});
