// The result, as people read it: one report model built from the scored result, and the
// Markdown report and radar chart made from it. The one definition of what a result says:
// the result page (view.js) and the browser's Markdown download use it, and the terminal's
// `report` runs this same file in an embedded engine (generator/assessment/engine.py).
// Pure functions, no DOM: rich text stays as the generator's escaped *_html; ``text()``
// turns it into plain text where a format needs that.

import { expectationOf, knowledgeMax, scale, validChoice, validSure } from "./scoring.js";

const ENTITIES = { amp: "&", lt: "<", gt: ">", quot: '"', "#39": "'", "#x27": "'" };

/** Generator HTML (escaped by markdown-it) → plain text on one line. */
export function text(html) {
  return String(html).replace(/<[^>]*>/g, "")
    .replace(/&(amp|lt|gt|quot|#39|#x27);/g, (m, name) => ENTITIES[name])
    .replace(/\s+/g, " ").trim();
}

/** The CLDR plural category of ``n``: the twin of Python's ``plural_category``
 * (generator/strings.py, the same table), held equal by tests/assessment/test_plurals.py. */
const PLURAL_RULES = {
  none: ["zh", "ja", "ko", "vi", "th", "id", "ms"],
  "east-slavic": ["ru", "uk", "be"],
  polish: ["pl"],
  czech: ["cs", "sk"],
  "zero-one": ["fr", "pt"],
};

export function pluralCategory(language, n) {
  const base = String(language || "en").split("-")[0];
  const found = Object.keys(PLURAL_RULES).find((name) => PLURAL_RULES[name].includes(base)) || "english";
  const rule = language === "pt-PT" ? "english" : found; // European Portuguese counts as English
  const whole = Number.isInteger(n);
  if (rule === "none") return "other";
  if (rule === "zero-one") return n >= 0 && n < 2 ? "one" : "other";
  if (!whole) return rule === "czech" ? "many" : "other";
  const tens = n % 10;
  const teen = n % 100 >= 12 && n % 100 <= 14;
  if (rule === "east-slavic") {
    if (tens === 1 && n % 100 !== 11) return "one";
    return tens >= 2 && tens <= 4 && !teen ? "few" : "many";
  }
  if (rule === "polish") return n === 1 ? "one" : tens >= 2 && tens <= 4 && !teen ? "few" : "many";
  if (rule === "czech") return n === 1 ? "one" : n >= 2 && n <= 4 ? "few" : "other";
  return n === 1 ? "one" : "other";
}

/** Look up an interface string in ``data.strings``: t("gap_line", {...}). A string with
 * plural forms ({one, other, …}) takes the form for ``vars.n``. */
export function translator(strings) {
  return (key, vars = {}) => {
    let node = strings;
    for (const part of key.split(".")) node = node && typeof node === "object" ? node[part] : undefined;
    if (node && typeof node === "object" && typeof node.other === "string") {
      const form = node[pluralCategory(strings.language, Number(vars.n))];
      node = typeof form === "string" ? form : node.other;
    }
    if (typeof node !== "string") return key;
    return node.replace(/\{(\w+)\}/g, (m, name) => (Object.prototype.hasOwnProperty.call(vars, name) ? String(vars[name]) : m));
  };
}

/** A score as shown everywhere: at most two decimals, no trailing zeros. */
/** A result's time as people read it: "2026-12-01 10:38 UTC" (the file keeps ISO 8601). */
export function when(stamp) {
  const m = /^(\d{4}-\d\d-\d\d)T(\d\d:\d\d)(?::\d\d(?:\.\d+)?)?Z$/.exec(stamp || "");
  return m ? `${m[1]} ${m[2]} UTC` : stamp;
}

export function num(data, value) {
  if (value === null || value === undefined) return null;
  const shown = String(Math.round(value * 100) / 100);
  const sep = (data.strings && data.strings.decimal_separator) || ".";
  return sep === "." ? shown : shown.replace(".", sep);
}

const byId = (list) => new Map(list.map((x) => [x.id, x]));

/**
 * A duration as every page shows it: "45 min" under 90 minutes, else hours to the nearest
 * half hour ("2.5 h"). Durations known at build time come formatted in the data; this is
 * for sums that depend on answers. The twin of Python's ``Strings.minutes``, held equal by
 * ``tests/assessment/test_data.py``.
 */
export function duration(data, minutes) {
  const t = translator(data.strings);
  if (minutes < 90) return t("minutes.minutes", { n: minutes });
  const halves = Math.floor((minutes * 2 + 30) / 60);
  const point = (data.strings && data.strings.decimal_separator) || ".";
  return t("minutes.hours", { n: halves % 2 === 0 ? `${halves / 2}` : `${(halves - 1) / 2}${point}5` });
}

/** Everything a result says, in reading order, as plain values and escaped HTML.
 * ``shared``: the result is someone else's, opened from a share link (headings then say
 * "this result", not "your"). */
export function reportModel(data, doc, result, { shared = false } = {}) {
  const t = translator(data.strings);
  const n = (v) => num(data, v);
  const skills = byId(data.skills);
  const resources = byId(data.resources);
  const levels = new Map(data.levels.map((l) => [l.value, l]));
  const role = data.roles.find((r) => r.id === result.role);
  const gapOf = new Map(result.gaps.map((g) => [g.skill, g]));
  const resource = (id) => {
    const r = resources.get(id);
    return { id, title: r.title, url: r.url, why_html: r.why_html,
      meta: [t(`kinds.${r.kind}`), r.duration, t(r.cost), levels.get(r.level).label].join(" · "),
      duration: r.duration };
  };
  const gapLine = (g) => t("gap_line", { current: n(g.current), target: g.target, gap: n(g.gap),
    weight: g.importance, importance: t(`importance.${g.importance}`), priority: n(g.priority) });

  const { lo } = scale(data);
  const top = knowledgeMax(data);
  // One sentence per skill that says where its number comes from (docs/scoring.md).
  // The weight as the fraction it is (n / (n + prior)), so the sentence's sum is exact.
  const prior = data.settings.evidence_prior;
  const weight = (r) => (Number.isInteger(prior) ? `${r.answered}/${r.answered + prior}` : n(r.weight));
  const explain = (r) => t(`explain_${r.status.replace("-", "_")}`, { rating: n(r.rating ?? lo), correct: r.correct,
    answered: r.answered, knowledge: n(r.knowledge), weight: weight(r), score: n(r.score),
    counted: n(r.counted), base: n(Math.min(r.rating ?? lo, top)), top, lo,
    answers: t("answers", { n: r.answered }) });
  // What the gaps cannot speak for (rule 8, decided by scoring.js's ``unsupported``).
  const notAsked = new Set(result.unsupported.not_asked);
  const notShown = (id) => notAsked.has(id);
  const unassessed = result.unsupported.not_asked.length;
  const unchecked = result.unsupported.rating_only.length;
  const expected = data.skills.filter((s) => (expectationOf(role, s.id) || { level: lo }).level > lo).length;
  const coverage = [unassessed ? t("coverage_unassessed", { n: unassessed, total: expected }) : "",
    unchecked ? t("coverage_unchecked", { n: unchecked, total: expected }) : ""].filter(Boolean);
  const rows = data.skills.map((s, index) => {
    const r = result.skills[s.id];
    const expectation = expectationOf(role, s.id);
    const gap = gapOf.get(s.id);
    const notes = [r.status === "unconfirmed" || r.status === "self-rated" ? t(`status_${r.status}`) : "",
      r.flag ? t(`flag_${r.flag}`) : ""].filter(Boolean);
    return { id: s.id, name: s.name, area: s.area, page: s.page, axis: index + 1,
      below: !!gap, expected: !!expectation, flag: r.flag, status: r.status, explain: explain(r),
      cells: [n(r.rating) ?? t("none"), r.answered ? t("checks_of", r) : t("none"),
        n(r.knowledge) ?? t("none"), r.score === null ? t("unassessed") : n(r.counted),
        expectation ? String(expectation.level) : t("levels.not_expected"),
        gap ? n(gap.gap) : notShown(s.id) ? t("unassessed") : "0",
        notes.join(" · ")] };
  });

  const topGaps = result.top_gaps.map((id) => {
    const g = gapOf.get(id);
    return { id, name: skills.get(id).name, page: skills.get(id).page, line: gapLine(g),
      goal: levels.get(g.goal).label, behaviours_html: skills.get(id).levels[String(g.goal)].behaviours_html,
      resources: g.resources.map(resource) };
  });
  const planItem = (item) => (item.kind === "read"
    ? { kind: "read", ...resource(item.id), for: t("plan_for", { skill: skills.get(item.skill).name }) }
    : { kind: "practice", skill: item.skill, name: skills.get(item.skill).name,
      label: t("plan_practice", { skill: skills.get(item.skill).name, level: levels.get(item.level).label }),
      how_html: (skills.get(item.skill).levels[String(item.level)] || {}).how_to_reach_html || "" });
  const cal = result.calibration;

  const name = doc.name ? String(doc.name).replace(/[\u0000-\u001f\u007f-\u009f]+/g, " ").trim() || null : null;
  return {
    // A second opinion is about someone else: its title says whose it is.
    // Whose gaps and plan: the reader's own, a named person's (second opinion), or a
    // shared result's.
    gaps_heading: doc.mode === "opinion" && name ? t("gaps_heading_named", { name })
      : shared || doc.mode === "opinion" ? t("shared_gaps_heading") : t("gaps_heading"),
    plan_heading: doc.mode === "opinion" && name ? t("plan_heading_named", { name })
      : shared || doc.mode === "opinion" ? t("shared_plan_heading") : t("plan_heading"),
    title: doc.mode === "opinion" && name
      ? t("report_title_opinion", { name, framework: data.framework.name })
      : t("report_title", { framework: data.framework.name }),
    name,
    meta: t("report_meta", { role: role.name, mode: t(`mode_name_${doc.mode}`), updated: when(doc.updated) || t("none") }),
    role: { id: role.id, name: role.name },
    areas: data.areas.map((a) => ({ id: a.id, name: a.name,
      line: t("area_score", { area: a.name, score: result.areas[a.id] === null ? t("unassessed") : n(result.areas[a.id]) }) })),
    columns: ["col_skill", "col_rating", "col_checks", "col_knowledge", "col_score", "col_target", "col_gap", "col_flag"].map((c) => t(c)),
    rows,
    scale: data.levels.map((l) => l.label).join(" · "),
    flags: rows.filter((r) => r.flag).map((r) => ({ id: r.id, name: r.name, label: t(`flag_${r.flag}`), text: t(`flag_${r.flag}_text`) })),
    gaps: topGaps,
    // Said when there are no gaps: "every skill" only when every target was shown.
    gaps_none: coverage.length ? t("gaps_none_assessed") : t("gaps_none"),
    coverage,
    other_gaps: result.gaps.filter((g) => !result.top_gaps.includes(g.skill)).map((g) => ({
      id: g.skill, name: skills.get(g.skill).name, cells: [n(g.current), String(g.target), n(g.gap), n(g.priority)] })),
    other_columns: ["col_skill", "col_current", "col_target", "col_gap", "col_priority"].map((c) => t(c)),
    plan: result.top_gaps.length ? {
      intro: t("plan_intro", { minutes: data.settings.plan_budget }),
      months: ["30", "60", "90"].map((k) => ({ key: k, heading: t(`plan_${k}`),
        reading: result.plan.minutes[k] ? t("plan_month_reading", { minutes: duration(data, result.plan.minutes[k]) }) : "",
        items: result.plan[k].map(planItem) })),
      later: result.plan.later.map((id) => resource(id)),
      later_heading: t("plan_later"),
      empty: t("plan_empty"),
    } : null,
    calibration: cal.rated ? {
      intro: t("calibration_intro", { n: cal.rated }),
      lines: [3, 2, 1].map((k) => t("calibration_line", { label: t(`sure_${k}`), right: cal.levels[k].right, wrong: cal.levels[k].wrong })),
      mark: t("calibration_mark", { mean: n(cal.mean_mark), marks: n(cal.marks) }),
      warning: cal.sure_wrong ? t("calibration_sure_wrong", { n: cal.sure_wrong }) : "",
    } : null,
    explanations: data.skills.map((s) => ({ id: s.id, name: s.name,
      checks: s.checks.filter((c) => validChoice(c, (doc.answers || {})[c.id]) !== null).map((c) => {
        const chosen = doc.answers[c.id].choice;
        const right = chosen === c.answer;
        const sure = validSure(doc.answers[c.id]);
        return { id: c.id, question_html: c.question_html, right,
          verdict: t(right ? "correct" : "incorrect") + (sure ? ` · ${t(`sure_${sure}`)}` : ""),
          chosen_html: c.options[chosen].html, chosen_explanation_html: c.options[chosen].explanation_html,
          best_html: right ? null : c.options[c.answer].html,
          best_explanation_html: right ? null : c.options[c.answer].explanation_html };
      }) })).filter((s) => s.checks.length),
  };
}

const esc = (s) => String(s).replace(/([\\`*_[\]|<>])/g, "\\$1");
const cell = (s) => esc(s).replace(/\n/g, " ");

/** The whole result as a Markdown file: the same model the result page shows. */
export function markdownReport(data, doc, result, options = {}) {
  const t = translator(data.strings);
  const m = reportModel(data, doc, result, options);
  const link = (r) => `[${esc(r.title)}](${r.url})`;
  const out = [`# ${esc(m.title)}`, ""];
  if (m.name) out.push(esc(t("report_name", { name: m.name })), "");
  out.push(esc(m.meta), "", `## ${t("chart_heading")}`, "");
  for (const a of m.areas) out.push(`- ${esc(a.line)}`);
  out.push("", `| ${m.columns.map(cell).join(" | ")} |`, `|${m.columns.map(() => " --- |").join("")}`);
  for (const r of m.rows) out.push(`| ${[r.name, ...r.cells].map(cell).join(" | ")} |`);
  out.push("", esc(m.scale), "");
  for (const r of m.rows) out.push(`- **${esc(r.name)}:** ${esc(r.explain)}`);
  out.push("");
  if (m.calibration) {
    out.push(`## ${t("calibration_heading")}`, "", esc(m.calibration.intro), "");
    for (const line of m.calibration.lines) out.push(`- ${esc(line)}`);
    out.push("", esc(m.calibration.mark));
    if (m.calibration.warning) out.push("", esc(m.calibration.warning));
    out.push("");
  }
  if (m.flags.length) {
    out.push(`## ${t("flags_heading")}`, "");
    for (const f of m.flags) out.push(`- **${esc(f.name)}: ${esc(f.label)}.** ${esc(f.text)}`);
    out.push("");
  }
  out.push(`## ${esc(m.gaps_heading)}`, "");
  if (!m.gaps.length && !m.other_gaps.length) out.push(esc(m.gaps_none), "");
  for (const line of m.coverage) out.push(esc(line), "");
  m.gaps.forEach((g, i) => {
    out.push(`${i + 1}. **${esc(g.name)}** — ${esc(g.line)}`, "");
    out.push(`   ${esc(t("goal_heading", { level: g.goal }))}. ${esc(t("goal_intro"))}`, "");
    for (const b of g.behaviours_html) out.push(`   - ${esc(text(b))}`);
    out.push("", `   ${esc(t("read_heading"))}:`, "");
    if (!g.resources.length) out.push(`   - ${esc(t("read_none"))}`);
    for (const r of g.resources) out.push(`   - ${link(r)} — ${esc(r.meta)}`);
    out.push("");
  });
  if (m.other_gaps.length) {
    out.push(`### ${t("other_gaps_heading")}`, "", `| ${m.other_columns.map(cell).join(" | ")} |`,
      `|${m.other_columns.map(() => " --- |").join("")}`);
    for (const g of m.other_gaps) out.push(`| ${[g.name, ...g.cells].map(cell).join(" | ")} |`);
    out.push("");
  }
  if (m.plan) {
    out.push(`## ${esc(m.plan_heading)}`, "", esc(m.plan.intro), "");
    for (const month of m.plan.months) {
      out.push(`### ${month.heading}`, "");
      if (month.reading) out.push(esc(month.reading), "");
      if (!month.items.length) out.push(esc(m.plan.empty));
      for (const r of month.items) {
        if (r.kind === "read") out.push(`- ${link(r)} — ${esc(r.duration)} · ${esc(r.for)}`);
        else out.push(`- ${esc(r.label)} ${esc(text(r.how_html))}`);
      }
      out.push("");
    }
    if (m.plan.later.length) {
      out.push(esc(m.plan.later_heading), "");
      for (const r of m.plan.later) out.push(`- ${link(r)} — ${esc(r.duration)}`);
      out.push("");
    }
  }
  if (m.explanations.length) out.push(`## ${t("explanations_heading")}`, "");
  for (const s of m.explanations) {
    out.push(`### ${esc(s.name)}`, "");
    for (const c of s.checks) {
      out.push(`**${esc(text(c.question_html))}**`, "",
        `- ${t("your_answer")} ${esc(text(c.chosen_html))} (${esc(c.verdict)}) — ${esc(text(c.chosen_explanation_html))}`);
      if (!c.right) out.push(`- ${t("best_answer")} ${esc(text(c.best_html))} — ${esc(text(c.best_explanation_html))}`);
      out.push("");
    }
  }
  return `${out.join("\n").replace(/\n{3,}/g, "\n\n").trim()}\n`;
}

/** Wrap a name into lines of at most ``width`` characters (a longer word keeps its line). */
function wrap(name, width) {
  const lines = [];
  for (const word of name.split(" ")) {
    const last = lines[lines.length - 1];
    if (last !== undefined && `${last} ${word}`.length <= width) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines;
}

/**
 * The radar chart's geometry (an SVG of 720 × 490): one spoke per skill, rings per level,
 * the current scores and the role's targets as polygons, and each skill's name placed
 * outside the rim. Null under three skills, where a radar says nothing a table does not.
 */
export function radarModel(data, result) {
  const n = data.skills.length;
  if (n < 3) return null;
  const role = data.roles.find((r) => r.id === result.role);
  const lo = data.levels[0].value;
  const hi = data.levels[data.levels.length - 1].value;
  const W = 720; const H = 490; const cx = W / 2; const cy = H / 2; const R = 180;
  const angle = (i) => (Math.PI * 2 * i) / n - Math.PI / 2;
  const at = (i, v) => {
    const r = (R * (v - lo)) / (hi - lo);
    return [cx + r * Math.cos(angle(i)), cy + r * Math.sin(angle(i))];
  };
  const f = (x) => x.toFixed(1);
  const points = (values) => values.map((v, i) => at(i, v).map(f).join(",")).join(" ");
  return {
    width: W, height: H, cx, cy,
    // One ring per level above the centre, each named by the level (the table lists them).
    rings: data.levels.slice(1).map((l) => {
      const [, y] = at(0, l.value);
      return { value: l.value, points: points(data.skills.map(() => l.value)), x: cx + 5, y: f(y + 14) };
    }),
    spokes: data.skills.map((s, i) => {
      const [x, y] = at(i, hi);
      return { x: f(x), y: f(y) };
    }),
    // Names sit outside the rim: above it at the top, below at the bottom, centred on the
    // sides, narrower near the vertical axis.
    labels: data.skills.map((s, i) => {
      const dx = Math.cos(angle(i));
      const dy = Math.sin(angle(i));
      const lines = wrap(s.name, Math.abs(dx) < 0.5 ? 12 : 18);
      const shift = 0.35 + dy * 0.55 - ((lines.length - 1) * 1.15 * (1 - dy)) / 2;
      return { skill: s.id, number: i + 1, x: f(cx + (R + 12) * dx), y: f(cy + (R + 12) * dy),
        anchor: Math.abs(dx) < 0.15 ? "middle" : dx > 0 ? "start" : "end",
        lines: lines.map((line, k) => ({ text: line, dy: `${k ? 1.15 : shift.toFixed(2)}em` })),
        number_dy: `${(0.35 + dy * 0.3).toFixed(2)}em` };
    }),
    current: points(data.skills.map((s) => result.skills[s.id].counted)),  // what counts, as the table
    // The role's target joins only the skills it expects: a skill it does not list has no
    // target, so it is not drawn at the centre as if the role expected nothing.
    target: data.skills.map((s, i) => (expectationOf(role, s.id) ? at(i, expectationOf(role, s.id).level).map(f).join(",") : null))
      .filter(Boolean).join(" "),
  };
}
