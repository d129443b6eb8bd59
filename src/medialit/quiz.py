"""In-page self-check questions that work in the static book, with no kernel.

A question is a set of radio buttons linked (``jslink``, which runs in the browser) to a
``Stack`` of feedback panels: choosing an option shows the feedback written for that option,
right or wrong, with the reason. No Python callback is needed, so the question works the same
in the built book and in a live notebook.

Examples
--------
>>> q = multiple_choice(
...     "Which outlet is state-owned?",
...     [Option("Sputnik", True, "Rossiya Segodnya owns it."),
...      Option("Red Fire", False, "It is a socialist group's publication.")],
... )
>>> type(q).__name__
'VBox'
>>> q.children[1].options
('Sputnik', 'Red Fire')
"""

from __future__ import annotations

import html
from dataclasses import dataclass

import ipywidgets as widgets

from medialit.schema import CLAIM_VERDICTS

RIGHT_COLOUR = "#0072B2"  # Okabe-Ito blue: readable for colour-blind readers
WRONG_COLOUR = "#D55E00"  # Okabe-Ito vermillion
# Classes by which the book's style sheet and script (book/_assets/) find a quiz: its options
# wrap on a phone, with tap targets 44 px high, and print as a list to tick.
QUIZ_CLASS = "medialit-quiz"
FEEDBACK_CLASS = "medialit-feedback"


@dataclass(frozen=True)
class Option:
    """One answer a reader can choose, whether it is right, and why."""

    text: str
    correct: bool
    feedback: str


def feedback_panel(option: Option) -> widgets.HTML:
    """The panel shown when ``option`` is chosen: a verdict word, then the reason.

    >>> feedback_panel(Option("A", False, "Look again.")).value.count("Not quite")
    1
    """
    verdict, colour = ("Right.", RIGHT_COLOUR) if option.correct else ("Not quite.", WRONG_COLOUR)
    kind = "right" if option.correct else "wrong"
    return widgets.HTML(
        f'<div role="status" class="{FEEDBACK_CLASS} {FEEDBACK_CLASS}-{kind}" '
        f'style="border-left:4px solid {colour};padding:4px 10px;'
        f'margin-top:4px"><strong style="color:{colour}">{verdict}</strong> '
        f"{html.escape(option.feedback)}</div>"
    )


def multiple_choice(question: str, options: list[Option]) -> widgets.VBox:
    """A question with one right option; each choice shows its own feedback.

    Parameters
    ----------
    question
        The question, plain text.
    options
        The choices, in the order shown. Exactly one must be correct.

    Returns
    -------
    ipywidgets.VBox
        The question text, the radio buttons and the feedback stack.
    """
    if len(options) < 2:
        raise ValueError("a question needs at least two options")
    if sum(o.correct for o in options) != 1:
        raise ValueError(f"exactly one option must be correct in: {question!r}")
    if len({o.text for o in options}) != len(options):
        raise ValueError(f"options must differ in: {question!r}")
    prompt = widgets.HTML(f"<p><strong>{html.escape(question)}</strong></p>")
    # No fixed width: the options wrap to the page (a phone cut off long answers before).
    choices = widgets.RadioButtons(
        options=[o.text for o in options],
        index=None,
        description="Your answer",
        layout=widgets.Layout(width="auto", max_width="100%"),
        style={"description_width": "initial"},
    )
    choices.add_class(QUIZ_CLASS)
    feedback = widgets.Stack([feedback_panel(o) for o in options], selected_index=None)
    # jslink runs in the page: the static book needs no kernel to show the feedback.
    widgets.jslink((choices, "index"), (feedback, "selected_index"))
    return widgets.VBox([prompt, choices, feedback], layout=widgets.Layout(margin="0 0 1em 0"))


def verdict_options(key: str, **feedback: str) -> list[Option]:
    """One option per verdict of the annotation scheme, in its order, with feedback for each.

    A question about a verdict offers exactly the verdicts the kit defines, so the book, the
    notebooks and the key use one vocabulary.

    >>> [o.text for o in verdict_options("supported", **{v: "." for v in CLAIM_VERDICTS})][:2]
    ['supported', 'imprecise']
    """
    if set(feedback) != set(CLAIM_VERDICTS) or key not in CLAIM_VERDICTS:
        raise ValueError(f"give feedback for exactly the verdicts {CLAIM_VERDICTS}")
    return [Option(v, v == key, feedback[v]) for v in CLAIM_VERDICTS]
