"""The reported numbers: max abs, max rel, the worst element's index, the mismatch count, on arrays made by hand."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from parity.engine.compare import RunComparison, TensorSummary, compare
from parity.engine.measure import Pair, compare_many


def test_every_number_of_one_comparison():
    torch = np.array([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]])
    numpy = torch.copy()
    numpy[1, 0] += 0.5   # the largest absolute difference, not on the diagonal
    numpy[0, 2] += 0.3   # the largest relative one is 0.5 / 4 = 0.125 vs 0.3 / 3 = 0.1
    c = compare(numpy, torch, rtol=0.0, atol=0.2, dtype="float64")
    assert c.max_abs == pytest.approx(0.5)
    assert c.max_rel == pytest.approx(0.125)
    assert c.index == (1, 0)
    assert (c.numpy_value, c.torch_value) == (4.5, 4.0)
    assert c.mismatched == 2 and c.size == 6 and not c.passed


def test_the_worst_index_is_the_greatest_difference_in_a_non_square_array():
    torch = np.zeros((3, 5))
    numpy = torch.copy()
    numpy[2, 1] = 1.0       # flat index 11: unravelled with the wrong shape (5, 3) it would read (3, 2)
    numpy[0, 0] = 0.25      # the smallest non-zero difference, where argmin would not land either
    c = compare(numpy, torch, rtol=0.0, atol=0.0, dtype="float64")
    assert c.index == (2, 1) and c.max_abs == 1.0


def test_the_tolerance_boundary_itself_passes():
    torch = np.array([2.0])
    allowed = 0.25 + 0.5 * 2.0   # atol + rtol * |torch|, exactly representable
    assert compare(torch + allowed, torch, rtol=0.5, atol=0.25, dtype="float64").passed
    just_over = np.nextafter(torch + allowed, np.inf)  # one ulp past the boundary
    assert not compare(just_over, torch, rtol=0.5, atol=0.25, dtype="float64").passed


def test_the_relative_tolerance_is_taken_against_torch_the_reference():
    # |a - b| = 1: within rtol 0.5 of |b| = 2, not of |a| = 1 taken the other way round
    assert compare(np.array([1.0]), np.array([2.0]), rtol=0.5, atol=0.0, dtype="float64").passed
    assert not compare(np.array([2.0]), np.array([1.0]), rtol=0.5, atol=0.0, dtype="float64").passed


def test_nan_on_one_side_is_never_close_and_is_the_worst_element():
    c = compare(np.array([1.0, np.nan, 3.0]), np.array([1.0, 2.0, 30.0]), rtol=1.0, atol=100.0, dtype="float64")
    assert c.index == (1,) and c.max_abs == np.inf and c.mismatched == 1


def test_shape_and_dtype_disagreements_fail_outright():
    shape = compare(np.zeros((1, 3)), np.zeros(3), 1.0, 1.0, "float64")
    assert not shape.passed and shape.mismatched == 3 and "shape (1, 3)" in shape.problem
    dtype = compare(np.zeros(3, dtype=np.float64), np.zeros(3, dtype=np.float32), 1.0, 1.0, "float32")
    assert not dtype.passed and dtype.mismatched == 0 and "dtype float64 on the NumPy side" in dtype.problem


def test_a_run_summary_keeps_the_worst_step_and_counts_failing_steps():
    run = RunComparison(("w",), rtol=0.0, atol=0.1, dtype="float64")
    zero = np.zeros(4)
    for step, error in enumerate([0.05, 0.3, 0.2, 0.01], 1):
        run.add(step, {"w": zero + np.eye(4)[step - 1] * error}, {"w": zero})
    s: TensorSummary = run.tensors["w"]
    assert s.max_abs == pytest.approx(0.3) and s.worst_step == 2 and s.worst_index == (1,)
    assert s.failed_steps == 2 and s.first_failed_step == 2 and s.compared_steps == 4
    assert run.first_failure.step == 2 and run.first_failure.comparison.mismatched == 1


@settings(max_examples=200, deadline=None, derandomize=True)
@given(st.lists(st.tuples(st.floats(-10, 10), st.floats(-1e-3, 1e-3)), min_size=1, max_size=12),
       st.sampled_from([0.0, 1e-6, 1e-3]), st.sampled_from([0.0, 1e-7, 1e-4]))
def test_share_used_and_the_least_passing_tolerances_mean_what_they_say(pairs, rtol, atol):
    b = np.array([value for value, _ in pairs])
    a = b + np.array([error for _, error in pairs])
    c = compare(a, b, rtol, atol, "float64")
    assert c.passed == (c.used <= 1.0) or abs(c.used - 1.0) < 1e-9
    assert compare(a, b, rtol, c.min_atol * (1 + 1e-9) + 1e-300, "float64").passed
    if c.min_atol > 1e-12:
        assert not compare(a, b, rtol, c.min_atol * 0.99, "float64").passed
    if np.isfinite(c.min_rtol):
        assert compare(a, b, c.min_rtol * (1 + 1e-9) + 1e-300, atol, "float64").passed


def test_the_worst_step_keeps_a_histogram_of_its_errors_by_decade():
    comparison = RunComparison(("W1",), 0.0, 1e-3, "float64")
    comparison.add(1, {"W1": np.array([1.0, 1.0, 1.0])}, {"W1": np.array([1.0, 1.0 + 3e-6, 1.0 + 2e-4])})
    comparison.add(2, {"W1": np.array([1.0, 1.0, 1.0])}, {"W1": np.array([1.0, 1.0, 1.0 + 1e-6])})
    summary = comparison.tensors["W1"]
    assert summary.worst_step == 1 and summary.histogram == {"0": 1, "1e-06": 1, "1e-04": 1}
    assert 0.19 < summary.used < 0.21  # 2e-4 of an atol of 1e-3


@settings(max_examples=100, deadline=None, derandomize=True)
@given(st.lists(st.tuples(st.integers(0, 6), st.integers(1, 3)), min_size=1, max_size=6), st.integers(0, 2**31),
       st.sampled_from(["float32", "float64"]), st.booleans())
def test_tensors_measured_together_report_exactly_what_each_measured_alone_does(shapes, seed, dtype, special):
    from parity.engine.measure import Pair, compare_many

    rng = np.random.default_rng(seed)
    pairs = []
    for rows, columns in shapes:
        b = rng.standard_normal((rows, columns)).astype(dtype)
        a = (b + rng.standard_normal(b.shape) * 1e-6).astype(dtype)
        if special and a.size:
            a.flat[0] = rng.choice([np.nan, np.inf, 0.0])
        pairs.append(Pair(a, b, -1.0))
    together = compare_many(pairs, 1.3e-6, 1e-7, dtype)
    alone = [compare(p.numpy_value, p.torch_value, 1.3e-6, 1e-7, dtype, p.histogram_above) for p in pairs]
    assert [repr(c) for c in together] == [repr(c) for c in alone]


def test_an_infinite_torch_value_allows_nothing():
    # rtol · Inf would make the allowance Inf - Inf = NaN, which no comparison counts as off
    for numpy, torch in (([np.inf, 1.0], [np.inf, 1.0]), ([np.nan, 1.0], [np.inf, 1.0]), ([-np.inf, 1.0], [np.inf, 1.0])):
        c = compare(np.array(numpy), np.array(torch), rtol=1e-5, atol=1e-8, dtype="float64")
        assert not c.passed and c.mismatched == 1 and c.used == float("inf"), (numpy, torch)


@settings(max_examples=80, deadline=None, derandomize=True)
@given(st.integers(200, 2000), st.integers(0, 2**31), st.sampled_from(["float32", "float64"]),
       st.sampled_from([None, "far", "tie", "nan", "inf", "widened"]), st.sampled_from([None, -1.0, 1e9]))
def test_a_large_tensor_measured_block_by_block_reports_exactly_what_it_does_whole(size, seed, dtype, special, above):
    """Blocks of 64 elements here stand for the 65,536 a tensor larger than the caches is measured in, and 16
    elements for the size above which a tensor is measured alone."""
    from parity.engine import measure

    rng = np.random.default_rng(seed)
    b = (rng.standard_normal(size) * 10.0 ** rng.integers(-3, 3)).astype(dtype)
    a = (b + rng.standard_normal(size) * 10.0 ** rng.integers(-9, -3)).astype(dtype)
    where = rng.integers(size, size=2)
    if special == "far":
        a[where[0]] += 1.0
    elif special == "tie":  # the first of two equal worst elements, in different blocks, is the one reported
        a[where] = b[where] + 2.0
    elif special in ("nan", "inf"):  # a difference that is not finite: judged whole
        a[where[0]] = np.nan if special == "nan" else np.inf
    elif special == "widened":
        a = a.astype(np.float64 if dtype == "float32" else np.float32)
    pairs = [Pair(np.zeros(3, dtype), np.zeros(3, dtype)),
             Pair(a, b.reshape(-1, 8) if size % 8 == 0 else b, above)]
    pairs[1] = pairs[1]._replace(numpy_value=a.reshape(pairs[1].torch_value.shape))
    rtol, atol = [(1.3e-6, 1e-5), (0.0, 0.0), (1e-3, 1e-3)][seed % 3]
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(measure, "SMALL", 16)  # measured alone, as a large tensor is
        whole = compare_many(pairs, rtol, atol, dtype)
        patch.setattr(measure, "BLOCK", 64)
        patch.setattr(measure, "BLOCKED_ABOVE", 128)
        blocked = compare_many(pairs, rtol, atol, dtype)
    assert [repr(c) for c in blocked] == [repr(c) for c in whole]


def test_a_referenced_step_whose_error_ratio_underflowed_to_zero_is_kept_not_divided_by():
    from parity.engine.comparison import Comparison
    summary = TensorSummary()
    judged = dict(index=(0,), numpy_value=0.0, torch_value=0.0, mismatched=0, size=1, float64_gap=0.0)
    summary.add(1, Comparison(0.0, 0.0, precision=2.0, **judged))
    summary.add(2, Comparison(0.0, 0.0, precision=0.0, **judged))  # a sparse autoencoder's NumPy error 0 over a large one
    assert summary.precision == 0.0
