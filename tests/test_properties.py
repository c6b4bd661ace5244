"""Property-based: random sizes, seeds, losses, optimizers, learning rates and bias flags."""

import pytest
import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

import numpy_net
from parity import RunConfig
from parity.api import run_setup
from parity.engine.setup import prepare
from parity.diagnosis.oracles import finite_differences
from tests.helpers import output_for

sizes = st.tuples(st.integers(1, 12), st.integers(1, 5), st.integers(1, 6), st.integers(1, 3))  # rows, inputs, hidden, outputs


@settings(max_examples=60, deadline=None, derandomize=True)
@given(sizes=sizes, seed=st.integers(0, 2**31 - 1), loss=st.sampled_from(numpy_net.LOSSES),
       optimizer=st.sampled_from(numpy_net.OPTIMIZERS), lr=st.floats(1e-3, 2.0), bias=st.booleans())
@pytest.mark.slow  # seconds each (a process of its own, or a fuzzed sweep): run after the README's suite
def test_float64_lockstep_parity_holds_to_1e_9(sizes, seed, loss, optimizer, lr, bias):
    rows, inputs, hidden, outputs = sizes
    output = output_for(loss)
    outputs = max(outputs, 2) if output == "softmax" else outputs
    config = RunConfig(data=f"random:{rows},{inputs},{outputs}", hidden=hidden, seed=seed, loss=loss, output_activation=output,
                       optimizer=optimizer, lr=lr, bias=bias, dtype="float64", steps=15)
    report = run_setup(prepare(config))
    assert report.passed, report.verdict_line()
    assert max(s.max_abs for s in report.tensors.values()) <= 1e-9


@settings(max_examples=60, deadline=None, derandomize=True)
@given(sizes=sizes, seed=st.integers(0, 2**31 - 1), loss=st.sampled_from(numpy_net.LOSSES), bias=st.booleans())
def test_numpy_gradients_match_finite_differences(sizes, seed, loss, bias):
    rows, inputs, hidden, outputs = sizes
    output = output_for(loss)
    outputs = max(outputs, 2) if output == "softmax" else outputs
    rng = np.random.default_rng(seed)
    X = rng.standard_normal((rows, inputs))
    y = rng.uniform(0, 1, (rows, outputs))
    params = numpy_net.init_weights(inputs, hidden, outputs, bias, "float64", seed)
    acts = numpy_net.forward(params, X, output=output)
    analytic = numpy_net.backward(params, X, acts, y, numpy_net.make_loss(loss, output))
    for name, (indices, numeric) in finite_differences(params, X, y, loss, output=output).items():
        np.testing.assert_allclose(analytic[name].ravel()[indices], numeric, rtol=1e-5, atol=1e-8, err_msg=name)
