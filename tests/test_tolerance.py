"""The one tolerance rule (parity.tolerance): element-wise, then the two programs' difference in float64."""

import json

import numpy as np
import pytest
import torch
from click.testing import CliRunner

import numpy_net
from parity import RunConfig
from parity.cli import cli
from parity.engine.loop import run_steps
from parity.engine.setup import prepare
from parity.tolerance import DEFAULT_TOLERANCES, judge_against_reference
from parity.tolerance.table import NUMPY_PRECISION, TORCH_PRECISION

RTOL, ATOL = DEFAULT_TOLERANCES["float32"]


def test_defaults_are_torch_testings():
    rtol, atol = DEFAULT_TOLERANCES["float32"]
    b = torch.tensor([0.0, 100.0])
    torch.testing.assert_close(b + torch.tensor([0.99 * atol, 0.99 * (atol + rtol * 100)]), b)
    with pytest.raises(AssertionError):
        torch.testing.assert_close(b + torch.tensor([1.01 * atol, 0.0]), b)


def judge(numpy, torch_value, numpy64, torch64, dtype="float32"):
    arrays = [None if v is None else np.asarray(v, dtype=np.float64) for v in (numpy, torch_value, numpy64, torch64)]
    return judge_against_reference(*arrays, RTOL, ATOL, dtype)


def test_a_float32_difference_that_vanishes_in_float64_passes_and_says_how_much_was_allowed():
    # 1e-3 apart in float32, both programs at 1000 in float64: each side's own rounding, nothing else
    found = judge([1000.0005, 2.0], [999.9995, 2.0], [1000.0, 2.0], [1000.0, 2.0])
    assert found.passed and found.gap == 0.0 and found.mismatched == 0
    assert found.allowed == pytest.approx(ATOL + RTOL * 1000.0)
    assert found.precision == pytest.approx(1.0)  # each side 5e-4 from its float64 value


def test_a_difference_that_persists_in_float64_fails_however_large_the_rounding():
    found = judge([1.0011, 5.0], [1.0, 5.0], [1.001, 5.0], [1.0, 5.0])
    assert not found.passed and found.mismatched == 1 and found.index == (0,)
    assert found.gap == pytest.approx(1e-3) and "persists in float64" in found.problem
    # at the edge of the tolerance: a float64 gap of 0.9 of the allowance passes, 1.1 fails
    allowance = ATOL + RTOL * 1.0
    assert judge([1.0], [1.0 + 1e-3], [1.0 + 0.9 * allowance], [1.0]).passed
    assert not judge([1.0], [1.0 + 1e-3], [1.0 + 1.1 * allowance], [1.0]).passed


def test_a_side_far_less_precise_than_the_other_fails_either_way():
    values = np.linspace(1.0, 2.0, 50)
    eps = float(np.finfo(np.float32).eps)
    torch_error = 4 * eps * values  # a few ulps: torch's own rounding
    for factor, passes in ((0.5 * NUMPY_PRECISION, True), (2 * NUMPY_PRECISION, False)):
        found = judge(values + factor * torch_error, values + torch_error, values, values)
        assert found.passed is passes and found.precision == pytest.approx(factor, rel=1e-6)
    # the torch side far less precise (TF32): 1 / TORCH_PRECISION is the edge
    for factor, passes in ((0.5 * TORCH_PRECISION, True), (2 * TORCH_PRECISION, False)):
        found = judge(values + torch_error, values + factor * torch_error, values, values)
        assert found.passed is passes
        if not passes:
            assert "torch side" in found.problem


def test_past_the_forward_pass_the_precision_is_reported_not_judged():
    values = np.linspace(1.0, 2.0, 50)
    eps = float(np.finfo(np.float32).eps)
    arrays = [values + 4 * eps * values, values + 4 * eps * values * 10 * TORCH_PRECISION, values, values]
    assert not judge(*arrays).passed  # a hidden activation, an output, the loss
    found = judge_against_reference(*arrays, RTOL, ATOL, "float32", forward=False)  # a gradient, a state, a parameter
    assert found.passed and found.precision == pytest.approx(1 / (10 * TORCH_PRECISION), rel=1e-6)


def test_past_the_forward_pass_a_reference_that_is_not_the_program_proves_nothing():
    values = np.linspace(1.0, 2.0, 50)
    # torch's float32 step 0.5 away from its own float64 copy, NumPy's at one ulp: the copy lost something
    found = judge_against_reference(values, values + 0.5, values, values, RTOL, ATOL, "float32", forward=False)
    assert not found.passed and "not the program" in found.problem


def test_errors_are_counted_from_one_ulp_so_an_exact_side_is_no_ratio_of_zero():
    values = np.array([1.0, 2.0, 4.0])  # exact in float32 and float64: torch's error is 0
    found = judge(values * (1 + 1e-7), values, values, values)
    assert found.passed and 0.5 < found.precision < 2


def test_a_numpy_program_that_does_not_step_in_float64_is_measured_against_torchs_float64():
    found = judge([1.0005], [0.9995], np.array([1.0], np.float32), [1.0])
    assert found.passed and found.gap == 0.0


class UpdateTooLarge(numpy_net.Trainer):
    """The output layer's update 1e-3 too large: a bug, however many rows."""

    def update(self, grads):
        super().update(dict(grads, W2=grads["W2"] * 1.001))


class GradientOff(numpy_net.Trainer):
    """One gradient 1e-4 too large."""

    def backward(self, X, acts, y):
        grads = super().backward(X, acts, y)
        return dict(grads, W1=grads["W1"] * (1 + 1e-4))


class RowLeftOut(numpy_net.Trainer):
    """The first row of the batch left out of every gradient's sum."""

    def backward(self, X, acts, y):
        kept = type(acts)([a[1:] for a in acts.layers], acts.logits[1:], acts.output[1:])
        return super().backward(X[1:], kept, y[1:])


@pytest.mark.parametrize("trainer, dtype, tensor", [(UpdateTooLarge, "float32", "W2"), (GradientOff, "float32", "W1.grad"),
                                                    (RowLeftOut, "float64", "W2.grad")])
def test_small_real_bugs_fail_at_20000_rows(trainer, dtype, tensor):
    result = run_steps(prepare(RunConfig(data="random:20000,2", steps=2, dtype=dtype), trainer))
    assert not result.passed and result.first_failure.step == 1
    failed = [name for name, s in result.tensors.items() if not s.passed]
    assert tensor in failed
    if dtype == "float32":
        assert "persists in float64" in result.tensors[tensor].note


@pytest.mark.parametrize("optimizer, loss", [("sgd", "sse"), ("momentum", "bce-sum"), ("adam", "sse"), ("ema-momentum", "half-sse")])
def test_the_correct_twin_passes_at_20000_rows_where_rounding_exceeds_the_tolerance(optimizer, loss):
    config = RunConfig(data="random:20000,8", hidden=(16, 8), optimizer=optimizer, loss=loss, steps=3,
                       lr=0.01 if optimizer == "adam" else 0.5 / 20000 if "sum" in loss or loss.endswith("sse") else 0.5)
    result = run_steps(prepare(config))
    assert result.passed, result.first_failure.describe()
    assert result.references >= 1  # float32 rounding exceeded the element-wise rule, and was shown to be rounding
    assert any(s.rule == "float64-reference" for s in result.tensors.values())


def test_explicit_tolerances_are_taken_as_given():
    result = run_steps(prepare(RunConfig(data="random:20000,2", steps=1, rtol=1.3e-6, atol=1e-5)))
    assert not result.passed and result.references == 0


def test_the_table_and_the_json_say_what_was_allowed_and_by_which_rule(tmp_path):
    path = tmp_path / "r.json"
    result = CliRunner().invoke(cli, ["run", "--data", "random:20000,2", "--steps", "2", "--json", str(path)])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert "float64-reference" in lines[1]  # the headline says how float32 tensors are judged
    header = next(line for line in lines if line.startswith("tensor"))
    assert "allowed" in header and "rule" in header
    rows = {line.split()[0]: line for line in lines if line.split() and line.split()[-1] == "OK"}
    assert any("float64-reference" in row for row in rows.values())
    assert any(line.startswith("float64-reference:") for line in lines)
    document = json.loads(path.read_text())
    for name, summary in document["tensors"].items():
        assert summary["rule"] in ("elementwise", "float64-reference") and summary["allowed"] > 0, name
    referenced = [s for s in document["tensors"].values() if s["rule"] == "float64-reference"]
    assert referenced and all(s["max_abs"] > s["allowed"] and s["float64_gap"] < s["allowed"] for s in referenced)
    assert document["tolerance"]["float64_references"] >= 1


PORT_WITHOUT_ZERO_GRAD = """
import torch
from torch import nn

class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.hidden = nn.Linear(3, 4)
        self.out = nn.Linear(4, 1)

    def forward(self, x):
        return torch.sigmoid(self.out(torch.sigmoid(self.hidden(x))))

def train_step(model, optimizer, X, y):
    ((model(X) - y) ** 2).sum().backward()  # optimizer.zero_grad() forgotten: gradients sum over steps
    optimizer.step()
"""


def test_a_port_that_never_zeroes_its_gradients_is_never_rounding(tmp_path):
    """Its float64 copy must carry the summed .grad (deepcopy drops it): otherwise the reference is another program."""
    (tmp_path / "port.py").write_text(PORT_WITHOUT_ZERO_GRAD)
    path = tmp_path / "r.json"
    result = CliRunner().invoke(cli, ["check", "--torch", f"{tmp_path}/port.py:Net", "--torch-step", "train_step(model, optimizer, X, y)",
                                      "--steps", "20", "--lr", "0.5", "--json", str(path)])
    assert result.exit_code == 1, result.output
    document = json.loads(path.read_text())
    assert document["first_failure"]["step"] == 2
    assert not any("rounding" in f["name"] or "summation" in f["name"] for f in document["diagnosis"])


def test_a_gradient_zero_in_exact_arithmetic_has_no_direction():
    """A bias before batch norm: its gradient is zero in exact arithmetic, and each side's update is its rounding,
    of either sign. Beside the step's largest update it is no move; a small learning rate that scales every update
    alike keeps a real one checked."""
    from parity.tolerance import direction_problem
    noise = np.array([-9.4e-19, 2e-19])
    assert direction_problem(noise, -noise, np.zeros(2), "float64", largest=1e-3) is None
    assert direction_problem(-np.array([1e-12, 2e-12]), np.array([1e-12, 2e-12]), np.ones(2), "float64",
                             largest=3e-12) is not None


def test_a_zero_gradients_rounding_normalised_by_adam_is_not_judged_and_a_real_difference_is():
    """A softmax's key bias: its gradient is zero in exact arithmetic, and Adam divides each side's rounding (and the
    rounding its moments keep) by its own size, so the two float64 steps part by up to the learning rate there. Those
    elements alone are left out of the float64 judgement; a difference on an element with a real gradient is judged."""
    from parity.engine.compare import RunComparison
    from parity.tolerance import rounding_of_zero
    grad32 = {"b.grad": np.array([0.3, 2e-9, -1e-9]), "W.grad": np.array([[0.5]])}
    grad64 = {"b.grad": np.array([0.3, 4e-19, 0.0]), "W.grad": np.array([[0.5]])}
    assert rounding_of_zero("b.update", grad32, grad64, "float32").tolist() == [False, True, True]
    assert rounding_of_zero("loss", grad32, grad64, "float32") is None
    for parted, fails in (([-0.01, 0.004, -0.003], False), ([-0.0102, 0.004, -0.003], True)):
        comparison = RunComparison(("b.update",), 1.3e-6, 1e-5, "float32", reference=True)
        numpy_record = {"b.update": np.array(parted, np.float32)}
        torch_record = {"b.update": np.array([-0.01, -0.005, 0.006], np.float32), **grad32}
        numpy64 = {"b.update": np.array([parted[0], 3e-11, 0.0])}  # the NumPy side's rounding, normalised, differs too
        torch64 = {"b.update": np.array([-0.01, -0.005, 0.006]), **grad64}
        comparison.add(1, numpy_record, torch_record, references=lambda: (numpy64, torch64))
        assert (comparison.first_failure is not None) == fails, comparison.last


def test_a_gradient_zero_on_the_port_alone_is_judged_not_taken_as_rounding():
    """The port's gradient is zero on one row (an Embedding's padding_idx, a row never updated), the NumPy program's is
    real there: its update is the same in float32 and in float64. The port's zero is no rounding, and fails; the NumPy
    program's recorded gradient, where it keeps one, says so directly."""
    from parity.engine.compare import RunComparison
    grad32 = {"E.grad": np.array([0.0, 0.2, -0.1])}
    grad64 = {"E.grad": np.array([0.0, 0.2, -0.1])}
    for numpy_grads in ({}, {"E.grad": np.array([0.04, 0.2, -0.1], np.float32)}):
        comparison = RunComparison(("E.update",), 1.3e-6, 1e-5, "float32", reference=True)
        numpy_record = {"E.update": np.array([-0.004, -0.02, 0.01], np.float32), **numpy_grads}
        torch_record = {"E.update": np.array([0.0, -0.02, 0.01], np.float32), **grad32}
        numpy64 = {"E.update": np.array([-0.004, -0.02, 0.01])}
        torch64 = {"E.update": np.array([0.0, -0.02, 0.01]), **grad64}
        comparison.add(1, numpy_record, torch_record, references=lambda: (numpy64, torch64))
        assert comparison.first_failure is not None and comparison.first_failure.tensor == "E.update", comparison.last


def test_a_states_difference_carried_from_the_step_before_is_taken_away_up_to_all_of_it():
    rng = np.random.default_rng(4)
    total = 10.0 + rng.random(50)  # an Adagrad sum near 10, each side's own since step 1
    carried = 2e-5 * rng.normal(size=50)  # float32 rounding of the earlier steps, each side its own
    g2 = rng.random(50)
    numpy64, torch64 = total + carried + g2, total + g2  # one float64 step from each side's start
    numpy32, torch32 = numpy64.astype(np.float32), torch64.astype(np.float32)
    tight = dict(rtol=1e-7, atol=1e-7, dtype="float32", forward=False)
    assert not judge_against_reference(numpy32, torch32, numpy64, torch64, **tight).passed  # the start's gap counted
    assert judge_against_reference(numpy32, torch32, numpy64, torch64, **tight, carried=carried).passed
    bug = numpy64 + 0.01 * g2  # a real difference in this step's update of the state: more than the start carried
    assert not judge_against_reference(bug.astype(np.float32), torch32, bug, torch64, **tight, carried=carried).passed
