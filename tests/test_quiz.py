"""In-page questions: one right option, feedback per option, linked in the browser."""

import ipywidgets as widgets
import pytest
from ipywidgets.embed import embed_data

from medialit.quiz import Option, multiple_choice

OPTIONS = [
    Option("Sputnik", True, "Rossiya Segodnya owns it."),
    Option("Red Fire", False, "A socialist group publishes it."),
    Option("Vision Times", False, "It is linked to a religious movement."),
]


def test_feedback_for_every_option_in_order():
    q = multiple_choice("Which is state media?", OPTIONS)
    stack = q.children[2]
    assert isinstance(stack, widgets.Stack)
    assert stack.selected_index is None  # nothing shown before the reader chooses
    texts = [child.value for child in stack.children]
    assert "Right." in texts[0] and "Rossiya Segodnya" in texts[0]
    assert all("Not quite." in t for t in texts[1:])


def test_choice_and_feedback_are_linked_in_javascript():
    q = multiple_choice("Which is state media?", OPTIONS)
    choices, stack = q.children[1], q.children[2]
    state = embed_data(views=[q])["manager_state"]["state"]
    # The manager holds every live widget; keep the links that start at this question.
    links = [
        s["state"]
        for s in state.values()
        if s["model_name"] == "LinkModel"
        and s["state"]["source"][0] == f"IPY_MODEL_{choices.model_id}"
    ]
    assert [(link["source"][1], link["target"]) for link in links] == [
        ("index", [f"IPY_MODEL_{stack.model_id}", "selected_index"])
    ]


@pytest.mark.parametrize(
    "options, message",
    [
        ([Option("a", True, ""), Option("b", True, "")], "exactly one"),
        ([Option("a", False, ""), Option("b", False, "")], "exactly one"),
        ([Option("a", True, "")], "at least two"),
        ([Option("a", True, ""), Option("a", False, "")], "must differ"),
    ],
)
def test_malformed_questions_are_refused(options, message):
    with pytest.raises(ValueError, match=message):
        multiple_choice("Q?", options)


def test_feedback_is_escaped():
    q = multiple_choice("Q?", [Option("a", True, "<script>x</script>"), Option("b", False, "")])
    assert "<script>" not in q.children[2].children[0].value
