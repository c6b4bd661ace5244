"""Readings each made from a measurement of the run's own numbers: a custom autograd Function's backward against
central differences of its forward, a parameter group's key torch.optim never reads, a per-step factor against the
gradient's global norm (clipping, or its coefficient inverted), the two ways of writing momentum under a moving
rate, a chain-rule factor between an output delta and the reference gradient, and one row of y broadcast where the
batch belongs. Each planted beside a version that must stay silent."""

import numpy as np
import pytest
import torch
from torch import nn

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
    for delta, said in (((np.exp(z) - 0.5) / np.exp(z), "divided by its own [exp (6, 1)]"), (np.exp(z) + 0.5, "")):
        mine = values(("X", z, (), ""), ("exp", np.exp(z), (0,), ""), ("divide", delta, (1,), ""))
        found = delta_factor(mine, reference, [2], 1e-6, lambda v: "the reference gradient")
        assert (said in found and "chain rule missing" in found) if said else found == "", found


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
