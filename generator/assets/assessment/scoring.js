// Scoring of the self-assessment: docs/scoring.md, rule by rule.
// Pure functions with no DOM and no imports, so Node can import this file too
// (the Python twin, generator/scoring.py, is held to the same results by a parity test).
// Notes for the twin: in JS, 2 and 2.0 are the same integer and a boolean is never a
// number; flags compare r − k with d exactly as computed; an area's mean adds the
// scores left to right with plain + (not math.fsum, nor Python ≥ 3.12's compensated sum()).

/** Round half up to 2 decimals, once at the end of each rule (scoring.md). */
export const round2 = (x) => Math.round(x * 100) / 100;

const isIndex = (v, size) => Number.isInteger(v) && v >= 0 && v < size;

/** The level scale's lowest and highest values. */
export function scale(data) {
  const values = data.levels.map((l) => l.value);
  return { lo: Math.min(...values), hi: Math.max(...values) };
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

/**
 * The checks asked for each skill in a mode, in asking order: ``full`` asks every check;
 * ``quick`` asks the ``quick: true`` ones first, up to ``quick_checks_per_skill``, then
 * the skill's other checks in content order to fill up. Returns {skill id: [check]}.
 */
export function checksToAsk(data, mode) {
  const per = data.settings.quick_checks_per_skill;
  const out = {};
  for (const skill of data.skills) {
    const quickFirst = [...skill.checks.filter((c) => c.quick), ...skill.checks.filter((c) => !c.quick)];
    out[skill.id] = mode === "full" ? skill.checks.slice() : quickFirst.slice(0, per);
  }
  return out;
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
function plan(data, topGaps) {
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
  if (!role) throw new Error(`unknown role '${roleId}'`);
  const { lo, hi } = scale(data);
  const ratings = (answers && answers.ratings) || {};
  const chosen = (answers && answers.answers) || {};
  const d = data.settings.flag_difference;
  const has = (obj, key) => Object.prototype.hasOwnProperty.call(obj, key);

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
    const k = answered ? round2(lo + ((hi - lo) * correct) / answered) : null; // rule 1
    let s = null; // rule 2
    if (r !== null && k !== null) s = round2((r + k) / 2);
    else if (r !== null) s = r;
    else if (k !== null) s = k;
    let flag = null; // rule 3
    if (r !== null && k !== null && answered >= data.settings.flag_min_checks) {
      if (r - k >= d) flag = "overconfident";
      else if (k - r >= d) flag = "underconfident";
    }
    skills[skill.id] = { rating: r, knowledge: k, score: s, answered, correct, flag };
  }

  const areas = {}; // rule 4: plain left-to-right addition (Python >= 3.12's sum() compensates)
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
    const goal = Math.min(hi, Math.floor(current) + 1, expect.level); // rule 6
    gaps.push({ skill: s.id, current, target: expect.level, gap, importance: expect.importance,
      priority: round2(gap * expect.importance), goal, resources: [], order });
  });
  gaps.sort((a, b) => b.priority - a.priority || b.gap - a.gap || a.order - b.order);
  const top = gaps.slice(0, data.settings.top_gaps);
  for (const g of top) g.resources = resourcesFor(data, g.skill, g.goal);
  for (const g of gaps) delete g.order;

  return { role: role.id, skills, areas, gaps, top_gaps: top.map((g) => g.skill), plan: plan(data, top) };
}
