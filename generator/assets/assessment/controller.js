// The self-assessment's controller, loaded by app.js only on the page that has it.
// The state lives in one object per mount; every change saves it and re-renders a view.

import { questionsFor, score } from "./scoring.js";
import * as S from "./state.js";
import { readIds, setRead } from "./marks.js";
import { h, markUntranslated, resultView, skillView, startView } from "./view.js";
import { markdownReport, num, translator } from "./report.js";

const dataCache = new Map();

function loadData(url) {
  if (!dataCache.has(url)) {
    dataCache.set(url, fetch(url, { cache: "no-cache" }).then((r) => {
      if (!r.ok) throw new Error(`HTTP ${r.status}`);
      return r.json();
    }).then((data) => {
      const ok = data && data.format === 2 && [data.levels, data.areas, data.skills, data.roles, data.resources]
        .every(Array.isArray) && data.roles.length && data.levels.length > 1 && data.strings;
      if (!ok) throw new Error("unexpected data.json");
      return data;
    }).catch((err) => {
      dataCache.delete(url);
      throw err;
    }));
  }
  return dataCache.get(url);
}

function download(filename, type, text) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = h("a", { href: url, download: filename, hidden: true });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}

/** ``#role=<id>`` or ``?role=<id>`` (the role pages link with either), and ``#share=<payload>``. */
const readLocation = () => {
  const m = /^#(role|share)=(.*)$/.exec(window.location.hash);
  let value = m ? m[2] : "";
  try {
    value = decodeURIComponent(value);
  } catch {
    // A malformed %-escape: keep the text as it is; the checks below reject it.
  }
  const out = m ? { [m[1]]: value } : {};
  const query = new URLSearchParams(window.location.search).get("role");
  if (out.role === undefined && query !== null) out.role = query;
  return out;
};

// The app on screen now (instant navigation mounts a new one); another tab's save reaches it.
let current = null;
window.addEventListener("storage", (event) => {
  if (event.key === S.STORAGE_KEY && event.newValue && current) current.fromOtherTab();
});

/** Load data.json and run the app in ``root`` (the #assessment-app element). */
export async function mount(root) {
  root.setAttribute("aria-busy", "true");
  let data;
  try {
    data = await loadData(new URL(root.dataset.src, window.location.href).href);
  } catch (err) {
    root.replaceChildren(h("p", { class: "assess-error", role: "alert",
      text: (root.dataset.error || "{reason}").replace("{reason}", err.message) }));
    root.removeAttribute("aria-busy");
    return;
  }
  const t = translator(data.strings);
  markUntranslated(data);
  // The first view (the page's own HTML) let the person pick a role while this loaded.
  const early = root.querySelector(".assess-preview input[name=role]:checked");
  const app = new App(root, data, t, (n) => num(data, n));
  if (early && !early.defaultChecked) app.earlyRole = early.value;
  current = app;
  app.start();
}

class App {
  constructor(root, data, t, fmt) {
    Object.assign(this, { root, data, t, fmt });
    this.base = new URL("../../", new URL(root.dataset.src, window.location.href)).href;
    this.notes = [];
    this.saved = null; // {doc, step: "start" | number | "result", pending: null | {skills, checks}}
    this.shared = null; // a read-only doc from a share link
    this.live = h("p", { class: "assess-sr", role: "status", "aria-live": "polite" });
    this.noticeBox = h("div", { class: "assess-notices" });
    this.main = h("div", { class: "assess-view" });
    this.shareUrl = "";
    this.storageWarning = null; // {text, error}, then false once dismissed
    this.sureFirst = {}; // "how sure" picked before the answer it belongs to
    this.opinion = null; // an imported second opinion, shown beside the own result
  }

  start() {
    const { data, t } = this;
    const loaded = S.loadSaved(data, t);
    this.saved = loaded.saved;
    this.notes.push(...loaded.notes.map((text) => ({ text, error: !this.saved })));
    if (this.saved && loaded.changed) this.reconcile();
    const hash = readLocation();
    this.wantedRole = this.earlyRole && data.roles.some((r) => r.id === this.earlyRole) ? this.earlyRole : null;
    if (hash.role !== undefined) {
      if (data.roles.some((r) => r.id === hash.role)) {
        this.wantedRole = hash.role;
        if (this.saved && this.saved.step === "result") this.saved.doc.role = hash.role;
      } else this.notes.push({ text: t("error_role", { role: S.short(hash.role) }), error: true });
    }
    if (hash.share !== undefined) {
      try {
        const read = S.readShare(data, hash.share, t);
        this.shared = read.doc;
        this.notes.push(...read.notes.map((text) => ({ text })));
      } catch (err) {
        if (!(err instanceof S.Unreadable)) throw err;
        this.notes.push({ text: err.message, error: true });
      }
    }
    if (this.saved && JSON.stringify(this.saved) !== loaded.text) this.persist(false);
    this.root.replaceChildren(this.live, this.noticeBox, this.main);
    this.root.removeAttribute("aria-busy");
    this.render(false);
    this.resume();
  }

  /** Back where the person was: the question last answered on the saved step, in view. */
  resume() {
    const at = this.saved && !this.shared && Number.isInteger(this.saved.step) ? this.saved.at : null;
    if (!at) return;
    const inputs = [...this.main.querySelectorAll("input")].filter((el) => el.name === at);
    const input = inputs.find((el) => el.checked) || inputs[0];
    if (!input) return;
    input.closest("fieldset").scrollIntoView({ block: "start" });
    input.focus({ preventScroll: true });
  }

  /** Another tab saved: keep every answer either tab has (the other tab's wins where both
   * answered, being the later save), so two tabs never lose each other's answers. */
  fromOtherTab() {
    if (this.shared || !this.saved || !this.root.isConnected) return;
    const other = S.loadSaved(this.data, this.t).saved;
    if (!other) return;
    const doc = this.saved.doc;
    // Different assessments (one tab started over): the newer one wins in both tabs, and
    // answers never move from one assessment to another.
    if (other.doc.created !== doc.created) {
      if (other.doc.created > doc.created) {
        this.saved = other;
        this.render(false);
      } else this.persist(false);
      return;
    }
    const merged = { ...doc, ratings: { ...doc.ratings, ...other.doc.ratings },
      answers: { ...doc.answers, ...other.doc.answers } };
    const read = [...new Set([...(doc.read || []), ...(other.doc.read || [])])];
    if (read.length) merged.read = read;
    if (JSON.stringify(merged) === JSON.stringify(doc)) return;
    this.saved.doc = merged;
    this.persist(false);
    if (this.saved.step === "result") this.render(false);
    else this.updateProgress();
  }

  /** After content changed: ask only new or changed questions if the result was reached. */
  reconcile() {
    const saved = this.saved;
    const missing = S.unanswered(this.data, saved.doc);
    if (saved.step === "result" && missing.skills.length + missing.checks.length) {
      saved.pending = missing;
      saved.step = 0;
    }
  }

  /** Save the state; ``changed`` marks an edit by the person (the doc's ``updated``). */
  persist(changed = true) {
    if (this.shared || !this.saved) return;
    if (changed) S.touch(this.saved.doc);
    if (!S.save(this.saved) && this.storageWarning === null) {
      // Stays on screen across steps until dismissed: every later save fails too.
      this.storageWarning = { text: this.t("error_storage"), error: true };
      this.renderNotes();
    }
  }

  // --- what to ask -------------------------------------------------------------------

  /** The steps: one per skill with something to ask (only pending questions after a
   * change), in scoring.js's question order, the order the terminal asks in too. The quick
   * mode's checks depend on the answers so far, so the steps are worked out afresh. */
  steps() {
    const { data } = this;
    const pending = this.saved.pending;
    const skills = new Map(data.skills.map((s) => [s.id, s]));
    const checks = new Map(data.skills.flatMap((s) => s.checks.map((c) => [c.id, c])));
    const areas = new Map(data.areas.map((a) => [a.id, a]));
    const items = new Map();
    for (const q of questionsFor(data, this.saved.doc.mode, this.saved.doc)) {
      if (!items.has(q.skill)) {
        const skill = skills.get(q.skill);
        items.set(q.skill, { skill, area: areas.get(skill.area), rate: false, checks: [] });
      }
      const item = items.get(q.skill);
      if (q.check === null) item.rate = !pending || pending.skills.includes(q.skill);
      else if (!pending || pending.checks.includes(q.check)) item.checks.push(checks.get(q.check));
    }
    const steps = [...items.values()].filter((item) => item.rate || item.checks.length);
    return steps.map((step, index) => ({ ...step, index, count: steps.length }));
  }

  /** Whether a step still has a question without an answer. */
  open(step) {
    const doc = this.saved.doc;
    return (step.rate && !doc.ratings[step.skill.id]) || step.checks.some((c) => !doc.answers[c.id]);
  }

  progress(steps, index) {
    const doc = this.saved.doc;
    let total = 0;
    let answered = 0;
    for (const item of steps) {
      total += (item.rate ? 1 : 0) + item.checks.length;
      answered += (item.rate && doc.ratings[item.skill.id] ? 1 : 0)
        + item.checks.filter((c) => doc.answers[c.id]).length;
    }
    return { step: index + 1, steps: steps.length, skill: steps[index].skill.name,
      area: steps[index].area.name, answered, total };
  }

  /** Each mode's estimate for a role (data.estimates, computed at build time). */
  estimates(role) {
    const e = this.data.estimates;
    return { quick: (e.quick[role] || Object.values(e.quick)[0]).text, full: e.full.text };
  }

  // --- rendering -------------------------------------------------------------------------

  ctx(extra = {}) {
    return { data: this.data, t: this.t, fmt: this.fmt, base: this.base, ...extra };
  }

  renderNotes() {
    const notes = this.storageWarning ? [this.storageWarning, ...this.notes] : this.notes;
    this.noticeBox.replaceChildren(...notes.map((note) => h("div",
      { class: `assess-notice${note.error ? " assess-notice--error" : ""}`, role: note.error ? "alert" : "status" },
      h("p", { text: note.text }),
      h("button", { type: "button", class: "assess-dismiss", "aria-label": this.t("dismiss"), text: "×",
        onclick: () => {
          if (note === this.storageWarning) this.storageWarning = false;
          this.notes = this.notes.filter((n) => n !== note);
          this.renderNotes();
          this.main.querySelector("h2")?.focus();
        } }))));
  }

  render(focus = true, announce = "") {
    this.renderNotes();
    let view;
    try {
      view = this.view();
    } catch (err) {
      // A bug must not leave a blank page: say so, and keep the saved answers as they are.
      view = { node: h("p", { class: "assess-error", role: "alert", text: this.t("error_load", { reason: err.message }) }) };
    }
    this.main.replaceChildren(view.node);
    if (announce || view.announce) this.live.textContent = announce || view.announce;
    const heading = this.main.querySelector("h2");
    if (focus && heading) {
      heading.focus({ preventScroll: true });
      // A step scrolls to its form, so the area's name above the skill stays in sight too.
      (heading.closest("form.assess-area") || heading).scrollIntoView({ block: "start" });
    }
  }

  view() {
    const { data, t } = this;
    if (this.shared) {
      const result = score(data, this.shared, this.shared.role);
      return { node: resultView(this.ctx({ readOnly: true }), this.shared, result, this.actions()),
        announce: t("result_ready", { role: this.roleName(result.role) }) };
    }
    const saved = this.saved;
    if (!saved || saved.step === "start") {
      const doc = saved && saved.doc;
      return { node: startView(this.ctx({ role: this.wantedRole || (doc ? doc.role : data.roles[0].id),
        mode: doc ? doc.mode : "quick", name: doc && doc.name ? doc.name : "", rater: doc && doc.rater }), this.actions()) };
    }
    if (saved.step !== "result") {
      const steps = this.steps();
      if (!steps.length) {
        saved.step = "result";
        saved.pending = null;
        return this.view();
      }
      saved.step = Math.min(saved.step, steps.length - 1);
      const progress = this.progress(steps, saved.step);
      const pendingCount = saved.pending ? saved.pending.skills.length + saved.pending.checks.length : 0;
      // Another skill with an open question: offer to jump to it.
      const nextOpen = this.nextOpen(steps, (saved.step + 1) % steps.length);
      return { node: skillView(this.ctx({ doc: saved.doc, progress, pendingCount,
        hasOpen: nextOpen !== null && nextOpen !== saved.step }), steps[saved.step], this.actions()),
      announce: t("progress", progress) };
    }
    const result = score(data, saved.doc, saved.doc.role);
    const missing = S.unanswered(data, { ...saved.doc, mode: "full" });
    return { node: resultView(this.ctx({ shareUrl: this.shareUrl, opinion: this.opinion,
      moreQuestions: saved.doc.mode === "quick" && missing.checks.length > 0 }),
      saved.doc, result, this.actions()), announce: t("result_ready", { role: this.roleName(result.role) }) };
  }

  roleName(id) {
    return this.data.roles.find((r) => r.id === id).name;
  }

  /** The first step from ``from`` on (then from the start) with an unanswered question. */
  nextOpen(steps, from) {
    for (let i = 0; i < steps.length; i += 1) {
      const at = (from + i) % steps.length;
      if (this.open(steps[at])) return at;
    }
    return null;
  }

  /** After an answer: redraw the step when its questions changed (the quick mode asks a
   * second check only when the first disagrees with the rating), else the progress only. */
  afterAnswer(name) {
    const steps = this.steps();
    const step = steps[this.saved.step];
    const shown = [...this.main.querySelectorAll("fieldset.assess-check")].map((f) => f.dataset.check).join(" ");
    if (step && step.checks.map((c) => c.id).join(" ") !== shown) {
      const added = step.checks.length > shown.split(" ").filter(Boolean).length;
      this.render(false, added ? this.t("more_asked", { skill: step.skill.name }) : "");
      const input = [...this.main.querySelectorAll("input")].find((el) => el.name === name && el.checked);
      if (input) input.focus({ preventScroll: true });
      return;
    }
    this.updateProgress(steps);
  }

  updateProgress(steps = this.steps()) {
    const p = this.progress(steps, Math.min(this.saved.step, steps.length - 1));
    const bar = this.main.querySelector("progress");
    bar.value = p.answered;
    bar.max = p.total;
    const text = this.t("progress", p);
    this.main.querySelector("#assess-progress-text").textContent = text;
    this.live.textContent = text;
  }

  // --- actions ---------------------------------------------------------------------------

  actions() {
    if (this._actions) return this._actions;
    const { data, t } = this;
    const go = (step, extra = {}) => {
      Object.assign(this.saved, { step }, extra);
      this.shareUrl = "";
      this.persist(false);
      this.render(true);
    };
    const doc = () => this.shared || this.saved.doc;
    this._actions = {
      start: ({ role, mode, name, rater }) => {
        this.notes = [];
        if (mode === "opinion" && !name) {
          // A second opinion is about someone: without a name nobody can tell whose it is.
          this.notes = [{ text: t("error_opinion_name"), error: true }];
          this.renderNotes();
          this.main.querySelector("#assess-name").focus();
          return;
        }
        // What the person marked as read on the reading list stays theirs.
        const read = this.saved && this.saved.doc.read;
        if (this.saved && (this.saved.doc.mode === "opinion") !== (mode === "opinion")) {
          // Between rating yourself and rating someone else no answer carries over.
          this.saved = null;
        }
        if (this.saved) Object.assign(this.saved.doc, { role, mode, name: name || undefined });
        else this.saved = { doc: S.newDoc(data, mode, role, name, rater), step: 0, pending: null };
        if (read) this.saved.doc.read = read;
        if (!name) delete this.saved.doc.name;
        if (mode === "opinion" && rater) this.saved.doc.rater = S.cut(rater, S.NAME_MAX);
        else delete this.saved.doc.rater;
        S.touch(this.saved.doc);
        go(0);
      },
      answer: (name, value) => {
        const [kind, id] = name.split(":");
        const d = this.saved.doc;
        if (kind === "rating") {
          const skill = data.skills.find((s) => s.id === id);
          d.ratings[id] = { level: Number(value), hash: skill.rating_hash };
        } else if (kind === "check") {
          const check = data.skills.flatMap((s) => s.checks).find((c) => c.id === id);
          const sure = (d.answers[id] && d.answers[id].sure) || this.sureFirst[id];
          d.answers[id] = { choice: Number(value), hash: check.hash };
          if (sure) d.answers[id].sure = sure;
        } else if (kind === "sure") {
          // Picked before the answer: kept until the answer is given.
          if (d.answers[id]) d.answers[id].sure = Number(value);
          else this.sureFirst[id] = Number(value);
        } else return;
        d.content_version = data.content_version;
        this.saved.at = name;
        this.persist();
        this.afterAnswer(name);
      },
      next: () => {
        const steps = this.steps();
        this.notes = [];
        if (this.saved.step < steps.length - 1) go(this.saved.step + 1, { at: null });
        else go("result", { pending: null, at: null });
      },
      back: () => {
        this.notes = [];
        go(this.saved.step > 0 ? this.saved.step - 1 : "start", { at: null });
      },
      nextOpen: () => {
        const steps = this.steps();
        const at = this.nextOpen(steps, (this.saved.step + 1) % steps.length);
        this.notes = [];
        if (at === null) go("result", { pending: null, at: null });
        else go(at, { at: null });
      },
      edit: () => {
        this.notes = [];
        go(0, { pending: null });
      },
      continueFull: () => {
        this.notes = [];
        this.saved.doc.mode = "full";
        S.touch(this.saved.doc);
        go(0, { pending: S.unanswered(data, this.saved.doc) });
      },
      startOver: () => {
        // Starting over discards the answers, not what the person has read: the marks on
        // the reading list and skill pages stay.
        const read = [...readIds()];
        S.clearSaved();
        for (const id of read) setRead(id, true);
        this.saved = null;
        this.notes = [];
        this.shareUrl = "";
        this.render(true);
      },
      setRole: (role) => {
        doc().role = role;
        this.shareUrl = "";
        this.persist();
        this.render(false, t("result_updated", { role: this.roleName(role) }));
        this.main.querySelector("#assess-role").focus();
      },
      retake: () => {
        // The finished take joins the history (kept in exported files too), then a fresh start.
        const d = this.saved.doc;
        const take = { updated: d.updated, mode: d.mode, ratings: d.ratings, answers: d.answers };
        const fresh = S.newDoc(data, d.mode, d.role, d.name, d.rater);
        fresh.history = [...(d.history || []), take].slice(-S.HISTORY_MAX);
        if (d.read) fresh.read = d.read;
        this.saved = { doc: fresh, step: 0, pending: null, at: null };
        this.opinion = null;
        this.notes = [];
        go(0);
      },
      toggleRead: (id) => {
        const d = this.saved.doc;
        const read = new Set(d.read || []);
        const was = read.has(id);
        if (was) read.delete(id);
        else read.add(id);
        d.read = S.readList(data, [...read]);
        if (!d.read.length) delete d.read;
        this.persist();
        const title = data.resources.find((r) => r.id === id).title;
        this.render(false, t(was ? "read_unmarked" : "read_marked", { title }));
        // Focus stays near: the mark that can undo it, or the plan.
        (this.main.querySelector(`[data-read="${CSS.escape(id)}"]`) || this.main.querySelector("#assess-plan-h")
          || this.main.querySelector("h2")).focus();
      },
      closeOpinion: () => {
        this.opinion = null;
        this.render(true);
      },
      takeOwn: () => {
        window.history.replaceState(null, "", window.location.pathname + window.location.search);
        this.shared = null;
        this.notes = [];
        this.render(true);
      },
      downloadJson: () => {
        const kind = doc().mode === "opinion" ? "second-opinion" : "self-assessment";
        download(`${kind}-${doc().updated.slice(0, 10)}.json`, "application/json",
          `${JSON.stringify(doc(), null, 2)}\n`);
      },
      downloadMd: () => {
        const d = doc();
        download(`self-assessment-${d.updated.slice(0, 10)}.md`, "text/markdown",
          markdownReport(data, d, score(data, d, d.role), { shared: !!this.shared }));
      },
      share: () => {
        const url = new URL(window.location.href);
        url.search = "";
        url.hash = `share=${S.sharePayload(this.saved.doc)}`;
        this.shareUrl = url.href;
        this.render(false);
        const field = this.main.querySelector("#assess-share");
        field.focus();
        if (navigator.clipboard) {
          navigator.clipboard.writeText(url.href).then(() => { this.live.textContent = t("share_copied"); }, () => {});
        }
      },
      importFile: (file) => {
        file.text().then((text) => {
          const read = S.readFile(data, text, file.name, t);
          if (read.doc.mode === "opinion" && this.saved && this.saved.doc.mode !== "opinion" && !this.shared) {
            // A second opinion goes beside the person's own result; their answers stay as they are.
            this.opinion = read.doc;
            this.saved.step = "result";
            this.notes = [{ text: t("import_done", { where: file.name }) }, ...read.notes.map((x) => ({ text: x }))];
            this.persist(false);
            this.render(false);
            this.main.querySelector("#assess-opinion-h").scrollIntoView({ block: "start" });
            return;
          }
          this.shared = null;
          this.opinion = null;
          this.saved = { doc: read.doc, step: "result", pending: null };
          if (read.changed) this.reconcile();
          this.notes = [{ text: t("import_done", { where: file.name }) }, ...read.notes.map((x) => ({ text: x }))];
          this.shareUrl = "";
          this.persist(false);
          this.render(true);
        }).catch((err) => {
          const reason = err instanceof S.Unreadable ? err.message : t("error_not_json", { where: file.name });
          this.notes = [{ text: t("error_import", { reason }), error: true }];
          this.renderNotes(); // role="alert": read out at once, focus stays on the file field
        });
      },
    };
    return this._actions;
  }
}
