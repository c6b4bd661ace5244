"""Readings each made from a measurement of the run's own numbers: a custom autograd Function's backward against
central differences of its forward, a parameter group's key torch.optim never reads, a per-step factor against the
gradient's global norm (clipping, or its coefficient inverted), the two ways of writing momentum under a moving
rate, a chain-rule factor between an output delta and the reference gradient, and one row of y broadcast where the
batch belongs. Each planted beside a version that must stay silent."""

import numpy as np
import pytest
import torch
from torch import nn
from torch.nn import functional as F

from parity.diagnosis import clip_law
from parity.diagnosis.custom_functions import backward_not_derivative, recorded_calls
from parity.diagnosis.group_keys import unread_group_key
from parity.diagnosis.momentum_form import _law
from parity.programs.written.pairing import Pair


def swish(backward_factor: str):
    class Swish(torch.autograd.Function):
        @staticmethod
        def forward(ctx, z):
            s = torch.sigmoid(z)
            ctx.save_for_backward(z, s)
            return z * s

        @staticmethod
        def backward(ctx, grad):
            z, s = ctx.saved_tensors
            return grad * eval(backward_factor)

    return Swish


@pytest.mark.parametrize("factor, wrong", [("s * (1 + z * (1 - s))", False), ("s + z * (1 - s)", True)])
def test_a_custom_functions_backward_is_measured_against_its_forward(factor, wrong):
    calls: list = []
    z = torch.randn(6, 3, requires_grad=True)
    with recorded_calls(calls):
        swish(factor).apply(z).sum().backward()
    assert len(calls) == 1
    said = backward_not_derivative(calls)
    assert ("Swish: its backward is not the derivative" in said) == wrong, said


@pytest.mark.parametrize("key, value, said", [("learning_rate", 0.01, True), ("learning_rate", 0.02, False), ("lr", 0.01, False)])
def test_a_group_key_torch_never_reads_is_said_where_the_ratio_is_its_value(key, value, said):
    model = nn.Sequential(nn.Linear(3, 4), nn.Linear(4, 1))
    optimizer = torch.optim.SGD([{"params": model[0].parameters()}, {"params": model[1].parameters(), key: value}], lr=0.05)
    pairs = [Pair("W2", "W2", "1.weight")]
    found = unread_group_key({"optimizer": optimizer, "model": model}, pairs, "W2", 0.2)
    assert bool(found) == said and (not said or "'learning_rate': 0.01" in found), found


@pytest.mark.parametrize("law, words", [(lambda n: (n / 0.5) ** 2, "coefficient is inverted"), (lambda n: 0.5 / n, "the NumPy "
                                        "program clips"), (lambda n: n / 0.5, "the port clips"), (lambda n: 1 + 0 * n, None)])
def test_a_factor_that_moves_with_the_gradients_norm_is_read_by_its_power(monkeypatch, law, words):
    norms = np.array([5.0, 3.0, 2.2, 1.7])
    monkeypatch.setattr(clip_law, "_norms", lambda *args: (list(norms), False))
    said = clip_law.clipping_law(None, None, 1, {"W1": list(law(norms)) + [float("nan")]})
    assert (words in said and "c = 0.5" in said or "norm of 0.5" in said) if words else said == "", said


def test_momentum_with_the_rate_inside_or_outside_the_velocity_is_told_apart_when_the_rate_moves():
    rng = np.random.default_rng(0)
    rates, grads, mu = 0.1 / (1 + 0.3 * np.arange(5)), rng.normal(size=(5, 7)), 0.9
    outside, inside, v, w = [], [], np.zeros(7), np.zeros(7)
    for lr, g in zip(rates, grads):
        v = mu * v + g
        outside.append(-lr * v)
        w = mu * w + lr * g
        inside.append(-w)
    assert _law(rates, grads, np.array(outside))[0] == "outside"
    assert _law(rates, grads, np.array(inside))[0] == "inside"
    assert _law(np.full(5, 0.1), grads, -0.1 * np.cumsum(grads, axis=0)) is None  # one rate: both laws hold, none said


def values(*steps):
    from parity.diagnosis.value_trace import Trace
    trace = Trace()
    for op, array, inputs, detail in steps:
        trace._add(op, np.asarray(array, np.float64), inputs, detail)
    return trace


def test_an_output_delta_divided_by_its_own_forward_value_is_read_as_a_chain_rule_factor():
    from parity.diagnosis.delta_factor import delta_factor
    z = np.linspace(-1, 1, 6).reshape(-1, 1)
    reference = values(("grad", np.exp(z) - 0.5, ("?",), ""))
    for delta, said in (((np.exp(z) - 0.5) / np.exp(z), "divided by its own exp(X (6, 1))"), (np.exp(z) + 0.5, "")):
        mine = values(("X", z, (), ""), ("exp", np.exp(z), (0,), ""), ("divide", delta, (1,), ""))
        found = delta_factor(mine, reference, [2], 1e-6, lambda v: "the reference gradient")
        assert (said in found and "chain rule missing" in found) if said else found == "", found


def test_two_operators_grouped_otherwise_are_read_as_operator_precedence():
    """exp(-d2 / 2.0 * s ** 2) where exp(-d2 / (2.0 * s ** 2)) was meant: s unseen (a parameter), read back from the
    product. Said only where the regrouped value is the port's and the written one is not."""
    from parity.diagnosis.precedence import grouped_otherwise
    rng = np.random.default_rng(2)
    d2, s = -rng.uniform(0.5, 2.0, size=(6, 4)), rng.uniform(0.5, 1.5, size=4)
    mine = values(("negative", d2, (), ""), ("divide", d2 / 2.0, (0, 2.0), ""), ("multiply", d2 / 2.0 * s ** 2, (1, "?"), ""))
    port = values(("div", d2 / (2.0 * s ** 2), ("?",), ""))
    said = grouped_otherwise(mine.values[1:], mine, port.values, 1e-6)
    assert "grouped otherwise" in said and "Python reads a / b * c as (a / b) * c" in said, said
    same = values(("div", d2 / 2.0 * s ** 2, ("?",), ""))  # the port writes it alike: no grouping apart
    assert grouped_otherwise(mine.values[1:], mine, same.values, 1e-6) == ""
    other = values(("div", d2 / (3.0 * s ** 2), ("?",), ""))  # another constant: no regrouping gives it
    assert grouped_otherwise(mine.values[1:], mine, other.values, 1e-6) == ""
    mask, a, b = (rng.uniform(size=(6, 4)) > 0.5).astype(float), rng.normal(size=(6, 4)), rng.normal(size=(6, 4))
    masked = values(("mask", mask, (), ""), ("a", a, (), ""), ("b", b, (), ""), ("add", a + b, (1, 2), ""),
                    ("multiply", mask * (a + b), (0, 3), ""))
    port = values(("bce", mask * a + b, ("?",), ""))  # equal to the regrouping wherever the mask is 1: no parentheses read
    assert grouped_otherwise(masked.values[3:], masked, port.values, 1e-6) == ""
    # (g·ε + k) · σ'(ρ) with a term k left out of the parentheses: g·ε + k·σ'(ρ) is g·ε within rounding (k·σ'(ρ) is
    # 1e-5 of it), a value the port has on its way. The regrouping leaves one operand alone: no parentheses read
    g_eps, k, slope = rng.normal(size=3) * 2.0, np.full(3, 1.8e-3), np.full(3, 0.018)
    mine = values(("multiply", g_eps, (), ""), ("k", k, (), ""), ("slope", slope, (), ""), ("add", g_eps + k, (0, 1), ""),
                  ("multiply", (g_eps + k) * slope, (3, 2), ""))
    port = values(("grad", g_eps, ("?",), ""))
    assert grouped_otherwise(mine.values[4:], mine, port.values, 1e-4) == ""


def test_an_op_left_out_is_a_scale_or_a_mask_not_a_difference_with_the_data():
    """|yhat - y| recomputed without the subtraction is |yhat|, which for positive forecasts is the shared value
    itself: a difference with y is no op one side leaves out. A division by the rows (a KL summed where it is
    averaged) is: without it, the NumPy program's next op gives the port's value."""
    from parity.diagnosis.forward_factors import op_left_out
    yhat, y = np.linspace(1.0, 3.0, 8).reshape(4, 2), np.linspace(-1.0, 2.0, 8).reshape(4, 2)
    mine = values(("add", yhat, (), ""), ("y", y, (), ""), ("subtract", yhat - y, (0, 1), ""), ("absolute", np.abs(yhat - y), (2,), ""))
    port = values(("add", yhat, (), ""), ("smooth_l1_loss", np.array(0.7), (0,), ""))
    assert op_left_out(mine.values[2:], mine.values[0], mine, port, 1e-9) == ""
    kl = np.array(17.9)
    mine = values(("sum", kl, (), ""), ("divide", kl / 32, (0, 32.0), ""), ("multiply", kl / 32 * 1.0, (1, 1.0), ""))
    port = values(("sum", kl, (), ""), ("mul", kl * 1.0, (0, 1.0), ""))  # β = 1: the next op gives the shared value
    assert "where the port takes the value as it is" in op_left_out(mine.values[1:], mine.values[0], mine, port, 1e-9)


def test_a_gradient_squared_for_a_norm_is_no_chain_rule_factor():
    """A NumPy program that squares its gradient (a clipping norm's ingredient) makes a value that is the gradient
    times itself: no factor of the chain rule is read there."""
    from parity.diagnosis.delta_factor import delta_factor
    g = np.linspace(-1, 1, 6).reshape(-1, 1) + 0.1
    reference = values(("grad", g, ("?",), ""))
    mine = values(("matmul", g, (), ""), ("square", g * g, (0,), ""))
    assert "chain rule" not in delta_factor(mine, reference, [1], 1e-6, lambda v: "the reference gradient")


def test_a_chain_rule_factor_missing_from_one_head_of_two_is_read_on_that_column():
    """A two-headed output (a mean and a log-variance): the mean head's delta lacks the precision exp(-s), the other
    head's is right. Read on the column that parts; a column that is off by no forward value stays unsaid."""
    from parity.diagnosis.delta_factor import delta_factor
    rng = np.random.default_rng(0)
    s, residual = rng.normal(size=(6, 1)), rng.normal(size=(6, 1))
    reference = values(("grad", np.hstack([residual * np.exp(-s), 1 - residual ** 2 * np.exp(-s)]), ("?",), ""))
    for mean_head, said in ((residual, "in column 0 (the other columns agree)"), (residual + 0.3, "")):
        mine = values(("s", s, (), ""), ("exp", np.exp(-s), (0,), ""),
                      ("concatenate", np.hstack([mean_head, 1 - residual ** 2 * np.exp(-s)]), (1,), ""))
        found = delta_factor(mine, reference, [2], 1e-6, lambda v: "the reference gradient")
        assert (said in found and "divided by its own exp" in found) if said else found == "", found


def test_one_row_of_y_broadcast_where_the_batch_belongs_is_named():
    from parity.diagnosis.bound_rows import ancestors, bound_part
    y, out = np.arange(6.0).reshape(-1, 1), np.linspace(0, 1, 6).reshape(-1, 1)
    trace = values(("y", y, (), ""), ("sigmoid", out, ("?",), ""), ("getitem", y[5], (0,), "5"),
                   ("subtract", out - y[5], (1, 2), ""))
    said = bound_part(trace, ancestors(trace, 3))
    assert "one row of y, of shape (1,) where y is (6, 1)" in said and "all 6 rows" in said, said
    whole = values(("y", y, (), ""), ("sigmoid", out, ("?",), ""), ("subtract", out - y, (1, 0), ""))
    assert bound_part(whole, ancestors(whole, 2)) == ""


def test_an_n_vector_against_an_n_by_1_column_is_read_as_an_outer_broadcast():
    from parity.diagnosis.bound_rows import outer_broadcast
    w, e = np.linspace(0.5, 1.5, 5), np.linspace(-1, 1, 5).reshape(-1, 1)
    outer = values(("X", np.zeros((5, 2)), (), ""), ("w", w, ("?",), ""), ("e", e, ("?",), ""), ("mul", w * e, (1, 2), ""))
    assert "(5,) against one of shape (5, 1) into a (5, 5) matrix" in outer_broadcast(outer, 5)
    meant = values(("X", np.zeros((5, 2)), (), ""), ("w", w[:, None], ("?",), ""), ("e", e, ("?",), ""),
                   ("mul", w[:, None] * e, (1, 2), ""))
    assert outer_broadcast(meant, 5) == ""


def test_the_same_numbers_in_each_row_in_another_order_are_read_as_a_layout():
    """A flatten of a channels-last array against the port's channels-first one; a stacked gate's blocks in
    another order; a value off by a number stays unsaid."""
    from parity.diagnosis.rearranged import column_order
    rng = np.random.default_rng(0)
    maps, gates = rng.normal(size=(5, 3, 2, 2)), rng.normal(size=(5, 8))
    port = values(("conv2d", maps, (), ""), ("flatten", maps.reshape(5, -1), (0,), ""), ("linear", gates, ("?",), ""))
    flattened = values(("reshape", maps.transpose(0, 2, 3, 1).reshape(5, -1), (), ""))
    assert "flattens a (3, 2, 2) array per row" in column_order(flattened.values, port, 1e-6)
    stacked = values(("concatenate", np.hstack([gates[:, :2], gates[:, 4:6], gates[:, 2:4], gates[:, 6:]]), (), ""))
    assert "blocks of 2 columns, in the order [0, 2, 1, 3]" in column_order(stacked.values, port, 1e-6)
    assert column_order(values(("add", gates + 0.1, (), "")).values, port, 1e-6) == ""


def test_class_weights_broadcast_along_the_class_axis_are_read_against_each_rows_label():
    """The weighted cross-entropy's delta: the reference weights each row by its label's weight; a NumPy program
    that broadcasts the weights along the class axis weights each column instead."""
    from parity.diagnosis.delta_factor import delta_factor
    rng = np.random.default_rng(0)
    labels, weights = rng.integers(0, 3, 9), np.array([1.0, 2.0, 0.5])
    y, residual = np.eye(3)[labels], rng.normal(size=(9, 3))
    reference = values(("grad", residual * weights[labels][:, None], ("?",), ""))
    for delta, said in ((residual * weights, "over that of each row's label"), (residual * weights[labels][:, None] + 0.1, "")):
        mine = values(("y", y, (), ""), ("subtract", residual, ("?",), ""), ("multiply", delta, (1,), ""))
        found = delta_factor(mine, reference, [1, 2], 1e-6, lambda v: "the reference gradient")
        assert (said in found and "[multiply (9, 3)]" in found) if said else found == "", found


def test_a_value_equal_but_along_some_index_planes_is_said_by_axis():
    """A convolution loop one position short: equal to the port's conv2d except the last row and column of each map."""
    from parity.diagnosis.rearranged import partly
    rng = np.random.default_rng(1)
    conv = rng.normal(size=(3, 2, 5, 5))
    short = conv.copy()
    short[:, :, 4, :] = short[:, :, :, 4] = 0.2
    port = values(("conv2d", conv, (), ""))
    said = partly(values(("add", short, (), "")).values, port, 1e-6)
    assert "index 4 (the last) of axis 2 or index 4 (the last) of axis 3" in said and "54 of 150" in said, said
    scattered = conv.copy()
    scattered[0, 0, 1, 2] = scattered[2, 1, 3, 0] = 9.0  # differing at points, no plane: unsaid
    assert partly(values(("add", scattered, (), "")).values, port, 1e-6) == ""


def test_gradients_routed_to_other_positions_in_each_map_are_said():
    """A max-pooling backward that decodes the winner's row and column swapped: the same numbers, other places."""
    from parity.diagnosis.rearranged import elsewhere
    rng = np.random.default_rng(2)
    routed = np.zeros((2, 3, 2, 2))
    routed[..., 0, 1] = rng.normal(size=(2, 3))
    port = values(("grad", routed, (), ""))
    swapped = values(("setitem (in place)", routed.swapaxes(2, 3), (), "")).values
    assert "at other positions (6 of 6 maps" in elsewhere(swapped, port, 1e-6)
    assert elsewhere(values(("setitem (in place)", routed * 2, (), "")).values, port, 1e-6) == ""


def test_a_gradient_assembled_with_its_column_blocks_in_another_order_is_said_by_blocks():
    """np.concatenate([dlogvar, dmu]) where the forward splits mu = s[:, :2], logvar = s[:, 2:]."""
    from parity.diagnosis.rearranged import elsewhere
    head = np.random.default_rng(4).normal(size=(6, 4))
    port = values(("grad", head, (), ""))
    swapped = values(("concatenate", np.concatenate([head[:, 2:], head[:, :2]], axis=1), (), "axis=1")).values
    assert "blocks of 2 columns, in the order [1, 0]" in elsewhere(swapped, port, 1e-6)


@pytest.mark.parametrize("parted, words", [(lambda g: np.abs(g) > 0.7, "|g| > c"), (lambda g: g < -0.5, "only below the lower bound"),
                                           (lambda g: np.abs(g) > 0.9, "|g| > c"), (lambda g: np.abs(g) < 0.2, None)])
def test_updates_that_part_exactly_where_the_gradient_is_beyond_a_bound_are_read_as_a_clip(monkeypatch, parted, words):
    """The entries that part against the gradient back-propagation delivers: beyond c on both sides, or on one; a
    set of small entries is no clip."""
    from parity.diagnosis import clip_elements
    g = np.linspace(-1.2, 1.1, 40).reshape(8, 5)
    monkeypatch.setattr(clip_elements, "raw_gradients", lambda *args: {"W": g})
    found = clip_elements.clipped_entries(None, None, 1, "W", parted(g))
    assert (words in found.explanation and found.name == "elementwise-clip") if words else found is None, found


def test_the_columns_each_side_reads_next_are_compared():
    """A CBOW window that takes its centre word in: the NumPy program reads every column of the context ids, the
    port columns 0, 1, 3 and 4; where both read the same columns, nothing is said."""
    from parity.diagnosis.columns_read import columns_read
    ids = np.random.default_rng(3).integers(0, 50, (10, 5)).astype(float)
    mine = values(("X", ids, (), ""), ("getitem", ids[:, :], (0,), ":, :"))
    port = values(("X", ids, (), ""), ("getitem", ids[:, :2], (0,), ":, :2"), ("getitem", ids[:, 3:], (0,), ":, 3:"))
    said = columns_read(mine, port, mine.values[0], port.values[0])
    assert "reads columns 0, 1, 2, 3, 4, the port columns 0, 1, 3, 4: column 2 only on the NumPy side" in said, said
    same = values(("X", ids, (), ""), ("getitem", ids[:, :2], (0,), ":, :2"), ("getitem", ids[:, 3:], (0,), ":, 3:"))
    assert columns_read(same, port, same.values[0], port.values[0]) == ""


def test_a_cosine_similarity_where_the_numpy_program_takes_the_dot_product_is_said():
    from parity.diagnosis.called_again import recalled
    from parity.diagnosis.value_trace import Trace
    u, v = torch.randn(4, 1, 3), torch.randn(4, 5, 3)
    port, mine = Trace(), Trace()
    port._add("cosine_similarity", torch.nn.functional.cosine_similarity(u, v, dim=-1).double().numpy(), (), "")
    port.called[0] = (torch.nn.functional.cosine_similarity, (u, v), {"dim": -1})
    mine._add("einsum", (u * v).sum(-1).double().numpy(), (), "")
    assert "replaced by the dot product (x1 * x2).sum(dim)" in recalled(port.values, port.called, mine.values, 1e-6)


def test_a_delta_that_parts_at_each_rows_label_entry_alone_is_read_against_the_probability():
    """cs231n's dscores[range(n), y] -= 1 typed as = -1: the label entries lose their probability."""
    from parity.diagnosis.label_entries import label_entries
    rng = np.random.default_rng(5)
    logits = rng.normal(size=(6, 3))
    p = np.exp(logits) / np.exp(logits).sum(axis=1, keepdims=True)
    y = np.eye(3)[rng.integers(0, 3, 6)]
    assigned = np.where(y == 1, -1.0, p)
    assert "assigned (dscores[range(n), y] = -1)" in label_entries(assigned / 6, (p - y) / 6, p, y)
    assert "subtracted twice" in label_entries(np.where(y == 1, p - 2, p), p - y, p, y)
    assert label_entries(np.where(y == 1, p - 1.5, p), p - y, p, y) == ""  # no reading of its own: unsaid
    assert label_entries(p - y, p - y, p, y) == ""


def test_rows_one_side_leaves_unmoved_while_the_other_moves_them_are_a_lazy_update(monkeypatch):
    """A lazy Adam for an embedding table: rows the batch does not touch (no gradient in the run's model) keep still
    on the NumPy side, where torch.optim's Adam moves them on their moments. Rows the model gives a gradient are a
    gradient that differs, not a lazy update; where both sides move every row, nothing is said."""
    from types import SimpleNamespace
    from parity.diagnosis.rules import ports
    moved = np.full((4, 3), -0.01)
    lazy = moved.copy()
    lazy[[1, 3]] = 0.0
    reference = {"E": np.where(lazy != 0, 0.5, 0.0)}
    monkeypatch.setattr(ports.numpy_net, "backward", lambda *args: reference)

    def evidence(numpy_update, step=2):
        updates = {"numpy": numpy_update, "torch": moved}
        return SimpleNamespace(params=lambda: ["E"], failed=lambda name: True, before={"E": np.ones((4, 3))}, step=step,
                               update=lambda side, name: updates[side], X=None, y=None, loss="ce", hidden_activation="relu",
                               forward=lambda params: None)
    found = ports.rows_not_moved(evidence(lazy))
    assert found and "2 of 4 rows of E unmoved" in found.explanation and "gradient in the run's model is 0" in found.explanation
    assert found.evidence["side"] == "numpy" and ports.rows_not_moved(evidence(moved)) is None
    assert ports.rows_not_moved(evidence(lazy, step=1)) is None  # at the first step no state moves a row
    reference["E"] = np.full((4, 3), 0.5)
    assert ports.rows_not_moved(evidence(lazy)) is None


def test_an_input_gradient_taken_through_the_kernel_unrotated_is_read_from_the_ports_own_convolution():
    """The NumPy backward's input gradient as a full correlation with K itself: the port's conv2d, back-propagated
    again with its kernel flipped, gives it; the right gradient (the kernel rotated) gives no reading."""
    from parity.diagnosis.backward_again import backward_again
    from parity.diagnosis.value_trace import Trace
    generator = torch.Generator().manual_seed(0)
    x, w, g = (torch.randn(*shape, generator=generator, dtype=torch.float64) for shape in ((2, 3, 6, 6), (4, 3, 3, 3), (2, 4, 4, 4)))
    port = Trace()
    port._add("conv2d", F.conv2d(x, w).numpy(), (), "")
    port.called[0] = (F.conv2d, (x, w), {})
    port._add("grad", g.numpy(), (0,), "")
    right = torch.nn.grad.conv2d_input(x.shape, w, g)
    unrotated = torch.nn.grad.conv2d_input(x.shape, w.flip((2, 3)), g)
    assert "not rotated by 180 degrees" in backward_again(values(("einsum", unrotated.numpy(), (), "")).values, port, 1e-9)
    assert backward_again(values(("einsum", right.numpy(), (), "")).values, port, 1e-9) == ""


@pytest.mark.parametrize("norm, extra", [(F.group_norm, (3,)), (F.layer_norm, ((12,),))])
def test_a_normalisations_input_gradient_without_its_gain_is_read_from_the_ports_own_op(norm, extra):
    """The NumPy backward through a GroupNorm or LayerNorm with dx̂ = dy where dx̂ = dy·γ belongs: the port's op,
    back-propagated again with its weight left out, gives it; the gradient with the gain gives no reading."""
    from parity.diagnosis.backward_again import backward_again
    from parity.diagnosis.value_trace import Trace
    generator = torch.Generator().manual_seed(1)
    x, gamma, g = (torch.randn(*shape, generator=generator, dtype=torch.float64) for shape in ((8, 12), (12,), (8, 12)))

    def input_gradient(weight):
        leaf = x.clone().requires_grad_(True)
        return torch.autograd.grad(norm(leaf, *extra, weight=weight), leaf, g)[0].numpy()
    port = Trace()
    port._add(norm.__name__, norm(x, *extra, weight=gamma).numpy(), (), "")
    port.called[0] = (norm, (x, *extra), {"weight": gamma})
    port._add("grad", g.numpy(), (0,), "")
    said = backward_again(values(("reshape", input_gradient(None), (), "")).values, port, 1e-9)
    assert f"{norm.__name__}, back-propagated again with its weight left out" in said and "without the gain" in said, said
    assert backward_again(values(("reshape", input_gradient(gamma), (), "")).values, port, 1e-9) == ""


def test_an_embedding_bags_table_gradient_without_its_per_sample_weights_is_read_and_a_bias_left_out_is_not():
    """A bag's per-id weights left out of the scatter into the table's gradient: the port's embedding_bag,
    back-propagated again without per_sample_weights, gives it. A linear layer's bias changes no gradient of its
    input or weight: leaving it out is no reading, even where a NumPy value is that (right) gradient."""
    from parity.diagnosis.backward_again import backward_again
    from parity.diagnosis.value_trace import Trace
    generator = torch.Generator().manual_seed(2)
    table, g = torch.randn(10, 3, generator=generator, dtype=torch.float64), torch.randn(4, 3, generator=generator, dtype=torch.float64)
    ids, weights = torch.tensor([[1, 2, 2], [0, 3, 9], [4, 4, 4], [7, 8, 1]]), torch.rand(4, 3, generator=generator, dtype=torch.float64)

    def table_gradient(per_sample):
        leaf = table.clone().requires_grad_(True)
        out = F.embedding_bag(ids, leaf, mode="sum", per_sample_weights=per_sample)
        return torch.autograd.grad(out, leaf, g)[0].numpy()
    port = Trace()
    port._add("embedding_bag", F.embedding_bag(ids, table, mode="sum", per_sample_weights=weights).numpy(), (), "")
    port.called[0] = (F.embedding_bag, (ids, table), {"mode": "sum", "per_sample_weights": weights})
    port._add("grad", g.numpy(), (0,), "")
    said = backward_again(values(("add.at", table_gradient(None), (), "")).values, port, 1e-9)
    assert "weight of the port's embedding_bag, back-propagated again without its per_sample_weights" in said, said
    assert backward_again(values(("add.at", table_gradient(weights), (), "")).values, port, 1e-9) == ""
    x, w, b = torch.randn(5, 3, dtype=torch.float64), torch.randn(2, 3, dtype=torch.float64), torch.randn(2, dtype=torch.float64)
    linear = Trace()
    linear._add("linear", F.linear(x, w, b).numpy(), (), "")
    linear.called[0] = (F.linear, (x, w, b), {})
    linear._add("grad", g[:, :2].repeat(2, 1)[:5].numpy(), (0,), "")
    right = linear.values[1].array @ w.numpy()
    assert backward_again(values(("matmul", right, (), "")).values, linear, 1e-9) == ""


@pytest.mark.parametrize("call, said", [(("transpose", 1, 3), True), (("permute", 0, 3, 1, 2), False), (("transpose", 0, 1), False)])
def test_a_ports_transpose_that_swaps_an_images_rows_and_columns_is_said(call, said):
    from parity.diagnosis.rearranged import layout_move
    from parity.diagnosis.value_trace import Trace
    x = torch.arange(2 * 6 * 6 * 3, dtype=torch.float64).reshape(2, 6, 6, 3)
    port = Trace()
    out = getattr(x, call[0])(*call[1:])
    port._add(call[0], out.double().numpy(), (), "")
    port.called[0] = (getattr(torch.Tensor, call[0]), (x, *call[1:]), {})
    channels_first = values(("transpose", x.numpy().transpose(0, 3, 1, 2), (), "")).values
    found = layout_move(port.values, port, channels_first)
    assert ("swaps the axes between" in found and "permute(0, 3, 1, 2)" in found) if said else found == "", found
    merged = Trace()  # heads (n, H, T, D) brought back with transpose(1, 2), the idiom: the channels not moved at all
    merged._add("transpose", x.transpose(1, 2).double().numpy(), (), "")
    merged.called[0] = (torch.Tensor.transpose, (x, 1, 2), {})
    heads = values(("reshape", x.numpy().reshape(2, 6, 18), (), "")).values  # the NumPy program moves no channels
    assert layout_move(merged.values, merged, heads) == ""  # no layout slip of the port's
    assert "swaps the axes between" in layout_move(merged.values, merged, values(("t", x.numpy().transpose(0, 3, 1, 2), (), "")).values)


def test_two_weighted_sums_over_the_same_axis_are_read_by_their_weights():
    """A luminance against the port's mean over the colour channels; the same mean on both sides says nothing."""
    from parity.diagnosis.rearranged import contraction
    rgb = np.random.default_rng(6).random((4, 3, 3, 3))
    frontier = values(("X", rgb, (), "")).values[0]
    luma = values(("matmul", rgb @ np.array([0.299, 0.587, 0.114]), (0,), "")).values
    mean = values(("mean", rgb.mean(axis=-1), (0,), "")).values
    said = contraction(luma, mean, frontier, frontier)
    assert "weights [0.299, 0.587, 0.114], the port with [0.3333, 0.3333, 0.3333] (a mean)" in said, said
    assert contraction(mean, mean, frontier, frontier) == ""


def test_a_max_norm_constraint_that_holds_after_the_step_on_one_side_only_is_said():
    from parity.diagnosis.norm_constraint import norm_constraint
    rng = np.random.default_rng(7)
    stepped = rng.normal(size=(6, 4))
    capped = stepped / np.maximum(np.linalg.norm(stepped, axis=0) / 1.0, 1.0)
    found = norm_constraint("W1", capped, stepped, 1)
    assert found and "every column of the NumPy program's W1 has an L2 norm of at most 1" in found.explanation, found
    assert norm_constraint("W1", capped, capped, 1) is None and norm_constraint("W1", stepped, stepped * 1.01, 1) is None
    rows = stepped / np.maximum(np.linalg.norm(stepped, axis=1, keepdims=True) / 1.0, 1.0)  # the port caps the rows
    crossed = norm_constraint("W1", capped, rows, 1)
    assert crossed and "along another axis on each side" in crossed.explanation and "one side only" not in crossed.explanation


def test_a_ports_count_argument_at_another_value_gives_the_numpy_value():
    """nn.GroupNorm(4, 12) where 3 groups were meant: group_norm called again with num_groups=3."""
    from parity.diagnosis.called_again import recalled
    from parity.diagnosis.value_trace import Trace
    h = torch.randn(5, 12, generator=torch.Generator().manual_seed(2))
    port, mine = Trace(), Trace()
    port._add("group_norm", F.group_norm(h, 4).double().numpy(), (), "")
    port.called[0] = (F.group_norm, (h, 4), {})
    mine._add("reshape", F.group_norm(h, 3).double().numpy(), (), "")
    assert "num_groups=3" in recalled(port.values, port.called, mine.values, 1e-6)


@pytest.mark.parametrize("decay, said", [(lambda w: 0.01 * np.sign(w), "an L1 term λ·sign(w)"), (lambda w: 0.01 * w, None)])
def test_an_adam_first_step_is_read_by_the_signs_its_decay_term_keeps(monkeypatch, decay, said):
    """An Adam first step moves every entry by ±lr: the signs of g + (the decay term) are all it shows, read against
    the ways of writing weight decay; the run's own form says nothing."""
    from types import SimpleNamespace
    from parity.diagnosis.rules import variants
    rng = np.random.default_rng(8)
    w, g = rng.uniform(-1, 1, size=(20, 10)), rng.normal(scale=0.005, size=(20, 10))
    monkeypatch.setattr(variants, "_grads", lambda e: {"W1": g})
    e = SimpleNamespace(step=1, config=SimpleNamespace(optimizer="adam", weight_decay=0.01, lr=0.05), params=lambda: ["W1"],
                        before={"W1": w}, update=lambda side, name: -0.05 * np.sign(g + decay(w)))
    found = variants.decay_signs(e)
    assert (found is not None and said in found.explanation) if said else found is None, found


def test_an_op_with_an_array_the_program_holds_is_left_out_only_where_that_array_is_a_scale_or_a_mask():
    """x / σ with a learned σ, where the port divides later in its formula, is no op left out; x · m with a held 0/1
    mask, or x / 2 with a held number, is one (the operand read back from the value and the shared one)."""
    from parity.diagnosis.forward_factors import op_left_out
    rng = np.random.default_rng(5)
    x, sigma = rng.normal(size=12), rng.uniform(0.5, 1.5, size=12)
    port = values(("X", x, (), ""), ("pow", x ** 2, (0, 2.0), ""))
    learned = values(("X", x, (), ""), ("divide", x / sigma, (0, "?"), ""), ("square", (x / sigma) ** 2, (1,), ""))
    assert op_left_out(learned.values[1:], learned.values[0], learned, port, 1e-9) == ""
    mask = (rng.uniform(size=12) > 0.3).astype(float)
    masked = values(("X", x, (), ""), ("multiply", x * mask, (0, "?"), ""), ("square", (x * mask) ** 2, (1,), ""))
    assert "where the port takes the value as it is" in op_left_out(masked.values[1:], masked.values[0], masked, port, 1e-9)
    halved = values(("X", x, (), ""), ("divide", x / 2, (0, "?"), ""), ("square", (x / 2) ** 2, (1,), ""))
    assert "where the port takes the value as it is" in op_left_out(halved.values[1:], halved.values[0], halved, port, 1e-9)


def test_an_activations_derivative_is_read_only_at_a_value_of_that_activation():
    """g·σ(softplus(z)) against the port's g·σ(z): their quotient is 1 - σ(-z)², an exp's value squared, which the
    algebra fits exactly and no tanh made. A tanh's value of the program's own gives the reading."""
    from parity.diagnosis.derivative_factor import derivative_factor
    rng = np.random.default_rng(8)
    z, g = rng.normal(size=(12, 5)), rng.normal(size=(12, 5))
    sigmoid = lambda u: 1 / (1 + np.exp(-u))  # noqa: E731
    port = values(("linear", z, (), ""), ("grad", g * sigmoid(z), (0,), ""))
    mine = values(("X", z, (), ""), ("exp", np.exp(-np.logaddexp(0, z)), (0,), ""), ("multiply", g * sigmoid(np.logaddexp(0, z)), ("?", "?"), ""))
    assert derivative_factor(mine.values[2], mine, port, 1e-9, lambda v: "the port's gradient") == ""
    h = np.tanh(z)
    left_out = values(("X", z, (), ""), ("tanh", h, (0,), ""), ("multiply", g * sigmoid(z) / (1 - h ** 2), ("?", "?"), ""))
    said = derivative_factor(left_out.values[2], left_out, port, 1e-9, lambda v: "the port's gradient")
    assert "1 - v², the tanh's derivative" in said and "too few" in said, said


def test_two_constants_that_are_one_round_number_grouped_two_ways_are_read_and_a_plain_factor_is_not():
    from parity.diagnosis.precedence import constants_grouped
    said = constants_grouped(4.5, -2.5)  # ν + 1/2 against (ν + 1)/2, the sign carried by the port's other operand
    assert "4 + 1/2" in said and "(4 + 1)/2" in said and "NumPy program's side" in said, said
    assert "port's side" in constants_grouped(3.0, 6.5)  # (7 - 1)/2 on the NumPy side, 7 - 1/2 in the port
    assert constants_grouped(1.5, 1.0) == "" and constants_grouped(2.0, 1.0) == "" and constants_grouped(3.0, 2.0) == ""


def test_an_operand_that_is_the_others_complement_negative_or_reciprocal_is_said():
    from parity.diagnosis.operand_powers import complement
    lam = np.random.default_rng(2).uniform(0.05, 0.95, size=12)
    assert "1 minus the NumPy program's" in complement(lam, 1 - lam) and "weights swapped" in complement(lam, 1 - lam)
    assert "the negative of" in complement(lam, -lam) and "the reciprocal of" in complement(lam, 1 / lam)
    assert complement(lam, lam ** 2) == "" and complement(lam, 0.5 * lam) == ""


def test_a_clip_or_a_factor_applied_on_one_side_only_is_said_with_its_side():
    from parity.diagnosis.functions_apart import one_side_only
    from tests.test_trace_readings import values as traced
    b = np.array([-0.8, 0.3, 0.6])
    mine = traced(("b", b, (), ""), ("multiply", 0.1 * b, (0.1, 0), ""))
    port = traced(("b", b, (), ""), ("clamp_", np.clip(b, -0.5, 0.5), (0, -0.5, 0.5), ""))
    said = one_side_only(mine.values[1:], port.values[1:], mine.values[0], port.values[0], (mine, port))
    assert said.startswith("The port applies clamp") and "2 of its 3 entries cut back" in said, said
    kept = traced(("b", b, (), ""), ("detach", b, (0,), ""))
    said = one_side_only(mine.values[1:], kept.values[1:], mine.values[0], kept.values[0], (mine, kept))
    assert said.startswith("The NumPy program multiplies the value both agree on by 0.1"), said
    later = traced(("b", b, (), ""), ("detach", b, (0,), ""), ("mul", 0.1 * b, (1, 0.1), ""))  # scaled a few ops on
    assert one_side_only(mine.values[1:], later.values[1:2], mine.values[0], later.values[0], (mine, later)) == ""
    masked = traced(("v", b, (), ""), ("squeeze", b, (0,), ""), ("mul", b * np.array([1.0, 0.0, 1.0]), (1, "?"), ""))
    assert one_side_only(mine.values[1:], masked.values[1:2], mine.values[0], masked.values[0], (mine, masked)) == ""
    relu = traced(("z", b, (), ""), ("maximum", np.maximum(b, 0), (0, 0.0), ""))
    said = one_side_only(relu.values[1:], kept.values[1:], relu.values[0], kept.values[0], (relu, kept))
    assert "applies a ReLU" in said and "an activation on one side only" in said, said
    pooled = traced(("z", b, (), ""), ("mean", b, (0,), ""), ("relu", np.maximum(b, 0), (1,), ""))  # the ReLU after a pool
    said = one_side_only(relu.values[1:], pooled.values[1:2], relu.values[0], pooled.values[0], (relu, pooled))
    assert "applies it after its mean" in said, said
    elu = traced(("z", b, (), ""), ("greater", (b > 0).astype(float), (0, 0.0), ""), ("minimum", np.minimum(b, 0), (0, 0.0), ""))
    selu = traced(("z", b, (), ""), ("selu", b, (0,), ""))  # a formula written out against a function: no clip on one side
    assert one_side_only(elu.values[1:], selu.values[1:], elu.values[0], selu.values[0], (elu, selu)) == ""


def test_a_factor_of_rows_over_features_is_said_as_a_count_taken_from_the_other_axis():
    from parity.diagnosis.mean_counts import features_meaning
    assert "divided by X.shape[1], the 6 features" in features_meaning(20 / 6, (20, 6))[1]
    assert "divided by X.shape[0], the 20 rows" in features_meaning(6 / 20, (20, 6))[1]
    assert features_meaning(3.0, (20, 6)) is None and features_meaning(1.0, (6, 6)) is None


def test_a_port_view_into_the_transposed_shape_of_the_numpy_programs_view_is_said_as_a_view_for_a_transpose():
    from parity.diagnosis.reshaped_operands import viewed_for_transpose
    from tests.test_trace_readings import values as traced
    X = np.arange(4 * 6, dtype=float).reshape(4, 6)
    mine = traced(("X", X, (), ""), ("reshape", X.reshape(4, 3, 2), (0,), "4, 3, 2"))
    port = traced(("X", X, (), ""), ("view", X.reshape(3, 4, 2), (0,), "3, 4, 2"))
    said = viewed_for_transpose(port.values[1:], mine.values[0], port.values[0], mine.values[1:])
    assert "a view where a transpose of the other layout was meant" in said and "(1, 0, 2)" in said, said
    right = traced(("X", X, (), ""), ("view", X.reshape(4, 3, 2).transpose(1, 0, 2), (0,), ""))
    assert viewed_for_transpose(right.values[1:], mine.values[0], right.values[0], mine.values[1:]) == ""


def test_a_normalisations_gradient_divided_by_its_norm_alone_is_said_as_the_denominator_held_constant():
    from parity.diagnosis.normalisation_readings import denominator_held
    from tests.test_trace_readings import values as traced
    z = np.random.default_rng(5).normal(size=(4, 3))
    norm = np.linalg.norm(z, axis=-1, keepdims=True)
    dq = np.random.default_rng(6).normal(size=(4, 3))
    mine = traced(("X", z, (), ""), ("norm", norm, (0,), ""), ("multiply", dq, (), ""), ("divide", dq / norm, (2, 1), ""))
    port = traced(("X", z, (), ""), ("normalize", z / norm, (0,), ""), ("grad", dq, (1,), ""))
    said = denominator_held(mine.values[3], mine.values[2], port.values[2], mine, port)
    assert "the denominator held constant" in said, said
    two_parts = traced(("X", z, (), ""), ("norm", norm, (0,), ""), ("multiply", dq, (), ""), ("divide", dq / norm, (2, 1), ""),
                       ("subtract", dq / norm, (3,), ""))  # the projection taken off after it: the quotient rule in two parts
    assert denominator_held(two_parts.values[3], two_parts.values[2], port.values[2], two_parts, port) == ""


def test_an_operand_made_from_the_ports_operand_is_said_as_the_same_ops_in_another_order():
    from parity.diagnosis.written_readings import compared_finding
    from tests.test_trace_readings import values as traced
    rng = np.random.default_rng(8)
    r, h, W = rng.uniform(size=(4, 3)), rng.normal(size=(4, 3)), rng.normal(size=(3, 3))
    x = np.arctanh(np.clip(h, -0.9, 0.9))
    h = np.tanh(x)  # a state made in the step, not the data
    mine = traced(("X", x, (), ""), ("tanh", h, (0,), ""), ("sigmoid", r, (), ""), ("matmul", h @ W, (1,), ""),
                  ("multiply", r * (h @ W), (2, 3), ""))
    port = traced(("X", x, (), ""), ("tanh", h, (0,), ""), ("sigmoid", r, (), ""), ("mul", r * h, (2, 1), ""))
    found = compared_finding(mine.values[4:], port.values[3:], mine.values[2], port.values[2], mine, port)
    assert found is not None and "the same ops in another order" in found[1] and found[2] == 0.75, found


def test_two_positions_of_the_value_both_agree_on_read_at_other_indices_are_said():
    from parity.diagnosis.functions_apart import positions_apart
    from tests.test_trace_readings import values as traced
    h = np.random.default_rng(9).normal(size=(3, 5, 4))
    mine = traced(("X", h, (), ""), ("getitem", h[:, 0, :], (0,), ":, 0, :"))
    port = traced(("X", h, (), ""), ("getitem", h[:, -1], (0,), ":, -1"))
    said = positions_apart(mine.values[1:], port.values[1:], mine.values[0], port.values[0])
    assert "position 0 (the first), the port position 4 (the last)" in said, said
    assert positions_apart(mine.values[1:], mine.values[1:], mine.values[0], mine.values[0]) == ""
    both = traced(("X", h, (), ""), ("getitem", h[:, 0, :], (0,), ":, 0, :"), ("getitem", h[:, -1], (0,), ":, -1"))
    assert positions_apart(mine.values[1:], port.values[1:], both.values[0], port.values[0], (both, port)) == ""  # both read


def test_a_factor_that_is_the_softmaxs_own_values_on_the_gradient_at_its_output_is_read_as_its_backward_without_the_row_sum():
    from parity.diagnosis.derivative_factor import softmax_times_its_values
    from tests.test_trace_readings import values as traced
    z = np.random.default_rng(10).normal(size=(3, 4))
    a = np.exp(z) / np.exp(z).sum(axis=1, keepdims=True)
    port = traced(("X", z, (), ""), ("softmax", a, (0,), ""), ("grad", z, (1,), ""))
    assert softmax_times_its_values(a, port.values[2], port)
    assert not softmax_times_its_values(a / 2, port.values[2], port)  # rows that do not sum to 1: no softmax's values
    sigmoid = traced(("X", z, (), ""), ("sigmoid", 1 / (1 + np.exp(-z)), (0,), ""), ("grad", z, (1,), ""))
    assert not softmax_times_its_values(a, sigmoid.values[2], sigmoid)


def test_a_port_dropout_in_training_mode_beside_a_mask_given_as_data_is_read_as_its_own_draw():
    from parity.diagnosis.comparisons import random_draw
    from tests.test_trace_readings import values as traced
    h = np.abs(np.random.default_rng(11).normal(size=(4, 5)))
    keep = (np.random.default_rng(12).uniform(size=(4, 5)) < 0.75).astype(float)
    mine = traced(("X", h, (), ""), ("mask", keep, (), ""), ("multiply", h * keep / 0.75, (0, 1), ""))
    port = traced(("X", h, (), ""), ("dropout", h, (0,), "p=0.25, training=True"))
    said = random_draw(mine.values[2:], port.values[1:], mine, port, {0})
    assert "draws its own random mask" in said and "multiplies by" in said, said
    assert random_draw(mine.values[2:], traced(("X", h, (), ""), ("dropout", h, (0,), "p=0.25, training=False")).values[1:],
                       mine, port, {0}) == ""
    idle = traced(("X", h, (), ""), ("dropout", h, (0, 0.0), "p=0.0, training=True"))  # p = 0 drops nothing: no draw
    assert random_draw(mine.values[2:], idle.values[1:], mine, idle, {0}) == ""


def test_a_penalty_term_outside_a_shared_clip_factor_is_read_as_l1_or_l2():
    from parity.diagnosis.clipped_together import _term_outside
    rng = np.random.default_rng(13)
    g, W, update = rng.normal(size=(4, 3)), rng.normal(size=(4, 3)), 0.01 * rng.normal(size=(4, 3))
    record = {"W": W + update, "W.update": update}
    said = _term_outside(["W"], {"W": 0.5 * g + 0.002 * np.sign(W)}, {"W": g}, 0.5, record)
    assert "plus 0.002·sign(W), an L1 penalty's subgradient" in said, said
    assert "an L2 term" in _term_outside(["W"], {"W": 0.5 * g + 0.01 * W}, {"W": g}, 0.5, record)
    assert _term_outside(["W"], {"W": 0.5 * g + 0.01 * rng.normal(size=(4, 3))}, {"W": g}, 0.5, record) == ""


def test_another_function_on_one_block_of_a_ports_chunk_is_said_with_the_block_order():
    from parity.diagnosis.functions_apart import functions_apart
    from tests.test_trace_readings import values as traced
    g = np.random.default_rng(14).normal(size=(4, 3))
    mine = traced(("getitem", g, (), ""), ("tanh", np.tanh(g), (0,), ""))
    port = traced(("chunk", g, (), ""), ("sigmoid", 1 / (1 + np.exp(-g)), (0,), ""))
    said = functions_apart(mine.values[1:], port.values[1:], mine.values[0], port.values[0], 1e-6)
    assert "applies tanh" in said and "blocks taken in another order" in said, said
    plain = traced(("linear", g, (), ""), ("sigmoid", 1 / (1 + np.exp(-g)), (0,), ""))
    assert "blocks" not in functions_apart(mine.values[1:], plain.values[1:], mine.values[0], plain.values[0], 1e-6)


def test_a_penalty_on_a_whole_table_where_the_batchs_rows_are_meant_is_said():
    from parity.diagnosis.tables import whole_table
    from tests.test_trace_readings import values as traced
    table = np.random.default_rng(15).normal(size=(6, 3))
    ids = np.array([0, 2, 2, 4])
    mine = traced(("getitem", table[ids], (), ""), ("square", table[ids] ** 2, (0,), ""))
    port = traced(("embedding", table[ids], (), ""), ("pow", table ** 2, ("?",), "2"))
    port.values[1].unseen = {0: table}
    said = whole_table(mine.values[1:], mine.values[0], port)
    assert "a whole table" in said and "6 rows, 3 of them not in the batch" in said, said
    port.values[1].unseen = {0: table[ids]}  # the looked-up rows on both sides: nothing to say
    assert whole_table(mine.values[1:], mine.values[0], port) == ""


def test_log_sigmoids_derivative_taken_at_the_other_sign_is_read():
    from parity.diagnosis.local_derivatives import factor_against
    from tests.test_trace_readings import values as traced
    u = np.random.default_rng(16).normal(size=8)
    port = traced(("X", u, (), ""), ("log_sigmoid", -np.log1p(np.exp(-u)), (0,), ""), ("grad", np.ones(8), (1,), ""))
    said = factor_against(1 / (1 + np.exp(-u)), port.values[2], port, "σ(d)", 8)
    assert "log_sigmoid's derivative taken with its argument's sign flipped" in said, said
    assert factor_against(1 / (1 + np.exp(u)), port.values[2], port, "σ(-d)", 8) == ""  # the derivative itself


def test_a_formulas_constant_written_otherwise_in_a_numpy_composite_is_said_against_the_ports_function():
    from parity.diagnosis.functions_apart import formula_constant
    from tests.test_trace_readings import values as traced
    x = np.random.default_rng(17).normal(size=(4, 3))

    def composite(c):
        return traced(("linear", x, (), ""), ("power", x ** 3, (0, 3.0), ""), ("multiply", 0.044715 * x ** 3, (0.044715, 1), ""),
                      ("add", x + 0.044715 * x ** 3, (0, 2), ""), ("multiply", c * (x + 0.044715 * x ** 3), (c, 3), ""),
                      ("tanh", np.tanh(c * (x + 0.044715 * x ** 3)), (4,), ""))
    port = traced(("gelu", x, (), "approximate='tanh'"))
    wrong = composite(float(np.sqrt(np.pi / 2)))
    said = formula_constant(wrong.values[1:], port.values, wrong.values[0])
    assert "takes √(2/π) = 0.797885" in said and "1.25331 = √(π/2)" in said, said
    right = composite(float(np.sqrt(2 / np.pi)))
    assert formula_constant(right.values[1:], port.values, right.values[0]) == ""


def test_a_denominator_a_tenth_of_torchs_is_no_square_root_left_out():
    """Adam's v̂ corrected with β1 at step 1 divides by 0.1·|g|: with gradients far under 1, v + ε is near 0 and a tenth
    of torch's √v lies within a tenth of the two forms' distance; the form itself must be met."""
    from parity.diagnosis.adaptive_denominator import _rootless
    g = np.random.default_rng(18).uniform(1e-4, 1e-3, size=12)
    assert not _rootless(0.1 * g, g * g, 1e-8)
    v = 0.1 + g * g  # Adagrad's accumulator, the root left out
    assert _rootless(v + 1e-10, v, 1e-10)


def test_a_step_size_from_a_count_off_by_one_is_said_with_both_counts():
    from parity.diagnosis.precedence import count_off_by_one
    said = count_off_by_one(0.2, 0.25)  # dt = 1/5 against 1/4: linspace(0, 1, steps) where steps + 1 points were meant
    assert "1/5" in said and "1/4" in said and "count off by one" in said, said
    assert "the port's 7" in count_off_by_one(6.0, 7.0)
    assert count_off_by_one(0.2, 1 / 3) == "" and count_off_by_one(0.3, 0.4) == "" and count_off_by_one(1.0, 2.0) == ""
