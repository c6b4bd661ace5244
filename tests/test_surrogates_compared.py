"""A port's surrogate gradient read against the NumPy program's, both measured on the same input: the relation that
holds between them is said (a square, a shift, a constant, another slope), and nothing where they agree."""

import numpy as np
import pytest
import torch

from parity.diagnosis.surrogates_compared import surrogate_apart
from parity.diagnosis.value_trace import _TRACE, Trace, TracedArray


class FastSigmoid(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x, k):
        ctx.save_for_backward(x)
        ctx.k = k
        return (x >= 0).to(x.dtype)

    @staticmethod
    def backward(ctx, grad):
        (x,) = ctx.saved_tensors
        return grad / (1.0 + ctx.k * x.abs()) ** 2, None


THETA = 1.0
V = np.random.default_rng(4).normal(1.0, 0.8, size=(16, 6))


def _numpy_surrogate(formula) -> Trace:
    """A NumPy backward's surrogate written on the membrane potential v, traced as the kit traces a step."""
    trace = Trace()
    _TRACE.append(trace)
    try:
        v = V.view(TracedArray)
        trace.root("v", v, V.copy())
        upstream = np.ones_like(V).view(TracedArray)
        trace.root("ds", upstream, np.ones_like(V))
        formula(v) * upstream
    finally:
        _TRACE.pop()
    return trace


def _said(formula, k: float = 5.0) -> str:
    x = torch.tensor(V - THETA, dtype=torch.float32, requires_grad=True)  # the port calls spike(v - θ, k)
    return surrogate_apart(_numpy_surrogate(formula), [(FastSigmoid, (x, k))])


def test_the_same_surrogate_on_both_sides_says_nothing():
    assert _said(lambda v: 1.0 / (1.0 + 5.0 * np.abs(v - THETA)) ** 2) == ""


@pytest.mark.parametrize("formula, words", [
    (lambda v: 1.0 / (1.0 + 5.0 * np.abs(v - THETA)), "port's is the NumPy program's squared"),  # the port's square
    (lambda v: 1.0 / (1.0 + 5.0 * np.abs(v)) ** 2, "input +1"),  # the NumPy program at v, where v - θ belongs
    (lambda v: 3.0 / (1.0 + 5.0 * np.abs(v - THETA)) ** 2, "times 3"),
    (lambda v: 1.0 / (1.0 + 2.5 * np.abs(v - THETA)) ** 2, "taken as 2.5"),  # another slope
])
def test_a_surrogate_written_otherwise_is_said_by_the_relation_that_holds(formula, words):
    assert words in _said(formula), _said(formula)


def test_a_surrogate_of_another_shape_is_not_given_a_relation():
    assert _said(lambda v: np.exp(-np.abs(v - THETA))) == ""  # no square, shift, constant or slope makes one the other


def test_a_copy_of_the_weights_loaded_on_one_side_only_names_the_side_that_never_loads_it():
    from parity.diagnosis.copies_loaded import copy_not_loaded
    rng = np.random.default_rng(5)
    fast, slow = rng.normal(size=(4, 3)), rng.normal(size=(4, 3))
    synced = {"W": slow, "W.slow": slow, "W.update": slow - fast}
    kept = {"W": fast, "W.slow": slow, "W.update": np.zeros((4, 3))}  # the slow weights moved, never copied back
    found = copy_not_loaded("W", synced, kept, 5)
    assert found and found.evidence["side"] == "torch" and "never loads its slow" in found.explanation
    assert copy_not_loaded("W", kept, synced, 5).evidence["side"] == "numpy"
    assert copy_not_loaded("W", synced, dict(synced), 5) is None  # both load it
    apart = dict(kept, **{"W.slow": slow + 0.1})  # the copies themselves part: another mechanism
    assert copy_not_loaded("W", synced, apart, 5) is None
