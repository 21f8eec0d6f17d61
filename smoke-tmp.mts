import { createGasEnvironment } from "./emulation/index";
import { loadBundle } from "./test/support/load-bundle";
import { buildSampleWorkbook, TODAY } from "./test/browser/sample-workbook";
const env = createGasEnvironment({ timeZone: "America/New_York", now: TODAY, activeUserEmail: "cs.lead@northai.example" });
buildSampleWorkbook(env);
const g = loadBundle(env);
const j = (x: unknown) => JSON.stringify(x);
console.log(j(g.sidebarState()));
console.log(j(g.loadKpiDefinition("System uptime")));
console.log(j(g.loadValuesForm({ account: "Acme", periodIso: "2026-03-01" })));
console.log(j(g.loadReviewForm({ account: "Acme", reviewDateIso: "2026-04-10" })));
console.log(j(g.listEscalations({ account: "Acme" })));
console.log(j(g.saveValues({ account: "Acme", periodIso: "2026-03-01", values: [
  { metric: "System uptime", before: "", value: "99.7%" },
  { metric: "Help desk response (hours)", before: "", value: "=IMPORTRANGE(\"x\",\"A1\")" },
  { metric: "Product usage", before: "", value: "72" } ] })));
const acme = env.spreadsheet.getSheetByName("Acme")!;
console.log(j(acme.getRange(8, 1, 3, 7).getValues()), j(acme.getRange(8, 1, 3, 7).getNumberFormats()), acme.getRange(10,6).getFormula());
console.log(j(g.loadValuesForm({ account: "Acme", periodIso: "2026-02-01" }).rows.map((r: {value: string; formula: boolean}) => [r.value, r.formula])));
console.log(j(g.saveReviewOutcomes({ account: "Acme", reviewDateIso: "2026-04-10", reviewType: "Mid-year review + ISSO security check", attendees: "+1", items: [
  { agendaItem: "Contract metrics YTD", outcome: "=IMPORTRANGE(\"x\",\"A1\")", decision: "+1", actionOwner: "ana", actionDueIso: "2026-05-01", cparsArea: "Quality" },
  { agendaItem: "Expansion signals", outcome: "", decision: "", actionOwner: "", actionDueIso: "", cparsArea: "" } ] })));
console.log(j(env.spreadsheet.getSheetByName("Review Outcomes")!.getDataRange().getValues()));
console.log(j(g.updateEscalation({ account: "Acme", id: "ESC-1", expectedStatus: "Open", action: "snooze", snoozeUntilIso: "2026-05-01", note: "=1+1" })));
console.log(j(env.spreadsheet.getSheetByName("Escalation Log")!.getRange(2, 12, 1, 4).getValues()));
const form = g.loadKpiDefinition("System uptime").form;
form.rules = [form.rules[0], { severity: "Watch", condition: "drops by more than 0.5%", fromMonth: "Month 3+", action: "Look", respondWithin: "2 weeks" }, { severity: "Watch", condition: "below 99.8%", fromMonth: "", action: "Look", respondWithin: "" }];
form.target = "at least 99.6%";
console.log(j(g.saveKpiDefinition(JSON.parse(JSON.stringify(form))).message));
console.log(j(env.spreadsheet.getSheetByName("Escalation Rules")!.getDataRange().getValues()));
console.log(j(g.saveKpiDefinition({ ...form, originalMetric: "", version: "", metric: "New KPI", rules: [] })));
console.log(j(g.saveKpiDefinition(JSON.parse(JSON.stringify(form)))));
console.log(j(env.spreadsheet.getSheetByName("Audit Log")!.getDataRange().getValues().slice(0, 4)));
