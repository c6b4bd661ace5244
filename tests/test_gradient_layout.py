"""A NumPy gradient that holds the port's numbers in another arrangement: said by how they were moved."""

import numpy as np

from parity.diagnosis.gradient_layout import rearranged_gradient

RNG = np.random.default_rng(8)


def test_an_einsums_output_axes_exchanged_are_said():
    port = RNG.normal(size=(6, 6, 4))
    said = rearranged_gradient(port.transpose(1, 0, 2), port)
    assert "(1, 0, 2)" in said and "axes 0, 1 exchanged" in said, said


def test_a_kernel_gradient_reshaped_from_a_transposed_product_is_said():
    cols, dz = RNG.normal(size=(50, 27)), RNG.normal(size=(50, 6))
    port = (dz.T @ cols).reshape(6, 3, 3, 3)
    said = rearranged_gradient((cols.T @ dz).reshape(6, 3, 3, 3), port)
    assert "(6, 27) matrix, transposed" in said, said


def test_a_kernel_gradient_with_its_taps_reversed_is_said_with_its_axis():
    port = RNG.normal(size=(4, 5))
    said = rearranged_gradient(port[:, ::-1], port)
    assert "axis 1 reversed" in said and "taps flipped" in said, said
    symmetric = np.concatenate([port[:, :2], port[:, 2:3], port[:, 1::-1]], axis=1)  # the same read either way
    assert "reversed" not in rearranged_gradient(symmetric, symmetric)


def test_an_update_with_one_axis_reversed_is_read_with_the_side_central_differences_give():
    from parity.diagnosis.transposed_gradient import transposed_gradient
    port = RNG.normal(size=(3, 1, 5))
    found = transposed_gradient("w.update", {"w.update": port[:, :, ::-1]}, {"w.update": port}, 2, 1e-6, lambda p: True)
    assert found.name == "numpy-backward" and found.evidence["side"] == "numpy" and "axis 2 reversed" in found.explanation
    assert transposed_gradient("w.update", {"w.update": 2 * port}, {"w.update": port}, 2, 1e-6, lambda p: True) is None


def test_other_numbers_or_the_same_layout_are_no_rearrangement():
    port = RNG.normal(size=(6, 6, 4))
    assert rearranged_gradient(port, port) == ""
    assert rearranged_gradient(1.5 * port.transpose(1, 0, 2), port) == ""  # moved and scaled: another mechanism


def test_a_gradient_summed_over_every_group_and_broadcast_back_is_said_with_its_axis():
    port = RNG.normal(size=(3, 4))
    said = rearranged_gradient(np.broadcast_to(port.sum(axis=0), (3, 4)), port)
    assert "axis 0 holds the port's total" in said and "np.add.at" in said, said
    assert "port's mean" in rearranged_gradient(np.broadcast_to(port.mean(axis=1, keepdims=True), (3, 4)), port)
    assert rearranged_gradient(np.broadcast_to(2 * port.sum(axis=0), (3, 4)), port) == ""  # pooled and scaled: no such reading
    flat = np.broadcast_to(port[:1], (3, 4))
    assert rearranged_gradient(np.broadcast_to(flat.sum(axis=0), (3, 4)), flat) == ""  # the port's own rows alike: 3 times each


def test_one_mask_scaled_otherwise_on_one_side_is_said_with_its_factor():
    from parity.diagnosis.masked_means import mask_scaled
    keep = (RNG.random((16, 8)) < 0.75).astype(float)
    said = mask_scaled(keep / 0.75, keep)
    assert "1.33333 times the port's" in said and "inverted dropout" in said, said
    assert mask_scaled(keep, keep) == ""  # the same mask
    assert mask_scaled(keep / 0.75, (RNG.random((16, 8)) < 0.75).astype(float)) == ""  # other zeros: other masks
    assert mask_scaled(keep * RNG.random((16, 8)), keep) == ""  # no one factor where they keep


def test_a_momentum_buffer_dampened_at_its_first_step_is_read_against_torchs_rule():
    from parity.diagnosis.optimizer_constants import dampened_start
    said = dampened_start("momentum_buffer", 0.5, {"dampening": 0.5, "μ": 0.9}, 1)
    assert "starts its buffer at (1 - dampening)·g" in said, said
    assert dampened_start("momentum_buffer", 0.5, {"dampening": 0.5}, 2) == ""  # past the first step both dampen
    assert dampened_start("momentum_buffer", 0.7, {"dampening": 0.5}, 1) == ""
    assert dampened_start("momentum_buffer", 0.5, {"μ": 0.9}, 1) == ""  # no dampening in the port's optimizer
