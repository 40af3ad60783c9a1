"""Benchmarks with printed numbers (`make bench`). Not a test: goals are read, not asserted.

For synthetic content at 1x, 10x and 100x the shipped size it prints the generator's time per
stage, the full build's wall time and peak memory, the MkDocs share of it, and MkDocs building
the same number of plain pages. Then the serve loop (save a YAML file -> regenerated page) and
the assessment's page weight.

    python tests/bench.py [--scales 1,10,100] [--skip-serve] [--skip-weight] [--skip-phone]
                          [--skip-lighthouse] [--skip-zensical] [--skip-languages]
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import platform
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from importlib.metadata import version
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from generator.project import Project, StageTimes
from generator.site.engines import ENGINES
from generator.site.generate import generate
from tests.synthetic import REPO, make_plain_project, make_project, same_configuration

# Subprocesses run this checkout's generator, not whichever one the venv has installed.
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1",
       "PYTHONPATH": os.pathsep.join(filter(None, [str(REPO), os.environ.get("PYTHONPATH")]))}


CPU: dict[tuple[str, ...], float] = {}
"""CPU seconds (user + system) of the last run of each command: on a machine shared with
other work, wall time stretches with the load while CPU time mostly does not."""


def timed_subprocess(cmd: list[str], cwd: Path) -> tuple[float, float]:
    """Run a command; return (wall seconds, peak RSS in MiB of it and its children); its CPU
    seconds go to ``CPU``."""
    probe = ("import resource,subprocess,sys,time;t=time.perf_counter();"
             "r=subprocess.run(sys.argv[1:]);w=time.perf_counter()-t;"
             "u=resource.getrusage(resource.RUSAGE_CHILDREN);"
             "print(w,u.ru_maxrss,u.ru_utime+u.ru_stime,file=sys.stderr);sys.exit(r.returncode)")
    proc = subprocess.run([sys.executable, "-c", probe, *cmd], cwd=cwd, env=ENV,
                          stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, check=False)
    if proc.returncode != 0:
        raise SystemExit(f"failed: {' '.join(cmd)}\n{proc.stderr}")
    wall, rss_kib, cpu = proc.stderr.strip().splitlines()[-1].split()
    CPU[tuple(cmd)] = float(cpu)
    return float(wall), int(rss_kib) / 1024


def cpu_of(cmd: list[str]) -> float:
    return CPU[tuple(cmd)]


ASSET = re.compile(r'<(?:link[^>]*\brel="stylesheet"[^>]*\bhref|script[^>]*\bsrc)="([^"]+)"')
EXTERNAL = re.compile(r'<(?:link[^>]*\bhref|script[^>]*\bsrc|img[^>]*\bsrc|iframe[^>]*\bsrc)='
                      r'"((?:https?:)?//[^"]+)"')


def gz(data: bytes) -> int:
    """Bytes on the wire, gzipped as a host serves them (level 6)."""
    return len(gzip.compress(data, compresslevel=6, mtime=0))


def page_weights(site: Path) -> dict[str, tuple[str, int]]:
    """Gzip bytes of each page's HTML plus the style sheets and scripts it loads (a first,
    uncached view; the assessment's data.json and the search index load later and are
    counted apart): the median page, the largest, the reading list and the glossary."""
    assets: dict[Path, int] = {}
    weights: dict[str, int] = {}
    for html in sorted(site.rglob("*.html")):
        rel = html.relative_to(site).as_posix()
        if rel == "404.html":
            continue
        text = html.read_bytes()
        total = gz(text)
        for ref in ASSET.findall(text.decode("utf-8")):
            if "//" in ref:
                continue  # another host: the privacy guard already fails such a build
            target = (html.parent / ref.split("?")[0].split("#")[0]).resolve()
            if target not in assets:
                assets[target] = gz(target.read_bytes()) if target.is_file() else 0
            total += assets[target]
        weights[rel.removesuffix("index.html") or "/"] = total
    ordered = sorted(weights.items(), key=lambda kv: kv[1])
    out = {"median": ordered[len(ordered) // 2], "largest": ordered[-1]}
    for name in ("reading-list/", "glossary/", "assessment/"):
        if name in weights:
            out[name.rstrip("/")] = (name, weights[name])
    search = site / "search/search_index.json"
    if search.is_file():
        out["search index"] = ("search/search_index.json", gz(search.read_bytes()))
    data = site / "assets/assessment/data.json"
    if data.is_file():
        out["data.json"] = ("assets/assessment/data.json", gz(data.read_bytes()))
    return out


def third_party(site: Path) -> int:
    """Style sheets, scripts, images and frames on another host, over every built page."""
    return sum(len(EXTERNAL.findall(p.read_text(encoding="utf-8"))) for p in site.rglob("*.html"))


# At 100x the synthetic resources.yml (3.7 MB, 250,000 values) is over the per-file limits for
# content (2 MB, 200,000 values), which guard against a link to /dev/zero or a "billion laughs"
# file, not against a big framework: the benchmark raises them, in its own process and in the
# build it runs.
LARGE_FILE_BYTES = 16_000_000
LARGE_FILE_VALUES = 2_000_000
BUILD_LARGE_FILES = ("import sys, generator.content.load as load, "
                     "generator.content.located_yaml as located; "
                     f"load.MAX_FILE_BYTES = {LARGE_FILE_BYTES}; "
                     f"located.MAX_VALUES = {LARGE_FILE_VALUES}; "
                     "from generator.cli import main; main(sys.argv[1:], prog_name='generator')")


def bench_scale(scale: int, work: Path) -> dict[str, float]:
    project_dir = make_project(work / f"x{scale}", scale)
    project = Project(project_dir)
    from generator.content import load, located_yaml

    load.MAX_FILE_BYTES = LARGE_FILE_BYTES
    located_yaml.MAX_VALUES = LARGE_FILE_VALUES
    times = StageTimes()
    cpu = time.process_time()
    generate(project, times)  # the generator alone, in-process, per stage
    gen_cpu = time.process_time() - cpu
    pages = sum(1 for _ in (project.generated / "docs").rglob("*.md"))
    # A full build from a clean generated folder, as a user runs it.
    subprocess.run(["rm", "-rf", str(project.generated), str(project.site)], check=True)
    build = [sys.executable, "-c", BUILD_LARGE_FILES, "build"]
    full, rss = timed_subprocess(build, project_dir)
    full_cpu = cpu_of(build)
    weights = page_weights(project.site)
    # MkDocs alone, as `build` runs it (engines/mkdocs.py), on our pages and on plain ones.
    engine = ENGINES["mkdocs"]
    ours = engine.build_command(project.generated / "mkdocs.yml", work / f"mk{scale}", False)
    mkdocs, _ = timed_subprocess(ours, project_dir)
    plain_dir = make_plain_project(work / f"plain{scale}", pages)
    theirs = engine.build_command(plain_dir / "mkdocs.yml", plain_dir / "site", False)
    plain, _ = timed_subprocess(theirs, plain_dir)
    # The same plain pages under our generated configuration (extensions, tooltips, overrides,
    # assets): what our pages' own Markdown and size cost, the configuration aside.
    same = engine.build_command(same_configuration(plain_dir, project.generated),
                                plain_dir / "site-same", False)
    timed_subprocess(same, plain_dir)  # cpu_of reads the CPU this run recorded
    gen = sum(times.seconds.values())
    md_bytes = sum(f.stat().st_size for f in (project.generated / "docs").rglob("*.md"))
    plain_bytes = sum(f.stat().st_size for f in (plain_dir / "docs").rglob("*.md"))
    return {"md_mb": md_bytes / 1e6, "plain_mb": plain_bytes / 1e6,
            "scale": scale, "pages": pages, **{k: v for k, v in times.seconds.items()},
            "generator": gen, "full": full, "rss": rss, "mkdocs": mkdocs,
            "plain": plain, "share": gen / full, "weights": weights, "project": project_dir,
            "gen_cpu": gen_cpu, "full_cpu": full_cpu, "mkdocs_cpu": cpu_of(ours),
            "plain_cpu": cpu_of(theirs), "same_cpu": cpu_of(same)}


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return response.read().decode("utf-8")
    except OSError:
        return ""


def bench_serve(work: Path, rounds: int = 5, engine: str = "mkdocs") -> list[float]:
    """Seconds from saving a skill's YAML to the dev server returning the changed page."""
    project = work / f"serve-{engine}"
    subprocess.run(["cp", "-r", str(REPO / "content"), str(project / "content")] if
                   project.mkdir(parents=True) is None else [], check=True)
    subprocess.run(["cp", str(REPO / "mkdocs.yml"), str(project)], check=True)
    port = free_port()
    url = f"http://127.0.0.1:{port}/skills/mlops/"
    server = subprocess.Popen([sys.executable, "-m", "generator", "serve", "--dev-addr",
                               f"127.0.0.1:{port}", "--engine", engine], cwd=project, env=ENV,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    results = []
    try:
        deadline = time.monotonic() + 60
        while "MLOps" not in fetch(url) and time.monotonic() < deadline:
            time.sleep(0.1)
        skill = project / "content/skills/mlops.yml"
        original = skill.read_text(encoding="utf-8")
        for n in range(rounds):
            marker = f"Benchmark marker {n}"
            start = time.perf_counter()
            skill.write_text(original.replace("\nsummary: ", f"\nsummary: {marker}. ", 1),
                             encoding="utf-8")
            while marker not in fetch(url):
                time.sleep(0.02)
                if time.perf_counter() - start > 30:
                    raise SystemExit("serve never showed the change")
            results.append(time.perf_counter() - start)
            time.sleep(0.5)
    finally:
        server.terminate()
        server.wait(timeout=10)
    return results


def bench_zensical(project_dir: Path, rounds: int = 3) -> dict[str, object]:
    """Zensical on an already generated project: a cold build (its cache cleaned), the
    median warm build (cache kept), peak memory, and what it lacks that this site uses."""
    from generator.site.engines import ENGINES

    engine = ENGINES["zensical"]
    project = Project(project_dir)
    site = engine.new_site_dir(project)
    config = engine.config(project, site)
    cmd = engine.build_command(config, site, strict=False)  # with --clean: a cold build
    cold, rss = timed_subprocess(cmd, project_dir)
    cold_cpu = cpu_of(cmd)
    warm_cmd = [c for c in cmd if c != "--clean"]
    warm_runs = [(timed_subprocess(warm_cmd, project_dir)[0], cpu_of(warm_cmd))
                 for _ in range(rounds)]
    warm, warm_cpu = (statistics.median(x) for x in zip(*warm_runs))
    index = (site / "index.html").read_text(encoding="utf-8")
    search = json.loads((site / "search.json").read_text(encoding="utf-8"))["config"]
    worker = "".join(p.read_text(encoding="utf-8", errors="replace")
                     for p in (site / "assets/javascripts/workers").glob("*.js"))
    out = {"cold": cold, "warm": warm, "rss": rss, "cold_cpu": cold_cpu, "warm_cpu": warm_cpu,
           # our partials/search.html names the search dialog: is the override applied?
           "overrides": 'role="dialog" aria-label=' in index,
           "search": f"lang {search.get('lang')}, "
                     + ("lunr stemmers" if "lunr" in worker else "no lunr stemmers")
                     + (", Intl.Segmenter" if "Segmenter" in worker else ""),
           "third_party": third_party(site)}
    subprocess.run(["rm", "-rf", str(site)], check=True)
    return out


def bench_weight() -> dict[str, tuple[int, int]]:
    """Raw and gzip bytes of the assessment's own JS, CSS and data, after a build."""
    site = REPO / "site"
    if not (site / "assets/assessment/data.json").exists():
        subprocess.run([sys.executable, "-m", "generator", "build"], cwd=REPO, env=ENV, check=True)
    groups: dict[str, list[Path]] = {
        "js": sorted((site / "assets/assessment").glob("*.js")),
        # Its rules ship inside the one style sheet (assets/mlpm.css): count their source.
        "css": [REPO / "generator/assets/assessment/assessment.css"],
        "data": [site / "assets/assessment/data.json"],
    }
    out = {}
    for name, files in groups.items():
        raw = b"".join(f.read_bytes() for f in files)
        out[name] = (len(raw), len(gzip.compress(raw, compresslevel=9)))
    return out


CHROME_FLAGS = "--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-background-networking"
BENCH_CACHE = REPO / ".bench"  # tools the benchmark installs for itself (gitignored)
LIGHTHOUSE_RUNS = 5
"""Mobile audits of each assessment page: one run's performance varies by several points."""


class GzipHandler:
    """A static file handler that gzips text, as GitHub Pages and most hosts do."""

    @staticmethod
    def make(directory: Path):
        import http.server

        class Handler(http.server.SimpleHTTPRequestHandler):
            def __init__(self, *args, **kwargs) -> None:
                super().__init__(*args, directory=str(directory), **kwargs)

            def log_message(self, *args) -> None:
                pass

            def send_head(self):
                path = Path(self.translate_path(self.path))
                if path.is_dir():
                    path = path / "index.html"
                gzip_ok = "gzip" in self.headers.get("Accept-Encoding", "")
                if not path.is_file() or not gzip_ok or path.suffix not in {
                        ".html", ".js", ".css", ".json", ".svg", ".xml"}:
                    return super().send_head()
                body = gzip.compress(path.read_bytes(), compresslevel=6)
                self.send_response(200)
                self.send_header("Content-Type", self.guess_type(str(path)))
                self.send_header("Content-Encoding", "gzip")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                import io

                return io.BytesIO(body)

        return Handler


def serve_site(directory: Path):
    """Serve ``directory`` with gzip on a free port in a background thread."""
    import http.server
    import threading

    server = http.server.ThreadingHTTPServer(("127.0.0.1", free_port()),
                                             GzipHandler.make(directory))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def bench_quiz_comparison(work: Path) -> tuple[int, int]:
    """The same knowledge checks on one page built with the mkdocs-quiz plugin: (raw, gzip)."""
    from generator.project import load_and_validate

    venv = BENCH_CACHE / "quiz-venv"
    if not (venv / "bin/mkdocs").exists():
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
        subprocess.run([str(venv / "bin/pip"), "install", "-q", "mkdocs-quiz==1.7.1",
                        "mkdocs-material>=9.8,<9.9"], check=True)
    content = load_and_validate(Project(REPO))
    blocks = []
    for skill in content.skills:
        for check in skill.checks:
            options = "\n".join(f"- [{'x' if o.correct else ' '}] {' '.join(o.text.split())}"
                                 for o in check.options)
            notes = "\n\n".join(f"*{' '.join(o.text.split())}* {o.explanation}"
                                 for o in check.options)
            blocks.append(f"<quiz>\n{' '.join(check.question.split())}\n{options}\n\n"
                          f"{notes}\n</quiz>")
    project = work / "quiz"
    (project / "docs").mkdir(parents=True)
    (project / "docs/index.md").write_text("# Quiz\n\n" + "\n\n".join(blocks) + "\n")
    (project / "mkdocs.yml").write_text(
        "site_name: Quiz\ntheme: {name: material, font: false}\nplugins: [search, mkdocs_quiz]\n")
    subprocess.run([str(venv / "bin/mkdocs"), "build", "-q"], cwd=project, env=ENV, check=True)
    page = (project / "site/index.html").read_bytes()
    return len(page), len(gzip.compress(page, compresslevel=9))


def bench_lighthouse(site: Path, paths: list[str], repeat: dict[str, int] | None = None
                     ) -> list[tuple[str, str, dict[str, int], list[tuple[int, int]]]]:
    """Lighthouse scores (mobile and desktop) for pages served with gzip. ``repeat`` runs a
    page's mobile audit that many times (identical runs differ by several points on mobile):
    its scores are then the median run's, and every run's performance and total blocking
    time (ms) come back too."""
    node_dir = BENCH_CACHE / "node"
    binary = node_dir / "node_modules/.bin/lighthouse"
    if not binary.exists():
        node_dir.mkdir(parents=True, exist_ok=True)
        subprocess.run(["npm", "install", "--silent", "--no-audit", "--no-fund", "--prefix",
                        str(node_dir), "lighthouse@12"], check=True)
    server = serve_site(site)
    port = server.server_address[1]
    results = []
    try:
        for path in paths:
            for form in ("mobile", "desktop"):
                runs = []
                for _ in range((repeat or {}).get(path, 1) if form == "mobile" else 1):
                    out = BENCH_CACHE / "lighthouse.json"
                    cmd = [str(binary), f"http://127.0.0.1:{port}/{path}", "--quiet",
                           "--output=json", f"--output-path={out}", CHROME_FLAGS]
                    if form == "desktop":
                        cmd.append("--preset=desktop")
                    subprocess.run(cmd, env={**ENV, "CHROME_PATH": "/usr/bin/chromium"},
                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                   check=False)
                    report = json.loads(out.read_text())
                    scores = {k: round(v["score"] * 100) for k, v in report["categories"].items()}
                    blocking = round(report["audits"]["total-blocking-time"]["numericValue"])
                    runs.append((scores, blocking))
                ordered = sorted(runs, key=lambda run: run[0]["performance"])
                median = ordered[len(ordered) // 2][0]
                results.append((path or "home", form, median,
                                [(run[0]["performance"], run[1]) for run in runs]))
    finally:
        server.shutdown()
    return results


def bench_modes() -> list[str]:
    """Each mode's question count and estimated minutes on the shipped content, exactly as
    the start page shows them (estimate.py, from the words of the questions): shortest and
    longest path, per role for the quick mode."""
    from generator.assessment.data import assessment_data
    from generator.project import load_and_validate

    content = load_and_validate(Project(REPO))
    data = assessment_data(content, "bench")
    method = data["estimates"]["method"]
    lines = [(f"assessment modes (shipped content; {method['words_per_minute']} words a "
              f"minute, {method['rating_seconds']} s per rating and {method['check_seconds']} "
              "s per check to decide):")]

    def span(pair: list[int]) -> str:
        return f"{pair[0]}" if pair[0] == pair[1] else f"{pair[0]}-{pair[1]}"

    for role in data["roles"]:
        quick = data["estimates"]["quick"][role["id"]]
        lines.append(f"  quick, {role['id']:<20} {span(quick['questions']):>6} questions, "
                     f"{span(quick['minutes']):>6} min ({len(role['quick'])} of "
                     f"{len(data['skills'])} skills)")
    for mode in ("full", "opinion"):
        est = data["estimates"][mode]
        lines.append(f"  {mode + ',':<28} {span(est['questions']):>6} questions, "
                     f"{span(est['minutes']):>6} min")
    return lines


def total_checks() -> int:
    from generator.project import load_and_validate

    return sum(len(s.checks) for s in load_and_validate(Project(REPO)).skills)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scales", default="1,10,100")
    parser.add_argument("--skip-serve", action="store_true")
    parser.add_argument("--skip-weight", action="store_true")
    parser.add_argument("--skip-lighthouse", action="store_true")
    parser.add_argument("--skip-phone", action="store_true")
    parser.add_argument("--skip-zensical", action="store_true")
    parser.add_argument("--skip-languages", action="store_true")
    parser.add_argument("--zensical-scales", default="1,10",
                        help="the scales (of --scales) Zensical builds too")
    args = parser.parse_args()
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python "
          f"{platform.python_version()}, {platform.platform()}, load average "
          f"{os.getloadavg()[0]:.1f}")
    print("versions: " + ", ".join(f"{name} {version(name)}" for name in (
        "mkdocs", "mkdocs-material", "markdown", "pymdown-extensions", "jinja2", "pydantic",
        "pyyaml", "zensical")))
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        print("\nscale pages  load  valid render write | gen s  full s  gen%  peak MiB | "
              "mkdocs s plain s  ratio")
        results = []
        for scale in (int(s) for s in args.scales.split(",") if s.strip()):
            r = bench_scale(scale, work)
            results.append(r)
            print(f"{r['scale']:>4}x {r['pages']:>5} {r['load']:5.2f} {r['validate']:5.2f} "
                  f"{r['render']:6.2f} {r['write']:5.2f} | {r['generator']:5.2f} {r['full']:7.2f} "
                  f"{100 * r['share']:4.1f}% {r['rss']:8.0f} | {r['mkdocs']:8.2f} "
                  f"{r['plain']:7.2f} {r['mkdocs'] / r['plain']:6.2f}", flush=True)
            print(f"      CPU seconds: generator {r['gen_cpu']:.2f}, full build {r['full_cpu']:.2f} "
                  f"(generator share {100 * r['gen_cpu'] / r['full_cpu']:.1f}%), MkDocs "
                  f"{r['mkdocs_cpu']:.2f}, plain {r['plain_cpu']:.2f} (ratio "
                  f"{r['mkdocs_cpu'] / r['plain_cpu']:.2f}); Markdown {r['md_mb']:.1f} MB vs "
                  f"{r['plain_mb']:.1f} MB, CPU per MB {r['mkdocs_cpu'] / r['md_mb']:.1f} s vs "
                  f"{r['plain_cpu'] / r['plain_mb']:.1f} s (ratio "
                  f"{r['mkdocs_cpu'] / r['md_mb'] / (r['plain_cpu'] / r['plain_mb']):.2f}); "
                  f"plain pages under our generated configuration {r['same_cpu']:.2f} (ratio "
                  f"{r['mkdocs_cpu'] / r['same_cpu']:.2f})", flush=True)
        if results:
            print("\npage weight (gzip: HTML + the style sheets and scripts it loads):")
            for r in results:
                w = r["weights"]
                print(f"  {r['scale']:>4}x " + ", ".join(
                    f"{name} {size / 1024:.1f} KiB" + (f" ({path})" if name == "largest" else "")
                    for name, (path, size) in w.items()) +
                    f"; third-party assets {third_party(Path(r['project']) / 'site')}", flush=True)
        zensical_scales = {int(s) for s in args.zensical_scales.split(",") if s.strip()}
        if not args.skip_zensical and results:
            print(f"\nzensical {version('zensical')} (same generated pages; MkDocs alone for "
                  "comparison):")
            for r in results:
                if r["scale"] not in zensical_scales:
                    continue
                z = bench_zensical(Path(r["project"]))
                print(f"  {r['scale']:>4}x cold {z['cold']:.2f} s (CPU {z['cold_cpu']:.2f}), warm "
                      f"{z['warm']:.2f} s (CPU {z['warm_cpu']:.2f}), peak {z['rss']:.0f} MiB (MkDocs "
                      f"{r['mkdocs']:.2f} s, CPU {r['mkdocs_cpu']:.2f}); overrides applied: "
                      f"{'yes' if z['overrides'] else 'NO'}; search: {z['search']}; "
                      f"third-party assets {z['third_party']}", flush=True)
        if not args.skip_languages:
            from tests.bench_languages import bench_languages

            lang = bench_languages(work, timed_subprocess,
                                   [sys.executable, "-m", "generator", "build"])
            print(f"\nlanguages (shipped content, clean `build`, median of 3): one language "
                  f"{lang['one']:.2f} s ({lang['one_pages']:.0f} pages, peak "
                  f"{lang['one_rss']:.0f} MiB), three {lang['three']:.2f} s "
                  f"({lang['three_pages']:.0f} pages, peak {lang['three_rss']:.0f} MiB): "
                  f"{lang['three'] / lang['one']:.2f}x (goal <= 2x)", flush=True)
        if not args.skip_serve:
            engines = ["mkdocs"] + ([] if args.skip_zensical else ["zensical"])
            for engine in engines:
                loop = bench_serve(work, engine=engine)
                print(f"\nserve loop, {engine} (save YAML -> page served), {len(loop)} rounds: "
                      f"median {statistics.median(loop):.2f} s, min {min(loop):.2f} s, "
                      f"max {max(loop):.2f} s (goal < 1 s)", flush=True)
    print("\n" + "\n".join(bench_modes()))
    if not args.skip_weight:
        weight = bench_weight()
        print("\nassessment weight (raw / gzip bytes): " + ", ".join(
            f"{k} {raw:,} / {gz:,}" for k, (raw, gz) in weight.items()))
        total_raw = sum(r for r, _ in weight.values())
        total_gz = sum(g for _, g in weight.values())
        print(f"  total {total_raw:,} / {total_gz:,}")
        with tempfile.TemporaryDirectory() as tmp:
            quiz_raw, quiz_gz = bench_quiz_comparison(Path(tmp))
        print(f"  the same {total_checks()} checks with mkdocs-quiz 1.7.1: one page of "
              f"{quiz_raw:,} / {quiz_gz:,} bytes (its JS and CSS inline in that page)")
    if not args.skip_phone:
        from tests.bench_phone import CPU_SLOWDOWN, bench_phone

        home, assessment = bench_phone(REPO / "site", serve_site)
        print(f"\nthrottled phone (390x844, CPU x{CPU_SLOWDOWN}, Slow 3G, gzip), median of 3: "
              f"home readable {home / 1000:.2f} s, assessment usable {assessment / 1000:.2f} s "
              f"({assessment / home:.2f}x; goal <= 1.2x)")
    if not args.skip_lighthouse:
        print("\nLighthouse (performance / accessibility / best practices / SEO), served gzipped:")
        assessments = ["assessment/", "ru/assessment/", "zh/assessment/"]
        for path, form, scores, runs in bench_lighthouse(
                REPO / "site", ["", "skills/mlops/", *assessments],
                repeat={page: LIGHTHOUSE_RUNS for page in assessments}):
            line = f"  {path:<14} {form:<8} " + " / ".join(str(v) for v in scores.values())
            if len(runs) > 1:
                performance = sorted(score for score, _ in runs)
                blocking = sorted(ms for _, ms in runs)
                line += (f"   (median of {len(runs)}: performance {performance[0]}-"
                         f"{performance[-1]}, {sum(s == 100 for s in performance)} of "
                         f"{len(runs)} at 100; blocking time {blocking[0]}-{blocking[-1]} ms, "
                         f"median {blocking[len(blocking) // 2]})")
            print(line)


if __name__ == "__main__":
    main()
