"""The formgrader shows each rubric beside the manually graded answer it scores.

11_interview_concepts has written answers graded by a person. A solved notebook with a
written STAR answer is submitted and autograded in the browser tests' course; the
formgrader's grading page must then show, for the answer ``star_project``, the rubric
cell above it and a score box out of its points. Screenshot:
``tests/artifacts/browser/formgrader-rubric-11_interview_concepts.png``.
"""

from __future__ import annotations

import harness
import pytest

from interview_lab import cells

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]

ASSIGNMENT = "11_interview_concepts"
ANSWER = """Situation: at a payments start-up, the fraud model flagged 4% of good
transactions. Task: I owned cutting false alarms in one quarter. Action: I moved
evaluation to a time split and set the threshold from review costs. Result: precision
rose from 0.12 to 0.31 at the same recall."""


def submit_and_autograde(course_root) -> harness.Course:
    """Generate, submit a solved notebook with one written answer, autograde it."""
    course = harness.Course(course_root)
    course.generate(ASSIGNMENT)
    nb = harness.solved_release(ASSIGNMENT, release_root=course_root)
    for cell in nb["cells"]:
        if cells.is_manual(cell) and cells.grade_id(cell) == "star_project":
            cell["source"] = ANSWER
    course.submit(ASSIGNMENT, "rubric_learner", nb)
    course.autograde(ASSIGNMENT, "--student", "rubric_learner")
    return course


@pytest.mark.skipif(
    ASSIGNMENT not in harness.source_assignments(), reason="no 11_interview_concepts"
)
def test_formgrader_shows_the_rubric_above_the_manual_answer(
    page, lab_server, course_root, screenshots
):
    submit_and_autograde(course_root)
    nb_name = harness.notebook_path(course_root, "release", ASSIGNMENT).stem
    listed = lab_server.api(
        f"/formgrader/api/submitted_notebooks/{ASSIGNMENT}/{nb_name}"
    )
    (sub,) = [s for s in listed if s["student"] == "rubric_learner"]
    assert sub["needs_manual_grade"], sub

    page.goto(f"{lab_server.url}/formgrader/submissions/{sub['id']}/?index=0")
    score = page.locator("input.score#star_project")
    score.wait_for()
    rubric = page.get_by_text("Describe a challenging ML project you worked on.").first
    rubric.wait_for()
    assert page.get_by_text("Rubric (what the grader looks for").count() >= 1
    assert page.get_by_text("precision rose from 0.12 to 0.31").count() >= 1
    # the rubric comes before the answer's score box on the page
    rubric_y = rubric.bounding_box()["y"]
    assert rubric_y < score.bounding_box()["y"]
    page.set_viewport_size({"width": 1280, "height": 1000})
    rubric.scroll_into_view_if_needed()
    page.evaluate(f"window.scrollTo(0, {rubric_y} - 80)")
    page.screenshot(path=str(screenshots / f"formgrader-rubric-{ASSIGNMENT}.png"))
    # every manual answer has its rubric and a score box out of its points
    for gid in (
        "star_project",
        "star_underperformed",
        "star_prioritise",
        "design_fraud",
    ):
        assert page.locator(f"input.score#{gid}").count() == 1, gid
