"""The values each side makes past the point where the forward passes part, read entry by entry: axes exchanged,
zeros on one side only, a per-row shift or factor. Each reading fires on its pattern and stays silent on two values
that are different quantities of one shape (a stable softmax's z - max against z, exp(z) against its softmax)."""

import numpy as np

from parity.diagnosis.counterparts import counterpart_apart
from parity.diagnosis.value_trace import Trace, Value

TOLERANCE = 1e-6


def _read(mine: np.ndarray, theirs: np.ndarray, *held: np.ndarray) -> str:
    trace = Trace()
    trace.values = [Value(k, "held", array, ()) for k, array in enumerate(held)]
    numpy_value = Value(len(held), "divide", mine, ())
    trace.values.append(numpy_value)
    return counterpart_apart([numpy_value], [Value(0, "softmax", theirs, ())], trace, TOLERANCE)


def _softmax(z: np.ndarray) -> np.ndarray:
    e = np.exp(z - z.max(axis=1, keepdims=True))
    return e / e.sum(axis=1, keepdims=True)


def test_the_same_entries_with_two_axes_exchanged_are_read_as_a_layout():
    values = np.random.default_rng(0).normal(size=(6, 3, 4))
    said = _read(values.transpose(0, 2, 1).copy().reshape(6, 3, 4), values.reshape(6, 3, 4))
    assert "in another order" in said, said
    square = np.random.default_rng(1).normal(size=(6, 3, 3))
    assert "axes 1, 2 exchanged" in _read(square.transpose(0, 2, 1), square)


def test_zeros_on_one_side_only_are_read_where_the_other_rows_agree():
    z = np.random.default_rng(2).normal(size=(8, 5))
    mask = np.ones((8, 5))
    mask[:4, 3:] = 0
    numpy_weights = _softmax(np.where(mask == 1, z, -np.inf))
    port_weights = _softmax(np.where(mask == 1, z, 0.0))  # masked_fill with 0: padding still weighed
    said = _read(numpy_weights, port_weights)
    assert "is 0 on 8 of 40 entries" in said and "masked_fill with 0" in said, said
    shifted = z - z.max(axis=1, keepdims=True)  # one 0 on every row: no row agrees, no mask
    assert _read(shifted, z) == ""


def test_rows_normalised_over_other_entries_and_a_log_of_a_count_are_read_per_row():
    z = np.random.default_rng(3).normal(size=(8, 5))
    mask = np.ones((8, 5))
    mask[:4, 3:] = 0
    e = np.exp(z - z.max(axis=1, keepdims=True))
    numpy_weights = e * mask / e.sum(axis=1, keepdims=True)  # normalised over the padding too
    port_weights = _softmax(np.where(mask == 1, z, -np.inf))
    said = _read(numpy_weights, port_weights)
    assert "times one number per row" in said and "the port's rows sum to 1" in said, said
    assert _read(e, _softmax(z)) == ""  # exp(z) against its softmax: no row the same
    pooled = np.random.default_rng(4).normal(size=(8, 6))
    counts = mask.sum(axis=1)
    said = _read(pooled + 0.4 * np.log(counts)[:, None], pooled, mask)
    assert "0.4·log of each row's count" in said, said


def test_values_laid_out_otherwise_from_the_shared_start_on_are_no_axes_exchanged_by_a_slip():
    """A NumPy program channels-last throughout against a channels-first port: its square maps hold the port's
    entries with two axes exchanged because the programs lay them out so from the start, not by a slip."""
    maps = np.random.default_rng(6).normal(size=(5, 4, 4))
    x = np.random.default_rng(7).normal(size=(5, 3, 6))
    start = (Value(0, "transpose", x.transpose(0, 2, 1), (0,)), Value(0, "X", x, ()))
    mine, theirs = Value(1, "matmul", maps.transpose(0, 2, 1).copy(), ()), Value(1, "conv1d", maps, ())
    assert "exchanged" in counterpart_apart([mine], [theirs], Trace(), TOLERANCE)
    assert counterpart_apart([mine], [theirs], Trace(), TOLERANCE, start) == ""


def test_the_same_rows_in_another_order_are_read_as_halves_interleaved_or_in_blocks():
    views = np.random.default_rng(8).normal(size=(12, 5))
    interleaved = np.stack([views[:6], views[6:]], axis=1).reshape(12, 5)  # a0, b0, a1, b1, ...
    said = _read(views, interleaved)
    assert "rows in another order" in said and "the port interleaves them" in said, said
    assert "the NumPy program interleaves them" in _read(interleaved, views)
    shuffled = views[np.random.default_rng(9).permutation(12)]
    assert "rows in another order" in _read(views, shuffled)
    assert _read(views, views + 1.0) == ""  # other numbers, not other rows


def test_values_of_unit_norm_over_other_axes_are_read_as_a_normalisation_over_another_axis():
    z = np.random.default_rng(10).normal(size=(8, 4))
    rows = z / np.linalg.norm(z, axis=1, keepdims=True)
    said = _read(rows, z / np.linalg.norm(z))
    assert "unit L2 norm over each row" in said and "over the whole array" in said, said
    assert "unit L2 norm" not in _read(rows, rows * 1.5)  # one side normalised only: no axis to compare


def test_entries_left_out_with_minus_infinity_on_one_side_and_kept_as_zero_on_the_other_are_read():
    scores = np.random.default_rng(11).normal(size=(6, 6))
    masked = scores.copy()
    np.fill_diagonal(masked, -np.inf)
    kept = scores * (1 - np.eye(6))  # a product with the mask: the diagonal 0, still in the softmax
    said = _read(masked, kept)
    assert "is -inf on 6 of 36 entries" in said and "holds 0" in said, said
    assert "-inf" not in _read(masked, scores + 0.5 * np.eye(6))  # the diagonal holding the data's own numbers


def test_a_value_that_is_the_diagonal_of_the_ports_square_is_read_as_an_index_pairing_every_row_with_every_label():
    table = np.random.default_rng(7).normal(size=(8, 5))
    labels = np.random.default_rng(8).integers(0, 5, size=8)
    said = _read(table[np.arange(8), labels], table[:, labels])
    assert "is the diagonal of the port's" in said and "x[:, idx]" in said, said
    assert _read(table[np.arange(8), labels], table[:, labels] + 1.0) == ""  # no diagonal of it: nothing said


def test_a_port_view_into_the_numpy_programs_layout_where_a_transpose_was_meant_is_read():
    from parity.diagnosis.reshaped_operands import viewed_for_transpose
    port = np.random.default_rng(9).normal(size=(4, 6, 5))  # (n, C, L)
    frontier = Value(0, "add", port.transpose(0, 2, 1).copy(), ())  # the NumPy program's (n, L, C)
    twin = Value(0, "conv1d", port, ())
    viewed = Value(1, "reshape", port.reshape(4, 5, 6), (0,))
    said = viewed_for_transpose([viewed], frontier, twin)
    assert "a reshape where a transpose or permute was meant (x.permute(0, 2, 1))" in said, said
    permuted = Value(1, "permute", port.transpose(0, 2, 1).copy(), (0,))
    assert viewed_for_transpose([permuted], frontier, twin) == ""  # the port transposes: nothing to say


def test_a_parameters_new_value_is_the_equal_value_the_step_does_not_use_again():
    from parity.diagnosis.agreements import new_value
    from tests.test_trace_readings import values as traced
    step = np.full(3, -0.02)  # Adam's first steps are all ±lr: another bias's step term equals this bias's new value
    trace = traced(("X", np.zeros(3), (), ""), ("subtract (in place)", step, (0,), ""), ("divide", step, (0,), ""),
                   ("subtract (in place)", 0.1 - step, (2,), ""))
    assert new_value(trace, step).index == 1  # not the later term the next update uses


def test_a_value_weighted_per_label_on_one_side_only_is_read_with_each_labels_weight():
    from parity.diagnosis.counterparts import weighted_by_label
    from tests.test_trace_readings import values as traced
    rng = np.random.default_rng(12)
    pos = (rng.uniform(size=10) < 0.4).astype(float)
    pos[:2] = [0.0, 1.0]
    term = rng.uniform(0.1, 1.0, size=10)
    mine = traced(("y", pos, (), ""), ("getitem", pos, (0,), ""), ("term", term, (), ""),
                  ("multiply", (0.25 * pos + 0.75 * (1 - pos)) * term, (1, 2), ""))
    theirs = [Value(0, "pow", term, ())]
    said = weighted_by_label(mine.values[3:], theirs, mine, 1e-9)
    assert "times 0.25 where its [getitem (10,)] (made from y) is 1 and 0.75 where it is 0" in said, said
    mine.values[3].array = 0.25 * term * rng.uniform(0.9, 1.1, size=10)  # no weight per label: nothing said
    assert weighted_by_label(mine.values[3:], theirs, mine, 1e-9) == ""


def test_a_product_with_the_labels_is_no_weight_per_label():
    from parity.diagnosis.counterparts import weighted_by_label
    from tests.test_trace_readings import values as traced
    rng = np.random.default_rng(13)
    pos = (rng.uniform(size=10) < 0.5).astype(float)
    pos[:2] = [0.0, 1.0]
    z = rng.normal(size=10)
    mine = traced(("y", pos, (), ""), ("astype", pos, (0,), ""), ("z", z, (), ""), ("multiply", 2.0 * pos * z, (1, 2), ""))
    assert weighted_by_label(mine.values[3:], [Value(0, "linear", z, ())], mine, 1e-9) == ""  # y·z: a target's term
