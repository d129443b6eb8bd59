"""Benchmark: what building the book costs, and how heavy and quick its widgets are.

Run from the repository root (needs npm the first time, and Debian's chromium)::

    .venv/bin/python benchmarks/book_build.py

In one run it measures

* the clean build (fresh output folder, every page executed),
* the cached rebuild (the same build again, nothing changed: Sphinx reuses every page),
* the clean build of the same book with execution off (``execute_notebooks: off``), so
  ``clean / no execution`` is what executing the pages costs;
* the widget state embedded in each page (budget 1.5 MB per page);
* in Chromium, from the reader's input event to the repainted result, for every dropdown,
  toggle-button group, radio-button group and tab bar on ``widgets.html`` (budget 100 ms),
  against a plain ``<select>`` whose change handler sets a text, measured the same way on
  the same page.

It prints the figures and writes them to ``.benchmarks/book_build.json``.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import platform
import re
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))  # the browser helpers the tests use
sys.path.append(str(ROOT / "book"))  # the book's static server and Chromium launcher

from browser_tools import (  # noqa: E402 (needs the path above)
    PageWatch,
    change_latency_ms,
    guard_network,
    wait_for_widgets,
)
from headless_chromium import open_chromium  # noqa: E402
from static_server import serve  # noqa: E402

STATE_BUDGET_BYTES = 1_500_000
LATENCY_BUDGET_MS = 100.0
WIDGET_STATE = re.compile(
    rb'<script type="application/vnd.jupyter.widget-state\+json">(.*?)</script>', re.S
)
# A control with no widget machinery: the same probe timed on it is the browser's own cost.
BASELINE_CONTROL = """() => {
    const box = document.createElement("div");
    box.id = "latency-baseline";
    box.innerHTML = '<select><option>a</option><option>b</option></select><p>shows a</p>';
    const select = box.querySelector("select");
    select.addEventListener("change", () => {
        box.querySelector("p").textContent = "shows " + select.value;
    });
    document.querySelector("main").prepend(box);
}"""


def load_build_script():
    spec = importlib.util.spec_from_file_location("medialit_book_build", ROOT / "book/build.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def widget_state_sizes(site: Path) -> dict[str, int]:
    """Bytes of widget state embedded in each page that has any."""
    sizes = {}
    for page in sorted(site.glob("*.html")):
        states = WIDGET_STATE.findall(page.read_bytes())
        if states:
            sizes[page.name] = sum(len(state) for state in states)
    return sizes


def _controls(page) -> list[tuple[str, object, Callable[[int], object]]]:
    """(name, scope, action(n)) for each visible control; action(n) makes its n-th change."""
    found = []
    for index, select in enumerate(page.locator(".widget-subarea select:visible").all()):
        count = select.locator("option").count()
        if count > 1:
            scope = select.locator("xpath=ancestor::div[contains(@class,'widget-subarea')][1]")
            found.append(
                (
                    f"dropdown {index + 1}",
                    scope,
                    lambda n, s=select, c=count: s.select_option(index=(n + 1) % c),
                )
            )
    groups = page.locator(".widget-subarea .widget-toggle-buttons:visible").all()
    for index, group in enumerate(groups):
        buttons = group.locator("button")
        count = buttons.count()
        if count > 1:
            scope = group.locator("xpath=ancestor::div[contains(@class,'widget-subarea')][1]")
            found.append(
                (
                    f"toggle buttons {index + 1}",
                    scope,
                    lambda n, b=buttons, c=count: b.nth((n + 1) % c).click(),
                )
            )
    radios = page.locator(".widget-subarea .widget-radio-box:visible").all()
    for index, group in enumerate(radios):
        inputs = group.locator("input[type=radio]")
        count = inputs.count()
        if count > 1:
            scope = group.locator("xpath=ancestor::div[contains(@class,'widget-subarea')][1]")
            found.append(
                (
                    f"radio buttons {index + 1}",
                    scope,
                    lambda n, r=inputs, c=count: r.nth((n + 1) % c).check(),
                )
            )
    for index, bar in enumerate(page.locator(".widget-subarea .lm-TabBar:visible").all()):
        tabs = bar.locator(".lm-TabBar-tab")
        count = tabs.count()
        if count > 1:
            scope = bar.locator("xpath=ancestor::div[contains(@class,'widget-subarea')][1]")
            found.append(
                (f"tabs {index + 1}", scope, lambda n, t=tabs, c=count: t.nth((n + 1) % c).click())
            )
    return found


def control_latencies(base_url: str, repeats: int) -> tuple[dict[str, list[float]], list[float]]:
    """Latencies (ms) per control on widgets.html, and for the plain baseline control."""
    with open_chromium() as browser:
        watch = PageWatch()
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        guard_network(context, watch)
        page = context.new_page()
        watch.attach(page)
        page.goto(base_url + "widgets.html", wait_until="load")
        wait_for_widgets(page)
        results = {}
        for name, scope, action in _controls(page):
            results[name] = [
                change_latency_ms(scope, lambda n=n, a=action: a(n)) for n in range(repeats)
            ]
        page.evaluate(BASELINE_CONTROL)
        baseline_box = page.locator("#latency-baseline")
        select = baseline_box.locator("select")
        baseline = [
            change_latency_ms(baseline_box, lambda n=n: select.select_option(index=(n + 1) % 2))
            for n in range(repeats)
        ]
    if watch.problems():
        raise SystemExit("the widget page logged problems:\n" + "\n".join(watch.problems()))
    return results, baseline


def timed_builds(build, source: Path, work: Path) -> tuple[dict[str, float], Path]:
    """Clean, cached and no-execution builds in ``work``; seconds and the clean build's site."""
    print(f"building {source} into {work}", flush=True)
    build.fetch(build.SITE_PACKAGES)  # not part of any timing
    seconds = {}
    print("clean build (every page executed)...", flush=True)
    seconds["clean"] = build.build(
        work / "clean", source=source, rebuild_all=True, log=work / "clean.log"
    )
    print("cached rebuild (nothing changed)...", flush=True)
    seconds["cached"] = build.build(
        work / "clean", source=source, rebuild_all=False, log=work / "cached.log"
    )
    print("clean build with execution off...", flush=True)
    config = build.config_without_execution(work, source)
    seconds["no_execution"] = build.build(  # not strict: unexecuted {glue} roles warn
        work / "noexec",
        source=source,
        config=config,
        rebuild_all=True,
        log=work / "noexec.log",
        strict=False,
    )
    return seconds, build.html_dir(work / "clean")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=10, help="changes timed per control")
    parser.add_argument("--json", type=Path, default=ROOT / ".benchmarks" / "book_build.json")
    parser.add_argument("--source", type=Path, default=ROOT / "book", help="the book's folder")
    args = parser.parse_args(argv)
    build = load_build_script()

    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="medialit-book-benchmark-") as work:
        try:
            seconds, site = timed_builds(build, args.source.resolve(), Path(work))
        except build.BuildError as error:
            raise SystemExit(f"error: {error}") from None
        sizes = widget_state_sizes(site)
        with serve(site) as base_url:
            latencies, baseline = control_latencies(base_url, args.repeats)

    print(f"\nBuild ({platform.python_version()}, {platform.machine()}):")
    print(f"  clean build, pages executed : {seconds['clean']:7.1f} s")
    print(f"  cached rebuild              : {seconds['cached']:7.1f} s")
    print(f"  clean build, execution off  : {seconds['no_execution']:7.1f} s")
    print(f"  execution cost  clean / off : {seconds['clean'] / seconds['no_execution']:7.2f} x")
    print(f"  rebuild / clean             : {seconds['cached'] / seconds['clean']:7.2f} x")
    print(f"\nWidget state per page (budget {STATE_BUDGET_BYTES / 1e6:.1f} MB):")
    for name, size in sizes.items():
        flag = "" if size <= STATE_BUDGET_BYTES else "   OVER BUDGET"
        print(f"  {name:28s} {size / 1e6:6.3f} MB  ({size / STATE_BUDGET_BYTES:.0%}){flag}")
    base_median = statistics.median(baseline)
    print(f"\nwidgets.html, input to repainted result, median / max of {args.repeats} changes")
    print(f"(budget {LATENCY_BUDGET_MS:.0f} ms; baseline: plain <select>, {base_median:.1f} ms):")
    for name, values in latencies.items():
        median, worst = statistics.median(values), max(values)
        flag = "" if worst <= LATENCY_BUDGET_MS else "   OVER BUDGET"
        print(
            f"  {name:20s} {median:6.1f} / {worst:6.1f} ms"
            f"  ({median / base_median:.1f}x baseline){flag}"
        )

    figures = {
        "seconds": seconds,
        "execution_cost_ratio": seconds["clean"] / seconds["no_execution"],
        "widget_state_bytes": sizes,
        "widget_state_budget_bytes": STATE_BUDGET_BYTES,
        "latency_ms": latencies,
        "latency_baseline_ms": baseline,
        "latency_budget_ms": LATENCY_BUDGET_MS,
        "python": platform.python_version(),
        "wall_seconds": time.perf_counter() - started,
    }
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")
    print(f"\nFigures written to {args.json.relative_to(ROOT)}")
    over_state = any(size > STATE_BUDGET_BYTES for size in sizes.values())
    over_latency = any(max(values) > LATENCY_BUDGET_MS for values in latencies.values())
    return 1 if over_state or over_latency else 0


if __name__ == "__main__":
    sys.exit(main())
