"""A NumPy backward value that is a port gradient times one number per row (a mean over each row's own count whose
1/n the backward leaves out), and the count read from a value either program holds."""

import numpy as np

from parity.diagnosis.missing_terms import gradient_name
from parity.diagnosis.row_factors import row_factor
from tests.test_trace_readings import values

RNG = np.random.default_rng(3)


def test_a_per_row_count_left_out_of_a_means_backward_is_read_with_the_count():
    counts = np.array([4.0, 5.0, 6.0, 7.0, 8.0])
    mask = (np.arange(9)[None, :] < counts[:, None]).astype(float)[:, :, None]
    g = RNG.normal(size=(5, 1, 3)) * mask / counts[:, None, None]
    port = values(("X", RNG.normal(size=(5, 9, 3)), (), ""), ("sum", counts[:, None], (0,), ""), ("grad", g, (0,), ""))
    mine = values(("X", RNG.normal(size=(5, 9, 3)), (), ""), ("multiply", g * counts[:, None, None], (0,), ""))
    said = row_factor(mine.values[1], mine, port, lambda v: gradient_name(v, port))
    assert "one number per row" in said and "4, 5, 6, 7, 8" in said and "the port's [sum (5, 1)]" in said, said
    same = values(("X", RNG.normal(size=(5, 9, 3)), (), ""), ("multiply", g * 3.0, (0,), ""))  # one number for all rows
    assert row_factor(same.values[1], same, port, lambda v: gradient_name(v, port)) == ""
    noisy = values(("X", RNG.normal(size=(5, 9, 3)), (), ""), ("multiply", g * RNG.uniform(1, 2, size=g.shape), (0,), ""))
    assert row_factor(noisy.values[1], noisy, port, lambda v: gradient_name(v, port)) == ""


def test_numbers_per_row_of_a_value_that_is_not_the_batchs_or_that_no_count_holds_say_nothing():
    counts = np.array([4.0, 5.0, 6.0, 7.0, 8.0])
    g = RNG.normal(size=(5, 3))
    port = values(("X", RNG.normal(size=(5, 2)), (), ""), ("grad", g, (0,), ""))  # no value holds the counts
    mine = values(("X", RNG.normal(size=(5, 2)), (), ""), ("multiply", g * counts[:, None], (0,), ""))
    assert row_factor(mine.values[1], mine, port, lambda v: gradient_name(v, port)) == ""
    wide = values(("X", RNG.normal(size=(7, 2)), (), ""), ("multiply", g * counts[:, None], (0,), ""))  # 5 rows, a batch of 7
    held = values(("X", RNG.normal(size=(7, 2)), (), ""), ("sum", counts[:, None], (0,), ""), ("grad", g, (0,), ""))
    assert row_factor(wide.values[1], wide, held, lambda v: gradient_name(v, held)) == ""


def test_numbers_per_row_that_are_no_counts_are_a_deltas_not_a_means():
    """A product of a per-row delta and a row vector is one number per row of any value: not a count."""
    delta = RNG.normal(size=(5, 1))
    g = RNG.normal(size=(5, 3))
    port = values(("X", RNG.normal(size=(5, 2)), (), ""), ("grad", g, (0,), ""))
    mine = values(("X", RNG.normal(size=(5, 2)), (), ""), ("divide", delta, (0,), ""), ("matmul", g * delta, (1, "?"), ""))
    assert row_factor(mine.values[2], mine, port, lambda v: gradient_name(v, port)) == ""
