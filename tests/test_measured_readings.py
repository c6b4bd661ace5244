"""Readings each made from a measurement, never a list of cases: the port's loss function called again with one
argument changed, a statistic the programs hold read against the data, an output delta read as a·p + b·y from the
batch's gradients, rows scaled by 1/p at the label, and Adam's first moment taken of g²."""

from types import SimpleNamespace

import numpy as np
import pytest
import torch
import torch.nn.functional as F

from parity.diagnosis.held_statistics import held_statistics, statistic_of
from parity.diagnosis.called_again import loss_call_finding
from parity.diagnosis.port_values import LossCall
from parity.diagnosis.row_output import _label_weighted
from tests.test_row_stages import ADAM, ADAM_ARGS, ADAM_RIGHT, PROGRAM, RIGHT, check


def called(func, *args, **kwargs) -> LossCall:
    return LossCall(func, args, kwargs, float(func(*args, **kwargs)))


def test_a_loss_keyword_that_gives_the_numpy_loss_is_found_by_calling_the_ports_function_again():
    rate, counts = torch.tensor([0.5, 1.5, 3.0, 0.2]), torch.tensor([1.0, 2.0, 2.0, 0.0])
    numpy_loss = float(np.mean(rate.numpy() - counts.numpy() * np.log(rate.numpy())))
    found = loss_call_finding([called(F.poisson_nll_loss, rate, counts)], numpy_loss, 4, 1e-6, 1)
    assert found is not None and found.evidence["change"] == "log_input=False", found
    assert loss_call_finding([called(F.poisson_nll_loss, rate, counts, log_input=False)], numpy_loss, 4, 1e-6, 1) is None


def test_a_hinge_at_another_power_is_found_by_calling_the_ports_loss_again_with_p():
    scores, labels = torch.randn(6, 4, generator=torch.Generator().manual_seed(4)), torch.tensor([0, 1, 2, 3, 1, 0])
    squared = float(F.multi_margin_loss(scores, labels, p=2))
    found = loss_call_finding([called(F.multi_margin_loss, scores, labels)], squared, 6, 1e-6, 1)
    assert found is not None and found.evidence["change"] == "p=2", found
    assert loss_call_finding([called(F.multi_margin_loss, scores, labels, p=2)], squared, 6, 1e-6, 1) is None


def test_a_label_smoothing_spread_over_the_wrong_classes_alone_is_read_as_torchs_smoothing_at_another_epsilon():
    """ε/(K-1) on each wrong class and 1 - ε on the true one is torch's label_smoothing = ε·K/(K-1)."""
    logits, labels = torch.randn(6, 4, generator=torch.Generator().manual_seed(3)), torch.tensor([0, 1, 2, 3, 1, 0])
    target = np.full((6, 4), 0.1 / 3)
    target[np.arange(6), labels.numpy()] = 0.9
    numpy_loss = float(-(target * F.log_softmax(logits, dim=1).numpy()).sum(axis=1).mean())
    found = loss_call_finding([called(F.cross_entropy, logits, labels, label_smoothing=0.1)], numpy_loss, 6, 1e-6, 1)
    assert found is not None and found.evidence["change"].startswith("label_smoothing=0.1333"), found
    assert "ε/(K - 1) on each of the 3 wrong classes" in found.explanation, found


def test_a_class_weighted_mean_is_read_as_a_sum_over_the_rows():
    logits, labels = torch.tensor([[1.0, -1.0], [0.2, 0.3], [2.0, 0.0]]), torch.tensor([0, 1, 1])
    weight = torch.tensor([1.0, 3.0])
    per_row = F.cross_entropy(logits, labels, reduction="none") * weight[labels]
    found = loss_call_finding([called(F.cross_entropy, logits, labels, weight=weight)], float(per_row.mean()), 3, 1e-6, 1)
    assert found is not None and "reduction='sum' divided by the 3 rows" in found.explanation, found
    assert "sum of the rows' weights" in found.explanation
    assert loss_call_finding([called(F.cross_entropy, logits, labels, weight=weight)], 123.0, 3, 1e-6, 1) is None


def test_a_held_statistic_is_read_against_the_data_columns():
    data = np.random.default_rng(0).normal(size=(10, 3))
    assert "np.median" in statistic_of(np.median(data, axis=0), data)
    lower = np.sort(data, axis=0)[4]
    assert "torch.median" in statistic_of(lower, data)
    assert "ddof=1" in statistic_of(data.std(axis=0, ddof=1), data)
    assert statistic_of(data.mean(axis=0) + 0.1, data) is None
    said = held_statistics(np.tile(data.std(axis=0), (4, 1)), np.tile(data.std(axis=0, ddof=1), (4, 1)), data)
    assert "ddof=0" in said and "ddof=1" in said, said
    assert held_statistics(np.tile(data.std(axis=0), (4, 1)), np.tile(data.std(axis=0), (4, 1)), data) == ""


def test_an_output_delta_whose_target_term_is_not_divided_by_the_rows_is_read_as_a_p_plus_b_y(tmp_path):
    code, top = check(tmp_path, PROGRAM, RIGHT, ("--lr", "0.5"), OUTPUT_DELTA="(out - n * y)")
    assert code == 1 and top["name"] == "loss-function" and "1/n·p - 1·y" in top["explanation"], top
    assert "the probabilities divided by n and the target's 1 not" in top["explanation"]


def test_rows_scaled_by_one_over_p_at_the_label_are_read_as_the_softmax_backward_unweighted():
    z = np.random.default_rng(1).normal(size=(6, 3))
    p = np.exp(z) / np.exp(z).sum(axis=1, keepdims=True)
    y = np.eye(3)[[0, 1, 2, 0, 1, 2]]
    probe = SimpleNamespace(y=y, layers={1: None, 2: None})
    named = _label_weighted(probe, p, p / (p * y).sum(axis=1, keepdims=True), "softmax(z) with each row scaled")
    assert named.name == "loss-function" and "p / p_y - y" in named.explanation and named.score >= 0.8
    other = _label_weighted(probe, p, p * np.arange(1, 7)[:, None], "softmax(z) with each row scaled")
    assert other.score < 0.8, other  # a scaling with no cause measured is never confident


def test_adams_first_moment_taken_of_the_squared_gradient_is_read_from_the_updates(tmp_path):
    source = ADAM.replace("self.m[k] = 0.9 * self.m[k] + 0.1 * grads[k]", "self.m[k] = 0.9 * self.m[k] + 0.1 * grads[k] ** 2")
    code, top = check(tmp_path, source, ADAM_RIGHT, ADAM_ARGS)
    assert code == 1 and top["name"] == "optimizer-variant" and "g²" in top["explanation"] and "sign" in top["explanation"], top


def test_a_matrix_product_where_the_elementwise_product_belongs_is_found_by_trying_it_on_the_same_operands(tmp_path):
    """The hidden delta written back @ σ' runs only where the batch equals the width; against the kit's twin, the
    product's operands, multiplied elementwise, give the twin's gradient at the pre-activation."""
    source = PROGRAM.replace("dz1 = back * DERIVATIVE", "dz1 = back @ DERIVATIVE")
    code, top = check(tmp_path, source, RIGHT, ("--lr", "0.5", "--batch-size", "6"))
    assert code == 1 and top["name"] == "numpy-backward" and "the elementwise product a * b" in top["explanation"], top
    assert top["score"] >= 0.8 and "matmul" in top["explanation"]
    assert check(tmp_path, PROGRAM, RIGHT, ("--lr", "0.5", "--batch-size", "6"))[0] == 0


PORT = """
import torch
from torch import nn
import torch.nn.functional as F

class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc1, self.fc2 = nn.Linear(4, 6), nn.Linear(6, 3)

    def forward(self, x):
        return self.fc2(torch.tanh(self.fc1(x)))
"""


def test_a_ports_loss_argument_against_the_kits_loss_is_found_by_calling_its_function_again(tmp_path):
    from parity import RunConfig
    from parity.api import run_setup
    from parity.diagnosis.kit_trace import kit_forward_finding
    from parity.programs.port import TorchPort
    from parity.programs.setup import prepare_check
    (tmp_path / "port.py").write_text(PORT)
    step = ("optimizer.zero_grad()\nloss = F.cross_entropy(model(X), y.argmax(1), weight=torch.tensor([1.0, 2.0, 3.0]))\n"
            "loss.backward()\noptimizer.step()")
    config = RunConfig(steps=2, data="random:30,4,3", hidden=6, hidden_activation="tanh", output_activation="softmax",
                       loss="ce", lr=0.5)
    setup = prepare_check(config, port=TorchPort(f"{tmp_path}/port.py:Net", step=step), quiet=True)
    report = run_setup(setup)
    assert not report.passed
    found = kit_forward_finding(setup, report.result.failure_context)
    assert found is not None and found.evidence["change"] == "weight=None" and found.evidence["side"] == "torch", found


def test_the_same_two_operations_in_the_other_order_are_read_from_the_chains():
    from parity.diagnosis.value_trace import Trace
    from parity.diagnosis.op_pairs import chain, op_order

    def traced(*steps):
        trace = Trace()
        for op, inputs in steps:
            trace._add(op, np.ones((2, 2)), inputs, "")
        return trace
    mine = traced(("X", ()), ("linear", (0,)), ("maximum", (1, 0.0)), ("add", (0, 2)))
    theirs = traced(("X", ()), ("linear", (0,)), ("add", (0, 1)), ("relu", (2,)))
    said = op_order(chain(mine, mine.values[2]), chain(theirs, theirs.values[2]))
    assert "ReLU first, then the addition" in said and "the addition first, then ReLU" in said, said
    assert op_order(chain(mine, mine.values[2]), chain(mine, mine.values[2])) == ""


def test_two_operations_with_other_operands_are_not_read_as_one_pair_in_the_other_order():
    """exp(0.5 * v) * eps against exp(v) * eps: the products take other operands, so no reordering is said."""
    from parity.diagnosis.value_trace import Trace
    from parity.diagnosis.op_pairs import chain, op_order

    def traced(*steps):
        trace = Trace()
        for op, inputs in steps:
            trace._add(op, np.ones((2, 2)), inputs, "")
        return trace
    mine = traced(("X", ()), ("multiply", (0.5, 0)), ("exp", (1,)), ("multiply", (2, 0)))
    theirs = traced(("X", ()), ("exp", (0,)), ("mul", (1, 0)))
    assert op_order(chain(mine, mine.values[1]), chain(theirs, theirs.values[1])) == ""
    scaled_after = traced(("X", ()), ("exp", (0,)), ("mul", (1, 0.5)))
    assert "the product first, then exp" in op_order(chain(mine, mine.values[1]), chain(scaled_after, scaled_after.values[1]))


def test_a_recurrent_term_left_out_is_read_on_a_value_past_the_first_departing_one():
    """dh = Whyᵀ·dy where dh = Whyᵀ·dy + dh_next belongs, on its way to a bias summed over time steps: the first
    departing value is the sum, and the value one op on is the port's gradient less the next step's term through W."""
    from parity.diagnosis.missing_terms import missing_term
    from parity.diagnosis.value_trace import Trace
    rng = np.random.default_rng(6)
    G, W, from_y = rng.normal(size=(4, 3)), rng.normal(size=(3, 3)), rng.normal(size=(4, 3))
    port = Trace()
    for op, array, inputs in (("detach", W, ()), ("add", rng.normal(size=(4, 3)), ()), ("tanh", rng.normal(size=(4, 3)), (1,)),
                              ("grad", G, (1,)), ("grad", from_y + G @ W.T, (2,))):
        port._add(op, array, inputs, "")
    mine = Trace()
    for op, array, inputs in (("add", rng.normal(size=(4, 3)), ()), ("matmul", from_y, ())):
        mine._add(op, array, inputs, "")
    said = missing_term(mine.values[0], [0, 1], mine, port, 1e-9)
    assert "The NumPy program's [matmul (4, 3)], a value on its way there, is" in said and "dh_next" in said, said


def test_a_backward_term_through_a_weight_is_found_as_a_gradient_times_that_weight():
    from parity.diagnosis.value_trace import Trace
    from parity.diagnosis.missing_terms import _through_weight
    rng = np.random.default_rng(3)
    G, W, theirs = rng.normal(size=(5, 3)), rng.normal(size=(3, 3)), rng.normal(size=(5, 3))
    trace = Trace()
    for op, array in (("detach", W), ("grad", G), ("grad", theirs)):
        trace._add(op, array, (), "")
    said, term = _through_weight(G @ W.T, trace.values[2], trace, 1e-9)
    assert "· Wᵀ" in said and "(3, 3)" in said and np.allclose(term, G @ W.T), said
    assert _through_weight(G @ W.T + 0.1, trace.values[2], trace, 1e-9) is None


def test_a_term_added_later_with_another_weight_is_said_with_its_factor():
    """A partial sum that lacks a path's term, and a later value that adds it times 0.3 where 1 belongs."""
    from parity.diagnosis.value_trace import Trace
    from parity.diagnosis.missing_terms import _added_later
    rng = np.random.default_rng(4)
    partial, term = rng.normal(size=(5, 3)), rng.normal(size=(5, 3))
    trace = Trace()
    for array in (partial, partial + 0.3 * term, partial + term + 0.01 * rng.normal(size=(5, 3))):
        trace._add("add", array, (), "")
    said = _added_later(trace.values[0], term, trace.values[1:2], 1e-9)
    assert "times 0.3 where 1 belongs" in said, said
    assert _added_later(trace.values[0], term, trace.values[2:], 1e-9) == ""


def test_a_ports_function_called_again_with_another_dim_gives_the_numpy_value():
    from parity.diagnosis.called_again import recalled
    from parity.diagnosis.value_trace import Trace
    z = torch.tensor([[1.0, 2.0, 0.5], [0.1, -1.0, 3.0]])
    port, mine = Trace(), Trace()
    port._add("softmax", F.softmax(z, dim=0).double().numpy(), (), "dim=0")
    port.called[0] = (F.softmax, (z,), {"dim": 0})
    mine._add("divide", F.softmax(z, dim=1).double().numpy(), (), "")
    said = recalled(port.values, port.called, mine.values, 1e-6)
    assert "dim=1" in said and "softmax" in said, said
    mine.values[0].array = mine.values[0].array + 0.1
    assert recalled(port.values, port.called, mine.values, 1e-6) == ""


@pytest.mark.parametrize("numpy_value, said", [
    (lambda x, w: F.conv2d(x, w.flip((2, 3)), padding=1), "weight flipped along its spatial axes"),
    (lambda x, w: F.conv2d(x, w, padding=0), "padding=0"),
    (lambda x, w: F.conv2d(x, w, padding=1) + 0.1, "")])
def test_a_ports_convolution_called_again_with_its_kernel_rearranged_or_another_padding(numpy_value, said):
    """A hand-written convolution that flips its kernel (a true convolution) or pads otherwise than the port's
    conv2d: the port's own call, with that one argument changed, gives the NumPy program's value."""
    from parity.diagnosis.called_again import recalled
    from parity.diagnosis.value_trace import Trace
    generator = torch.Generator().manual_seed(0)
    x, w = torch.randn(2, 3, 6, 6, generator=generator), torch.randn(4, 3, 3, 3, generator=generator)
    port, mine = Trace(), Trace()
    port._add("conv2d", F.conv2d(x, w, padding=1).double().numpy(), (), "")
    port.called[0] = (F.conv2d, (x, w), {"padding": 1})
    mine._add("einsum", numpy_value(x, w).double().numpy(), (), "")
    found = recalled(port.values, port.called, mine.values, 1e-6)
    assert (said in found and "conv2d" in found) if said else found == "", found


@pytest.mark.parametrize("numpy_value, said", [(lambda h: F.avg_pool2d(h, 2), "replaced by avg_pool2d"),
                                               (lambda h: F.max_pool2d(h, 2) * 1.1, "")])
def test_a_ports_function_replaced_by_one_of_its_kind_gives_the_numpy_value(numpy_value, said):
    """LeCun's average subsampling ported as max pooling: avg_pool2d on the same tensor and arguments is the NumPy
    program's value; a value no sibling gives stays unsaid."""
    from parity.diagnosis.called_again import recalled
    from parity.diagnosis.value_trace import Trace
    h = torch.randn(2, 3, 4, 4, generator=torch.Generator().manual_seed(1))
    port, mine = Trace(), Trace()
    port._add("max_pool2d", F.max_pool2d(h, 2).double().numpy(), (), "")
    port.called[0] = (F.max_pool2d, (h, 2), {})
    mine._add("mean", numpy_value(h).double().numpy(), (), "")
    found = recalled(port.values, port.called, mine.values, 1e-6)
    assert (said in found and "max_pool2d" in found) if said else found == "", found


def test_a_derivative_taken_of_the_wrong_state_is_found_by_recomputing_it_from_another_value():
    from parity.diagnosis.value_trace import Trace
    from parity.diagnosis.another_source import another_input
    rng = np.random.default_rng(4)
    h_previous, h_now, dh = np.tanh(rng.normal(size=(4, 3))), np.tanh(rng.normal(size=(4, 3))), rng.normal(size=(4, 3))
    mine = Trace()
    for op, array, inputs in (("tanh", h_previous, ()), ("tanh", h_now, ()), ("matmul", dh, ()),
                              ("square", h_previous ** 2, (0,)), ("subtract", 1 - h_previous ** 2, (1.0, 3)),
                              ("multiply", dh * (1 - h_previous ** 2), (2, 4))):
        mine._add(op, array, inputs, "")
    port = Trace()
    port._add("grad", dh * (1 - h_now ** 2), (), "")
    said = another_input(mine.values[5], mine, port, 1e-9)
    assert "(value 1) in place of" in said and "(value 0)" in said, said
    port.values[0].array = port.values[0].array + 0.5
    assert another_input(mine.values[5], mine, port, 1e-9) == ""


def test_a_norm_written_out_before_an_activation_the_port_applies_first_is_read_as_the_other_order():
    from parity.diagnosis.value_trace import Trace
    from parity.diagnosis.op_pairs import chain, op_order
    mine, theirs = Trace(), Trace()
    for op, inputs in (("matmul", ()), ("mean", (0,)), ("subtract", (0, 1)), ("divide", (2, "?")), ("maximum", (3, 0.0))):
        mine._add(op, np.ones((2, 2)), inputs, "")
    for op, inputs in (("linear", ()), ("relu", (0,)), ("batch_norm", (1,))):
        theirs._add(op, np.ones((2, 2)), inputs, "")
    said = op_order(chain(mine, mine.values[1], None, 8), chain(theirs, theirs.values[1]))
    assert "the port ReLU first, then batch_norm" in said, said


def test_the_same_op_with_another_number_is_read_with_its_complement():
    from parity.diagnosis.value_trace import Trace
    from parity.diagnosis.op_pairs import constants
    mine, theirs = Trace(), Trace()
    mine._add("divide", np.ones(3), (0, 0.8), "")
    theirs._add("div", np.ones(3), (0, 0.2), "")
    said = constants(mine.values, theirs.values)
    assert "0.8" in said and "0.2" in said and "1 - 0.2" in said, said
    assert constants(mine.values, mine.values) == ""


def test_the_ports_optimizer_built_again_with_one_argument_changed_is_named(tmp_path):
    from parity import RunConfig
    from parity.api import run_setup
    from parity.diagnosis.kit_trace import KitPair
    from parity.diagnosis.optimizer_again import optimizer_again_finding
    from parity.programs.port import TorchPort
    from parity.programs.setup import prepare_check
    (tmp_path / "port.py").write_text(PORT)
    config = RunConfig(steps=4, data="random:30,4,3", hidden=6, hidden_activation="tanh", output_activation="softmax",
                       loss="ce", lr=0.05, optimizer="adam")
    port = TorchPort(f"{tmp_path}/port.py:Net", optimizer="torch.optim.Adam(model.parameters(), lr=0.05, amsgrad=True)")
    setup = prepare_check(config, port=port, quiet=True)
    report = run_setup(setup)
    assert not report.passed
    found = optimizer_again_finding(setup, KitPair(setup), report.result.failure_context.step, 1e-4)
    assert found is not None and found.evidence["change"] == "amsgrad=False", found
    right = prepare_check(config, port=TorchPort(f"{tmp_path}/port.py:Net"), quiet=True)
    assert optimizer_again_finding(right, KitPair(right), 1, 1e-4) is None  # nothing to change where they agree


def test_operands_of_other_sizes_are_no_complement_of_each_other():
    from parity.diagnosis.operand_powers import complement
    mine = np.linspace(0.1, 0.9, 12)
    assert complement(mine, np.tile(mine, (12, 1))) == ""  # a bias against a matrix: not held entry by entry (no error)
    assert "1 minus" in complement(mine, 1 - mine)


def test_a_scale_that_is_a_square_root_is_said_as_one():
    from parity.diagnosis.op_pairs import number_scale
    from parity.diagnosis.ratios import root_form
    from parity.diagnosis.value_trace import Trace
    assert root_form(float(np.sqrt(8))) == "√8" and root_form(float(1 / np.sqrt(64 * 3))) == "1/√192"
    assert root_form(2.0) == "" and root_form(2.83) == "" and root_form(0.0) == ""
    trace = Trace()
    trace._add("X", np.ones((2, 3)), (), "")
    trace._add("mul", np.full((2, 3), np.sqrt(8)), (0, float(np.sqrt(8))), "")
    assert "(= √8, a square root" in number_scale(trace.values[1])[1]


def test_another_eps_is_no_reading_where_the_gradients_themselves_part_by_one_factor(tmp_path):
    """Adam steps alike for g and c·g up to ε: where the gradients part by one factor, a port rebuilt with another ε
    can step in lockstep by that invariance alone, and the slip lies before the optimizer."""
    from parity import RunConfig
    from parity.api import run_setup
    from parity.diagnosis.kit_trace import KitPair
    from parity.diagnosis.optimizer_again import optimizer_again_finding
    from parity.programs.port import TorchPort
    from parity.programs.setup import prepare_check
    (tmp_path / "port.py").write_text(PORT)
    config = RunConfig(steps=4, data="random:30,4,3", hidden=6, hidden_activation="tanh", output_activation="softmax",
                       loss="ce", lr=0.05, optimizer="adam")
    port = TorchPort(f"{tmp_path}/port.py:Net", optimizer="torch.optim.Adam(model.parameters(), lr=0.05, eps=0.01)")
    setup = prepare_check(config, port=port, quiet=True)
    step = run_setup(setup).result.failure_context.step
    found = optimizer_again_finding(setup, KitPair(setup), step, 1e-4)
    assert found is not None and found.evidence["change"] == "eps=1e-08", found
    assert optimizer_again_finding(setup, KitPair(setup), step, 1e-4, scaled=True) is None


@pytest.mark.parametrize("ratio, said", [(64.0, "the 64 entries of each row of y"), (1 / 8, "one over y's 8 columns"),
                                         (16.0, "y's axes 2 to 3 (4 × 4 = 16)"), (3.0, None)])
def test_a_count_of_a_targets_entries_past_its_rows_is_read_as_a_mean_over_them(ratio, said):
    from parity.diagnosis.mean_counts import count_meaning
    found = count_meaning(ratio, (16, 4, 4, 4) if ratio == 64.0 else (16, 8) if ratio < 1 else (16, 3, 4, 4) if ratio == 16.0 else (16, 2))
    assert (found is not None and said in found[1]) if said else found is None, found


def test_a_decay_decoupled_on_one_side_is_found_by_the_ports_flag(tmp_path):
    from parity import RunConfig
    from parity.api import run_setup
    from parity.diagnosis.kit_trace import KitPair
    from parity.diagnosis.optimizer_again import optimizer_again_finding
    from parity.programs.port import TorchPort
    from parity.programs.setup import prepare_check
    (tmp_path / "port.py").write_text(PORT)
    config = RunConfig(steps=4, data="random:30,4,3", hidden=6, hidden_activation="tanh", output_activation="softmax",
                       loss="ce", lr=0.05, optimizer="adam", weight_decay=0.01)
    port = TorchPort(f"{tmp_path}/port.py:Net", optimizer="torch.optim.Adam(model.parameters(), lr=0.05, weight_decay=0.01, "
                     "decoupled_weight_decay=True)")
    setup = prepare_check(config, port=port, quiet=True)
    report = run_setup(setup)
    assert not report.passed
    found = optimizer_again_finding(setup, KitPair(setup), report.result.failure_context.step, 1e-4)
    assert found is not None and found.evidence["change"] == "decoupled_weight_decay=False", found
    assert "AdamW's p -= lr·λ·p" in found.explanation, found


def test_a_learning_rate_cut_now_and_then_is_read_as_a_step_wise_schedule():
    from parity.diagnosis.ratios import cuts
    steps = np.arange(5, 12, dtype=float)
    said = cuts(np.array([2, 2, 2, 4, 4, 4, 8.0]), steps, 1e-3)
    assert said is not None and "port side's learning rate is cut to 0.5" in said and "steps 5, 8, 11" in said, said
    assert cuts(np.array([2, 2, 3, 3, 3, 3, 3.0]), steps, 1e-3) is None


def test_a_squared_gradient_average_that_never_decays_is_fitted_from_the_averages():
    from parity.diagnosis.average_law import _fit
    rng = np.random.default_rng(5)
    squares = [{"W": rng.normal(size=(3, 2)) ** 2} for _ in range(4)]
    seen, v = [], np.zeros((3, 2))
    for g2 in squares:
        v = v + 0.1 * g2["W"]  # v += (1 - α)·g², the '- v' lost
        seen.append({"W": v.copy()})
    a, b = _fit(seen, squares)
    assert abs(a - 1) < 1e-9 and abs(b - 0.1) < 1e-9
    seen[2]["W"] = seen[2]["W"] * 1.5
    assert _fit(seen, squares) is None  # no one law fits every step


def test_a_delta_broadcast_where_its_product_with_the_weights_belongs_is_found():
    from parity.diagnosis.value_trace import Trace
    from parity.diagnosis.written_ops import weight_left_out
    rng = np.random.default_rng(6)
    delta, W2, slope = rng.normal(size=(4, 1)), rng.normal(size=(5, 1)), rng.normal(size=(4, 5))
    mine, port = Trace(), Trace()
    for op, array, inputs in (("divide", delta, ()), ("subtract", slope, ()), ("multiply", delta * slope, (0, 1))):
        mine._add(op, array, inputs, "")
    port._add("grad", (delta @ W2.T) * slope, (), "")
    said = weight_left_out(mine.values[2], mine, port, 1e-9, [W2, rng.normal(size=(3, 5))])
    assert "multiplied by Wᵀ" in said and "(5, 1)" in said, said
    assert weight_left_out(mine.values[2], mine, port, 1e-9, [rng.normal(size=(5, 1))]) == ""


def test_an_output_delta_divided_by_each_class_count_is_read_column_by_column():
    from parity.diagnosis.row_output import _columns_scaled
    rng = np.random.default_rng(7)
    A, p = rng.normal(size=(12, 4)), rng.dirichlet(np.ones(3), size=12)
    y = np.eye(3)[[0, 1, 2, 0, 1, 2, 0, 1, 0, 0, 1, 2]]
    gW = A.T @ ((p - y) / y.sum(axis=0))
    found = _columns_scaled(A, p - y, gW, y, 1 / 12, 2)
    assert found is not None and "y.sum(axis=0)" in found.explanation and found.score >= 0.8, found
    assert _columns_scaled(A, p - y, A.T @ ((p - y) / 12), y, 1 / 12, 2) is None


def test_floats_written_into_a_bool_template_are_noted_where_they_are_written():
    from parity.diagnosis.traced_step import _made
    from parity.diagnosis.value_trace import TracedArray, Trace, _TRACE
    trace, mask = Trace(), np.array([[True, False], [True, True]]).view(TracedArray)
    trace.root("X", mask, np.array(mask, np.float64))
    _TRACE.append(trace)
    try:
        out = _made(np.zeros_like)(mask)
        out[mask] = np.array([0.5, -2.0, 3.0])
    finally:
        _TRACE.pop()
    written = next(v for v in trace.values if v.op == "setitem (in place)")
    assert "(into a bool array)" in written.detail, written


def test_a_slice_of_y_with_the_same_elements_is_no_target_broadcast():
    from parity.diagnosis.value_trace import Trace
    from parity.diagnosis.target_readings import derived_targets
    for y, sliced, named in ((np.ones((1, 1)), np.ones(1), False), (np.ones((4, 2)), np.ones((4, 1)), True)):
        trace = Trace()
        trace._add("y", y, (), "")
        trace._add("getitem", sliced, (0,), "0" if not named else ":, :1")
        trace._add("X", np.ones((len(y), 2)), (), "")
        trace._add("subtract", np.ones((len(y), 2)), (2, 1), "")  # the output less the targets, broadcast
        assert (derived_targets(trace, [1], {}) is not None) == named


def test_a_column_of_y_used_as_a_row_mask_is_no_target_broadcast():
    from parity.diagnosis.value_trace import Trace
    from parity.diagnosis.target_readings import derived_targets
    trace = Trace()
    trace._add("y", np.ones((4, 3)), (), "")
    trace._add("getitem", np.array([1.0, 0.0, 1.0, 1.0]), (0,), ":, 2")
    trace._add("X", np.ones((4, 2)), (), "")
    trace._add("getitem", np.ones((3, 2)), (2, 1), "idx")  # h[mask]: rows picked, nothing broadcast
    assert derived_targets(trace, [1], {}) is None


def _col2im_trace(assign: bool):
    """A stride-1 3x3 col2im over a 6x6 input padded by 1, traced: each window offset's slice written with = or +=."""
    from parity.diagnosis.traced_step import _made
    from parity.diagnosis.value_trace import TracedArray, Trace, _TRACE
    rng = np.random.default_rng(5)
    trace, patches = Trace(), rng.normal(size=(2, 9, 6, 6)).view(TracedArray)
    trace.root("X", patches, np.array(patches, np.float64))
    _TRACE.append(trace)
    try:
        padded = _made(np.zeros)((2, 8, 8))
        for k in range(9):
            i, j = divmod(k, 3)
            if assign:
                padded[:, i:i + 6, j:j + 6] = patches[:, k]
            else:
                padded[:, i:i + 6, j:j + 6] += patches[:, k]
    finally:
        _TRACE.pop()
    return trace


def test_slices_assigned_where_they_overlap_are_read_as_an_assignment_where_an_addition_belongs():
    from parity.diagnosis.backward_readings import written_into
    from parity.diagnosis.value_trace import Trace
    right = _col2im_trace(assign=False)
    port = Trace()
    port._add("grad", right.values[-1].array[:, 1:-1, 1:-1], (), "")  # the unpadded input's gradient
    wrong = _col2im_trace(assign=True)
    said = written_into(list(range(len(wrong.values))), wrong, port, 1e-9)
    assert said is not None and "9 slices" in said[0] and "a[...] += v" in said[0], said
    assert written_into(list(range(len(right.values))), right, port, 1e-9) is None  # added as it should be: nothing


def test_a_routed_gradient_assigned_over_another_paths_is_read_as_an_assignment_where_an_addition_belongs():
    from parity.diagnosis.backward_readings import written_into
    from tests.test_trace_readings import values
    rng = np.random.default_rng(8)
    other_path, routed = rng.normal(size=(4, 5)), rng.normal(size=4)
    rows, cols = np.arange(4), np.array([0, 2, 4, 1])
    assigned, added = other_path.copy(), other_path.copy()
    assigned[rows, cols] = routed
    added[rows, cols] += routed
    port = values(("grad", added, (), ""))
    for result, said in ((assigned, True), (added, False)):  # added as it should be, there is nothing to read
        mine = values(("X", other_path, (), ""), ("setitem (in place)", result, (0, "?"), "idx, idx"))
        found = written_into([0, 1], mine, port, 1e-9)
        assert (found is not None and "1 slice into one array" in found[0]) == said, found
