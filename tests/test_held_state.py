"""Arrays the programs hold across steps: a moving average of the weights fitted on each side, and a NumPy
program's held arrays named by their path, so that an average and a velocity keyed alike stay apart."""

import numpy as np
import pytest

from parity.diagnosis.averages import AFTER, BEFORE, _apart, _fits
from parity.diagnosis.held_constants import numpy_constants

RNG = np.random.default_rng(3)


def test_a_moving_average_is_fitted_with_its_step_towards_the_new_weights():
    before, after = RNG.normal(size=(4, 3)), RNG.normal(size=(4, 3))
    weights = [{"W1": before}, {"W1": after}]
    numpy_average = {"ema['W1']": 0.8 * before + 0.2 * after}
    port_average = {"ema_fc1_weight": (0.2 * before + 0.8 * after).T}  # the port's layout (out, in)
    name, c, towards = _fits({}, numpy_average, weights, 1e-9)["W1"]
    assert name == "ema['W1']" and abs(c - 0.2) < 1e-9 and towards == AFTER
    assert abs(_fits({}, port_average, weights, 1e-9)["W1"][1] - 0.8) < 1e-9
    assert _fits({}, {"noise": RNG.normal(size=(4, 3))}, weights, 1e-9) == {}  # no average of the weights


def test_a_copy_that_stays_a_view_of_the_weights_or_the_weights_before_the_step_is_fitted_and_said():
    """c = 1 (the average is the weights: a view, no copy), c = 0 (a copy that never moves: a bias left out of the
    loop), and one c towards the weights before the update where the other's is towards those after it."""
    start, before, after = RNG.normal(size=(4, 3)), RNG.normal(size=(4, 3)), RNG.normal(size=(4, 3))
    weights = [{"W1": before}, {"W1": after}]
    assert _fits({}, {"shadow": after.copy()}, weights, 1e-9)["W1"][1] == pytest.approx(1.0)
    assert _fits({}, {"shadow": before.copy()}, weights, 1e-9)["W1"][1] == pytest.approx(0.0)
    assert _fits({"shadow": start}, {"shadow": start}, weights, 1e-9) == {}  # held unchanged: a constant, no average
    stale = _fits({"ema": start}, {"ema": start + 0.1 * (before - start)}, weights, 1e-9)["W1"]
    assert stale[2] == BEFORE and stale[1] == pytest.approx(0.1)
    assert "view of the parameters" in _apart(("a", 0.18, AFTER), ("b", 1.0, AFTER))
    assert "does not move" in _apart(("a", 0.0, AFTER), ("b", 0.18, AFTER)) and "NumPy program's copy" in _apart(("a", 0.0, AFTER), ("b", 0.18, AFTER))
    assert "before the optimizer's step" in _apart(("a", 0.1, AFTER), ("b", 0.1, BEFORE))
    assert "exchanged" in _apart(("a", 0.1, AFTER), ("b", 0.9, AFTER))


def test_the_port_s_shadow_weights_held_in_a_dict_are_read_as_held_arrays():
    import torch
    from parity.diagnosis.held_constants import port_constants
    model = torch.nn.Linear(3, 2)
    model.shadow = {name: p.detach().clone() + 1.0 for name, p in model.named_parameters()}
    model.history = [torch.ones(2, 3)]
    held = port_constants(model)
    assert set(held) == {"shadow['weight']", "history[0]"}, held  # the bias (2 entries) is too small to be a constant
    assert np.allclose(held["shadow['weight']"], model.weight.detach().numpy() + 1.0)


def test_held_arrays_keyed_alike_in_two_dicts_keep_their_paths():
    average, velocity, weight = RNG.normal(size=(3, 3)), RNG.normal(size=(3, 3)), RNG.normal(size=(3, 3))
    places = [({}, "W1", average, "ema['W1']"), ({}, "W1", velocity, "v['W1']"), ({}, "W1", weight, "params['W1']")]
    held = numpy_constants(places, [weight])
    assert set(held) == {"ema['W1']", "v['W1']"}, held


def test_the_numpy_programs_gradient_is_read_from_its_first_steps_optimizer_state():
    from parity.diagnosis.state_stage import numpy_gradient
    g = RNG.normal(size=(3, 2))
    assert np.allclose(numpy_gradient({"W.grad": g}, "W", 5, {}), g)  # kept: at any step
    assert np.allclose(numpy_gradient({"W.momentum_buffer": g}, "W", 1, {}), g)
    assert np.allclose(numpy_gradient({"W.exp_avg": 0.1 * g}, "W", 1, {"β1": 0.9}), g)
    assert numpy_gradient({"W.momentum_buffer": g}, "W", 2, {}) is None  # past the first step a buffer holds more
    assert numpy_gradient({"W.exp_avg": g}, "W", 1, {}) is None  # no β1 to read it with
    adagrad = {"W.sum": 1.0 + g * g, "W.update": -0.05 * g / np.sqrt(1.0 + g * g)}  # accumulator from 1, lr 0.05
    assert np.allclose(numpy_gradient(adagrad, "W", 1, {"lr": 0.05}), g)
    assert numpy_gradient(adagrad, "W", 1, {"lr": 0.1}) is None  # another lr: the squares it gives are not the sum's
    rmsprop = {"W.square_avg": 0.01 * g * g, "W.update": -0.01 * g / np.sqrt(0.01 * g * g)}
    assert np.allclose(numpy_gradient(rmsprop, "W", 1, {"lr": 0.01, "α": 0.99}), g)
    small = np.vstack([g, 1e-3 * g])  # rows whose squares lie at a float32 state's rounding: 1 + 1e-6 holds them roughly
    held = (1.0 + small * small).astype(np.float32).astype(np.float64)
    adagrad32 = {"W.sum": held, "W.update": -0.05 * small / np.sqrt(held)}
    assert np.allclose(numpy_gradient(adagrad32, "W", 1, {"lr": 0.05}), small, rtol=1e-3)
    assert numpy_gradient(adagrad32, "W", 1, {"lr": 0.1}) is None  # the large squares still bear the lr out
    theta = RNG.normal(size=(3, 2))
    sgd = {"W": theta - 0.1 * (g + 0.01 * theta), "W.update": -0.1 * (g + 0.01 * theta)}  # a coupled weight decay
    assert np.allclose(numpy_gradient(sgd, "W", 1, {"lr": 0.1, "sgd": 1.0}, decay=0.01), g)
    assert numpy_gradient(sgd, "W", 1, {"lr": 0.1}) is None  # lr alone is Adagrad's too: no -lr·g to read


def test_a_spike_function_bound_before_the_watch_is_recorded_and_its_surrogate_is_no_wrong_derivative():
    import torch
    from parity.diagnosis.custom_functions import _vjp_against_differences, backward_not_derivative, recorded_calls

    class Spike(torch.autograd.Function):
        @staticmethod
        def forward(ctx, v):
            ctx.save_for_backward(v)
            return (v > 0).to(v.dtype)

        @staticmethod
        def backward(ctx, grad):
            v, = ctx.saved_tensors
            return grad / (1 + 5 * v.abs()) ** 2

    spike = Spike.apply  # bound when the port's module loads
    calls: list = []
    v = torch.randn(12, dtype=torch.float64, requires_grad=True)
    with recorded_calls(calls):
        spike(v)
    assert [cls for cls, _ in calls] == [Spike]
    analytic, numeric = _vjp_against_differences(Spike, calls[0][1])
    assert numeric == 0.0 and analytic != 0.0  # a step forward: its backward a surrogate by design
    assert backward_not_derivative(calls) == ""
    spike(v)
    assert len(calls) == 1  # the watch undone: a call after it is not recorded


def test_two_updates_apart_by_the_parameters_own_float32_rounding_agree_and_a_real_gap_does_not():
    from parity.diagnosis.optimizer_again import _within_rounding
    weights = RNG.normal(0.0, 0.3, size=(4, 4)).astype(np.float32)
    update = np.full((4, 4), 3.6e-5)
    assert _within_rounding(update, update + 3.7e-9, weights)  # new minus old in float32: a few last-place units
    assert not _within_rounding(update, update * 1.01, weights)  # one percent of the update: a real difference


def test_rows_one_side_never_moves_are_their_own_cause_only_where_the_rows_both_move_agree():
    from parity.diagnosis.state_stage import frozen_rows
    update = RNG.normal(size=(5, 3))
    still = update.copy()
    still[0] = 0.0  # row 0 never moved on the NumPy side
    found = frozen_rows(None, "E", {"E.update": still}, {"E.update": update}, 1)
    assert found and found[0].score == 0.85 and found[0].evidence["side"] == "numpy", found
    wider = still.copy()
    wider[1:] *= 0.7  # every other row moved otherwise too: the still row is one sign of a wider gap
    found = frozen_rows(None, "E", {"E.update": wider}, {"E.update": update}, 1)
    assert found[0].score == 0.6 and "side" not in found[0].evidence and "wider difference" in found[0].explanation, found


def test_adams_bias_corrections_are_read_step_by_step_by_their_law():
    from types import SimpleNamespace
    from parity.diagnosis.adam_law import _moments
    from parity.diagnosis.adam_written import corrections
    config = SimpleNamespace(lr=0.01, betas=(0.9, 0.999), eps=1e-8)
    grads = [{"W": RNG.normal(size=(4, 3))} for _ in range(4)]
    moments = _moments(grads, config.betas)

    def updates(v_factor):
        return [{"W": -config.lr * (m / (1 - 0.9 ** t)) / (np.sqrt(v * v_factor(t)) + config.eps)}
                for t, state in enumerate(moments, start=1) for m, v in [state["W"]]]

    found = corrections(updates(lambda t: 1 / (1 - 0.999) ** t), moments, config)
    assert found is not None and "the power outside the parentheses" in found.explanation, found
    found = corrections(updates(lambda t: 1 / (1 - 0.9 ** t)), moments, config)
    assert found is not None and "the other moment's β" in found.explanation, found
    assert corrections(updates(lambda t: 1 / (1 - 0.999 ** t)), moments, config) is None  # Adam as torch writes it


def test_a_first_steps_buffer_apart_by_a_multiple_of_the_parameter_is_read_as_a_weight_decay_on_one_side():
    from parity.diagnosis.state_decay import decay_in_state
    g, theta = RNG.normal(size=(4, 3)), RNG.normal(size=(4, 3))
    found = decay_in_state("W.momentum_buffer", {"W.momentum_buffer": g + 0.1 * theta},
                           {"W.momentum_buffer": g + 0.05 * theta}, 1, {}, theta)
    assert found is not None and found.evidence["side"] == "numpy" and abs(found.evidence["decay"] - 0.05) < 1e-9, found
    found = decay_in_state("W.exp_avg", {"W.exp_avg": 0.1 * g}, {"W.exp_avg": 0.1 * (g + 0.01 * theta)}, 1, {"β1": 0.9}, theta)
    assert found is not None and found.evidence["side"] == "torch" and abs(found.evidence["decay"] + 0.01) < 1e-9, found
    b, gb = np.array([0.7]), np.array([0.3])  # a bias of one entry: read beside the weight's own multiple
    mine, theirs = {"b.exp_avg": 0.1 * (gb + 0.01 * b), "W.exp_avg": 0.1 * (g + 0.01 * theta)}, {"b.exp_avg": 0.1 * gb, "W.exp_avg": 0.1 * g}
    found = decay_in_state("b.exp_avg", mine, theirs, 1, {"β1": 0.9}, b, {"b": b, "W": theta})
    assert found is not None and abs(found.evidence["decay"] - 0.01) < 1e-9, found
    theirs["W.exp_avg"] = mine["W.exp_avg"]  # the weight's states agree: the bias's gap alone is no multiple to read
    assert decay_in_state("b.exp_avg", mine, theirs, 1, {"β1": 0.9}, b, {"b": b, "W": theta}) is None
    other = {"W.momentum_buffer": g + 0.05 * RNG.normal(size=(4, 3))}  # apart, but by no multiple of the parameter
    assert decay_in_state("W.momentum_buffer", other, {"W.momentum_buffer": g}, 1, {}, theta) is None
    assert decay_in_state("W.momentum_buffer", {"W.momentum_buffer": g + theta}, {"W.momentum_buffer": g}, 2, {}, theta) is None
    # a vector weight's own multiple, while a matrix's state parts by no multiple of it: one mechanism moves both (a
    # spectral norm's σ-term, rank 1), no weight decay on the vector alone
    v, V, G = RNG.normal(size=(5, 1)), RNG.normal(size=(4, 5)), RNG.normal(size=(4, 5))
    mine = {"v.momentum_buffer": g[:, :1] + 0.1 * v[:4], "V.momentum_buffer": G + 0.1 * np.outer(RNG.normal(size=4), RNG.normal(size=5))}
    theirs = {"v.momentum_buffer": g[:, :1], "V.momentum_buffer": G}
    assert decay_in_state("v.momentum_buffer", mine, theirs, 1, {}, v[:4], {"v": v[:4], "V": V}) is None
    theirs["V.momentum_buffer"] = mine["V.momentum_buffer"] - 0.3 * V  # the matrix's by a multiple of its own: decay on both
    assert decay_in_state("v.momentum_buffer", mine, theirs, 1, {}, v[:4], {"v": v[:4], "V": V}) is not None


def test_an_adam_that_steps_along_the_raw_gradient_is_read_and_torchs_adam_is_not():
    from types import SimpleNamespace
    from parity.diagnosis.adam_law import _moments
    from parity.diagnosis.adam_written import raw_numerator
    config = SimpleNamespace(lr=0.01, betas=(0.9, 0.999), eps=1e-8)
    grads = [{"W": RNG.normal(size=(4, 3)), "b": RNG.normal(size=3)} for _ in range(3)]
    moments = _moments(grads, config.betas)

    def updates(numerator):
        return [{n: -config.lr * numerator(t, n) / (np.sqrt(state[n][1] / (1 - 0.999 ** t)) + config.eps) for n in state}
                for t, state in enumerate(moments, start=1)]

    raw = updates(lambda t, n: grads[t - 1][n] * (0.5 + t))  # g, under a warm-up of its own
    assert raw_numerator(raw, grads, moments, config) is not None
    adam = updates(lambda t, n: moments[t - 1][n][0] / (1 - 0.9 ** t))
    assert raw_numerator(adam, grads, moments, config) is None


def test_an_accumulator_started_at_another_value_is_read_by_its_one_offset_and_a_scaled_one_is_not():
    from parity.diagnosis.state_stage import state_findings
    g, h = RNG.normal(size=(3, 2)), RNG.normal(size=4)
    numpy_record = {"W.sum": 1.0 + g * g, "b.sum": 1.0 + h * h}
    torch_record = {"W.sum": g * g, "b.sum": h * h}
    found = state_findings("W.sum", numpy_record, torch_record, 1)[0]
    assert found.evidence.get("offset") == pytest.approx(1.0) and "start their sum 1 apart" in found.explanation, found
    scaled = {"W.sum": 1.5 * g * g, "b.sum": 1.5 * h * h}  # one factor, no offset
    assert "offset" not in state_findings("W.sum", scaled, torch_record, 1)[0].evidence
    buffers = {"W.momentum_buffer": 1.0 + g, "b.momentum_buffer": 1.0 + h}  # a gradient's own offset, not a start
    assert "offset" not in state_findings("W.momentum_buffer", buffers, {"W.momentum_buffer": g, "b.momentum_buffer": h}, 1)[0].evidence


def test_an_update_divided_by_the_accumulator_before_this_steps_square_is_read_and_the_ports_own_rule_is_not():
    import torch
    from types import SimpleNamespace

    from parity.diagnosis.stale_state import stale_state
    w = torch.nn.Parameter(torch.zeros(4))
    optimizer = torch.optim.Adagrad([w], lr=0.05, initial_accumulator_value=1.0, eps=1e-10)
    g = RNG.normal(size=4)
    s = 1.0 + g * g
    port = {"b.grad": g, "b.sum": s, "b.update": -0.05 * g / (np.sqrt(s) + 1e-10)}
    stale = {"b.update": -0.05 * g / (np.sqrt(1.0) + 1e-10)}
    said = stale_state({"optimizer": optimizer}, SimpleNamespace(numpy_record=stale, torch_record=port), "b")
    assert "before this step's squared gradient was added" in said, said
    same = SimpleNamespace(numpy_record={"b.update": port["b.update"]}, torch_record=port)
    assert stale_state({"optimizer": optimizer}, same, "b") is None
    other = SimpleNamespace(numpy_record={"b.update": 2 * port["b.update"]}, torch_record=port)  # another lr: no stale state
    assert stale_state({"optimizer": optimizer}, other, "b") is None


def test_one_groups_moment_kept_with_another_beta_is_read_with_the_others_agreeing():
    """The head's group left at torch's β1 = 0.9 where the NumPy program gives it 0.8: at step 1 its exp_avg is
    (1 - 0.8)/(1 - 0.9) = 2 times the port's, the body's agreeing; a third parameter a factor of its own is no such reading."""
    from parity.diagnosis.state_stage import state_findings
    rng = np.random.default_rng(8)
    g1, g2 = rng.normal(size=(3, 2)), rng.normal(size=2)
    torch_record = {"W1.exp_avg": 0.1 * g1, "W2.exp_avg": 0.1 * g2, "W1.grad": g1, "W2.grad": g2}
    numpy_record = {**torch_record, "W2.exp_avg": 0.2 * g2}
    found = state_findings("W2.exp_avg", numpy_record, torch_record, 1, {"β1": 0.9, "β2": 0.999})[0]
    assert "the other parameters' agreeing" in found.explanation and "β1 = 0.8" in found.explanation, found
    numpy_record["W1.exp_avg"] = 0.15 * g1
    found = state_findings("W2.exp_avg", numpy_record, torch_record, 1, {"β1": 0.9, "β2": 0.999})[0]
    assert "the other parameters' agreeing" not in found.explanation, found


def test_an_accumulator_of_squares_overwritten_each_step_is_read_as_this_steps_square_alone():
    """Adagrad's sum as mem = g² where mem += g² belongs: at step 2 the NumPy state is this step's g² alone."""
    from parity.diagnosis.state_stage import state_findings
    rng = np.random.default_rng(11)
    g1, g2 = rng.normal(size=(2, 3, 2))
    torch_record = {"W.sum": g1 ** 2 + g2 ** 2, "W.grad": g2}
    found = state_findings("W.sum", {"W.sum": g2 ** 2, "W.grad": g2}, torch_record, 2)[0]
    assert found.name == "update-law" and "this step's squared gradient alone" in found.explanation, found
    other = state_findings("W.sum", {"W.sum": g1 ** 2 + 2 * g2 ** 2, "W.grad": g2}, torch_record, 2)[0]
    assert "squared gradient alone" not in other.explanation, other

