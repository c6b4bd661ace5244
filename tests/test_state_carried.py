"""A NumPy optimizer state that drops what it carried the step before (an accumulator overwritten, an average made
afresh at each step), read against the port's state a step earlier; silent where the state's own constant differs."""

import numpy as np

from parity.diagnosis.state_carried import not_carried

RNG = np.random.default_rng(5)


def test_an_accumulator_overwritten_is_the_ports_less_its_state_the_step_before():
    g1, g2 = RNG.normal(size=(3, 2)), RNG.normal(size=(3, 2))
    before = {"W.sum": g1 ** 2}
    found = not_carried("W.sum", {"W.sum": g2 ** 2}, {"W.sum": g1 ** 2 + g2 ** 2}, before, 2, {"lr": 0.1})
    assert found is not None and abs(found.evidence["carried"] - 1) < 1e-9 and found.evidence["side"] == "numpy", found
    assert "accumulator overwritten" in found.explanation and "at step 2" in found.explanation
    ema = {"W.square_avg": 0.1 * g1 ** 2}  # RMSprop's average re-created each step: the new term alone, 0.9 of it dropped
    port = {"W.square_avg": 0.9 * ema["W.square_avg"] + 0.1 * g2 ** 2}
    found = not_carried("W.square_avg", {"W.square_avg": 0.1 * g2 ** 2}, port, ema, 2, {"α": 0.9, "lr": 0.01})
    assert found is not None and abs(found.evidence["carried"] - 0.9) < 1e-9
    assert not_carried("W.square_avg", {"W.square_avg": 0.1 * g2 ** 2}, port, ema, 2, {"α": 0.99}) is None  # not its own β


def test_a_state_with_another_constant_or_another_gradient_is_not_read_as_one_left_uncarried():
    g1, g2 = RNG.normal(size=(3, 2)), RNG.normal(size=(3, 2))
    previous = {"W.square_avg": 0.1 * g1 ** 2}
    port = 0.9 * previous["W.square_avg"] + 0.1 * g2 ** 2
    assert not_carried("W.square_avg", {"W.square_avg": 0.8 * previous["W.square_avg"] + 0.2 * g2 ** 2}, {"W.square_avg": port},
                       previous, 2, {"α": 0.9}) is None
    wrong = 0.9 * previous["W.square_avg"] + 0.1 * (1.5 * g2) ** 2
    assert not_carried("W.square_avg", {"W.square_avg": wrong}, {"W.square_avg": port}, previous, 2, {"α": 0.9}) is None
    slow = {"W.momentum_buffer": g1}  # a gradient scaled by 0.6 (a clip) that changed little since the step before:
    scaled = not_carried("W.momentum_buffer", {"W.momentum_buffer": 0.9 * g1 + 0.6 * g1}, {"W.momentum_buffer": 0.9 * g1 + g1},
                         slow, 2, {"μ": 0.9})  # its 0.4 of the buffer is no constant of the port's
    assert scaled is None
