"""A reading of the kit that fails on the user's programs never costs the user the verdict: the run still fails
with exit status 1, and the stage where the programs part is said as unknown."""

import json

import numpy as np
from click.testing import CliRunner

from parity.cli import cli

from tests.test_flipped_sign import SCALED_NUMPY, SCALED_PORT


def _check(tmp_path, monkeypatch, debug: bool):
    import parity.diagnosis.diagnose as diagnose

    def failing(setup, result):
        raise AttributeError("'SequentialLR' object has no attribute 'base_lrs'")

    monkeypatch.setattr(diagnose, "diagnose_written", failing)
    if debug:
        monkeypatch.setenv("PARITY_DEBUG", "1")
    X = np.random.default_rng(1).normal(size=(24, 4))
    np.savez(tmp_path / "data.npz", X=X, y=X[:, :1] - 0.5 * X[:, 1:2])
    (tmp_path / "mine_numpy.py").write_text(SCALED_NUMPY.replace("{ds}", "np.array([-(dout * z).sum()])"))
    (tmp_path / "mine_torch.py").write_text(SCALED_PORT)
    report = tmp_path / "r.json"
    result = CliRunner().invoke(cli, [
        "check", f"{tmp_path}/mine_numpy.py:Scaled", "--torch", f"{tmp_path}/mine_torch.py:Scaled", "--as-written",
        "--init", "net = Scaled()", "--data", str(tmp_path / "data.npz"), "--steps", "3", "--json", str(report),
        "--quiet", "--param", "w=w", "--param", "s=s"])
    return result, report


def test_a_reading_that_fails_leaves_the_verdict_and_the_stage(tmp_path, monkeypatch):
    result, report = _check(tmp_path, monkeypatch, debug=False)
    assert result.exit_code == 1, result.output
    top = json.loads(report.read_text())["diagnosis"][0]
    assert top["name"] == "unknown" and "a reading of the kit stopped" in top["explanation"], top
    assert top["evidence"]["step"] == 1, top


def test_with_parity_debug_the_readings_failure_is_raised(tmp_path, monkeypatch):
    result, _ = _check(tmp_path, monkeypatch, debug=True)
    assert isinstance(result.exception, AttributeError), result.output  # raised, not said
