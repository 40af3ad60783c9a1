// The level descriptions a self-rating offers, in the framework's own words: which levels a
// skill offers (only those that apply to it, decided at build time in ``skill.applicable``),
// what each is called (``level.label``: "2 · Practising", or just "Level 2" when the name
// holds the number), and what it says: the skill's behaviours with their examples, or for
// the "not yet" floor (which skills need not describe) the framework's summary of it.
// ``levelChoices`` is pure (no DOM); ``levelContent`` turns one choice into label content.

import { translator } from "./report.js";
import { applicable } from "./scoring.js";

/** The self-rating's choices for a skill, lowest first. */
export function levelChoices(data, skill) {
  const t = translator(data.strings);
  const offered = new Set(applicable(data, skill));
  return data.levels.filter((level) => offered.has(level.value)).map((level) => {
    const described = skill.levels[String(level.value)];
    return {
      value: level.value,
      label: level.label,
      name: level.name,
      floor: level.value === data.floor,
      // The floor says what "not yet" means for every skill unless the skill describes it.
      summary: described ? null : level.summary,
      behaviours: described ? described.behaviours_html.map((html, i) => ({
        html, examples: (described.examples_html || [])[i] || [] })) : [],
      examples_label: t("levels.examples"),
    };
  });
}

/** A choice as the content of its label: spans only, since a label holds phrasing content. */
export function levelContent(h, choice) {
  return [
    h("span", { class: "assess-level" }, ...named(h, choice.label, choice.name)),
    choice.summary === null ? null : h("span", { class: "assess-behaviour", text: choice.summary }),
    choice.behaviours.map((b) => h("span", { class: "assess-behaviour" },
      h("span", { html: b.html }),
      b.examples.length ? h("span", { class: "assess-examples" },
        h("span", { class: "assess-examples__label", text: choice.examples_label }),
        b.examples.map((e) => h("span", { class: "assess-example", html: e }))) : null)),
  ];
}

/** A label's text with the level's name in its own span ("第 1 级：" + "Basic"), so a name
 * still in the source language is marked as such (view.js) and the rest is not. */
function named(h, label, name) {
  const at = name ? label.lastIndexOf(name) : -1;
  if (at < 0) return [label];
  return [label.slice(0, at), h("span", { text: name }), label.slice(at + name.length)].filter(Boolean);
}
