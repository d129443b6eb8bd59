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

import matplotlib as mpl
from matplotlib.figure import Figure

from medialit.charts.style import PHONE_DPI, PHONE_MEDIA

__all__ = ["alt_text", "text_px", "to_html", "to_png"]


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
