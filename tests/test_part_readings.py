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
from parity.diagnosis.loss_arguments import labels_otherwise
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
    said = labels_otherwise(F.cross_entropy, arguments, trace.values[2:], 1e-6, trace)
    assert "pick other target classes" in said and "[2, 0, 5, 1, 1, 3]" in said, said
    other = values(("X", ids[:, None], (), ""), ("getitem", ids, (0,), ":, 0"), ("negative", np.array(loss + 0.5), (1,), ""))
    assert labels_otherwise(F.cross_entropy, arguments, other.values[2:], 1e-6, other) == ""  # no loss it gives


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


def test_a_tensor_methods_softmax_is_called_again_on_another_axis():
    from parity.diagnosis.called_again import _recalled
    scores = torch.randn(4, 5, 1, dtype=torch.float64)
    per_set = torch.softmax(scores, dim=1).squeeze(-1).numpy()
    port = values(("softmax", np.ones((4, 5, 1)), (), ""))
    port.called[0] = (torch.Tensor.softmax, (scores, -1), {})
    mine = values(("divide", per_set, (), ""))
    said = _recalled(port.values, port.called, mine.values, 1e-6, ())
    assert "with dim=1" in said and "softmax" in said, said
    assert _recalled(port.values, port.called, values(("divide", per_set + 1, (), "")).values, 1e-6, ()) == ""


def test_a_pad_given_right_for_left_and_a_pool_of_the_other_kind_are_read():
    from parity.diagnosis.called_again import _recalled
    x = torch.randn(2, 3, 6, dtype=torch.float64)
    port = values(("pad", np.ones((2, 3, 8)), (), ""), ("adaptive_max_pool1d", np.ones((2, 3, 1)), (), ""))
    port.called[0] = (F.pad, (x, (0, 2)), {})
    port.called[1] = (F.adaptive_max_pool1d, (x, 1), {})
    said = _recalled(port.values[:1], port.called, values(("pad", F.pad(x, (2, 0)).numpy(), (), "")).values, 1e-6, ())
    assert "pad=(2, 0)" in said and "(left, right)" in said, said
    said = _recalled(port.values[1:], port.called, values(("mean", x.mean(-1).numpy(), (), "")).values, 1e-6, ())
    assert "adaptive_avg_pool1d" in said and "average pooling where the port takes max pooling" in said, said
    assert _recalled(port.values[1:], port.called, values(("mean", x.sum(-1).numpy(), (), "")).values, 1e-6, ()) == ""


def test_a_residual_added_inside_the_activation_and_a_relu_after_the_pool_are_read_as_orders():
    from parity.diagnosis.op_pairs import op_order
    z, skip = RNG.normal(size=(2, 3, 4)), RNG.normal(size=(2, 3, 4))
    mine = values(("add", z, (), ""), ("tanh", np.tanh(z), (0,), ""), ("add (in place)", np.tanh(z) + skip, ("?", 1), ""))
    port = values(("tanh", skip, (), ""), ("conv1d", z, (0,), ""), ("add", z + skip, (1, 0), ""), ("tanh", np.tanh(z + skip), (2,), ""))
    said = op_order(mine.values[1:], port.values[2:], (mine, port), 1e-6)
    assert "other order" in said and "residual (skip) branch" in said and "inside the tanh" in said, said
    noise = values(("randn", skip, (), ""), ("conv1d", z, (), ""), ("add", z + skip, (1, 0), ""), ("tanh", np.tanh(z + skip), (2,), ""))
    said = op_order(mine.values[1:], noise.values[2:], (mine, noise), 1e-6)  # a term made apart from x: no skip branch
    assert "other order" in said and "outside it (after the tanh)" in said and "residual" not in said, said
    other = values(("add", z, (), ""), ("tanh", np.tanh(z), (0,), ""), ("add (in place)", np.tanh(z) + 2 * skip, ("?", 1), ""))
    assert op_order(other.values[1:], port.values[2:], (other, port), 1e-6) == ""  # another branch added: no order
    relu_first = values(("add", z, (), ""), ("maximum", np.maximum(z, 0), (0, 0.0), ""),
                        ("mean", np.maximum(z, 0).mean(1), (1,), "axis=1"))
    pool_first = values(("conv1d", z.transpose(0, 2, 1), (), ""), ("mean", z.mean(1), (0, 2.0), "2, dim=2"),
                        ("relu", np.maximum(z.mean(1), 0), (1,), ""))
    said = op_order(relu_first.values[1:], pool_first.values[1:], (relu_first, pool_first), 1e-6)
    assert "ReLU and mean there, in the other order" in said, said


def test_a_reduction_over_another_axis_of_a_three_axis_value_is_read():
    from parity.diagnosis.reduction_axes import axes_of
    clouds = RNG.normal(size=(4, 6, 3))
    mine = values(("X", clouds, (), ""), ("mean", clouds.mean(1, keepdims=True), (0,), "axis=1, keepdims=True"))
    port = values(("X", clouds, (), ""), ("mean", clouds.mean(0, keepdims=True), (0,), "0, dim=0, keepdim=True"))
    said = axes_of(mine.values[1:], port.values[1:], mine.values[0])
    assert "axis 1 (of size 6)" in said and "axis 0 (of size 4)" in said, said
    same = values(("X", clouds, (), ""), ("mean", clouds.mean(1, keepdims=True), (0,), "1, dim=1, keepdim=True"))
    assert axes_of(mine.values[1:], same.values[1:], mine.values[0]) == ""


def test_a_mean_over_the_padded_slots_against_a_masked_mean_is_read_as_counts():
    from parity.diagnosis.mean_counts import row_counts
    features, mask = RNG.normal(size=(4, 5, 3)), np.array([[1, 1, 0, 0, 0], [1, 1, 1, 1, 1], [1, 1, 1, 0, 0], [1, 0, 0, 0, 0]], float)
    sums, counts = (features * mask[..., None]).sum(1), mask.sum(1, keepdims=True)
    mine = values(("add.reduce", counts, (), "axis=1, keepdims=True"), ("divide", sums / counts, ("?", 0), ""))
    port = values(("mul", features * mask[..., None], (), ""), ("mean", sums / 5, (0,), "1, dim=1"))
    said = row_counts(mine.values[1:], mine, port)
    assert "its own count ([1, 2, 3, 5]" in said and "all 5" in said, said
    other = values(("mul", features * mask[..., None], (), ""), ("mean", sums / 4, (0,), "1, dim=1"))
    assert row_counts(mine.values[1:], mine, other) == ""  # not the same sums over any count


def test_a_mask_one_side_multiplies_in_and_the_other_leaves_out_is_read_with_its_pattern():
    from parity.diagnosis.forward_factors import op_left_out
    pairs = RNG.normal(size=(3, 4, 4, 2))
    off_diagonal = (1 - np.eye(4))[None, :, :, None]
    mine = values(("maximum", pairs, (), ""), ("multiply", pairs * off_diagonal, (0, "?"), ""),
                  ("add.reduce", (pairs * off_diagonal).sum((1, 2)), (1,), "axis=(1, 2)"))
    port = values(("relu", pairs, (), ""), ("sum", pairs.sum((1, 2)), (0,), "1, 2, dim=(1, 2)"))
    said = op_left_out(mine.values[1:], mine.values[0], mine, port, 1e-6)
    assert "the pairs i == j of axes 1 and 2" in said and "[sum (3, 2)]" in said, said
    halved = values(("relu", pairs, (), ""), ("sum", pairs.sum((1, 2)) / 2, (0,), ""))
    assert op_left_out(mine.values[1:], mine.values[0], mine, halved, 1e-6) == ""


def test_a_slice_of_a_points_features_one_place_along_is_read():
    from parity.diagnosis.columns_read import columns_read
    X = RNG.normal(size=(4, 5, 3))
    mine = values(("X", X, (), ""), ("getitem", X[..., 0], (0,), ""), ("getitem", X[..., 1:], (0,), ""))
    port = values(("X", X, (), ""), ("getitem", X[..., 0], (0,), ""), ("getitem", X[..., :2], (0,), ""))
    said = columns_read(mine, port, mine.values[0], port.values[0])
    assert "columns 1, 2 where the port slices columns 0, 1" in said, said
    assert columns_read(mine, mine, mine.values[0], mine.values[0]) == ""


def test_a_masks_large_negative_numbers_set_no_scale_for_agreement():
    from parity.diagnosis.value_trace import agrees
    scores = RNG.normal(size=(4, 5))
    masked = np.where(np.eye(4, 5, dtype=bool), -1e9, scores)
    assert agrees(masked, masked.copy(), 1e-6)
    assert not agrees(np.where(np.eye(4, 5, dtype=bool), -1e9, scores + 0.5), masked, 1e-6)


def test_a_max_pools_gradient_sent_to_every_element_and_a_means_without_its_count_are_read():
    from parity.diagnosis.pool_backward import pool_backward
    x = RNG.normal(size=(3, 4, 5))
    top = x.max(1, keepdims=True)
    d_top = RNG.normal(size=(3, 1, 5))
    routed = np.where(x == top, d_top, 0.0)
    port = values(("relu", x, (), ""), ("max", top, (0,), "1, dim=1, keepdim=True"),
                           ("grad", d_top, (1,), ""), ("grad", routed, (0,), ""))
    spread = values(("repeat", np.repeat(d_top, 4, axis=1), (), "4, axis=1"))
    said = pool_backward(spread.values[0], port.values[2], port, 1e-6)
    assert "kept at 15 of its 60 entries" in said and "argmax only" in said, said
    assert pool_backward(values(("where", routed, (), "")).values[0], port.values[2], port, 1e-6) == ""  # right
    mean = x.mean(1, keepdims=True)
    port = values(("relu", x, (), ""), ("mean", mean, (0,), "1, dim=1, keepdim=True"),
                           ("grad", d_top, (1,), ""), ("grad", np.repeat(d_top, 4, axis=1) / 4, (0,), ""))
    said = pool_backward(spread.values[0], port.values[2], port, 1e-6)
    assert "4 times the gradient the port's mean sends" in said and "without the 1/4" in said, said


def test_a_means_gradient_spread_in_two_steps_without_its_count_is_read_on_the_last():
    """np.repeat along one axis, then the other: the first departing value has another shape than the pooling's input,
    the one made from it is 4 times the port's gradient there."""
    from parity.diagnosis.pool_backward import pool_backward, spread_backward
    x, d_pooled = RNG.normal(size=(2, 3, 4, 4)), RNG.normal(size=(2, 3, 2, 2))
    at_input = np.repeat(np.repeat(d_pooled, 2, axis=2), 2, axis=3) / 4
    port = values(("relu", x, (), ""), ("avg_pool2d", x.reshape(2, 3, 2, 2, 2, 2).mean((3, 5)), (0,), "2"),
                  ("grad", d_pooled, (1,), ""), ("grad", at_input, (0,), ""))
    rows = np.repeat(d_pooled, 2, axis=2)
    for scale, said in ((1.0, "without the 1/4"), (0.25, "")):
        mine = values(("grad", d_pooled, (), ""), ("repeat", rows, (0,), "2, axis=2"),
                      ("repeat", scale * np.repeat(rows, 2, axis=3), (1,), "2, axis=3"))
        assert pool_backward(mine.values[1], port.values[2], port, 1e-6) == ""  # the first alone: another shape
        found = spread_backward(mine.values[1], port.values[2], mine, port, 1e-6)
        assert (said in found and "4 times the gradient the port's avg_pool2d sends" in found) if said else found == "", found


def test_a_pooled_gradient_without_its_count_is_read_against_the_poolings_own_path_beside_a_skip():
    """The pooling's input feeds a skip connection too: the port's gradient there is the skip's term plus the pooling's;
    the NumPy program's spread, 4 times the pooling's own backward (torch's, called again), is read as the 1/4 left out."""
    import torch

    from parity.diagnosis.pool_backward import pool_backward
    x, d_pooled, skip = RNG.normal(size=(2, 3, 4, 4)), RNG.normal(size=(2, 3, 2, 2)), RNG.normal(size=(2, 3, 4, 4))
    spread = np.repeat(np.repeat(d_pooled, 2, axis=2), 2, axis=3)
    port = values(("relu", x, (), ""), ("avg_pool2d", x.reshape(2, 3, 2, 2, 2, 2).mean((3, 5)), (0,), "2"),
                  ("grad", d_pooled, (1,), ""), ("grad", skip + spread / 4, (0,), ""))
    port.called[1] = (torch.nn.functional.avg_pool2d, (torch.tensor(x), 2), {})
    mine = values(("repeat", spread, (), ""))
    said = pool_backward(mine.values[0], port.values[2], port, 1e-6)
    assert "4 times the gradient the port's avg_pool2d sends [relu (2, 3, 4, 4)]" in said and "without the 1/4" in said, said
    assert pool_backward(values(("repeat", spread / 4, (), "")).values[0], port.values[2], port, 1e-6) == ""


def test_a_relus_derivative_taken_at_another_layers_value_is_read():
    from parity.diagnosis.local_derivatives import derivative_elsewhere
    z1, z2, dh1 = RNG.normal(size=(6, 4)), RNG.normal(size=(6, 4)), RNG.normal(size=(6, 4))
    port = values(("linear", z1, (), ""), ("relu", np.maximum(z1, 0), (0,), ""), ("linear", z2, (), ""),
                           ("relu", np.maximum(z2, 0), (2,), ""), ("grad", dh1, (1,), ""))
    mine = values(("matmul", dh1, (), ""), ("greater", (z2 > 0).astype(float), (), ""), ("multiply", dh1 * (z2 > 0), (0, 1), ""))
    said = derivative_elsewhere(mine.values[2], mine.values[0], port.values[4], mine, port)
    assert "relu's derivative taken at the port's [relu (6, 4)] (value 3), not at" in said and "(value 1)" in said, said
    right = values(("matmul", dh1, (), ""), ("greater", (z1 > 0).astype(float), (), ""), ("multiply", dh1 * (z1 > 0), (0, 1), ""))
    assert derivative_elsewhere(right.values[2], right.values[0], port.values[4], right, port) == ""


def test_a_sum_over_every_axis_where_each_row_is_meant_is_read_against_a_gradient_with_a_unit_axis():
    from parity.diagnosis.backward_readings import axis_apart
    a, da = RNG.dirichlet(np.ones(5), size=4), RNG.normal(size=(4, 5))
    right = a * (da - (a * da).sum(1, keepdims=True))
    mine = values(("divide", a, (), ""), ("einsum", da, (), ""), ("multiply", a * da, (0, 1), ""),
                  ("add.reduce", np.array((a * da).sum()), (2,), ""), ("subtract", da - (a * da).sum(), (1, 3), ""),
                  ("multiply", a * (da - (a * da).sum()), (0, 4), ""))
    port = values(("masked_fill", np.zeros((4, 5, 1)), (), ""), ("grad", right[..., None], (0,), ""))
    said = axis_apart([2, 3, 4, 5], mine, port, 1e-6)
    assert "sums over every axis; summed over axis 1, keepdims=True" in said, said
    assert axis_apart([2, 3, 4, 5], mine, values(("masked_fill", np.zeros((4, 5, 1)), (), ""),
                                                          ("grad", 2 * right[..., None], (0,), "")), 1e-6) == ""


def test_an_operand_made_outside_the_trace_read_against_the_layers_input_after_its_op():
    from parity.diagnosis.backward_readings import unseen_operand
    raw, window, dz = RNG.normal(size=(6, 4)), np.hanning(4), RNG.normal(size=(6, 3))
    windowed = raw * window
    mine = values(("getitem", raw, (), ""), ("multiply", windowed, (0, "?"), ""), ("reshape", dz, (), ""),
                  ("matmul", raw.T @ dz, ("?", 2), ""))
    mine.values[3].unseen = {0: raw.T}
    port = values(("W1.grad", windowed.T @ dz, (), ""))
    said = unseen_operand(mine.values[3], mine, port, 1e-6, lambda v: f"the port's {v.op}")
    assert "with [multiply (6, 4)] (value 1) in its place" in said and "passes through multiply first" in said, said
    assert unseen_operand(mine.values[3], mine, values(("W1.grad", 2 * windowed.T @ dz, (), "")), 1e-6, str) == ""


def test_a_taps_slice_read_without_its_dilation_is_read_at_the_offset_that_gives_the_ports_gradient():
    from parity.diagnosis.slice_offsets import slice_offset
    x, dz = RNG.normal(size=(2, 3, 10)), RNG.normal(size=(2, 4, 6))
    port_grad = np.stack([np.einsum("nft,nct->fc", dz, x[:, :, 2 * k:2 * k + 6]) for k in range(3)], axis=-1)
    steps = [("pad", x, (), ""), ("multiply", dz, (), "")]
    for k, start in enumerate((0, 1, 2)):  # the taps read at k, not 2k
        steps += [("getitem", x[:, :, start:start + 6], (0,), f":, :, {start}:{start + 6}"),
                  ("einsum", np.einsum("nft,nct->fc", dz, x[:, :, start:start + 6]), (1, len(steps)), "'nft,nct->fc'"),
                  ("setitem (in place)", np.zeros((4, 3, 3)), ("?", len(steps) + 1), f":, :, {k}")]
    mine = values(*steps)
    port = values(("W2.grad", port_grad, (), ""))
    said = slice_offset(list(range(2, len(steps))), mine, port, 1e-6, lambda v: "the port's gradient of W2")
    assert "reads positions 1:7 of axis 2" in said and "read at 2:8" in said and "W2[..., 1]" in said, said
    assert slice_offset(list(range(2, len(steps))), mine, values(("W2.grad", 3 * port_grad, (), "")), 1e-6, str) == ""


def test_an_activation_read_after_an_in_place_write_into_its_array_is_read_as_aliasing():
    from parity.diagnosis.another_source import another_input
    z1, r, d = RNG.normal(size=(5, 3)), RNG.normal(size=(5, 3)), RNG.normal(size=(5, 3))
    h1 = np.tanh(z1)
    mine = values(("add", z1, (), ""), ("tanh", h1, (0,), ""), ("tanh", r, (), ""), ("add (in place)", h1 + r, (1, 2), ""),
                  ("add", d, (), ""), ("square", (h1 + r) ** 2, (3,), ""), ("subtract", 1 - (h1 + r) ** 2, (1.0, 5), ""),
                  ("multiply", d * (1 - (h1 + r) ** 2), (4, 6), ""))
    port = values(("tanh", h1, (), ""), ("grad", d * (1 - h1 ** 2), (0,), ""))
    said = another_input(mine.values[7], mine, port, 1e-6, kin=True)
    assert "written into value 1's own array" in said and "a.copy() was meant" in said, said
    assert another_input(mine.values[7], mine, values(("grad", 2 * d, (), "")), 1e-6, kin=True) == ""


def test_two_window_functions_are_named_and_other_arrays_are_not():
    from parity.diagnosis.windows import windows_apart
    frames = np.ones((3, 4, 8))
    said = windows_apart(frames * np.hanning(8), frames * np.hanning(9)[:-1])
    assert "the symmetric Hann window (np.hanning(8)" in said and "the periodic Hann window" in said, said
    assert windows_apart(frames * np.hanning(8), frames * np.hanning(8)) == ""
    assert windows_apart(frames * np.linspace(0, 1, 8), frames * np.hanning(8)) == ""


def test_a_losss_input_shifted_by_its_maximum_over_another_axis_is_said_with_the_axis():
    from parity.diagnosis.loss_arguments import given_otherwise
    scores = torch.randn(5, 5, dtype=torch.float64)
    s = scores.numpy()
    shifted = s - s.max(0, keepdims=True)
    loss = F.cross_entropy(torch.as_tensor(shifted), torch.arange(5)).item()
    mine = values(("add", s, (), ""), ("maximum.reduce", s.max(0, keepdims=True), (0,), "axis=0, keepdims=True"),
                  ("subtract", shifted, (0, 1), ""), ("negative", np.array(loss), (2,), ""))
    said = given_otherwise(F.cross_entropy, {"input": scores, "target": torch.arange(5)}, mine.values[1:], 1e-6, ((s,), mine))
    assert "maximum.reduce over axis 0 subtracted" in said, said
    summed = values(("add", s, (), ""), ("multiply", 2 * s, (0,), ""), ("sum", np.array(2 * s.sum()), (1,), ""))
    assert given_otherwise(torch.sum, {"input": scores}, summed.values[1:], 1e-6, ((s,), summed)) == ""  # its own sum


def test_a_cross_entropy_over_logits_shifted_per_class_is_read_and_the_plain_one_is_not():
    from parity.diagnosis.class_offsets import class_offsets
    z = RNG.normal(size=(8, 4))
    y = np.eye(4)[RNG.integers(0, 4, size=8)]
    c = np.array([0.5, -0.2, 0.1, 0.9])
    shifted = np.exp(z + c) / np.exp(z + c).sum(1, keepdims=True)
    said = class_offsets(z, y, (shifted - y) / 8, 1e-6)
    assert "shifted by one number per class" in said and "a mean over the rows" in said, said
    plain = np.exp(z) / np.exp(z).sum(1, keepdims=True)
    assert class_offsets(z, y, (plain - y) / 8, 1e-6) == ""
    assert class_offsets(z, y, 2 * (plain - y) / 8, 1e-6) == ""  # scaled, not shifted
    bias = np.array([0.3, -0.1, 0.2, 0.0])
    unbiased = np.exp(z - bias) / np.exp(z - bias).sum(1, keepdims=True)
    assert "without the output layer's bias" in class_offsets(z, y, (unbiased - y) / 8, 1e-6, bias)


def test_a_loss_given_a_weight_under_its_siblings_name_or_another_mode_is_called_again():
    from parity.diagnosis.called_again import _recalled
    z, y = torch.randn(6, 1, dtype=torch.float64), torch.tensor([[1.0], [0.0], [1.0], [0.0], [0.0], [1.0]], dtype=torch.float64)
    meant = F.binary_cross_entropy_with_logits(z, y, pos_weight=torch.tensor([3.0], dtype=torch.float64)).item()
    port = values(("binary_cross_entropy_with_logits", np.array(0.0), (), ""))
    port.called[0] = (F.binary_cross_entropy_with_logits, (z, y), {"weight": torch.tensor([3.0], dtype=torch.float64)})
    said = _recalled(port.values, port.called, values(("mean", np.array(meant), (), "")).values, 1e-9, ())
    assert "weight= given as pos_weight=" in said, said
    assert _recalled(port.values, port.called, values(("mean", np.array(meant + 1), (), "")).values, 1e-9, ()) == ""
    ids = torch.tensor([[0, 2], [1, 3]])
    table = torch.randn(4, 1, dtype=torch.float64)
    port = values(("embedding_bag", np.zeros((2, 1)), (), ""))
    port.called[0] = (F.embedding_bag, (ids, table), {"mode": "mean"})
    summed = F.embedding_bag(ids, table, mode="sum").numpy()
    assert "mode='sum'" in _recalled(port.values, port.called, values(("add.reduce", summed, (), "")).values, 1e-9, ())


def test_a_sigmoid_before_a_loss_made_for_logits_is_read():
    from parity.diagnosis.loss_arguments import applied_before
    z = torch.randn(6, 1, dtype=torch.float64)
    y = torch.tensor([[1.0], [0.0], [1.0], [0.0], [0.0], [1.0]], dtype=torch.float64)
    port = values(("linear", z.numpy(), (), ""), ("sigmoid", torch.sigmoid(z).numpy(), (0,), ""),
                  ("binary_cross_entropy_with_logits", np.array(0.0), (1,), ""))
    port.called[2] = (F.binary_cross_entropy_with_logits, (torch.sigmoid(z), y), {})
    numpy_loss = values(("mean", np.array(F.binary_cross_entropy_with_logits(z, y).item()), (), ""))
    said = applied_before(port.values[2:], port, numpy_loss.values, 1e-9)
    assert "applies sigmoid before a loss that takes the raw value" in said, said
    other = values(("mean", np.array(F.binary_cross_entropy_with_logits(torch.sigmoid(z), y).item()), (), ""))
    assert applied_before(port.values[2:], port, other.values, 1e-9) == ""


def test_the_forward_parting_is_read_past_a_losss_weights_made_from_y_alone():
    from parity.diagnosis.written_forward import frontier_of
    y, z = np.array([[1.0], [0.0], [1.0]]), RNG.normal(size=(3, 1))
    mine = values(("X", np.zeros((3, 2)), (), ""), ("y", y, (), ""), ("add", z, (0, "?"), ""),
                  ("multiply", 3 * y, (3.0, 1), ""), ("negative", -z, (2,), ""), ("multiply", -3 * y * z, (3, 4), ""))
    agreed = {0: mine.values[0], 1: mine.values[1], 2: mine.values[2]}
    assert frontier_of(mine, [3, 4, 5], agreed).index == 1  # y first, where the NumPy program's weights 3·y part
    assert frontier_of(mine, [3, 4, 5], agreed, past_y=True).index == 2  # then the logits, past the weights made from y


def test_a_second_moments_correction_taken_with_beta1_is_read_by_its_law_and_a_schedule_is_not():
    from parity.diagnosis.update_stage import _law
    t = np.arange(1, 7)
    law = np.sqrt((1 - 0.9 ** t) / (1 - 0.999 ** t))
    found = _law({"W": list(law), "b": list(law)}, 1)
    assert found[0] == "bias-correction" and "v's bias correction computed with β1" in found[1], found
    decay = 0.95 ** (t - 1)
    assert _law({"W": list(decay), "b": list(decay)}, 1)[0] == "schedule"


def test_an_adam_step_counter_one_ahead_is_read_by_its_law():
    from parity.diagnosis.update_stage import _law
    t = np.arange(1, 7)
    corrections = lambda s: np.sqrt(1 - 0.99 ** s) / (1 - 0.9 ** s)  # noqa: E731
    ahead = corrections(t + 1) / corrections(t)
    found = _law({"W": list(ahead), "b": list(ahead)}, 1)
    assert found[0] == "bias-correction" and "step counter one ahead" in found[1], found
    assert "step counter" not in (_law({"W": list(ahead), "b": list(ahead * 1.01 ** t)}, 1) or ("", ""))[1]


def test_a_losss_one_number_weight_off_by_one_is_called_again():
    from parity.diagnosis.called_again import _recalled
    z, y = torch.randn(6, 1, dtype=torch.float64), torch.tensor([[1.0], [0.0], [1.0], [0.0], [0.0], [1.0]], dtype=torch.float64)
    four = F.binary_cross_entropy_with_logits(z, y, pos_weight=torch.tensor([4.0], dtype=torch.float64)).item()
    port = values(("binary_cross_entropy_with_logits", np.array(0.0), (), ""))
    port.called[0] = (F.binary_cross_entropy_with_logits, (z, y), {"pos_weight": torch.tensor([3.0], dtype=torch.float64)})
    said = _recalled(port.values, port.called, values(("mean", np.array(four), (), "")).values, 1e-9, ())
    assert "pos_weight=tensor(4)" in said, said


def test_a_pools_stride_left_at_its_default_is_called_again_with_stride_one():
    from parity.diagnosis.called_again import _recalled
    x = torch.randn(2, 3, 8, dtype=torch.float64)
    port = values(("max_pool1d", np.zeros((2, 3, 4)), (), ""))
    port.called[0] = (F.max_pool1d, (x, 2), {})
    overlapping = np.maximum(x.numpy()[..., :-1], x.numpy()[..., 1:])
    said = _recalled(port.values, port.called, values(("where", overlapping, (), "")).values, 1e-9, ())
    assert "stride=1" in said, said
    assert _recalled(port.values, port.called, values(("where", overlapping + 1, (), "")).values, 1e-9, ()) == ""


def test_a_forward_mask_left_out_of_the_backward_pass_is_read():
    from parity.diagnosis.masks_left_out import mask_left_out
    d = RNG.normal(size=(4, 5, 3))
    mask = (np.arange(5)[None, :, None] < np.array([2, 5, 3, 1])[:, None, None]).astype(float)
    port = values(("linear", np.zeros((4, 5, 3)), (), ""), ("grad", d * mask, (0,), ""))
    said = mask_left_out(values(("multiply", d, (), "")).values, port, 1e-6, lambda v: "the port's gradient")
    assert "except at 27 of its 60 entries" in said and "does not apply" in said, said
    assert mask_left_out(values(("multiply", d * mask, (), "")).values, port, 1e-6, str) == ""
    assert mask_left_out(values(("multiply", 2 * d, (), "")).values, port, 1e-6, str) == ""
    inverted = values(("linear", np.zeros((4, 5, 3)), (), ""), ("grad", d * mask / 0.75, (0,), ""))  # mask / keep
    said = mask_left_out(values(("multiply", d, (), "")).values, inverted, 1e-6, lambda v: "the port's gradient")
    assert "divided by 1.33333 on the entries the port keeps" in said and "inverted dropout" in said, said


def test_a_functions_own_signature_is_kept_and_a_builtins_documented_one_is_used():
    from parity.diagnosis.calls import signature
    assert "_stacklevel" in signature(F.log_softmax).parameters  # a Python function binds as it is written
    assert list(signature(torch.softmax).parameters)[:2] == ["input", "dim"]  # a builtin: the documented one
    assert "return_indices" in signature(F.adaptive_max_pool1d).parameters  # (*args, **kwargs): the documented one


def test_an_operand_given_back_is_no_op_computed_otherwise():
    from parity.diagnosis.written_ops import substituted
    a = RNG.normal(size=(4, 3))
    mine = values(("add", a, (), ""), ("divide", a / 2, (0, 2.0), ""))
    port = values(("linear", a, (), ""))
    assert substituted(mine.values[1], mine, port, 1e-9) == ""  # a·2·0.5 is a again: nothing to say


def test_a_glu_whose_gate_comes_first_on_the_other_side_is_called_again_with_its_halves_swapped():
    from parity.diagnosis.called_again import _recalled
    z = torch.randn(5, 8, dtype=torch.float64)
    port = values(("glu", F.glu(z, dim=1).numpy(), (), ""))
    port.called[0] = (F.glu, (z,), {"dim": 1})
    a, b = z[:, :4], z[:, 4:]
    said = _recalled(port.values, port.called, values(("multiply", (torch.sigmoid(a) * b).numpy(), (), "")).values, 1e-9, ())
    assert "two halves in each other's place" in said and "[multiply (5, 4)]" in said, said
    assert _recalled(port.values, port.called, values(("multiply", (torch.tanh(a) * b).numpy(), (), "")).values, 1e-9, ()) == ""


def test_a_softmax_the_numpy_program_computes_too_is_no_log_softmax_written_as_softmax_unless_its_user_agrees():
    from parity.diagnosis.called_again import _recalled
    t, s = torch.randn(6, 3, dtype=torch.float64), torch.randn(6, 3, dtype=torch.float64)
    targets, log_s = F.softmax(t, dim=1), F.log_softmax(s, dim=1)
    kl = F.kl_div(log_s, targets, reduction="batchmean")
    mine = values(("X", t.numpy(), (), ""), ("subtract", F.log_softmax(t, 1).numpy(), (0,), ""), ("exp", targets.numpy(), (1,), ""),
                  ("divide", np.array(kl.item()), (2,), ""))
    port = values(("X", t.numpy(), (), ""), ("log_softmax", log_s.numpy(), (), ""), ("softmax", targets.numpy(), (0,), ""),
                  ("kl_div", np.array(kl.item() + 0.2), (1, 2), ""))
    port.values[2].users.append(3)
    port.called = {2: (F.softmax, (t,), {"dim": 1}), 3: (F.kl_div, (log_s, targets), {"reduction": "mean"})}
    port.of = {id(targets): 2}
    shared = ((), mine, port)
    # the teacher's softmax is the NumPy program's exp too: its log_softmax matching the NumPy subtract says nothing
    assert "log_softmax" not in _recalled(port.values[2:3], port.called, mine.values[1:], 1e-9, (), shared)


def test_probabilities_handed_to_a_loss_that_takes_log_probabilities_are_read():
    from parity.diagnosis.loss_arguments import applied_before
    t, s = torch.randn(6, 3, dtype=torch.float64), torch.randn(6, 3, dtype=torch.float64)
    targets, probs = F.softmax(t, dim=1), F.softmax(s, dim=1)
    right = F.kl_div(F.log_softmax(s, dim=1), targets, reduction="batchmean").item()
    port = values(("X", s.numpy(), (), ""), ("softmax", probs.numpy(), (0, 1.0), ""),
                  ("kl_div", np.array(F.kl_div(probs, targets, reduction="batchmean").item()), (1, "?"), ""))
    port.called = {2: (F.kl_div, (probs, targets), {"reduction": "batchmean"})}
    said = applied_before(port.values[2:], port, values(("divide", np.array(right), (), "")).values, 1e-9)
    assert "log-probabilities" in said and "log_softmax meant" in said, said
    assert applied_before(port.values[2:], port, values(("divide", np.array(right + 0.1), (), "")).values, 1e-9) == ""


def test_a_first_steps_moment_ratio_is_read_as_the_constant_the_numpy_program_keeps_it_with():
    from parity.diagnosis.optimizer_constants import other_constant
    said = other_constant("exp_avg_sq", 10.0, {"β1": 0.9, "β2": 0.999}, 1)
    assert "β2 = 0.99 where the port's optimizer has β2 = 0.999" in said, said
    assert other_constant("exp_avg_sq", 7.3, {"β1": 0.9, "β2": 0.999}, 1) == ""  # 0.9927: no value people write
    said = other_constant("square_avg", 9.0, {"α": 0.9}, 1)  # (1 - α)·v + α·g²: 0.9 g² against torch's 0.1 g²
    assert "the two coefficients exchanged" in said, said
    assert other_constant("exp_avg_sq", 10.0, {"β1": 0.9, "β2": 0.999}, 2) == ""  # past the first step: another law
    assert "α = 0.9 " in other_constant("square_avg", 10.0, {"α": 0.99}, 1)


def test_a_label_smoothing_left_at_zero_is_called_again_with_the_complement_of_a_number_the_numpy_program_writes():
    from parity.diagnosis.called_again import _recalled
    logits, labels = torch.randn(8, 3, dtype=torch.float64), torch.randint(0, 3, (8,))
    port = values(("cross_entropy", np.array(F.cross_entropy(logits, labels).item()), (), ""))
    port.called[0] = (F.cross_entropy, (logits, labels), {})
    smoothed = values(("negative", np.array(F.cross_entropy(logits, labels, label_smoothing=0.1).item()), (), ""))
    said = _recalled(port.values, port.called, smoothed.values, 1e-9, (0.9,))  # q = 0.9·onehot + 0.1/3: 0.9 written
    assert "label_smoothing=0.1" in said, said
    assert "label_smoothing" not in _recalled(port.values, port.called, smoothed.values, 1e-9, (0.7,))


def test_a_weight_given_to_both_arguments_of_a_squared_loss_is_read_as_squared():
    from parity.diagnosis.loss_arguments import weight_inside
    pred, target = torch.randn(6, 2, dtype=torch.float64), torch.randn(6, 2, dtype=torch.float64)
    w = torch.rand(6, 1, dtype=torch.float64) + 0.1
    port = values(("to", w.numpy(), (), ""), ("linear", pred.numpy(), (), ""), ("y", target.numpy(), (), ""),
                  ("mul", (w * pred).numpy(), (0, 1), ""), ("mul", (w * target).numpy(), (0, 2), ""),
                  ("mse_loss", np.array(F.mse_loss(w * pred, w * target).item()), (3, 4), ""))
    port.called[5] = (F.mse_loss, (w * pred, w * target), {})
    weighted = np.array((w * (pred - target) ** 2).mean().item())
    said = weight_inside(port.values[5:], port, values(("mean", weighted, (), "")).values, 1e-9)
    assert "counts twice" in said and "[mean ()]" in said, said
    assert weight_inside(port.values[5:], port, values(("mean", weighted * 1.1, (), "")).values, 1e-9) == ""


def test_a_port_reading_its_rows_from_another_held_table_is_read_through_its_calls():
    from parity.diagnosis.tables import other_table
    betas = torch.linspace(1e-3, 0.2, 12, dtype=torch.float64)
    alphas, cumulative = 1 - betas, torch.cumprod(1 - betas, 0)
    t = torch.tensor([3, 7, 1, 10, 5])
    looked = alphas[t]
    rooted = looked.sqrt()
    port = values(("X", np.zeros((5, 2)), (), ""), ("getitem", looked.numpy(), ("?", 0), ""), ("sqrt", rooted.numpy(), (1,), ""))
    port.values[0].users.append(2)  # the agreeing value meets the lookup's root (x0 · √ᾱ)
    port.values[1].users.append(2)
    port.values[2].inputs = (1, 0)
    port.constants = {"betas": betas.numpy(), "alphas": alphas.numpy(), "alphas_cumprod": cumulative.numpy()}
    port.called = {2: (torch.Tensor.sqrt, (looked,), {})}
    port.of = {id(looked): 1}
    mine = values(("multiply", np.zeros((5, 2)), (), ""))
    mine.values[0].unseen = {0: cumulative[t].sqrt().numpy()[:, None]}
    said = other_table(port.values[0], port, mine, 1e-9)
    assert "held alphas read at each row's index" in said and "alphas_cumprod" in said, said
    mine.values[0].unseen = {0: (cumulative[t].sqrt().numpy() + 0.01)[:, None]}
    assert other_table(port.values[0], port, mine, 1e-9) == ""


def test_an_in_place_write_into_a_view_of_the_batch_read_again_is_said():
    from parity.diagnosis.in_place import written_in_place
    x = RNG.normal(size=(4, 3))
    port = values(("X", x, (), ""), ("getitem", x[:, :2], (0,), ":, :2"), ("mul_", 2 * x[:, :2], (1, "?"), ""),
                  ("add_", 2 * x[:, :2] + 1, (2, 1.0), ""), ("linear", x[:, :1], (3,), ""), ("mul", x[:, :2], (3, 0.5), ""))
    for index, users in ((0, [1]), (1, [2]), (2, [3]), (3, [4, 5])):
        port.values[index].users = users
    said = written_in_place(port.values[2:3], port)
    assert "mul_ writes in place into [getitem (4, 2)], a view of its batch X" in said and "2 times" in said, said
    port.values[3].users = [4]  # the written tensor read once, as the model's input: nothing read stale
    assert written_in_place(port.values[2:3], port) == ""


def test_frequencies_whose_exponents_have_another_denominator_are_read_as_a_power():
    from parity.diagnosis.operand_powers import powers_apart
    t = RNG.integers(0, 40, size=(6, 1)).astype(float)
    k = np.arange(4)
    numpy_freqs, port_freqs = (10000.0 ** (-k / 4))[None, :], (10000.0 ** (-k / 3))[None, :]  # arange/n against linspace
    mine = values(("getitem", t, (), ""), ("multiply", t * numpy_freqs, (0, "?"), ""))
    mine.values[1].unseen = {1: numpy_freqs}
    theirs = values(("double", t, (), ""), ("getitem", port_freqs, (), ""), ("mul", t * port_freqs, (0, 1), ""))
    said = powers_apart(mine.values[1:], theirs.values[2:], mine.values[0], theirs.values[0], theirs, mine)
    assert "to the power 0.75" in said, said
    theirs.values[1].array = numpy_freqs * 1.0
    assert "to the power" not in powers_apart(mine.values[1:], theirs.values[2:], mine.values[0], theirs.values[0], theirs, mine)


def test_the_softmax_that_made_the_other_operand_is_called_again_on_another_dim():
    from parity.diagnosis.operand_calls import operand_recalled
    logits, u = torch.randn(5, 6, 3, dtype=torch.float64), torch.randn(5, 6, 3, 4, dtype=torch.float64)
    c = F.softmax(logits, dim=1)
    port = values(("X", u.numpy(), (), ""), ("y", logits.numpy(), (), ""), ("softmax", c.numpy(), (1,), ""),
                  ("unsqueeze", c.unsqueeze(-1).numpy(), (2,), ""), ("mul", (c.unsqueeze(-1) * u).numpy(), (3, 0), ""))
    port.called = {2: (F.softmax, (logits,), {"dim": 1})}
    meant = F.softmax(logits, dim=2)
    mine = values(("X", u.numpy(), (), ""), ("divide", meant.numpy(), (), ""))
    said = operand_recalled(port.values[4:], port, mine, 1e-9)
    assert "softmax, called again on the same tensors with dim=2" in said, said
    other = values(("X", u.numpy(), (), ""), ("divide", (meant + 0.01).numpy(), (), ""))
    assert operand_recalled(port.values[4:], port, other, 1e-9) == ""


def test_a_buffer_that_holds_the_gradient_times_the_learning_rate_is_read_and_a_beta_is_not_read_as_it():
    from parity.diagnosis.optimizer_constants import constant_law, learning_rate_in_state
    said = learning_rate_in_state("momentum_buffer", 0.01, {"μ": 0.9, "lr": 0.01})
    assert "learning rate" in said and "lr = 0.01" in said, said
    assert learning_rate_in_state("momentum_buffer", 0.1, {"μ": 0.9, "lr": 0.01}) == ""
    assert "lr" not in constant_law(0.1, {"μ": 0.9, "lr": 0.1})  # 0.1 is 1 - μ; the rate is no constant of a law


def test_a_value_reshaped_as_it_lies_in_another_layout_on_each_side_is_read():
    from parity.diagnosis.rearranged import reshaped_as_it_lies
    maps = RNG.normal(size=(3, 6, 8))  # (n, positions, channels) on one side
    port_maps = maps.transpose(0, 2, 1)  # (n, channels, positions) on the other
    mine = values(("add", maps, (), ""), ("reshape", maps.reshape(3, 12, 4), (0,), ""))
    theirs = values(("conv1d", port_maps, (), ""), ("view", port_maps.reshape(3, 12, 4), (0,), ""))
    said = reshaped_as_it_lies(mine.values[1:], theirs.values[1:], mine.values[0], theirs.values[0])
    assert "each as it lies in its own layout" in said and "(3, 6, 8)" in said, said
    same = values(("conv1d", port_maps, (), ""), ("view", maps.reshape(3, 12, 4), (0,), ""))
    assert reshaped_as_it_lies(mine.values[1:], same.values[1:], mine.values[0], same.values[0]) == ""


def test_a_single_parameters_moment_ratio_is_read_as_the_constant_too():
    from parity.diagnosis.state_stage import state_findings
    g = RNG.normal(size=(3, 4))
    found = state_findings("img.exp_avg", {"img.exp_avg": 0.1 * g}, {"img.exp_avg": 0.5 * g}, 1, {"β1": 0.5, "β2": 0.999})
    assert "β1 = 0.9 where the port's optimizer has β1 = 0.5" in found[0].explanation, found[0].explanation


def test_a_padding_mask_broadcast_along_the_other_axis_is_read_as_its_axes_swapped():
    scores = RNG.normal(size=(4, 5, 5))
    lengths = np.array([5, 3, 4, 2])
    padded = np.arange(5)[None, :] >= lengths[:, None]  # (n, S): the keys past each row's length
    mine = values(("where", np.where(padded[:, None, :], -1e9, scores), (), ""))  # over the keys
    theirs = values(("masked_fill", np.where(padded[:, :, None], -1e9, scores), (), ""))  # over the queries
    said = masks_apart(mine.values, theirs.values)
    assert "whole columns of each plane" in said and "whole rows of each plane" in said, said
    assert "last two axes swapped" in said, said


def test_the_ports_trace_keeps_a_mask_inverted_with_the_tilde_operator():
    import torch
    from parity.diagnosis.port_values import _TorchValues
    from parity.diagnosis.value_trace import Trace
    trace = Trace()
    keep = torch.tensor([[True, False, True]])
    with _TorchValues(trace):
        (~keep).float() * 2
    assert [v.op for v in trace.values][:1] == ["invert"], [v.op for v in trace.values]


def test_a_mask_inverted_on_one_side_is_read_as_complementary_entries():
    scores = RNG.normal(size=(4, 1, 5))
    keep = RNG.random(size=(4, 1, 5)) > 0.3
    mine = values(("where", np.where(keep, scores, -1e9), (), ""))
    theirs = values(("masked_fill", np.where(keep, -1e9, scores), (), ""))  # given the mask of the entries to keep
    said = masks_apart(mine.values, theirs.values)
    assert "mask complementary entries" in said and "inverted" in said, said


def test_a_strict_comparison_written_the_other_way_round_is_read_where_the_masks_part_at_a_few_entries():
    from parity.diagnosis.comparisons import strictness
    lengths, t = np.array([[3], [5], [2]]), np.arange(6)
    mine = values(("greater", lengths > t, (), ""))  # length > t
    theirs = values(("le", t <= lengths, (), ""))  # t <= length: the boundary kept
    said = strictness(mine.values, theirs.values)
    assert "compares with > (greater) where the port compares with <= (le)" in said, said
    assert strictness(mine.values, values(("le", t <= lengths - 1, (), "")).values) == ""  # the same mask: no slip


def test_a_count_taken_over_the_whole_batch_where_the_port_counts_per_row_is_read():
    from parity.diagnosis.reduction_axes import axes_of
    mask = (RNG.random(size=(5, 4, 1)) > 0.3).astype(float)
    mine = values(("X", mask, (), ""), ("add.reduce", mask.sum(), (0,), ""))
    theirs = values(("X", mask, (), ""), ("sum", mask.sum(axis=1, keepdims=True), (0,), "dim=1, keepdim=True"))
    said = axes_of(mine.values[1:], theirs.values[1:], mine.values[0])
    assert "has no axis: the whole batch to one number" in said and "over dim 1" in said, said
    other = values(("X", mask, (), ""), ("amax", mask.max(axis=1, keepdims=True), (0,), "dim=1, keepdim=True"))
    assert "has no axis" not in axes_of(mine.values[1:], other.values[1:], mine.values[0])  # a sum against a max


def test_a_loss_averaged_over_a_mask_on_one_side_and_over_every_entry_on_the_other_is_read():
    from parity.diagnosis.masked_means import masked_mean_apart
    per_entry = RNG.random(size=24)
    mask = (RNG.random(size=(4, 6)) > 0.3).astype(float)
    numpy_loss = float(np.sum(per_entry * mask.ravel()) / mask.sum())
    mine = values(("X", mask, (), ""), ("greater", mask, (0,), ""), ("divide", numpy_loss, (), ""))
    port = values(("cross_entropy", per_entry, (), ""), ("mean", per_entry.mean(), (0,), ""))
    said = masked_mean_apart(mine, port, mine.values[1:])
    assert f"over the {int(mask.sum())} entries its 0/1" in said and "mean is over all 24 entries" in said, said
    mine.values[2].array = np.asarray(numpy_loss + 0.1)  # a NumPy loss that is no masked mean of those entries
    assert masked_mean_apart(mine, port, mine.values[1:]) == ""


def test_a_mean_over_one_axis_on_one_side_and_over_a_masks_entries_on_the_other_is_read_with_the_axis():
    from parity.diagnosis.masked_means import masked_mean_apart
    vectors = RNG.normal(size=(5, 4, 3))
    mask = np.ones((5, 4))
    mask[[0, 2, 3], [3, 0, 1]] = 0.0  # a padded slot in three rows
    context = (vectors * mask[..., None]).sum(axis=1) / mask.sum(axis=1, keepdims=True)
    mine = values(("X", mask, (), ""), ("not_equal", mask, (0,), ""), ("divide", context, (), ""))
    port = values(("embedding", vectors, (), ""), ("mean", vectors.mean(axis=1), (0,), "dim=1"))
    said = masked_mean_apart(mine, port, mine.values[1:])
    assert "mean over axis 1 of its [embedding (5, 4, 3)] counts all 4 entries" in said and "each row's own count" in said, said
    mine.values[2].array = vectors.mean(axis=1)  # the NumPy program averages over every slot too: nothing apart
    assert masked_mean_apart(mine, port, mine.values[1:]) == ""


def test_two_losses_apart_by_exactly_the_mean_of_a_value_one_side_computes_are_read_and_a_gap_of_no_value_is_not():
    from parity.diagnosis.loss_offsets import loss_offset
    z = RNG.normal(size=(6, 3))
    shift = z.max(axis=1, keepdims=True)
    right = float(np.mean(np.log(np.exp(z - shift).sum(axis=1)) + shift.ravel() - z[:, 0]))
    mine = values(("X", z, (), ""), ("maximum.reduce", shift, (0,), "axis=1"), ("negative", right - float(shift.mean()), (), ""))
    port = values(("X", z, (), ""), ("cross_entropy", right, (0,), ""), ("grad", np.ones(1), (1,), ""), ("add_", 1.0, (), ""))
    said = loss_offset(mine, port, mine.values[1:])
    assert "differ by exactly the mean of the NumPy program's [maximum.reduce (6, 1)]" in said and "port's the larger" in said, said
    mine.values[2].array = np.asarray(right - 0.123456789)  # apart by a number no value gives
    assert loss_offset(mine, port, mine.values[1:]) == ""
    mine.values[2].array = np.asarray(2 * right)  # twice the port's: a factor, though the port's loss is the gap
    assert loss_offset(mine, port, mine.values[1:]) == ""
    passes = values(("X", z, (), ""), ("log", 0.3, (0,), ""), ("add", 0.3 + right, (1, "?"), ""))  # an earlier pass's term
    assert "differ by exactly the NumPy program's [log ()]" in loss_offset(passes, port, passes.values[1:])
    rounded = right - float(shift.mean()) + 4e-7 * abs(right)  # a float32 run's rounding, in the last digits
    for reported, read in ((np.float32(rounded), True), (rounded, False)):  # the losses as float32 reports them, or not
        mine.values[2].array, port.values[1].array = np.asarray(float(reported)), np.asarray(float(np.float32(right) if read else right))
        assert bool(loss_offset(mine, port, mine.values[1:])) == read, (reported, read)


def test_a_clamp_whose_bound_cuts_every_entry_is_read():
    from parity.diagnosis.clamps import degenerate_clamp
    counts = np.array([3.0, 5.0, 8.0, 4.0])
    mine = values(("X", counts[:, None], (), ""), ("maximum", np.maximum(counts, 1.0)[:, None], (0, 1.0), ""))
    port = values(("X", counts, (), ""), ("clamp", np.minimum(counts, 1.0), (0,), "max=1"))
    said = degenerate_clamp(mine, port, 1e-9)
    assert "gives 1 at every entry" in said and "from 3 to 8" in said, said
    port.values[1].array = np.maximum(counts, 1.0)  # clamp(min=1): the counts kept
    assert degenerate_clamp(mine, port, 1e-9) == ""


def test_an_op_left_out_is_read_through_a_join_and_not_where_the_numpy_program_computes_the_match_itself():
    from parity.diagnosis.forward_factors import op_left_out
    X, mask = RNG.normal(size=(4, 3)), (RNG.random(size=(4, 3)) > 0.4).astype(float)
    mine = values(("X", mask, (), ""), ("y", X, (), ""), ("subtract", 1 - mask, (1.0, 0), ""),
                  ("concatenate", np.concatenate([X, 1 - mask], axis=1), (1, 2), "axis=1"))
    port = values(("cat", np.concatenate([X, mask], axis=1), (), ""))
    said = op_left_out([mine.values[2]], mine.values[0], mine, port, 1e-9)
    assert "without it, the NumPy program's concatenate gives the port's [cat (4, 6)]" in said, said
    mine._add("concatenate", np.concatenate([X, mask], axis=1), (1, 0), "axis=1")  # the NumPy program has it too
    assert op_left_out([mine.values[2]], mine.values[0], mine, port, 1e-9) == ""


def test_a_concatenation_of_unequal_parts_in_the_other_order_is_said_as_its_blocks():
    from tests.test_trace_readings import values
    h, x = np.random.default_rng(3).normal(size=(6, 5)), np.random.default_rng(4).normal(size=(6, 3))
    mine = values(("X", x, (), ""), ("concatenate", np.concatenate([h, x], axis=1), ("?", 0), "axis=1"))
    port = values(("X", x, (), ""), ("cat", np.concatenate([x, h], axis=1), (0, "?"), "1, dim=1"))
    said = column_order(mine.values[1:], port, 1e-9)
    assert "the port's columns [3:8], [0:3] in that order, 2 blocks of 5, 3 columns" in said, said
