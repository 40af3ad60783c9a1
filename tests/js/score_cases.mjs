// Scores a batch of cases with the browser's scoring.js, for tests/test_parity.py.
// stdin: {"datas": [data, ...], "cases": [{"data": index, "answers": {...}, "role": id}, ...]}
// stdout: [result object, or {"error": message}, ...] in case order.
import { readFileSync } from "node:fs";
import { score } from "../../generator/assets/assessment/scoring.js";

const { datas, cases } = JSON.parse(readFileSync(0, "utf8"));
const out = cases.map(({ data, answers, role }) => {
  try {
    return score(datas[data], answers, role);
  } catch (error) {
    return { error: String(error.message || error) };
  }
});
process.stdout.write(JSON.stringify(out));
