// Runs a batch of answer sets through the browser's modules, loaded as the browser loads
// them (ES modules), for tests/assessment/test_parity.py.
// stdin: {"datas": [data, ...], "cases": [{"data": index, "doc": {...}, "role": id}, ...]}
// stdout: [{questions, result, model, radar, markdown, kept} or {"error": message}, ...] in order.
import { readFileSync } from "node:fs";
import { questionsFor, score } from "../../generator/assets/assessment/scoring.js";
import { markdownReport, radarModel, reportModel, translator } from "../../generator/assets/assessment/report.js";
import { readDoc } from "../../generator/assets/assessment/state.js";

const { datas, cases } = JSON.parse(readFileSync(0, "utf8"));
const out = cases.map(({ data: index, doc, role }) => {
  const data = datas[index];
  try {
    const checks = new Map(data.skills.flatMap((s) => s.checks.map((c) => [c.id, c])));
    const questions = questionsFor(data, doc.mode, doc).map((q) => ({ ...q, order: q.check ? checks.get(q.check).order : null }));
    const result = score(data, doc, role);
    const shown = { ...doc, role };
    // What the browser keeps of the same answers read as an imported result file.
    const read = readDoc(data, { format: "mlpm-assessment-result", format_version: 1, ...doc },
      translator(data.strings), "x.json").doc;
    return { questions, result, model: reportModel(data, shown, result), radar: radarModel(data, result),
      markdown: markdownReport(data, shown, result), kept: { ratings: read.ratings, answers: read.answers, read: read.read || [] } };
  } catch (error) {
    return { error: String(error.message || error) };
  }
});
process.stdout.write(JSON.stringify(out));
