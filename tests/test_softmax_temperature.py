"""A distribution the NumPy program holds (made from its weights, untraced) against the port's softmax in the same
matrix product: one softmax at two temperatures, or logits apart by a term the port adds."""

import numpy as np

from parity.diagnosis.softmax_temperature import factor_at_another_temperature, temperature_apart
from parity.diagnosis.value_trace import Trace, Value

RNG = np.random.default_rng(11)
ALPHA, NOISE = RNG.normal(size=(4, 10)), RNG.gumbel(size=(4, 10))


def _softmax(z: np.ndarray) -> np.ndarray:
    e = np.exp(z - z.max(axis=1, keepdims=True))
    return e / e.sum(axis=1, keepdims=True)


def _said(held: np.ndarray, port_logits: np.ndarray) -> str:
    X = RNG.normal(size=(8, 10))
    port = Trace()
    port.values = [Value(0, "X", X, ()), Value(1, "gumbel", NOISE, ()), Value(2, "add", port_logits, (1,)),
                   Value(3, "softmax", _softmax(port_logits), (2,))]
    port.values.append(Value(4, "matmul", X @ port.values[3].array.T, (0, 3)))
    mine = Value(1, "matmul", X @ held.T, (0, "?"), unseen={1: held.T})
    return temperature_apart([mine], [port.values[4]], port.values[0], port)


def test_one_softmax_at_two_temperatures_is_said_with_the_ratio():
    said = _said(_softmax((ALPHA + NOISE) / 0.1), (ALPHA + NOISE) / 2.0)
    assert "two temperatures" in said and "20 times the port's" in said, said


def test_a_noise_divided_by_the_temperature_on_one_side_only_is_said():
    said = _said(_softmax((ALPHA + NOISE) / 2.0), ALPHA / 2.0 + NOISE)
    assert "-0.5 times the port's [gumbel" in said, said


def test_the_same_distribution_or_another_one_says_nothing():
    assert _said(_softmax(ALPHA + NOISE), ALPHA + NOISE) == ""
    assert _said(_softmax(RNG.normal(size=(4, 10))), ALPHA + NOISE) == ""  # no temperature nor term makes one the other


def _port_forward(*arrays: np.ndarray) -> Trace:
    trace = Trace()
    trace.values = [Value(i, "softmax", a, ()) for i, a in enumerate(arrays)]
    trace.values.append(Value(len(arrays), "grad", arrays[0], (0,)))  # a gradient is no forward value
    return trace


def test_a_soft_sample_at_another_temperature_is_said_as_the_temperature():
    logits = RNG.normal(size=(6, 3, 4))
    said = factor_at_another_temperature(_softmax_last(logits / 0.95), _port_forward(np.tanh(logits), _softmax_last(logits)))
    assert "another temperature" in said and "0.95 times the port's" in said, said
    sigmoid = 1 / (1 + np.exp(-logits))
    assert "0.5 times" in factor_at_another_temperature(1 / (1 + np.exp(-2 * logits)), _port_forward(sigmoid))
    assert "2 times" in factor_at_another_temperature(np.tanh(logits / 2), _port_forward(np.tanh(logits)))


def test_the_same_squashing_or_an_unrelated_value_says_nothing():
    logits = RNG.normal(size=(6, 3, 4))
    assert factor_at_another_temperature(_softmax_last(logits), _port_forward(_softmax_last(logits))) == ""
    assert factor_at_another_temperature(_softmax_last(RNG.normal(size=(6, 3, 4))), _port_forward(_softmax_last(logits))) == ""
    derivative = np.tanh(logits) * (1 - np.tanh(logits))  # a(1 - a) is no tanh of a multiple of the logits
    assert factor_at_another_temperature(derivative, _port_forward(np.tanh(logits))) == ""


def _softmax_last(z: np.ndarray) -> np.ndarray:
    e = np.exp(z - z.max(axis=-1, keepdims=True))
    return e / e.sum(axis=-1, keepdims=True)
