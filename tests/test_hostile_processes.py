"""Hostile processes (issue 25): a launcher killed alone, closed or blocked standard streams, outputs that cannot all
be written, and user code that forks or closes the kit's descriptors."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from parity import files, processes
from parity.cli import cli
from parity.errors import InputError
from tests.helpers import assert_one_line_error, live_processes

LONG_RUN = ["run", "--data", "random:64,4", "--steps", "100000000"]
TUTORIAL = Path(__file__).parent.parent / "examples" / "tutorial_sse.py"


def parity(*args, **popen) -> subprocess.Popen:
    """`parity ARGS` in a session of its own: its process group is every process of the run."""
    popen.setdefault("stdout", subprocess.PIPE)
    popen.setdefault("stderr", subprocess.PIPE)
    return subprocess.Popen([sys.executable, "-m", "parity", *map(str, args)], text=True, start_new_session=True, **popen)


def check_args(step: str, *more) -> list:
    """`parity check` of the tutorial network with `step` run first in every step."""
    return ["check", f"{TUTORIAL}:NeuralNetwork", "--step", f"{step}; net.feedforward(); net.backprop()", *more]


def group_ends_within(group: int, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while live_processes(2, group):
        if time.monotonic() > deadline:
            return False
        time.sleep(0.05)
    return True


def end_group(group: int) -> None:
    for pid in live_processes(2, group):
        os.kill(pid, signal.SIGKILL)


def under_way(process: subprocess.Popen) -> None:
    """Once the headline is out the child runs the steps."""
    assert process.stdout.readline().startswith("parity: "), process.stderr.read()


# 1. The child dies with its parent and writes nothing after it has gone.

@pytest.mark.slow  # a whole launcher process and its child, signalled: the slow tier
def test_a_launcher_killed_with_sigkill_leaves_no_process_and_no_output(tmp_path):
    process = parity(*LONG_RUN, "--json", tmp_path / "r.json")
    try:
        under_way(process)
        process.kill()
        process.wait(timeout=10)
        assert group_ends_within(process.pid, 2), "the run's child outlived its parent"
        time.sleep(0.5)
        assert sorted(p.name for p in tmp_path.iterdir()) == []
    finally:
        end_group(process.pid)


@pytest.mark.slow  # a whole launcher process and its child, signalled: the slow tier
def test_a_step_that_kills_the_launcher_ends_the_run_and_writes_nothing(tmp_path):
    args = check_args("import os, signal; os.kill(os.getppid(), signal.SIGKILL)", "--steps", "30", "--json", tmp_path / "r.json")
    process = parity(*args)
    try:
        process.wait(timeout=60)
        assert process.returncode == -signal.SIGKILL
        assert group_ends_within(process.pid, 2)
        time.sleep(1)
        assert not (tmp_path / "r.json").exists()
        assert not list(tmp_path.glob(".parity-*"))
    finally:
        end_group(process.pid)


@pytest.mark.slow  # a whole launcher process and its child, signalled: the slow tier
def test_sighup_to_the_launcher_ends_the_run_like_sigterm_with_exit_130(tmp_path):
    marker = tmp_path / "stepping"
    process = parity(*check_args(f"import pathlib; pathlib.Path({str(marker)!r}).touch()", "--steps", "100000000",
                                 "--json", tmp_path / "r.json"))
    try:
        deadline = time.monotonic() + 60
        while not marker.exists() and process.poll() is None and time.monotonic() < deadline:
            time.sleep(0.05)
        process.send_signal(signal.SIGHUP)
        out, err = process.communicate(timeout=30)
        assert process.returncode == 130, err
        assert "INTERRUPTED after step" in out and "Traceback" not in err
        assert json.loads((tmp_path / "r.json").read_text())["interrupted"] is True
        assert group_ends_within(process.pid, 2)
    finally:
        end_group(process.pid)


FALLBACK = """
import os, sys, time
from parity import processes
read_end, write_end = os.pipe()
if os.fork() == 0:
    os.close(write_end)
    processes.watch_lifeline(read_end)  # what a system without prctl relies on
    time.sleep(60)
    os._exit(0)
os.close(read_end)
print("ready", flush=True)
time.sleep(60)
"""


def test_without_prctl_the_lifeline_pipe_still_ends_the_child():
    process = subprocess.Popen([sys.executable, "-c", FALLBACK], stdout=subprocess.PIPE, text=True, start_new_session=True)
    try:
        assert process.stdout.readline() == "ready\n"
        process.kill()
        process.wait(timeout=10)
        assert group_ends_within(process.pid, 2)
    finally:
        end_group(process.pid)


def test_outputs_are_not_written_once_the_launcher_has_gone(tmp_path, monkeypatch):
    monkeypatch.setattr(processes, "_launcher", os.getppid() + 1_000_000)  # as if this process had been orphaned
    with pytest.raises(InputError, match="has gone"):
        files.write_atomically(str(tmp_path / "r.json"), lambda file: file.write("{}"))
    assert list(tmp_path.iterdir()) == []


# 2. Standard streams closed, broken or blocked.

def shell(command: str, **run) -> subprocess.CompletedProcess:
    return subprocess.run(["bash", "-c", f"exec {sys.executable} -m parity {command}"], capture_output=True, text=True, timeout=60, **run)


@pytest.mark.parametrize("command", ["run --steps 2 >&-", "explain nothing.json >&-"])
def test_a_closed_stdout_is_one_line_and_exit_2(command):
    finished = shell(command)
    assert finished.returncode == 2
    assert finished.stderr.startswith("parity: error: ") and finished.stderr.count("\n") == 1, finished.stderr
    assert "standard output" in finished.stderr


def test_a_closed_stderr_is_one_line_on_stdout_and_exit_2():
    finished = shell("run --steps 2 2>&-")
    assert finished.returncode == 2
    assert finished.stdout.startswith("parity: error: ") and finished.stdout.count("\n") == 1, finished.stdout
    assert "standard error" in finished.stdout


@pytest.mark.slow  # seconds each (a process of its own, or a fuzzed sweep): run after the README's suite
@pytest.mark.parametrize("args", [["run", "--lr", "0"], ["explain", "nothing.json"]])
def test_a_broken_stderr_is_exit_2_with_its_line_on_stdout(args):
    read_end, write_end = os.pipe()
    os.close(read_end)  # a reader that has gone: writing there is EPIPE
    try:
        finished = subprocess.run([sys.executable, "-m", "parity", *args], stdout=subprocess.PIPE, stderr=write_end,
                                  text=True, timeout=60)
    finally:
        os.close(write_end)
    assert finished.returncode == 2
    assert finished.stdout == "parity: error: standard error is broken (Broken pipe)\n"


def wait_blocked_on_stdout(process: subprocess.Popen) -> int:
    """The run's child, once it is stuck writing into the full pipe."""
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        for child in live_processes(1, process.pid):
            with open(f"/proc/{child}/wchan") as wchan:
                if "pipe_write" in wchan.read():
                    return child
        assert process.poll() is None, process.stderr.read()
        time.sleep(0.1)
    raise AssertionError("the run never blocked on its output")


@pytest.mark.slow  # a whole launcher process and its child, signalled: the slow tier
@pytest.mark.parametrize("signals", [1, 2])
def test_a_blocked_stdout_does_not_stop_sigterm_from_ending_the_run(tmp_path, signals):
    args = check_args("print('x' * 1_000_000)", "--steps", "100000000")
    process = parity(*args, env={**os.environ, "PARITY_STOP_GRACE": "2"})
    try:
        wait_blocked_on_stdout(process)  # the test never reads stdout: the pipe stays full
        started = time.monotonic()
        for _ in range(signals):
            process.send_signal(signal.SIGTERM)
            time.sleep(0.2)
        process.wait(timeout=10)
        assert process.returncode == 130
        assert time.monotonic() - started < (2 if signals == 2 else 5)
        assert group_ends_within(process.pid, 2)
        err = process.stderr.read()
        assert "Traceback" not in err and "did not stop" in err, err
    finally:
        end_group(process.pid)


# 3. Outputs all or none, checked before the run.

@pytest.mark.parametrize("path,words", [
    (lambda d: d / ("a" * 300 + ".json"), ["longer than the file system allows"]),
    (lambda d: d / "missing" / "r.json", ["does not exist"]),
    (lambda d: (d / "folder.json").mkdir() or d / "folder.json", ["is a directory"]),
])
@pytest.mark.parametrize("option", ["--json", "--junit", "--save-golden", "--save-weights"])
def test_an_output_that_cannot_be_written_is_refused_before_the_run(tmp_path, path, words, option):
    result = CliRunner().invoke(cli, ["run", "--steps", "2", option, str(path(tmp_path))])
    assert_one_line_error(result, *words)
    assert result.stdout == ""  # before the run: not even its headline


def test_sweep_and_mutants_check_the_name_length_too(tmp_path):
    (tmp_path / "g.toml").write_text("[grid]\nloss = ['sse']\n")
    long_name = str(tmp_path / ("a" * 300 + ".json"))
    assert_one_line_error(CliRunner().invoke(cli, ["sweep", str(tmp_path / "g.toml"), "--json", long_name]), "longer than")
    assert_one_line_error(CliRunner().invoke(cli, ["mutants", "--json", long_name]), "longer than")


def test_an_output_that_became_a_directory_during_the_run_replaces_nothing(tmp_path):
    (tmp_path / "r.json").write_text("the old report")
    step = f"import os; os.makedirs({str(tmp_path / 'r.xml')!r}, exist_ok=True)"
    result = CliRunner().invoke(cli, check_args(step, "--steps", "2", "--json", str(tmp_path / "r.json"),
                                                "--junit", str(tmp_path / "r.xml")))
    assert result.exit_code == 2, result.output
    assert result.stderr.count("\n") == 1 and "r.xml" in result.stderr and "Traceback" not in result.output
    assert (tmp_path / "r.json").read_text() == "the old report"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["r.json", "r.xml"]


def test_a_rename_that_fails_half_way_puts_back_what_was_replaced(tmp_path, monkeypatch):
    first, second = tmp_path / "a.json", tmp_path / "b.json"
    first.write_text("old a")
    second.write_text("old b")
    replace = os.replace

    def failing(source, target):
        if str(target) == str(second) and ".parity-" in str(source):
            raise OSError(28, "No space left on device")
        replace(source, target)

    monkeypatch.setattr(os, "replace", failing)
    with pytest.raises(InputError, match="No space left"):
        files.write_all([(str(first), lambda f: f.write("new a"), False), (str(second), lambda f: f.write("new b"), False)])
    assert first.read_text() == "old a" and second.read_text() == "old b"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.json", "b.json"]


# 4. User code that forks or closes the kit's descriptors.

@pytest.mark.slow  # a whole launcher process and its child, signalled: the slow tier
def test_a_step_that_forks_and_goes_on_is_ended_in_the_copy(tmp_path):
    args = check_args("import os; os.fork()", "--steps", "3", "--json", tmp_path / "r.json")
    process = parity(*args)
    try:
        out, err = process.communicate(timeout=60)
        assert process.returncode == 0, err
        assert "PASS" in out and out.count("PASS") == 1
        assert "Traceback" not in err and err.strip() and all("forked" in line for line in err.strip().splitlines()), err
        assert json.loads((tmp_path / "r.json").read_text())["verdict"] == "pass"
        assert group_ends_within(process.pid, 2)
    finally:
        end_group(process.pid)


@pytest.mark.slow  # seconds each (a process of its own, or a fuzzed sweep): run after the README's suite
def test_a_step_that_closes_the_kits_descriptors_is_one_line_and_exit_2(tmp_path):
    finished = subprocess.run([sys.executable, "-m", "parity", *map(str, check_args("import os; os.closerange(3, 256)", "--steps", "3"))],
                              capture_output=True, text=True, timeout=60)
    assert finished.returncode == 2
    assert finished.stderr.startswith("parity: error: ") and finished.stderr.count("\n") == 1, finished.stderr
    assert "closed" in finished.stderr and "descriptor" in finished.stderr


@pytest.mark.slow  # a whole launcher process and its child, signalled: the slow tier
def test_user_code_runs_in_an_ordinary_subprocess_still(tmp_path):
    step = "import subprocess, sys; subprocess.run([sys.executable, '-c', 'pass'], check=True)"
    finished = subprocess.run([sys.executable, "-m", "parity", *map(str, check_args(step, "--steps", "2"))],
                              capture_output=True, text=True, timeout=60)
    assert finished.returncode == 0, finished.stderr
    assert finished.stderr == ""


@pytest.mark.slow  # seconds each (a process of its own, or a fuzzed sweep): run after the README's suite
@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="/dev/full is Linux's")
def test_a_full_standard_output_is_one_line_and_exit_2_not_an_internal_error():
    with open("/dev/full", "w") as full:
        finished = subprocess.run([sys.executable, "-m", "parity", "run", "--steps", "2"], stdout=full, stderr=subprocess.PIPE,
                                  text=True, timeout=120)
    assert finished.returncode == 2
    assert finished.stderr.strip() == "parity: error: cannot write to standard output: No space left on device"
