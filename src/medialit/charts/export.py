"""Charts as readers get them: PNG bytes, HTML with alt text, and the size of their text.

:func:`to_html` renders a chart as an ``<img>`` with its alt text; a chart with a phone layout
becomes a ``<picture>`` whose ``<source>`` serves that layout to narrow screens, so the
chart's text stays at least :data:`~medialit.charts.style.MIN_TEXT_CSS_PX` CSS pixels there
instead of shrinking with the picture. Both images carry ``data-text-px``, the size of their
smallest text in image pixels, which the browser tests use to check what a reader sees.
"""

from __future__ import annotations

import base64
import html
import io
from dataclasses import dataclass
from unittest import mock

import matplotlib as mpl
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.transforms import Bbox

from medialit.charts.style import PHONE_DPI, PHONE_MEDIA

__all__ = [
    "TextProblem",
    "alt_text",
    "drawn_texts",
    "text_problems",
    "text_px",
    "to_html",
    "to_png",
]


def text_px(fig: Figure, dpi: float) -> float:
    """The size of the smallest text drawn in the figure, in pixels of an image at ``dpi``.

    >>> from medialit.charts import PHONE_WIDTH, attribution_chart
    >>> round(text_px(attribution_chart(), 100), 1)   # 11 pt at 100 dpi
    15.3
    >>> round(text_px(attribution_chart(width=PHONE_WIDTH), PHONE_DPI), 1)   # 10 pt at 90 dpi
    12.5
    """
    fig.draw_without_rendering()  # lays the figure out: tick labels exist only once drawn
    renderer = fig._get_renderer()
    sizes = [
        text.get_fontsize()
        for text in fig.findobj(mpl.text.Text)
        if text.get_visible() and text.get_text().strip() and _drawn_inside(text, fig, renderer)
    ]
    return min(sizes, default=0.0) * dpi / 72


def alt_text(fig: Figure) -> str:
    """The alt text stored on a chart.

    >>> from medialit.charts import timeline
    >>> alt_text(timeline()).startswith("Timeline")
    True
    """
    text = getattr(fig, "alt_text", "")
    if not text:
        raise ValueError("this figure has no alt text: build it with a medialit.charts function")
    return text


def to_png(fig: Figure, dpi: int = 100) -> bytes:
    """The figure as PNG bytes, reduced to a 256-colour palette when Pillow is available."""
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=dpi)
    return _quantise(buffer.getvalue())


def _quantise(png: bytes) -> bytes:
    # Flat colours and anti-aliased text survive a 256-colour palette; the file shrinks 2-3x,
    # which keeps pages with many pre-rendered charts within their size budget.
    try:
        from PIL import Image
    except ImportError:  # pragma: no cover - Pillow ships with matplotlib
        return png
    image = Image.open(io.BytesIO(png)).convert("RGB")
    out = io.BytesIO()
    image.quantize(colors=256, method=Image.Quantize.MEDIANCUT).save(out, "png", optimize=True)
    return out.getvalue() if out.tell() < len(png) else png


def _drawn_inside(text, fig: Figure, renderer) -> bool:
    """Whether a text artist lands on the figure (tick labels outside the axis limits do not)."""
    box = text.get_window_extent(renderer)
    width, height = fig.bbox.width, fig.bbox.height
    return box.x1 > 0 and box.y1 > 0 and box.x0 < width and box.y0 < height


def _data_url(fig: Figure, dpi: int) -> str:
    return "data:image/png;base64," + base64.b64encode(to_png(fig, dpi)).decode("ascii")


def to_html(fig: Figure, dpi: int = 100) -> str:
    """The figure as HTML: an ``<img>`` holding it as a data URL, with its alt text.

    A chart with a phone layout becomes a ``<picture>`` whose ``<source>`` serves that layout
    to narrow screens. Each image says the size of its smallest text (``data-text-px``).

    >>> from medialit.charts import labels_chart
    >>> tag = to_html(labels_chart())
    >>> 'alt="' in tag and "max-width:100%" in tag and tag.count("data-text-px") == 2
    True
    >>> tag.startswith("<picture>") and PHONE_MEDIA in tag
    True
    """
    alt = html.escape(alt_text(fig), quote=True)
    img = (
        f'<img src="{_data_url(fig, dpi)}" alt="{alt}" data-text-px="{text_px(fig, dpi):.1f}" '
        'style="max-width:100%;height:auto;display:block">'
    )
    phone_layout = getattr(fig, "phone_layout", None)
    if phone_layout is None:
        return img
    phone = phone_layout()
    source = (
        f'<source media="{PHONE_MEDIA}" srcset="{_data_url(phone, PHONE_DPI)}" '
        f'data-text-px="{text_px(phone, PHONE_DPI):.1f}">'
    )
    return f"<picture>{source}{img}</picture>"


# --------------------------------------------------------------------------- text that collides

# Two texts closer than this (image pixels) touch: "Red FireTimes" reads as one word.
MIN_TEXT_GAP_PX = 2.0


@dataclass(frozen=True)
class TextProblem:
    """A text a reader cannot read whole: cut off by the figure's edge, or on another text."""

    text: str
    problem: str

    def __str__(self) -> str:
        return f"{self.text!r} {self.problem}"


def drawn_texts(fig: Figure, dpi: float = 100) -> list[tuple[mpl.text.Text, Bbox]]:
    """Every text the figure draws, with its box in pixels of an image at ``dpi``.

    Only what is drawn counts: a tick label outside the axis limits is skipped by matplotlib,
    and so here. The figure is drawn once on an Agg canvas, noting each text as it is drawn.
    """
    seen: dict[int, mpl.text.Text] = {}
    draw = mpl.text.Text.draw

    def noting(text, renderer):
        if text.get_visible() and text.get_text().strip():
            seen.setdefault(id(text), text)
        return draw(text, renderer)

    canvas = FigureCanvasAgg(fig)
    original_dpi = fig.dpi
    fig.dpi = dpi
    try:
        renderer = canvas.get_renderer()
        with mock.patch.object(mpl.text.Text, "draw", noting):
            fig.draw(renderer)
        return [(text, text.get_window_extent(renderer)) for text in seen.values()]
    finally:
        fig.dpi = original_dpi


def text_problems(fig: Figure, dpi: float = 100) -> list[TextProblem]:
    """Texts cut off by the figure's edge, and pairs of texts that overlap or touch.

    Examples
    --------
    >>> from medialit.charts import new_figure
    >>> fig = new_figure(2, 3)
    >>> _ = fig.text(0.5, 0.5, "one"), fig.text(0.52, 0.5, "two"), fig.text(0.9, 0.1, "edge")
    >>> for problem in text_problems(fig):
    ...     print(problem)
    'edge' runs past the right edge of the figure
    'one' touches 'two'
    """
    boxes = drawn_texts(fig, dpi)
    width, height = fig.get_figwidth() * dpi, fig.get_figheight() * dpi
    problems = []
    for text, box in boxes:
        for side, outside in (
            ("left", box.x0 < -0.5),
            ("right", box.x1 > width + 0.5),
            ("bottom", box.y0 < -0.5),
            ("top", box.y1 > height + 0.5),
        ):
            if outside:
                problems.append(
                    TextProblem(text.get_text(), f"runs past the {side} edge of the figure")
                )
    gap = MIN_TEXT_GAP_PX / 2
    for i, (text, box) in enumerate(boxes):
        for other, other_box in boxes[i + 1 :]:
            if box.padded(gap).overlaps(other_box.padded(gap)):
                problems.append(TextProblem(text.get_text(), f"touches {other.get_text()!r}"))
    return problems
