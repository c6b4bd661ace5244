"""A state one side resets at some entries where the other keeps them (iRprop-'s previous gradient, zeroed where the
sign changed): said with the count, never as a momentum left out."""

import numpy as np

from parity.diagnosis.state_carried import entries_reset
from parity.diagnosis.state_stage import state_findings

RNG = np.random.default_rng(12)


def test_entries_zeroed_on_one_side_only_are_said_with_their_count():
    kept = RNG.normal(size=(6, 4))
    cleared = kept.copy()
    cleared[0, :3] = 0.0
    found = entries_reset("prev", "W1", kept, cleared, 2)
    assert found and "port's prev of W1" in found.explanation and "3 of its 24 entries set to 0" in found.explanation
    assert "NumPy program's prev" in entries_reset("prev", "W1", cleared, kept, 2).explanation
    assert entries_reset("prev", "W1", kept, kept, 2) is None
    assert entries_reset("prev", "W1", kept, 1.01 * cleared, 2) is None  # the kept entries part too: another mechanism


def test_a_previous_gradient_reset_at_flipped_signs_is_not_read_as_a_momentum_left_out():
    grad = RNG.normal(size=(6, 4))
    port = grad.copy()
    port[grad > 1.2] = 0.0
    found = state_findings("W1.prev", {"W1.prev": grad, "W1.grad": grad}, {"W1.prev": port, "W1.grad": grad}, 2, {}, None)
    assert found and found[0].name == "optimizer-state" and "set to 0" in found[0].explanation, found
