"""Readings of where two programs part, each beside a version that must stay silent: a scale moved against a
softmax's own division, a scale before a softmax the other side leaves out, operands a power apart, a derivative
through the port's op written otherwise, a value taken from a kindred source, a gradient clipped on one target's
rows, and the held-out runner's reading without the location."""

import json
import sys
from pathlib import Path

import numpy as np
import pytest
import torch
from click.testing import CliRunner

from parity.cli import cli

from tests.test_trace_readings import values as traced

RNG = np.random.default_rng(5)


def _softmax_steps(x: np.ndarray, scale: float = 1.0) -> list[tuple]:
    """NumPy's softmax of X (value 0), written out, then a division by `scale` where it is not 1."""
    shifted = x - x.max(axis=1, keepdims=True)
    e = np.exp(shifted)
    steps = [("X", x, (), ""), ("maximum.reduce", x.max(axis=1, keepdims=True), (0,), "axis=1"),
             ("subtract", shifted, (0, 1), ""), ("exp", e, (2,), ""), ("add.reduce", e.sum(1, keepdims=True), (3,), "axis=1"),
             ("divide", e / e.sum(1, keepdims=True), (3, 4), "")]
    return steps + ([("divide", steps[-1][1] / scale, (5, scale), "")] if scale != 1.0 else [])


@pytest.mark.parametrize("op, f, slip, words", [
    ("tanh", np.tanh, lambda z, a: 1 - np.tanh(a) ** 2, "taken at the activation tanh(z) where z belongs"),
    ("sigmoid", lambda z: 1 / (1 + np.exp(-z)), lambda z, a: z * (1 - z), "form in the activation fed the input z"),
    ("elu", lambda z: np.where(z > 0, z, np.expm1(z)), lambda z, a: np.where(z > 0, 1.0, a), "the + α left out"),
    ("tanh", np.tanh, lambda z, a: 1 - a, "1 - a where 1 - a² belongs: the square left out"),
    ("sigmoid", lambda z: 1 / (1 + np.exp(-z)), lambda z, a: a, "a where a·(1 - a) belongs"),
    ("leaky_relu", lambda z: np.where(z > 0, z, 0.1 * z), lambda z, a: (z > 0).astype(float), "negative slope left out")])
def test_a_derivative_taken_at_the_activation_or_in_its_form_fed_the_input_is_read(op, f, slip, words):
    from parity.diagnosis.local_derivatives import factor_against
    z, g = RNG.normal(size=(6, 3)), RNG.normal(size=(6, 3))
    detail = {"elu": "alpha=1.0", "leaky_relu": "negative_slope=0.1"}.get(op, "")
    port = traced(("X", z, (), ""), (op, f(z), (0,), detail), ("grad", g, (1,), ""))
    said = factor_against(slip(z, f(z)), port.values[2], port, "[multiply (6, 3)]", 6)
    assert words in said and "another function" not in said, said
    assert factor_against(np.cos(z), port.values[2], port, "[multiply (6, 3)]", 6).endswith("another function.")


def test_selus_negative_branch_without_its_scale_and_a_hard_swishs_derivative_written_otherwise_are_read():
    from parity.diagnosis.derivative_forms import SELU_ALPHA, SELU_SCALE
    from parity.diagnosis.local_derivatives import factor_against
    rng = np.random.default_rng(21)
    z, g = rng.normal(size=(8, 4)) * 2, rng.normal(size=(8, 4))
    port = traced(("X", z, (), ""), ("selu", torch.selu(torch.as_tensor(z)).numpy(), (0,), ""), ("grad", g, (1,), ""))
    unscaled = np.where(z > 0, SELU_SCALE, SELU_ALPHA * np.exp(z))
    said = factor_against(unscaled, port.values[2], port, "[where (8, 4)]", 8)
    assert "0.951746 times it where z ≤ 0" in said and "SELU's scale λ left out" in said, said
    right = torch.func.vmap(torch.func.grad(torch.selu))(torch.as_tensor(z).ravel()).reshape(z.shape).numpy()
    assert factor_against(right, port.values[2], port, "[where (8, 4)]", 8) == ""
    swish = traced(("X", z, (), ""), ("hardswish", torch.nn.functional.hardswish(torch.as_tensor(z)).numpy(), (0,), ""),
                   ("grad", g, (1,), ""))
    forgot = np.where(z < -3, 0.0, np.where(z <= 3, (z + 3) / 6, 1.0))  # the product rule's second term left out
    assert factor_against(forgot, swish.values[2], swish, "[where (8, 4)]", 8).endswith("hardswish's derivative written as another function.")
    exact = torch.func.vmap(torch.func.grad(torch.nn.functional.hardswish))(torch.as_tensor(z).ravel()).reshape(z.shape).numpy()
    assert factor_against(exact, swish.values[2], swish, "[where (8, 4)]", 8) == ""


def test_a_prelus_derivative_written_as_the_relus_is_read_with_the_slope_the_port_learned():
    from parity.diagnosis.local_derivatives import factor_against
    rng = np.random.default_rng(26)
    z, g, slope = rng.normal(size=(8, 4)), rng.normal(size=(8, 4)), np.array([0.25, 0.1, 0.3, 0.2])
    prelu = torch.nn.functional.prelu(torch.tensor(z), torch.tensor(slope))
    port = traced(("X", z, (), ""), ("prelu", prelu.numpy(), (0, "?"), ""), ("grad", g, (1,), ""))
    port.called[1] = (torch.nn.functional.prelu, (torch.tensor(z), torch.tensor(slope)), {})
    said = factor_against((z > 0).astype(float), port.values[2], port, "[greater (8, 4)]", 8)
    assert "the PReLU's learned slope left out" in said, said
    assert factor_against(np.where(z > 0, 1.0, slope), port.values[2], port, "[where (8, 4)]", 8) == ""


def test_the_tanh_gelus_derivative_is_read_against_its_own_form_not_the_exact_gelus():
    from parity.diagnosis.local_derivatives import factor_against
    z, g = RNG.normal(size=(6, 3)), RNG.normal(size=(6, 3))
    t = np.tanh(np.sqrt(2 / np.pi) * (z + 0.044715 * z ** 3))
    port = traced(("X", z, (), ""), ("gelu", 0.5 * z * (1 + t), (0,), "approximate='tanh'"), ("grad", g, (1,), ""))
    right = 0.5 * (1 + t) + 0.5 * z * (1 - t ** 2) * np.sqrt(2 / np.pi) * (1 + 3 * 0.044715 * z ** 2)
    assert factor_against(right, port.values[2], port, "[add (6, 3)]", 6) == ""  # its own derivative: nothing to say
    cubic = 0.5 * (1 + t) + 0.5 * z * (1 - t ** 2) * np.sqrt(2 / np.pi) * (1 + 0.044715 * z ** 2)  # the 3 left out
    said = factor_against(cubic, port.values[2], port, "[add (6, 3)]", 6)
    assert "gelu(approximate='tanh')'s derivative written as another function" in said, said


def test_a_softmaxs_own_division_is_no_scale_moved_and_a_scale_after_it_is():
    from parity.diagnosis.op_pairs import chain, op_order
    x = RNG.normal(size=(5, 3))
    theirs = traced(("X", x, (), ""), ("div", x / 2, (0, 2.0), ""), ("softmax", x, (1,), "dim=1"))
    plain = traced(*_softmax_steps(x))
    assert op_order(chain(plain, plain.values[1], None, 8), chain(theirs, theirs.values[1]), (plain, theirs), 1e-9) == ""
    moved = traced(*_softmax_steps(x, 2.0))
    said = op_order(chain(moved, moved.values[1], None, 8), chain(theirs, theirs.values[1]), (moved, theirs), 1e-9)
    assert "the division first, then softmax" in said, said


def test_a_scale_before_a_softmax_the_other_side_leaves_out_is_said_with_the_softmax():
    from parity.diagnosis.one_sided import one_sided_scale
    x = RNG.normal(size=(5, 3))
    theirs = traced(("X", x, (), ""), ("div", x / 2, (0, 2.0), ""), ("softmax", x, (1,), "dim=1"))
    mine = traced(*_softmax_steps(x))
    said = one_sided_scale([mine.values[1]], [theirs.values[1]], mine, theirs)
    assert "divides it by 2" in said and "softmax(x) against softmax(0.5·x)" in said, said
    taken_otherwise = traced(("X", x, (), ""), ("tanh", np.tanh(x), (0,), ""))
    assert one_sided_scale([taken_otherwise.values[1]], [theirs.values[1]], taken_otherwise, theirs) == ""


def test_a_divisor_a_square_apart_is_read_as_a_power():
    from parity.diagnosis.operand_powers import powers_apart
    x, sigma = RNG.normal(size=(6, 4)), RNG.uniform(0.5, 1.5, size=4)
    mine = traced(("X", x, (), ""), ("divide", x / (2 * sigma**2), (0, "?"), ""))
    theirs = traced(("X", x, (), ""), ("mul", 2 * sigma, ("?", 2.0), ""), ("div", x / (2 * sigma), (0, 1), ""))
    said = powers_apart(mine.values[1:], theirs.values[2:], mine.values[0], theirs.values[0], theirs)
    assert "0.5 × the square of the port's" in said and "2·s² against 2·s" in said, said
    alike = traced(("X", x, (), ""), ("divide", x / (2 * sigma), (0, "?"), ""))
    assert powers_apart(alike.values[1:], theirs.values[2:], alike.values[0], theirs.values[0], theirs) == ""
    unrelated = traced(("X", x, (), ""), ("divide", x / RNG.uniform(0.5, 1.5, size=4), (0, "?"), ""))
    assert powers_apart(unrelated.values[1:], theirs.values[2:], unrelated.values[0], theirs.values[0], theirs) == ""


def test_a_factor_through_the_ports_square_is_read_against_its_derivative():
    from parity.diagnosis.local_derivatives import factor_against
    z, g = RNG.normal(size=(6, 3)), RNG.normal(size=(6, 3))
    port = traced(("X", z, (), ""), ("pow", z**2, (0, 2.0), ""), ("grad", g, (1,), ""))
    said = factor_against(z, port.values[2], port, "[matmul (6, 3)]", 6)
    assert "2z" in said and "0.5 times that (half)" in said, said
    assert factor_against(2 * z, port.values[2], port, "[matmul (6, 3)]", 6) == ""  # the derivative itself
    softplus = traced(("X", z, (), ""), ("softplus", np.logaddexp(0, z), (0,), ""), ("add", np.logaddexp(0, z) + 0.1, (1, 0.1), ""),
                      ("grad", g, (2,), ""))
    said = factor_against(np.exp(z), softplus.values[3], softplus, "[exp (6, 3)]", 6)
    assert "softplus" in said and "σ(z)" in said and "[exp (6, 3)] in its place" in said, said


def test_a_value_taken_from_a_kindred_source_is_read_and_an_unrelated_fit_is_not():
    from parity.diagnosis.another_source import _akin
    z = RNG.normal(size=(4, 2))
    trace = traced(("X", z, (), ""), ("tanh", np.tanh(z), (0,), ""), ("subtract", 1 - np.tanh(z), (1.0, 1), ""),
                   ("multiply", z * np.tanh(z), (0, 1), ""), ("tanh", np.tanh(2 * z), (3,), ""))
    assert _akin(trace, trace.values[1], trace.values[0])  # an activation for its pre-activation
    assert _akin(trace, trace.values[2], trace.values[1])  # 1 - t for t
    assert _akin(trace, trace.values[4], trace.values[1])  # one op's output for another's of the same op
    assert not _akin(trace, trace.values[3], trace.values[2])  # x·t for 1 - t: only a coincidence would fit


def test_a_gradient_held_at_one_number_on_one_targets_rows_is_a_clip():
    from parity.diagnosis.loss_readings import _one_target_right
    y = np.array([[0.0], [1.0], [0.0], [1.0], [1.0], [0.0]])
    p = RNG.uniform(0.1, 0.9, size=(6, 1))
    run = p - y
    clipped = np.clip(run, 1e-7, 1 - 1e-7)
    said, _ = _one_target_right(run, clipped, y, 1e-6)
    assert "one number, 1e-07, on every row with y = 1" in said and "np.clip" in said, said
    wrong_term = run.copy()
    wrong_term[y[:, 0] == 1] *= RNG.uniform(1.5, 2.5, size=(3, 1))
    said, _ = _one_target_right(run, wrong_term, y, 1e-6)
    assert "is written wrong" in said and "clip" not in said, said


def test_the_held_out_runner_names_by_the_reading_not_the_location():
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "scripts"))
    try:
        from diagnosis_held_out import classify
    finally:
        sys.path.pop(0)
    case = {"side": "port", "expected": ("tanh", "order")}
    located = {"name": "forward", "score": 0.6, "evidence": {"numpy_ops": ["tanh([add (4, 2)]) → (4, 2)"]},
               "explanation": "At the shared start of step 1 the two programs agree up to the value of shape (4, 2) (the "
                              "port's add output); they part after it, before the loss. The NumPy program goes on with "
                              "tanh([add (4, 2)]) → (4, 2); the port with [sigmoid (4, 2)]."}
    assert classify(case, 1, "", {"diagnosis": [located]})[0] == "stage"
    named = {**located, "score": 0.8, "explanation": located["explanation"] + " Both sides apply tanh and the addition "
                                                                             "there, in the other order."}
    assert classify(case, 1, "", {"diagnosis": [named]})[0] == "named"


def test_a_gradient_taken_past_the_ports_division_without_its_derivative_is_read():
    from parity.diagnosis.steps_left_out import step_left_out
    u, g = RNG.normal(size=(6, 1)), RNG.normal(size=(6, 1))
    port = traced(("X", u, (), ""), ("div", u / 3, (0, 3.0), ""), ("grad", g, (1,), ""), ("grad", g / 3, (0,), ""),
                  ("b.grad", (g / 3).sum(0), (), ""))
    mine = traced(("X", g, (), ""), ("add.reduce", g.sum(0), (0,), "axis=0"))
    said = step_left_out(mine.values[1], mine.values[0], port.values[2], mine, port, 1e-9)
    assert "gradient of b" in said and "its derivative, 1/3" in said, said
    port.values[4].array = (g / 2).sum(0)  # the port's own gradient of b is no such sum: nothing to read
    assert step_left_out(mine.values[1], mine.values[0], port.values[2], mine, port, 1e-9) == ""


def test_no_step_is_read_left_out_from_a_mask_the_gradient_already_meets_or_a_gradient_the_program_makes_itself():
    """hardtanh's mask written (z > -1) alone: the port's gradient at z, put in, comes back as it is; and a sum that
    gives b's gradient, which the NumPy program computes itself on its own path, was not meant to be it."""
    from parity.diagnosis.steps_left_out import step_left_out
    rng = np.random.default_rng(22)
    z, g = rng.normal(size=(6, 4)) * 2, rng.normal(size=(6, 4))
    inside = (np.abs(z) < 1).astype(float)
    port = traced(("X", z, (), ""), ("hardtanh", np.clip(z, -1, 1), (0,), ""), ("grad", g, (1,), ""), ("grad", g * inside, (0,), ""))
    mine = traced(("X", g, (), ""), ("greater", (z > -1).astype(float), (), ""), ("multiply", g * (z > -1), (0, 1), ""))
    assert step_left_out(mine.values[2], mine.values[0], port.values[2], mine, port, 1e-9) == ""
    u, d = rng.normal(size=(6, 1)), rng.normal(size=(6, 1))
    port = traced(("X", u, (), ""), ("div", u / 3, (0, 3.0), ""), ("grad", d, (1,), ""), ("grad", d / 3, (0,), ""),
                  ("b.grad", (d / 3).sum(0), (), ""))
    mine = traced(("X", d, (), ""), ("add.reduce", d.sum(0), (0,), "axis=0"), ("add.reduce", (d / 3).sum(0), (), "axis=0"))
    assert step_left_out(mine.values[1], mine.values[0], port.values[2], mine, port, 1e-9) == ""


def test_a_parameter_updated_with_the_gradient_of_its_reparametrised_weight_is_read():
    from parity.diagnosis.steps_left_out import held_step_left_out
    v, g = RNG.normal(size=(3, 4)), RNG.normal(size=(3, 4))
    port = traced(("X", v, (), ""), ("exp", np.exp(v), ("?",), ""), ("grad", g, (1,), ""),
                  ("V.grad", g * np.exp(v), (), ""))
    said = held_step_left_out(port.values[2], port.values[2], port, "V", v, 1e-9)
    assert "exp of V" in said and "exp(z)" in said and "as if it were the weight exp(V)" in said, said
    port.values[3].array = g * np.exp(v) + 0.5  # the port's gradient of V is made otherwise: nothing to read
    assert held_step_left_out(port.values[2], port.values[2], port, "V", v, 1e-9) == ""
    softplus = traced(("X", v, (), ""), ("softplus", np.logaddexp(0, v), ("?",), ""), ("grad", g, (1,), ""),
                      ("V.grad", g / (1 + np.exp(-v)), (), ""))
    said = held_step_left_out(softplus.values[2], softplus.values[2], softplus, "V", v.T, 1e-9)  # held transposed
    assert "softplus of V" in said and "σ(z)" in said, said


def test_a_term_added_to_a_sum_that_already_holds_it_is_read_as_counted_twice():
    from parity.diagnosis.missing_terms import missing_term
    d, block = RNG.normal(size=(6, 4)), RNG.normal(size=(6, 4))
    port = traced(("X", d, (), ""), ("tanh", d, (0,), ""), ("add", d, (1,), ""), ("grad", d, (2,), ""),
                  ("grad", d + block, (1,), ""))
    mine = traced(("X", d, (), ""), ("matmul", d, (0,), ""), ("tanh", block, (0,), ""), ("add", d + block, (1, 2), ""),
                  ("add (in place)", 2 * d + block, ("?", 3), ""))
    said = missing_term(mine.values[4], [4], mine, port, 1e-9)
    assert "counted twice" in said and "already made from [matmul (6, 4)]" in said, said
    other = RNG.normal(size=(6, 4))  # a second path's term that the sum does not hold: no double count to read
    port.values[3].array = other
    mine.values[4].array = d + block + other
    assert "counted twice" not in missing_term(mine.values[4], [4], mine, port, 1e-9)


def test_a_tied_weights_second_use_over_a_sequence_is_read_as_the_product_summed_over_its_steps():
    from parity.diagnosis.missing_terms import missing_term
    q, d_logits, lookup = RNG.normal(size=(5, 4, 3)), RNG.normal(size=(5, 4, 7)), RNG.normal(size=(7, 3))
    output_side = d_logits.reshape(-1, 7).T @ q.reshape(-1, 3)  # Σ_t dlogits_tᵀ · q_t
    port = traced(("X", np.ones((5, 4, 2)), (), ""), ("linear", q, (0,), ""), ("matmul", 2 * d_logits, (1,), ""),
                  ("grad", d_logits, (2,), ""),
                  ("E.grad", lookup + output_side, (), ""))
    mine = traced(("X", q, (), ""), ("add.at (in place)", lookup, ("?",), ""))
    said = missing_term(mine.values[1], [1], mine, port, 1e-9)
    assert "second use of that parameter" in said and "([linear (5, 4, 3)])ᵀ · (the gradient at the port's [matmul" in said, said
    port.values[4].array = lookup + RNG.normal(size=(7, 3))  # a gap that is no product of the port's values
    assert "second use" not in missing_term(mine.values[1], [1], mine, port, 1e-9)
    port.values[4].array, mine.values[1].array = output_side, np.full((7, 3), 1e-18)  # no gradient at all: the gap
    assert "second use" not in missing_term(mine.values[1], [1], mine, port, 1e-9)  # is the port's whole gradient
    port.values[4].array = lookup + output_side  # a partial the program goes on to combine with a term of its own
    combined = traced(("X", q, (), ""), ("add.at (in place)", lookup, ("?",), ""), ("matmul", 0.5 * output_side, ("?",), ""),
                      ("subtract", 0.5 * output_side - lookup, (2, 1), ""))  # pos - neg: the term is there, if wrong
    assert "second use" in missing_term(combined.values[1], [1], combined, port, 1e-9)
    assert "second use" not in missing_term(combined.values[1], [1, 3], combined, port, 1e-9)


def test_a_product_with_the_shared_gradient_is_read_against_the_ports_derivative():
    from parity.diagnosis.local_derivatives import product_factor
    z, g = RNG.normal(size=(6, 3)), RNG.normal(size=(6, 3))
    port = traced(("X", z, (), ""), ("cos", np.cos(z), (0,), ""), ("grad", g, (1,), ""))
    mine = traced(("X", z, (), ""), ("matmul", g, (0,), ""), ("sin", np.sin(z), (0,), ""),
                  ("multiply", g * np.sin(z), (1, 2), ""))
    said = product_factor(mine.values[3], mine.values[1], port.values[2], mine, port)
    assert "-sin(z)" in said and "-1 times that" in said and "sign flipped" in said, said
    mine.values[2].array, mine.values[3].array = -np.sin(z), -g * np.sin(z)  # the derivative as the chain rule takes it
    assert product_factor(mine.values[3], mine.values[1], port.values[2], mine, port) == ""
    s = 1 / (1 + np.exp(-z))  # σ's derivative written in two products, s · (1 - s): right for a sigmoid, not for swish
    for op, said_or_not in (("sigmoid", False), ("silu", True)):
        port = traced(("X", z, (), ""), (op, s if op == "sigmoid" else z * s, (0,), ""), ("grad", g, (1,), ""))
        mine = traced(("X", z, (), ""), ("matmul", g, (0,), ""), ("divide", s, (0,), ""), ("subtract", 1 - s, (2,), ""),
                      ("multiply", g * s, (1, 2), ""), ("multiply", g * s * (1 - s), (4, 3), ""))
        said = product_factor(mine.values[4], mine.values[1], port.values[2], mine, port)
        assert ("silu's derivative written as another function" in said) == said_or_not and (said == "") != said_or_not, said


def test_a_scales_gradient_summed_without_the_value_it_multiplies_is_read():
    from parity.diagnosis.steps_left_out import factor_left_out
    g, f = RNG.normal(size=(6, 4)), np.tanh(RNG.normal(size=(6, 4)))
    for scales, said_or_not in (("multiply", True), ("add", False)):  # a gate multiplies; a term of a sum does not
        mine = traced(("X", f, (), ""), ("tanh", f, (0,), ""), (scales, f * f, (1, 0), ""), ("matmul", g, (0,), ""),
                      ("sum", g.sum(), (3,), ""))
        port = traced(("alpha.grad", np.array([(g * f).sum()]), (), ""))
        said = factor_left_out(mine.values[4], mine.values[3], mine, port, 1e-9)
        assert ("times its own [tanh (6, 4)]" in said and "gradient of alpha" in said) == said_or_not, said
    port.values[0].array = np.array([(g * f).sum() + 1.0])
    assert factor_left_out(mine.values[4], mine.values[3], mine, port, 1e-9) == ""


def test_an_input_gains_gradient_summed_without_the_input_is_read():
    """xs = X·s, ds = Σ dxs where Σ dxs·X belongs: the factor left out is the data itself."""
    from parity.diagnosis.steps_left_out import factor_left_out
    rng = np.random.default_rng(23)
    X, g = rng.normal(size=(6, 4)), rng.normal(size=(6, 4))
    mine = traced(("X", X, (), ""), ("multiply", 1.5 * X, (0, "?"), ""), ("matmul", g, (1,), ""), ("add.reduce", g.sum(0), (2,), "axis=0"))
    port = traced(("s.grad", (g * X).sum(0), (), ""))
    said = factor_left_out(mine.values[3], mine.values[2], mine, port, 1e-9)
    assert "times its own X (6, 4)" in said and "gradient of s" in said, said


def test_a_derivative_taken_at_minus_z_is_read_as_its_arguments_sign_flipped():
    from parity.diagnosis.local_derivatives import product_factor
    z, g = RNG.normal(size=(6, 3)), RNG.normal(size=(6, 3))
    for sign, said_or_not in ((-1, True), (1, False)):  # σ(-z) where softplus's σ(z) belongs; σ(z) is its derivative
        port = traced(("X", z, (), ""), ("softplus", np.logaddexp(0, z), (0,), ""), ("grad", g, (1,), ""))
        s = 1 / (1 + np.exp(-sign * z))
        mine = traced(("X", z, (), ""), ("matmul", g, (0,), ""), ("divide", s, (0,), ""), ("multiply", g * s, (1, 2), ""))
        said = product_factor(mine.values[3], mine.values[1], port.values[2], mine, port)
        assert ("softplus's derivative taken with its argument's sign flipped" in said) == said_or_not, said


def test_a_weights_gradient_from_the_pre_activation_is_read_through_the_transpose():
    from parity.diagnosis.another_source import another_input
    z, d = RNG.normal(size=(6, 3)), RNG.normal(size=(6, 3))
    a = np.maximum(z, 0)
    mine = traced(("X", z, (), ""), ("maximum", a, (0, 0.0), ""), ("y", d, (), ""), ("matmul", z.T @ d, (0, 2), ""))
    port = traced(("W2.grad", a.T @ d, (), ""))
    said = another_input(mine.values[3], mine, port, 1e-9, kin=True)
    assert "[maximum (6, 3)]" in said and "left out where it belongs" in said, said
    port.values[0].array = a.T @ d + 1.0
    assert another_input(mine.values[3], mine, port, 1e-9, kin=True) == ""


def test_a_value_on_one_parameters_path_remade_into_another_parameters_gradient_shows_no_source():
    """dwt = Σ dz where Σ t·dz belongs (a time weight's gradient summed like a bias's): recomputed with another stage's
    sum, the value is the port's gradient of b1, a parameter whose update it is not on the way to."""
    from parity.diagnosis.missing_terms import is_gradient, toward
    from parity.diagnosis.another_source import another_input
    z, d = RNG.normal(size=(6, 3)), RNG.normal(size=(6, 3))
    a = np.maximum(z, 0)
    mine = traced(("X", z, (), ""), ("maximum", a, (0, 0.0), ""), ("y", d, (), ""), ("matmul", z.T @ d, (0, 2), ""))
    port = traced(("b1.grad", a.T @ d, (), ""))
    assert "the port's [b1.grad" in another_input(mine.values[3], mine, port, 1e-9, accept=is_gradient, kin=True)
    assert another_input(mine.values[3], mine, port, 1e-9, accept=toward("wt"), kin=True) == ""
    assert another_input(mine.values[3], mine, port, 1e-9, accept=toward("b1"), kin=True) != ""


SQUARE_NUMPY = '''
import numpy as np

class Net:
    def __init__(self):
        self.W = np.random.default_rng(0).normal(size=(8, 4)) * 0.3
        self.lr = 0.1

    def train_step(self, X, y):
        h = X @ self.W
        out = h * h + h
        loss = np.mean((out - y) ** 2)
        d_out = 2 * (out - y) / y.size
        self.W -= self.lr * (X.T @ (d_out * (2 * h + 1)))
        return float(loss)
'''

SQUARE_PORT = '''
import torch
import torch.nn.functional as F
from torch import nn

class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(8, 4, bias=False)

    def forward(self, x):
        h = self.fc(x)
        return h * {other} + h

def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=0.1)

def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.mse_loss(model(X), y)
    loss.backward()
    optimizer.step()
    return loss.item()
'''


@pytest.mark.parametrize("other, exit_code", [("h.detach()", 1), ("h", 0)])
def test_a_value_the_port_detaches_and_goes_on_with_is_named(tmp_path, other, exit_code):
    (tmp_path / "net.py").write_text(SQUARE_NUMPY)
    (tmp_path / "port.py").write_text(SQUARE_PORT.format(other=other))
    rng = np.random.default_rng(3)
    np.savez(tmp_path / "d.npz", X=rng.normal(size=(12, 8)), y=rng.normal(size=(12, 4)))
    path = tmp_path / "r.json"
    result = CliRunner().invoke(cli, ["check", f"{tmp_path}/net.py:Net", "--torch", f"{tmp_path}/port.py:Net", "--as-written",
                                      "--init", "net = Net()", "--data", str(tmp_path / "d.npz"), "--param", "W=fc.weight.T",
                                      "--steps", "2", "--dtype", "float64", "--json", str(path)])
    assert result.exit_code == exit_code, result.output
    if exit_code:
        top = json.loads(path.read_text())["diagnosis"][0]
        assert top["name"] == "port-gradient" and "the port detaches [linear (12, 4)]" in top["explanation"], top


def test_a_value_the_port_computes_under_no_grad_and_goes_on_with_is_named(tmp_path):
    """torch.no_grad() cuts the graph as .detach() does: the first value made with gradients off from one that
    requires a gradient is where the loss's gradient stops."""
    (tmp_path / "net.py").write_text(SQUARE_NUMPY)
    (tmp_path / "port.py").write_text(SQUARE_PORT.replace("        return h * {other} + h", "        with torch.no_grad():\n"
                                                          "            s = h * 1.0\n        return h * s + h"))
    rng = np.random.default_rng(3)
    np.savez(tmp_path / "d.npz", X=rng.normal(size=(12, 8)), y=rng.normal(size=(12, 4)))
    path = tmp_path / "r.json"
    result = CliRunner().invoke(cli, ["check", f"{tmp_path}/net.py:Net", "--torch", f"{tmp_path}/port.py:Net", "--as-written",
                                      "--init", "net = Net()", "--data", str(tmp_path / "d.npz"), "--param", "W=fc.weight.T",
                                      "--steps", "2", "--dtype", "float64", "--json", str(path)])
    assert result.exit_code == 1, result.output
    top = json.loads(path.read_text())["diagnosis"][0]
    assert top["name"] == "port-gradient" and "with gradients off (torch.no_grad()) [linear (12, 4)]" in top["explanation"], top


def test_a_weight_mapped_from_its_parameter_by_another_function_is_named():
    from parity.diagnosis.layer_weights import given_weights
    x, v = RNG.normal(size=(5, 3)), RNG.normal(size=(3, 1))
    softplus = np.logaddexp(0, v)
    mine = traced(("X", x, (), ""), ("matmul", x @ np.exp(v), (0, "?"), ""))
    mine.values[1].unseen = {1: np.exp(v)}
    port = traced(("X", x, (), ""), ("softplus", softplus, ("?",), ""), ("matmul", x @ softplus, (0, 1), ""))
    said = given_weights(mine.values[1:], port.values[2:], mine.values[0], port.values[0], mine, port, 1e-9)
    assert "exp(v) against softplus(v)" in said, said
    mine.values[1].unseen = {1: np.exp(v) + 0.1}
    assert "against" not in given_weights(mine.values[1:], port.values[2:], mine.values[0], port.values[0], mine, port, 1e-9)


def test_a_term_weighted_otherwise_is_read_as_a_coefficient_and_an_unrelated_gap_is_not():
    from parity.diagnosis.term_apart import term_apart
    x, c = RNG.normal(size=(6, 2)), RNG.normal(size=(3, 2))
    cross = x @ c.T
    squares = (x**2).sum(1, keepdims=True) + (c**2).sum(1)
    mine = traced(("add.reduce", squares - 2 * cross, (), ""))
    port = traced(("matmul", cross, (), ""), ("add", squares - cross, (0,), ""))
    said = term_apart(mine.values, port.values, 1e-9)
    assert "[add (6, 3)] minus the port's [matmul (6, 3)]" in said, said
    port.values[1].array = squares - cross + RNG.normal(size=(6, 3))
    assert term_apart(mine.values, port.values, 1e-9) == ""


def test_a_torch_distance_against_a_numpy_sum_of_squares_is_read_as_its_root():
    from parity.diagnosis.value_laws import related
    squared = RNG.uniform(0.5, 3.0, size=(6, 3))
    mine = traced(("add.reduce", squared, (), ""))
    said, fit = related(mine.values, traced(("cdist", np.sqrt(squared), (), "")).values, 1e-9)
    assert "square root" in said and fit == 0.8, said
    assert related(mine.values, traced(("exp", np.sqrt(squared), (), "")).values, 1e-9)[0] == ""


def test_a_term_of_the_delta_weighted_otherwise_is_read_with_the_number_the_program_writes():
    from parity.diagnosis.term_apart import terms_weighted
    soft, hard = RNG.normal(size=(6, 3)), RNG.normal(size=(6, 3))
    mine = traced(("X", soft, (), ""), ("y", hard, (), ""), ("divide", soft / 3.0, (0, 3.0), ""),
                  ("add", soft / 3.0 + hard, (2, 1), ""), ("divide", (soft / 3.0 + hard) / 6.0, (3, 6.0), ""))
    port = traced(("grad", (3.0 * soft + hard) / 6.0, (), ""))
    said = terms_weighted([mine.values[4]], port.values, mine, 1e-9, lambda v: "the port's gradient")
    assert "weighted 9 times, which is 3²" in said, said
    port.values[0].array = (soft + hard) / 6.0 + 0.01 * RNG.normal(size=(6, 3))
    assert terms_weighted([mine.values[4]], port.values, mine, 1e-9, lambda v: "the port's gradient") == ""
    assert "targets" not in said  # the weighted term is made from X: no targets rescaled
    out, y = RNG.normal(size=(6, 1)), RNG.normal(size=(6, 1))  # a regression onto y / 3 where the port takes y
    mine = traced(("X", out, (), ""), ("y", y, (), ""), ("divide", y / 3.0, (1, 3.0), ""),
                  ("subtract", out - y / 3.0, (0, 2), ""))
    port = traced(("grad", out - y, (), ""))
    said = terms_weighted([mine.values[3]], port.values, mine, 1e-9, lambda v: "the port's gradient")
    assert "made from the targets alone, is 0.333333 times the port's: the targets rescaled" in said, said


def test_a_port_functions_number_argument_is_tried_at_the_numbers_the_numpy_program_writes():
    import torch

    from parity.diagnosis.called_again import recalled
    z = RNG.normal(size=(6, 4))
    mine = traced(("X", z, (), ""), ("multiply", 0.2 * z, (0.2, 0), ""), ("where", np.where(z > 0, z, 0.2 * z), (0, 1), ""))
    port = traced(("X", z, (), ""), ("leaky_relu", np.where(z > 0, z, 0.01 * z), (0,), ""))
    called = {1: (torch.nn.functional.leaky_relu, (torch.tensor(z),), {"negative_slope": 0.01})}
    said = recalled(port.values[1:], called, mine.values[1:], 1e-9)
    assert "negative_slope=0.2" in said and "[where (6, 4)]" in said, said
    other = traced(("X", z, (), ""), ("multiply", 0.3 * z, (0.3, 0), ""), ("where", np.where(z > 0, z, 0.2 * z), (0, 1), ""))
    assert recalled(port.values[1:], called, other.values[1:], 1e-9) == ""  # 0.2 written nowhere: not tried


def test_a_bilinear_layers_two_inputs_given_in_each_others_place_are_read_as_swapped():
    import torch

    from parity.diagnosis.called_again import recalled
    x, z, w = RNG.normal(size=(6, 4)), RNG.normal(size=(6, 4)), RNG.normal(size=(3, 4, 4))
    mine = traced(("X", x, (), ""), ("einsum", np.einsum("ni,kij,nj->nk", x, w, z), (0,), ""))
    port = traced(("X", x, (), ""), ("bilinear", np.einsum("ni,kij,nj->nk", z, w, x), (0,), ""))
    called = {1: (torch.nn.functional.bilinear, (torch.tensor(z), torch.tensor(x), torch.tensor(w)), {})}
    said = recalled(port.values[1:], called, mine.values[1:], 1e-9)
    assert "input1 and input2 swapped" in said and "bilinear(input1, input2, weight, bias)" in said, said
    right = traced(("X", x, (), ""), ("einsum", np.einsum("ni,kij,nj->nk", z, w, x) + 1.0, (0,), ""))
    assert recalled(port.values[1:], called, right.values[1:], 1e-9) == ""  # no swap gives a value the NumPy program has


def test_a_clamp_given_one_end_only_is_read_by_calling_it_again_with_the_other_end_at_zero():
    """ReLU6 ported as torch.clamp(z, max=6): clamp again with min=0 gives the NumPy program's clip(z, 0, 6); a
    clamp with both ends given has no end left out."""
    import torch

    from parity.diagnosis.called_again import recalled
    z = np.random.default_rng(24).normal(size=(6, 4)) * 4
    mine = traced(("X", z, (), ""), ("clip", np.clip(z, 0, 6), (0,), "0, 6"))
    port = traced(("X", z, (), ""), ("clamp", np.minimum(z, 6), (0,), "max=6.0"))
    said = recalled(port.values[1:], {1: (torch.clamp, (torch.tensor(z),), {"max": 6.0})}, mine.values[1:], 1e-9)
    assert "called again on the same tensors with min=0.0" in said, said
    both = {1: (torch.clamp, (torch.tensor(z),), {"min": -1.0, "max": 6.0})}
    assert "min=0.0" not in recalled(port.values[1:], both, mine.values[1:], 1e-9)


def test_a_residuals_identity_path_one_side_leaves_out_is_read_as_the_term_added():
    """h + tanh(h) on the NumPy side, tanh(h) alone on the port's, each then doubled: the NumPy program's next op,
    given tanh(h) in place of the sum, is the port's; where the port adds it too, nothing is left out."""
    from parity.diagnosis.forward_factors import term_added
    x = np.random.default_rng(25).normal(size=(6, 4))
    t = np.tanh(x)
    mine = traced(("X", x, (), ""), ("tanh", t, (0,), ""), ("add", x + t, (0, 1), ""), ("multiply", 2 * (x + t), (2, 2.0), ""))
    port = traced(("X", x, (), ""), ("tanh", t, (0,), ""), ("mul", 2 * t, (1, 2.0), ""))
    said = term_added(mine.values[2:], mine, port, 1e-9)
    assert "adds X (6, 4) to [tanh (6, 4)]" in said and "gives the port's [mul (6, 4)]" in said and "identity path" in said, said
    both = traced(("X", x, (), ""), ("tanh", t, (0,), ""), ("add", x + t, (0, 1), ""), ("mul", 2 * (x + t), (2, 2.0), ""))
    assert term_added(mine.values[2:], mine, both, 1e-9) == ""


def test_a_gradient_with_two_axes_exchanged_is_read_as_each_slice_transposed():
    from parity.diagnosis.rearranged import axes_permuted
    g = RNG.normal(size=(3, 4, 4))
    port = traced(("W.grad", g, (), ""))
    mine = traced(("X", g, (), ""), ("einsum", g.transpose(0, 2, 1), (0,), ""))
    said = axes_permuted(mine.values[1:], port, 1e-9)
    assert "gradient of W with its axes in the order (0, 2, 1)" in said and "each slice transposed" in said, said
    mine.values[1].array = g.transpose(0, 2, 1) + 0.1  # not the port's numbers in any order
    assert axes_permuted(mine.values[1:], port, 1e-9) == ""


def test_a_loss_handed_another_target_than_the_numpy_programs_is_read_as_given_otherwise():
    import torch

    from parity.diagnosis.called_again import recalled
    a, b, y = RNG.normal(size=8), RNG.normal(size=8), (RNG.uniform(size=8) > 0.5).astype(float)
    signed = 2 * y - 1
    loss = np.maximum(0, -signed * (a - b) + 1).mean()
    mine = traced(("X", y, (), ""), ("subtract", signed, (0, 1.0), ""), ("mean", loss, (1,), ""))
    port = traced(("X", y, (), ""), ("margin_ranking_loss", np.maximum(0, -y * (a - b) + 1).mean(), (0,), ""))
    called = {1: (torch.nn.functional.margin_ranking_loss, (torch.tensor(a), torch.tensor(b), torch.tensor(y)), {"margin": 1.0})}
    said = recalled(port.values[1:], called, mine.values[1:], 1e-9, shared=(y,))
    assert "with target = the NumPy program's [subtract (8,)]" in said and "gives the NumPy program's [mean ()]" in said, said
    assert recalled(port.values[1:], called, mine.values[1:], 1e-9) == ""  # a target the port made otherwise: the
    # call only carries that difference on
    mine.values[2].array = np.asarray(loss + 0.5)  # no target the NumPy program makes gives its loss
    assert recalled(port.values[1:], called, mine.values[1:], 1e-9, shared=(y,)) == ""
    mine.values[2].array = np.asarray(np.maximum(0, -y * (a - b) + 1).mean())  # the port's call as made gives it
    assert "different values" not in recalled(port.values[1:], called, mine.values[1:], 1e-9, shared=(y,))


@pytest.mark.parametrize("keepdims", [False, True])
def test_a_row_reduction_without_keepdims_broadcast_along_the_columns_is_read(keepdims):
    from parity.diagnosis.broadcasts import keepdims_left_out
    s = RNG.normal(size=(5, 5))
    total = np.exp(s).sum(axis=1, keepdims=keepdims)
    detail = "axis=1, keepdims=True" if keepdims else "axis=1"
    mine = traced(("X", s, (), ""), ("exp", np.exp(s), (0,), ""), ("add.reduce", total, (1,), detail),
                  ("log", np.log(total), (2,), ""), ("subtract", s - np.log(total), (0, 3), ""))
    port = traced(("X", s, (), ""), ("log_softmax", s - np.log(np.exp(s).sum(axis=1, keepdims=True)), (0,), "dim=1"))
    said = keepdims_left_out(mine.values[1:], mine, port, 1e-9)
    assert ("keepdims=True left out" in said and "[log_softmax (5, 5)]" in said) != keepdims, said
    assert keepdims or said


def test_an_activation_the_port_applies_once_more_is_read_and_a_copy_is_not():
    from parity.diagnosis.forward_factors import extra_op
    a, x = RNG.normal(size=(6, 4)), RNG.normal(size=(6, 4))
    gate = 1 / (1 + np.exp(-a))
    mine = traced(("X", x, (), ""), ("divide", gate, (0,), ""), ("multiply", x * gate, (0, 1), ""))
    port = traced(("X", x, (), ""), ("sigmoid", gate, (0,), ""), ("sigmoid", 1 / (1 + np.exp(-gate)), (1,), ""),
                  ("mul", x / (1 + np.exp(-gate)), (0, 2), ""))
    said = extra_op(mine.values[2:], mine.values[1], port.values[1], mine, port, 1e-9)
    assert "sigmoid applied twice" in said and "gives the port's [mul (6, 4)]" in said, said
    port.values[2].array = gate.copy()  # the port's second op gives the value back: nothing applied once more
    assert extra_op(mine.values[2:], mine.values[1], port.values[1], mine, port, 1e-9) == ""


def test_a_value_one_shared_factor_apart_is_read_and_an_unrelated_one_is_not():
    from parity.diagnosis.forward_factors import factor_apart
    v, g = RNG.normal(size=(6, 4)), RNG.normal(size=(6, 4))
    s = 1 / (1 + np.exp(-g))
    mine = traced(("X", v, (), ""), ("add", g, (0,), ""), ("multiply", g * s, (1,), ""), ("multiply", v * g * s, (0, 2), ""))
    port = traced(("X", v, (), ""), ("linear", g, (0,), ""), ("glu", v * s, (0, 1), ""))
    said = factor_apart(mine.values[2:], port.values[2:], mine, port, 1e-9)
    assert "[multiply (6, 4)] is the port's [glu (6, 4)] times [add (6, 4)]" in said, said
    port.values[2].array = v * s + 0.3
    assert factor_apart(mine.values[2:], port.values[2:], mine, port, 1e-9) == ""


@pytest.mark.parametrize("detail, said", [("", True), ("axis=0", False)])
def test_a_sum_over_the_wrong_axis_is_read_by_summing_it_again(detail, said):
    from parity.diagnosis.backward_readings import axis_apart
    d = RNG.normal(size=(8, 3))
    total = d.sum(axis=0) if detail else np.asarray(d.sum())
    mine = traced(("X", d, (), ""), ("add.reduce", total, (0,), detail), ("negative", -total, (1,), ""))
    port = traced(("theta.grad", -d.sum(axis=0), (), ""))
    found = axis_apart([1, 2], mine, port, 1e-9)
    assert ("sums over every axis; summed over axis 0, it gives the port's gradient of theta" in found) == said, found
    assert said or found == ""  # the sum the port takes: nothing to read


def test_a_shared_value_reshaped_into_other_groups_on_the_two_sides_is_read():
    from parity.diagnosis.rearranged import reshaped_apart
    z = RNG.normal(size=(6, 15))
    mine = traced(("X", z, (), ""), ("reshape", z.reshape(6, 5, 3), (0,), "6, 5, 3"))
    port = traced(("X", z, (), ""), ("view", z.reshape(6, 3, 5), (0,), "6, 3, 5"))
    said = reshaped_apart(mine.values[1:], port.values[1:])
    assert "(6, 5, 3), the port to (6, 3, 5)" in said and "strided" in said, said
    alike = traced(("X", z, (), ""), ("view", z.reshape(6, 5, 3), (0,), "6, 5, 3"))
    assert reshaped_apart(mine.values[1:], alike.values[1:]) == ""


def test_a_weight_tried_on_a_batch_of_maps_is_multiplied_over_their_last_axis_without_error():
    from parity.diagnosis.written_ops import weight_left_out
    d, x = RNG.normal(size=(5, 4, 6)), RNG.normal(size=(5, 4, 6))
    w = RNG.normal(size=(4, 2))  # fits the maps' second axis, not their last: no product to try
    mine = traced(("X", d, (), ""), ("X", x, (), ""), ("multiply", d * x, (0, 1), ""))
    port = traced(("grad", d * x + 1.0, (), ""))
    assert weight_left_out(mine.values[2], mine, port, 1e-9, [w]) == ""
    w6 = RNG.normal(size=(6, 6))
    port.values[0].array = (d @ w6) * x
    assert "first multiplied by W" in weight_left_out(mine.values[2], mine, port, 1e-9, [w6])


def test_a_string_option_and_a_loss_class_axis_are_tried_where_the_port_calls_them():
    import torch

    from parity.diagnosis.called_again import recalled
    z = RNG.normal(size=(6, 4))
    tanh_form = 0.5 * z * (1 + np.tanh(np.sqrt(2 / np.pi) * (z + 0.044715 * z**3)))
    mine = traced(("X", z, (), ""), ("multiply", tanh_form, (0,), ""))
    port = traced(("X", z, (), ""), ("gelu", z, (0,), ""))
    called = {1: (torch.nn.functional.gelu, (torch.tensor(z),), {})}
    assert "approximate='tanh'" in recalled(port.values[1:], called, mine.values[1:], 1e-9)
    mine = traced(("X", z, (), ""), ("log1p", np.log1p(np.exp(z)), (0,), ""))  # nn.Softplus(20) reads 20 as beta
    port = traced(("X", z, (), ""), ("softplus", np.log1p(np.exp(20 * z)) / 20, (0,), ""))
    called = {1: (torch.nn.functional.softplus, (torch.tensor(z), 20.0, 20.0), {})}
    assert "beta=1.0" in recalled(port.values[1:], called, mine.values[1:], 1e-9)
    logits, labels = RNG.normal(size=(3, 4, 5)), RNG.integers(0, 5, size=(3, 4))
    shifted = logits - logits.max(-1, keepdims=True)
    per_position = np.log(np.exp(shifted).sum(-1)) - np.take_along_axis(shifted, labels[..., None], -1)[..., 0]
    mine = traced(("X", logits, (), ""), ("mean", np.asarray(per_position.mean()), (0,), ""))
    port = traced(("X", logits, (), ""), ("cross_entropy", np.asarray(0.0), (0,), ""))
    called = {1: (torch.nn.functional.cross_entropy, (torch.tensor(logits), torch.tensor(labels[:, :])), {})}
    said = recalled(port.values[1:], called, mine.values[1:], 1e-9)
    assert "classes at dim 1" in said, said
    mine.values[1].array = np.asarray(per_position.mean() + 0.1)
    assert recalled(port.values[1:], called, mine.values[1:], 1e-9) == ""


def test_an_op_on_an_array_the_program_holds_and_a_transposed_score_matrix_are_tried():
    import torch

    from parity.diagnosis.called_again import recalled
    from parity.diagnosis.written_ops import substituted
    s, log_q = RNG.normal(size=(5, 5)), RNG.normal(size=(1, 5))
    mine = traced(("X", s, (), ""), ("subtract", s - log_q, (0, "?"), ""))
    mine.values[1].unseen = {1: log_q}  # the correction the program holds, not traced as a value of its own
    port = traced(("X", s, (), ""), ("add", s + log_q, (0,), ""))
    assert "subtract(a, b) against a + b" in substituted(mine.values[1], mine, port, 1e-9)
    port.values[1].array = s - 2 * log_q  # no op on the two gives the port's value
    assert substituted(mine.values[1], mine, port, 1e-9) == ""
    labels = np.arange(5)
    rows = s.T - np.log(np.exp(s.T).sum(1, keepdims=True))  # the NumPy program's softmax down the other axis
    mine = traced(("X", s, (), ""), ("negative", np.asarray(-rows[labels, labels].mean()), (0,), ""))
    port = traced(("X", s, (), ""), ("cross_entropy", np.asarray(0.0), (0,), ""))
    called = {1: (torch.nn.functional.cross_entropy, (torch.tensor(s), torch.tensor(labels)), {})}
    assert "input transposed" in recalled(port.values[1:], called, mine.values[1:], 1e-9)


def test_one_layers_weight_used_for_another_in_the_port_is_read():
    from parity.diagnosis.layer_weights import given_weights
    x0, h = RNG.normal(size=(6, 4)), RNG.normal(size=(6, 4))
    w1, w2 = RNG.normal(size=(4, 4)), RNG.normal(size=(4, 4))
    mine = traced(("X", x0, (), ""), ("matmul", x0 @ w1, (0, "?"), ""), ("tanh", h, (), ""), ("matmul", h @ w2, (2, "?"), ""))
    mine.values[1].unseen, mine.values[3].unseen = {1: w1}, {1: w2}
    port = traced(("tanh", h, (), ""), ("matmul", h @ w1, (0, "?"), ""))
    port.values[1].unseen = {1: w1}
    said = given_weights([mine.values[3]], [port.values[1]], mine.values[2], port.values[0], mine, port, 1e-9)
    assert "in another of its products" in said and "(value 1)" in said, said
    port.values[1].unseen = {1: w1 + 0.5}
    port.values[1].array = h @ (w1 + 0.5)
    assert "another of its products" not in given_weights([mine.values[3]], [port.values[1]], mine.values[2], port.values[0],
                                                          mine, port, 1e-9)


def test_a_delta_right_on_one_targets_entries_and_wrong_on_the_others_is_read_by_the_target():
    from parity.diagnosis.target_entries import target_entries
    y = (RNG.random((8, 3)) > 0.5).astype(float)
    g = RNG.normal(size=(8, 3))
    wrong = np.where(y == 1, -g + g**2, 4 * g)  # the y = 1 term written wrong, the delta held 4 times the port's
    mine = traced(("X", g, (), ""), ("y", y, (), ""), ("multiply", wrong, (0, 1), ""))
    port = traced(("grad", g, (), ""))
    said = target_entries([mine.values[2]], port.values, mine, lambda v: "the port's gradient")
    assert "4 times" in said and "where y = 1" in said and "term for y = 1" in said, said
    halves = traced(("X", g, (), ""), ("y", y, (), ""), ("multiply", np.where(y == 1, -g, 4 * g), (0, 1), ""))
    assert target_entries([halves.values[2]], port.values, halves, lambda v: "x") == ""  # each half a multiple: no side
    unrelated = traced(("grad", RNG.normal(size=(8, 3)), (), ""))
    assert target_entries([mine.values[2]], unrelated.values, mine, lambda v: "the port's gradient") == ""


def test_a_factor_that_is_an_expression_of_the_optimizers_constants_is_read_and_plain_sgd_has_none():
    import torch

    from parity.diagnosis.optimizer_constants import constant_law, constants_of
    adam = torch.optim.Adam([torch.zeros(1, requires_grad=True)], betas=(0.9, 0.99))
    said = constant_law(0.1, constants_of(adam))
    assert "1 - β1" in said and "(1 - β2)/(1 - β1)" in said and "β2 = 0.99" in said, said
    assert "√(1 - β2)" in constant_law(np.sqrt(1 - 0.99), constants_of(adam))
    assert constant_law(0.37, constants_of(adam)) == ""
    assert constant_law(0.1, constants_of(torch.optim.SGD([torch.zeros(1, requires_grad=True)], lr=0.1))) == ""


def test_a_first_step_one_plus_momentum_apart_is_read_as_nesterovs_look_ahead_in_the_parameters_own_group():
    import torch

    from parity.diagnosis.optimizer_constants import constant_law, constants_of
    gain, weight = torch.zeros(1, requires_grad=True), torch.zeros(2, requires_grad=True)
    sgd = torch.optim.SGD([{"params": [gain]}, {"params": [weight], "momentum": 0.9}], lr=0.1)
    assert constant_law(1.9, constants_of(sgd)) == ""  # the first group, the gain's, has no momentum
    said = constant_law(1.9, constants_of(sgd, sgd.param_groups[1]))
    assert "1.9 is 1 + μ (μ = 0.9)" in said and "Nesterov" in said and "the NumPy program's step has it" in said, said
    assert "the port's step has it" in constant_law(1 / 1.9, constants_of(sgd, sgd.param_groups[1]))


def test_a_warm_up_applied_cumulatively_is_read_from_the_ratios_step_factors():
    from parity.diagnosis.ratios import cumulative
    warm = np.array([0.2, 0.4, 0.6, 0.8, 1.0, 1.0])
    assert "cumulatively" in cumulative((np.cumprod(warm) / warm)[1:])  # step 1 agrees: the ratio from step 2
    assert cumulative(np.array([1.1, 1.16, 1.21, 1.26, 1.3])) is None


def test_a_port_sum_with_no_dim_against_a_numpy_sum_per_row_is_read():
    from parity.diagnosis.reduction_axes import axes_of
    p = RNG.random((6, 4))
    mine = traced(("X", p, (), ""), ("add.reduce", p.sum(1, keepdims=True), (0,), "axis=1, keepdims=True"))
    port = traced(("X", p, (), ""), ("sum", p.sum(), (0,), ""))
    said = axes_of(mine.values[1:], port.values[1:], mine.values[0])
    assert "has no dim" in said and "within each row" in said, said
    per_row = traced(("X", p, (), ""), ("sum", p.sum(1), (0,), "1, dim=1"))
    assert axes_of(mine.values[1:], per_row.values[1:], mine.values[0]) == ""


def test_a_mean_over_an_axis_against_a_sum_over_the_same_axis_is_read_with_its_length():
    from parity.diagnosis.reduction_axes import kinds_apart
    heads = RNG.normal(size=(5, 2, 3))
    mine = traced(("X", heads, (), ""), ("mean", heads.mean(1), (0,), "axis=1"))
    port = traced(("X", heads, (), ""), ("sum", heads.sum(1), (0,), "1, dim=1"))
    said = kinds_apart(mine.values[1:], port.values[1:], mine.values[0])
    assert "The NumPy program averages over axis 1 (of size 2)" in said and "a factor of 2" in said, said
    other_axis = traced(("X", heads, (), ""), ("sum", heads.sum(2), (0,), "2, dim=2"))
    assert kinds_apart(mine.values[1:], other_axis.values[1:], mine.values[0]) == ""
    scaled = traced(("X", heads, (), ""), ("sum", 3 * heads.sum(1), (0,), "1, dim=1"))  # not the axis's length apart
    assert kinds_apart(mine.values[1:], scaled.values[1:], mine.values[0]) == ""


def test_a_divisor_one_constant_apart_is_read_as_a_term_on_one_side():
    from parity.diagnosis.operand_powers import powers_apart
    x, d = RNG.normal(size=(6, 1)), RNG.uniform(1, 2, size=(6, 1))
    mine = traced(("X", x, (), ""), ("divide", x / d, (0, "?"), ""))
    theirs = traced(("X", x[:, 0], (), ""), ("add", d[:, 0] + 1, ("?", 1.0), ""), ("div", x[:, 0] / (d[:, 0] + 1), (0, 1), ""))
    said = powers_apart(mine.values[1:], theirs.values[2:], mine.values[0], theirs.values[0], theirs)
    assert "the port's minus 1" in said and "one side only" in said, said


def test_a_gradient_weighted_by_the_targets_value_is_read_as_a_class_balance():
    from parity.diagnosis.target_entries import weighted_by_target
    y = (RNG.random((8, 3)) > 0.5).astype(float)
    run = RNG.normal(size=(8, 3))
    words, _ = weighted_by_target(run, np.where(y == 1, 0.25, 0.75) * run, y, 1e-6)
    assert "times 0.25 on the entries with y = 1" in words and "α = 0.25" in words, words
    assert weighted_by_target(run, 0.5 * run, y, 1e-6) is None  # one weight for all: a scale, not a balance


def test_a_numpy_difference_of_two_port_values_is_no_term_weighted_otherwise():
    from parity.diagnosis.term_apart import term_apart
    a, b, c = (RNG.normal(size=(6, 3)) for _ in range(3))
    mine = traced(("X", a, (), ""), ("y", b, (), ""), ("subtract", a - b, (0, 1), ""))
    port = traced(("sigmoid", a, (), ""), ("mul", c, (), ""))
    port_b = traced(("X", b, (), ""))
    assert term_apart([mine.values[2]], port.values, 1e-9, [*port.values, *port_b.values], mine) == ""  # a - b of the port's own


def test_a_numpy_array_made_from_neither_x_nor_y_is_no_term_of_the_datas_place():
    from parity.diagnosis.term_apart import term_apart
    clean, noise = RNG.normal(size=(6, 3)), RNG.normal(size=(6, 3))
    noisy = clean + noise  # the data file's corrupted inputs, drawn with the very noise the NumPy program draws again
    mine = traced(("X", noisy, (), ""), ("y", clean, (), ""), ("normal", noise, (), ""), ("add", noisy + noise, (0, 2), ""))
    port = traced(("X", noisy, (), ""), ("y", clean, (), ""), ("randn", 2 * noise, (), ""))
    assert term_apart([mine.values[2]], port.values, 1e-9, port.values, mine) == ""  # noise = X - y holds, and says nothing
    made = traced(("X", noisy, (), ""), ("y", clean, (), ""), ("tanh", np.tanh(noisy), (0,), ""),
                  ("multiply", noisy - clean, (2, 1.0), ""))
    assert "minus" in term_apart([made.values[3]], port.values, 1e-9, port.values, made)  # made from X: read as before


def test_a_decay_whose_factors_never_reach_one_is_no_warm_up():
    from parity.diagnosis.ratios import cumulative
    assert cumulative(np.array([0.9487, 0.9036, 0.8642, 0.8295, 0.7992, 0.7732])) is None


def test_a_partial_sum_the_program_goes_on_adding_to_is_not_read_by_the_target():
    from parity.diagnosis.target_entries import target_entries
    y = (RNG.random((8, 3)) > 0.5).astype(float)
    p, labels = RNG.random((8, 3)), (RNG.random((8, 3)) > 0.5).astype(float)
    mine = traced(("X", p, (), ""), ("y", y, (), ""), ("add", p + y, (0, 1), ""), ("eye", labels, (), ""),
                  ("subtract", p + y - labels, (2, 3), ""))
    port = traced(("grad", (p - y) / 4, (), ""))
    assert target_entries([mine.values[2]], port.values, mine, lambda v: "the port's gradient") == ""


def test_a_relu_mask_left_out_is_read_against_the_ports_gradient_in_its_own_layout():
    from parity.diagnosis.masks_left_out import mask_left_out
    g = RNG.normal(size=(2, 3, 4, 4))  # the port's gradient at a conv's output, channels first
    z = RNG.normal(size=(2, 3, 4, 4))
    port = traced(("grad", np.where(z > 0, g, 0.0), (), ""))
    laid = np.transpose(g, (0, 2, 3, 1)).reshape(-1, 3)  # the NumPy program's (n·h·w, c) rows, mask all ones
    mine = traced(("X", laid, (), ""), ("reshape", laid, (0,), ""))
    said = mask_left_out([mine.values[1]], port, 1e-9, lambda v: "the port's gradient")
    assert "with its axes in the order (0, 2, 3, 1), reshaped to (32, 3), except at" in said, said
    masked = np.transpose(np.where(z > 0, g, 0.0), (0, 2, 3, 1)).reshape(-1, 3)
    mine.values[1].array = masked + 0.01 * RNG.normal(size=masked.shape)  # apart everywhere: no mask to read
    assert mask_left_out([mine.values[1]], port, 1e-9, lambda v: "the port's gradient") == ""


def test_a_gram_matrixs_gradient_through_one_factor_only_is_read_as_the_transposed_factors_term():
    from parity.diagnosis.missing_terms import missing_term
    F, dG = RNG.normal(size=(2, 3, 8)), RNG.normal(size=(2, 3, 3))
    dG = dG + np.swapaxes(dG, 1, 2)
    one = dG @ F  # the term through F, as the NumPy program writes it
    port = traced(("X", F, (), ""), ("transpose", np.swapaxes(F, 1, 2), (0,), ""),
                  ("bmm", F @ np.swapaxes(F, 1, 2), (0, 1), ""), ("grad", np.swapaxes(one, 1, 2), (1,), ""),
                  ("grad", 2 * one, (0,), ""))
    mine = traced(("X", one.reshape(2, 3, 2, 4), (), ""), ("add", one.reshape(2, 3, 2, 4), (0,), ""))
    said = missing_term(mine.values[1], [1], mine, port, 1e-9)
    assert "transposed factor of X (2, 3, 8) times its own transpose" in said, said
    mine.values[1].array = 2 * one.reshape(2, 3, 2, 4)  # both terms: nothing missing
    assert missing_term(mine.values[1], [1], mine, port, 1e-9) == ""


def test_a_pools_gradient_repeated_without_its_window_is_read_as_a_term_weighted_otherwise():
    from parity.diagnosis.term_apart import terms_weighted
    direct, pooled = RNG.normal(size=(2, 3, 4, 4)), RNG.normal(size=(2, 3, 4, 4))
    mine = traced(("X", direct, (), ""), ("repeat", pooled, (), ""), ("add", direct + pooled, (0, 1), ""))
    port = traced(("grad", (direct + pooled / 4).reshape(2, 3, 16), (), ""))  # held as (n, c, h·w)
    said = terms_weighted([mine.values[2]], port.values, mine, 1e-9, lambda v: "the port's gradient")
    assert "[repeat (2, 3, 4, 4)] weighted 0.25 times" in said, said


def test_a_term_through_a_per_row_statistic_is_read_and_a_masks_factor_is_not():
    from parity.diagnosis.statistic_terms import statistic_term
    centred = RNG.normal(size=(6, 5))
    g = RNG.normal(size=(6, 5))
    per_row = RNG.normal(size=(6, 1))  # mean(dx̂·x̂) of each row
    port = traced(("X", g, (), ""), ("layer_norm", g, (0,), ""), ("grad", g - per_row * centred, (1,), ""))
    mine = traced(("X", centred, (), ""), ("subtract", centred, (0,), ""), ("multiply", g, (0,), ""))
    said = statistic_term(mine.values[2], [2], mine, port, 1e-9)
    assert "one number per row times the NumPy program's [subtract (6, 5)]" in said, said
    keep = np.array([1.0, 0.0, 1.0, 1.0, 0.0])  # a dropout mask's 1/keep left out: a factor on the kept columns
    port.values[2].array = g * keep * 1.25
    mine.values[2].array = g * keep
    assert "per row" not in statistic_term(mine.values[2], [2], mine, port, 1e-9)


def test_a_layer_norms_variance_term_left_out_over_a_sequence_is_read_along_its_last_axis():
    from parity.diagnosis.statistic_terms import statistic_term
    centred = RNG.normal(size=(4, 5, 6))  # (batch, time, features): the norm over the features
    g = RNG.normal(size=(4, 5, 6))
    per_row = RNG.normal(size=(4, 5, 1))
    port = traced(("X", g, (), ""), ("layer_norm", g, (0,), ""), ("grad", g - per_row * centred, (1,), ""))
    mine = traced(("X", centred, (), ""), ("subtract", centred, (0,), ""), ("multiply", g, (0,), ""))
    said = statistic_term(mine.values[2], [2], mine, port, 1e-9)
    assert "one number per row times the NumPy program's [subtract (4, 5, 6)]" in said, said
    port.values[2].array = g - RNG.normal(size=(4, 5, 6)) * centred  # no statistic: one number per entry
    assert "per row" not in statistic_term(mine.values[2], [2], mine, port, 1e-9)


def test_a_softmaxs_row_sum_left_out_over_heads_is_read_as_its_backward_taken_as_a_times_g():
    from parity.diagnosis.statistic_terms import statistic_term
    scores, g = RNG.normal(size=(2, 5, 6)), RNG.normal(size=(2, 5, 6))
    a = np.exp(scores) / np.exp(scores).sum(-1, keepdims=True)
    true = a * (g - (a * g).sum(-1, keepdims=True))
    port = traced(("X", scores, (), ""), ("softmax", a, (0,), "-1"), ("grad", true, (0,), ""))
    mine = traced(("X", scores, (), ""), ("exp", np.exp(scores), (0,), ""), ("multiply", a * g, (1,), ""))
    said = statistic_term(mine.values[2], [2], mine, port, 1e-9)
    assert "the softmax's backward as a·g, its row sum left out" in said, said


def test_a_path_through_a_masked_mean_left_out_is_read_with_the_mask_over_the_count():
    from parity.diagnosis.statistic_terms import statistic_term
    mask = (RNG.random(size=(4, 5, 1)) > 0.3).astype(float)
    count = mask.sum(axis=1, keepdims=True)
    direct, through_mean = RNG.normal(size=(4, 5, 3)), RNG.normal(size=(4, 1, 3))
    port = traced(("X", direct, (), ""), ("relu", direct, (0,), ""), ("div", through_mean, (1,), ""),
                  ("grad", through_mean, (2,), ""), ("grad", direct + through_mean * mask / count, (1,), ""))
    mine = traced(("X", mask, (), ""), ("add.reduce", count, (0,), ""), ("matmul", direct, (), ""))
    said = statistic_term(mine.values[2], [2], mine, port, 1e-9)
    assert "broadcast back and times the NumPy program's X (4, 5, 1) / [add.reduce (4, 1, 1)]" in said, said


def test_a_step_left_out_is_read_where_the_numpy_gradient_holds_the_ports_with_an_axis_of_one_more():
    from parity.diagnosis.steps_left_out import step_left_out
    u, g, count = RNG.normal(size=(6, 3)), RNG.normal(size=(6, 3)), RNG.integers(1, 4, size=(6, 1)).astype(float)
    port = traced(("X", u, (), ""), ("div", u / count, (0, "?"), ""), ("grad", g, (1,), ""), ("grad", g / count, (0,), ""),
                  ("E.grad", (g / count).sum(0), (), ""))
    mine = traced(("X", u, (), ""), ("getitem", g[:, None, :], ("?",), ""), ("add.reduce", g.sum(0)[None, :], (1,), "axis=0"))
    said = step_left_out(mine.values[2], mine.values[1], port.values[2], mine, port, 1e-9)
    assert "gradient of E" in said and "step through it left out" in said, said


def test_a_step_left_out_is_said_only_where_the_numpy_forward_makes_that_steps_input_too():
    from parity.diagnosis.steps_left_out import step_left_out
    u, g, gamma = RNG.normal(size=(6, 2)), RNG.normal(size=(6, 2)), 1.0 + RNG.normal(0, 0.01, size=2)
    shifted = u + 0.3  # the port's γ·(h + β): h + β is its own value
    port = traced(("X", u, (), ""), ("add", shifted, (0, "?"), ""), ("mul", shifted * gamma, (1, "?"), ""),
                  ("grad", g, (2,), ""), ("grad", g * gamma, (1,), ""), ("beta.grad", (g * gamma).sum(0), (), ""))
    arranged = traced(("X", g, (), ""), ("add.reduce", g.sum(0), (0,), "axis=0"))  # γ·h + β: no h + β in the forward
    assert step_left_out(arranged.values[1], arranged.values[0], port.values[3], arranged, port, 1e-9) == ""
    made = traced(("X", g, (), ""), ("add.reduce", g.sum(0), (0,), "axis=0"), ("add", shifted, ("?", "?"), ""))
    said = step_left_out(made.values[1], made.values[0], port.values[3], made, port, 1e-9)
    assert "gradient of beta" in said and "step through it left out" in said, said


def test_a_step_left_out_is_read_through_a_penalty_term_added_after_it():
    from parity.diagnosis.steps_left_out import step_left_out
    u, g = RNG.normal(size=(6, 1)), RNG.normal(size=(6, 1))
    penalty = 0.3 * RNG.normal(size=(1,))  # λ·b, made from a held array
    port = traced(("X", u, (), ""), ("div", u / 3, (0, 3.0), ""), ("grad", g, (1,), ""), ("grad", g / 3, (0,), ""),
                  ("b.grad", (g / 3).sum(0) + penalty, (), ""))
    mine = traced(("X", g, (), ""), ("add.reduce", g.sum(0), (0,), "axis=0"), ("add", g.sum(0) + penalty, (1, "?"), ""))
    said = step_left_out(mine.values[1], mine.values[0], port.values[2], mine, port, 1e-9)
    assert "gradient of b" in said and "its derivative, 1/3" in said, said


def test_a_gradient_apart_only_inside_one_branch_of_a_piecewise_function_is_read():
    from parity.diagnosis.branches import branch_apart
    diff = RNG.normal(0, 0.3, size=(8, 2))
    small = np.abs(diff) < 0.2
    right = np.where(small, diff / 0.2, np.sign(diff))  # a smooth L1's derivative with β = 0.2
    port = traced(("grad", right, (), ""))
    mine = traced(("X", diff, (), ""), ("absolute", np.abs(diff), (0,), ""), ("less", small.astype(float), (1, 0.2), ""),
                  ("where", np.where(small, diff, np.sign(diff)), (2, 0), ""))
    said = branch_apart([mine.values[3]], mine, port, lambda v: "the port's gradient")
    assert "all where its [less (8, 2)] holds" in said and "0.2 times the port's" in said, said
    mine.values[3].array = right + 0.01  # apart everywhere: no branch of its own
    assert branch_apart([mine.values[3]], mine, port, lambda v: "the port's gradient") == ""
    # the port's gradient plus a term that is zero outside the mask: a term added, not a branch's derivative
    summed = traced(("X", diff, (), ""), ("less", small.astype(float), (0, 0.2), ""), ("grad", right, (), ""),
                    ("multiply", right * small, (2, 1), ""), ("add", right + right * small, (2, 3), ""))
    assert branch_apart([summed.values[4]], summed, port, lambda v: "the port's gradient") == ""
    summed.values[4].op = "where"  # no sum: the entries inside the mask twice the port's are a branch's
    assert "2 times the port's" in branch_apart([summed.values[4]], summed, port, lambda v: "the port's gradient")


def test_a_reshape_where_a_transpose_was_meant_is_read_from_the_product_it_feeds():
    from parity.diagnosis.reshaped_operands import reshape_for_transpose
    f, d = RNG.normal(size=(6, 3, 4)), RNG.normal(size=(18, 5))
    right = f.reshape(-1, 4).T @ d
    port = traced(("W.grad", right, (), ""))
    mine = traced(("X", f, (), ""), ("reshape", f.reshape(4, -1), (0,), ""), ("y", d, (), ""),
                  ("matmul", f.reshape(4, -1) @ d, (1, 2), ""))
    said = reshape_for_transpose(mine.values[3], mine, port, 1e-9, lambda v: "the port's gradient of W")
    assert "a reshape where a transpose was meant" in said, said
    port.values[0].array = right + 1.0
    assert reshape_for_transpose(mine.values[3], mine, port, 1e-9, lambda v: "the port's gradient of W") == ""


def test_one_gradient_added_into_a_later_sum_of_the_loop_again_is_read_and_a_sum_of_each_passs_own_is_not():
    from parity.diagnosis.added_again import added_again
    rng = np.random.default_rng(3)
    d_out, other, mask = rng.normal(size=(4, 3)), rng.normal(size=(4, 3)), rng.random((4, 3)) > 0.5
    da = d_out * mask

    def loop(second_term):  # dh = 0 + d_out; da = dh * mask; dh_next = da @ W; dh = dh_next + (second term)
        return traced(("X", np.ones((4, 3)), (), ""), ("matmul", d_out, (0, "?"), ""), ("matmul", other, (0, "?"), ""),
                      ("add", d_out, (0.0, 1), ""), ("greater", mask, (0, 0.0), ""), ("multiply", da, (3, 4), ""),
                      ("matmul", da, (5, "?"), ""), ("add", da + d_out, (6, second_term), ""))
    again = loop(1)
    port = traced(("grad", d_out, (), ""), ("grad", da, (), ""))  # the port's dh at the later pass: dh_next alone
    said = added_again(again.values[3], again.values[5], again, port, 1e-9)
    assert "into 2 sums" in said and "adds it again" in said and "every time step" in said, said
    own = loop(2)  # each pass adds its own term: nothing added again
    assert added_again(own.values[3], own.values[5], own, port, 1e-9) == ""
    assert added_again(again.values[5], again.values[6], again, port, 1e-9) == ""  # the frontier is no sum of it
    # a value two sums take in, where the port's gradient is no sum without it (a gradient shared by two parameters,
    # the later one weighted otherwise): no measurement shows a term added again
    assert added_again(again.values[3], again.values[5], again, traced(("grad", d_out, (), "")), 1e-9) == ""
    # the port's gradient at one copy of a value it computes twice (softplus(ρ) in the forward pass and again in a
    # penalty) is a part of that value's gradient: the whole is the sum over the copies
    made = rng.normal(size=(4, 3))
    twice = traced(("softplus", made, (), ""), ("softplus", made.copy(), (), ""), ("grad", da, (0,), ""), ("grad", other, (1,), ""))
    assert added_again(again.values[3], again.values[5], again, twice, 1e-9) == ""
    twice.values[3].array = np.zeros((4, 3))  # the other copy takes no gradient: the one copy's is the whole
    assert "adds it again" in added_again(again.values[3], again.values[5], again, twice, 1e-9)


def test_a_standardised_weights_scale_is_one_scale_and_its_own_rank_no_low_rank_term():
    """A weight standardised over its inputs has columns that sum to 0 (rank n - 1): a gain taken from the other
    dimension is one scale, and the difference, of the weight's own rank, is no low-rank term."""
    from parity.diagnosis.layer_weights import _low_rank, _scales
    w = np.random.default_rng(5).normal(size=(12, 16)).astype(np.float32)
    standard = (w - w.mean(axis=0)) / w.std(axis=0)
    theirs = (standard / np.sqrt(12)).astype(np.float64)
    mine = (standard.astype(np.float32) / np.float32(np.sqrt(16))).astype(np.float64)  # float32 rounding on each side
    assert "√(fan_in / fan_out) = √(12/16)" in _scales(mine, theirs)
    assert _low_rank(mine, theirs) == ""
    adapter = theirs + np.outer(np.arange(12.0), np.ones(16)) * 1e-2  # a rank-1 term added: still read
    assert "rank 1" in _low_rank(adapter, theirs)


def test_a_clip_with_other_bounds_on_each_side_is_said_with_both_pairs():
    from parity.diagnosis.op_pairs import constants
    x = RNG.normal(size=(6, 4)) * 9
    mine = traced(("X", x, (), ""), ("clip", np.clip(x, -8, 7), (0, -8.0, 7.0), ""))
    theirs = traced(("X", x, (), ""), ("clamp", np.clip(x, 0, 15), (0, 0.0, 15.0), ""))
    said = constants(mine.values[1:], theirs.values[1:])
    assert "the clip there with other numbers: the NumPy program with (-8, 7), the port with (0, 15)" in said, said
    same = traced(("X", x, (), ""), ("clamp", np.clip(x, -8, 7), (0, -8.0, 7.0), ""))
    assert constants(mine.values[1:], same.values[1:]) == ""


def test_a_weight_taken_inside_a_power_of_two_is_the_square_and_product_in_the_other_order():
    from parity.diagnosis.op_pairs import op_order
    d, f = RNG.normal(size=5), RNG.uniform(0.2, 1.0, size=5)
    mine = traced(("X", d, (), ""), ("f", f, (), ""), ("square", d ** 2, (0,), ""), ("multiply", f * d ** 2, (1, 2), ""))
    port = traced(("X", d, (), ""), ("f", f, (), ""), ("mul", f * d, (1, 0), ""), ("pow", (f * d) ** 2, (2, 2.0), ""))
    said = op_order(mine.values[2:], port.values[2:], (mine, port), 1e-9)
    assert "the square and the product there, in the other order" in said and "square(x · b)" in said, said
    cubed = traced(("X", d, (), ""), ("f", f, (), ""), ("mul", f * d, (1, 0), ""), ("pow", (f * d) ** 3, (2, 3.0), ""))
    assert op_order(mine.values[2:], cubed.values[2:], (mine, cubed), 1e-9) == ""  # a cube is no square


def test_a_product_by_a_square_matrix_the_step_builds_read_through_the_transpose_a_few_ops_on():
    from parity.diagnosis.held_constants import constant_transposed
    rng = np.random.default_rng(11)
    t = rng.uniform(size=6)
    R = (t[None, :] >= t[:, None]).astype(float)  # a risk set: not symmetric
    v, e = rng.uniform(0.5, 1.5, size=6), rng.uniform(0.5, 1.5, size=6)
    mine = traced(("y", t, (), ""), ("astype", R, (0,), ""), ("v", v, (), ""), ("e", e, (), ""),
                  ("matmul", R @ v, (1, 2), ""), ("multiply", e * (R @ v), (3, 4), ""), ("subtract", 1 - e * (R @ v), (1.0, 5), ""))
    port = traced(("X", t, (), ""), ("grad", 1 - e * (R.T @ v), (0,), ""))
    said = constant_transposed(mine.values[4], mine, port, 1e-9)
    assert "a square matrix the step builds" in said and "Mᵀ @ d for M @ h" in said, said
    port.values[1].array = 1 - e * (R @ v) * 1.5  # no transpose gives it: nothing said
    assert constant_transposed(mine.values[4], mine, port, 1e-9) == ""


def test_two_products_by_unseen_weights_that_differ_are_no_ops_in_the_other_order():
    from parity.diagnosis.op_pairs import op_order
    X, V = RNG.normal(size=(6, 4)), RNG.normal(size=(4, 3))
    mine = traced(("X", X, (), ""), ("square", X ** 2, (0,), ""), ("matmul", X ** 2 @ V ** 2, (1, "?"), ""))
    port = traced(("X", X, (), ""), ("matmul", X @ V, (0, "?"), ""), ("pow", (X @ V) ** 2, (1, 2.0), ""))
    mine.values[2].unseen, port.values[1].unseen = {1: V ** 2}, {1: V}  # x² @ V² against (x @ V)²: V² is no V
    assert op_order(mine.values[1:], port.values[1:], (mine, port), 1e-9) == ""
    mine.values[2].unseen = {1: V}
    mine.values[2].array = X ** 2 @ V
    assert "in the other order" in op_order(mine.values[1:], port.values[1:], (mine, port), 1e-9)


def test_a_factor_on_a_delta_divided_later_by_a_multiple_of_it_is_read_on_the_later_value():
    from parity.diagnosis.delta_factor import _taken_back
    assert _taken_back(64.0, 64.0) and _taken_back(192.0, 64.0)  # by the rows, or by the rows times the classes
    assert not _taken_back(100.0, 64.0) and not _taken_back(32.0, 64.0)


def test_a_relu_mask_on_the_gradient_at_a_leaky_relu_is_read_as_its_derivative_and_a_padding_mask_is_not():
    from parity.diagnosis.comparisons import mask_dropped
    z, dh = RNG.normal(size=(8, 4)), RNG.normal(size=(8, 4))
    mask = (z > 0).astype(float)
    mine = traced(("X", z, (), ""), ("greater", mask, (0, 0.0), ""), ("matmul", dh, ("?", "?"), ""),
                  ("multiply", dh * mask, (2, 1), ""))
    port = traced(("X", z, (), ""), ("leaky_relu", np.where(z > 0, z, 0.2 * z), (0, 0.2), "negative_slope=0.2"),
                  ("grad", dh, (1,), ""))
    said = mask_dropped(mine.values[3:], mine, {0: port.values[0], 2: port.values[2]}, port)
    assert "a derivative." in said and "the leaky ReLU's negative slope left out" in said, said
    padding = traced(("X", z, (), ""), ("matmul", dh, ("?", "?"), ""))  # the port's value is no gradient: a mask dropped
    said = mask_dropped(mine.values[3:], mine, {0: port.values[0], 2: padding.values[1]}, padding)
    assert "a mask the port never makes" in said and "derivative" not in said, said


def test_a_derivative_made_from_activations_the_port_computes_otherwise_is_said_as_the_place_not_a_form():
    from parity.diagnosis.local_derivatives import product_factor
    z, dh = RNG.normal(size=(8, 6)), RNG.normal(size=(8, 6))
    stale = np.tanh(z + 0.3)  # the NumPy program's tanh, from weights a step in between changed
    mine = traced(("X", z, (), ""), ("tanh", stale, (0,), ""), ("square", stale ** 2, (1,), ""),
                  ("rsubtract", 1 - stale ** 2, (2, 1.0), ""), ("matmul", dh, ("?", "?"), ""),
                  ("multiply", dh * (1 - stale ** 2), (4, 3), ""))
    port = traced(("X", z, (), ""), ("tanh", np.tanh(z), (0,), ""), ("grad", dh, (1,), ""))
    said = product_factor(mine.values[5], mine.values[4], port.values[2], mine, port)
    assert "compute otherwise" in said and "not the port's [tanh (8, 6)]" in said, said
    alike = traced(("X", z, (), ""), ("tanh", np.tanh(z + 0.3), (0,), ""), ("grad", dh, (1,), ""))  # the same activations:
    said = product_factor(mine.values[5], mine.values[4], alike.values[2], mine, alike)
    assert said == "", said  # 1 - a² at the very tanh the port computes is its derivative: nothing to say


def test_a_square_weights_gradient_written_transposed_is_read_where_it_meets_the_weight_in_its_own_layout():
    from parity.diagnosis.backward_readings import frontier_transposed
    da, h, v = RNG.normal(size=(20, 5)), RNG.normal(size=(20, 5)), RNG.normal(size=(5, 5))  # v held (in, out)
    norm = np.linalg.norm(v, axis=0)

    def numpy_side(dW):
        trace = traced(("X", h, (), ""), ("matmul", dW, ("?", "?"), ""), ("multiply", dW * v, (1, "?"), ""),
                       ("add.reduce", (dW * v).sum(axis=0), (2,), "axis=0"), ("divide", (dW * v).sum(axis=0) / norm, (3, "?"), ""))
        trace.values[2].unseen = {1: v}
        return trace

    right = h.T @ da
    port = traced(("X", h, (), ""), ("grad", right.T, (0,), ""), ("g.grad", (right * v).sum(axis=0) / norm, (), ""))  # (out, in)
    wrong = numpy_side(da.T @ h)  # the port's numbers in the port's layout, met by v in the NumPy program's
    said = frontier_transposed(wrong.values[1], port.values[1], [1, 2, 3, 4], wrong, port, 1e-9)
    assert "taken transposed there" in said and "gradient of g" in said, said
    fine = numpy_side(right)
    assert frontier_transposed(fine.values[1], port.values[1], [1, 2, 3, 4], fine, port, 1e-9) == ""


def test_a_box_the_port_pastes_in_place_is_traced_and_read_against_the_numpy_programs_mask():
    import torch
    from parity.diagnosis.comparisons import mask_dropped
    from parity.diagnosis.port_values import _TorchValues
    from parity.diagnosis.value_trace import Trace
    x = RNG.normal(size=(3, 1, 6, 6))
    port = Trace()
    X = torch.tensor(x)
    port.root("X", X, x.copy())
    with _TorchValues(port):
        pasted = X.clone()
        pasted[:, :, 1:3, 2:5] = X.flip(0)[:, :, 1:3, 2:5]  # rows 1:3, columns 2:5
    assert port.values[-1].op == "setitem (in place)" and not np.allclose(port.values[-1].array, x), port.values[-1]
    clone = next(v for v in port.values if v.op == "clone")
    for rows, cols, said in ((slice(2, 5), slice(1, 3), "rows and columns exchanged"), (slice(0, 2), slice(0, 3), "placed otherwise")):
        keep = np.ones((6, 6))
        keep[rows, cols] = 0
        mine = traced(("X", x, (), ""), ("subtract", keep, ("?",), ""), ("multiply", keep * x, (1, 0), ""))
        text = mask_dropped(mine.values[2:], mine, {0: clone}, port)
        assert said in text and "never makes" not in text, text


def test_an_lstm_cells_state_pair_given_in_the_other_order_is_found_by_calling_each_part_again():
    import torch
    from parity.diagnosis.called_again import recalled
    from parity.diagnosis.port_values import _TorchValues
    from parity.diagnosis.value_trace import Trace
    torch.manual_seed(0)
    cell, x = torch.nn.LSTMCell(3, 4), torch.randn(5, 3)
    h, c = torch.randn(5, 4), torch.randn(5, 4)
    port = Trace()
    port.root("X", x, x.double().numpy())
    with _TorchValues(port):
        cell(x, (c, h))  # (c, h) where (h, c) belongs
    right = cell(x, (h, c))[0].detach().double().numpy()
    mine = traced(("X", x.double().numpy(), (), ""), ("multiply", right, (0,), ""))
    part = next(port.values[i] for i, (f, _, _) in port.called.items() if f.__name__ == "lstm_cell" and f.part == 0)  # its h
    said = recalled([part], port.called, mine.values[1:], 1e-9)
    assert "hx's two tensors swapped" in said, said


def test_a_term_taken_into_a_sum_with_the_other_sign_is_read_before_a_term_added_again():
    """dzb = (the other terms) + d, where the port's gradient there is (the other terms) - d: one term's minus lost,
    measured by giving that term the other sign; the same sum read as "added again" would name another mechanism."""
    from parity.diagnosis.added_again import other_sign, term_taken_in
    rng = np.random.default_rng(5)
    rest, d = rng.normal(size=(6, 3)), rng.normal(size=(6, 3))
    mine = traced(("X", np.ones((6, 3)), (), ""), ("divide", rest, (0, "?"), ""), ("divide", d, (0, "?"), ""),
                  ("add", d, (0.0, 2), ""), ("add", rest + d, (1, 2), ""))
    port = traced(("grad", rest - d, (), ""))
    words, fix = term_taken_in(mine.values[3], mine.values[4], mine, port, 1e-9)
    assert "with the other sign" in words and "sign its derivative has" in fix, words
    assert other_sign(mine.values[4], mine, traced(("grad", rest + 2 * d, (), "")), 1e-9) == ""
    mine.values[2].array = np.zeros((6, 3))  # a term of zeros flipped is the sum as it is: no sign is read from it
    mine.values[4].array = rest.copy()
    assert other_sign(mine.values[4], mine, traced(("grad", rest, (), "")), 1e-9) == ""
