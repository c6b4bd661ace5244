"""A gradient assembled by writes into one array's entries: the value written into the entries that part is read."""

import numpy as np

from parity.diagnosis.written_entries import written_apart
from tests.test_trace_readings import values

RNG = np.random.default_rng(7)


def _traces(density_from: str, divisor: float = 1.0):
    out = RNG.normal(size=(8, 4))
    g_rgb, k = RNG.normal(size=(8, 3)), 0.25
    sigma = np.logaddexp(0.0, out[:, 0])
    true = k / (1 + np.exp(-out[:, 0]))  # d(k·softplus(z))/dz = k·σ(z)
    port = values(("X", out, (), ""), ("getitem", out[:, 0], (0,), "0"), ("softplus", sigma, (1,), ""),
                  ("getitem", out[:, 1:], (0,), "1:"), ("grad", g_rgb, (3,), ""), ("grad", true, (1,), ""))
    at = {"activation": sigma, "pre-activation": out[:, 0]}[density_from]
    source = 2 if density_from == "activation" else 1
    mine = values(("X", out, (), ""), ("getitem", out[:, 0], (0,), "0"), ("logaddexp", sigma, (0.0, 1), ""),
                  ("negative", -at, (source,), ""), ("exp", np.exp(-at), (3,), ""), ("add", 1 + np.exp(-at), (1.0, 4), ""),
                  ("divide", 1 / (1 + np.exp(-at)), (1.0, 5), ""), ("multiply", k / (1 + np.exp(-at)) / divisor, (k / divisor, 6), ""),
                  ("empty_like", np.zeros((8, 4)), (0,), ""), ("matmul", g_rgb, ("?",), ""),
                  ("setitem (in place)", np.zeros((8, 4)), (8, 9, "slice"), ""), ("setitem (in place)", np.zeros((8, 4)), (10, 7, 0), ""))
    return mine, port


def test_the_value_written_into_the_other_entries_is_read_where_it_takes_the_activation_for_the_pre_activation():
    mine, port = _traces("activation")
    said, fit = written_apart(mine.values[10], mine, port, 1e-9, lambda v: f"the port's {v.op}")
    assert "The other entries of that array are written with" in said and "in place of [logaddexp (8,)]" in said, said
    assert fit == 0.8
    right, port = _traces("pre-activation")
    assert written_apart(right.values[10], right, port, 1e-9, lambda v: f"the port's {v.op}") is None


def test_the_value_written_into_the_other_entries_one_count_apart_is_read_as_two_counts():
    mine, port = _traces("pre-activation", divisor=8 / 3)
    said, fit = written_apart(mine.values[10], mine, port, 1e-9, lambda v: f"the port's {v.op}")
    assert "0.375 is 3/8" in said and fit < 0.8, said


def test_a_mask_the_numpy_backward_applies_where_the_ports_sign_passes_the_gradient_is_read_sideless():
    from parity.diagnosis.masks_left_out import mask_on_one_side
    h, g = RNG.normal(size=(6, 4)) * 1.5, RNG.normal(size=(6, 4))
    window = (np.abs(h) <= 1).astype(float)

    def port_with(op):
        return values(("X", h, (), ""), (op, np.sign(h) if op == "sign" else np.maximum(h, 0), (0,), ""), ("grad", g, (0,), ""))
    mine = values(("X", h, (), ""), ("matmul", g, ("?",), ""), ("less_equal", window, ("?", 1.0), ""),
                  ("multiply", g * window, (1, 2), ""))
    said = mask_on_one_side(mine.values[3], mine.values[1], mine, port_with("sign"))
    assert "a 0/1 mask" in said and "on one side only" in said, said
    assert mask_on_one_side(mine.values[3], mine.values[1], mine, port_with("relu")) == ""  # the port masks there
    assert mask_on_one_side(mine.values[3], mine.values[1], mine, port_with("linear")) == ""  # no step: a mask upstream


def test_a_scatter_through_a_fancy_index_whose_indices_repeat_is_read_as_buffered():
    from parity.diagnosis.index_words import repeated_write
    msg = RNG.normal(size=(5, 2))
    written = values(("X", msg, (), ""), ("setitem (in place)", np.zeros((3, 2)), ("?", 0, "idx"), "idx (indices repeat)"))
    assert "indices repeat" in repeated_write(written.values[1:]) and "np.add.at" in repeated_write(written.values[1:])
    unique = values(("X", msg, (), ""), ("setitem (in place)", np.zeros((5, 2)), ("?", 0, "idx"), "idx"))
    assert repeated_write(unique.values[1:]) == ""
