"""Readings checked against what the numbers could also say: a grouping whose third operand is within rounding of
nothing, a join whose parts are the other side's in another order, and a sum one of whose terms lacks an
activation's derivative (σ's v(1 - v) at the program's own value)."""

import numpy as np

from parity.diagnosis.counterparts import _joined_otherwise
from parity.diagnosis.precedence import grouped_otherwise
from parity.diagnosis.layer_weights import _kept_scaled
from parity.diagnosis.mean_counts import counted_meaning
from parity.diagnosis.rearranged import column_order
from parity.diagnosis.update_recurrence import _not_the_rate
from parity.diagnosis.statistic_terms import statistic_term
from parity.diagnosis.steps_left_out import _matching_scaled
from parity.diagnosis.term_apart import terms_weighted
from parity.diagnosis.value_trace import describe
from tests.test_trace_readings import values

RNG = np.random.default_rng(11)


def _sum_of_two_quotients(scale: float):
    """(a / 32) + c / scale, the NumPy program's sum of two terms."""
    a, c = RNG.normal(size=(6, 4)), RNG.normal(size=(6, 4))
    d = c / scale
    return a, d, values(("X", a, (), ""), ("y", c, (), ""), ("divide", a / 32, (0, 32.0), ""), ("divide", d, (1, scale), ""),
                        ("add", a / 32 + d, (2, 3), ""))


def test_a_grouping_is_not_read_where_its_third_operand_is_within_rounding_of_nothing():
    a, d, mine = _sum_of_two_quotients(512.0)  # d a thousandth: a / (32 + d) is a / 32 within 1e-4
    port = values(("grad", a / 32, (), ""))
    assert grouped_otherwise(mine.values[4:], mine, port.values, 1e-4) == ""


def test_a_grouping_is_read_where_every_operand_counts():
    a, d, mine = _sum_of_two_quotients(0.5)
    port = values(("grad", a / (32 + d), (), ""))
    assert "grouped otherwise" in grouped_otherwise(mine.values[4:], mine, port.values, 1e-4)


def test_the_same_parts_joined_in_another_order_are_named():
    u, e = RNG.normal(size=(4, 3, 5)), RNG.normal(size=(4, 2, 5))
    mine = values(("X", u, (), ""), ("y", e, (), ""), ("concatenate", np.concatenate([u, e], axis=1), (0, 1), "axis=1"))
    port = values(("cat", np.concatenate([e, u], axis=1), (), "dim=1"))
    said = _joined_otherwise(mine.values[2], port.values[0], mine, 1e-9)
    assert "another order (2, 1)" in said and describe(mine.values[0]) in said, said
    assert _joined_otherwise(mine.values[2], values(("cat", np.concatenate([u, e[:, ::-1]], axis=1), (), "")).values[0], mine, 1e-9) == ""


def test_a_term_without_the_activation_s_derivative_is_read_by_it():
    """dz = g_p + (p - y)/n where the port's gradient at z is g_p·p(1 - p) + (p - y)/n: the first term is the gradient
    at σ's output, its derivative left out."""
    z, y = RNG.normal(size=(8, 3)), (RNG.random(size=(8, 3)) > 0.5).astype(float)
    p = 1 / (1 + np.exp(-z))
    g = RNG.normal(size=(8, 3))
    mine = values(("X", z, (), ""), ("y", y, (), ""), ("sigmoid", p, (0,), ""), ("multiply", g, (2, "?"), ""),
                  ("divide", (p - y) / 24, (2, 1), ""), ("add", g + (p - y) / 24, (3, 4), ""))
    right = values(("grad", g * p * (1 - p) + (p - y) / 24, (), ""))
    said = terms_weighted([mine.values[5]], right.values, mine, 1e-9, lambda v: "the port's gradient")
    assert "v(1 - v), the sigmoid's derivative" in said and describe(mine.values[3]) in said.split("is that sum with")[1], said
    other = values(("grad", g * p + (p - y) / 24, (), ""))  # times p alone: no derivative of any activation
    assert "derivative" not in terms_weighted([mine.values[5]], other.values, mine, 1e-9, lambda v: "the port's gradient")


def test_a_product_with_more_factors_is_said_as_a_factor_too_many():
    from parity.diagnosis.another_source import _factor_of
    d, p = RNG.normal(size=8), RNG.random(size=8)
    mine = values(("X", d, (), ""), ("y", p, (), ""), ("multiply", d * p, (0, 1), ""), ("subtract", 1 - p, (1.0, 1), ""),
                  ("multiply", d * p * (1 - p), (2, 3), ""), ("add", d + p, (0, 1), ""))
    assert _factor_of(mine, mine.values[4], mine.values[0]) and _factor_of(mine, mine.values[2], mine.values[0])
    assert not _factor_of(mine, mine.values[5], mine.values[0])  # a sum of it: no product


def test_a_delta_divided_by_its_count_and_then_averaged_is_said_as_the_count_taken_twice():
    from parity.diagnosis.another_source import another_input
    d = RNG.normal(size=(8, 3))
    mine = values(("X", d, (), ""), ("divide", d / 8, (0, 8.0), ""), ("mean", (d / 8).mean(axis=0), (1,), "axis=0"))
    port = values(("b.grad", d.mean(axis=0), (), ""))
    said = another_input(mine.values[2], mine, port, 1e-9)
    assert "divided by 8" in said and "count taken twice" in said, said


def test_a_factor_the_program_completes_one_op_later_is_not_read_as_a_derivative_written_otherwise():
    """g·p, then ·(1 - p): the first product alone reads as σ's derivative with 1 - a left out, but with the port's
    step g·σ' in its place the program parts after it; the step is taken over two ops."""
    from parity.diagnosis.delta_factor import delta_factor
    z, y = RNG.normal(size=(6, 3)), RNG.normal(size=(6, 3))
    p = 1 / (1 + np.exp(-z))
    g, right = 2 * y, 2 * y * p * (1 - p)
    port = values(("X", z, (), ""), ("sigmoid", p, (0,), ""), ("grad", g, (1,), ""), ("grad", right, (0,), ""),
                  ("b.grad", right.sum(axis=0), (3,), ""))

    def numpy_program(last: np.ndarray):
        return values(("X", z, (), ""), ("y", y, (), ""), ("sigmoid", p, (0,), ""), ("subtract", 1 - p, (1.0, 2), ""),
                      ("multiply", g, (1, 2.0), ""), ("multiply", g * p, (4, 2), ""), ("multiply", last, (5, 3), ""),
                      ("add.reduce", last.sum(axis=0), (6,), "axis=0"))
    over_two_ops = numpy_program(g * p * (1 - p))
    assert delta_factor(over_two_ops, port, [5, 6, 7], 1e-9, describe) == ""
    slipped = numpy_program(g * p * 2.0)  # the product goes on to no step of σ': read as before
    assert "1 - a left out" in delta_factor(slipped, port, [5, 6, 7], 1e-9, describe)


def test_a_per_sample_sum_over_several_axes_against_the_port_s_sum_of_the_whole_batch_is_said():
    from parity.diagnosis.reduction_axes import axes_of
    x = RNG.normal(size=(8, 1, 5))
    mine = values(("X", x, (), ""), ("add.reduce", x.sum(axis=(1, 2)), (0,), "axis=(1, 2)"))
    port = values(("X", x, (), ""), ("sum", x.sum(), (0,), ""))
    said = axes_of(mine.values[1:], port.values[1:], mine.values[0])
    assert "over axes (1, 2)" in said and "has no dim" in said and "8 rows" in said, said
    whole = values(("X", x, (), ""), ("amax", x.max(), (0,), ""))  # another kind of reduction: no axis left out
    assert axes_of(mine.values[1:], whole.values[1:], mine.values[0]) == ""


def test_a_scatter_made_again_with_another_index_or_sign_is_named_where_it_gives_the_port_s_gradient():
    from parity.diagnosis.scatter_index import scattered_otherwise
    i, j, d = np.array([0.0, 1.0, 2.0]), np.array([3.0, 4.0, 3.0]), np.array([1.0, 2.0, 3.0])
    first = np.zeros(5)
    np.add.at(first, i.astype(int), d)
    right = first.copy()
    np.add.at(right, j.astype(int), -d)
    port = values(("b.grad", right, (), ""))

    def program(index: int, sign: float):
        ids = (i, j, i + 1)[index]
        made = first.copy()
        np.add.at(made, ids.astype(int), sign * d)
        return values(("X", i, (), ""), ("y", j, (), ""), ("add", i + 1, (0, 1.0), ""), ("zeros", np.zeros(5), (), ""),
                      ("multiply", d, (1, 0.0), ""), ("add.at (in place)", first, (3, 0, 4), ""), ("negative", sign * d, (4,), ""),
                      ("add.at (in place)", made, (5, index, 6), ""))
    by_index = program(2, -1.0)  # the ids i + 1 where j belongs
    said = scattered_otherwise(by_index.values[5:], by_index, port, 1e-9, lambda v: "the port's gradient")
    assert "y (3,) (value 1) as its index in place of [add (3,)]" in said and "another index" in said, said
    by_sign = program(1, 1.0)
    assert "sign flipped" in scattered_otherwise(by_sign.values[5:], by_sign, port, 1e-9, lambda v: "the port's gradient")
    right_program = program(1, -1.0)
    assert scattered_otherwise(right_program.values[5:], right_program, port, 1e-9, lambda v: "the port's gradient") == ""
    # a scatter made again that lands on a gradient the NumPy program already makes right elsewhere (another table's,
    # from the same term) names a wrong term in this one, not a wrong index
    elsewhere = values(*[(v.op, v.array, v.inputs, v.detail) for v in by_index.values], ("add", right.copy(), (7, "?"), ""))
    assert scattered_otherwise(elsewhere.values[5:8], elsewhere, port, 1e-9, lambda v: "the port's gradient") == ""


def test_a_term_without_the_softmax_s_jacobian_is_read_by_it():
    """dz = ce + g_p, where the port's gradient at the logits is ce + p·(g_p - Σ p·g_p): the consistency term's
    gradient at the softmax's output added where the logits' belongs."""
    z, g, ce = RNG.normal(size=(6, 3)), RNG.normal(size=(6, 3)), RNG.normal(size=(6, 3))
    p = np.exp(z) / np.exp(z).sum(axis=1, keepdims=True)
    mine = values(("X", z, (), ""), ("divide", p, (0, "?"), ""), ("multiply", ce, (0, "?"), ""), ("multiply", g, (1, "?"), ""),
                  ("add", ce + g, (2, 3), ""))
    right = values(("grad", ce + p * (g - np.sum(p * g, axis=1, keepdims=True)), (), ""))
    said = terms_weighted([mine.values[4]], right.values, mine, 1e-9, lambda v: "the port's gradient")
    assert "the softmax's Jacobian" in said and describe(mine.values[1]) in said.split("at the NumPy program's")[1], said


def test_a_term_taken_as_v_times_g_without_the_softmax_s_row_sum_is_read_so():
    """An entropy bonus's gradient at the logits written c·p·log p (the + c·p·H left out): the port's is that term less
    p times its row sum."""
    z, pg = RNG.normal(size=(6, 4)), RNG.normal(size=(6, 4))
    p = np.exp(z) / np.exp(z).sum(axis=1, keepdims=True)
    entropy = 0.01 * p * np.log(p) / 6
    mine = values(("X", z, (), ""), ("exp", p, (0,), ""), ("multiply", pg, (0, "?"), ""), ("divide", entropy, (1, "?"), ""),
                  ("add", pg + entropy, (2, 3), ""))
    right = values(("grad", pg + entropy - p * entropy.sum(axis=1, keepdims=True), (), ""))
    said = terms_weighted([mine.values[4]], right.values, mine, 1e-9, lambda v: "the port's gradient")
    assert "the row sum Σ v·g left out" in said, said


def test_a_scale_against_torch_s_add_with_an_alpha_is_two_numbers_not_a_value_taken_as_it_is():
    """slow + 0.4·(fast - slow) on one side, slow.add_(fast - slow, alpha=0.6) on the other: both scale the difference."""
    from parity.diagnosis.one_sided import one_sided_scale
    slow, fast = RNG.normal(size=(4, 3)), RNG.normal(size=(4, 3))
    d = fast - slow
    mine = values(("X", d, (), ""), ("multiply", 0.4 * d, (0, 0.4), ""), ("add", slow + 0.4 * d, (1, "?"), ""))
    port = values(("X", d, (), ""), ("add_", slow + 0.6 * d, ("?", 0, 0.6), "alpha=0.6"))
    said = one_sided_scale([mine.values[1]], [port.values[1]], mine, port)
    assert "scales it by 0.6 in its add_" in said and "exchanged" in said, said


def test_a_sum_per_row_against_the_port_s_mean_of_the_whole_batch_is_an_axis_too():
    from parity.diagnosis.reduction_axes import axes_of
    x = RNG.normal(size=(8, 3))
    mine = values(("X", x, (), ""), ("add.reduce", x.sum(axis=1), (0,), "axis=1"))
    port = values(("X", x, (), ""), ("mean", x.mean(), (0,), ""))
    assert "has no dim" in axes_of(mine.values[1:], port.values[1:], mine.values[0])


def test_a_sigmoid_s_derivative_applied_again_over_two_products_is_one_factor_too_many():
    """(p - y)·p, then ·(1 - p), where the port's gradient at the logits is p - y: σ' applied after a loss on logits;
    p written as 0.5·(1 + tanh(z/2)) is read as σ of the port's logits."""
    from parity.diagnosis.derivative_factor import derivative_factor
    z, y = RNG.normal(size=(6, 3)), RNG.random(size=(6, 3))
    p = 0.5 * (1 + np.tanh(z / 2))
    mine = values(("X", z, (), ""), ("y", y, (), ""), ("multiply", p, (0, 0.5), ""), ("subtract", p - y, (2, 1), ""),
                  ("multiply", (p - y) * p, (3, 2), ""), ("multiply", (p - y) * p * (1 - p), (4, "?"), ""))
    port = values(("X", z, (), ""), ("linear", z, (0,), ""), ("grad", p - y, (1,), ""))
    said = derivative_factor(mine.values[5], mine, port, 1e-9, describe)
    assert "v(1 - v), the sigmoid's derivative" in said and "one chain-rule factor too many" in said, said


def test_a_chain_s_gradient_times_a_mean_s_one_over_n_is_no_rate_folded_into_a_product():
    """mean(g_sub) = -g_mu / 12 for every program centring x by its mean (the port's own graph): a gradient within the
    chain scaled by a number the NumPy program writes is no sign of a step left out; a parameter's gradient is."""
    g = RNG.normal(size=(4, 12))
    mine = values(("X", g, (), ""), ("multiply", g / 12, (0, 1 / 12), ""))
    chain = values(("grad", -g.sum(axis=1, keepdims=True), (), ""))
    assert _matching_scaled(-chain.values[0].array / 12, chain.values, 1e-9, mine) is None
    weight = values(("W.grad", -g.sum(axis=1, keepdims=True), (), ""))
    assert _matching_scaled(-weight.values[0].array / 12, weight.values, 1e-9, mine) is not None


def test_a_normalisation_s_variance_term_is_read_beside_many_gradients_of_its_shape():
    """dx = rstd·(dx̂ - mean(dx̂)) where the port's is less rstd·x̂·mean(dx̂·x̂): the term a statistic carries, found
    where a transformer's forty other gradients of that shape come first in the trace."""
    x, dxhat = RNG.normal(size=(6, 5, 8)), RNG.normal(size=(6, 5, 8))
    centred = x - x.mean(axis=-1, keepdims=True)
    rstd = 1 / np.sqrt((centred ** 2).mean(axis=-1, keepdims=True) + 1e-5)
    xhat = centred * rstd
    mine_dx = rstd * (dxhat - dxhat.mean(axis=-1, keepdims=True))
    right = mine_dx - rstd * xhat * (dxhat * xhat).mean(axis=-1, keepdims=True)
    mine = values(("X", x, (), ""), ("subtract", centred, (0, "?"), ""), ("multiply", xhat, (1, "?"), ""),
                  ("multiply", mine_dx, ("?", "?"), ""))
    port = values(*[("grad", RNG.normal(size=x.shape), (), "") for _ in range(44)], ("grad", right, (), ""))
    said = statistic_term(mine.values[3], [], mine, port, 1e-9)
    assert "a statistic over that axis" in said and "one number per row" in said, said


def test_a_sort_read_backwards_through_a_view_is_no_order_apart_and_a_reversed_one_is_said_so():
    """np.sort(z)[:, ::-1] is traced as the ascending sort, the view unseen: its cumsum, recomputed, shows the program
    reads it in the port's descending order. Without such a use, the reversal is said as a sort order."""
    z = RNG.normal(size=(6, 4))
    ascending, descending = np.sort(z, axis=1), np.sort(z, axis=1)[:, ::-1]
    mine = values(("X", z, (), ""), ("sort", ascending, (0,), "axis=-1"), ("cumsum", np.cumsum(descending, axis=1), (1,), "axis=-1"))
    port = values(("X", z, (), ""), ("sort", descending, (0,), "part 0"))
    assert column_order([mine.values[1]], port, 1e-9, mine) == ""
    read_as_is = values(("X", z, (), ""), ("sort", ascending, (0,), "axis=-1"), ("cumsum", np.cumsum(ascending, axis=1), (1,), "axis=-1"))
    said = column_order([read_as_is.values[1]], port, 1e-9, read_as_is)
    assert "reversed" in said and "descending" in said, said


def test_a_factor_on_one_parameter_s_updates_is_its_gradient_s_where_the_others_agree_under_one_rate():
    said = _not_the_rate(1 / 32, ["W1", "b1"], 32)
    assert "not the rate" in said and "W1, b1" in said and "32 times (the batch size)" in said, said


def test_one_mask_with_its_scale_taken_otherwise_is_read_as_keep_squared():
    w, mask = RNG.normal(size=(6, 8)), RNG.random(size=(6, 8)) > 0.25
    said = _kept_scaled(w * mask / 0.75, w * mask * 0.75)
    assert "same" in said and "0.75²" in said and "1/keep" in said, said
    assert _kept_scaled(w * mask / 0.75, w * (RNG.random(size=(6, 8)) > 0.25) * 0.75) == ""  # two masks: another reading


def test_a_half_is_also_read_as_two_counts_where_the_batch_holds_a_mask_keeping_half_its_rows():
    X = np.hstack([RNG.normal(size=(32, 2)), (np.arange(32) % 2)[:, None].astype(float)])
    name, words = counted_meaning(0.5, 32, X)
    assert name == "factor-2" and "16/32" in words and "mask" in words and "column 2" in words, words
    assert counted_meaning(0.5, 32, X[:, :2]) == ("factor-2", "half")  # no mask: the number alone


def test_the_same_op_along_another_axis_is_said_with_both_axes():
    from parity.diagnosis.reduction_axes import axes_of
    s = RNG.normal(size=(24, 5))
    mine = values(("X", s, (), ""), ("sort", np.sort(s, axis=-1), (0,), "axis=-1"))
    port = values(("X", s, (), ""), ("sort", np.sort(s, axis=0), (0, 0.0, "?"), "part 0"))
    said = axes_of([mine.values[1]], [port.values[1]], mine.values[0])
    assert "along axis 1 (of size 5)" in said and "along dim 0 (of size 24) (the batch)" in said, said
    alike = values(("X", s, (), ""), ("sort", np.sort(s, axis=1), (0, 1.0, "?"), "part 0"))
    assert "sort" not in axes_of([mine.values[1]], [alike.values[1]], mine.values[0])
