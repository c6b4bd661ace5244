"""The kit against its own twin on long float32 sums: gradients near a minimum and optimizer state that sums
every step's gradients must not read as a difference, and a real bug must still fail."""

import numpy as np

from parity import RunConfig
from parity.api import run
from parity.engine.magnitudes import gradient_magnitudes
from parity.engine.state_allowance import StateBounds


def test_a_column_sum_of_20000_rows_passes_where_the_gradient_allowance_alone_failed():
    report = run(RunConfig(data="random:20000,8", hidden=16, loss="sse", optimizer="sgd", lr=0.001, steps=40))
    assert report.passed, report.format_table()


def test_a_nesterov_buffer_over_3000_rows_passes():
    report = run(RunConfig(data="random:3000,20,3", hidden=64, loss="sse", optimizer="nesterov", lr=0.0005, steps=60))
    assert report.passed, report.format_table()


def test_the_same_long_run_with_a_real_bug_still_fails():
    from parity.mutants.catalogue import CATALOGUE

    for name in ("hidden-derivative-of-activated", "bias-gradient-averaged"):
        mutant = next(m for m in CATALOGUE if m.name == name)
        report = run(RunConfig(data="random:20000,8", hidden=16, loss="sse", optimizer="sgd", lr=0.001, steps=5), mutant.trainer)
        assert not report.passed, name


def test_magnitudes_bound_each_gradient_entry_and_see_through_cancellation():
    rng = np.random.default_rng(0)
    X, y = rng.standard_normal((50, 3)), rng.uniform(0, 1, (50, 1))
    params = {"W1": rng.standard_normal((3, 4)), "b1": np.zeros(4), "W2": rng.standard_normal((4, 1)), "b2": np.zeros(1)}
    config = RunConfig(data="random:50,3", hidden=4, loss="sse")
    import numpy_net

    loss = numpy_net.make_loss("sse", "sigmoid")
    grads = numpy_net.backward(params, X, numpy_net.forward(params, X), y, loss)
    terms = gradient_magnitudes(params, X, y, config)
    for name, grad in grads.items():
        assert np.all(terms[f"{name}.grad"] >= np.abs(grad) - 1e-12), name
    assert terms["b2.grad"][0] > 5 * abs(grads["b2"][0])  # the rows' terms cancel in the sum, not in the bound


def test_a_momentum_buffer_bound_sums_the_gradients_decayed():
    config = RunConfig(optimizer="momentum", momentum=0.5)
    bounds = StateBounds(config, ("W1.grad", "W1.momentum"))
    for largest in (4.0, 2.0):
        bounds.step({"W1.grad": np.array([largest, -largest])})
    assert bounds.bounds["W1.momentum"] == 0.5 * 4.0 + 2.0
