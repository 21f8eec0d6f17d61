// Section 5: seed 000's agenda skeleton for the review this quarter holds, each item with where this tab covers it.
import { normalizeHeader } from "../workbook-schema";
import type { ReviewContext } from "./review-context";
import type { RowCollector } from "./review-document";
import { label, status, text } from "./review-document";

/** Where in the review tab an agenda item is prepared, by the words it uses. */
const POINTERS: readonly { words: RegExp; where: string }[] = [
  {
    words: /cpars|past performance/i,
    where: "Section 1 (contract-facing metrics and the CPARS summary) and section 4",
  },
  { words: /contract/i, where: "Section 1: contract-facing metrics vs target" },
  { words: /health|baseline/i, where: "Section 2: health score, components and why it moved" },
  { words: /issues|escalat/i, where: "Section 3: escalations opened, resolved and still open" },
  {
    words: /poa&m|conmon/i,
    where: "Sections 1–2: POA&M closure rate, control deviations, past-due POA&M items",
  },
  { words: /expansion/i, where: "Section 6: expansion-readiness checklist" },
  { words: /renewal|option year|user count/i, where: "Sections 2 and 6: NRR, adoption and the checklist" },
  { words: /go-live/i, where: "Account and review: go-live date" },
];

function pointerFor(item: string): string {
  return POINTERS.find((p) => p.words.test(item))?.where ?? "Discuss; record the outcome in Review Outcomes";
}

/** Agenda item text without numbering such as `(1)` or `1.`, for matching recorded outcomes. */
function agendaKey(item: string): string {
  return normalizeHeader(item.replace(/^\s*\(?\d+[).]?\s*/, "").replace(/[.:]$/, ""));
}

/** The agenda section. */
export function addAgendaSection(rows: RowCollector, context: ReviewContext): void {
  const section = "agenda";
  const { review } = context;
  const agenda = review.slot?.agenda ?? [];
  rows.heading(section, `5. Agenda — ${review.type}`);
  if (agenda.length === 0) {
    const calendar =
      context.segment === "Federal"
        ? "The review calendar sets agendas for the Month 1/3/6/9/12 reviews after go-live."
        : "The review calendar sets agendas for the onboarding check-ins, business reviews and the renewal review.";
    rows.message(`${section}|none`, `No agenda skeleton: ${review.basis}. ${calendar}`);
    return;
  }
  rows.columns(section, ["Agenda item", "", "", "", "", "", "Outcome", "Prepared in this tab"]);
  const recorded = new Set(context.outcomes.map((o) => agendaKey(o.agendaItem)));
  agenda.forEach((item, index) => {
    const done = recorded.has(agendaKey(item));
    rows.add(`${section}|${item}`, "body", [
      label(`${index + 1}. ${item}`),
      null,
      null,
      null,
      null,
      null,
      done ? status("Recorded", "OK") : status("To record"),
      text(pointerFor(item)),
    ]);
  });
}
