"""Benchmarks with printed numbers (`make bench`). Not a test: goals are read, not asserted.

For synthetic content at 1x, 10x and 100x the shipped size it prints the generator's time per
stage, the full build's wall time and peak memory, the MkDocs share of it, and MkDocs building
the same number of plain pages. Then the serve loop (save a YAML file -> regenerated page) and
the assessment's page weight.

    python tests/bench.py [--scales 1,10,100] [--skip-serve] [--skip-weight]
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import platform
import resource
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from generator.pipeline import Project, StageTimes, generate  # noqa: E402
from tests.synthetic import REPO, make_plain_project, make_project  # noqa: E402

ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}


def timed_subprocess(cmd: list[str], cwd: Path) -> tuple[float, float]:
    """Run a command; return (wall seconds, peak RSS in MiB of it and its children)."""
    probe = ("import resource,subprocess,sys,time;t=time.perf_counter();"
             "r=subprocess.run(sys.argv[1:]);w=time.perf_counter()-t;"
             "m=resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss;"
             "print(w,m,file=sys.stderr);sys.exit(r.returncode)")
    proc = subprocess.run([sys.executable, "-c", probe, *cmd], cwd=cwd, env=ENV,
                          stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, check=False)
    if proc.returncode != 0:
        raise SystemExit(f"failed: {' '.join(cmd)}\n{proc.stderr}")
    wall, rss_kib = proc.stderr.strip().splitlines()[-1].split()
    return float(wall), int(rss_kib) / 1024


def bench_scale(scale: int, work: Path) -> dict[str, float]:
    project_dir = make_project(work / f"x{scale}", scale)
    project = Project(project_dir)
    times = StageTimes()
    generate(project, times)  # the generator alone, in-process, per stage
    pages = sum(1 for _ in (project.generated / "docs").rglob("*.md"))
    # A full build from a clean generated folder, as a user runs it.
    subprocess.run(["rm", "-rf", str(project.generated), str(project.site)], check=True)
    full, rss = timed_subprocess([sys.executable, "-m", "generator", "build"], project_dir)
    mkdocs, _ = timed_subprocess([sys.executable, "-m", "mkdocs", "build", "-q", "-f",
                                  "generated/mkdocs.yml", "-d", str(work / f"mk{scale}")],
                                 project_dir)
    plain_dir = make_plain_project(work / f"plain{scale}", pages)
    plain, _ = timed_subprocess([sys.executable, "-m", "mkdocs", "build", "-q"], plain_dir)
    gen = sum(times.seconds.values())
    return {"scale": scale, "pages": pages, **{k: v for k, v in times.seconds.items()},
            "generator": gen, "full": full, "rss": rss, "mkdocs": mkdocs,
            "plain": plain, "share": gen / full}


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


def bench_serve(work: Path, rounds: int = 5) -> list[float]:
    """Seconds from saving a skill's YAML to the dev server returning the changed page."""
    project = work / "serve"
    subprocess.run(["cp", "-r", str(REPO / "content"), str(project / "content")] if
                   project.mkdir(parents=True) is None else [], check=True)
    subprocess.run(["cp", str(REPO / "mkdocs.yml"), str(project)], check=True)
    port = free_port()
    url = f"http://127.0.0.1:{port}/skills/mlops/"
    server = subprocess.Popen([sys.executable, "-m", "generator", "serve", "--dev-addr",
                               f"127.0.0.1:{port}"], cwd=project, env=ENV,
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


def bench_weight() -> dict[str, tuple[int, int]]:
    """Raw and gzip bytes of the assessment's own JS, CSS and data, after a build."""
    site = REPO / "site"
    if not (site / "assets/assessment/data.json").exists():
        subprocess.run([sys.executable, "-m", "generator", "build"], cwd=REPO, env=ENV, check=True)
    groups: dict[str, list[Path]] = {
        "js": sorted((site / "assets/assessment").glob("*.js")),
        "css": sorted((site / "assets/assessment").glob("*.css")),
        "data": [site / "assets/assessment/data.json"],
    }
    out = {}
    for name, files in groups.items():
        raw = b"".join(f.read_bytes() for f in files)
        out[name] = (len(raw), len(gzip.compress(raw, compresslevel=9)))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scales", default="1,10,100")
    parser.add_argument("--skip-serve", action="store_true")
    parser.add_argument("--skip-weight", action="store_true")
    args = parser.parse_args()
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python "
          f"{platform.python_version()}, {platform.platform()}")
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        print("\nscale pages  load  valid render write | gen s  full s  gen%  peak MiB | "
              "mkdocs s plain s  ratio")
        for scale in (int(s) for s in args.scales.split(",")):
            r = bench_scale(scale, work)
            print(f"{r['scale']:>4}x {r['pages']:>5} {r['load']:5.2f} {r['validate']:5.2f} "
                  f"{r['render']:6.2f} {r['write']:5.2f} | {r['generator']:5.2f} {r['full']:7.2f} "
                  f"{100 * r['share']:4.1f}% {r['rss']:8.0f} | {r['mkdocs']:8.2f} "
                  f"{r['plain']:7.2f} {r['mkdocs'] / r['plain']:6.2f}", flush=True)
        if not args.skip_serve:
            loop = bench_serve(work)
            print(f"\nserve loop (save YAML -> page served), {len(loop)} rounds: "
                  f"median {sorted(loop)[len(loop) // 2]:.2f} s, max {max(loop):.2f} s")
    if not args.skip_weight:
        weight = bench_weight()
        print("\nassessment weight (raw / gzip bytes): " + ", ".join(
            f"{k} {raw:,} / {gz:,}" for k, (raw, gz) in weight.items()))
        total_raw = sum(r for r, _ in weight.values())
        total_gz = sum(g for _, g in weight.values())
        print(f"  total {total_raw:,} / {total_gz:,}")
        print(json.dumps({k: list(v) for k, v in weight.items()}))


if __name__ == "__main__":
    main()
