"""A term read as left out of one side, or weighted otherwise there, is the cause only where the NumPy program, given
the value without it (or the port's value), goes on to the port's loss: log(r + μ) is η - log σ(η - log r), and
log r is what log(r + μ) gives without μ, by identities of the formula, whatever the port goes on to compute."""

import numpy as np

from parity.diagnosis.term_alone import term_alone
from parity.diagnosis.term_apart import term_apart
from tests.test_trace_readings import values

X = np.linspace(0.5, 2.0, 12)


def _numpy_program(then: str):
    """s = x + exp(x), then log s, then 2·log s or (log s)², then the mean."""
    last = (3, 2.0) if then == "doubled" else (3, 3)
    log_s = np.log(X + np.exp(X))
    made = 2.0 * log_s if then == "doubled" else log_s * log_s
    return values(("X", X, (), ""), ("exp", np.exp(X), (0,), ""), ("add", X + np.exp(X), (0, 1), ""),
                  ("log", log_s, (2,), ""), ("multiply", made, last, ""), ("mean", made.mean(), (4,), ""))


def _port():
    """log x, then 2·log x, then the mean: the sum without exp(x), carried on."""
    return values(("X", X, (), ""), ("log", np.log(X), (0,), ""), ("mul", 2.0 * np.log(X), (1, 2.0), ""),
                  ("mean", (2.0 * np.log(X)).mean(), (2,), ""))


def test_a_term_left_out_is_said_where_the_program_without_it_goes_on_to_the_port_s_loss():
    mine, port = _numpy_program("doubled"), _port()
    said = term_alone(mine.values[1:], port.values[1:], {0: port.values[0]}, (mine, port), 1e-9)
    assert "left out of the port" in said, said


def test_a_term_is_not_said_where_the_program_without_it_still_parts_from_the_port_s_loss():
    mine, port = _numpy_program("squared"), _port()
    assert term_alone(mine.values[1:], port.values[1:], {0: port.values[0]}, (mine, port), 1e-9) == ""


def test_a_term_weighted_otherwise_is_not_said_where_the_port_s_value_does_not_carry_to_its_loss():
    """log(eᵃ + eᶜ) on the NumPy side is the port's a plus its softplus(c - a), an identity; said only where the
    program, given a in its place, goes on to the port's 2·a and its mean."""
    a, c = np.linspace(-1, 1, 8), np.linspace(2, -3, 8)
    lse = np.log(np.exp(a) + np.exp(c))
    start = [("X", a, (), ""), ("y", c, (), "")]
    port = values(*start, ("sub", c - a, (1, 0), ""), ("softplus", np.log1p(np.exp(c - a)), (2,), ""),
                  ("mul", 2 * a, (0, 2.0), ""), ("mean", (2 * a).mean(), (4,), ""))

    def numpy_program(then: str):
        made, inputs = (2 * lse, (5, 2.0)) if then == "doubled" else (lse * lse, (5, 5))
        return values(*start, ("exp", np.exp(a), (0,), ""), ("exp", np.exp(c), (1,), ""), ("add", np.exp(a) + np.exp(c), (2, 3), ""),
                      ("log", lse, (4,), ""), ("multiply", made, inputs, ""), ("mean", made.mean(), (6,), ""))
    doubled, squared = numpy_program("doubled"), numpy_program("squared")
    assert "plus the port's [softplus" in term_apart(doubled.values[5:6], port.values, 1e-9, port.values, doubled, port)
    assert term_apart(squared.values[5:6], port.values, 1e-9, port.values, squared, port) == ""
    assert "plus" in term_apart(squared.values[5:6], port.values, 1e-9, port.values, squared)  # no port trace: read as before
