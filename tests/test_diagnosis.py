"""The diagnosis names each known porting bug, and calls rounding rounding."""

import json

import pytest
import torch
import torch.nn.functional as F
from click.testing import CliRunner
from torch import nn

from parity import RunConfig, run
from parity.cli import cli
from parity.api import run_setup
from parity.engine.setup import prepare
from parity.mutants.backward import SignFlip
from parity.mutants.catalogue import CATALOGUE, run_mutant
from tests.helpers import assert_one_line_error

# float32 bugs: a float64 leak and a formula that loses float32 digits are invisible in float64
FLOAT64_MEANINGFUL = [m for m in CATALOGUE if m.pattern not in ("dtype-mismatch", "unstable-formula")]


@pytest.mark.parametrize("mutant", CATALOGUE, ids=lambda m: m.name)
def test_each_mutant_is_caught_at_step_1_and_named(mutant):
    result = run_mutant(mutant, steps=mutant.fails_at + 1)
    assert result.caught
    assert result.report.first_failure.step == mutant.fails_at  # the catalogue says why a later step, where it is later
    assert (mutant.fails_at == 1) == (mutant.later_because is None)
    assert result.top_finding == mutant.pattern, [(f.name, f.score) for f in result.report.diagnosis]


@pytest.mark.parametrize("mutant", FLOAT64_MEANINGFUL, ids=lambda m: m.name)
def test_each_mutant_is_named_in_float64_too(mutant):
    result = run_mutant(mutant, steps=mutant.fails_at + 1, dtype="float64")
    assert result.report.first_failure.step == mutant.fails_at
    assert result.top_finding == mutant.pattern


def test_correct_code_gets_no_diagnosis():
    report = run(RunConfig(steps=20))
    assert report.passed and report.diagnosis == [] and report.oracles == {}


def test_zero_tolerance_on_correct_float32_code_is_rounding_noise():
    report = run(RunConfig(steps=20, rtol=0, atol=0))
    assert not report.passed
    assert report.oracles["float64"]["verdict"] == "rounding"
    assert report.oracles["finite_difference"]["wrong"] == []
    assert [f.name for f in report.diagnosis] == ["rounding-noise"]


def test_zero_tolerance_on_correct_float64_code_is_rounding_noise():
    report = run(RunConfig(steps=20, rtol=0, atol=0, dtype="float64", data="random:16,3"))
    if not report.passed:  # float64 may well agree bit for bit
        assert report.diagnosis[0].name == "rounding-noise"


def test_free_running_drift_is_rounding_growth_not_a_bug():
    report = run(RunConfig(mode="free", optimizer="nesterov", data="random:32,5,2", hidden=6, steps=100))
    assert not report.passed
    assert report.diagnosis[0].name == "rounding-growth"
    assert report.diagnosis[0].evidence["lockstep_max_abs"] < 1e-5


def test_a_bug_in_a_free_run_is_diagnosed_from_lockstep():
    report = run(RunConfig(mode="free", steps=20), numpy_trainer=SignFlip)
    assert report.diagnosis[0].name == "sign-flip"


def test_oracles_pin_a_real_bug_on_the_numpy_side():
    report = run(RunConfig(steps=5), numpy_trainer=SignFlip)
    assert report.oracles["float64"]["verdict"] == "real"
    assert report.oracles["finite_difference"]["wrong"] == ["numpy"]
    w2 = report.oracles["finite_difference"]["tensors"]["W2.grad"]
    assert w2["numpy_rel_error"] > 1 and w2["torch_rel_error"] < 1e-4


def test_loss_scale_names_both_reductions():
    sum_for_mean = next(m for m in CATALOGUE if m.name == "sum-for-mean")
    finding = run_mutant(sum_for_mean).report.diagnosis[0]
    assert "sum" in finding.explanation and "mean" in finding.explanation
    assert finding.evidence["ratio"] == pytest.approx(4.0, rel=1e-4)  # 4 rows, 1 output


def test_a_hard_coded_learning_rate_is_an_update_scale_with_the_rate_it_implies():
    mutant = next(m for m in CATALOGUE if m.name == "hard-coded-learning-rate")
    finding = run_mutant(mutant).report.diagnosis[0]
    assert finding.evidence["update_ratio"] == pytest.approx(2.0, rel=1e-3)  # lr 1 where the run says 0.5
    assert "lr = 1" in finding.explanation


def test_ema_momentum_finding_explains_the_first_step():
    mutant = next(m for m in CATALOGUE if m.name == "ema-for-torch-momentum")
    finding = run_mutant(mutant).report.diagnosis[0]
    assert finding.name == "optimizer-variant" and finding.evidence["step"] == 1
    assert "a moving average from zero: v = βv + (1-β)g" in finding.explanation


def _round_to_tf32(t: torch.Tensor) -> torch.Tensor:
    """Keep 10 mantissa bits, as TF32 tensor cores read float32 inputs."""
    bits = t.detach().contiguous().view(torch.int32)
    rounded = ((bits + 0x1000) & ~0x1FFF).view(torch.float32)
    return t + (rounded - t).detach()  # rounded forward, gradient straight through


class EmulatedTF32Linear(nn.Linear):
    def forward(self, x):
        if x.dtype != torch.float32:
            return super().forward(x)
        return F.linear(_round_to_tf32(x), _round_to_tf32(self.weight), self.bias)


def test_tf32_on_the_torch_side_is_named():
    setup = prepare(RunConfig(steps=5, data="random:64,8", hidden=16, device="cpu"))
    build = setup.make_sides

    def make_sides():
        numpy_side, torch_side = build()
        for layer in torch_side.trainer.model.layers:
            layer.__class__ = EmulatedTF32Linear
        return numpy_side, torch_side

    setup.make_sides = make_sides
    setup.environment["tf32_matmul"] = True
    report = run_setup(setup)
    assert not report.passed
    assert report.diagnosis[0].name == "tf32"
    assert report.diagnosis[0].evidence["torch_error_vs_float64"] > 10 * report.diagnosis[0].evidence["numpy_error_vs_float64"]


def test_json_report_carries_the_diagnosis_and_explain_prints_it(tmp_path):
    path = tmp_path / "r.json"
    result = CliRunner().invoke(cli, ["run", "--steps", "10", "--rtol", "0", "--atol", "0", "--json", str(path)])
    assert result.exit_code == 1
    document = json.loads(path.read_text())
    assert document["diagnosis"][0]["name"] == "rounding-noise"
    assert set(document["diagnosis"][0]) >= {"name", "explanation", "evidence", "fix"}
    explained = CliRunner().invoke(cli, ["explain", str(path)])
    assert explained.exit_code == 1
    assert document["summary"] in explained.stdout
    assert "likely cause: rounding-noise" in explained.stdout


def test_explain_refuses_what_is_not_a_report(tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text("{not json")
    for path in (bad, tmp_path / "absent.json", tmp_path):
        result = CliRunner().invoke(cli, ["explain", str(path)])
        assert_one_line_error(result)


def test_mutants_command_catches_the_whole_catalogue():
    result = CliRunner().invoke(cli, ["mutants", "--steps", "2"])
    assert result.exit_code == 0, result.output
    later = [m for m in CATALOGUE if m.later_because]
    assert f"caught {len(CATALOGUE)} of {len(CATALOGUE)} ({len(CATALOGUE) - len(later)} at step 1)" in result.stdout
    for mutant in later:
        assert f"{mutant.name} first fails at step {mutant.fails_at}: {mutant.later_because}" in result.stdout
    assert "\n" + CATALOGUE[0].name in result.stdout


def test_long_float32_sums_pass_at_the_default_tolerance_which_grows_with_the_batch():
    assert run(RunConfig(data="random:2048,32,4", hidden=128, steps=20)).passed
    assert run(RunConfig(data="random:20000,2", steps=2)).passed


def test_long_float32_sums_at_an_explicit_elementwise_tolerance_are_rounding_with_a_tolerance_to_try():
    report = run(RunConfig(data="random:2048,32,4", hidden=128, steps=20, rtol=1.3e-6, atol=1e-5))
    assert not report.passed
    assert [f.name for f in report.diagnosis] == ["rounding-noise"]  # and no porting bug suggested beside it
    assert "--atol" in report.diagnosis[0].fix
    suggested = float(report.diagnosis[0].fix.split("--atol ")[1].split(" ")[0])
    # the run's own minimum: the suggestion passes at once, it never moves again
    assert run(RunConfig(data="random:2048,32,4", hidden=128, steps=20, rtol=1.3e-6, atol=suggested)).passed


def test_the_twins_own_long_sums_at_a_tight_explicit_tolerance_are_summation_order_not_a_bug():
    # NumPy adds 20,000 rows down a column one after another; torch sums pairwise: the same mathematics
    report = run(RunConfig(data="random:20000,2", steps=2, rtol=0, atol=1e-7))
    assert not report.passed
    assert [f.name for f in report.diagnosis] == ["summation-order"]
    suggested = float(report.diagnosis[0].fix.split("--atol ")[1].split(" ")[0])
    assert run(RunConfig(data="random:20000,2", steps=2, rtol=0, atol=suggested)).passed


def test_a_departure_an_oracle_proves_is_never_called_rounding():
    from parity.diagnosis.diagnose import departure_proven, findings
    from parity.diagnosis.finding import Finding

    rounding = Finding("rounding-noise", "rounding", {}, "", 0.99)

    class Proven:
        oracles = {"finite_difference": {"wrong": ["torch"]}}

    assert departure_proven(Proven.oracles) and not departure_proven({"finite_difference": {"wrong": []}})
    assert departure_proven({"float64": {"tensors": {"W1": {"same_in_float64": False}}}})
    assert not departure_proven({"float64": {"verdict": "real", "tensors": {"W1": {"same_in_float64": True}}}})
    other = Finding("gradient-accumulation", "summed over steps", {}, "", 0.5)
    found = findings(Proven(), rules=(lambda e: rounding, lambda e: other))
    assert [f.name for f in found] == ["gradient-accumulation"]
