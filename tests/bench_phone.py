"""The first view on a throttled phone, for ``make bench``: how long until the home page is
readable and until the self-assessment can be used, on a phone-sized Chromium with the CPU
slowed 4× and DevTools' "Slow 3G" network, the site served gzipped.

"Readable" is the page's main heading painted; "usable" is the first control of the
assessment (a role, mode or start control) visible and enabled. The goal in issue #12 is the
assessment within 1.2× of the home page.
"""

from __future__ import annotations

import statistics
from pathlib import Path

# DevTools' "Slow 3G" preset (Chromium's front_end NetworkManager): 400 kbit/s × 0.8 down and
# up, 2,000 ms latency (400 ms × 5).
SLOW_3G = {"offline": False, "latency": 2000, "downloadThroughput": 50_000,
           "uploadThroughput": 50_000}
CPU_SLOWDOWN = 4
PHONE = {"width": 390, "height": 844}

READABLE = "() => { const h = document.querySelector('article h1'); " \
           "return h && h.getBoundingClientRect().height > 0; }"
USABLE = "() => { const c = document.querySelector(" \
         "'#assessment-app input:not([disabled]), #assessment-app button:not([disabled])'); " \
         "return c && c.getBoundingClientRect().height > 0; }"


def first_view(url: str, condition: str, rounds: int = 3) -> float:
    """Median milliseconds from navigation to ``condition`` on a fresh throttled phone
    (a new browser context each round, so nothing is cached)."""
    from playwright.sync_api import sync_playwright

    times = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium",
                                    args=["--no-sandbox", "--disable-gpu"])
        try:
            for _ in range(rounds):
                context = browser.new_context(viewport=PHONE, device_scale_factor=3,
                                              is_mobile=True, has_touch=True)
                page = context.new_page()
                cdp = context.new_cdp_session(page)
                cdp.send("Network.enable")
                cdp.send("Network.emulateNetworkConditions", SLOW_3G)
                cdp.send("Emulation.setCPUThrottlingRate", {"rate": CPU_SLOWDOWN})
                page.goto(url, wait_until="commit", timeout=120_000)
                page.wait_for_function(condition, timeout=120_000, polling=50)
                times.append(page.evaluate("performance.now()"))
                context.close()
        finally:
            browser.close()
    return statistics.median(times)


def bench_phone(site: Path, serve_site) -> tuple[float, float]:
    """(home readable, assessment usable) in milliseconds, the site served by ``serve_site``."""
    server = serve_site(site)
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    try:
        return first_view(base, READABLE), first_view(base + "assessment/", USABLE)
    finally:
        server.shutdown()
