"""One factor read by what makes it: two clipping norms of the same gradients, a momentum's (1 - μ)^k, labels of one
class or of the rows' positions."""

import numpy as np
import torch

from parity import RunConfig
from parity.diagnosis.loss_readings import loss_gradient
from parity.diagnosis.ratios import clipping_norms, schedule_form
from parity.diagnosis.shared_factor import _of_the_momentum
from parity.engine.sides import faithful_copy

GRADS = {"W1": np.arange(6.0).reshape(2, 3) - 2, "b1": np.array([0.5, -1.0, 2.0]), "W2": np.array([[1.0], [-3.0], [0.25]])}


def test_a_factor_between_two_clipping_norms_names_both():
    l2 = np.sqrt(sum(float(np.sum(g ** 2)) for g in GRADS.values()))
    summed = sum(float(np.linalg.norm(g)) for g in GRADS.values())
    numpy_norm, torch_norm = clipping_norms(GRADS, l2 / summed)
    assert numpy_norm.startswith("the sum of the per-tensor L2 norms") and "clip_grad_norm_" in torch_norm
    assert clipping_norms(GRADS, 0.731) is None  # no two norms give it
    one_side = clipping_norms(GRADS, 2.0 / summed)  # only the NumPy side clips, at max_norm 2, its L2 norm within
    assert (one_side is None) == (l2 > 2.0)


def test_a_momentums_factor_is_named_by_the_runs_mu():
    config = RunConfig(optimizer="ema-momentum", momentum=0.9)
    assert "(1 - μ)²" in _of_the_momentum(0.01, config) and "wrong way round" in _of_the_momentum(0.01, config)
    assert "averages the gradients" in _of_the_momentum(0.1, config)
    assert _of_the_momentum(0.37, config) == "" and _of_the_momentum(0.01, RunConfig(optimizer="sgd")) == ""


def test_labels_of_one_class_or_of_the_rows_positions_are_named():
    rng = np.random.default_rng(3)
    logits, y = rng.normal(size=(3, 3)), np.eye(3)[[2, 0, 2]]
    p = torch.softmax(torch.tensor(logits), dim=1).numpy()
    ones = np.eye(3)[[1, 1, 1]]
    words = loss_gradient("ce", "softmax", logits, y, (p - ones) / 3, 1e-6)[0]
    assert "every row toward class 1" in words and "torch.max" in words
    positions = loss_gradient("ce", "softmax", logits, y, (p - np.eye(3)) / 3, 1e-6)[0]
    assert "np.nonzero(y)[0]" in positions


def test_a_schedule_is_read_by_its_form():
    t = np.arange(2, 9, dtype=float)
    s = t - 1
    assert "1 / 1 + k·s" in schedule_form(1 / (1 + 0.1 * s) ** 2, t, 1e-6)
    assert "inverse-time" in schedule_form(1 / (1 + 0.05 * s), t, 1e-6)
    staircase = schedule_form(0.5 ** ((s % 5) / 5), t, 1e-6)
    assert "γ^((s mod 5)/5)" in staircase and "γ = 0.5" in staircase
    assert schedule_form(np.array([0.9, 0.7, 0.95, 0.6, 0.8, 0.75, 0.5]), t, 1e-6) is None


def test_a_model_keeping_an_activation_in_a_graph_is_copied_with_its_gradients():
    model = torch.nn.Linear(3, 2)
    model.h = torch.tanh(model(torch.ones(1, 3)))  # kept from the forward pass: a tensor in a graph
    model.h.sum().backward()
    copied = faithful_copy(model)
    assert copied.h.grad_fn is None and torch.equal(copied.h, model.h.detach())
    assert torch.equal(copied.weight.grad, model.weight.grad) and copied.weight is not model.weight


def test_a_losss_ratio_to_the_other_is_read_as_a_mean_against_a_sum_only_where_it_is_one_over_the_rows_exactly():
    from parity.diagnosis.forward_stage import _forward
    exact = _forward("loss", {"loss": np.array(2.0 / 30)}, {"loss": np.array(2.0)}, 30, 1)[0]
    assert exact.name == "loss-reduction" and "one over the batch size" in exact.explanation, exact
    near = _forward("loss", {"loss": np.array(2.0 * 0.0333391)}, {"loss": np.array(2.0)}, 30, 1)[0]  # 1/30 to 1.7e-4
    assert near.name == "forward", near  # one number near 1/n by chance: a loss that parts otherwise


def test_one_moving_factor_of_an_adam_familys_updates_is_read_as_learning_rates_and_of_sgds_is_left_open():
    from parity.diagnosis.learning_rates import scale_free_law
    law = ("step-factor", "The updates' ratio moves with the step but is the same for every parameter at each step "
           "(1.9, 1.899, 1.898): one factor for all, as clipping by the global norm or a learning-rate schedule on one side.", "")
    w = torch.nn.Parameter(torch.zeros(2))
    said = scale_free_law(law, {"optimizer": torch.optim.AdamW([w], lr=0.01)}, [1.9, 1.899, 1.898])
    assert said[0] == "learning-rate-schedule" and "(1.9, 1.899, 1.898)" in said[1] and "AdamW" in said[1], said
    assert scale_free_law(law, {"optimizer": torch.optim.SGD([w], lr=0.01)}, [1.9, 1.899, 1.898]) == law  # SGD's update scales with g


def test_learning_rates_one_step_ahead_of_the_ports_are_read_as_a_schedule_counted_from_another_start():
    from parity.diagnosis.learning_rates import shifted_rates
    port = [0.05, 0.025, 0.025, 0.025, 0.025, 0.025, 0.0125]  # a StepLR, one step past the window
    mine = np.array([0.025, 0.025, 0.025, 0.025, 0.025, 0.0125])
    said = shifted_rates(mine, port, mine / np.array(port[:6]))
    assert "run one step ahead of the port's" in said, said
    assert shifted_rates(np.array([0.05, 0.025, 0.025, 0.025, 0.025, 0.02]), port, mine) is None  # no shift gives it
    # a port whose scheduler steps before its update: its rate halved a step early, constant over the window read;
    # the rate the step before the window shows the move
    port, mine = [0.025] * 7, np.array([0.05, 0.025, 0.025, 0.025, 0.025, 0.025])
    assert "run one step behind the port's" in shifted_rates(mine, port, mine / 0.025, earlier=0.05)
    assert shifted_rates(mine, port, mine / 0.025) is None  # without it, nothing moves: no shift to read
    assert shifted_rates(mine, port, mine / 0.025, earlier=0.025) is None


def test_a_numpy_schedule_that_is_the_ports_scheduler_written_otherwise_is_named_with_its_constants():
    import math

    import torch

    from parity.diagnosis.schedule_forms import written_schedule
    optimizer = torch.optim.SGD([torch.nn.Parameter(torch.zeros(1))], lr=0.5)
    cosine = torch.optim.lr_scheduler.CosineAnnealingLR(optimizer, T_max=20, eta_min=0.01)
    s = np.arange(1, 7, dtype=float)
    port = 0.01 + 0.49 * (1 + np.cos(math.pi * s / 20)) / 2
    no_pi = 0.01 + 0.49 * (1 + np.cos(s / 20)) / 2
    assert "its π left out" in written_schedule(cosine, port, no_pi)
    assert written_schedule(cosine, port, port * 0.9) == ""  # a factor of the port's own rates: no variant gives it
    step = torch.optim.lr_scheduler.StepLR(torch.optim.SGD([torch.nn.Parameter(torch.zeros(1))], lr=0.05), step_size=8, gamma=0.5)
    flat = np.full(6, 0.05)
    assert "without the floor" in written_schedule(step, flat, 0.05 * 0.5 ** (s / 8))
    assert written_schedule(step, flat, 0.05 * 0.9 ** s) == ""


def test_a_cosines_floor_left_out_of_the_ports_scheduler_is_read_with_the_numpy_programs_own():
    import math

    import torch

    from parity.diagnosis.schedule_forms import written_schedule
    s = np.arange(1, 7, dtype=float)
    cosine = torch.optim.lr_scheduler.CosineAnnealingLR(torch.optim.SGD([torch.nn.Parameter(torch.zeros(1))], lr=0.01), T_max=20)
    port = 0.01 * (1 + np.cos(math.pi * s / 20)) / 2
    floored = 0.001 + 0.009 * (1 + np.cos(math.pi * s / 20)) / 2
    said = written_schedule(cosine, port, floored)
    assert "η_min = 0.001 where the port's eta_min is 0 (torch's default, eta_min left out)" in said, said
    assert written_schedule(cosine, port, floored * (1 + 0.01 * s)) == ""  # no floor gives a rate that rises


def test_a_schedule_that_cuts_at_other_steps_is_read_against_the_ports_milestones():
    import torch

    from parity.diagnosis.schedule_forms import written_schedule
    s = np.arange(0, 20, dtype=float)
    milestones = torch.optim.lr_scheduler.MultiStepLR(torch.optim.SGD([torch.nn.Parameter(torch.zeros(1))], lr=0.3),
                                                      milestones=[8], gamma=0.5)
    port, numpy_rates = 0.3 * 0.5 ** (s >= 8), 0.3 * 0.5 ** np.floor(s / 8)
    said = written_schedule(milestones, port, numpy_rates)
    assert "a cut every 8 steps (StepLR(step_size=8))" in said and "0.3 ×8, 0.15 ×8, 0.075 ×4" in said, said
    assert written_schedule(milestones, port, 0.3 * 0.5 ** (s >= 12)) == ""  # a milestone four steps on: no variant
    every = torch.optim.lr_scheduler.StepLR(torch.optim.SGD([torch.nn.Parameter(torch.zeros(1))], lr=0.3), step_size=8, gamma=0.5)
    assert "one cut only, at step 8" in written_schedule(every, numpy_rates, port)


def test_an_exponential_decay_applied_once_per_parameter_is_read_as_the_ports_to_a_whole_power():
    from parity.diagnosis.learning_rates import _decays_per_step
    rates = 0.01 * 0.95 ** np.arange(6)
    said = _decays_per_step(0.95 ** 4, rates, 4)
    assert "0.95^4" in said and "inside the loop over the 4 parameters" in said, said
    assert "inside the loop" not in _decays_per_step(0.95 ** 3, rates, 4) and "0.95^3" in _decays_per_step(0.95 ** 3, rates, 4)
    assert _decays_per_step(0.9, rates, 4) == "" and _decays_per_step(0.95 ** 2.5, rates, 4) == ""


def test_two_exponential_schedules_with_factors_apart_are_named_and_a_linearised_decay_read_as_such():
    from parity.diagnosis.learning_rates import _factor_apart
    port = 0.05 * 0.9 ** np.arange(6)
    said = _factor_apart(float(np.exp(-0.1)), port)
    assert "×0.9048 against ×0.9" in said and "1 - k" in said and "k = 0.1" in said, said
    other = _factor_apart(0.85, port)
    assert "×0.85 against ×0.9" in other and "1 - k" not in other, other
    assert _factor_apart(0.9, port) == "" and _factor_apart(0.9, 0.05 * np.ones(6)) == ""


def test_an_updates_ratio_that_is_one_minus_the_optimizers_own_constant_to_the_t_is_read_as_a_bias_correction():
    from parity.diagnosis.learning_rates import _bias_corrected
    rmsprop = torch.optim.RMSprop([torch.nn.Parameter(torch.zeros(2))], lr=0.01, alpha=0.9)
    t = np.arange(3.0, 9.0)
    said = _bias_corrected(rmsprop, np.sqrt(1 - 0.9 ** t), 3)
    assert "(1 - alpha^t)^0.5" in said and "the NumPy program divides its mean of squares" in said, said
    assert "the port divides" in _bias_corrected(rmsprop, 1 / np.sqrt(1 - 0.9 ** t), 3)
    assert _bias_corrected(rmsprop, np.sqrt(1 - 0.9 ** (t + 1)), 3) == ""  # counted from another step: no such law
    assert _bias_corrected(rmsprop, np.sqrt(1 - 0.8 ** t), 3) == ""


def test_one_side_unclipped_beside_a_global_norm_clip_is_hedged_where_another_norm_of_this_step_falls_under_the_bound():
    from parity.diagnosis.clip_handling import handling_finding
    raw = {"W": np.array([[0.3, -0.2], [0.25, 0.1]]), "b": np.array([0.4, -0.1])}
    total = float(np.sqrt(sum(np.sum(g * g) for g in raw.values())))
    assert 0.5 < total < 0.71  # above the bound, its square under it
    clipped = {p: g * 0.5 / total for p, g in raw.items()}
    found = handling_finding(raw, clipped, raw, 1)
    assert found.score < 0.8 and "the squared norm" in found.explanation and "one side may clip by that norm" in found.explanation
    large = {p: 4 * g for p, g in raw.items()}  # every other norm above 0.5 too: the step says no clipping plainly
    found = handling_finding(large, {p: g * 0.5 / (4 * total) for p, g in large.items()}, large, 1)
    assert found.score == 0.9 and "may clip" not in found.explanation, found.explanation


def test_a_numpy_rate_rising_by_one_amount_each_step_beside_a_constant_port_rate_is_read_as_an_uncapped_warm_up():
    from parity.diagnosis.learning_rates import _rising
    t = np.arange(5.0, 11.0)
    said = _rising(0.05 * t / 4, 0.05, 5, t / 4)
    assert "lr·t/4" in said and "cap left out" in said and "0.0125 more each step" in said, said
    assert _rising(0.05 * 1.1 ** t, 0.05, 5, 1.1 ** t) is None  # a geometric rise: another law
    assert _rising(0.05 * np.ones(6), 0.05, 5, np.ones(6)) is None


def test_a_lambda_that_returns_the_rate_itself_is_read_where_lambdalr_multiplies_it_by_the_initial_rate_again():
    from types import SimpleNamespace

    import torch

    from parity.diagnosis.learning_rates import one_learning_rate_factor
    optimizer = torch.optim.SGD([torch.nn.Parameter(torch.zeros(1))], lr=0.2)
    scheduler = torch.optim.lr_scheduler.LambdaLR(optimizer, lambda t: 0.2 * (t + 1) / 15)  # the rate, not a factor
    rng = np.random.default_rng(4)
    port = {"W.update": rng.normal(size=(3, 2)), "b.update": rng.normal(size=2)}
    context = SimpleNamespace(step=1, numpy_record={k: 5.0 * v for k, v in port.items()}, torch_record=port)
    said = one_learning_rate_factor({"optimizer": optimizer, "scheduler": scheduler}, context)
    assert said is not None and "the port's lambda returns the rate where LambdaLR wants a factor of it" in said, said
    context.numpy_record = {k: 3.0 * v for k, v in port.items()}  # another factor: a rate apart, no lambda read
    assert "returns the rate" not in one_learning_rate_factor({"optimizer": optimizer, "scheduler": scheduler}, context)


def test_a_staircase_of_the_ports_exponential_decay_is_read_over_the_whole_run():
    import torch

    from parity.diagnosis.schedule_forms import _staircases, written_schedule
    decay = torch.optim.lr_scheduler.ExponentialLR(torch.optim.SGD([torch.nn.Parameter(torch.zeros(1))], lr=0.01),
                                                   gamma=0.5 ** (1 / 8))
    s = np.arange(20, dtype=float)
    port, stairs = 0.01 * decay.gamma ** s, 0.01 * 0.5 ** np.floor(s / 8)
    said = written_schedule(decay, port, stairs, _staircases(decay, 20))
    assert "every 8 steps at once" in said and "StepLR(step_size=8, gamma=0.5)" in said and "0.01 ×8, 0.005 ×8" in said, said
    assert written_schedule(decay, port[:6], stairs[:6]) == ""  # six steps of a held rate: no staircase without its cut


def test_two_half_cosines_with_phases_a_constant_factor_apart_are_read_with_that_factors_meaning():
    import math

    from parity.diagnosis.schedule_forms import cosine_phase
    t = np.arange(4, 10, dtype=float)
    port = 0.2 * (1 + np.cos(math.pi * t / 20)) / 2
    no_pi = 0.2 * (1 + np.cos(t / 20)) / 2
    assert "the π left out of the cosine on the NumPy side" in cosine_phase(no_pi, port, 0.2)
    over_all = 0.2 * (1 + np.cos(math.pi * t / 20)) / 2  # the NumPy program's T = 20, the port's T = 17
    said = cosine_phase(over_all, 0.2 * (1 + np.cos(math.pi * t / 17)) / 2, 0.2)
    assert "divided by 20 steps on the NumPy side and 17 on the port's" in said, said
    assert cosine_phase(port * 0.9, port, 0.2) == ""  # a factor of the rate, no phase apart


def test_a_variant_that_gives_the_ports_own_rates_is_no_schedule_written_otherwise():
    import torch

    from parity.diagnosis.schedule_forms import written_schedule
    step = torch.optim.lr_scheduler.StepLR(torch.optim.SGD([torch.nn.Parameter(torch.zeros(1))], lr=0.05), step_size=8, gamma=0.5)
    s = np.arange(0, 10, dtype=float)
    own = 0.05 * 0.5 ** np.floor(s / 8)  # within ten steps one cut only and a cut every 8 steps are the same rates
    assert written_schedule(step, own, own) == ""
