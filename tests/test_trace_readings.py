"""Readings of where two programs part, each from measured values: a reshape in another memory order, one column of
a joined array, another operand (one number or one per column), a convolution's padding, rows drawn otherwise; and in
the kit's family, a parameter replaced by its step and the error squared in the output delta."""

import numpy as np

from parity.diagnosis.value_trace import Trace
from parity.diagnosis.written_ops import lengths
from parity.diagnosis.rows_drawn import row_order
from parity.diagnosis.written_readings import columns, operands
from tests.test_row_stages import PROGRAM, RIGHT, check


def values(*steps):
    """A trace of (op, array, inputs, detail) steps, the first being X."""
    trace = Trace()
    for op, array, inputs, detail in steps:
        trace._add(op, np.asarray(array, np.float64), inputs, detail)
    return trace


def test_the_same_values_in_another_memory_order_are_read_as_such():
    images = np.arange(2 * 2 * 3, dtype=float).reshape(2, 2, 3)
    mine = values(("X", images, (), ""), ("reshape", images.reshape(2, -1, order="F"), (0,), "2, -1, order='F'"))
    theirs = values(("X", images, (), ""), ("flatten", images.reshape(2, -1), (0,), "start_dim=1"))
    said = columns(mine.values[1:], theirs.values[1:], mine.values[0], mine)
    assert "same values" in said and "order='F'" in said and "[0, 3, 1, 4, 2, 5]" in said, said
    assert columns(theirs.values[1:], theirs.values[1:], mine.values[0], mine) == ""  # the same order: nothing to say


def test_one_column_of_a_joined_array_that_differs_is_traced_to_its_op():
    x = np.linspace(-1, 1, 6).reshape(-1, 1)
    mine = values(("X", x, (), ""), ("square", x ** 2, (0,), ""), ("multiply", 3 * x, (0, 3.0), ""),
                  ("hstack", np.hstack([x, x ** 2, 3 * x]), (0, 1, 2), ""))
    theirs = values(("X", x, (), ""), ("pow", np.hstack([x, x ** 2, x ** 3]), (0, "?"), ""))
    said = columns(mine.values[1:], theirs.values[1:], mine.values[0], mine)
    assert "Columns [0, 1]" in said and "[2] differ" in said and "multiply(…, 3)" in said and "X**3" in said, said


def test_another_operand_is_read_as_one_number_or_one_per_column():
    X = np.array([[0.0, 10.0], [1.0, 20.0], [2.0, 40.0]])
    mine = values(("X", X, (), ""), ("subtract", X - X.min(), (0, "?"), ""))
    theirs = values(("X", X, (), ""), ("sub", X - X.min(axis=0), (0, "?"), ""))
    said, named = operands(mine.values[1:], theirs.values[1:], mine.values[0], theirs.values[0], mine, theirs)
    assert "one number for the whole array" in said and "one per column" in said and named == "", said


def test_a_convolutions_padding_is_read_from_its_length():
    mine = values(("X", np.zeros((2, 1, 8)), (), ""), ("einsum", np.ones((2, 3, 6)), (0, "?"), ""))
    theirs = values(("X", np.zeros((2, 1, 8)), (), ""), ("conv1d", np.ones((2, 3, 8)), (0, "?"), ""))
    said = lengths(mine.values[1:], theirs.values[1:])
    assert "pads 2 more in all, 1 more on each side" in said and "8 positions" in said, said


def test_rows_drawn_in_another_order_are_said_with_the_rows():
    X = np.arange(12.0).reshape(6, 2)
    mine = values(("X", X, (), ""), ("getitem", X[[0, 1, 2]], (0,), "idx"))
    theirs = values(("X", X, (), ""), ("getitem", X[[2, 0, 1]], (0, "?"), ""))
    said, rows, _ = row_order(mine.values[1:], theirs.values[1:], mine.values[0])
    assert "the same rows in another order" in said and rows == {"numpy": [0, 1, 2], "torch": [2, 0, 1]}
    assert row_order(mine.values[1:], mine.values[1:], mine.values[0]) is None


def test_a_parameter_replaced_by_its_step_is_named(tmp_path):
    code, top = check(tmp_path, PROGRAM.replace("self.W2 -= self.lr", "self.W2 =- self.lr"), RIGHT, ("--lr", "0.5"))
    assert code == 1 and top["name"] == "replaced-by-step" and "W2" in top["explanation"] and "=-" in top["explanation"], top


def test_the_error_squared_in_the_output_delta_is_named(tmp_path):
    code, top = check(tmp_path, PROGRAM, RIGHT, ("--lr", "0.5"), OUTPUT_DELTA="(out - y) ** 2")
    assert code == 1 and top["name"] == "activation-derivative" and "(out - y)²" in top["explanation"], top


def test_a_softmax_whose_log_sum_exp_took_log1p_is_read():
    from parity.diagnosis import activation_readings as acts
    z = np.random.default_rng(2).normal(size=(12, 4))
    e = np.exp(z - z.max(axis=1, keepdims=True))
    extra_class = e / (1 + e.sum(axis=1, keepdims=True))
    assert "log1p" in acts.activation(z, extra_class, 1e-3, "softmax")[0]


def test_labels_shifted_by_one_class_and_a_target_subtracted_twice_are_read():
    from parity.diagnosis.logit_gradients import run_gradient
    from parity.diagnosis.target_readings import smoothed_targets
    rng = np.random.default_rng(3)
    z, y = rng.normal(size=(10, 4)), np.eye(4)[rng.integers(0, 4, 10)]
    shifted = np.zeros_like(y)
    shifted[:, :-1] = y[:, 1:]
    run = run_gradient("ce-sum", "softmax", z, y)
    p = np.exp(z) / np.exp(z).sum(axis=1, keepdims=True)
    assert "shifted down by one" in smoothed_targets(run, p - shifted, z, y, "softmax", 1e-6)[0]
    assert "subtracted twice" in smoothed_targets(run, p - 2 * y, z, y, "softmax", 1e-6)[0]


def test_a_list_of_traced_rows_made_into_an_array_keeps_the_trace_and_convolve_is_told_from_conv1d():
    from parity.diagnosis.traced_step import _keeping
    from parity.diagnosis.value_trace import TracedArray, _TRACE
    from parity.diagnosis.comparisons import semantics
    trace, X = Trace(), np.arange(8.0).reshape(2, 4).view(TracedArray)
    trace.root("X", X, np.array(X.view(np.ndarray)))
    _TRACE.append(trace)
    try:
        rows = [np.convolve(X[i], np.array([1.0, -1.0]), mode="valid") for i in range(2)]
        stacked = _keeping(np.array)(rows)
    finally:
        _TRACE.pop()
    assert isinstance(stacked, TracedArray) and trace.values[-1].op == "array" and len(trace.values[-1].inputs) == 2
    port = values(("X", np.zeros((2, 4)), (), ""), ("conv1d", np.zeros((2, 1, 3)), (0, "?"), ""))
    assert "flips the kernel" in semantics(trace.values, port.values[1:])
    assert semantics(trace.values, []) == ""


def test_a_view_a_method_makes_through_a_plain_array_keeps_its_source():
    """a.squeeze(1) on a traced result is a view of the plain array the result views: found by that owner."""
    from parity.diagnosis.value_trace import TracedArray, _TRACE
    trace, X = Trace(), np.arange(6.0).reshape(2, 3).view(TracedArray)
    trace.root("X", X, np.array(X.view(np.ndarray)))
    _TRACE.append(trace)
    try:
        summed = (X * 2.0).sum(axis=1, keepdims=True)
        scaled = summed.squeeze(1) * 3.0
        sliced = X[:, :1] + 1.0  # a part of X: its owner is X's, and no value is read from a part's owner
    finally:
        _TRACE.pop()
    by_three = next(v for v in trace.values if v.op == "multiply" and 3.0 in v.inputs)
    assert trace.values[by_three.inputs[0]].op == "add.reduce", by_three.inputs  # not '?': the squeeze found its value
    assert np.array_equal(by_three.array, scaled.view(np.ndarray))
    part = trace.values[trace.values[-1].inputs[0]]
    assert part.op == "getitem" and part.inputs == (0,) and np.array_equal(trace.values[-1].array, sliced.view(np.ndarray))


def test_a_copy_flatten_or_repeat_method_keeps_its_source():
    """dlogits = probs.copy(): methods that make a new array outside NumPy's function protocol are noted."""
    from parity.diagnosis.value_trace import TracedArray, _TRACE
    trace, X = Trace(), np.arange(6.0).reshape(2, 3).view(TracedArray)
    trace.root("X", X, np.array(X.view(np.ndarray)))
    _TRACE.append(trace)
    try:
        made = [np.exp(X).copy() * 2.0, np.exp(X).flatten() * 2.0, np.exp(X).repeat(2, 0) * 2.0]
    finally:
        _TRACE.pop()
    doubled = [v for v in trace.values if v.op == "multiply"]
    assert [trace.values[v.inputs[0]].op for v in doubled] == ["copy", "flatten", "repeat"], [v.inputs for v in doubled]
    assert all(np.array_equal(v.array, m.view(np.ndarray)) for v, m in zip(doubled, made))


def test_rows_cut_into_batches_of_another_size_or_at_another_offset_are_told_apart():
    X = np.arange(40.0).reshape(20, 2)
    order = [7, 3, 11, 0, 15, 9, 2, 18]
    data = values(("X", X, (), ""),)
    as_batch = lambda rows: values(("X", X, (), ""), ("getitem", X[rows], (0,), "idx")).values[1:]  # noqa: E731
    said, _, fit = row_order(as_batch(order), as_batch(order[:4]), data.values[0])
    assert "batches of another size" in said and fit == 0.8
    said, _, fit = row_order(as_batch(order[1:7]), as_batch(order[:6]), data.values[0])
    assert "other offsets" in said and fit == 0.8
    said, _, fit = row_order(as_batch([1, 4, 5, 6]), as_batch([10, 12, 13, 14]), data.values[0])
    assert "other rows" in said and fit < 0.8


def test_a_loss_comparing_the_output_with_another_value_of_the_data_is_read():
    from parity.diagnosis.written_readings import compared_with
    y = np.array([[1.0], [3.0], [5.0], [7.0]])
    out = np.array([[0.5], [0.1], [0.2], [0.3]])
    standard = (y - y.mean()) / y.std()
    mine = values(("X", np.zeros((4, 2)), (), ""), ("y", y, (), ""), ("add", out, (0, "?"), ""), ("divide", standard, (1, "?"), ""),
                  ("subtract", out - y, (2, 1), ""))
    theirs = values(("X", np.zeros((4, 2)), (), ""), ("y", y, (), ""), ("linear", out, (0, "?"), ""), ("div", standard, (1, "?"), ""),
                    ("mse_loss", np.array(0.0), (2, 3), ""))
    said = compared_with([mine.values[4]], [theirs.values[4]], mine.values[2], theirs.values[2], mine, theirs)
    assert "y itself" in said and "standardised" in said and "does not use it" in said, said


def test_rmsprops_decay_is_read_from_its_first_step():
    import torch
    from parity.diagnosis.update_stage import _squared_average_decay
    optimizer = torch.optim.RMSprop([torch.zeros(2, requires_grad=True)], lr=0.01)
    said = _squared_average_decay({"optimizer": optimizer}, float(np.sqrt(0.01 / 0.1)))
    assert "α = 0.9" in said and "alpha = 0.99" in said, said
    assert _squared_average_decay({"optimizer": torch.optim.SGD([torch.zeros(2, requires_grad=True)], lr=0.1)}, 0.3) is None


def test_an_update_of_plus_or_minus_lr_everywhere_past_the_first_step_is_read_as_a_state_assigned():
    from types import SimpleNamespace

    import torch
    from parity.diagnosis.update_stage import _sign_step
    optimizer = torch.optim.Adagrad([torch.zeros(2, requires_grad=True)], lr=0.1)
    g = np.random.default_rng(4).normal(size=(3, 4))
    context = SimpleNamespace(step=2, numpy_record={"W.update": -0.1 * np.sign(g)},
                              torch_record={"W.update": -0.1 * g / np.sqrt(g ** 2 + (0.5 * g) ** 2)})
    assert "cache = g²" in _sign_step({"optimizer": optimizer}, context, "W")
    context.step = 1  # Adam's and Adagrad's first steps are ±lr too
    assert _sign_step({"optimizer": optimizer}, context, "W") is None


def test_a_ratio_of_a_data_axis_length_and_repeat_against_tile_are_read():
    from parity.diagnosis.update_stage import _data_axis
    from parity.diagnosis.comparisons import semantics
    assert _data_axis((48, 5), 4.99999) == (1, 5) and _data_axis((48, 5), 1 / 5) == (1, 5)
    assert _data_axis((48, 5, 5), 5.0) is None and _data_axis((48, 5), 3.0) is None  # two axes of that length; none
    mine = values(("X", np.zeros((2, 2)), (), ""), ("repeat", np.zeros((2, 4)), (0, 2.0), "axis=1"))
    theirs = values(("X", np.zeros((2, 2)), (), ""), ("repeat", np.zeros((2, 4)), (0, 1.0, 2.0), ""))
    assert "repeat_interleave" in semantics(mine.values, theirs.values[1:])


def test_two_elementwise_functions_of_the_agreeing_value_are_said_with_their_meanings():
    from parity.diagnosis.functions_apart import functions_apart
    counts = np.abs(np.random.default_rng(0).normal(size=(6, 3))) + 0.5
    mine = values(("X", counts, (), ""), ("log1p", np.log1p(counts), (0,), ""))
    port = values(("X", counts, (), ""), ("log", np.log(counts), (0,), ""))
    said = functions_apart(mine.values[1:], port.values[1:], mine.values[0], port.values[0], 1e-9)
    assert "applies log1p (log(1 + x))" in said and "where the port applies log:" in said, said
    # both sides take log and exp of the same value: a pair of one side's log and the other's exp is no slip
    both = values(("X", counts, (), ""), ("log", np.log(counts), (0,), ""), ("exp", np.exp(counts), (0,), ""))
    assert functions_apart(both.values[1:], both.values[1:][::-1], both.values[0], both.values[0], 1e-9) == ""


def test_a_formula_of_the_agreeing_value_is_no_function_applied_in_another_ones_place():
    from parity.diagnosis.functions_apart import functions_apart
    z = np.random.default_rng(1).normal(size=(6, 3))
    mine = values(("X", z, (), ""), ("maximum", np.maximum(z, 0), (0, 0.0), ""), ("absolute", np.abs(z), (0,), ""))
    port = values(("X", z, (), ""), ("sigmoid", 1 / (1 + np.exp(-z)), (0,), ""))  # a stable BCE with logits, by hand
    assert functions_apart(mine.values[1:], port.values[1:], mine.values[0], port.values[0], 1e-9) == ""


def test_two_functions_of_other_kinds_are_no_function_written_in_anothers_place():
    from parity.diagnosis.functions_apart import functions_apart
    p = np.random.default_rng(2).normal(size=(6,))
    mine = values(("X", p, (), ""), ("square", p ** 2, (0,), ""))
    port = values(("X", p, (), ""), ("cos", np.cos(p), (0,), ""))  # position and momentum swapped upstream
    assert functions_apart(mine.values[1:], port.values[1:], mine.values[0], port.values[0], 1e-9) == ""


def test_a_sibling_that_is_the_same_distribution_in_another_form_is_no_function_put_in_its_place():
    from types import SimpleNamespace

    from parity.diagnosis.sibling_place import in_its_place
    z = np.random.default_rng(5).normal(size=(4, 3))
    log_p = z - np.log(np.exp(z).sum(axis=1, keepdims=True))
    mine = values(("X", z, (), ""), ("divide", np.exp(log_p), (0,), ""))  # the NumPy program holds the probabilities
    port = values(("X", z, (), ""))
    op = SimpleNamespace(index=1, array=log_p, users=[])
    assert not in_its_place(op, np.exp(log_p), {}, ((), mine, port), 1e-9)  # log_softmax beside softmax: one distribution
    relu = SimpleNamespace(index=1, array=np.maximum(z, 0), users=[])
    assert in_its_place(relu, np.tanh(z), {}, ((), mine, port), 1e-9)  # another function: the reading may stand


def test_a_mask_only_the_numpy_program_makes_over_a_value_both_have_is_read_as_left_out():
    from parity.diagnosis.comparisons import mask_dropped
    q, s = np.array([0.0, 0, 1, 1, 1]), np.array([3.0, 1, 2, 0, 4])
    same, better = (q[:, None] == q[None, :]).astype(float), (s[:, None] > s[None, :]).astype(float)
    mine = values(("X", np.column_stack([q, s]), (), ""), ("equal", same, (0, 0), ""), ("greater", better, (0, 0), ""),
                  ("logical_and", better * same, (2, 1), ""))
    port = values(("gt", better, (), ""))
    said = mask_dropped([mine.values[3]], mine, {2: port.values[0]})
    assert "masks [greater (5, 5)] with [equal (5, 5)]" in said and "its [gt (5, 5)]" in said, said
    everywhere = values(("X", np.column_stack([q, s]), (), ""), ("equal", np.ones((5, 5)), (0, 0), ""),
                        ("greater", better, (0, 0), ""), ("logical_and", better, (2, 1), ""))
    assert mask_dropped([everywhere.values[3]], everywhere, {2: port.values[0]}) == ""  # a mask of ones masks nothing


def test_a_where_that_chooses_between_two_branches_is_no_mask_left_out():
    from parity.diagnosis.comparisons import mask_dropped
    z = np.array([[-1.0, 2.0], [0.5, -0.3]])
    positive = (z > 0).astype(float)
    mine = values(("X", z, (), ""), ("greater", positive, (0, 0.0), ""), ("multiply", 0.5 * z, (0, 0.5), ""),
                  ("where", np.where(z > 0, z, 0.5 * z), (1, 0, 2), ""))
    port = values(("linear", z, (), ""))
    assert mask_dropped([mine.values[3]], mine, {0: port.values[0]}) == ""  # an activation's two branches (an ELU)


def test_a_one_hot_of_the_labels_that_selects_a_losss_terms_is_no_mask_left_out():
    from parity.diagnosis.comparisons import mask_dropped
    labels, logp = np.array([0.0, 2, 1, 2]), np.log(np.full((4, 3), 1 / 3))
    onehot = np.eye(3)[labels.astype(int)]
    mine = values(("X", logp, (), ""), ("y", labels, (), ""), ("getitem", onehot, (1,), ""),
                  ("multiply", onehot * logp, (0, 2), ""))
    port = values(("log_softmax", logp, (), ""))
    assert mask_dropped([mine.values[3]], mine, {0: port.values[0]}) == ""


def test_a_loss_summed_as_python_floats_is_traced_from_its_terms_and_the_data_rows_read_as_ints():
    """loss += -np.log(p[t][y[t]]) with y[t] an int: no array holds the loss. Its terms (one number each, used by
    nothing after) and a data row the port reads otherwise are where the programs may part; what agrees is not."""
    from parity.diagnosis.agreements import loose_region
    X = np.arange(12.0).reshape(3, 4)
    trace = values(("X", X, (), ""), ("y", X, (), ""), ("getitem", X[1], (0,), ""), ("tanh", np.tanh(X[1]), (2,), ""),
                   ("exp", np.exp(np.tanh(X[1])), (3,), ""), ("log", np.array(0.3), (4,), ""), ("log", np.array(0.2), (4,), ""),
                   ("square", X[0] ** 2, (0,), ""))
    agreed = {0: trace.values[0], 1: trace.values[1], 6: trace.values[6]}
    assert loose_region(trace, agreed) == [2, 3, 4, 5]  # the first term's ancestors, the row; not the term that agrees
    agreed[2] = trace.values[2]
    assert loose_region(trace, agreed) == [3, 4, 5]
