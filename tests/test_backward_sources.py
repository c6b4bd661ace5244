"""Where a NumPy backward pass takes a value from the wrong source: at one of its uses only (the unsoftened
probabilities in the distillation term, the softened ones meant), or a square weight's gradient transposed."""

import numpy as np
import pytest

from parity.diagnosis.one_use import one_use_replaced
from parity.diagnosis.transposed_gradient import transposed_gradient
from tests.test_trace_readings import values

RNG = np.random.default_rng(5)


def _softmax(z):
    e = np.exp(z - z.max(1, keepdims=True))
    return e / e.sum(1, keepdims=True)


def test_a_value_taken_from_the_wrong_source_at_one_of_its_two_uses_is_read():
    z, teacher, onehot = RNG.normal(size=(6, 3)), _softmax(RNG.normal(size=(6, 3))), np.eye(3)[RNG.integers(0, 3, 6)]
    p, p_soft = _softmax(z), _softmax(z / 2)
    mine = values(("X", z, (), ""), ("exp", p_soft, (0,), ""), ("exp", p, (0,), ""), ("y", onehot, (), ""),
                  ("getitem", teacher, (0,), ""), ("subtract", p - teacher, (2, 4), ""), ("subtract", p - onehot, (2, 3), ""),
                  ("add", 2 * (p - teacher) + (p - onehot), (5, 6), ""))
    mine.values[-1].array = (p - teacher) + (p - onehot)
    port = values(("grad", (p_soft - teacher) + (p - onehot), (), ""))
    name = lambda v: f"the port's {v.op}"  # noqa: E731
    said = one_use_replaced(mine.values[7], mine, port, 1e-9, name, lambda v: v.op == "grad", lambda v: v.op != "y")
    assert "(value 1" in said and "in place of [exp (6, 3)] (value 2" in said and "subtract (value 5) alone" in said, said
    wrong = values(("grad", (p_soft - teacher) + (p_soft - onehot) + 0.1, (), ""))
    assert one_use_replaced(mine.values[7], mine, wrong, 1e-9, name, lambda v: v.op == "grad", lambda v: v.op != "y") == ""


def test_a_square_weights_state_that_is_the_ports_transposed_is_read_with_the_side():
    g = RNG.normal(size=(4, 4))
    numpy_record, torch_record = {"W1.momentum_buffer": g.T}, {"W1.momentum_buffer": g}
    found = transposed_gradient("W1.momentum_buffer", numpy_record, torch_record, 1, 1e-9, lambda p: True)
    assert found is not None and "transposed" in found.explanation and found.evidence["side"] == "numpy", found
    assert transposed_gradient("W1.momentum_buffer", {"W1.momentum_buffer": g}, torch_record, 1, 1e-9, lambda p: True) is None
    symmetric = g + g.T  # its transpose is itself: nothing to tell
    assert transposed_gradient("W1.update", {"W1.update": symmetric}, {"W1.update": symmetric + 1}, 1, 1e-9, lambda p: True) is None


def test_a_factor_left_out_of_a_losss_gradient_whose_target_is_made_from_x_is_read():
    from parity.diagnosis.delta_factor import delta_factor
    x = RNG.normal(size=(6, 4))
    features, teacher = x @ RNG.normal(size=(4, 3)), np.tanh(x @ RNG.normal(size=(4, 3)))
    mine = values(("X", x, (), ""), ("matmul", features, (0, "?"), ""), ("tanh", teacher, (0,), ""),
                  ("subtract", features - teacher, (1, 2), ""), ("divide", (features - teacher) / 18, (3, 18.0), ""),
                  ("add.reduce", ((features - teacher) / 18).sum(0), (4,), "axis=0"))
    port = values(("linear", features, (), ""), ("grad", 2 * (features - teacher) / 18, (0,), ""))
    said = delta_factor(mine, port, [3, 4, 5], 1e-9, lambda v: f"the gradient at the port's {v.op}")
    assert "[divide (6, 3)]" in said and "times 0.5" in said, said
    right = values(("linear", features, (), ""), ("grad", (features - teacher) / 18 + 0.3 * features, (0,), ""))
    assert "times 0.5" not in delta_factor(mine, right, [3, 4, 5], 1e-9, lambda v: v.op)


def test_two_terms_whose_weights_are_exchanged_are_read_and_a_value_made_already_is_not():
    from parity.diagnosis.weights_exchanged import weights_exchanged
    eps, x0 = RNG.normal(size=(6, 2)), RNG.normal(size=(6, 2))
    a, b = RNG.uniform(0.2, 0.9, size=(6, 1)), RNG.uniform(0.2, 0.9, size=(6, 1))
    mine = values(("X", x0, (), ""), ("y", eps, (), ""), ("sqrt", a, (), ""), ("sqrt", b, (), ""),
                  ("multiply", b * eps, (3, 1), ""), ("multiply", a * x0, (2, 0), ""), ("subtract", b * eps - a * x0, (4, 5), ""))
    port = values(("sub", a * eps - b * x0, (), ""))
    said = weights_exchanged(mine.values[6:], mine, port, 1e-9)
    assert "in each other's place it gives the port's [sub (6, 2)]" in said and "the other way round" in said, said
    assert weights_exchanged(mine.values[6:], mine, values(("sub", a * eps - b * x0 + 0.1, (), "")), 1e-9) == ""
    made = values(("X", x0, (), ""), ("y", eps, (), ""), ("sqrt", a, (), ""), ("sqrt", b, (), ""),
                  ("add", a * eps - b * x0, (), ""),  # the very value, made before for another use
                  ("multiply", b * eps, (3, 1), ""), ("multiply", a * x0, (2, 0), ""), ("subtract", b * eps - a * x0, (5, 6), ""))
    assert weights_exchanged(made.values[7:], made, port, 1e-9) == ""


def test_smoothed_targets_whose_rows_sum_past_one_are_read_and_a_distribution_is_not():
    from parity.diagnosis.target_mass import mass_apart
    labels = RNG.integers(0, 3, 6)
    onehot = np.eye(3)[labels]
    logp = np.log(_softmax(RNG.normal(size=(6, 3))))
    for q, said in ((0.05 + 0.9 * onehot, "sum to 1.05"), (0.1 / 3 + 0.9 * onehot, "")):
        trace = values(("X", logp, (), ""), ("y", labels.astype(float), (), ""), ("getitem", q, (1,), ""),
                       ("multiply", q * logp, (2, 0), ""))
        trace.values[2].users = [3]
        found = mass_apart(trace.values[2:], trace)
        assert (said in found) if said else found == "", found


def test_a_softmax_summed_over_the_batch_before_any_shared_gradient_is_read_by_its_axis():
    from parity.diagnosis.backward_readings import axis_apart
    counts, onehot = RNG.normal(size=(6, 3)), np.eye(3)[RNG.integers(0, 3, 6)]
    e = np.exp(counts)
    mine = values(("X", counts, (), ""), ("y", onehot, (), ""), ("exp", e, (0,), ""),
                  ("add.reduce", e.sum(0, keepdims=True), (2,), "axis=0, keepdims=True"),
                  ("divide", e / e.sum(0, keepdims=True), (2, 3), ""), ("subtract", e / e.sum(0, keepdims=True) - onehot, (4, 1), ""))
    port = values(("sum", counts, (), ""), ("grad", _softmax(counts) - onehot, (0,), ""))
    said = axis_apart([3, 4, 5], mine, port, 1e-9)
    assert "sums over axis 0 keeping it; summed over axis 1, keepdims=True" in said, said


def test_gradients_clipped_together_are_read_by_their_one_factor_and_the_ones_that_part_otherwise():
    from parity.diagnosis.clipped_together import clipped_together
    grads = {p: RNG.normal(size=(3, 2)) for p in ("bo", "Wo", "Wh")}
    port = {f"{p}.grad": g for p, g in grads.items()}
    scaled = {f"{p}.grad": 0.8 * g for p, g in grads.items()}
    found = clipped_together(None, None, "bo.grad", scaled, port, 1)
    assert found is not None and "one factor for all" in found.explanation, found
    apart = {**scaled, "Wh.grad": 0.8 * grads["Wh"].T.copy().reshape(3, 2) + 1.0}
    found = clipped_together(None, None, "bo.grad", apart, port, 1)
    assert "as are the gradients of Wo:" in found.explanation and "Wh part otherwise" in found.explanation, found
    assert clipped_together(None, None, "bo.grad", port, port, 1) is None  # no factor: nothing clipped apart
    biases = {"b3": RNG.normal(size=1), "wide_b": RNG.normal(size=1), "W3": RNG.normal(size=(4, 1))}
    kept = {f"{p}.grad": g for p, g in biases.items()}  # two output biases of one number each share any ratio
    delta = {"b3.grad": 0.25 * biases["b3"], "wide_b.grad": 0.25 * biases["wide_b"], "W3.grad": biases["W3"] ** 2}
    assert clipped_together(None, None, "b3.grad", delta, kept, 1) is None
    part = {**scaled, "Wo.grad": grads["Wo"]}  # one gradient agrees: a norm scales every gradient or none
    assert clipped_together(None, None, "bo.grad", part, port, 1) is None
    buffers = {f"{p}.momentum_buffer": 0.8 * g for p, g in grads.items()}  # a NumPy program that keeps no gradients
    # one factor for all, read from a state, is as well the state's own constant taken otherwise: not said here
    assert clipped_together(None, None, "bo.momentum_buffer", buffers, port, 1) is None
    apart_buffers = {**buffers, "Wh.momentum_buffer": grads["Wh"] + 1.0}
    found = clipped_together(None, None, "bo.momentum_buffer", apart_buffers, port, 1)
    assert found is not None and "Wh part otherwise" in found.explanation, found
    assert clipped_together(None, None, "bo.momentum_buffer", buffers, port, 2) is None  # past step 1 a buffer holds more


def test_a_numpy_gradient_read_from_a_momentum_buffer_leaves_out_the_weight_decay_both_sides_add():
    from parity.diagnosis.clipped_together import _both_gradients
    grads = {p: RNG.normal(size=(3, 2)) for p in ("W", "b")}
    theta = {p: RNG.normal(size=(3, 2)) for p in grads}
    port = {**{f"{p}.grad": g for p, g in grads.items()},
            **{f"{p}.momentum_buffer": g + 0.01 * theta[p] for p, g in grads.items()}}
    clipped = {f"{p}.momentum_buffer": 0.6 * g + 0.01 * theta[p] for p, g in grads.items()}  # clipped, then decayed
    mine, theirs = _both_gradients(clipped, port, 1, {"lr": 0.1, "μ": 0.9})
    assert all(np.allclose(mine[p], 0.6 * grads[p]) and np.allclose(theirs[p], grads[p]) for p in grads)
    plain = {f"{p}.momentum_buffer": 0.6 * g for p, g in grads.items()}  # no decay on the NumPy side: not one factor
    mine, _ = _both_gradients(plain, port, 1, {"lr": 0.1, "μ": 0.9})
    assert not np.allclose(mine["W"], 0.6 * grads["W"])
    kept = {f"{p}.grad": 0.6 * g for p, g in grads.items()}  # gradients kept: taken as they are
    assert np.allclose(_both_gradients(kept, port, 1, {})[0]["W"], 0.6 * grads["W"])


def test_a_gradient_read_back_from_an_adagrad_step_needs_more_than_one_square_to_bear_out_the_rate():
    """g = -Δθ·(√s + ε) / lr is taken only where g² is the state's own up to one start at every entry: one entry is
    its own start, so a NumPy step written otherwise (the root left out) is not read back as a gradient there."""
    from parity.diagnosis.state_stage import numpy_gradient
    g = RNG.normal(size=4)
    s = 0.1 + g * g
    rootless = {"W.sum": s, "W.update": -0.1 * g / s, "mu.sum": s[:1], "mu.update": -0.1 * g[:1] / s[:1]}
    assert numpy_gradient(rootless, "W", 1, {"lr": 0.1}) is None  # four squares: the rate is not borne out
    assert numpy_gradient(rootless, "mu", 1, {"lr": 0.1}) is None
    rooted = {"W.sum": s, "W.update": -0.1 * g / np.sqrt(s)}
    assert np.allclose(numpy_gradient(rooted, "W", 1, {"lr": 0.1}), g)


def test_each_sides_handling_of_the_gradients_is_read_against_back_propagations_own():
    from parity.diagnosis.clip_handling import handling, handling_finding
    raw = {p: 4 * RNG.normal(size=(5, 3)) for p in ("W1", "b1", "W2")}
    total = float(np.sqrt(sum(np.sum(g * g) for g in raw.values())))
    by_norm = {p: g * (2.0 / total) for p, g in raw.items()}
    by_value = {p: np.clip(g, -5.0, 5.0) for p, g in raw.items()}
    found = handling_finding(by_value, by_norm, raw, 1)
    assert found is not None and "cut element by element at ±5" in found.explanation, found
    assert "clipping by a global norm, to 2" in found.explanation, found
    assert handling_finding(by_norm, by_norm, raw, 1) is None  # handled alike: the programs part elsewhere
    part = float(np.sqrt(np.sum(raw["W2"] ** 2) + np.sum(raw["b1"] ** 2)))
    subset = {**raw, "W2": raw["W2"] / part, "b1": raw["b1"] / part}  # those two clipped to a norm of 1
    assert handling(subset, raw)[0] == "subset"
    assert handling({p: g / 3 for p, g in raw.items()}, raw) is None  # one factor to no norm a clip writes
    assert handling({p: g + 0.3 for p, g in raw.items()}, raw) is None  # no handling of the raw gradients
    summed = sum(float(np.sqrt(np.sum(g * g))) for g in raw.values())  # Σ‖g‖ where √(Σ‖g‖²) belongs
    found = handling_finding({p: g * (2.0 / summed) for p, g in raw.items()}, by_norm, raw, 1)
    assert found is not None and "a clip to 2 of the sum of each parameter's norm" in found.explanation, found


def test_gradients_clipped_each_by_its_own_norm_to_a_cap_people_write_with_a_head_left_out_are_read():
    """The body's gradients each scaled to a norm of at most 0.15 (a cap of two digits, met by two of them), the head's
    left as they are though their norm is over it: a clip per tensor over the body alone."""
    from parity.diagnosis.clip_handling import _round, handling
    rng = np.random.default_rng(31)
    raw = {"W1": rng.normal(size=(4, 3)), "b1": 0.01 * rng.normal(size=3), "beta": rng.normal(size=3), "W2": rng.normal(size=(3, 2))}
    each = {p: g * min(1.0, 0.15 / float(np.linalg.norm(g))) if p != "W2" else g for p, g in raw.items()}
    kind, said = handling(each, raw)
    assert kind == "each" and "at most 0.15 on its own" in said and "W2 over it but left as they are" in said, said
    assert _round(0.15) and _round(7.5) and not _round(0.1537) and not _round(float(np.pi))


def test_a_ports_gradient_larger_than_the_derivative_by_one_factor_is_the_ports_and_a_smaller_one_is_not_read_so():
    from parity.diagnosis.port_gradient import enlarged
    derivative = np.random.default_rng(4).normal(size=(5, 3))
    found = enlarged(1, "B", 4 * derivative, derivative)
    assert found.name == "port-gradient" and found.evidence["side"] == "torch" and "4 times" in found.explanation, found
    assert enlarged(1, "B", 0.5 * derivative, derivative) is None  # clipping by a norm shrinks: not said here
    assert enlarged(1, "B", 4 * derivative + 0.1, derivative) is None  # no one factor


def test_a_numpy_gradient_that_is_no_derivative_beside_a_port_gradient_that_is_one_is_said_with_its_side(monkeypatch):
    import parity.diagnosis.port_gradient as written
    monkeypatch.setattr(written, "port_error", lambda setup, built, step, parameter, gradient, apart, scaled=False: 0.2)
    found = written.not_derivative(None, None, (1, "Wc", None), 1e-8, np.ones(3))
    assert found.name == "numpy-backward" and found.evidence["side"] == "numpy" and "relative error 0.2" in found.explanation
    assert written.not_derivative(None, None, (1, "Wc", None), 0.05, np.ones(3)) is None  # the port's no derivative either
    monkeypatch.setattr(written, "port_error", lambda setup, built, step, parameter, gradient, apart, scaled=False: 1e-7)
    assert written.not_derivative(None, None, (1, "Wc", None), 1e-8, np.ones(3)) is None  # both the derivative
    # the derivative times one factor: no error for a gradient of many elements (a clip), the error for one element
    monkeypatch.setattr(written, "port_error", lambda setup, built, step, parameter, gradient, apart, scaled=False:
                        0.9 if scaled else None)
    assert written.not_derivative(None, None, (1, "Wc", None), 1e-8, np.ones(3)) is None
    assert written.not_derivative(None, None, (1, "log_alpha", None), 1e-8, np.ones(1)).evidence["side"] == "numpy"


def test_a_port_that_clips_after_its_step_is_read_from_its_state_and_its_kept_gradients():
    from parity.diagnosis.clip_handling import clipped_after_step
    raw = {p: RNG.normal(size=(4, 3)) for p in ("W", "b")}
    after = {**{f"{p}.exp_avg": 0.1 * g for p, g in raw.items()}, **{f"{p}.grad": 0.8 * g for p, g in raw.items()}}
    found = clipped_after_step(after, raw, 1, 0.9)
    assert found is not None and "clips after optimizer.step()" in found.explanation and found.evidence["side"] == "torch"
    before = {**{f"{p}.exp_avg": 0.08 * g for p, g in raw.items()}, **{f"{p}.grad": 0.8 * g for p, g in raw.items()}}
    assert clipped_after_step(before, raw, 1, 0.9) is None  # the state took the clipped gradients: clipped before the step
    assert clipped_after_step(after, raw, 2, 0.9) is None  # past the first step a state holds more than one gradient


def test_one_factor_above_one_on_the_numpy_side_beside_the_ports_own_gradients_is_no_clipping():
    from parity.diagnosis.clipped_together import _why
    raw = {p: RNG.normal(size=3) for p in ("b1", "b2")}
    assert "no clipping gives it" in _why(3.0, ["b1", "b2"], raw, raw)
    assert "as clipping by a global norm" in _why(0.5, ["b1", "b2"], raw, raw)  # smaller: a clip on the NumPy side may
    assert "as clipping by a global norm" in _why(3.0, ["b1", "b2"], {p: g / 3 for p, g in raw.items()}, raw)  # port clips


def test_a_gradient_taken_through_a_subtraction_but_not_the_division_after_it_is_read_as_that_step_left_out():
    from parity.diagnosis.delta_factor import delta_factor
    y, mu, s = RNG.normal(size=(6, 2)), RNG.normal(size=(6, 2)), np.exp(RNG.normal(size=(6, 2)))
    g_z = RNG.normal(size=(6, 2))  # the loss's gradient at z = (y - mu) / s
    port = values(("y", y, (), ""), ("linear", mu, (), ""), ("sub", y - mu, (0, 1), ""), ("exp", s, (), ""),
                  ("div", (y - mu) / s, (2, 3), ""), ("grad", g_z, (4,), ""))
    for skipped, said_or_not in ((True, True), (False, False)):
        delta = -g_z if skipped else -g_z / s  # d z / d mu = -1/s
        mine = values(("X", mu, (), ""), ("y", y, (), ""), ("subtract", y - mu, (1, 0), ""), ("negative", delta, (2,), ""))
        said = delta_factor(mine, port, [2, 3], 1e-9, lambda v: f"the gradient at the port's {v.op}")
        assert ("leaves out the step through the division by [exp (6, 2)]" in said) == said_or_not, said


def test_a_half_that_is_the_temperature_the_forward_divides_by_is_said_with_that_division():
    from parity.diagnosis.delta_factor import delta_factor
    x, t = RNG.normal(size=(6, 4)), RNG.normal(size=(6, 3))
    feats = x @ RNG.normal(size=(4, 3))
    g = (feats / 0.5 - t) / 6  # the gradient at the scaled scores; at the scores themselves it is g / 0.5
    mine = values(("X", x, (), ""), ("matmul", feats, (0, "?"), ""), ("multiply", 0.5 * feats, (1, 0.5), ""),
                  ("divide", feats / 0.5, (1, 0.5), ""), ("y", t, (), ""), ("subtract", feats / 0.5 - t, (3, 4), ""),
                  ("divide", g, (5, 6.0), ""))
    port = values(("linear", feats, (), ""), ("grad", g / 0.5, (0,), ""))
    said = delta_factor(mine, port, [5, 6], 1e-9, lambda v: f"the gradient at the port's {v.op}")
    assert "times 0.5" in said and "half; 0.5, the number the program writes in divide(" in said, said


def test_a_delta_weighted_per_label_on_one_side_is_read_as_a_class_weight():
    from parity.diagnosis.class_weights import label_weighted
    y = (RNG.random(12) > 0.5).astype(float)
    g = RNG.normal(size=12)
    for weights, said in (({0.0: 1.0, 1.0: 0.5}, True), ({0.0: 1.0, 1.0: 1.0}, False), ({0.0: -1.0, 1.0: 1.0}, False)):
        mine = values(("y", y, (), ""), ("subtract", g * np.where(y == 1, weights[1.0], weights[0.0]), (0,), ""))
        port = values(("grad", g, (), ""))
        found = label_weighted([mine.values[1]], [port.values[0]], mine, lambda v: "the port's gradient")
        assert ("0.5 on the rows labelled 1" in found) == said, found


@pytest.mark.parametrize("op, read", [("mul", True), ("lstm_cell", False)])
def test_a_forward_value_as_a_factor_is_read_as_extra_only_where_the_port_op_is_no_fused_cell(op, read):
    """An LSTM cell's backward multiplies by its gates and tanh(c) itself: the NumPy program's factors there are the
    chain rule's own, with no port value of theirs to meet."""
    from parity.diagnosis.delta_factor import delta_factor
    x, g = RNG.normal(size=(6, 4)), RNG.normal(size=(6, 4))
    gate = np.tanh(x)
    mine = values(("X", x, (), ""), ("tanh", gate, (0,), ""), ("matmul", g, ("?", "?"), ""), ("multiply", g * gate, (2, 1), ""))
    port = values(("X", x, (), ""), (op, np.tanh(x) * 0.3, (0,), ""), ("grad", g, (1,), ""))
    said = delta_factor(mine, port, [3], 1e-9, lambda v: f"the gradient at the port's {v.op}")
    assert ("a factor of the chain rule extra" in said) == read, said


def test_a_masks_infinite_fill_is_no_number_a_factor_is_read_as():
    from parity.diagnosis.ratios import written_form
    masked = values(("X", np.ones((2, 2)), (), ""), ("where", np.ones((2, 2)), (0, 0, float("-inf")), ""))
    assert written_form(16.0, masked.values) is None
    scaled = values(("X", np.ones((2, 2)), (), ""), ("multiply", 4 * np.ones((2, 2)), (0, 4.0), ""))
    assert written_form(0.25, scaled.values)[2] == "1/n"


def test_a_write_that_loses_values_is_read_past_a_fused_op_and_the_place_said_where_there_is_none():
    from parity.diagnosis.written_backward import _inside_fused
    g = RNG.normal(size=(6, 4))
    port = values(("X", g, (), ""), ("embedding_bag", g, (0,), ""), ("grad", g, (1,), ""))
    for detail, said in (("idx (indices repeat)", "indices repeat"), ("idx", "a fused op whose backward")):
        mine = values(("X", g, (), ""), ("zeros_like", np.zeros((5, 4)), (0,), ""),
                      ("setitem (in place)", RNG.normal(size=(5, 4)), (1, 0), detail))
        found = _inside_fused("At step 1 ...", {"step": 1}, port.values[2], (mine, port), ([1, 2], 1e-9))
        assert found is not None and said in found.explanation, found
    assert _inside_fused("", {}, values(("X", g, (), ""), ("grad", g, (0,), "")).values[1], (mine, port), ([1, 2], 1e-9)) is None
