"""Readings by law: two values where the sides part related elementwise, a unit whose input is scaled by a named
constant or shifted, the NumPy program's own learning rate, and a port parameter no NumPy array is paired with that
its optimizer moves. Each planted beside a version that must stay silent."""

import json

import numpy as np
import pytest
from click.testing import CliRunner

from parity.cli import cli
from parity.diagnosis import activation_readings as acts
from parity.diagnosis.extra_parameters import moved
from parity.diagnosis.learning_rates import numpy_learning_rate
from parity.diagnosis.value_laws import law_between
from tests.test_trace_readings import values as traced

RNG = np.random.default_rng(3)
POSITIVE = RNG.uniform(0.5, 3.0, (6, 3))


@pytest.mark.parametrize("made, words", [(1 / POSITIVE, "reciprocal"), (np.log(POSITIVE), "logarithm"), (-POSITIVE, "negative"),
                                         (POSITIVE * np.log(2), "ln 2"), (POSITIVE + 0.25, "offset"), (1 - POSITIVE, "complement")])
def test_a_value_the_port_makes_by_a_law_of_the_numpy_programs_is_named(made, words):
    assert words in law_between(POSITIVE, made, 1e-6)


def test_values_equal_or_unrelated_follow_no_law():
    assert law_between(POSITIVE, POSITIVE.copy(), 1e-6) == ""
    assert law_between(POSITIVE, RNG.uniform(0.5, 3.0, POSITIVE.shape), 1e-6) == ""


def test_columns_standardised_on_one_side_only_are_said_by_column():
    raw = np.column_stack([RNG.normal(size=(20, 2)), RNG.integers(0, 2, (20, 2))]).astype(float)
    theirs = raw.copy()
    theirs[:, 2:] = (raw[:, 2:] - raw[:, 2:].mean(axis=0)) / raw[:, 2:].std(axis=0)
    said = law_between(raw, theirs, 1e-6)
    assert "columns [2, 3]" in said and "standardised" in said and "columns [0, 1] pass unchanged" in said


def test_a_sigmoid_of_the_input_shifted_by_one_is_read_with_its_shift():
    z = np.linspace(-2, 2, 24).reshape(8, 3)
    said = acts.activation(z, np.exp(-np.logaddexp(1.0, -z)), 1e-6, "sigmoid")
    assert said is not None and "sigmoid(z + 1)" in said[0] and "1/e" in said[0]
    assert acts.activation(z, 1 / (1 + np.exp(-z)), 1e-6, "sigmoid")[1] == "sigmoid"


def test_a_base_2_softplus_is_read_by_ln_2_and_a_clip_that_never_bites_is_not_claimed():
    z = np.linspace(-2, 2, 24).reshape(8, 3)
    said = acts.activation(z, 1 / (1 + np.exp(-np.log(2) * z)), 1e-6, "sigmoid")
    assert said is not None and "ln 2" in said[0]
    small = np.linspace(-0.9, 0.9, 24).reshape(8, 3)
    scaled = acts.activation(small, 0.98 * small, 1e-6, "softmax")
    assert scaled is not None and "hardtanh" not in scaled[0] and scaled[1] == "scaled-linear"


class Net:
    lr = 0.5


class TwoRates:
    lr, learning_rate = 0.5, 0.1


def test_the_numpy_programs_learning_rate_is_read_where_it_names_one():
    assert numpy_learning_rate({"net": Net()}) == 0.5
    assert numpy_learning_rate({"net": TwoRates()}) is None
    assert numpy_learning_rate({"net": object()}) is None


def test_an_unpaired_parameter_is_said_only_where_it_moved():
    start = {"temperature": np.ones(1)}
    assert "temperature (1,), moved from 1 to 1.02" in moved(start, {"temperature": np.array([1.02])})
    assert moved(start, {"temperature": np.ones(1)}) == ""


PORT_WITH_TEMPERATURE = '''
import torch
from torch import nn


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc1, self.fc2 = nn.Linear(4, 8), nn.Linear(8, 3)
        self.temperature = {kind}

    def forward(self, x):
        return self.fc2(torch.sigmoid(self.fc1(x))) / self.temperature
'''


@pytest.mark.parametrize("kind, exit_code", [("nn.Parameter(torch.ones(1))", 1), ("torch.ones(1)", 0)])
def test_a_constant_registered_as_a_parameter_is_named_once_its_optimizer_moves_it(tmp_path, kind, exit_code):
    (tmp_path / "port.py").write_text(PORT_WITH_TEMPERATURE.format(kind=kind))
    path = tmp_path / "r.json"
    result = CliRunner().invoke(cli, ["check", "--torch", f"{tmp_path}/port.py:Net", "--data", "random:40,4,3",
                                      "--hidden-activation", "sigmoid", "--output-activation", "softmax", "--loss", "ce",
                                      "--lr", "0.5", "--steps", "5", "--json", str(path)])
    assert result.exit_code == exit_code, result.output
    if exit_code:
        top = json.loads(path.read_text())["diagnosis"][0]
        assert top["name"] == "extra-parameter" and "temperature (1,)" in top["explanation"], top


def test_a_strict_and_a_non_strict_comparison_are_told_apart_and_one_kind_is_silent():
    from parity.diagnosis.comparisons import strictness
    mine, theirs = traced(("greater", np.ones((3, 2)), (), "")), traced(("ge", np.ones((3, 2)), (), ""))
    assert "> (greater)" in strictness(mine.values, theirs.values) and ">= (ge)" in strictness(mine.values, theirs.values)
    assert strictness(mine.values, traced(("gt", np.ones((3, 2)), (), "")).values) == ""


def test_a_bias_added_before_a_product_is_said_from_what_is_added():
    from parity.diagnosis.comparisons import bias_order
    h, b, S = RNG.normal(size=(5, 3)), RNG.normal(size=3), RNG.normal(size=(5, 5))
    theirs = traced(("X", h, (), ""), ("add", h + b, (0, "?"), ""), ("matmul", S @ (h + b), ("?", 1), ""))
    mine = traced(("X", h, (), ""), ("matmul", S @ h, ("?", 0), ""), ("add", S @ h + b, (1, "?"), ""))
    assert "the port adds the bias before the product" in bias_order(mine.values[1:], theirs.values[1:], mine, theirs)
    noise = traced(("X", h, (), ""), ("add", h + RNG.normal(size=h.shape), (0, "?"), ""), ("matmul", S @ h, ("?", 1), ""))
    assert bias_order(mine.values[1:], noise.values[1:], mine, noise) == ""


def test_a_table_looked_up_by_another_column_of_x_is_said():
    from parity.diagnosis.columns_read import lookup_keys
    X = np.column_stack([RNG.integers(0, 4, 30), RNG.integers(0, 4, 30), RNG.normal(size=30)]).astype(float)
    table = RNG.normal(size=(4, 3))
    mine = traced(("X", X, (), ""), ("getitem", X[:, 0], (0,), ":, 0"), ("getitem", table[X[:, 0].astype(int)], ("?", 1), "idx"))
    theirs = traced(("X", X, (), ""), ("embedding", table[X[:, 1].astype(int)], (), ""))
    assert "by X's column 0 (getitem, idx); the port looks the same table up by column 1" in lookup_keys(mine.values[2:], mine, theirs)
    same = traced(("X", X, (), ""), ("embedding", table[X[:, 0].astype(int)], (), ""))
    assert lookup_keys(mine.values[2:], mine, same) == ""


def test_slices_of_one_width_shifted_by_a_column_are_said():
    from parity.diagnosis.columns_read import columns_read
    y = RNG.normal(size=(8, 6))
    mine = traced(("y", y, (), ""), ("getitem", y[:, 1:], (0,), ":, 1:"), ("subtract", y * 2, (0,), ""))
    theirs = traced(("y", y, (), ""), ("getitem", y[:, :-1], (0,), ":, :-1"), ("mse_loss", 1.0, (0,), ""))
    said = columns_read(mine, theirs, mine.values[0], theirs.values[0])
    assert "columns 1, 2, 3, 4, 5 where the port slices columns 0, 1, 2, 3, 4" in said, said
    alike = traced(("y", y, (), ""), ("getitem", y[:, 1:], (0,), ":, 1:"), ("mse_loss", 1.0, (0,), ""))
    assert columns_read(mine, alike, mine.values[0], alike.values[0]) == ""


def test_inputs_moved_along_with_zeros_are_a_window_padded_on_the_other_side():
    from parity.diagnosis.stage_readings import inputs, reordered_inputs
    X = RNG.normal(size=(10, 6))
    padded = np.zeros_like(X)
    padded[:, :1] = X[:, 5:]
    assert "moved 5 place(s) back, with 5 zero column(s) at the end" in inputs(padded, X, 1e-9)[0]
    W = RNG.normal(size=(6, 4))
    assert "reversed" in reordered_inputs(X, W, None, np.tanh(X[:, ::-1] @ W), np.tanh, 1e-9)
    assert reordered_inputs(X, W, None, np.tanh(X @ W + 1), np.tanh, 1e-9) == ""


def test_counts_given_as_presence_are_read_as_binarised():
    from parity.diagnosis.stage_readings import inputs
    X = RNG.integers(0, 4, (12, 5)).astype(float)
    assert "binarised" in inputs((X > 0).astype(float), X, 1e-9)[0]
    assert "binarised" not in (inputs(np.clip(X, 0, 2), X, 1e-9) or ("",))[0]


def test_a_softmax_with_one_logit_pinned_is_read_by_its_column():
    from parity.diagnosis.normalisation_readings import pinned_column
    z = RNG.normal(size=(10, 4))
    pinned = z.copy()
    pinned[:, 0] = 0.0
    q = np.exp(pinned) / np.exp(pinned).sum(axis=1, keepdims=True)
    assert "column 0's replaced by the constant 0" in pinned_column(z, q, 1e-9)
    assert pinned_column(z, np.exp(z) / np.exp(z).sum(axis=1, keepdims=True), 1e-9) == ""


def test_a_cells_input_and_state_given_in_the_wrong_order_are_found_by_calling_it_again():
    import torch
    from parity.diagnosis.called_again import recalled
    cell = torch.nn.GRUCell(4, 4).double()
    x, h = torch.randn(6, 4, dtype=torch.float64), torch.randn(6, 4, dtype=torch.float64)
    args = (h, x, cell.weight_ih, cell.weight_hh, cell.bias_ih, cell.bias_hh)
    port, mine = traced(("gru_cell", torch.gru_cell(*args).detach().numpy(), (), "")), traced(("add", cell(x, h).detach().numpy(), (), ""))
    port.called[0] = (torch.gru_cell, args, {})
    assert "input and hx swapped" in recalled(port.values, port.called, mine.values, 1e-9)
    right = traced(("add", cell(h, x).detach().numpy(), (), ""))
    assert recalled(port.values, port.called, right.values, 1e-9) == ""


def test_constant_matrices_built_otherwise_are_read_by_their_degrees():
    from parity.diagnosis.held_constants import constants_apart
    A = (RNG.random((7, 7)) < 0.4).astype(float)
    A = np.minimum(np.triu(A, 1) + np.triu(A, 1).T + np.roll(np.eye(7), 1, axis=1) + np.roll(np.eye(7), -1, axis=1), 1)
    A_hat = A + np.eye(7)
    d = A_hat.sum(axis=1)
    symmetric = A_hat / np.sqrt(np.outer(d, d))
    without_loop = A_hat / np.sqrt(np.outer(d - 1, d - 1))  # the degree taken of A, the self-loop left out
    said = constants_apart({"S": symmetric}, {"S": without_loop})
    assert "f(d) = d^-0.5 in the NumPy program's; (d - 1)^-0.5 in the port's" in said, said
    assert "transposed" in constants_apart({"M": A_hat + np.triu(np.ones((7, 7)), 1)}, {"M": (A_hat + np.triu(np.ones((7, 7)), 1)).T})
    mask = A_hat + np.triu(np.ones((7, 7)), 1)  # a weight's mask, held (out, in) where the port multiplies nn.Linear's weight
    assert constants_apart({"M": mask}, {"M": mask.T}, linear=True) == ""
    assert constants_apart({"S": symmetric}, {"S": symmetric.copy()}) == ""
    weights, average = RNG.normal(size=(5, 5)), RNG.normal(size=(5, 5))  # a layer's weights against a teacher's copy
    said = constants_apart({"W1": weights}, {"ema_w": average})
    assert "not a graph's edges" in said and "degree" not in said.replace("or degrees", ""), said


def test_a_gradient_sent_back_through_a_held_matrix_untransposed_is_read():
    from parity.diagnosis.held_constants import constant_transposed
    P = RNG.random((6, 6))
    d = RNG.normal(size=(6, 3))
    mine = traced(("grad", d, (), ""), ("matmul", P @ d, ("?", 0), ""))
    mine.constants = {"P": P}
    port = traced(("grad", P.T @ d, ("?",), ""))
    assert "where its transpose P.T gives the port's gradient" in constant_transposed(mine.values[1], mine, port, 1e-9)
    right = traced(("grad", P @ d, ("?",), ""))
    assert constant_transposed(mine.values[1], mine, right, 1e-9) == ""


def test_a_held_matrix_untransposed_in_one_term_of_a_sum_is_read_through_the_sum():
    """A node's gradient is its own path's plus its neighbours' (Pᵀ·d): the port never holds the second term alone."""
    from parity.diagnosis.held_constants import constant_transposed
    P, d, own = RNG.random((6, 6)), RNG.normal(size=(6, 3)), RNG.normal(size=(6, 3))
    mine = traced(("grad", d, (), ""), ("grad", own, (), ""), ("matmul", P @ d, ("?", 0), ""), ("add", P @ d + own, (2, 1), ""))
    mine.constants = {"P": P}
    port = traced(("grad", P.T @ d + own, ("?",), ""))
    assert "transpose P.T gives the port's gradient" in constant_transposed(mine.values[2], mine, port, 1e-9)
    assert constant_transposed(mine.values[2], mine, traced(("grad", P @ d + own, ("?",), "")), 1e-9) == ""


def test_an_epsilons_place_is_no_law_at_the_law_tolerance():
    """sqrt(var + eps) against std + eps: within TRACE_AGREES of a square root, beyond LAW_AGREES."""
    from parity.tolerance.diagnosis import LAW_AGREES, TRACE_AGREES
    var = RNG.uniform(0.5, 2.0, (8, 1))
    assert law_between(var + 1e-5, np.sqrt(var) + 1e-5, TRACE_AGREES["float32"]) != ""
    for dtype in ("float32", "float64"):
        assert law_between(var + 1e-5, np.sqrt(var) + 1e-5, LAW_AGREES[dtype]) == ""
        assert "square root" in law_between(var + 1e-5, np.sqrt(var + 1e-5), LAW_AGREES[dtype])


def test_the_output_meeting_another_value_is_a_loss_only_where_that_value_is_made_from_y():
    from parity.diagnosis.written_readings import compared_finding
    y, h = RNG.normal(size=(4, 1)), RNG.normal(size=(4, 1))
    for root, finding, fit in (("y", "loss-function", 0.75), ("X", "forward", 0.6)):
        mine = traced((root, y, (), ""), ("linear", h, ("?",), ""), ("add", h + y, (1, 0), ""))
        theirs = traced((root, y, (), ""), ("linear", h, ("?",), ""), ("exp", np.exp(h), (1,), ""), ("add", h + 2 * y, (1, 2), ""))
        found = compared_finding([mine.values[2]], [theirs.values[3]], mine.values[1], theirs.values[1], mine, theirs)
        assert found is not None and found[0] == finding and found[2] == fit, found


def test_a_mask_of_minus_infinity_agrees_only_with_a_mask_at_the_same_entries():
    from parity.diagnosis.value_trace import agrees
    scores = RNG.normal(size=(2, 4, 4))
    future = np.triu(np.ones((4, 4), bool), 1)
    port = np.where(future, -np.inf, scores)
    assert agrees(np.where(future, -1e9, scores), port, 1e-6)  # a large negative stands for -inf
    assert not agrees(np.where(future.T, -1e9, scores), port, 1e-6)
    assert not agrees(np.exp(scores), port, 1e-6)  # no value agrees with an array merely for holding -inf


def test_masks_of_the_other_triangle_or_with_the_diagonal_are_said():
    from parity.diagnosis.comparisons import masks_apart
    scores = RNG.normal(size=(3, 5, 5))
    causal = np.triu(np.ones((5, 5), bool), 1)
    port = traced(("masked_fill", np.where(causal, -np.inf, scores), (), ""))
    past = traced(("where", np.where(np.tril(np.ones((5, 5), bool), -1), -1e9, scores), (), ""))
    assert "j < i (the past" in masks_apart(past.values, port.values)
    diagonal = traced(("where", np.where(np.triu(np.ones((5, 5), bool)), -1e9, scores), (), ""))
    assert "the diagonal masked too" in masks_apart(diagonal.values, port.values)
    assert masks_apart(traced(("where", np.where(causal, -1e9, scores), (), "")).values, port.values) == ""


def test_the_cross_entropys_shortcut_on_targets_that_do_not_sum_to_one_is_said():
    from types import SimpleNamespace
    from parity.diagnosis.label_entries import cross_entropy_shortcut
    config = SimpleNamespace(output_activation="softmax", loss="ce")
    p = np.full((6, 3), 1 / 3)
    rewards = np.eye(3)[[0, 1, 2, 0, 1, 2]] * RNG.uniform(0.1, 0.9, (6, 1))
    assert "rows of y sum to" in cross_entropy_shortcut(config, rewards, p - rewards, (p - rewards) / 6, 1e-9)
    onehot = np.eye(3)[[0, 1, 2, 0, 1, 2]]
    assert cross_entropy_shortcut(config, onehot, p - onehot, (p - onehot) / 6, 1e-9) == ""


def test_a_factor_per_column_that_runs_geometrically_is_read_as_a_discount():
    ours = RNG.uniform(0.5, 2.0, (6, 5))
    said = law_between(ours * 0.9 ** np.arange(5), ours, 1e-9)
    assert "0.9^j" in said, said
    assert "^j" not in law_between(ours * np.array([1, 3, 2, 5, 4]), ours, 1e-9)
