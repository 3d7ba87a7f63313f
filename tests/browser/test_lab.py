"""The course as a learner sees it: JupyterLab in headless Chromium.

For every released notebook (solved with the instructor's answers, in a temporary copy
of the course): open it, Run All, wait for the kernel, and check that no cell shows an
error, that every interactive figure (a VBox with class ``interview-lab-explorer``)
has its slider(s) and its one figure image, and that moving its first slider, and
then its other sliders and each of its dropdowns, redraws the figure. Screenshots of
each figure before and after go to ``tests/artifacts/browser/``.

Then nbgrader's JupyterLab parts: the notebook toolbar's Validate button reports its
result, and the formgrader opens from the Nbgrader menu and lists the assignments.
"""

from __future__ import annotations

import json
import re
import shutil
import time

import browserlab as lab
import harness
import pytest

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]

NOTEBOOKS = lab.release_notebooks()
RUN_TIMEOUT_S = 240  # Run All on a loaded 2-core machine (a notebook takes ~10 s alone)
START_TIMEOUT_S = 60  # from the menu click to the first cell's number or [*]
REDRAW_TIMEOUT_S = 60
# A change is settled once the kernel is idle and the image has stayed the same this
# long: every new image is sent while the kernel handles the change, before it says
# idle (no explorer draws from a timer or a thread), so half a second is a margin for
# the browser to show what it has received, not for the kernel to send more.
SETTLED_S = 0.5
POLL_S = 0.1

# Outputs a learner would read as "something went wrong".
STDERR = '.jp-OutputArea-output[data-mime-type="application/vnd.jupyter.stderr"]'
WIDGET_OUTPUT = (
    '.jp-OutputArea-output[data-mime-type="application/vnd.jupyter.widget-view+json"]'
)

IMAGE_HASH_JS = """async (img) => {
    if (!img.src) return "";
    const data = await (await fetch(img.src)).arrayBuffer();
    const digest = await crypto.subtle.digest("SHA-256", data);
    return Array.from(new Uint8Array(digest), b => b.toString(16).padStart(2, "0")).join("");
}"""

LOADED_JS = """([panelId, nCells]) => {
    const panel = document.getElementById(panelId);
    const kernel = panel.querySelector(".jp-KernelName");
    const indicator = panel.querySelector(".jp-Notebook-ExecutionIndicator");
    return panel.querySelectorAll(".jp-Notebook .jp-Cell").length === nCells
        && kernel && !/no kernel/i.test(kernel.textContent)
        && indicator && indicator.dataset.status === "idle";
}"""

RUN_STATE_JS = """(panelId) => {
    const panel = document.getElementById(panelId);
    const prompts = Array.from(panel.querySelectorAll(".jp-CodeCell .jp-InputPrompt"),
                               p => p.textContent.trim());
    const indicator = panel.querySelector(".jp-Notebook-ExecutionIndicator");
    return {prompts, status: indicator ? indicator.dataset.status : null};
}"""


def nb_id(path) -> str:
    return f"{path.parent.name}/{path.stem}"


def code_cell_count(path) -> int:
    return sum(c["cell_type"] == "code" for c in harness.read_nb(path)["cells"])


def explorer_calls(path) -> int:
    """Code cells that call an ``*explorer(...)`` function: each shows an explorer."""
    call = re.compile(r"\b[a-z_]*explorer\s*\(")
    return sum(
        1
        for c in harness.read_nb(path)["cells"]
        if c["cell_type"] == "code" and call.search(harness.cell_source(c))
    )


# ------------------------------------------------------------------ learner actions
def open_notebook(page, server, rel_path: str, n_cells: int):
    """Open a notebook in JupyterLab; return its panel once loaded, with an idle kernel."""
    # ?reset: a fresh workspace, so no notebook of an earlier test is restored beside it
    page.goto(f"{server.url}/lab/tree/{rel_path}?reset")
    panel = page.locator(".jp-NotebookPanel")
    panel.locator(".jp-Cell").first.wait_for()
    assert panel.count() == 1, (
        f"{panel.count()} notebooks open, expected {rel_path} alone"
    )
    tab = page.locator(
        "#jp-main-dock-panel .lm-TabBar-tab.lm-mod-current .lm-TabBar-tabLabel"
    )
    assert tab.inner_text() == rel_path.rsplit("/", 1)[-1]
    # Before the file and the kernel have loaded, the panel shows a placeholder cell,
    # "No Kernel", and an execution indicator that already says idle.
    page.wait_for_function(
        LOADED_JS,
        arg=[panel.get_attribute("id"), n_cells],
        timeout=120_000,
        polling=250,
    )
    return panel


def run_all(page, panel, n_code_cells: int) -> list[str]:
    """Run > Run All Cells; wait for the kernel; return the code cells' prompts."""
    page.locator(".lm-MenuBar-itemLabel", has_text=re.compile(r"^Run$")).click()
    page.locator(".lm-Menu-item:visible", has_text="Run All Cells").first.click()
    panel_id = panel.get_attribute("id")
    deadline = time.monotonic() + RUN_TIMEOUT_S
    start_by = time.monotonic() + START_TIMEOUT_S
    quiet_since = None
    state = {}
    while time.monotonic() < deadline:
        state = page.evaluate(RUN_STATE_JS, panel_id)
        started = state["prompts"] and re.fullmatch(r"\[\d+\]:", state["prompts"][0])
        if (
            not started
            and time.monotonic() > start_by
            and "*" not in state["prompts"][0]
        ):
            pytest.fail(
                f"Run All Cells did not start a cell in {START_TIMEOUT_S} s: {state}"
            )
        busy = state["status"] != "idle" or any("*" in p for p in state["prompts"])
        if started and not busy:
            quiet_since = quiet_since or time.monotonic()
            if time.monotonic() - quiet_since > SETTLED_S:  # idle and staying idle
                break
        else:
            quiet_since = None
        time.sleep(POLL_S)
    else:
        pytest.fail(f"Run All did not finish in {RUN_TIMEOUT_S} s: {state}")
    assert len(state["prompts"]) == n_code_cells, (
        f"the page shows {len(state['prompts'])} code cells, the notebook has "
        f"{n_code_cells}"
    )
    return state["prompts"]


def image_hash(img) -> str:
    return img.evaluate(IMAGE_HASH_JS)


def wait_for_new_image(page, panel, img, before: str, what: str) -> str:
    """Wait until the figure shows other pixels than ``before`` and the kernel rests.

    Returns the hash of the settled image: the kernel is idle and the image has not
    changed for :data:`SETTLED_S`, so a screenshot shows the figure for the control's
    new value.
    """
    deadline = time.monotonic() + REDRAW_TIMEOUT_S
    panel_id = panel.get_attribute("id")
    changed, last, since = False, None, time.monotonic()
    while time.monotonic() < deadline:
        now = image_hash(img)
        changed = changed or bool(now and now != before)
        idle = page.evaluate(RUN_STATE_JS, panel_id)["status"] == "idle"
        if now != last or not idle:
            last, since = now, time.monotonic()
        elif changed and time.monotonic() - since >= SETTLED_S:
            return now
        time.sleep(POLL_S)
    if not changed:
        pytest.fail(f"{what} did not change the figure within {REDRAW_TIMEOUT_S} s")
    pytest.fail(f"{what}: the figure did not settle within {REDRAW_TIMEOUT_S} s")


def show(page, explorer, path) -> None:
    """Scroll the explorer to the top of the notebook and take a screenshot."""
    explorer.locator("img.interview-lab-figure").evaluate(
        "img => img.complete ? null : new Promise(r => img.addEventListener('load', r, "
        "{once: true}))"
    )
    # The notebook sizes cells it has not painted yet by estimate, so one scroll can
    # land off target once they are painted: scroll until the explorer stays put.
    last = None
    for _ in range(20):
        explorer.evaluate("e => e.scrollIntoView({block: 'start'})")
        page.wait_for_timeout(150)
        box = explorer.bounding_box()
        if box is not None and last is not None and abs(box["y"] - last) < 1:
            break
        last = box and box["y"]
    page.screenshot(path=str(path))


def move_slider(page, slider) -> tuple[str, str]:
    """Move a slider one big step with the keyboard (PageUp, or PageDown at the top).

    A learner can do the same: click the handle, press a key. One key press is one
    change of value, so the kernel redraws once.
    """
    handle = slider.locator(".noUi-handle").first
    readout = slider.locator(".widget-readout")
    before = readout.inner_text()
    handle.focus()
    for key in ("PageUp", "ArrowRight", "PageDown", "ArrowLeft"):
        page.keyboard.press(key)
        if readout.inner_text() != before:
            break
    return before, readout.inner_text()


# ------------------------------------------------------------------------- tests
@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=nb_id)
def test_notebook_runs_and_its_figures_respond(notebook, page, lab_server, screenshots):
    assignment = notebook.parent.name
    rel = f"notebooks/{assignment}/{notebook.name}"
    panel = open_notebook(
        page, lab_server, rel, len(harness.read_nb(notebook)["cells"])
    )
    prompts = run_all(page, panel, code_cell_count(notebook))

    # no cell shows an error or writes to stderr; every cell ran
    errors = panel.locator(STDERR).all_inner_texts()
    assert not errors, f"{rel}: cells show errors:\n" + "\n---\n".join(
        e[-1500:] for e in errors
    )
    not_run = [i for i, p in enumerate(prompts) if not re.fullmatch(r"\[\d+\]:", p)]
    assert not not_run, f"{rel}: code cells {not_run} did not run: {prompts}"

    # every widget output rendered
    for text in panel.locator(WIDGET_OUTPUT).all_inner_texts():
        assert "Error displaying widget" not in text, f"{rel}: {text}"
    assert panel.locator(".jupyter-widgets-error-widget").count() == 0, (
        f"{rel}: a widget failed to render"
    )
    assert not page.js_errors, f"{rel}: JavaScript errors: {page.js_errors}"

    # the promised interactive figures, each with its controls and one image
    explorers = panel.locator(".interview-lab-explorer")
    promised = max(1, explorer_calls(notebook))
    assert explorers.count() >= promised, (
        f"{rel}: {explorers.count()} interactive figures (.interview-lab-explorer) "
        f"shown, the notebook promises {promised}"
    )

    for i in range(explorers.count()):
        explorer = explorers.nth(i)
        name = f"{assignment}-explorer{i + 1}"
        sliders = explorer.locator(".widget-slider")
        images = explorer.locator("img.interview-lab-figure")
        assert sliders.count() >= 1, f"{rel}: explorer {i + 1} has no slider"
        assert images.count() == 1, (
            f"{rel}: explorer {i + 1} has {images.count()} figure images, not 1"
        )
        img = images.first

        show(page, explorer, screenshots / f"{name}-before.png")
        first = image_hash(img)
        assert first, f"{rel}: explorer {i + 1} shows an empty figure"

        # the first slider is the main one: its move is the "after" picture; the
        # others must redraw the figure too
        moved = first
        for k, slider in enumerate(sliders.all()):
            label = slider.locator(".widget-label").inner_text() or f"slider {k + 1}"
            old, new = move_slider(page, slider)
            assert new != old, f"{rel}: the {label} slider did not move ({old})"
            moved = wait_for_new_image(
                page, panel, img, moved, f"{rel}: moving {label} from {old} to {new}"
            )
            suffix = "after" if k == 0 else f"slider{k + 1}"
            show(page, explorer, screenshots / f"{name}-{suffix}.png")

        for j, select in enumerate(explorer.locator(".widget-dropdown select").all()):
            options = select.locator("option").count()
            if options < 2:
                continue
            current = select.evaluate("s => s.selectedIndex")
            select.select_option(index=(current + 1) % options)
            what = f"{rel}: choosing another {select.evaluate('s => s.labels[0]?.textContent')}"
            moved = wait_for_new_image(page, panel, img, moved, what)
            show(page, explorer, screenshots / f"{name}-dropdown{j + 1}.png")

    # the moves did not break anything either
    errors = panel.locator(STDERR).all_inner_texts()
    assert not errors, f"{rel}: errors after moving the controls:\n" + "\n".join(errors)


def validate(page, lab_server, rel: str, n_cells: int):
    """Click the notebook's Validate button; return the result dialog."""
    panel = open_notebook(page, lab_server, rel, n_cells)
    panel.locator(".validate-button").click()
    dialog = page.locator(".jp-Dialog")
    body = dialog.locator(".validation-success, .validation-failed")
    body.first.wait_for(timeout=RUN_TIMEOUT_S * 1000)
    return dialog


def test_validate_button_passes_a_solved_notebook(
    page, lab_server, course_root, screenshots
):
    notebook = NOTEBOOKS[0]
    rel = f"notebooks/{notebook.parent.name}/{notebook.name}"
    dialog = validate(page, lab_server, rel, len(harness.read_nb(notebook)["cells"]))
    page.screenshot(path=str(screenshots / "validate-solved.png"))
    text = dialog.inner_text()
    assert dialog.locator(".validation-success").count() == 1, text
    assert "Success! Your notebook passes all the tests." in text


def test_validate_button_reports_an_unsolved_notebook(
    page, lab_server, course_root, screenshots
):
    notebook = NOTEBOOKS[0]
    target = course_root / "notebooks" / "unsolved" / notebook.name
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copy2(notebook, target)
    dialog = validate(
        page,
        lab_server,
        f"notebooks/unsolved/{notebook.name}",
        len(harness.read_nb(notebook)["cells"]),
    )
    page.screenshot(path=str(screenshots / "validate-unsolved.png"))
    text = dialog.inner_text()
    assert dialog.locator(".validation-failed").count() == 1, text
    assert "NotImplementedError" in text, text


def test_formgrader_opens_from_the_course_root(
    page, lab_server, course_root, screenshots
):
    page.goto(f"{lab_server.url}/lab?reset")
    page.locator(
        ".jp-LauncherCard, .jp-NotebookPanel, .jp-MarkdownViewer"
    ).first.wait_for()
    page.locator(".lm-MenuBar-itemLabel", has_text=re.compile(r"^Nbgrader$")).click()
    page.locator(
        ".lm-Menu-item:visible", has_text=re.compile(r"^Formgrader$")
    ).first.click()
    frame = page.frame_locator("#formgrader iframe")
    for assignment in harness.source_assignments():
        frame.get_by_text(assignment, exact=True).first.wait_for(timeout=60_000)
    page.screenshot(path=str(screenshots / "formgrader.png"))
    # and the formgrader's own API agrees with the page
    listed = json.dumps(lab_server.api("/formgrader/api/assignments"))
    for assignment in harness.source_assignments():
        assert f'"{assignment}"' in listed, listed[:2000]


def test_a_mock_interview_session_opens_and_runs_in_jupyterlab(
    page, lab_server, course_root, screenshots
):
    """make interview's notebook, answered with the instructor's solutions: it opens,
    shows the session's header, and Run All runs every cell without an error (its
    checks are hidden: the test cells hold only their docstrings)."""
    from interview_lab import cells, interview

    session = interview.new_session(course_root, seed=3)
    mine = course_root / session.notebook
    source = harness.read_nb(
        course_root / ".selfstudy" / "source" / session.id / "interview.ipynb"
    )
    answers = {
        cells.grade_id(c): cells.source(c)
        for c in source["cells"]
        if cells.is_answer(c)
    }
    nb = harness.read_nb(mine)
    for c in nb["cells"]:
        if cells.grade_id(c) in answers:
            c["source"] = answers[cells.grade_id(c)]
    mine.write_text(json.dumps(nb, indent=1))
    rel = session.notebook
    panel = open_notebook(page, lab_server, rel, len(nb["cells"]))
    heading = panel.locator(".jp-MarkdownOutput h1").first.inner_text()
    assert heading.startswith(f"Mock interview · {session.minutes} minutes")
    assert session.coding[1] in panel.locator(".jp-MarkdownOutput").first.inner_text()
    prompts = run_all(page, panel, sum(c["cell_type"] == "code" for c in nb["cells"]))
    page.screenshot(path=str(screenshots / "interview-session.png"), full_page=True)
    errors = panel.locator(STDERR).all_inner_texts()
    assert not errors, f"{rel}: cells show errors:\n" + "\n---\n".join(errors)
    assert all(re.fullmatch(r"\[\d+\]:", p) for p in prompts), prompts
    assert not page.js_errors, page.js_errors
