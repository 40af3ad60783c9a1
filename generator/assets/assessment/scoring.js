// Scoring of the self-assessment: docs/scoring.md, rule by rule, and the order of questions.
// The one definition of both: the browser imports this module, and the terminal commands
// run this same file in an embedded JavaScript engine (generator/assessment/engine.py).
// Pure functions with no DOM, no imports and no globals, so any engine can run it.
// What can be decided before anyone answers (which checks each mode asks, the order of a
// check's options, durations, labels) is decided at build time and read from the data.

/** Round half up to 2 decimals, once at the end of each rule (scoring.md). */
export const round2 = (x) => Math.round(x * 100) / 100;

const isIndex = (v, size) => Number.isInteger(v) && v >= 0 && v < size;
const has = (obj, key) => obj !== null && typeof obj === "object" && Object.prototype.hasOwnProperty.call(obj, key);

/** What ``role`` expects of skill ``id``, or null: its own entry only (a skill with the id
 * "constructor" is not expected by every role through Object.prototype). */
export function expectationOf(role, id) {
  return has(role.expectations, id) ? role.expectations[id] : null;
}

/** The level scale's lowest and highest values. */
export function scale(data) {
  const values = data.levels.map((l) => l.value);
  return { lo: Math.min(...values), hi: Math.max(...values) };
}

const section = (doc, key) => (has(doc, key) && doc[key] && typeof doc[key] === "object" ? doc[key] : {});

/** The role a document is taken against, or the first role for an unknown one. */
function roleOf(data, doc) {
  const id = has(doc, "role") ? doc.role : null;
  return data.roles.find((r) => r.id === id) || data.roles[0];
}

/** The skills a mode asks (content order): every skill in ``full`` and ``opinion`` (a
 * second opinion: ratings only, ``checksFor``); in ``quick`` the ones
 * the document's role weighs most, chosen at build time to fit the time budget (``role.quick``). */
export function skillsFor(data, mode, doc = null) {
  if (mode === "full" || mode === "opinion") return data.skills;
  const picked = new Set(roleOf(data, doc).quick || data.skills.map((s) => s.id));
  return data.skills.filter((s) => picked.has(s.id));
}

/**
 * The checks asked of one skill, given the answers so far. ``full`` asks every check the
 * data lists. ``quick`` stops early: its first listed check always, each next one only
 * while the answers so far disagree with the self-rating by ``flag_difference`` levels or
 * more (compared with what checks can show, ``min(r, K)``), or when there is no rating to
 * agree with; a skipped check ends the skill. A check already answered stays asked, so
 * changing an earlier answer never hides one the person gave.
 */
export function checksFor(data, skill, mode, doc = null) {
  // A second opinion rates someone else: scenario answers would measure the rater.
  if (mode === "opinion") return [];
  const ids = skill.ask[mode === "full" ? "full" : "quick"];
  if (mode === "full") return [...ids];
  const { lo } = scale(data);
  const top = knowledgeMax(data);
  const ratings = section(doc, "ratings");
  const chosen = section(doc, "answers");
  const rating = has(ratings, skill.id) ? validRating(data, skill, ratings[skill.id]) : null;
  const byId = new Map(skill.checks.map((c) => [c.id, c]));
  const out = [];
  let answered = 0;
  let correct = 0;
  let open = true;
  for (const id of ids) {
    const choice = has(chosen, id) ? validChoice(byId.get(id), chosen[id]) : null;
    if (!open && choice === null) continue;
    out.push(id);
    if (choice === null) {
      open = false;
      continue;
    }
    answered += 1;
    if (choice === byId.get(id).answer) correct += 1;
    const k = knowledgeLevel(lo, top, answered, correct);
    if (rating !== null && Math.abs(Math.min(rating, top) - k) < data.settings.flag_difference) open = false;
  }
  return out;
}

/**
 * Every question of a mode in asking order, given the answers so far (a result document,
 * or nothing for a new one): per skill the mode asks (``skillsFor``), the self-rating
 * (``check: null``), then its checks (``checksFor``). Returns [{skill: id, check: id | null}].
 */
export function questionsFor(data, mode, doc = null) {
  const out = [];
  for (const skill of skillsFor(data, mode, doc)) {
    out.push({ skill: skill.id, check: null });
    for (const id of checksFor(data, skill, mode, doc)) out.push({ skill: skill.id, check: id });
  }
  return out;
}

/** Every check a mode may ask of each skill (the adaptive ones included), as check
 * objects: {skill id: [check]}. */
export function checksToAsk(data, mode, doc = null) {
  const out = {};
  for (const skill of skillsFor(data, mode, doc)) {
    const byId = new Map(skill.checks.map((c) => [c.id, c]));
    out[skill.id] = mode === "opinion" ? [] : skill.ask[mode === "full" ? "full" : "quick"].map((id) => byId.get(id));
  }
  return out;
}

/** The levels that apply to a skill (the floor and those from its start up, less any
 * marked not applicable), decided at build time; every level of the scale in older data. */
export function applicable(data, skill) {
  return Array.isArray(skill.applicable) ? skill.applicable : data.levels.map((l) => l.value);
}

/**
 * The self-rating of a skill that counts: an integer level that applies to the skill, given
 * for the current wording of the skill's levels (``hash`` equal to ``rating_hash``); else null.
 */
export function validRating(data, skill, entry) {
  if (!entry || typeof entry !== "object") return null;
  const { level, hash } = entry;
  return Number.isInteger(level) && applicable(data, skill).includes(level) && hash === skill.rating_hash
    ? level : null;
}

/**
 * The answer to a check that counts: an integer option index in content order, given for
 * the check's current wording (``hash`` equal to the check's hash); else null.
 */
export function validChoice(check, entry) {
  if (!entry || typeof entry !== "object") return null;
  return isIndex(entry.choice, check.options.length) && entry.hash === check.hash
    ? entry.choice : null;
}

/** The highest level scenario checks alone can show (``knowledge_max_level``, by default one
 * below the top): a scenario question can show judgement, not practice or leadership. */
export function knowledgeMax(data) {
  const { lo, hi } = scale(data);
  const set = data.settings.knowledge_max_level;
  return Number.isInteger(set) ? Math.min(hi, Math.max(lo, set)) : Math.max(lo, hi - 1);
}

/** Rule 1: what the checks show, ``k = L0 + (K − L0) × correct / answered``; null with no answers. */
export function knowledgeLevel(lo, top, answered, correct) {
  return answered ? round2(lo + ((top - lo) * correct) / answered) : null;
}

/** Rule 2: how much the checks count, ``w = n / (n + evidence_prior)``: one or two answers
 * are weak evidence, many are strong. */
export function evidenceWeight(answered, prior) {
  return answered / (answered + prior);
}

/** Rule 3: the score. The self-rating, moved toward what the checks show by the evidence
 * weight: ``r + w × (k − min(r, K))``. With no rating the checks start from the lowest level,
 * ``L0 + w × (k − L0)``, so a few lucky answers count for little and leaving the rating out
 * never beats an honest one. Only a rating → the rating; neither → null. */
export function skillScore(rating, knowledge, weight, top, lo = 0) {
  if (knowledge !== null) {
    const base = rating ?? lo;
    return round2(base + weight * (knowledge - Math.min(base, top)));
  }
  if (rating !== null) return round2(rating);
  return null;
}

/** Rule 4: the status of a skill's score, and the value counted against a target. A rating
 * is *unconfirmed* when it claims more than the checks show (``min(r, K) > k``) and no more
 * than ``confirm_ratio`` of its checks were answered well; it then counts as what the checks
 * show (``min(score, k)``) until they agree. */
export function skillStatus(rating, knowledge, score, answered, correct, ratio, lo, top = Infinity) {
  if (score === null) return { status: "unassessed", counted: lo };
  if (knowledge === null) return { status: "self-rated", counted: score };
  if (rating === null) return { status: "checked", counted: score };
  if (correct <= ratio * answered && Math.min(rating, top) > knowledge) {
    return { status: "unconfirmed", counted: round2(Math.min(score, knowledge)) };
  }
  return { status: "confirmed", counted: score };
}

/** Rule 5: over- or underconfident when rating and checks differ by ``difference`` levels
 * (compared with what checks can show, ``min(r, K)``), on at least ``minChecks`` answers. */
export function confidenceFlag(rating, knowledge, difference, answered, minChecks, top) {
  if (rating === null || knowledge === null || answered < minChecks) return null;
  if (Math.min(rating, top) - knowledge >= difference) return "overconfident";
  if (knowledge - rating >= difference) return "underconfident";
  return null;
}

/** Rule 8: the goal, the first level the skill has above the whole part of the counted
 * value (the next one up when every level applies), capped by the scale and the target.
 * ``levels``: the skill's applicable levels (every level when left out). */
export function goalLevel(current, target, hi, levels = null) {
  const next = Math.floor(current) + 1;
  const has = levels ? levels.filter((v) => v >= next) : [next];
  return Math.min(hi, has.length ? Math.min(...has) : next, target);
}

// Code-point order, as Python's sort compares strings.
const cmp = (a, b) => (a < b ? -1 : a > b ? 1 : 0);

function byCloseness(a, b) {
  return b.level - a.level || (a.cost === "free" ? 0 : 1) - (b.cost === "free" ? 0 : 1)
    || a.minutes - b.minutes || cmp(a.id, b.id);
}

function byLevelThenShort(a, b) {
  return a.level - b.level || (a.cost === "free" ? 0 : 1) - (b.cost === "free" ? 0 : 1)
    || a.minutes - b.minutes || cmp(a.id, b.id);
}

/** Rule 9: the resources shown for a gap at ``goal``, as ids (read ones left out). */
export function resourcesFor(data, skillId, goal, read = []) {
  const mine = data.resources.filter((r) => r.skills.includes(skillId) && !read.includes(r.id));
  let pick = mine.filter((r) => r.level <= goal);
  if (!pick.length) {
    const above = mine.filter((r) => r.level > goal);
    const lowest = Math.min(...above.map((r) => r.level));
    pick = above.filter((r) => r.level === lowest);
  }
  return pick.sort(byCloseness).slice(0, data.settings.resources_per_gap).map((r) => r.id);
}

/**
 * Rule 10: the 30/60/90-day plan. Reading: each top gap's shown resources, then its other
 * resources up to the target level (easiest first), taken round-robin across the gaps in
 * rank order, shorter first within a round; read ones left out. They are spread over the
 * three months in that order, about a third of the reading each (never more than the
 * monthly budget ``B``; an item longer than ``B`` goes to ``later``). Doing: each top gap's
 * practice step for its goal (the level's "how to get here") joins the month its reading
 * starts in.
 */
export function learningPlan(data, topGaps, read = []) {
  const budget = data.settings.plan_minutes_per_month;
  const byId = new Map(data.resources.map((r) => [r.id, r]));
  const lists = topGaps.map((g) => {
    const more = data.resources.filter((r) => r.skills.includes(g.skill) && r.level > g.goal
      && r.level <= g.target && !read.includes(r.id)).sort(byLevelThenShort).map((r) => r.id);
    return [...g.resources.filter((id) => !read.includes(id)), ...more];
  });
  const taken = new Set();
  const order = [];
  const rounds = Math.max(0, ...lists.map((l) => l.length));
  for (let i = 0; i < rounds; i += 1) {
    const round = [];
    lists.forEach((list, rank) => {
      const id = list[i];
      if (id !== undefined && !taken.has(id)) {
        taken.add(id);
        round.push({ id, rank, minutes: byId.get(id).minutes });
      }
    });
    round.sort((a, b) => a.minutes - b.minutes || a.rank - b.rank);
    order.push(...round);
  }
  const fits = order.filter((item) => item.minutes <= budget);
  const total = fits.reduce((sum, item) => sum + item.minutes, 0);
  const share = Math.min(budget, Math.max(Math.ceil(total / 3), ...fits.map((item) => item.minutes), 0));
  const months = [[], [], []];
  const used = [0, 0, 0];
  const later = order.filter((item) => item.minutes > budget).map((item) => item.id);
  let month = 0;
  const firstMonth = new Map();
  for (const item of fits) {
    while (month < 2 && used[month] + item.minutes > share) month += 1;
    let into = used[month] + item.minutes <= budget ? month : months.findIndex((m, i) => used[i] + item.minutes <= budget);
    if (into < 0) {
      later.push(item.id);
      continue;
    }
    months[into].push({ kind: "read", id: item.id, skill: topGaps[item.rank].skill });
    used[into] += item.minutes;
    if (!firstMonth.has(item.rank)) firstMonth.set(item.rank, into);
  }
  topGaps.forEach((g, rank) => {
    const into = firstMonth.has(rank) ? firstMonth.get(rank) : Math.min(rank, 2);
    months[into].push({ kind: "practice", skill: g.skill, level: g.goal });
  });
  return { 30: months[0], 60: months[1], 90: months[2], later,
    minutes: { 30: used[0], 60: used[1], 90: used[2] } };
}

const SURE = [1, 2, 3];
// Certainty-based marks (Gardner-Medwin): how sure you were, for a right and a wrong answer.
const MARKS = { 1: [1, 0], 2: [2, -2], 3: [3, -6] };

/** The "how sure were you?" of an answer: 1 (guessing), 2 (fairly sure), 3 (sure), or null. */
export function validSure(entry) {
  return entry && typeof entry === "object" && SURE.includes(entry.sure) ? entry.sure : null;
}

/**
 * Rule 6: calibration over every answer given with a certainty: right and wrong per
 * certainty, and the certainty-based mark (sure: +3 right, −6 wrong; fairly sure: +2, −2;
 * guessing: +1, 0), so being sure pays only when you are right more than 80 % of the time.
 */
export function calibration(data, chosen) {
  const levels = { 1: { right: 0, wrong: 0 }, 2: { right: 0, wrong: 0 }, 3: { right: 0, wrong: 0 } };
  let rated = 0;
  let marks = 0;
  for (const skill of data.skills) {
    for (const check of skill.checks) {
      const entry = has(chosen, check.id) ? chosen[check.id] : null;
      const choice = validChoice(check, entry);
      const sure = validSure(entry);
      if (choice === null || sure === null) continue;
      const right = choice === check.answer;
      levels[sure][right ? "right" : "wrong"] += 1;
      marks += MARKS[sure][right ? 0 : 1];
      rated += 1;
    }
  }
  return { rated, levels, marks, mean_mark: rated ? round2(marks / rated) : null,
    sure_wrong: levels[3].wrong };
}

/**
 * Score one set of answers against a target role (docs/scoring.md).
 *
 * ``answers`` holds ``ratings`` ({skill id: {level, hash}}), ``answers``
 * ({check id: {choice, hash, sure?}}) and optionally ``read`` (resource ids already read),
 * as in a result file (docs/result-format.md). Entries whose hash differs from the current
 * content, with a value out of range or of the wrong type (a boolean is not a number), or
 * for unknown ids do not count. Returns the result object of docs/scoring.md. Throws on an
 * unknown role.
 */
export function score(data, answers, roleId) {
  const role = data.roles.find((r) => r.id === roleId);
  if (!role) throw new Error(`unknown role '${roleId}' (expected one of: ${data.roles.map((r) => r.id).join(", ")})`);
  const { lo, hi } = scale(data);
  const top = knowledgeMax(data);
  const ratings = section(answers, "ratings");
  const chosen = section(answers, "answers");
  const read = Array.isArray(answers && answers.read) ? answers.read.filter((x) => typeof x === "string") : [];
  const st = data.settings;

  const skills = {};
  for (const skill of data.skills) {
    const r = has(ratings, skill.id) ? validRating(data, skill, ratings[skill.id]) : null;
    let answered = 0;
    let correct = 0;
    for (const check of skill.checks) {
      const choice = has(chosen, check.id) ? validChoice(check, chosen[check.id]) : null;
      if (choice === null) continue;
      answered += 1;
      if (choice === check.answer) correct += 1;
    }
    const k = knowledgeLevel(lo, top, answered, correct);
    const weight = evidenceWeight(answered, st.evidence_prior);
    const s = skillScore(r, k, weight, top, lo);
    skills[skill.id] = { rating: r, knowledge: k, score: s, answered, correct,
      weight: round2(weight), ...skillStatus(r, k, s, answered, correct, st.confirm_ratio, lo, top),
      flag: confidenceFlag(r, k, st.flag_difference, answered, st.flag_min_checks, top) };
  }

  const areas = {}; // rule 7: the mean counted value of the area's assessed skills, left to right
  for (const area of data.areas) {
    const values = data.skills.filter((s) => s.area === area.id && skills[s.id].score !== null)
      .map((s) => skills[s.id].counted);
    areas[area.id] = values.length ? round2(values.reduce((a, b) => a + b, 0) / values.length) : null;
  }

  const quick = has(answers, "mode") && answers.mode === "quick";
  // Rule 8; data.skills is in content order (area order, then skill order). A skill the role
  // does not list is not expected: it has no target and is never a gap.
  const gaps = [];
  data.skills.forEach((s, order) => {
    const expect = expectationOf(role, s.id);
    if (!expect) return;
    // A quick result has no evidence on the skills it did not ask: not a gap, "not assessed".
    if (quick && skills[s.id].score === null) return;
    const current = skills[s.id].counted;
    const gap = round2(Math.max(0, expect.level - current));
    if (gap <= 0) return;
    gaps.push({ skill: s.id, current: round2(current), target: expect.level, gap,
      importance: expect.importance, priority: round2(gap * expect.importance),
      goal: goalLevel(current, expect.level, hi, applicable(data, s)), resources: [], order });
  });
  gaps.sort((a, b) => b.priority - a.priority || b.gap - a.gap || a.order - b.order);
  const topGaps = gaps.slice(0, st.top_gaps);
  for (const g of topGaps) g.resources = resourcesFor(data, g.skill, g.goal, read);
  for (const g of gaps) delete g.order;

  return { role: role.id, skills, areas, gaps, top_gaps: topGaps.map((g) => g.skill),
    plan: learningPlan(data, topGaps, read), calibration: calibration(data, chosen),
    unsupported: unsupported(data, role, skills, gaps, has(answers, "mode") ? answers.mode : null) };
}

/** Rule 8's other side: the targets above L0 this result cannot speak for. ``not_asked``: a
 * quick result's skills it did not ask (no evidence, so neither met nor a gap);
 * ``rating_only``: targets reached by a self-rating on a skill whose checks all went
 * unanswered (taken at the person's word: not a gap, not shown to be met). A second
 * opinion is ratings by design, and a skill without checks has nothing else. */
function unsupported(data, role, skills, gaps, mode) {
  const { lo } = scale(data);
  const gapped = new Set(gaps.map((g) => g.skill));
  const out = { not_asked: [], rating_only: [] };
  for (const s of data.skills) {
    const expect = expectationOf(role, s.id);
    if (!expect || expect.level <= lo || gapped.has(s.id)) continue;
    if (skills[s.id].score === null) out.not_asked.push(s.id);
    else if (skills[s.id].status === "self-rated" && s.checks.length && mode !== "opinion") out.rating_only.push(s.id);
  }
  return out;
}
