// Rendering: functions that take data and return DOM. Text from content, URLs and
// people goes in through textContent; only data.json's *_html fields (escaped by the
// generator) are inserted as markup. What a result says comes from report.js's model,
// the same one the Markdown download and the terminal's report are made from.

import { levelChoices, levelContent } from "./levels.js";
import { radarModel, reportModel } from "./report.js";
import { expectationOf, score } from "./scoring.js";

const SVG = "http://www.w3.org/2000/svg";
const PROPS = new Set(["checked", "disabled", "value", "hidden", "selected", "readOnly", "required"]);

/** Build an element: h("p", {class: "x", text: "hi"}, child, [children], null). */
export function h(tag, props = {}, ...children) {
  const el = tag.startsWith("svg:") ? document.createElementNS(SVG, tag.slice(4)) : document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (value === null || value === undefined || value === false) continue;
    if (key === "text") el.textContent = value;
    else if (key === "html") el.innerHTML = value;
    else if (key.startsWith("on")) el.addEventListener(key.slice(2), value);
    else if (PROPS.has(key)) el[key] = value;
    else el.setAttribute(key, value === true ? "" : value);
  }
  if (untranslated.texts.has(props.text) && !props.lang) {
    el.setAttribute("lang", untranslated.lang);
    el.classList.add("mlpm-fallback");
  }
  el.append(...children.flat(Infinity).filter((c) => c !== null && c !== undefined && c !== false));
  return el;
}
const s = (tag, props, ...children) => h(`svg:${tag}`, props, ...children);

// A translation's names still in the source language (data.json's `untranslated`): an element
// whose whole text is one says so, as the pages do (`lang`, and their mark).
let untranslated = { lang: "en", texts: new Set() };

/** Use ``data``'s list of untranslated names for the elements made from now on. */
export function markUntranslated(data) {
  const u = data.untranslated || {};
  untranslated = { lang: u.lang || "en", texts: new Set(Array.isArray(u.texts) ? u.texts : []) };
}

/** Block HTML whose paragraphs become phrasing content, joined by line breaks (for a legend). */
function inlined(html) {
  const tpl = document.createElement("template");
  tpl.innerHTML = html;
  const out = document.createDocumentFragment();
  for (const node of [...tpl.content.childNodes]) {
    if (node.nodeType === 1 && node.tagName === "P") {
      if (out.childNodes.length) out.append(document.createElement("br"));
      out.append(...node.childNodes);
    } else if (node.nodeType === 1) out.append(node);
  }
  return out;
}

function choice(type, name, value, checked, id, ...label) {
  return h("label", { class: "assess-choice", for: id },
    h("input", { type, name, value: String(value), checked, id }),
    h("span", { class: "assess-choice__text" }, ...label));
}

// --- start ----------------------------------------------------------------------------

export function startView(ctx, a) {
  const { data, t } = ctx;
  const form = h("form", { class: "assess-start", onsubmit: (e) => {
    e.preventDefault();
    const f = new FormData(form);
    a.start({ role: f.get("role"), mode: f.get("mode"), name: String(f.get("name") || "").trim(),
      rater: String(f.get("rater") || "").trim() });
  } },
  h("h2", { tabindex: "-1", text: t("start_heading") }),
  h("fieldset", {}, h("legend", { text: t("role_legend") }),
    data.roles.map((r) => choice("radio", "role", r.id, r.id === ctx.role, `role-${r.id}`,
      h("strong", { text: r.name }), h("span", { class: "assess-hint", text: r.summary })))),
  h("fieldset", {}, h("legend", { text: t("mode_legend") }),
    ["quick", "full", "opinion"].map((m) => choice("radio", "mode", m, m === ctx.mode, `mode-${m}`,
      h("strong", { id: `mode-${m}-label` }), h("span", { id: `mode-${m}-hint`, class: "assess-hint" }))),
    h("p", { class: "assess-hint", text: data.estimates.method.note })),
  h("p", {}, h("label", { for: "assess-name", text: t("name_label") }),
    h("input", { id: "assess-name", name: "name", type: "text", autocomplete: "name", value: ctx.name,
      maxlength: "200", "aria-describedby": "assess-name-hint" }),
    h("span", { id: "assess-name-hint", class: "assess-hint", text: t("name_hint") })),
  // Only for a second opinion: who gives it.
  h("p", { class: "assess-rater", hidden: ctx.mode !== "opinion" }, h("label", { for: "assess-rater", text: t("rater_label") }),
    h("input", { id: "assess-rater", name: "rater", type: "text", value: ctx.rater || "", maxlength: "200" })),
  h("p", { class: "assess-hint", text: t("resume_note") }),
  h("p", {}, h("button", { type: "submit", class: "md-button md-button--primary", text: t("start") })));
  // The quick mode's skills, and so its estimate, depend on the role: follow the choice.
  const estimate = () => {
    const role = new FormData(form).get("role");
    const quick = data.roles.find((r) => r.id === role).quick;
    for (const m of ["quick", "full", "opinion"]) {
      const e = m === "quick" ? data.estimates.quick[role] : data.estimates[m];
      form.querySelector(`#mode-${m}-label`).textContent = t(`mode_${m}`, { estimate: e.text });
      form.querySelector(`#mode-${m}-hint`).textContent = t(`mode_${m}_hint`, { n: quick.length });
    }
  };
  form.addEventListener("change", (e) => {
    if (e.target.name === "role") estimate();
    if (e.target.name === "mode") opinionFields();
  });
  // Rating someone else: the name field asks whose opinion this is, and who gives it.
  const opinionFields = () => {
    const other = new FormData(form).get("mode") === "opinion";
    form.querySelector(".assess-rater").hidden = !other;
    form.querySelector('label[for="assess-name"]').textContent = t(other ? "name_label_other" : "name_label");
  };
  opinionFields();
  estimate();
  return h("div", {}, form, importControl(ctx, a));
}

// --- one area of questions -----------------------------------------------------------------

export function progressView(ctx, p) {
  return h("div", { class: "assess-progress" },
    h("progress", { max: String(p.total), value: String(p.answered), "aria-labelledby": "assess-progress-text" }),
    h("p", { id: "assess-progress-text", text: ctx.t("progress", p) }));
}

function ratingFieldset(ctx, skill) {
  const { data, t } = ctx;
  const current = ctx.doc.ratings[skill.id];
  const name = `rating:${skill.id}`;
  return h("fieldset", { class: "assess-rating" },
    h("legend", { text: ctx.doc.mode === "opinion"
      ? t("rating_legend_other", { skill: skill.name, name: ctx.doc.name }) : t("rating_legend", { skill: skill.name }) }),
    levelChoices(data, skill).map((level) => choice("radio", name, level.value,
      !!current && current.level === level.value, `r-${skill.id}-${level.value}`, levelContent(h, level))));
}

function checkFieldset(ctx, skill, check, n, total) {
  const current = ctx.doc.answers[check.id];
  return h("fieldset", { class: "assess-check", "data-check": check.id },
    h("legend", {}, h("span", { class: "assess-level", text: ctx.t("check_label", { n, total, skill: skill.name }) }),
      h("br"), inlined(check.question_html)),
    // Display order decided at build time (balanced positions); values stay content indexes.
    check.order.map((i) => choice("radio", `check:${check.id}`, i,
      !!current && current.choice === i, `c-${check.id}-${i}`, h("span", { html: check.options[i].html }))),
    // Optional: scored apart from the level, as calibration (docs/scoring.md, rule 6).
    h("fieldset", { class: "assess-sure" }, h("legend", { text: ctx.t("sure_legend") }),
      [1, 2, 3].map((k) => choice("radio", `sure:${check.id}`, k, !!current && current.sure === k,
        `u-${check.id}-${k}`, ctx.t(`sure_${k}`)))));
}

/** One step: a skill, with its self-rating and the checks asked so far. */
export function skillView(ctx, step, a) {
  const { t } = ctx;
  const last = step.index === step.count - 1;
  const { skill, rate, checks } = step;
  const btn = (key, onclick, primary) => h("button", { type: "button",
    class: `md-button${primary ? " md-button--primary" : ""}`, text: t(key), onclick });
  const form = h("form", { class: "assess-area", "aria-labelledby": "assess-step-h",
    onchange: (e) => a.answer(e.target.name, e.target.value),
    onsubmit: (e) => {
      e.preventDefault();
      a.next();
    } },
  h("p", { class: "assess-stepArea", text: step.area.name }),
  h("h2", { id: "assess-step-h", tabindex: "-1", text: skill.name }),
  ctx.pendingCount ? h("p", { class: "assess-note", text: t("update_note", { n: ctx.pendingCount }) }) : null,
  h("section", { class: "assess-skill", "data-skill": skill.id },
    h("p", {}, h("span", { html: skill.summary_html }), " ",
      h("a", { href: new URL(skill.page, ctx.base).href, text: t("about_skill") })),
    rate ? ratingFieldset(ctx, skill) : null,
    checks.map((c, i) => checkFieldset(ctx, skill, c, i + 1, checks.length))),
  h("p", { class: "assess-hint", text: t("skip_note") }),
  h("div", { class: "assess-nav" },
    btn("back", () => a.back()),
    h("button", { type: "submit", class: "md-button md-button--primary", text: t(last ? "finish" : "next") }),
    ctx.hasOpen ? btn("next_open", () => a.nextOpen()) : null));
  return h("div", {}, progressView(ctx, ctx.progress), form);
}

// --- result ------------------------------------------------------------------------------

/** Radar chart (inline SVG) of current vs target per skill, from report.js's geometry. */
export function radar(ctx, model, geometry, then = null) {
  const { t } = ctx;
  if (!geometry) return null;
  const g = geometry;
  return h("figure", { class: "assess-radar" },
    s("svg", { viewBox: `0 0 ${g.width} ${g.height}`, role: "img", "aria-labelledby": "assess-radar-title assess-radar-desc" },
      s("title", { id: "assess-radar-title", text: t("chart_title", { role: model.role.name }) }),
      s("desc", { id: "assess-radar-desc", text: t("chart_desc") }),
      g.rings.map((r) => s("polygon", { class: "assess-radar__grid", points: r.points })),
      g.spokes.map((p) => s("line", { class: "assess-radar__grid", x1: g.cx, y1: g.cy, x2: p.x, y2: p.y })),
      s("polygon", { class: "assess-radar__target", points: g.target }),
      then ? s("polygon", { class: "assess-radar__then", points: then.geometry.current }) : null,
      s("polygon", { class: "assess-radar__current", points: g.current }),
      g.rings.map((r) => s("text", { class: "assess-radar__tick", x: r.x, y: r.y, text: String(r.value) })),
      // Small screens show numbers instead of names (CSS); the table repeats them.
      g.labels.map((l) => [s("text", { class: "assess-radar__name", x: l.x, y: l.y, "text-anchor": l.anchor },
        l.lines.map((line) => s("tspan", { x: l.x, dy: line.dy, text: line.text }))),
      s("text", { class: "assess-radar__num", x: l.x, y: l.y, dy: l.number_dy, "text-anchor": "middle", text: String(l.number) })])),
    h("figcaption", {},
      h("span", { class: "assess-key assess-key--current", text: t("legend_current") }),
      h("span", { class: "assess-key assess-key--target", text: t("legend_target") }),
      then ? h("span", { class: "assess-key assess-key--then", text: t("legend_then", { date: then.date }) }) : null));
}

function skillTable(ctx, model) {
  const { t } = ctx;
  const body = model.areas.flatMap((area) => {
    const rows = model.rows.filter((r) => r.area === area.id);
    if (!rows.length) return [];
    return [h("tbody", {},
      h("tr", { class: "assess-areaRow" }, h("th", { scope: "colgroup", colspan: String(model.columns.length), text: area.line })),
      rows.map((r) => h("tr", { "data-skill": r.id, class: r.below ? "is-below" : null },
        h("th", { scope: "row" }, h("span", { class: "assess-axis", "aria-hidden": "true", text: `${r.axis} ` }),
          h("a", { href: new URL(r.page, ctx.base).href, text: r.name }),
          // Marked in words and a symbol, not by colour alone.
          r.below ? h("span", { class: "assess-below", text: ` ▼ ${t("below_target")}` }) : null),
        // The column name travels with each cell: a phone shows the rows as stacked cards.
        r.cells.map((value, i) => h("td", { "data-label": model.columns[i + 1], text: value })))))];
  });
  return h("div", { class: "assess-tableWrap", role: "region", tabindex: "0", "aria-labelledby": "assess-table-caption" },
    h("table", {},
      h("caption", { id: "assess-table-caption", text: t("table_caption", { role: model.role.name }) }),
      h("thead", {}, h("tr", {}, model.columns.map((c) => h("th", { scope: "col", text: c })))),
      body));
}

/** "I have read it": the plan and the gaps then leave it out (kept in ``doc.read``). */
function readToggle(ctx, a, id, title, read) {
  if (ctx.readOnly || !a.toggleRead) return null;
  return h("button", { type: "button", class: "assess-readToggle", "aria-pressed": read ? "true" : "false",
    "data-read": id, text: ctx.t(read ? "unmark_read" : "mark_read"), "aria-label": ctx.t(read ? "unmark_read_of" : "mark_read_of", { title }),
    onclick: () => a.toggleRead(id) });
}

function resourceItem(ctx, a, r) {
  return h("li", { "data-resource": r.id }, h("a", { href: r.url, rel: "noopener", text: r.title }),
    h("span", { class: "assess-hint", text: ` — ${r.meta}` }), " ", readToggle(ctx, a, r.id, r.title, false),
    h("br"), h("span", { html: r.why_html }));
}

/** What the person marked as read, each with a way to take the mark back. */
function readView(ctx, doc, a) {
  const marked = (doc.read || []).map((id) => ctx.data.resources.find((r) => r.id === id)).filter(Boolean);
  if (!marked.length) return null;
  return h("section", { class: "assess-sec-read", "aria-labelledby": "assess-read-h" },
    h("h3", { id: "assess-read-h", text: ctx.t("read_done_heading", { n: marked.length }) }),
    h("ul", {}, marked.map((r) => h("li", { "data-read-item": r.id }, h("a", { href: r.url, rel: "noopener", text: r.title }), " ",
      readToggle(ctx, a, r.id, r.title, true)))));
}

function gapsView(ctx, model, a) {
  const { t } = ctx;
  const coverage = model.coverage.map((line) => h("p", { class: "assess-coverage", text: line }));
  if (!model.gaps.length && !model.other_gaps.length) return [h("p", { text: model.gaps_none }), ...coverage];
  const out = [...coverage, h("ol", { class: "assess-gaps" }, model.gaps.map((g) => h("li", { "data-skill": g.id, id: `gap-${g.id}` },
    h("h4", {}, h("a", { href: new URL(g.page, ctx.base).href, text: g.name })),
    h("p", { text: g.line }),
    h("p", {}, h("strong", { text: `${t("goal_heading", { level: g.goal })}.` }), " ", t("goal_intro")),
    h("ul", {}, g.behaviours_html.map((b) => h("li", { html: b }))),
    h("p", {}, h("strong", { text: t("read_heading") })),
    g.resources.length ? h("ul", { class: "assess-resources" }, g.resources.map((r) => resourceItem(ctx, a, r)))
      : h("p", { text: t("read_none") }))))];
  if (model.other_gaps.length) {
    out.push(h("h4", { text: t("other_gaps_heading") }),
      h("div", { class: "assess-tableWrap", role: "region", tabindex: "0", "aria-label": t("other_gaps_heading") },
        h("table", {},
          h("thead", {}, h("tr", {}, model.other_columns.map((c) => h("th", { scope: "col", text: c })))),
          h("tbody", {}, model.other_gaps.map((g) => h("tr", { "data-skill": g.id }, h("th", { scope: "row", text: g.name }),
            g.cells.map((value, i) => h("td", { "data-label": model.other_columns[i + 1], text: value }))))))));
  }
  return out;
}

function planView(ctx, plan, a) {
  return [h("p", { text: plan.intro }),
    h("div", { class: "assess-plan" }, plan.months.map((month) => h("section", { "aria-labelledby": `plan-${month.key}`, "data-days": month.key },
      h("h4", { id: `plan-${month.key}`, text: month.heading }),
      month.reading ? h("p", { class: "assess-hint", text: month.reading }) : null,
      month.items.length
        ? h("ul", {}, month.items.map((r) => (r.kind === "read"
          ? h("li", { "data-resource": r.id }, h("a", { href: r.url, rel: "noopener", text: r.title }),
            h("span", { class: "assess-hint", text: ` — ${r.duration} · ${r.for}` }), " ", readToggle(ctx, a, r.id, r.title, false))
          : h("li", { "data-practice": r.skill, class: "assess-practice" }, h("strong", { text: `${r.label} ` }), h("span", { html: r.how_html })))))
        : h("p", { class: "assess-hint", text: plan.empty })))),
    plan.later.length ? [h("p", { text: plan.later_heading }), h("ul", {}, plan.later.map((r) => h("li", { "data-later": r.id },
      h("a", { href: r.url, rel: "noopener", text: r.title }), h("span", { class: "assess-hint", text: ` — ${r.duration}` }))))] : null];
}

function explanationsView(ctx, model) {
  const { t } = ctx;
  return model.explanations.map((skill) => h("details", { class: "assess-explainSkill" },
    h("summary", { text: t("explanations_toggle", { skill: skill.name, n: skill.checks.length,
      right: skill.checks.filter((c) => c.right).length }) }),
    skill.checks.map((c) => h("div", { class: `assess-explain ${c.right ? "is-right" : "is-wrong"}`, "data-check": c.id },
      h("div", { html: c.question_html }),
      h("p", {}, h("strong", { text: `${t("your_answer")} ` }), h("span", { html: c.chosen_html }),
        h("em", { class: "assess-verdict", text: ` (${c.verdict})` }),
        h("br"), h("span", { html: c.chosen_explanation_html })),
      c.right ? null : h("p", {}, h("strong", { text: `${t("best_answer")} ` }), h("span", { html: c.best_html }),
        h("br"), h("span", { html: c.best_explanation_html }))))));
}

function explainView(ctx, model) {
  return h("details", { class: "assess-why" }, h("summary", { text: ctx.t("why_heading") }),
    h("ul", {}, model.rows.map((r) => h("li", { "data-skill": r.id }, h("strong", { text: `${r.name}: ` }), r.explain))));
}

function calibrationView(ctx, cal) {
  if (!cal) return null;
  return h("section", { class: "assess-sec-calibration", "aria-labelledby": "assess-calibration-h" },
    h("h3", { id: "assess-calibration-h", text: ctx.t("calibration_heading") }),
    h("p", { text: cal.intro }), h("ul", {}, cal.lines.map((line) => h("li", { text: line }))),
    h("p", { text: cal.mark }), cal.warning ? h("p", { class: "assess-note", text: cal.warning }) : null);
}

function flagsView(ctx, model) {
  if (!model.flags.length) return [];
  return [h("h3", { text: ctx.t("flags_heading") }), h("ul", {}, model.flags.map((f) =>
    h("li", {}, h("strong", { text: `${f.name}: ${f.label}. ` }), f.text)))];
}

export function importControl(ctx, a) {
  return h("p", { class: "assess-import" },
    h("label", { for: "assess-import", text: ctx.t("import_label") }),
    h("input", { id: "assess-import", type: "file", accept: ".json,application/json",
      onchange: (e) => e.target.files[0] && a.importFile(e.target.files[0]) }));
}

function keepView(ctx, a) {
  const { t } = ctx;
  const btn = (key, onclick, primary) => h("button", { type: "button", class: `md-button${primary ? " md-button--primary" : ""}`, text: t(key), onclick });
  const confirmBox = h("span", { hidden: true }, btn("start_over_confirm", () => a.startOver(), true));
  return [h("h3", { text: t("keep_heading") }),
    h("div", { class: "assess-actions" },
      btn("download_json", () => a.downloadJson()),
      btn("download_md", () => a.downloadMd()),
      btn("print", () => window.print()),
      ctx.readOnly ? null : btn("share", () => a.share()),
      ctx.readOnly ? null : btn("retake", () => a.retake())),
    ctx.shareUrl ? h("p", {}, h("label", { for: "assess-share", text: t("share_label") }),
      h("input", { id: "assess-share", type: "text", readOnly: true, value: ctx.shareUrl, onfocus: (e) => e.target.select() })) : null,
    ctx.readOnly ? null : [importControl(ctx, a),
      h("div", { class: "assess-actions" },
        btn("edit", () => a.edit()),
        ctx.moreQuestions ? btn("continue_full", () => a.continueFull()) : null,
        btn("start_over", (e) => {
          e.target.hidden = true;
          confirmBox.hidden = false;
          confirmBox.firstChild.focus();
        }), confirmBox)]];
}

/** A compact bar view of the same values as the radar, for narrow screens: every skill
 * named, with its current level and the target in words. */
function barsView(ctx, model, result) {
  const { data, t, fmt } = ctx;
  const hi = Math.max(...data.levels.map((l) => l.value));
  const role = data.roles.find((r) => r.id === model.role.id);
  return h("figure", { class: "assess-bars", "aria-labelledby": "assess-bars-title" },
    h("figcaption", { id: "assess-bars-title", text: t("bars_title", { role: model.role.name }) }),
    h("ul", {}, model.rows.filter((r) => expectationOf(role, r.id)).map((r) => {
      const now = result.skills[r.id].counted;
      const target = expectationOf(role, r.id).level;
      return h("li", { "data-skill": r.id, class: r.below ? "is-below" : null },
        h("span", { class: "assess-bars__name", text: r.name }),
        h("span", { class: "assess-bars__value", text: result.skills[r.id].score === null
          ? `${t("unassessed")}, ${t("bar_line", { current: fmt(now), target })}`
          : `${t("bar_line", { current: fmt(now), target })}${r.below ? ` ▼ ${t("below_target")}` : ""}` }),
        h("span", { class: "assess-bars__track", "aria-hidden": "true" },
          h("span", { class: "assess-bars__now", style: `width:${(100 * now) / hi}%` }),
          h("span", { class: "assess-bars__target", style: `left:${(100 * target) / hi}%` })));
    })));
}

/** What the result says first: the top gaps in a line each, and the first steps. */
function summaryView(ctx, model, result) {
  const { t, fmt } = ctx;
  const gapOf = new Map(result.gaps.map((g) => [g.skill, g]));
  if (!model.gaps.length) return [h("p", { text: model.gaps_none }), ...model.coverage.map((line) => h("p", { text: line }))];
  const first = model.plan ? model.plan.months.find((m) => m.items.length) : null;
  return [h("ol", { class: "assess-summary" }, model.gaps.map((g) => h("li", { "data-skill": g.id },
    h("a", { href: `#gap-${g.id}`, text: t("summary_gap", { skill: g.name, current: fmt(gapOf.get(g.id).current),
      target: gapOf.get(g.id).target, goal: g.goal }) })))),
  first ? [h("p", {}, h("strong", { text: t("summary_next") })),
    h("ul", {}, first.items.slice(0, 3).map((r) => (r.kind === "read"
      ? h("li", {}, h("a", { href: r.url, rel: "noopener", text: r.title }), h("span", { class: "assess-hint", text: ` — ${r.duration}` }))
      : h("li", { text: r.label.replace(/:$/, "") }))))] : null];
}

/** The whole result, leading with the summary and the actions, then the detail. */
export function resultView(ctx, doc, result, a) {
  const { data, t } = ctx;
  const model = reportModel(data, doc, result, { shared: !!ctx.readOnly });
  const section = (id, heading, ...body) => h("section", { class: `assess-sec-${id}`, "aria-labelledby": `assess-${id}-h` },
    h("h3", { id: `assess-${id}-h`, text: heading }), ...body);
  const opinion = doc.mode === "opinion";
  const then = earlier(data, doc);
  const heading = opinion ? t("opinion_heading", { name: doc.name || t("compare_someone") })
    : ctx.readOnly ? (model.name ? t("shared_named", { name: model.name }) : t("shared_heading"))
      : t("result_heading");
  return h("div", { class: "assess-result" },
    h("h2", { tabindex: "-1", text: heading }),
    ctx.readOnly ? h("div", { class: "assess-note" }, h("p", { text: t("shared_note") }),
      h("p", {}, h("button", { type: "button", class: "md-button", text: t("take_own"), onclick: () => a.takeOwn() }))) : null,
    !ctx.readOnly && !opinion && doc.name ? h("p", { class: "assess-name", text: doc.name }) : null,
    opinion && doc.rater ? h("p", { class: "assess-name", text: t("opinion_by", { rater: doc.rater }) }) : null,
    ctx.opinion ? opinionView(ctx, doc, ctx.opinion, a) : null,
    h("p", { class: "assess-meta", text: model.meta }),
    section("summary", t("summary_heading"), summaryView(ctx, model, result)),
    h("section", { class: "assess-sec-keep" }, keepView(ctx, a)),
    h("p", { class: "assess-roleSelect" }, h("label", { for: "assess-role", text: t("target_label") }),
      h("select", { id: "assess-role", onchange: (e) => a.setRole(e.target.value) },
        data.roles.map((r) => h("option", { value: r.id, selected: r.id === model.role.id, text: r.name })))),
    then ? section("change", t("change_heading", { date: then.date }), changeView(ctx, result, then)) : null,
    section("chart", t("chart_heading"), radar(ctx, model, radarModel(data, result), then), barsView(ctx, model, result),
      skillTable(ctx, model), h("p", { class: "assess-hint", text: model.scale }), explainView(ctx, model)),
    flagsView(ctx, model),
    calibrationView(ctx, model.calibration),
    section("gaps", model.gaps_heading, gapsView(ctx, model, a)),
    model.plan ? section("plan", model.plan_heading, planView(ctx, model.plan, a)) : null,
    readView(ctx, doc, a),
    model.explanations.length ? section("explanations", t("explanations_heading"),
      h("p", { text: t("explanations_intro") }), explanationsView(ctx, model)) : null);
}

/** A second opinion beside the person's own ratings (imported), skill by skill. */
function opinionView(ctx, mine, theirs, a) {
  const { data, t } = ctx;
  const rows = data.skills.filter((sk) => mine.ratings[sk.id] || theirs.ratings[sk.id]).map((sk) => {
    const self = mine.ratings[sk.id] ? mine.ratings[sk.id].level : null;
    const other = theirs.ratings[sk.id] ? theirs.ratings[sk.id].level : null;
    const diff = self !== null && other !== null ? other - self : null;
    return h("tr", { "data-skill": sk.id }, h("th", { scope: "row", text: sk.name }),
      h("td", { "data-label": t("col_yours"), text: self === null ? t("none") : String(self) }),
      h("td", { "data-label": t("col_theirs"), text: other === null ? t("none") : String(other) }),
      h("td", { "data-label": t("col_difference"), text: diff === null ? t("none") : `${diff > 0 ? "+" : ""}${diff}` }));
  });
  return h("section", { class: "assess-sec-opinion", "aria-labelledby": "assess-opinion-h" },
    h("h3", { id: "assess-opinion-h", text: t("compare_heading") }),
    h("p", { text: t("compare_intro", { name: theirs.name || t("compare_someone"), rater: theirs.rater || t("compare_someone") }) }),
    h("div", { class: "assess-tableWrap" }, h("table", {},
      h("thead", {}, h("tr", {}, [t("col_skill"), t("col_yours"), t("col_theirs"), t("col_difference")].map((c) => h("th", { scope: "col", text: c })))),
      h("tbody", {}, rows))),
    h("p", {}, h("button", { type: "button", class: "md-button", text: t("compare_close"), onclick: () => a.closeOpinion() })));
}

/** The last earlier take (``doc.history``), scored now against the same role: then vs now. */
function earlier(data, doc) {
  const prev = Array.isArray(doc.history) && doc.history.length ? doc.history[doc.history.length - 1] : null;
  if (!prev) return null;
  const result = score(data, { ratings: prev.ratings, answers: prev.answers, mode: prev.mode }, doc.role);
  return { date: prev.updated.slice(0, 10), result, geometry: radarModel(data, result) || { current: "" } };
}

/** Per skill whose counted level changed since the earlier take: then, now and the delta. */
function changeView(ctx, result, then) {
  const { data, t, fmt } = ctx;
  const lines = data.skills.map((sk) => {
    const was = then.result.skills[sk.id];
    const is = result.skills[sk.id];
    if (was.score === null && is.score === null) return null;
    const delta = Math.round((is.counted - was.counted) * 100) / 100;
    if (!delta) return null;
    return h("li", { "data-skill": sk.id, text: t("change_line", { skill: sk.name, then: fmt(was.counted),
      now: fmt(is.counted), delta: `${delta > 0 ? "+" : "−"}${fmt(Math.abs(delta))}` }) });
  }).filter(Boolean);
  return lines.length ? h("ul", { class: "assess-change" }, lines) : h("p", { text: t("change_none", { date: then.date }) });
}
