// Rendering: functions that take data and return DOM. Text from content, URLs and
// people goes in through textContent; only data.json's *_html fields (escaped by the
// generator) are inserted as markup.

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
  el.append(...children.flat(Infinity).filter((c) => c !== null && c !== undefined && c !== false));
  return el;
}
const s = (tag, props, ...children) => h(`svg:${tag}`, props, ...children);

/** Option order of a check: a Fisher–Yates shuffle seeded by its id (FNV-1a, xorshift). */
export function shuffledOrder(id, n) {
  let seed = 2166136261;
  for (const ch of id) seed = Math.imul(seed ^ ch.codePointAt(0), 16777619);
  seed = seed || 1;
  const rand = () => {
    seed ^= seed << 13;
    seed ^= seed >>> 17;
    seed ^= seed << 5;
    return (seed >>> 0) / 4294967296;
  };
  const order = [...Array(n).keys()];
  for (let i = n - 1; i > 0; i -= 1) {
    const j = Math.floor(rand() * (i + 1));
    [order[i], order[j]] = [order[j], order[i]];
  }
  return order;
}

/** Generator HTML → plain text (for legends, the Markdown report). */
export function plain(html) {
  const tpl = document.createElement("template");
  tpl.innerHTML = html;
  return tpl.content.textContent.replace(/\s+/g, " ").trim();
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

const levelName = (ctx, value) => (ctx.data.levels.find((l) => l.value === value) || { name: "" }).name;
const levelLabel = (ctx, value) => ctx.t("level_name", { n: value, name: levelName(ctx, value) });
const num = (ctx, value) => (value === null || value === undefined ? ctx.t("none") : ctx.fmt(value));

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
    a.start({ role: f.get("role"), mode: f.get("mode"), name: String(f.get("name") || "").trim() });
  } },
  h("h2", { tabindex: "-1", text: t("start_heading") }),
  h("fieldset", {}, h("legend", { text: t("role_legend") }),
    data.roles.map((r) => choice("radio", "role", r.id, r.id === ctx.role, `role-${r.id}`,
      h("strong", { text: r.name }), h("span", { class: "assess-hint", text: r.summary })))),
  h("fieldset", {}, h("legend", { text: t("mode_legend") }),
    ["quick", "full"].map((m) => choice("radio", "mode", m, m === ctx.mode, `mode-${m}`,
      h("strong", { text: t(`mode_${m}`, { n: ctx.counts[m] }) }),
      h("span", { class: "assess-hint", text: t(`mode_${m}_hint`) })))),
  h("p", {}, h("label", { for: "assess-name", text: t("name_label") }),
    h("input", { id: "assess-name", name: "name", type: "text", autocomplete: "name", value: ctx.name,
      maxlength: "200", "aria-describedby": "assess-name-hint" }),
    h("span", { id: "assess-name-hint", class: "assess-hint", text: t("name_hint") })),
  h("p", { class: "assess-hint", text: t("resume_note") }),
  h("p", {}, h("button", { type: "submit", class: "md-button md-button--primary", text: t("start") })));
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
  const lowest = data.levels[0].value;
  return h("fieldset", { class: "assess-rating" },
    h("legend", { text: t("rating_legend", { skill: skill.name }) }),
    data.levels.map((level) => {
      const id = `r-${skill.id}-${level.value}`;
      const checked = !!current && current.level === level.value;
      if (level.value === lowest) {
        return choice("radio", name, level.value, checked, id, h("strong", { text: t("rating_none") }));
      }
      const behaviours = skill.levels[String(level.value)].behaviours_html;
      return choice("radio", name, level.value, checked, id,
        h("span", { class: "assess-level", text: levelLabel(ctx, level.value) }),
        // Spans, not a list: a label may hold only phrasing content.
        behaviours.map((b) => h("span", { class: "assess-behaviour", html: b })));
    }));
}

function checkFieldset(ctx, skill, check, n, total) {
  const current = ctx.doc.answers[check.id];
  return h("fieldset", { class: "assess-check" },
    h("legend", {}, h("span", { class: "assess-level", text: ctx.t("check_label", { n, total, skill: skill.name }) }),
      h("br"), inlined(check.question_html)),
    shuffledOrder(check.id, check.options.length).map((i) => choice("radio", `check:${check.id}`, i,
      !!current && current.choice === i, `c-${check.id}-${i}`, h("span", { html: check.options[i].html }))));
}

/** One step: an area's skills, each with its self-rating and its checks. */
export function areaView(ctx, step, a) {
  const { t } = ctx;
  const last = step.index === step.count - 1;
  const form = h("form", { class: "assess-area", onchange: (e) => a.answer(e.target.name, e.target.value),
    onsubmit: (e) => {
      e.preventDefault();
      a.next();
    } },
  h("h2", { tabindex: "-1", text: step.area.name }),
  ctx.pendingCount ? h("p", { class: "assess-note", text: t("update_note", { n: ctx.pendingCount }) }) : null,
  step.items.map(({ skill, rate, checks }) => h("section", { class: "assess-skill", "aria-labelledby": `s-${skill.id}` },
    h("h3", { id: `s-${skill.id}`, text: skill.name }),
    h("p", {}, h("span", { html: skill.summary_html }), " ",
      h("a", { href: new URL(skill.page, ctx.base).href, text: t("about_skill") })),
    rate ? ratingFieldset(ctx, skill) : null,
    checks.map((c, i) => checkFieldset(ctx, skill, c, i + 1, checks.length)))),
  h("p", { class: "assess-hint", text: t("skip_note") }),
  h("div", { class: "assess-nav" },
    h("button", { type: "button", class: "md-button", text: t("back"), onclick: () => a.back() }),
    h("button", { type: "submit", class: "md-button md-button--primary", text: t(last ? "finish" : "next") })));
  return h("div", {}, progressView(ctx, ctx.progress), form);
}

// --- result ------------------------------------------------------------------------------

/** Radar chart (inline SVG) of current vs target per skill; null under three skills. */
export function radar(ctx, result, role) {
  const { data, t } = ctx;
  const n = data.skills.length;
  if (n < 3) return null;
  const lo = data.levels[0].value;
  const hi = data.levels[data.levels.length - 1].value;
  const W = 720; const H = 490; const cx = W / 2; const cy = H / 2; const R = 180;
  const angle = (i) => (Math.PI * 2 * i) / n - Math.PI / 2;
  const at = (i, v) => {
    const r = (R * (v - lo)) / (hi - lo);
    return [cx + r * Math.cos(angle(i)), cy + r * Math.sin(angle(i))];
  };
  const points = (values) => values.map((v, i) => at(i, v).map((x) => x.toFixed(1)).join(",")).join(" ");
  const current = data.skills.map((sk) => result.skills[sk.id].score ?? lo);
  const target = data.skills.map((sk) => (role.expectations[sk.id] || { level: lo }).level);
  const rings = data.levels.slice(1).map((l) => s("polygon", { class: "assess-radar__grid", points: points(data.skills.map(() => l.value)) }));
  const spokes = data.skills.map((sk, i) => {
    const [x, y] = at(i, hi);
    return s("line", { class: "assess-radar__grid", x1: cx, y1: cy, x2: x.toFixed(1), y2: y.toFixed(1) });
  });
  // Names sit outside the rim: above it at the top, below at the bottom, centred on the
  // sides, narrower near the vertical axis. Small screens show numbers instead (CSS),
  // which the table repeats beside each skill.
  const labels = data.skills.map((sk, i) => {
    const dx = Math.cos(angle(i));
    const dy = Math.sin(angle(i));
    const x = (cx + (R + 12) * dx).toFixed(1);
    const y = (cy + (R + 12) * dy).toFixed(1);
    const lines = wrap(sk.name, Math.abs(dx) < 0.5 ? 12 : 18);
    const shift = 0.35 + dy * 0.55 - ((lines.length - 1) * 1.15 * (1 - dy)) / 2;
    return [s("text", { class: "assess-radar__name", x, y, "text-anchor": Math.abs(dx) < 0.15 ? "middle" : dx > 0 ? "start" : "end" },
      lines.map((line, k) => s("tspan", { x, dy: `${k ? 1.15 : shift.toFixed(2)}em`, text: line }))),
    s("text", { class: "assess-radar__num", x, y, dy: `${(0.35 + dy * 0.3).toFixed(2)}em`, "text-anchor": "middle", text: String(i + 1) })];
  });
  const ticks = data.levels.slice(1).map((l) => {
    const [, y] = at(0, l.value);
    return s("text", { class: "assess-radar__tick", x: cx + 5, y: (y + 14).toFixed(1), text: String(l.value) });
  });
  const title = t("chart_title", { role: role.name });
  return h("figure", { class: "assess-radar" },
    s("svg", { viewBox: `0 0 ${W} ${H}`, role: "img", "aria-labelledby": "assess-radar-title assess-radar-desc" },
      s("title", { id: "assess-radar-title", text: title }),
      s("desc", { id: "assess-radar-desc", text: t("chart_desc") }),
      rings, spokes,
      s("polygon", { class: "assess-radar__target", points: points(target) }),
      s("polygon", { class: "assess-radar__current", points: points(current) }),
      ticks, labels),
    h("figcaption", {},
      h("span", { class: "assess-key assess-key--current", text: t("legend_current") }),
      h("span", { class: "assess-key assess-key--target", text: t("legend_target") })));
}

function wrap(text, width) {
  const lines = [];
  for (const word of text.split(" ")) {
    const last = lines[lines.length - 1];
    if (last !== undefined && (last + " " + word).length <= width) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines;
}

function skillTable(ctx, result, role) {
  const { data, t } = ctx;
  const cols = ["col_skill", "col_rating", "col_checks", "col_knowledge", "col_score", "col_target", "col_flag"];
  const body = data.areas.flatMap((area) => {
    const skills = data.skills.filter((sk) => sk.area === area.id);
    if (!skills.length) return [];
    const areaScore = result.areas[area.id];
    return [h("tbody", {},
      h("tr", { class: "assess-areaRow" }, h("th", { scope: "colgroup", colspan: String(cols.length),
        text: t("area_score", { area: area.name, score: areaScore === null ? t("unassessed") : ctx.fmt(areaScore) }) })),
      skills.map((sk) => {
        const r = result.skills[sk.id];
        const exp = role.expectations[sk.id];
        return h("tr", { "data-skill": sk.id },
          h("th", { scope: "row" }, h("span", { class: "assess-axis", "aria-hidden": "true", text: `${data.skills.indexOf(sk) + 1} ` }),
            h("a", { href: new URL(sk.page, ctx.base).href, text: sk.name })),
          h("td", { text: num(ctx, r.rating) }),
          h("td", { text: r.answered ? t("checks_of", r) : t("none") }),
          h("td", { text: num(ctx, r.knowledge) }),
          h("td", { text: r.score === null ? t("unassessed") : ctx.fmt(r.score) }),
          h("td", { text: exp ? String(exp.level) : t("none") }),
          h("td", { text: r.flag ? t(`flag_${r.flag}`) : "" }));
      }))];
  });
  return h("div", { class: "assess-tableWrap", role: "region", tabindex: "0", "aria-labelledby": "assess-table-caption" },
    h("table", {},
      h("caption", { id: "assess-table-caption", text: t("table_caption", { role: role.name }) }),
      h("thead", {}, h("tr", {}, cols.map((c) => h("th", { scope: "col", text: t(c) })))),
      body));
}

export function minutes(ctx, n) {
  if (n < 90) return ctx.t("minutes.minutes", { n });
  const x = n / 60;
  let hours = Math.round(x);
  if (x % 1 === 0.5 && hours % 2) hours -= 1; // Python's round(), as on the site's pages
  return ctx.t("minutes.hours", { n: hours });
}

function resourceItem(ctx, id) {
  const { t } = ctx;
  const res = ctx.data.resources.find((r) => r.id === id);
  const meta = [t(`kinds.${res.kind}`), minutes(ctx, res.minutes), t(res.cost), levelLabel(ctx, res.level)];
  return h("li", { "data-resource": id }, h("a", { href: res.url, rel: "noopener", text: res.title }),
    h("span", { class: "assess-hint", text: ` — ${meta.join(" · ")}` }),
    h("br"), h("span", { html: res.why_html }));
}

function gapsView(ctx, result) {
  const { data, t } = ctx;
  const skill = (id) => data.skills.find((sk) => sk.id === id);
  if (!result.gaps.length) return [h("p", { text: t("gaps_none") })];
  const top = result.gaps.filter((g) => result.top_gaps.includes(g.skill));
  const rest = result.gaps.filter((g) => !result.top_gaps.includes(g.skill));
  const line = (g) => t("gap_line", { current: ctx.fmt(g.current), target: g.target,
    importance: t(`importance.${g.importance}`), priority: ctx.fmt(g.priority) });
  const out = [h("ol", { class: "assess-gaps" }, top.map((g) => {
    const sk = skill(g.skill);
    return h("li", { "data-skill": g.skill },
      h("h4", {}, h("a", { href: new URL(sk.page, ctx.base).href, text: sk.name })),
      h("p", { text: line(g) }),
      h("p", {}, h("strong", { text: t("goal_heading", { level: levelLabel(ctx, g.goal) }) }), " ", t("goal_intro")),
      h("ul", {}, sk.levels[String(g.goal)].behaviours_html.map((b) => h("li", { html: b }))),
      h("p", {}, h("strong", { text: t("read_heading") })),
      g.resources.length ? h("ul", { class: "assess-resources" }, g.resources.map((id) => resourceItem(ctx, id)))
        : h("p", { text: t("read_none") }));
  }))];
  if (rest.length) {
    out.push(h("h4", { text: t("other_gaps_heading") }),
      h("div", { class: "assess-tableWrap", role: "region", tabindex: "0", "aria-label": t("other_gaps_heading") },
        h("table", {},
          h("thead", {}, h("tr", {}, ["col_skill", "col_current", "col_target", "col_gap", "col_priority"]
            .map((c) => h("th", { scope: "col", text: t(c) })))),
          h("tbody", {}, rest.map((g) => h("tr", { "data-skill": g.skill }, h("th", { scope: "row", text: skill(g.skill).name }),
            h("td", { text: ctx.fmt(g.current) }), h("td", { text: String(g.target) }),
            h("td", { text: ctx.fmt(g.gap) }), h("td", { text: ctx.fmt(g.priority) })))))));
  }
  return out;
}

function planView(ctx, result) {
  const { t } = ctx;
  return [h("p", { text: t("plan_intro", { minutes: minutes(ctx, ctx.data.settings.plan_minutes_per_month) }) }),
    h("div", { class: "assess-plan" }, ["30", "60", "90"].map((k) => h("section", { "aria-labelledby": `plan-${k}`, "data-days": k },
      h("h4", { id: `plan-${k}`, text: t(`plan_${k}`) }),
      result.plan[k].length
        ? h("ul", {}, result.plan[k].map((id) => {
          const res = ctx.data.resources.find((r) => r.id === id);
          return h("li", { "data-resource": id }, h("a", { href: res.url, rel: "noopener", text: res.title }),
            h("span", { class: "assess-hint", text: ` — ${minutes(ctx, res.minutes)}` }));
        }))
        : h("p", { class: "assess-hint", text: t("plan_empty") }))))];
}

function explanationsView(ctx, doc) {
  const { data, t } = ctx;
  const out = [];
  for (const sk of data.skills) {
    const answered = sk.checks.filter((c) => doc.answers[c.id]);
    if (!answered.length) continue;
    out.push(h("h4", { text: sk.name }));
    for (const c of answered) {
      const chosen = doc.answers[c.id].choice;
      const right = chosen === c.answer;
      out.push(h("div", { class: `assess-explain ${right ? "is-right" : "is-wrong"}`, "data-check": c.id },
        h("div", { html: c.question_html }),
        h("p", {}, h("strong", { text: `${t("your_answer")} ` }), h("span", { html: c.options[chosen].html }),
          h("em", { class: "assess-verdict", text: ` (${t(right ? "correct" : "incorrect")})` }),
          h("br"), h("span", { html: c.options[chosen].explanation_html })),
        right ? null : h("p", {}, h("strong", { text: `${t("best_answer")} ` }), h("span", { html: c.options[c.answer].html }),
          h("br"), h("span", { html: c.options[c.answer].explanation_html }))));
    }
  }
  return out;
}

function flagsView(ctx, result) {
  const { data, t } = ctx;
  const flagged = data.skills.filter((sk) => result.skills[sk.id].flag);
  if (!flagged.length) return [];
  return [h("h3", { text: t("flags_heading") }), h("ul", {}, flagged.map((sk) => {
    const flag = result.skills[sk.id].flag;
    return h("li", {}, h("strong", { text: `${sk.name}: ${t(`flag_${flag}`)}. ` }), t(`flag_${flag}_text`));
  }))];
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
      ctx.readOnly ? null : btn("share", () => a.share())),
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

/** The whole result: chart, table, flags, gaps with goals and reading, plan, explanations. */
export function resultView(ctx, doc, result, a) {
  const { data, t } = ctx;
  const role = data.roles.find((r) => r.id === result.role);
  const section = (id, heading, ...body) => h("section", { class: `assess-sec-${id}`, "aria-labelledby": `assess-${id}-h` },
    h("h3", { id: `assess-${id}-h`, text: heading }), ...body);
  return h("div", { class: "assess-result" },
    h("h2", { tabindex: "-1", text: t(ctx.readOnly ? "shared_heading" : "result_heading") }),
    ctx.readOnly ? h("div", { class: "assess-note" }, h("p", { text: t("shared_note") }),
      h("p", {}, h("button", { type: "button", class: "md-button", text: t("take_own"), onclick: () => a.takeOwn() }))) : null,
    doc.name ? h("p", { class: "assess-name", text: doc.name }) : null,
    h("p", { class: "assess-roleSelect" }, h("label", { for: "assess-role", text: t("target_label") }),
      h("select", { id: "assess-role", onchange: (e) => a.setRole(e.target.value) },
        data.roles.map((r) => h("option", { value: r.id, selected: r.id === role.id, text: r.name })))),
    h("p", { class: "assess-printRole", text: `${t("target_label")}: ${role.name}` }),
    section("chart", t("chart_heading"), radar(ctx, result, role), skillTable(ctx, result, role),
      h("p", { class: "assess-hint", text: data.levels.map((l) => `${l.value} ${l.name}`).join(" · ") })),
    flagsView(ctx, result),
    section("gaps", t("gaps_heading"), gapsView(ctx, result)),
    result.top_gaps.length ? section("plan", t("plan_heading"), planView(ctx, result)) : null,
    Object.keys(doc.answers).length ? section("explanations", t("explanations_heading"),
      h("p", { text: t("explanations_intro") }), explanationsView(ctx, doc)) : null,
    h("section", { class: "assess-sec-keep" }, keepView(ctx, a)));
}
