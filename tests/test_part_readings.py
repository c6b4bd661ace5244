"""Readings of where two programs as written part in the forward pass, each measured on traced values: a vector
broadcast along the other axis, a loss's labels taken from another array, a target binarised on one side, a batch
statistic where the other side holds a constant, a mask filled with an ordinary number, columns reordered around a
mask's -1e9; each said on one case and silent on a near one."""

import numpy as np
import torch
import torch.nn.functional as F

from parity.diagnosis.agreements import carried
from parity.diagnosis.batch_statistics import statistic_for_constant
from parity.diagnosis.broadcasts import other_axis
from parity.diagnosis.called_again import _labels_otherwise
from parity.diagnosis.comparisons import masks_apart
from parity.diagnosis.rearranged import column_order
from parity.diagnosis.value_laws import law_between
from tests.test_trace_readings import values

RNG = np.random.default_rng(7)


def test_a_vector_added_as_a_row_on_one_side_and_a_column_on_the_other_is_read():
    bias = RNG.normal(size=5)
    as_row, as_column = np.broadcast_to(bias[None, :], (5, 5)), np.broadcast_to(bias[:, None], (5, 5))
    said = other_axis(as_row, as_column)
    assert "broadcast along other axes" in said and "(1, 5) row" in said and "(5, 1) column" in said, said
    assert other_axis(as_row, as_row) == ""  # the same orientation: nothing to say
    matrix = RNG.normal(size=(5, 5))
    assert other_axis(matrix, matrix.T) == ""  # a matrix transposed is no vector broadcast


def test_a_losss_labels_taken_from_another_array_are_read():
    logits, positions = torch.randn(6, 6, dtype=torch.float64), torch.arange(6)
    ids = np.array([2.0, 0.0, 5.0, 1.0, 1.0, 3.0])
    loss = F.cross_entropy(logits, torch.as_tensor(ids).long()).item()
    trace = values(("X", ids[:, None], (), ""), ("getitem", ids, (0,), ":, 0"), ("negative", np.array(loss), (1,), ""))
    arguments = {"input": logits, "target": positions, "reduction": "mean"}
    said = _labels_otherwise(F.cross_entropy, arguments, trace.values[2:], 1e-6, trace)
    assert "pick other target classes" in said and "[2, 0, 5, 1, 1, 3]" in said, said
    other = values(("X", ids[:, None], (), ""), ("getitem", ids, (0,), ":, 0"), ("negative", np.array(loss + 0.5), (1,), ""))
    assert _labels_otherwise(F.cross_entropy, arguments, other.values[2:], 1e-6, other) == ""  # no loss it gives


def test_the_ports_value_carried_through_a_zero_bias_and_not_through_an_activation():
    z = RNG.uniform(0.5, 1.0, size=(4, 3))
    port = values(("X", z, (), ""), ("add", z + 0.0, (0, "?"), ""), ("relu", z, (1,), ""), ("sub", z - 1, (2, 1.0), ""))
    assert carried(port.values[0], port, 1e-6).index == 1  # relu of positive numbers changes none, but it is an op
    assert carried(port.values[2], port, 1e-6).index == 2


def test_a_target_binarised_on_one_side_is_read_as_an_indicator():
    counts = np.array([[0.0, 2.0, 1.0], [3.0, 0.0, 0.0]])
    assert "binarised" in law_between(counts, (counts > 0).astype(float), 1e-6)
    assert "binarised" not in law_between(counts, counts / 3, 1e-6)


def test_a_batch_mean_where_the_other_side_holds_a_constant_is_read():
    y, b = np.array([[3.0], [4.0], [2.0], [5.0]]), RNG.normal(size=4)
    mine = values(("X", np.zeros((4, 2)), (), ""), ("y", y, (), ""), ("mean", np.array(y.mean()), (1,), ""),
                  ("getitem", b, ("?",), ""), ("add", y.mean() + b, (2, 3), ""))
    theirs = values(("X", np.zeros((4, 2)), (), ""), ("y", y, (), ""), ("getitem", b, ("?",), ""), ("add", b + 3.4, (2, 3.4), ""))
    agreed = {0: theirs.values[0], 1: theirs.values[1], 3: theirs.values[2]}
    said = statistic_for_constant(mine.values[2:], (mine, theirs), agreed, 1e-6)
    assert "computes from this batch's y" in said and "the constant 3.4" in said, said
    wrong = values(("X", np.zeros((4, 2)), (), ""), ("y", y, (), ""), ("getitem", b, ("?",), ""), ("add", b + 3.0, (2, 3.4), ""))
    assert statistic_for_constant(mine.values[2:], (mine, wrong), {0: wrong.values[0], 1: wrong.values[1], 3: wrong.values[2]},
                                  1e-6) == ""


def test_a_mask_filled_with_zero_on_one_side_is_read():
    scores = RNG.normal(size=(4, 3))
    hits = np.zeros((4, 3), bool)
    hits[[0, 2], [1, 0]] = True
    mine = values(("where", np.where(hits, 0.0, scores), (), ""))
    theirs = values(("masked_fill", np.where(hits, -1e9, scores), (), ""))
    said = masks_apart(mine.values, theirs.values)
    assert "sets to 0" in said and "no mask" in said and "2 entries" in said, said
    assert masks_apart(theirs.values, theirs.values) == ""


def test_columns_in_another_order_are_read_past_a_masks_large_negative_numbers():
    logits = RNG.normal(size=(6, 4))
    logits[[1, 4], [2, 3]] = -1e9
    mine = values(("setitem", logits, (), ""))
    theirs = values(("cat", np.concatenate([logits[:, 1:], logits[:, :1]], axis=1), (), ""))
    said = column_order(mine.values, theirs, 1e-6)
    assert "in another order" in said and "[3, 0, 1, 2]" in said, said
