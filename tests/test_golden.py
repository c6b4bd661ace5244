"""Golden runs: fingerprints saved on one machine, a later run matched against them, a planted bug refused."""

import json
from pathlib import Path

from click.testing import CliRunner

from parity.cli import cli
from tests.helpers import assert_one_line_error

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


def parity(*args):
    return CliRunner().invoke(cli, [*map(str, args)])


def test_a_golden_run_is_matched_by_the_same_run(tmp_path):
    golden = tmp_path / "golden.json"
    assert parity("run", "--steps", "40", "--optimizer", "adam", "--save-golden", golden).exit_code == 0
    document = json.loads(golden.read_text())
    assert len(document["steps"]) == 40 and set(document["steps"][0]) == {"numpy", "torch"}
    assert {"torch", "numpy", "device", "blas", "threads", "tf32_matmul", "deterministic"} <= set(document["environment"])
    again = parity("run", "--steps", "40", "--optimizer", "adam", "--device", "cpu", "--golden", golden, "--json", tmp_path / "r.json")
    assert again.exit_code == 0, again.output
    assert "GOLDEN: matches" in again.stdout and "over 40 steps" in again.stdout
    assert json.loads((tmp_path / "r.json").read_text())["golden"]["matched"] is True


def test_a_planted_bug_is_refused_with_the_step_side_and_tensor(tmp_path):
    golden = tmp_path / "golden.json"
    port = f"{EXAMPLES}/tutorial_port.py:Net"
    assert parity("check", "--torch", port, "--steps", "10", "--save-golden", golden).exit_code == 0
    planted = parity("check", "--torch", port, "--torch-loss", "nn.MSELoss()", "--steps", "10", "--golden", golden)
    assert planted.exit_code == 1
    assert "GOLDEN MISMATCH: step 1, W2.update on the torch side" in planted.stdout


def test_a_golden_file_of_another_run_or_no_golden_file_is_refused_before_the_run(tmp_path):
    golden = tmp_path / "golden.json"
    parity("run", "--steps", "5", "--save-golden", golden)
    assert_one_line_error(parity("run", "--steps", "5", "--loss", "mse", "--golden", golden), "saved for another run", "loss 'sse' there, 'mse' here")
    (tmp_path / "x.json").write_text("{}")
    assert_one_line_error(parity("run", "--steps", "5", "--golden", tmp_path / "x.json"), "not a golden file")
    assert_one_line_error(parity("run", "--steps", "5", "--golden", tmp_path / "absent.json"), "no such file")


def test_a_resumed_run_repeats_exactly_for_every_optimizer():
    for optimizer in ("sgd", "momentum", "nesterov", "ema-momentum", "adam"):
        result = parity("run", "--steps", "20", "--optimizer", optimizer, "--resume-check", "8")
        assert result.exit_code == 0, result.output
        assert "RESUME: saved at step 8 and resumed, the 12 steps after repeat exactly" in result.stdout


def test_a_resume_that_loses_adams_step_count_is_caught(monkeypatch):
    from numpy_net.optimizers import Adam

    original = Adam.load_state

    def forgets_the_count(self, state):
        original(self, state)
        self.t = 0

    monkeypatch.setattr(Adam, "load_state", forgets_the_count)
    result = parity("run", "--steps", "20", "--optimizer", "adam", "--resume-check", "8")
    assert result.exit_code == 1
    assert "RESUME MISMATCH: saved at step 8, the resumed run parts at step 9" in result.stdout
    assert "numpy side" in result.stdout


def test_resume_check_needs_a_step_with_steps_after_it():
    assert_one_line_error(parity("run", "--steps", "10", "--resume-check", "10"), "--resume-check 10", "from 1 to 9")
