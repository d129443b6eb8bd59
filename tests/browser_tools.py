"""Helpers for the browser tests of the built book (Playwright, Debian's Chromium).

The fixtures in ``conftest.py`` give a served site (``book_site``) and a ``book_page``
factory; these functions look at and operate what a reader sees. To test a new widget on
``widgets.html``::

    def test_outlet_picker_switches_chart(book_page):
        page, watch = book_page("widgets.html")
        explorer = page.locator(".widget-subarea").nth(0)
        choose(explorer, "Outlet", "Second outlet")        # waits until the text changes
        click_tab(explorer, "Numbers")
        assert watch.problems() == []

``operate_every_control(page)`` uses every dropdown, toggle-button group, radio-button group
and tab bar of a page once; the page tests run it on every page of the book.

Every operation waits until what is shown changes and fails with the text before and after
when it does not: a widget whose JavaScript did not load (a "dead" control) fails there.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from playwright.sync_api import BrowserContext, ConsoleMessage, Locator, Page, Request, Route

LOCAL_HOSTS = frozenset({"127.0.0.1", "localhost"})

# Console errors that are not the book's fault. Empty on purpose: the causes of the noise
# seen so far were removed instead (thebe's duplicate THEBE_JS_URL: book/_ext/offline_site.py;
# the widget icon-font 404s: book/_assets/widgets-config.js; the theme's "invalid theme mode"
# on a first visit: html_context.default_mode). Add an exact message here only with a reason.
HARMLESS_CONSOLE_ERRORS: tuple[str, ...] = ()

WIDGET_VIEW = 'script[type="application/vnd.jupyter.widget-view+json"]'
WIDGET_STATE = 'script[type="application/vnd.jupyter.widget-state+json"]'
# How long the widget manager may take to render (it parses 4 MB of JavaScript first).
WIDGET_TIMEOUT_MS = 15_000
CHANGE_TIMEOUT_MS = 5_000


@dataclass
class PageWatch:
    """Everything that went wrong while a page was open (console warnings included)."""

    console_errors: list[str] = field(default_factory=list)
    console_warnings: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)
    failed_requests: list[str] = field(default_factory=list)
    external_requests: list[str] = field(default_factory=list)

    def attach(self, page: Page) -> None:
        """Record the page's console errors, uncaught exceptions and failed requests."""
        page.on("console", self._on_console)
        page.on("pageerror", lambda error: self.page_errors.append(str(error)))
        page.on("requestfailed", self._on_request_failed)
        page.on("response", self._on_response)

    def _on_console(self, message: ConsoleMessage) -> None:
        where = f"{message.text} ({message.location.get('url')})"
        if message.type == "error" and message.text not in HARMLESS_CONSOLE_ERRORS:
            self.console_errors.append(where)
        elif message.type == "warning":
            self.console_warnings.append(where)

    def _on_request_failed(self, request: Request) -> None:
        if not is_local(request.url):
            return  # aborted on purpose by guard_network, recorded there
        if request.failure == "net::ERR_ABORTED":
            return  # dropped as the page moved on (a favicon in flight); a missing file is a 404
        self.failed_requests.append(f"{request.url}: {request.failure}")

    def _on_response(self, response) -> None:
        if response.status >= 400:
            self.failed_requests.append(f"{response.url}: HTTP {response.status}")

    def problems(self) -> list[str]:
        """One line per problem, empty when the page was clean."""
        return (
            [f"console error: {text}" for text in self.console_errors]
            + [f"uncaught exception: {text}" for text in self.page_errors]
            + [f"failed request: {text}" for text in self.failed_requests]
            + [f"request leaving localhost (aborted): {url}" for url in self.external_requests]
            + [f"console warning: {text}" for text in self.console_warnings]
        )


def is_local(url: str) -> bool:
    """Whether a request stays on this machine (or never leaves the page).

    Examples
    --------
    >>> is_local("http://127.0.0.1:8000/intro.html"), is_local("data:image/png;base64,xx")
    (True, True)
    >>> is_local("https://cdn.jsdelivr.net/npm/x.js")
    False
    """
    parts = urlsplit(url)
    return parts.scheme in {"data", "blob", "about"} or parts.hostname in LOCAL_HOSTS


def guard_network(context: BrowserContext, watch: PageWatch) -> None:
    """Abort every request that would leave localhost, and record it in ``watch``."""

    def route(route: Route) -> None:
        if is_local(route.request.url):
            route.continue_()
        else:
            watch.external_requests.append(route.request.url)
            route.abort("blockedbyclient")

    context.route("**/*", route)


def wait_for_widgets(page: Page, timeout_ms: int = WIDGET_TIMEOUT_MS) -> int:
    """Wait until every widget output on the page is rendered; return how many there are."""
    views = page.locator(WIDGET_VIEW).count()
    if views:
        page.wait_for_function(
            """(selector) => [...document.querySelectorAll(selector)].every((view) =>
                   view.parentElement.querySelector(".widget-subarea .jupyter-widgets"))""",
            arg=WIDGET_VIEW,
            timeout=timeout_ms,
        )
    return views


def unrendered_widgets(page: Page) -> list[str]:
    """Widget outputs left as a bare placeholder, or showing the manager's error text."""
    return page.evaluate(
        """(selector) => [...document.querySelectorAll(selector)].flatMap((view, index) => {
               const area = view.parentElement.querySelector(".widget-subarea");
               if (!area || !area.querySelector(".jupyter-widgets")) {
                   return [`widget output ${index + 1}: not rendered`];
               }
               if (area.querySelector(".jupyter-widgets-error-widget")
                   || area.textContent.includes("Error displaying widget")) {
                   return [`widget output ${index + 1}: ${area.textContent.trim().slice(0, 200)}`];
               }
               return [];
           })""",
        WIDGET_VIEW,
    )


def broken_images(page: Page) -> list[str]:
    """Images that did not load (after the page finished loading)."""
    return page.evaluate(
        """() => [...document.images]
               .filter((img) => img.complete && img.naturalWidth === 0 && img.src)
               .map((img) => img.src)"""
    )


def shown_text(scope: Locator) -> str:
    """The text a reader sees in ``scope`` (hidden children do not count)."""
    return scope.inner_text()


# What a reader sees: the visible text plus the visible images (a chart switch may change
# only an image). <select> elements are left out: their text lists every option.
_SHOWN_STATE = """(scope) => {
    const images = [...scope.querySelectorAll("img")]
        .filter((img) => img.offsetParent !== null)
        .map((img) => img.currentSrc.slice(-80));
    const selects = [...scope.querySelectorAll("select")];
    const saved = selects.map((s) => s.style.display);
    selects.forEach((s) => { s.style.display = "none"; });
    const text = scope.innerText;
    selects.forEach((s, i) => { s.style.display = saved[i]; });
    return text + "\\n[images] " + images.join(" ");
}"""


def shown_state(scope: Locator) -> str:
    """Text and images a reader sees in ``scope``, as one string to compare."""
    return scope.evaluate(_SHOWN_STATE)


def expect_change(
    scope: Locator, action: Callable[[], object], timeout_ms: int = CHANGE_TIMEOUT_MS
) -> str:
    """Do ``action`` and wait until what ``scope`` shows changes; return the new text."""
    before = shown_state(scope)
    action()
    deadline = time.monotonic() + timeout_ms / 1000
    while shown_state(scope) == before:
        if time.monotonic() > deadline:
            raise AssertionError(
                f"nothing changed within {timeout_ms} ms; still showing: {before[:300]!r}"
            )
        scope.page.wait_for_timeout(20)
    return shown_text(scope)


def dropdown(scope: Locator, label: str) -> Locator:
    """The ``<select>`` of the ipywidgets Dropdown whose description is ``label``."""
    return (
        scope.locator(".widget-dropdown")
        .filter(has=scope.page.locator("label.widget-label", has_text=label))
        .locator("select")
    )


def choose(scope: Locator, label: str, option: str) -> str:
    """Pick ``option`` in the Dropdown described ``label``; return the text shown afterwards."""
    select = dropdown(scope, label)
    return expect_change(scope, lambda: select.select_option(label=option))


def tab(scope: Locator, title: str) -> Locator:
    """The tab titled ``title`` of an ipywidgets Tab inside ``scope``."""
    return scope.locator(".lm-TabBar-tab", has_text=title)


def click_tab(scope: Locator, title: str) -> str:
    """Click the tab titled ``title``; return the text shown afterwards."""
    return expect_change(scope, lambda: tab(scope, title).click())


# In-page timer: from the reader's input event (its own timestamp) to the first frame
# painted after the shown text changed.
_LATENCY_PROBE = """(scope) => {
    window.__changeLatency = new Promise((resolve) => {
        let start = null;
        const before = scope.innerText;
        const onInput = (event) => { if (start === null) start = event.timeStamp; };
        for (const type of ["pointerdown", "mousedown", "click", "input", "change"]) {
            scope.addEventListener(type, onInput, { capture: true });
        }
        const observer = new MutationObserver(() => {
            if (start === null || scope.innerText === before) return;
            observer.disconnect();
            requestAnimationFrame(() => resolve(performance.now() - start));
        });
        observer.observe(scope, { subtree: true, childList: true, attributes: true,
                                  characterData: true });
    });
}"""


def change_latency_ms(scope: Locator, action: Callable[[], object]) -> float:
    """Milliseconds from the input event ``action`` causes to the repainted result."""
    scope.evaluate(_LATENCY_PROBE)
    action()
    return scope.page.evaluate("window.__changeLatency")


def _output_of(control: Locator) -> Locator:
    """The whole widget output (cell) a control belongs to."""
    return control.locator("xpath=ancestor::div[contains(@class, 'widget-subarea')][1]")


def _describe(control: Locator) -> str:
    label = control.evaluate(
        """(el) => (el.closest(".widget-inline-hbox, .widget-tab, .jupyter-widget-tab")
                    ?.querySelector("label")?.innerText || el.innerText || el.tagName).trim()"""
    )
    return label[:60]


def operate_every_control(page: Page) -> tuple[int, list[str]]:
    """Use each visible dropdown, toggle-button group, radio-button group and tab bar once.

    Each gets a value other than its current one, and what its widget output shows must
    change. Returns how many controls were operated and one line per control that changed
    nothing (a dead widget).
    """
    operated, dead = 0, []

    def attempt(kind: str, control: Locator, action: Callable[[], object]) -> None:
        nonlocal operated
        operated += 1
        try:
            expect_change(_output_of(control), action)
        except AssertionError as error:
            dead.append(f"{kind} {_describe(control)!r}: {error}")

    for select in page.locator(".widget-subarea select:visible").all():
        values = select.locator("option").evaluate_all("(os) => os.map((o) => o.value)")
        others = [i for i, value in enumerate(values) if value != select.input_value()]
        if others:
            attempt("dropdown", select, lambda s=select, i=others[-1]: s.select_option(index=i))
    for group in page.locator(".widget-subarea .widget-toggle-buttons:visible").all():
        idle = group.locator("button:not(.mod-active)")
        if idle.count():
            attempt("toggle buttons", group, idle.last.click)
    for group in page.locator(".widget-subarea .widget-radio-box:visible").all():
        idle = group.locator("input[type=radio]:not(:checked)")
        if idle.count():
            attempt("radio buttons", group, idle.last.check)
    for bar in page.locator(".widget-subarea .lm-TabBar:visible").all():
        idle = bar.locator(".lm-TabBar-tab:not(.lm-mod-current)")
        if idle.count():
            attempt("tabs", bar, idle.last.click)
    return operated, dead
