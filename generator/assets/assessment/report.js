// The Markdown report: the same result as the page, as a file to keep or paste.

import { minutes, plain } from "./view.js";

const esc = (text) => String(text).replace(/([\\`*[\]|<>])/g, "\\$1");

/** The whole result as Markdown text. */
export function markdownReport(ctx, doc, result) {
  const { data, t } = ctx;
  const role = data.roles.find((r) => r.id === result.role);
  const skill = (id) => data.skills.find((s) => s.id === id);
  const resource = (id) => data.resources.find((r) => r.id === id);
  const level = (v) => t("level_name", { n: v, name: data.levels.find((l) => l.value === v).name });
  const num = (v) => (v === null ? t("none") : ctx.fmt(v));
  const link = (r) => `[${esc(r.title)}](${r.url})`;
  const out = [`# ${esc(t("report_title", { framework: data.framework.name }))}`, ""];
  if (doc.name) out.push(esc(t("report_name", { name: doc.name })), "");
  out.push(esc(t("report_meta", { role: role.name, mode: t(`mode_name_${doc.mode}`), updated: doc.updated })), "");

  out.push(`## ${t("chart_heading")}`, "");
  for (const area of data.areas) {
    const v = result.areas[area.id];
    out.push(`- ${esc(t("area_score", { area: area.name, score: v === null ? t("unassessed") : ctx.fmt(v) }))}`);
  }
  const cols = ["col_skill", "col_rating", "col_checks", "col_knowledge", "col_score", "col_target", "col_flag"];
  out.push("", `| ${cols.map((c) => t(c)).join(" | ")} |`, `|${cols.map(() => " --- |").join("")}`);
  for (const s of data.skills) {
    const r = result.skills[s.id];
    const exp = role.expectations[s.id];
    out.push(`| ${[esc(s.name), num(r.rating), r.answered ? t("checks_of", r) : t("none"), num(r.knowledge),
      r.score === null ? t("unassessed") : ctx.fmt(r.score), exp ? exp.level : t("none"),
      r.flag ? t(`flag_${r.flag}`) : ""].join(" | ")} |`);
  }
  out.push("", esc(data.levels.map((l) => `${l.value} ${l.name}`).join(" · ")), "");

  const flagged = data.skills.filter((s) => result.skills[s.id].flag);
  if (flagged.length) {
    out.push(`## ${t("flags_heading")}`, "");
    for (const s of flagged) {
      const flag = result.skills[s.id].flag;
      out.push(`- **${esc(s.name)}: ${t(`flag_${flag}`)}.** ${esc(t(`flag_${flag}_text`))}`);
    }
    out.push("");
  }

  out.push(`## ${t("gaps_heading")}`, "");
  if (!result.gaps.length) out.push(esc(t("gaps_none")), "");
  result.top_gaps.forEach((id, i) => {
    const g = result.gaps.find((x) => x.skill === id);
    const s = skill(id);
    out.push(`${i + 1}. **${esc(s.name)}** — ${esc(t("gap_line", { current: ctx.fmt(g.current), target: g.target,
      importance: t(`importance.${g.importance}`), priority: ctx.fmt(g.priority) }))}`, "");
    out.push(`   ${esc(t("goal_heading", { level: level(g.goal) }))}. ${esc(t("goal_intro"))}`, "");
    for (const b of s.levels[String(g.goal)].behaviours_html) out.push(`   - ${esc(plain(b))}`);
    out.push("", `   ${t("read_heading")}:`, "");
    if (!g.resources.length) out.push(`   - ${esc(t("read_none"))}`);
    for (const rid of g.resources) {
      const r = resource(rid);
      out.push(`   - ${link(r)} — ${esc([t(`kinds.${r.kind}`), minutes(ctx, r.minutes), t(r.cost), level(r.level)].join(" · "))}`);
    }
    out.push("");
  });
  const rest = result.gaps.filter((g) => !result.top_gaps.includes(g.skill));
  if (rest.length) {
    out.push(`### ${t("other_gaps_heading")}`, "");
    for (const g of rest) {
      out.push(`- ${esc(skill(g.skill).name)}: ${t("col_current")} ${ctx.fmt(g.current)}, ${t("col_target")} ${g.target}, ${t("col_priority")} ${ctx.fmt(g.priority)}`);
    }
    out.push("");
  }

  if (result.top_gaps.length) {
    out.push(`## ${t("plan_heading")}`, "");
    for (const k of ["30", "60", "90"]) {
      out.push(`### ${t(`plan_${k}`)}`, "");
      if (!result.plan[k].length) out.push(esc(t("plan_empty")));
      for (const rid of result.plan[k]) out.push(`- ${link(resource(rid))} — ${minutes(ctx, resource(rid).minutes)}`);
      out.push("");
    }
  }

  const answered = data.skills.filter((s) => s.checks.some((c) => doc.answers[c.id]));
  if (answered.length) out.push(`## ${t("explanations_heading")}`, "");
  for (const s of answered) {
    out.push(`### ${esc(s.name)}`, "");
    for (const c of s.checks.filter((x) => doc.answers[x.id])) {
      const chosen = doc.answers[c.id].choice;
      const right = chosen === c.answer;
      out.push(`**${esc(plain(c.question_html))}**`, "",
        `- ${t("your_answer")} ${esc(plain(c.options[chosen].html))} (${t(right ? "correct" : "incorrect")}) — ${esc(plain(c.options[chosen].explanation_html))}`);
      if (!right) {
        out.push(`- ${t("best_answer")} ${esc(plain(c.options[c.answer].html))} — ${esc(plain(c.options[c.answer].explanation_html))}`);
      }
      out.push("");
    }
  }
  return `${out.join("\n").replace(/\n{3,}/g, "\n\n").trim()}\n`;
}
