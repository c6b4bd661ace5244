"""A shared value renormalised to sum to 1 over an axis on one side only (top-k gate weights after the choice)."""

import numpy as np

from parity.diagnosis.renormalised import renormalised
from tests.test_trace_readings import values


def test_weights_renormalised_on_one_side_only_are_said_with_the_side_and_the_axis():
    chosen = np.random.default_rng(0).random((6, 4)) * (np.arange(4) < 2)
    normed = chosen / chosen.sum(axis=1, keepdims=True)
    mine = values(("X", chosen, (), ""), ("divide", normed, (0,), ""))
    port = values(("X", chosen, (), ""), ("einsum", chosen @ np.ones((4, 3)), (0,), ""))
    said = renormalised(mine.values[1:], mine.values[0], port.values[0], port, 1e-6)
    assert said.startswith("The NumPy program divides") and "over axis 1" in said, said
    both = values(("X", chosen, (), ""), ("div", normed, (0,), ""))
    assert renormalised(mine.values[1:], mine.values[0], both.values[0], both, 1e-6) == ""
    rows_of_one = normed  # already summing to 1: a division by its sums changes nothing
    again = values(("X", rows_of_one, (), ""), ("divide", rows_of_one / rows_of_one.sum(axis=1, keepdims=True), (0,), ""))
    assert "axis 1" not in renormalised(again.values[1:], again.values[0], port.values[0], port, 1e-6)
