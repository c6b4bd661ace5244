"""Showing a run: the header before the first step, a progress bar on a terminal only, and the plot of both trainings."""

import fcntl
import json
import os
import pty
import struct
import subprocess
import sys
import termios
import time
from io import StringIO

import pytest
from click.testing import CliRunner

from parity import RunConfig
from parity.cli import cli
from parity.engine.compare import compare
from parity.engine.loop import run_steps
from parity.engine.setup import prepare
from parity.report.progress import Progress
from parity.report.series import StepSeries
from tests.helpers import assert_one_line_error


def test_the_bar_shows_steps_rate_and_the_worst_tensor_against_its_tolerance():
    screen = StringIO()
    bar = Progress(100, file=screen, delay=0)
    comparisons = {"W1": compare(1.0 + 5e-6, 1.0, 1e-5, 0.0, "float64"), "b1": compare(1.0, 1.0, 1e-5, 0.0, "float64")}
    for step in range(1, 41):
        bar(step, comparisons)
    bar.bar.refresh()
    text = screen.getvalue()
    assert "40/100" in text and "step/s" in text and "worst: W1 at 50% of its tolerance" in text
    bar.close()


@pytest.mark.slow  # a whole run in a subprocess: in .ci/run's slow tier, keeping `pytest` within 4 minutes
def test_a_long_run_in_a_terminal_shows_its_progress_and_the_header_first():
    """Through a pseudo-terminal, as a person at a terminal sees it."""
    main, child = pty.openpty()
    fcntl.ioctl(child, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 160, 0, 0))  # 160 columns, as a terminal window
    process = subprocess.Popen([sys.executable, "-m", "parity", "run", "--steps", "4000"], stdin=child, stdout=child, stderr=child)
    os.close(child)
    seen, started = b"", time.monotonic()
    while time.monotonic() - started < 300:
        try:
            chunk = os.read(main, 4096)
        except OSError:  # the terminal closed: the run is over
            break
        if not chunk:
            break
        seen += chunk
    process.wait(timeout=60)
    os.close(main)
    text = seen.decode(errors="replace")
    assert process.returncode == 0, text
    assert text.index("parity: xor") < text.index("step/s") < text.index("PASS")
    assert "of its tolerance" in text


def test_no_bar_off_a_terminal_or_with_quiet_and_the_same_output():
    plain = CliRunner().invoke(cli, ["run", "--steps", "30"])
    quiet = CliRunner().invoke(cli, ["run", "--steps", "30", "--quiet"])
    assert plain.exit_code == quiet.exit_code == 0
    assert plain.output == quiet.output and "step/s" not in plain.output


def test_the_series_keep_a_few_floats_a_step_and_mark_the_first_failure():
    setup = prepare(RunConfig(steps=40, rtol=0, atol=1e-7))
    series = StepSeries()
    result = run_steps(setup, listeners=[series])
    assert list(series.steps) == list(range(1, 41))
    assert series.first_failure == result.first_failure.step
    assert series.groups() == ["outputs and loss", "gradients", "weights"]
    assert all(len(values) == 40 for values in series.used.values()) and len(series.loss["torch"]) == 40


@pytest.mark.parametrize("name", ["run.png", "run.svg"])
def test_plot_writes_a_figure_with_the_report(tmp_path, name):
    pytest.importorskip("matplotlib")
    result = CliRunner().invoke(cli, ["run", "--steps", "50", "--plot", str(tmp_path / name), "--json", str(tmp_path / "r.json")])
    assert result.exit_code == 0, result.output
    content = (tmp_path / name).read_bytes()
    assert content.startswith(b"\x89PNG") if name.endswith(".png") else b"<svg" in content[:2000]
    assert json.loads((tmp_path / "r.json").read_text())["verdict"] == "pass"


def test_plot_is_refused_before_the_run_without_matplotlib_or_with_another_format(tmp_path, monkeypatch):
    assert_one_line_error(CliRunner().invoke(cli, ["run", "--plot", str(tmp_path / "x.jpg")]), "x.jpg", ".png or .svg")
    import importlib.util

    real = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec", lambda name, *a: None if name == "matplotlib" else real(name, *a))
    result = CliRunner().invoke(cli, ["run", "--plot", str(tmp_path / "x.png")])
    assert_one_line_error(result, "matplotlib", 'pip install "numpy-torch-parity[plot]"')
    assert not list(tmp_path.iterdir())
