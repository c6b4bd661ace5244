"""scripts/gpu_check.sh, on a machine without a GPU: its one line and exit status 2, its syntax, every option it passes
existing, and its table and statuses with a stand-in python3 that answers for the GPU."""

import os
import re
import shlex
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from parity.cli import cli
from parity.testing import plugin

SCRIPT = Path(__file__).resolve().parent.parent / "scripts" / "gpu_check.sh"


def commands() -> list[list[str]]:
    """The command line of every check the script runs, with "${RUN[@]}" expanded."""
    text = SCRIPT.read_text().replace("\\\n", " ")
    run = shlex.split(re.search(r"^RUN=\((.*)\)$", text, re.M).group(1))
    found = []
    for line in re.findall(r"^\s*check (.*)$", text, re.M):
        words = shlex.split(line.replace('"${RUN[@]}"', shlex.join(run)))
        found.append(words[3:])  # after the name, the limit and the passing statuses
    return found


def test_the_script_parses():
    assert subprocess.run(["bash", "-n", str(SCRIPT)], capture_output=True).returncode == 0


@pytest.mark.slow  # seconds each (a process of its own, or a fuzzed sweep): run after the README's suite
def test_without_cuda_one_line_on_stderr_and_status_2():
    result = subprocess.run(["bash", str(SCRIPT)], capture_output=True, text=True, env={**os.environ, "CUDA_VISIBLE_DEVICES": ""})
    assert result.returncode == 2 and result.stdout == ""
    assert len(result.stderr.splitlines()) == 1 and "no CUDA device" in result.stderr


def test_every_command_and_option_it_runs_exists():
    runs = commands()
    assert len(runs) >= 8
    for words in runs:
        assert words[:2] == ["python3", "-m"], words
        if words[2] == "pytest":
            assert plugin.DEVICE_OPTION in words and words[words.index("-m", 3) + 1] == "cuda"
            continue
        assert words[2] == "parity", words
        # --help is eager: click still refuses an option that does not exist, with status 2
        result = CliRunner().invoke(cli, [*words[3:], "--help"])
        assert result.exit_code == 0, (words, result.output)


@pytest.fixture
def stand_in(tmp_path):
    """A python3 that says CUDA is there and passes every check, but for float64 (exit 3) and TF32 (exit 1)."""
    fake = tmp_path / "python3"
    fake.write_text('#!/bin/bash\ncase "$*" in *device_count*) echo 1;; *--allow-tf32*) exit 1;; *"--dtype float64"*) exit 3;; esac\n')
    fake.chmod(0o755)
    return {**os.environ, "PATH": f"{tmp_path}:{os.environ['PATH']}", "GPU_CHECK_LOGS": str(tmp_path / "logs")}


def test_the_table_names_each_check_and_its_status(stand_in):
    result = subprocess.run(["bash", str(SCRIPT)], capture_output=True, text=True, env=stand_in)
    assert result.returncode == 1
    table = {line[:26].strip(): line[27:53].strip() for line in result.stdout.splitlines()}
    assert table["check"] == "status" and table["float32, tf32 on"] == "ok (exit 1)"
    assert table["float64"] == "FAILED (exit 3)" and table["cuda tests"] == "ok (exit 0)" and table["total"] == "FAILED"
    assert len(table) == len(commands()) + 1  # one world-size-2 check skipped with a single GPU


def test_out_of_time_checks_are_not_run(stand_in):
    result = subprocess.run(["bash", str(SCRIPT)], capture_output=True, text=True, env={**stand_in, "GPU_CHECK_BUDGET": "5"})
    assert result.returncode == 1 and result.stdout.count("not run: out of time") == len(commands()) - 1
