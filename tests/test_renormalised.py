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
    pairs = np.array([[0.5, 1.5], [1.2, 0.8], [2.5, -0.5]])  # every row sums to 2: x / 2 is a scale, no renormalisation
    halved = values(("X", pairs, (), ""), ("multiply", 0.5 * pairs, (0,), ""))
    assert renormalised(halved.values[1:], halved.values[0], port.values[0], port, 1e-6) == ""
    column = values(("X", chosen[:, :1], (), ""), ("divide", np.ones((6, 1)), (0,), ""))  # x / x along an axis of one
    assert renormalised(column.values[1:], column.values[0], port.values[0], port, 1e-6) == ""


def test_a_softmax_on_the_other_side_is_a_function_apart_not_a_renormalisation_left_out():
    grades = np.random.default_rng(1).integers(0, 3, size=(6, 4)).astype(float) + 0.5
    port = values(("y", grades, (), ""), ("div", grades / grades.sum(axis=1, keepdims=True), (0,), ""))
    e = np.exp(grades)
    mine = values(("y", grades, (), ""), ("exp", e, (0,), ""), ("divide", e / e.sum(axis=1, keepdims=True), (1,), ""))
    assert renormalised(mine.values[1:], mine.values[0], port.values[0], port, 1e-6) == ""


def test_a_renormalisation_over_another_axis_on_each_side_is_said_as_such_not_as_left_out():
    kernels = np.random.default_rng(1).random((6, 4)) + 0.1
    mine = values(("X", kernels, (), ""), ("divide", kernels / kernels.sum(axis=1, keepdims=True), (0,), ""))
    port = values(("X", kernels, (), ""), ("div", kernels / kernels.sum(axis=0, keepdims=True), (0,), ""))
    said = renormalised(mine.values[1:], mine.values[0], port.values[0], port, 1e-6)
    assert "The port divides X (6, 4) by its sum over axis 0, the NumPy program by its sum over axis 1" in said, said
    assert "left out" not in said, said
