"""A gradient the NumPy program sums term by term in one step, of which the port keeps only the last terms."""

import numpy as np

from parity.diagnosis.accumulated_terms import terms_kept
from tests.test_trace_readings import values

RNG = np.random.default_rng(4)
TERMS = [RNG.normal(size=(3, 2)) for _ in range(4)]  # four micro-batches' gradients


def _summed():
    steps, total = [("zeros_like", np.zeros((3, 2)), (), "")], np.zeros((3, 2))
    for k, term in enumerate(TERMS):
        total = total + term
        steps.append(("add (in place)", total, (k, "?"), ""))
    return values(*steps)


def test_a_port_gradient_that_is_the_last_terms_alone_is_said_with_how_many():
    said = terms_kept(_summed(), 0.25 * TERMS[-1])  # a loss scale over the micro-batches, the last one kept
    assert "the last of the 4 terms" in said and "zero_grad() inside the accumulation loop" in said, said
    assert "the last 2 of the 4 terms" in terms_kept(_summed(), (TERMS[-2] + TERMS[-1]).T)  # in the port's layout


def test_the_whole_sum_or_another_gradient_says_nothing():
    assert terms_kept(_summed(), 0.5 * sum(TERMS)) == ""  # every term kept, scaled (a clipping)
    assert terms_kept(_summed(), TERMS[0]) == ""  # the first alone is no accumulation reset
    assert terms_kept(_summed(), RNG.normal(size=(3, 2))) == ""


def test_gradients_never_zeroed_are_read_through_a_clip_by_value_on_their_sum():
    """.grad = clip(g_prev + g_now, ±5): the clip bites on a few entries, the rest are the sum; a sum scaled by
    some other factor, or one step's gradient alone, is not read so."""
    from types import SimpleNamespace

    from parity.diagnosis.accumulated_terms import summed_over_steps
    rng = np.random.default_rng(41)
    before, now = {"W.grad": 3 * rng.normal(size=(6, 4))}, {"W.grad": 3 * rng.normal(size=(6, 4))}
    kept = {"W.grad": np.clip(before["W.grad"] + now["W.grad"], -5, 5)}
    context = SimpleNamespace(torch_record=kept, numpy_record=now, numpy_previous=before)
    assert np.abs(before["W.grad"] + now["W.grad"]).max() > 5 and summed_over_steps(context, "torch", ["W"]) == 1.0
    context.torch_record = {"W.grad": np.clip(now["W.grad"], -5, 5)}
    assert summed_over_steps(context, "torch", ["W"]) is None
