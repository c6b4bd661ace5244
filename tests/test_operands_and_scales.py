"""Readings measured on the two programs' own numbers: a backward product that reads a weight's mean where the port's
forward used its sample, a delta off by the square of a scale the loss writes, a loss of torch's that broadcasts an
(n,) target against an (n, 1) output inside it, and finite differences that give a place, not a mechanism."""

import numpy as np
import pytest

from tests.test_trace_readings import values


def test_a_backward_product_that_reads_a_weights_mean_is_read_against_the_ports_sampled_weight():
    from parity.diagnosis.backward_readings import unseen_operand
    rng = np.random.default_rng(4)
    delta, mean, noise = rng.normal(size=(6, 1)), rng.normal(size=(4, 1)), rng.normal(size=(4, 1))
    sample = mean + 0.1 * noise
    mine = values(("X", rng.normal(size=(6, 3)), (), ""), ("divide", delta, (0,), ""), ("matmul", delta @ mean.T, (1, "?"), ""))
    mine.values[2].unseen = {1: mean.T}
    port = values(("add", sample, (), ""), ("grad", delta @ sample.T, (), ""))
    said = unseen_operand(mine.values[2], mine, port, 1e-9, lambda v: "the gradient at the port's hidden layer", {"W2_mu": mean})
    assert "with the port's [add (4, 1)] in its place" in said and "W2_mu itself" in said, said
    port.values[1].array = delta @ (sample + 1.0).T  # no value of either program gives the port's gradient there
    assert unseen_operand(mine.values[2], mine, port, 1e-9, lambda v: "", {"W2_mu": mean}) == ""


def test_a_delta_off_by_the_square_of_a_scale_the_loss_writes_names_that_scale():
    from parity.diagnosis.delta_factor import _written_constant
    rng = np.random.default_rng(6)
    X, y, p = rng.normal(size=(8, 2)), rng.normal(size=(8, 1)), rng.normal(size=(8, 1))
    r = (y - p) / 0.3
    trace = values(("X", X, (), ""), ("y", y, (), ""), ("matmul", p, (0, "?"), ""), ("subtract", y - p, (1, 2), ""),
                   ("divide", r, (3, 0.3), ""), ("mean", np.mean(r ** 2), (4,), ""), ("subtract", p - y, (2, 1), ""),
                   ("multiply", 0.05 * (X.T @ (p - y)), (0.05, 6), ""))
    said = _written_constant(0.09, trace)[1]
    assert said.startswith("0.3²") and "divide" in said, said
    assert _written_constant(0.05, trace) is None  # no value the loss is made from: an update's, not the loss's
    assert _written_constant(0.07, trace) is None
    trace.values[5].array = np.mean(r ** 2, axis=1)  # no loss of one number: no number of the loss read
    assert _written_constant(0.09, trace) is None
    trace = values(*[(v.op, v.array, v.inputs, v.detail) for v in trace.values[:5]],  # the loss computed last, after
                   ("subtract", p - y, (2, 1), ""), ("multiply", 0.05 * (X.T @ (p - y)), (0.05, 5), ""),  # the update
                   ("mean", np.mean(r ** 2), (4,), ""))
    assert _written_constant(0.09, trace)[1].startswith("0.3²") and _written_constant(0.05, trace) is None


@pytest.mark.parametrize("shapes, said", [(((32, 1), (32,)), True), (((32, 1), (32, 1)), False), (((32,), (32,)), False)])
def test_a_loss_that_broadcasts_an_n_target_against_an_n_by_1_output_inside_it_is_read(shapes, said):
    from parity.diagnosis.bound_rows import outer_broadcast
    rng = np.random.default_rng(8)
    trace = values(("matmul", rng.normal(size=shapes[0]), (), ""), ("getitem", rng.normal(size=shapes[1]), (), ""),
                   ("mse_loss", np.array(0.7), (0, 1), ""))
    read = outer_broadcast(trace, 32, in_losses=True)
    assert ("mse_loss broadcasts" in read and "inside it" in read) == said
    assert outer_broadcast(trace, 32) == ""  # first, the port's own call is tried with its input reshaped


def test_finite_differences_alone_give_a_place_and_a_form_read_with_them_a_mechanism():
    from parity.diagnosis.loss_differences import oracle_fit
    follows = {"numpy_follows": False, "torch_follows": True}
    assert oracle_fit(follows, "") < 0.8 <= oracle_fit(follows, " Its entries are the port's, rearranged.")
    assert oracle_fit({**follows, "torch_follows": False}, " Its entries are the port's, rearranged.") < 0.8



def test_a_source_or_a_weight_that_leaves_one_operand_alone_is_no_reading():
    """d f = dout[:, None] + λ·2f/size where dout·keep + ... belongs: recomputed with λ·2f/size put in for λ·2f, or fitted
    with a weight on that term, the value is dout broadcast within rounding, the port's gradient at its masked outputs.
    That shows the one operand, not a source or a weight."""
    from parity.diagnosis.term_apart import terms_weighted
    from parity.diagnosis.another_source import another_input
    rng = np.random.default_rng(9)
    dout, f = rng.normal(size=(48, 1)), rng.normal(size=(48, 4))
    penalty = 0.1 * 2.0 * f
    mine = values(("X", f, (), ""), ("y", dout, (), ""), ("multiply", penalty, (0, 0.2), ""),
                  ("divide", penalty / 192, (2, 192.0), ""), ("add", dout + penalty / 192, (1, 3), ""))
    rounding = 1e-7 * rng.normal(size=(48, 4))  # float32's, where the port's gradient is dout alone
    port = values(("grad", dout + rounding, (), ""))
    assert another_input(mine.values[4], mine, port, 1e-4) == ""
    assert terms_weighted([mine.values[4]], port.values, mine, 1e-4, lambda v: "the port's gradient") == ""
    port.values[0].array = dout + 3.0 * penalty / 192  # a weight that moves the numbers: read
    assert "weighted 3 times" in terms_weighted([mine.values[4]], port.values, mine, 1e-4, lambda v: "the port's gradient")


def test_a_learning_rate_that_is_an_adaptive_mean_of_squares_taken_otherwise_says_both():
    from parity.diagnosis.optimizer_again import _squares_scaled
    adam = {"lr": 0.01, "betas": (0.9, 0.999)}
    said = _squares_scaled(adam, "lr", 0.001)  # lr/10: v 100 times, (1 - β1)/(1 - β2)
    assert "100 is (1 - β1)/(1 - β2)" in said and "do not tell the two apart" in said, said
    assert "1/(1 - β2)" in _squares_scaled(adam, "lr", 0.01 / 1000 ** 0.5)  # v summed, its (1 - β2) left out
    assert _squares_scaled(adam, "lr", 0.005) == ""  # 4 is no ratio of Adam's constants: the rate alone
    assert _squares_scaled(adam, "eps", 1e-7) == "" and _squares_scaled({"lr": 0.01, "momentum": 0.9}, "lr", 0.001) == ""
    assert "1/(1 - α)" in _squares_scaled({"lr": 0.01, "alpha": 0.99}, "lr", 0.001)


def test_a_sum_over_steps_is_fitted_only_over_more_entries_than_the_two_numbers_it_fits():
    from types import SimpleNamespace

    from parity.diagnosis.accumulated_terms import summed_over_steps
    rng = np.random.default_rng(12)
    last, now = rng.normal(size=6), rng.normal(size=6)
    context = SimpleNamespace(numpy_record={"W.grad": last + now, "b.grad": np.array([0.26081])},
                              torch_record={"W.grad": now, "b.grad": np.array([0.10540])},
                              torch_previous={"W.grad": last}, numpy_previous={"b.grad": np.array([0.15541])})
    assert abs(summed_over_steps(context, "NumPy", ["W"]) - 1.0) < 1e-9  # six entries: this step's plus the last one's
    # a NumPy bias summed over steps, read from its one number: the port's 0.1054 is α·0.1554 + β·0.2608 for many α, β
    assert summed_over_steps(context, "torch", ["b"]) is None


def test_two_gradients_apart_by_a_multiple_of_the_parameter_are_read_as_an_l2_term():
    from parity.diagnosis.decay_gap import decayed_gradient
    rng = np.random.default_rng(11)
    theta, grad = rng.normal(size=(20, 12)), rng.normal(size=(20, 12))
    theta[0, :3] = 1e-6  # entries near 0, where a ratio entry by entry would be rounding's
    port = (grad + 0.005 * theta + 1e-7 * rng.normal(size=theta.shape)).astype(np.float32)
    at = {"parameter": "W", "step": 1}
    said = decayed_gradient(grad + 0.01 * theta, port, {"W": theta}, at)
    assert said.name == "weight-decay" and abs(said.evidence["decay_gap"] - 0.005) < 1e-5, said
    assert "NumPy program's gradient of W is the port's plus 0.005" in said.explanation
    assert decayed_gradient(grad + 0.01 * theta, grad + 0.01 * theta ** 2, {"W": theta}, at) is None  # not λ·θ
    assert decayed_gradient(grad[0, :3], grad[0, :3] + 0.01, {"W": theta[0, :3]}, at) is None  # too few entries
