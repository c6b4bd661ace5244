"""parity sweep: a TOML grid of runs, a summary, exit 1 if any fails, one clear line for a bad grid."""

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from parity.cli import cli
from tests.helpers import assert_one_line_error

ROOT = Path(__file__).resolve().parent.parent


def sweep(*args):
    return CliRunner().invoke(cli, ["sweep", *map(str, args)])


@pytest.mark.slow  # a sweep over every documented setting: run with the slow tests
def test_the_documented_sweep_passes():
    result = sweep(ROOT / "examples" / "sweeps" / "ci.toml")
    assert result.exit_code == 0, result.output
    assert "32 of 32 runs passed" in result.stdout


def test_one_failing_run_fails_the_sweep_and_is_named(tmp_path):
    grid = tmp_path / "g.toml"
    grid.write_text('[base]\nsteps = 10\n[grid]\nrtol = [1.3e-6, 0.0]\natol = [1e-5, 0.0]\n')
    result = sweep(grid, "--json", tmp_path / "r.json")
    assert result.exit_code == 1
    assert "2 of 4 runs passed" in result.stdout and "rtol=0.0, atol=0.0                                       FAIL" in result.stdout
    rows = json.loads((tmp_path / "r.json").read_text())
    assert [row["verdict"] for row in rows].count("fail") == 2


@pytest.mark.parametrize("text,words", [
    ("[grid]\nloss = 'sse'\n", ["grid.loss must be a non-empty list"]),
    ("[grid]\nlosses = ['sse']\n", ["unknown config field(s) losses"]),
    ("[grid]\nloss = ['hinge']\n", ["unknown loss 'hinge'"]),
    ("[base]\nsteps = 5\n", ["no runs"]),
    ("[extra]\nx = 1\n", ["unknown table(s) extra"]),
    ("[grid\n", ["is not a TOML grid"]),
])
def test_a_bad_grid_is_one_line_before_any_run(tmp_path, text, words):
    grid = tmp_path / "g.toml"
    grid.write_text(text)
    assert_one_line_error(sweep(grid), *words)
