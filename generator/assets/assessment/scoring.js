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

/** The level scale's lowest and highest values. */
export function scale(data) {
  const values = data.levels.map((l) => l.value);
  return { lo: Math.min(...values), hi: Math.max(...values) };
}

/**
 * Every question of a mode in asking order: per skill (content order), the self-rating
 * (``check: null``), then the checks the data lists for that mode (``skill.ask[mode]``).
 * Returns [{skill: id, check: id | null}].
 */
export function questionsFor(data, mode) {
  const out = [];
  for (const skill of data.skills) {
    out.push({ skill: skill.id, check: null });
    for (const id of skill.ask[mode === "full" ? "full" : "quick"]) out.push({ skill: skill.id, check: id });
  }
  return out;
}

/** The checks a mode asks of each skill, as check objects: {skill id: [check]}. */
export function checksToAsk(data, mode) {
  const out = {};
  for (const skill of data.skills) {
    const byId = new Map(skill.checks.map((c) => [c.id, c]));
    out[skill.id] = skill.ask[mode === "full" ? "full" : "quick"].map((id) => byId.get(id));
  }
  return out;
}

/**
 * The self-rating of a skill that counts: an integer level on the scale, given for the
 * current wording of the skill's levels (``hash`` equal to ``rating_hash``); else null.
 */
export function validRating(data, skill, entry) {
  const { lo, hi } = scale(data);
  if (!entry || typeof entry !== "object") return null;
  const { level, hash } = entry;
  return Number.isInteger(level) && level >= lo && level <= hi && hash === skill.rating_hash
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

/** Rule 1: ``k = L0 + (Lmax − L0) × correct / answered``; null with no answers. */
export function knowledgeLevel(lo, hi, answered, correct) {
  return answered ? round2(lo + ((hi - lo) * correct) / answered) : null;
}

/** Rule 2: the mean of rating and knowledge, whichever are present. */
export function skillScore(rating, knowledge) {
  if (rating !== null && knowledge !== null) return round2((rating + knowledge) / 2);
  if (rating !== null) return round2(rating);
  if (knowledge !== null) return round2(knowledge);
  return null;
}

/** Rule 3: over- or underconfident when rating and knowledge differ by ``difference``,
 * judged only on at least ``minChecks`` answered checks. */
export function confidenceFlag(rating, knowledge, difference, answered, minChecks) {
  if (rating === null || knowledge === null || answered < minChecks) return null;
  if (rating - knowledge >= difference) return "overconfident";
  if (knowledge - rating >= difference) return "underconfident";
  return null;
}

/** Rule 6: one level above the current one, capped by the scale and the target. */
export function goalLevel(current, target, hi) {
  return Math.min(hi, Math.floor(current) + 1, target);
}

// Code-point order, as Python's sort compares strings.
const cmp = (a, b) => (a < b ? -1 : a > b ? 1 : 0);

function byCloseness(a, b) {
  return b.level - a.level || (a.cost === "free" ? 0 : 1) - (b.cost === "free" ? 0 : 1)
    || a.minutes - b.minutes || cmp(a.id, b.id);
}

/** Rule 7: the resources for a gap at ``goal``, as ids. */
export function resourcesFor(data, skillId, goal) {
  const mine = data.resources.filter((r) => r.skills.includes(skillId));
  let pick = mine.filter((r) => r.level <= goal);
  if (!pick.length) {
    const above = mine.filter((r) => r.level > goal);
    const lowest = Math.min(...above.map((r) => r.level));
    pick = above.filter((r) => r.level === lowest);
  }
  return pick.sort(byCloseness).slice(0, data.settings.resources_per_gap).map((r) => r.id);
}

/** Rule 8: round-robin over the top gaps' resources into 30/60/90-day buckets. */
export function learningPlan(data, topGaps) {
  const minutes = Object.fromEntries(data.resources.map((r) => [r.id, r.minutes]));
  const budget = data.settings.plan_minutes_per_month;
  const out = { 30: [], 60: [], 90: [] };
  const taken = new Set();
  let before = 0;
  const rounds = Math.max(0, ...topGaps.map((g) => g.resources.length));
  for (let i = 0; i < rounds; i += 1) {
    for (const gap of topGaps) {
      const id = gap.resources[i];
      if (id === undefined || taken.has(id)) continue;
      taken.add(id);
      const bucket = before < budget ? 30 : before < 2 * budget ? 60 : before < 3 * budget ? 90 : 0;
      if (bucket) out[bucket].push(id);
      before += minutes[id];
    }
  }
  return out;
}

/**
 * Score one set of answers against a target role (docs/scoring.md).
 *
 * ``answers`` holds ``ratings`` ({skill id: {level, hash}}) and ``answers``
 * ({check id: {choice, hash}}) as in a result file (docs/result-format.md). Entries
 * whose hash differs from the current content, with a value out of range or of the
 * wrong type (a boolean is not a number), or for unknown ids do not count.
 * Returns the result object of docs/scoring.md. Throws on an unknown role.
 */
export function score(data, answers, roleId) {
  const role = data.roles.find((r) => r.id === roleId);
  if (!role) throw new Error(`unknown role '${roleId}' (expected one of: ${data.roles.map((r) => r.id).join(", ")})`);
  const { lo, hi } = scale(data);
  const ratings = has(answers, "ratings") && answers.ratings && typeof answers.ratings === "object" ? answers.ratings : {};
  const chosen = has(answers, "answers") && answers.answers && typeof answers.answers === "object" ? answers.answers : {};
  const { flag_difference: d, flag_min_checks: minChecks } = data.settings;

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
    const k = knowledgeLevel(lo, hi, answered, correct);
    skills[skill.id] = { rating: r, knowledge: k, score: skillScore(r, k), answered, correct,
      flag: confidenceFlag(r, k, d, answered, minChecks) };
  }

  const areas = {}; // rule 4: plain left-to-right addition
  for (const area of data.areas) {
    const scores = data.skills.filter((s) => s.area === area.id && skills[s.id].score !== null)
      .map((s) => skills[s.id].score);
    areas[area.id] = scores.length ? round2(scores.reduce((a, b) => a + b, 0) / scores.length) : null;
  }

  const gaps = []; // rule 5; data.skills is in content order (area order, then skill order)
  data.skills.forEach((s, order) => {
    const expect = has(role.expectations, s.id) ? role.expectations[s.id] : null;
    if (!expect) return;
    const current = skills[s.id].score ?? lo;
    const gap = round2(Math.max(0, expect.level - current));
    if (gap <= 0) return;
    gaps.push({ skill: s.id, current: round2(current), target: expect.level, gap,
      importance: expect.importance, priority: round2(gap * expect.importance),
      goal: goalLevel(current, expect.level, hi), resources: [], order });
  });
  gaps.sort((a, b) => b.priority - a.priority || b.gap - a.gap || a.order - b.order);
  const top = gaps.slice(0, data.settings.top_gaps);
  for (const g of top) g.resources = resourcesFor(data, g.skill, g.goal);
  for (const g of gaps) delete g.order;

  return { role: role.id, skills, areas, gaps, top_gaps: top.map((g) => g.skill),
    plan: learningPlan(data, top) };
}
