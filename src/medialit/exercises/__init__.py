"""Exercises: the question bank, self-check in notebooks, and grading of submissions.

In a notebook::

    from medialit.exercises import check, check_all
    check("2.3", answer_2_3)   # right or wrong, with a hint; never the answer
    check_all()                # every answer in the notebook

Grading and building never import the charts or widgets, so they run headless.
"""

from medialit.exercises.check import check, check_all

__all__ = ["check", "check_all"]
