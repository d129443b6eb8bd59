"""Benchmark the widget gallery against its budgets: page weight, static and live response.

Run from the repository root::

    .venv/bin/python benchmarks/widgets.py                      # builds the gallery page alone
    .venv/bin/python benchmarks/widgets.py --site book/_build/html   # measure an existing build
    .venv/bin/python benchmarks/widgets.py --repeat 5           # fewer repetitions, quicker

Budgets (issue 4):

1. The widget state embedded in any one page is at most 1.5 MB. Measured on the built
   ``widgets.html`` (every widget of the book on one page), and per widget from Python.
   Baseline: the state of the smallest widget of the same shape (a Dropdown switching two
   HTML panes through a Stack), built in the same run.
2. In the static page a control change shows its result in under 100 ms (the verdict uses
   the 90th percentile of the changes; the maximum is printed too). Measured in
   Chromium with no kernel, from the reader's input event to the first frame painted after
   the shown text changed (``browser_tools.change_latency_ms``), for every control.
   Baseline: a plain ``<select>`` whose change handler swaps a paragraph's text, injected
   into the same page.
3. In a live kernel a widget re-renders in under 250 ms. The widgets switch their panes in
   the frontend (``jslink``), so a change costs the frontend switch of (2) plus the kernel
   taking the synced state: this part is measured against a real IPython kernel
   (``jupyter_client``) by sending the update messages a frontend sends (control index, then
   stack index) and timing until the kernel is idle again. Baseline: the same round trip for
   an ``IntSlider``. The live total reported is the kernel round trip plus the static
   switch time.

Figures are printed and written to ``.benchmarks/widgets.json``.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import sys
import tempfile
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))  # browser_tools and the book build helpers
sys.path.append(str(ROOT / "book"))  # the book's static server and Chromium launcher

OUT = ROOT / ".benchmarks"
STATE_BUDGET_BYTES = 1.5 * 1024 * 1024
STATIC_BUDGET_MS = 100.0
LIVE_BUDGET_MS = 250.0
WIDGET_NAMES = ("ArticleExplorer", "FigureComparer", "QuoteTracer", "TermSwapper")


# =========================================================================== 1. page weight


def embedded_state_bytes(page: Path) -> int:
    """Bytes of the widget-state script a built page embeds."""
    text = page.read_text(encoding="utf-8")
    marker = 'type="application/vnd.jupyter.widget-state+json">'
    start = text.find(marker)
    if start == -1:
        raise SystemExit(f"{page}: no embedded widget state")
    start += len(marker)
    return len(text[start : text.index("</script>", start)].encode("utf-8"))


def python_state_bytes() -> tuple[dict[str, int], int]:
    """State bytes of each widget (with its links) and of a minimal Dropdown + Stack."""
    import ipywidgets
    from ipywidgets.embed import dependency_state, embed_data

    from medialit import widgets

    def size(views, extra=()) -> int:
        state = dependency_state([*views, *extra])
        return len(json.dumps(embed_data(views=views, state=state)["manager_state"]))

    sizes = {}
    for name in WIDGET_NAMES:
        widget = getattr(widgets, name)()
        sizes[name] = size([widget], widget.links)
    picker = ipywidgets.Dropdown(options=["a", "b"], description="Pick")
    stack = ipywidgets.Stack([ipywidgets.HTML("<p>a</p>"), ipywidgets.HTML("<p>b</p>")])
    link = ipywidgets.jslink((picker, "index"), (stack, "selected_index"))
    baseline = size([ipywidgets.VBox([picker, stack])], [link])
    return sizes, baseline


# =========================================================================== site


def build_gallery(workdir: Path) -> Path:
    """Build a book holding only the gallery page (same config, assets and widget JS)."""
    from conftest import load_book_build

    build = load_book_build()
    source = workdir / "book"
    source.mkdir()
    book = ROOT / "book"
    for name in ("_config.yml", "widgets.md"):
        shutil.copy(book / name, source / name)
    for folder in ("_assets", "_ext"):
        if (book / folder).is_dir():
            shutil.copytree(book / folder, source / folder)
    build.fetch(build.SITE_PACKAGES)
    (source / "_widgets").symlink_to(book / "_widgets", target_is_directory=True)
    (source / "_toc.yml").write_text("format: jb-book\nroot: widgets\n", encoding="utf-8")
    output = workdir / "out"
    seconds = build.build(output, source=source, rebuild_all=True, log=workdir / "build.log")
    print(f"built the gallery page alone in {seconds:.1f} s")
    return build.html_dir(output)


# =========================================================================== 2. static response

BASELINE_SELECT = """() => {
    const box = document.createElement("div");
    box.id = "latency-baseline";
    box.innerHTML = '<label for="baseline-select">Baseline</label>'
        + '<select id="baseline-select"><option>one</option><option>two</option>'
        + '<option>three</option></select><p id="baseline-text">one</p>';
    document.querySelector("main, body").prepend(box);
    box.querySelector("select").addEventListener("change", (event) => {
        box.querySelector("p").textContent = event.target.value;
    });
}"""


def static_latencies(site: Path, repeat: int) -> dict[str, list[float]]:
    """Milliseconds per control change in Chromium, no kernel, for each control."""
    from browser_tools import (
        PageWatch,
        change_latency_ms,
        dropdown,
        guard_network,
        wait_for_widgets,
    )
    from headless_chromium import open_chromium
    from static_server import serve

    results: dict[str, list[float]] = {}
    with serve(site) as base, open_chromium() as browser:
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        watch = PageWatch()
        guard_network(context, watch)
        page = context.new_page()
        watch.attach(page)
        page.goto(base + "widgets.html", wait_until="load")
        wait_for_widgets(page)
        outputs = page.locator(".widget-subarea")

        page.evaluate(BASELINE_SELECT)
        baseline = page.locator("#latency-baseline")
        select = baseline.locator("select")
        results["baseline <select>"] = [
            change_latency_ms(baseline, lambda i=i: select.select_option(index=(i + 1) % 3))
            for i in range(repeat)
        ]

        controls = {
            "ArticleExplorer: Article": (0, "Article", 5),
            "FigureComparer: Quantity": (1, "Quantity", None),
            "QuoteTracer: Statement": (2, "Statement", None),
            "TermSwapper: Paragraph": (3, "Paragraph", None),
        }
        for label, (index, description, count) in controls.items():
            scope = outputs.nth(index)
            picker = dropdown(scope, description)
            n = count or picker.locator("option").count()
            results[label] = [
                change_latency_ms(
                    scope, lambda i=i, p=picker, n=n: p.select_option(index=(i + 1) % n)
                )
                for i in range(repeat)
            ]
        toggles = {
            "ArticleExplorer: Highlight": (0, ["Attributions", "Loaded terms", "Figures"]),
            "TermSwapper: Version": (3, ["Neutral terms", "Original"]),
        }
        for label, (index, names) in toggles.items():
            scope = outputs.nth(index)
            buttons = [scope.get_by_role("radio", name=name, exact=True) for name in names]
            results[label] = [
                change_latency_ms(scope, buttons[i % len(buttons)].click) for i in range(repeat)
            ]
        if watch.problems():
            raise SystemExit("the page had problems:\n" + "\n".join(watch.problems()))
    return results


# =========================================================================== 3. live kernel

KERNEL_SETUP = """
import json, time, ipywidgets
from medialit import widgets as mw
built, seconds = {}, {}
for name in %r:
    t = time.perf_counter()
    built[name] = getattr(mw, name)()
    seconds[name] = time.perf_counter() - t
slider = ipywidgets.IntSlider(description="Baseline")
# The first control of each widget (its Dropdown) and the stack it switches.
ids = {
    name: [(w.panes.model_id, len(w.panes.children))]
    + [(c.model_id, len(c.options)) for c in w.children if hasattr(c, "options")][:1]
    for name, w in built.items()
}
ids["baseline IntSlider"] = [(slider.model_id, 100)]
print(json.dumps({"ids": ids, "seconds": seconds}))
"""


def live_round_trips(repeat: int) -> tuple[dict[str, list[float]], dict[str, float]]:
    """Kernel round trip (ms) for the state updates one control change syncs, per widget."""
    from jupyter_client.manager import start_new_kernel

    manager, client = start_new_kernel(kernel_name="python3")
    try:
        reply = _execute(client, KERNEL_SETUP % (WIDGET_NAMES,))
        info = json.loads(reply)
        results = {}
        for name, models in info["ids"].items():
            stack_id, stack_size = models[0]
            controls = models[1:] or [models[0]]  # the baseline slider is its own control
            times = []
            for i in range(repeat):
                started = time.perf_counter()
                for model_id, size in controls:
                    key = "value" if name.startswith("baseline") else "index"
                    _update(client, model_id, {key: (i + 1) % size})
                if not name.startswith("baseline"):
                    _update(client, stack_id, {"selected_index": (i + 1) % stack_size})
                times.append(1000 * (time.perf_counter() - started))
            results[name] = times
        return results, info["seconds"]
    finally:
        client.stop_channels()
        manager.shutdown_kernel(now=True)


def _execute(client, code: str) -> str:
    msg_id = client.execute(code)
    out = []
    while True:
        msg = client.get_iopub_msg(timeout=300)
        if msg["parent_header"].get("msg_id") != msg_id:
            continue
        if msg["msg_type"] == "stream":
            out.append(msg["content"]["text"])
        elif msg["msg_type"] == "error":
            raise SystemExit("kernel error: " + "\n".join(msg["content"]["traceback"]))
        elif msg["msg_type"] == "status" and msg["content"]["execution_state"] == "idle":
            return "".join(out).strip().splitlines()[-1]


def _update(client, comm_id: str, state: dict) -> None:
    """Send what a frontend sends when a synced trait changes, and wait for the kernel."""
    content = {"comm_id": comm_id, "data": {"method": "update", "state": state, "buffer_paths": []}}
    msg = client.session.msg("comm_msg", content)
    client.shell_channel.send(msg)
    msg_id = msg["header"]["msg_id"]
    while True:
        reply = client.get_iopub_msg(timeout=30)
        if (
            reply["parent_header"].get("msg_id") == msg_id
            and reply["msg_type"] == "status"
            and reply["content"]["execution_state"] == "idle"
        ):
            return


# =========================================================================== report


def summary(values: list[float]) -> dict[str, float]:
    """Median, 90th percentile (the verdict: 9 changes in 10 within budget), max, count."""
    p90 = (
        statistics.quantiles(values, n=10, method="inclusive")[-1] if len(values) > 1 else values[0]
    )
    return {"median": statistics.median(values), "p90": p90, "max": max(values), "n": len(values)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, help="an existing build (folder with widgets.html)")
    parser.add_argument("--repeat", type=int, default=15, help="changes per control")
    args = parser.parse_args(argv)
    if args.site and not (args.site / "widgets.html").is_file():
        message = f"widgets.py: {args.site}: no widgets.html there (give a built site)"
        print(message, file=sys.stderr)
        return 2
    report: dict = {
        "machine": platform.platform(),
        "python": platform.python_version(),
        "cpus": os.cpu_count(),
        "load_average": os.getloadavg(),
    }
    print(f"{os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.1f} (noisier under load)")
    ok = True

    with tempfile.TemporaryDirectory(prefix=f"medialit-widgets-{uuid.uuid4().hex[:6]}-") as tmp:
        site = args.site.resolve() if args.site else build_gallery(Path(tmp))

        print("\n1. Widget state embedded in widgets.html (budget 1.5 MB)")
        page_bytes = embedded_state_bytes(site / "widgets.html")
        sizes, baseline = python_state_bytes()
        for name, n in sizes.items():
            print(f"   {name:16} {n / 1024:8.0f} KB  ({n / baseline:6.0f} x baseline)")
        print(f"   {'baseline':16} {baseline / 1024:8.1f} KB  (Dropdown + Stack of two HTML panes)")
        print(
            f"   page total       {page_bytes / 1024:8.0f} KB  = "
            f"{page_bytes / STATE_BUDGET_BYTES:.0%} of the budget"
        )
        ok &= page_bytes <= STATE_BUDGET_BYTES
        report["state"] = {"page_bytes": page_bytes, "widgets": sizes, "baseline": baseline}

        print("\n2. Static page, no kernel: input event to repainted result (budget 100 ms)")
        static = static_latencies(site, args.repeat)
        base_ms = statistics.median(static["baseline <select>"])
        for label, values in static.items():
            s = summary(values)
            print(
                f"   {label:28} median {s['median']:6.1f}  p90 {s['p90']:6.1f}  "
                f"max {s['max']:6.1f} ms  ({s['median'] / base_ms:4.1f} x baseline)"
            )
        worst_static = max(
            summary(v)["p90"] for k, v in static.items() if not k.startswith("baseline")
        )
        print(
            f"   worst p90 {worst_static:.1f} ms = "
            f"{worst_static / STATIC_BUDGET_MS:.0%} of the budget"
        )
        ok &= worst_static < STATIC_BUDGET_MS
        report["static_ms"] = {k: summary(v) for k, v in static.items()}

    print("\n3. Live kernel: state sync round trip + frontend switch (budget 250 ms)")
    live, build_seconds = live_round_trips(args.repeat)
    live_base = statistics.median(live["baseline IntSlider"])
    worst_live = 0.0
    for name, values in live.items():
        s = summary(values)
        line = (
            f"   {name:20} kernel median {s['median']:6.1f}  p90 {s['p90']:6.1f}  "
            f"max {s['max']:6.1f} ms  ({s['median'] / live_base:4.1f} x baseline)"
        )
        if name in build_seconds:
            frontend = max(v["p90"] for k, v in report["static_ms"].items() if k.startswith(name))
            total = s["p90"] + frontend
            worst_live = max(worst_live, total)
            line += f"; p90 with the switch {total:6.1f} ms; built in {build_seconds[name]:.1f} s"
        print(line)
    print(f"   worst live p90 {worst_live:.1f} ms = {worst_live / LIVE_BUDGET_MS:.0%} of budget")
    ok &= worst_live < LIVE_BUDGET_MS
    report["live_ms"] = {k: summary(v) for k, v in live.items()}
    report["live_build_seconds"] = build_seconds

    OUT.mkdir(exist_ok=True)
    (OUT / "widgets.json").write_text(json.dumps(report, indent=2), encoding="utf-8")
    print(
        f"\n{'all budgets met' if ok else 'A BUDGET IS EXCEEDED'}; "
        f"figures in {OUT / 'widgets.json'}"
    )
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
