"""The kit against its own twin on long float32 sums: gradients near a minimum and optimizer state that sums
every step's gradients must not read as a difference, and a real bug must still fail."""

import dataclasses

import numpy as np
import pytest

import numpy_net

from parity import RunConfig
from parity.api import run
from parity.engine.magnitudes import gradient_magnitudes
from parity.engine.state_allowance import StateBounds


# Correct long float32 runs, each of which failed before the rule named beside it. The later ones were found by a
# sweep of 200 correct configurations (data up to 50,000 rows, three activations, five optimizers, eight losses,
# mini-batches).
CORRECT_LONG_RUNS = {
    # a column sum of 20,000 rows, where the gradient allowance alone failed (magnitudes.py)
    "column-sum-of-20000-rows": dict(data="random:20000,8", hidden=16, loss="sse", optimizer="sgd", lr=0.001, steps=40),
    # a Nesterov buffer over 3,000 rows (state_allowance.py)
    "nesterov-buffer-over-3000-rows": dict(data="random:3000,20,3", hidden=64, loss="sse", optimizer="nesterov", lr=0.0005, steps=60),
    # 3,000 alike terms added one after another round the same way: 1.3 times what random roundings reach
    "bias-gradient-summed-row-after-row": dict(data="random:3000,20,3", hidden=64, loss="bce-sum", optimizer="sgd", lr=0.001, steps=3),
    # W2 - lr · buffer: the buffers' difference passed, and lr times it is the parameters' (second_look._direction)
    "parameter-moved-by-a-buffer": dict(data="random:20000,8", hidden=16, loss="bce-sum", optimizer="momentum", lr=0.0005, steps=4),
    # an output carries the rounding of the hidden layer through large weights (compare.forward_allowances)
    "output-through-large-weights": dict(data="random:50000,4", hidden=8, loss="bce-sum", optimizer="nesterov", lr=0.0005, steps=14),
    # a cross-entropy of well-fitted rows may round each row to an ulp of one
    "cross-entropy-of-well-fitted-rows": dict(data="random:1000,100", hidden=[64, 32], hidden_activation="tanh", loss="bce-sum",
                                              optimizer="nesterov", lr=0.0005, steps=20),
}


@pytest.mark.parametrize("options", CORRECT_LONG_RUNS.values(), ids=CORRECT_LONG_RUNS.keys())
def test_a_correct_long_float32_run_passes(options):
    report = run(RunConfig(**options))
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


class DropLastRow(numpy_net.Trainer):
    """The backward pass loops over range(n - 1): the last row never reaches the gradients."""

    def backward(self, X, acts, y):
        shorter = numpy_net.network.Activations([a[:-1] for a in acts.layers], acts.logits[:-1], acts.output[:-1])
        return super().backward(X[:-1], shorter, y[:-1])


def test_a_bug_as_small_as_rounding_passes_unsettled_in_float32_and_fails_in_float64():
    """One row of 20,000 left out of each sum is within what float32 sums in another order may carry: the report
    must not call it settled, and float64 must tell it apart."""
    config = RunConfig(data="random:20000,8", hidden=16, loss="sse", optimizer="sgd", lr=0.001, steps=5)
    report = run(config, DropLastRow)
    unsettled = [name for name, s in report.tensors.items() if s.unsettled_steps]
    assert report.passed and unsettled and all(name.endswith(".grad") or "." not in name for name in unsettled)
    assert "--dtype float64 tells them apart" in report.format_table()
    assert report.to_dict()["tensors"][unsettled[0]]["unsettled_steps"] >= 1
    assert not run(dataclasses.replace(config, dtype="float64"), DropLastRow).passed
    assert run(config).unsettled_line() is None  # the correct twin is settled at every step


def test_the_forward_allowance_carries_the_layer_before_through_the_weights():
    from parity.engine.compare import forward_allowances

    record = {"W1": np.ones((4, 3)), "b1": np.zeros(3), "hidden": np.full((5, 3), 0.5), "W2": np.full((3, 1), 100.0), "b2": np.zeros(1)}
    found = forward_allowances(record, 1.0, ("sigmoid", "sigmoid"), 2, "float32")
    eps = float(np.finfo(np.float32).eps)
    own = 2 * eps * (0.5 * 300) * 0.25
    assert found["hidden"] == 2 * eps * 4 * 0.25
    assert found["output"] > own + 0.25 * 300 * found["hidden"] * 0.99


def test_adam_turning_on_a_gradient_near_zero_passes_and_eps_inside_the_root_still_fails():
    """Adam's first step is lr · g / (|g| + ε): where g is near 0 its rounding decides the step, which the
    parameter's second look follows from the averages' own differences; a real difference in the step does not hide."""
    from numpy_net.optimizers import Adam

    class EpsInsideTheRoot(Adam):
        def step(self, params, grads):
            beta1, beta2 = self.betas
            self.t += 1
            for name, g in grads.items():
                self.m[name] = beta1 * self.m.get(name, np.zeros_like(g)) + (1 - beta1) * g
                self.v[name] = beta2 * self.v.get(name, np.zeros_like(g)) + (1 - beta2) * g * g
                v_hat = self.v[name] / (1 - beta2**self.t)
                params[name] -= self.lr / (1 - beta1**self.t) * self.m[name] / np.sqrt(v_hat + self.eps)

    class Trainer(numpy_net.Trainer):
        def __init__(self, params, loss, optimizer, **network):
            super().__init__(params, loss, EpsInsideTheRoot(optimizer.lr, optimizer.betas, optimizer.eps), **network)

    config = RunConfig(data="random:1000,100", hidden=[64, 32], optimizer="adam", lr=0.005, loss="bce-sum", batch_size=256, steps=3)
    assert run(config).passed
    assert not run(dataclasses.replace(config, loss="sse"), Trainer).passed
