"""Bugs read from the numbers at their stage, on either side: a port's forward pass and loss (port_forward.py,
stage_readings.py), laws over steps with the other side as yardstick (step_laws.py), a shuffle inside a step."""

import json

import numpy as np
import numpy_net
import pytest
from click.testing import CliRunner

from numpy_net.optimizers import Momentum
from parity import RunConfig, run
from parity.cli import cli
from parity.diagnosis import loss_readings as losses, stage_readings as read
from parity.diagnosis import activation_readings as acts
from parity.diagnosis.logit_gradients import run_gradient
from parity.diagnosis.family import reduction_reading
from parity.diagnosis.ratios import step_law

TOLERANCE = 1e-3

PORT = """
import torch
import torch.nn.functional as F
from torch import nn

class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.hidden = nn.Linear(4, 6)
        self.out = nn.Linear(6, 1)

    def forward(self, x):
        return torch.sigmoid(self.out(HIDDEN(self.hidden(INPUT(x)))))

def train_step(model, optimizer, X, y):
    STEP
"""

PLAIN_STEP = "optimizer.zero_grad(); LOSS.backward(); optimizer.step()"


def check_port(tmp_path, hidden="torch.sigmoid", inputs="", loss="((model(X) - y) ** 2).sum()", step=PLAIN_STEP,
               extra=()) -> tuple[int, dict | None]:
    source = PORT.replace("HIDDEN", hidden).replace("INPUT", inputs).replace("STEP", step.replace("LOSS", loss))
    (tmp_path / "port.py").write_text(source)
    path = tmp_path / "r.json"
    result = CliRunner().invoke(cli, ["check", "--torch", f"{tmp_path}/port.py:Net", "--torch-step",
                                      "train_step(model, optimizer, X, y)", "--data", "random:32,4", "--steps", "5",
                                      "--lr", "0.5", *extra, "--json", str(path)])
    assert result.exit_code in (0, 1), result.output
    return result.exit_code, (json.loads(path.read_text())["diagnosis"][0] if result.exit_code == 1 else None)


def test_a_correct_port_through_the_same_harness_passes(tmp_path):
    assert check_port(tmp_path)[0] == 0


@pytest.mark.parametrize("hidden, inputs, loss, name, words", [
    ("(lambda z: F.leaky_relu(z, 0.1))", "", "((model(X) - y) ** 2).sum()", "activation-function", "negative_slope=0.1"),
    ("torch.sigmoid", "(lambda x: (x - x.mean(0)) / x.std(0))", "((model(X) - y) ** 2).sum()", "input-transform",
     "standardised"),
    ("(lambda z: torch.sigmoid(z + self.hidden.bias))", "", "((model(X) - y) ** 2).sum()", "bias-twice", "bias added twice"),
    ("torch.sigmoid", "", "F.binary_cross_entropy(model(X), y, weight=1 + 2 * y)", "loss-function", "weigh"),
    ("torch.sigmoid", "", "F.binary_cross_entropy(model(X), y * 0.9 + 0.05)", "loss-function", "label smoothing"),
    ("torch.sigmoid", "", "torch.linalg.norm(model(X) - y)", "loss-function", "not squared"),
    ("torch.sigmoid", "", "torch.sqrt(((model(X) - y) ** 2).mean())", "loss-function", "root of the mean squared error"),
    ("torch.sigmoid", "torch.tanh", "((model(X) - y) ** 2).sum()", "input-transform", "tanh(X)"),
    ("(lambda z: torch.sigmoid(torch.sigmoid(z)))", "", "((model(X) - y) ** 2).sum()", "activation-function", "applied twice"),
    ("(lambda z: torch.where(z > 0, torch.sigmoid(z), 0.5 * torch.sigmoid(z)))", "", "((model(X) - y) ** 2).sum()",
     "activation-function", "branch"),
    ("torch.sigmoid", "", "((model(X) - (2 * y - 1)) ** 2).sum()", "loss-function", "2y - 1"),
])
def test_the_first_departing_stage_of_a_port_is_read_from_its_numbers(tmp_path, hidden, inputs, loss, name, words):
    code, top = check_port(tmp_path, hidden, inputs, loss, extra=("--loss", "bce") if "binary" in loss else ())
    assert code == 1
    assert top["name"] == name and words in top["explanation"] and top["evidence"]["side"] == "torch", top


def test_a_port_that_steps_before_its_backward_is_one_step_late(tmp_path):
    code, top = check_port(tmp_path, step="optimizer.step(); optimizer.zero_grad(); LOSS.backward()")
    assert code == 1 and top["name"] == "one-step-late" and top["evidence"]["side"] == "torch", top


def test_a_port_that_shuffles_x_alone_is_named_misaligned(tmp_path):
    shuffle = "perm = torch.randperm(len(X)); X = X[perm]; " + PLAIN_STEP
    code, top = check_port(tmp_path, step=shuffle)
    assert code == 1 and top["name"] == "unseeded-randomness" and "no longer pair up" in top["explanation"], top


def test_a_port_that_builds_its_adam_anew_each_step_is_named(tmp_path):
    step = "optimizer = torch.optim.Adam(model.parameters(), lr=0.01); " + PLAIN_STEP
    code, top = check_port(tmp_path, step=step, extra=("--optimizer", "adam", "--lr", "0.01"))
    assert code == 1 and top["name"] == "optimizer-restarted" and top["evidence"]["side"] == "torch", top


class StaleHiddenDelta(numpy_net.Trainer):
    """The hidden layer updated with the delta kept from the previous step (none at the first)."""

    kept = None

    def backward(self, X, acts, y):
        grads = super().backward(X, acts, y)
        fresh = {"W1": grads["W1"], "b1": grads["b1"]}
        stale = self.kept or {k: np.zeros_like(v) for k, v in fresh.items()}
        self.kept = fresh
        return {**grads, **stale}


class TwoUpdatesPerStep(numpy_net.Trainer):
    def step(self, X, y):
        super().step(X, y)
        return super().step(X, y)


class AdamRestarted(numpy_net.Trainer):
    """Adam created anew inside every step: its moments and count start again."""

    def step(self, X, y):
        self.optimizer = numpy_net.make_optimizer("adam", self.optimizer.lr)
        return super().step(X, y)


@pytest.mark.parametrize("trainer, optimizer, name", [(StaleHiddenDelta, "sgd", "one-step-late"),
                                                     (TwoUpdatesPerStep, "sgd", "repeated-update"),
                                                     (AdamRestarted, "adam", "optimizer-restarted")])
def test_laws_over_steps_are_measured_against_the_other_side(trainer, optimizer, name):
    report = run(RunConfig(steps=6, data="random:32,4", hidden=5, optimizer=optimizer, momentum=0.9, lr=0.3), numpy_trainer=trainer)
    assert not report.passed
    top = report.diagnosis[0]
    assert top.name == name and top.evidence["side"] == "numpy", top


def test_readings_stay_silent_on_the_runs_own_numbers():
    rng = np.random.default_rng(0)
    X, z, y = rng.normal(size=(40, 3)), rng.normal(size=(40, 5)), (rng.random((40, 1)) > 0.5).astype(float)
    assert read.row_permutation(X, X, TOLERANCE) is None
    assert acts.shifted(z, np.tanh(z), "tanh", None, TOLERANCE) is None
    p = 1 / (1 + np.exp(-z[:, :1]))
    assert losses.loss_gradient("sse", "sigmoid", z[:, :1], y, 2 * (p - y) * p * (1 - p), TOLERANCE) is None
    assert "binary cross-entropy" in losses.loss_gradient("sse", "sigmoid", z[:, :1], y, (p - y) / 40, TOLERANCE)[0]


def test_readings_name_what_the_numbers_show():
    rng = np.random.default_rng(1)
    X, z = rng.normal(size=(40, 3)), rng.normal(size=(40, 5))
    assert "min-max" in read.inputs((X - X.min(0)) / (X.max(0) - X.min(0)), X, TOLERANCE)[0]
    assert "other order" in read.inputs(X[::-1].copy(), X, TOLERANCE)[0]
    assert acts.activation(z, np.where(z > 0, z, 0.2 * z), TOLERANCE, "relu") == ("leaky_relu(z, negative_slope=0.2)", "leaky-relu")
    assert acts.activation(z, np.minimum(z, 0), TOLERANCE, "relu")[1] == "mirrored-relu"
    assert "tanh(z/2)" in acts.activation(z, 2 / (1 + np.exp(-z)) - 1, TOLERANCE, "tanh")[0]
    mask = rng.random(z.shape) > 0.5
    assert acts.activation(z, np.tanh(z) * mask * 2, TOLERANCE, "tanh")[1] == "dropout"
    assert "bias added twice" in acts.shifted(z, np.tanh(z + np.arange(5)), "tanh", np.arange(5.0), TOLERANCE)


def test_an_adam_step_counter_one_ahead_is_its_own_law():
    betas, t = (0.9, 0.999), np.arange(1.0, 6.0)

    def correction(s):
        return np.sqrt(1 - betas[1] ** s) / (1 - betas[0] ** s)

    kind, detail = step_law(correction(t) / correction(t + 1), t, betas, 1e-4, 1e-4)
    assert kind == "step-counter" and "torch side" in detail and "one ahead" in detail


def test_a_step_scaled_by_another_count_of_the_data_is_read_as_that_reduction():
    config, y = RunConfig(loss="mse"), np.zeros((30, 2))
    assert "6 input features" in reduction_reading(10, config, y, features=6)[0]  # divided by 6 where mse divides by 60
    assert reduction_reading(0.3, config, y, features=6) is None


class HalfMomentumOptimizer(Momentum):
    def step(self, params, grads):
        for name, g in grads.items():
            velocity = self.buffers[name] = g.copy() if name not in self.buffers else 0.5 * self.buffers[name] + g
            params[name] -= self.lr * velocity


class NeverCarriedOptimizer(Momentum):
    def step(self, params, grads):
        for name, g in grads.items():
            self.buffers[name] = g.copy()
            params[name] -= self.lr * (1.9 if self.steps_taken(name) else 1.0) * g

    def steps_taken(self, name):
        taken = getattr(self, "_taken", set())
        self._taken = taken | {name}
        return name in taken


class HalfMomentum(numpy_net.Trainer):
    """Momentum written with 0.5 where the run says 0.9."""

    def __init__(self, params, loss, optimizer, **network):
        super().__init__(params, loss, HalfMomentumOptimizer(optimizer.lr, optimizer.momentum), **network)


class MomentumNeverCarried(numpy_net.Trainer):
    """Past the first step, each update only a multiple of this step's gradient: the velocity never applied."""

    def __init__(self, params, loss, optimizer, **network):
        super().__init__(params, loss, NeverCarriedOptimizer(optimizer.lr, optimizer.momentum), **network)


@pytest.mark.parametrize("trainer, words", [(HalfMomentum, "a momentum of 0.5 where the run's is 0.9"),
                                            (MomentumNeverCarried, "nothing of the previous update is carried")])
def test_an_update_law_is_fitted_over_steps_and_read(trainer, words):
    report = run(RunConfig(steps=8, data="random:32,4", hidden=5, optimizer="momentum", momentum=0.9, lr=0.3), numpy_trainer=trainer)
    assert not report.passed
    top = report.diagnosis[0]
    assert top.name == "update-law" and words in top.explanation, top


class SoftmaxOverBatch(numpy_net.Trainer):
    """The softmax normalised down each column (axis=0) in the output delta."""

    def backward(self, X, acts, y):
        z = acts.logits
        p = np.exp(z - z.max(axis=0)) / np.exp(z - z.max(axis=0)).sum(axis=0)
        delta = (p - y) * self.loss.scale(y)
        grads = {"W2": acts.layers[0].T @ delta, "b2": delta.sum(axis=0)}
        hidden = (delta @ self.params["W2"].T) * (1 - acts.layers[0] ** 2)
        return {**grads, "W1": X.T @ hidden, "b1": hidden.sum(axis=0)}


class DerivativeOfTheLayerAbove(numpy_net.Trainer):
    """In a loop over two equal hidden layers, each derivative taken of the activation one layer up."""

    def backward(self, X, acts, y):
        a1, a2 = acts.layers
        delta3 = self.loss.delta(acts.logits, acts.output, y)
        delta2 = (delta3 @ self.params["W3"].T) * acts.output * (1 - acts.output)  # the output's, not a2's
        delta1 = (delta2 @ self.params["W2"].T) * a2 * (1 - a2)  # a2's, not a1's
        return {"W3": a2.T @ delta3, "b3": delta3.sum(0), "W2": a1.T @ delta2, "b2": delta2.sum(0),
                "W1": X.T @ delta1, "b1": delta1.sum(0)}


def test_a_softmax_along_the_batch_axis_is_read_from_every_gradient():
    config = RunConfig(steps=3, data="random:48,5,3", hidden=6, hidden_activation="tanh", output_activation="softmax", loss="ce")
    report = run(config, numpy_trainer=SoftmaxOverBatch)
    assert not report.passed
    assert report.diagnosis[0].name == "output-unit" and "batch axis" in report.diagnosis[0].explanation, report.diagnosis[0]


def test_a_derivative_taken_of_another_layer_is_named_as_an_index_slip():
    config = RunConfig(steps=3, data="random:32,4", hidden=(6, 6), loss="sse")
    top = run(config, numpy_trainer=DerivativeOfTheLayerAbove).diagnosis[0]
    assert top.name == "activation-derivative" and "another layer's activation" in top.explanation, top


def test_a_warm_up_on_one_side_is_a_straight_line_in_the_step():
    t = np.arange(1.0, 6.0)
    kind, (side, intercept, slope) = step_law(1 / (0.1 * t), t, None, 1e-4, 1e-4)  # torch's rate grows as 0.1·t
    assert kind == "linear" and side == "torch" and abs(slope - 0.1) < 1e-9
    assert step_law(np.full(5, 2.0), t, None, 1e-4, 1e-4) is None  # one factor is a rate, not a schedule


def test_adams_corrections_with_the_betas_mixed_up_are_laws_of_their_own():
    betas, t = (0.9, 0.999), np.arange(1.0, 6.0)
    kind, detail = step_law(np.sqrt(1 - betas[0] ** t) / np.sqrt(1 - betas[1] ** t), t, betas, 1e-4, 1e-4)
    assert kind == "bias-correction" and "v / (1 - β1^t)" in detail


def test_param_groups_rates_given_to_other_layers_are_read_and_every_rate_scaled_alike_is_not():
    """Rates 0.2, 0.1, 0.05 by depth on the port's side; the NumPy program's W3 steps at 0.2 and W1 at 0.05 (the decay
    counted from the other end). The same rates all halved map onto the next group's too, but are one factor for all."""
    from types import SimpleNamespace

    import torch

    from parity.diagnosis.group_keys import rate_of_another_group
    model = torch.nn.Sequential(torch.nn.Linear(2, 2), torch.nn.Linear(2, 2), torch.nn.Linear(2, 2))
    sgd = torch.optim.SGD([{"params": list(layer.parameters()), "lr": lr} for layer, lr in zip(model, (0.2, 0.1, 0.05))], lr=0.1)
    names = {"model": model, "optimizer": sgd}
    pairs = [SimpleNamespace(name=f"W{k + 1}", torch=f"{k}.weight") for k in range(3)]
    said = rate_of_another_group(names, pairs, "W3", {"W1": 0.25, "W2": 1.0, "W3": 4.0})
    assert "a rate of 0.2, where the port's group holding 2.weight steps at lr = 0.05" in said and "0.weight, 0.bias" in said, said
    assert rate_of_another_group(names, pairs, "W3", {"W1": float("nan"), "W2": 0.5, "W3": 0.5}) == ""  # every rate halved
    assert rate_of_another_group(names, pairs, "W3", {"W1": 0.25, "W2": 1.0, "W3": 3.0}) == ""  # 0.15: no group's rate


def test_a_bias_correction_left_out_in_param_groups_with_betas_of_their_own_is_read_group_by_group():
    """v without its correction: each group's ratio is 1/√(1 - β2^t) with its own β2 (a body at 0.999, a head at
    0.99); one group by no law of Adam's leaves the reading unsaid."""
    from parity.diagnosis.update_ratio_laws import step_ratio_law
    t = np.arange(1.0, 7.0)
    body, head = list(1 / np.sqrt(1 - 0.999 ** t)), list(1 / np.sqrt(1 - 0.99 ** t))
    kind, said, _ = step_ratio_law({"W1": body, "b1": body, "W2": head, "b2": head}, 1)
    assert kind == "bias-correction" and "W1, b1: β2 = 0.999; W2, b2: β2 = 0.99" in said and "second moment" in said, said
    drifting = list(1 + 0.1 * t ** 1.5)
    assert step_ratio_law({"W1": body, "W2": drifting}, 1)[0] != "bias-correction"


def test_a_loss_gradient_read_as_a_detached_normaliser_or_ignored_rows():
    rng = np.random.default_rng(2)
    z = rng.normal(size=(30, 3))
    y = np.eye(3)[rng.integers(0, 3, 30)]
    p = np.exp(z) / np.exp(z).sum(1, keepdims=True)
    assert "normaliser" in losses.loss_gradient("ce", "softmax", z, y, -y / 30, TOLERANCE)[0]
    kept = y[:, :1] == 0
    words = losses.loss_gradient("ce", "softmax", z, y, (p - y) * kept / kept.sum(), TOLERANCE)[0]
    assert "weigh 0 (left out" in words


def hidden_derivative(slope):
    class Trainer(numpy_net.Trainer):
        def backward(self, X, acts, y):
            delta = self.loss.delta(acts.logits, acts.output, y)
            z = X @ self.params["W1"] + self.params["b1"]
            hidden = (delta @ self.params["W2"].T) * slope(z)
            return {"W2": acts.layers[0].T @ delta, "b2": delta.sum(0), "W1": X.T @ hidden, "b1": hidden.sum(0)}
    return Trainer


@pytest.mark.parametrize("slope, words, fit", [(lambda z: 1 / np.cosh(z), "sech(z)", 0.9),
                                               (lambda z: 1 - 0.5 * np.tanh(z) ** 2, "another function of z", 0.75)])
def test_a_hidden_derivative_outside_every_list_is_measured_from_its_gradient(slope, words, fit):
    config = RunConfig(steps=3, data="random:64,6", hidden=6, hidden_activation="tanh")
    top = run(config, numpy_trainer=hidden_derivative(slope)).diagnosis[0]
    assert top.name == "activation-derivative" and words in top.explanation and top.score == fit, top


ADAM = '''
import numpy as np

class Net:
    def __init__(self, X, y):
        rng = np.random.default_rng(0)
        self.W1, self.b1 = rng.standard_normal((X.shape[1], 4)), np.zeros(4)
        self.W2, self.b2 = rng.standard_normal((4, 1)), np.zeros(1)
        self.m, self.v, self.t = {}, {}, 0

    def train(self, X, y, lr=0.01):
        h = 1 / (1 + np.exp(-(X @ self.W1 + self.b1)))
        o = 1 / (1 + np.exp(-(h @ self.W2 + self.b2)))
        d2 = 2 * (o - y) * o * (1 - o)
        d1 = (d2 @ self.W2.T) * h * (1 - h)
        self.t += 1
        for k, g in {"W2": h.T @ d2, "b2": d2.sum(0), "W1": X.T @ d1, "b1": d1.sum(0)}.items():
            m = 0.9 * self.m.get(k, 0) + 0.1 * g
            v = 0.999 * self.v.get(k, 0) + 0.001 * g * g
            self.m[k], self.v[k] = m, v
            m_hat, v_hat = m / (1 - 0.9 ** self.t), v / (1 - 0.999 ** self.t)
            setattr(self, k, getattr(self, k) - lr * m_hat / (np.sqrt(v_hat) + 1e-8))
'''


@pytest.mark.parametrize("bug, words", [
    (("self.m[k], self.v[k] = m, v", "self.v[k] = v"), "first moment never stored back"),
    (("0.001 * g * g", "0.001 * g"), "from g, not g²"),
    (("m_hat, v_hat = m / (1 - 0.9 ** self.t), v / (1 - 0.999 ** self.t)",
      "m_hat = self.m[k]; m_hat /= 1 - 0.9 ** self.t; v_hat = v / (1 - 0.999 ** self.t)"), "m̂ written back into m"),
])
def test_adam_state_slips_in_a_checked_program_are_named_from_the_kits_replayed_state(bug, words, tmp_path):
    if "g * g" in bug[0]:
        source = ADAM.replace("np.sqrt(v_hat)", "np.sqrt(np.abs(v_hat))").replace(*bug)
    else:
        source = ADAM.replace(*bug)
    (tmp_path / "net.py").write_text(source)
    path = tmp_path / "r.json"
    result = CliRunner().invoke(cli, ["check", f"{tmp_path}/net.py:Net", "--step", "net.train(X, y)", "--optimizer", "adam",
                                      "--lr", "0.01", "--steps", "5", "--json", str(path)])
    assert result.exit_code == 1, result.output
    top = json.loads(path.read_text())["diagnosis"][0]
    assert top["name"] == "optimizer-variant" and words in top["explanation"], top


def test_the_adam_template_itself_passes(tmp_path):
    (tmp_path / "net.py").write_text(ADAM)
    result = CliRunner().invoke(cli, ["check", f"{tmp_path}/net.py:Net", "--step", "net.train(X, y)", "--optimizer", "adam",
                                      "--lr", "0.01", "--steps", "5"])
    assert result.exit_code == 0, result.output


def test_a_rule_that_cannot_measure_is_silent_and_the_others_still_speak():
    from types import SimpleNamespace

    from parity.diagnosis.diagnose import findings
    from parity.diagnosis.finding import Finding

    def breaks(e):
        raise IndexError("a shape this rule did not expect")

    def names(e):
        return Finding("weight-decay", "measured", {}, "fix", 0.9)

    assert [f.name for f in findings(SimpleNamespace(oracles={}), (breaks, names))] == ["weight-decay"]


class WeightsOnlyOptimizer(Momentum):
    def step(self, params, grads):
        for name, g in grads.items():
            if name.startswith("b"):  # a buffer kept, never used
                self.buffers[name] = g.copy()
                params[name] -= self.lr * g
                continue
            velocity = self.buffers[name] = g.copy() if name not in self.buffers else self.momentum * self.buffers[name] + g
            params[name] -= self.lr * velocity


class MomentumOnTheWeightsOnly(numpy_net.Trainer):
    def __init__(self, params, loss, optimizer, **network):
        super().__init__(params, loss, WeightsOnlyOptimizer(optimizer.lr, optimizer.momentum), **network)


def test_an_update_law_fitted_per_parameter_where_one_law_does_not_fit_them_all():
    report = run(RunConfig(steps=8, data="random:32,4", hidden=5, optimizer="momentum", momentum=0.9, lr=0.3),
                 numpy_trainer=MomentumOnTheWeightsOnly)
    top = report.diagnosis[0]
    assert top.name == "update-law" and top.evidence["tensors"] == ["b1", "b2"] and "without momentum" in top.explanation, top


def test_a_bias_corrected_moving_average_and_a_mini_batch_divided_by_the_data_set():
    t = np.arange(1.0, 6.0)
    assert step_law(1 / (1 - 0.9 ** t), t, None, 1e-4, 1e-4, average=0.9) == (
        "average-correction", "the moving average bias-corrected, v / (1 - β^t), on the NumPy side only")
    config, y = RunConfig(loss="mse"), np.zeros((16, 1))
    assert "64 rows" in reduction_reading(0.25, config, y, dataset_rows=64)[0]


class SmoothedTargets(numpy_net.Trainer):
    """Label smoothing (ε = 0.1) written into the NumPy side's output delta only."""

    def backward(self, X, acts, y):
        return super().backward(X, acts, 0.9 * y + 0.1 / y.shape[1])


def test_targets_smoothed_on_the_numpy_side_are_read_with_their_epsilon():
    config = RunConfig(steps=3, data="random:48,5,3", hidden=6, hidden_activation="tanh", output_activation="softmax", loss="ce")
    top = run(config, numpy_trainer=SmoothedTargets).diagnosis[0]
    assert top.name == "loss-function" and "ε = 0.1" in top.explanation, top


def test_a_port_that_adds_noise_to_its_inputs_is_named_where_it_draws(tmp_path):
    code, top = check_port(tmp_path, inputs="(lambda x: x + 0.1 * torch.randn_like(x))")
    assert code == 1 and top["name"] == "unseeded-randomness" and "X plus random noise" in top["explanation"], top


def test_a_loss_of_the_logits_over_a_temperature_is_read():
    rng = np.random.default_rng(2)
    z, y = rng.normal(size=(30, 3)), np.eye(3)[rng.integers(0, 3, 30)]
    at_t = run_gradient("ce", "softmax", z / 2, y) / 2
    assert "T = 2" in losses.loss_gradient("ce", "softmax", z, y, 4 * at_t, TOLERANCE)[0]  # times T², as distillation has it
    assert losses.loss_gradient("ce", "softmax", z, y, run_gradient("ce", "softmax", z, y), TOLERANCE) is None


def test_a_skip_connection_in_a_port_is_read_from_its_stages():
    from parity.diagnosis.port_forward import _skip_connection
    from parity.diagnosis.port_trace import Trace

    rng = np.random.default_rng(3)
    X, h1, extra = rng.normal(size=(8, 4)), rng.normal(size=(8, 5)), rng.normal(size=(8, 5))
    trace = Trace()
    trace.linears = [(X, h1), (h1, extra), (extra, X[:, :1])]
    assert "hidden layer 1" in _skip_connection(trace, 2, h1, TOLERANCE)
    assert _skip_connection(trace, 2, extra + 1, TOLERANCE) is None


FUNCTIONAL_PORT = """
import torch
import torch.nn.functional as F
from torch import nn

class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.hidden = nn.Linear(4, 6)
        self.out = nn.Linear(6, 1)

    def forward(self, x):
        h = HIDDEN
        return torch.sigmoid(F.linear(h, self.out.weight, self.out.bias))

def train_step(model, optimizer, X, y):
    optimizer.zero_grad(); LOSS.backward(); optimizer.step()
"""


@pytest.mark.parametrize("hidden, name, words", [
    ("torch.sigmoid(F.linear(x, self.hidden.weight, self.hidden.bias))", None, None),
    ("torch.sigmoid(x @ self.hidden.weight.T + self.hidden.bias)", None, None),
    ("torch.sigmoid(F.linear(x, self.hidden.weight)) + self.hidden.bias", "activation-function", "bias added after the activation"),
    ("torch.sigmoid(x @ self.hidden.weight.reshape(4, 6) + self.hidden.bias)", "transposed-weight", "reshaped"),
    ("torch.sigmoid(x @ self.hidden.weight.T + self.hidden.bias)", "loss-function", "not squared"),
    ("torch.sigmoid(F.linear(x, self.hidden.weight, self.out.bias))", "not-updated", "in place of its own b1"),
])
def test_a_port_written_with_raw_weights_is_read_stage_by_stage(tmp_path, hidden, name, words):
    loss = "torch.linalg.norm(model(X) - y)" if name == "loss-function" else "((model(X) - y) ** 2).sum()"
    (tmp_path / "port.py").write_text(FUNCTIONAL_PORT.replace("HIDDEN", hidden).replace("LOSS", loss))
    path = tmp_path / "r.json"
    result = CliRunner().invoke(cli, ["check", "--torch", f"{tmp_path}/port.py:Net", "--torch-step", "train_step(model, optimizer, X, y)",
                                      "--data", "random:32,4", "--steps", "5", "--lr", "0.5", "--json", str(path)])
    assert result.exit_code == (1 if name else 0), result.output
    if name:
        top = json.loads(path.read_text())["diagnosis"][0]
        assert top["name"] == name and words in top["explanation"] and top["evidence"]["side"] == "torch", top


def test_a_port_computing_under_autocast_fails_and_is_named(tmp_path):
    """bfloat16 arithmetic in a float32 run is no float32 rounding: the float64 reference cannot speak for that side."""
    step = ("optimizer.zero_grad(); ctx = torch.autocast('cpu', dtype=torch.bfloat16); ctx.__enter__(); loss = LOSS; "
            "ctx.__exit__(None, None, None); loss.float().backward(); optimizer.step()")
    code, top = check_port(tmp_path, step=step, extra=("--steps", "20"))
    assert code == 1 and top["name"] == "precision-loss" and "bfloat16" in top["explanation"], top


def test_a_port_that_steps_its_optimizer_once_per_row_is_counted(tmp_path):
    step = "for i in range(len(X)):\n        optimizer.zero_grad(); ((model(X[i]) - y[i]) ** 2).sum().backward(); optimizer.step()"
    code, top = check_port(tmp_path, step=step)
    assert code == 1 and top["name"] == "repeated-update" and "32 times" in top["explanation"] and "per row" in top["explanation"], top


def test_a_softmax_backward_with_its_jacobian_diagonal_alone_is_read():
    rng = np.random.default_rng(4)
    z, y = rng.normal(size=(30, 3)), np.eye(3)[rng.integers(0, 3, 30)]
    p = np.exp(z) / np.exp(z).sum(1, keepdims=True)
    diagonal = p * (1 - p) * (-y / p) / 30  # dL/dp of the mean cross-entropy times p(1 - p)
    assert "Jacobian" in losses.loss_gradient("ce", "softmax", z, y, diagonal, TOLERANCE)[0]


def test_more_loss_readings_name_what_the_numbers_show():
    rng = np.random.default_rng(5)
    z, y = rng.normal(size=(30, 3)), np.eye(3)[rng.integers(0, 3, 30)]
    l2_normalised = run_gradient("ce", "softmax", z * 2, y)  # -y·log(e^z / ‖e^z‖₂) = ½·CE(2z): its gradient CE'(2z)
    assert "L2 norm" in losses.loss_gradient("ce", "softmax", z, y, l2_normalised, TOLERANCE)[0]
    p = np.exp(z) / np.exp(z).sum(1, keepdims=True)
    predicted = np.eye(3)[p.argmax(1)]
    assert "predicted classes" in losses.loss_gradient("ce", "softmax", z, y, (p - predicted) / 30, TOLERANCE)[0]
    zb, yb = rng.normal(size=(40, 1)), (rng.random((40, 1)) > 0.5).astype(float)
    run = run_gradient("bce", "sigmoid", zb, yb)
    assert "z < 0" in losses.loss_gradient("bce", "sigmoid", zb, yb, np.where(zb > 0, run, run - 1 / 40), TOLERANCE)[0]


def test_a_layer_given_its_activations_derivative_is_read():
    z = np.random.default_rng(6).normal(size=(20, 4))
    s = 1 / (1 + np.exp(-z))
    assert acts.activation(z, s * (1 - s), TOLERANCE, "sigmoid")[1] == "derivative"


def test_the_update_law_says_momentum_only_where_the_law_has_a_momentums_form():
    from parity.config.config import RunConfig
    from parity.diagnosis.update_law import _reading

    sgd = RunConfig(lr=0.1)
    assert "moving average" in _reading((0.9, -0.01, 0.09), (0.0, -0.1, 0.0), sgd)
    assert _reading((0.5, -0.1, 0.3), (0.0, -0.1, 0.0), sgd) == ""
    assert "a momentum of 0.5" in _reading((0.5, -0.1, 0.0), (0.0, -0.1, 0.0), sgd)


OPTIMIZER_PORT = PORT + """
class HeavyBall:
    def __init__(self, params, lr):
        self.params, self.lr, self.v = PARAMS, lr, {}

    def zero_grad(self):
        for p in self.params:
            p.grad = None

    def step(self):
        with torch.no_grad():
            for p in self.params:
                p -= self.lr * p.grad
"""


@pytest.mark.parametrize("params, passes", [("list(params)", True), ("params", False)])
def test_an_optimizer_that_keeps_a_spent_generator_is_named(tmp_path, params, passes):
    source = OPTIMIZER_PORT.replace("HIDDEN", "torch.sigmoid").replace("INPUT", "").replace("STEP", PLAIN_STEP.replace(
        "LOSS", "((model(X) - y) ** 2).sum()")).replace("PARAMS", params)
    (tmp_path / "port.py").write_text(source)
    path = tmp_path / "r.json"
    result = CliRunner().invoke(cli, ["check", "--torch", f"{tmp_path}/port.py:Net", "--torch-step", "train_step(model, optimizer, X, y)",
                                      "--torch-optimizer", "HeavyBall(model.parameters(), lr)", "--data", "random:32,4",
                                      "--steps", "5", "--lr", "0.5", "--json", str(path)])
    assert result.exit_code == (0 if passes else 1), result.output
    if not passes:
        top = json.loads(path.read_text())["diagnosis"][0]
        assert top["name"] == "no-update" and "generator" in top["explanation"], top


def test_a_loss_divided_by_another_count_is_read():
    rng = np.random.default_rng(7)
    z, y = rng.normal(size=(40, 1)), (rng.random((40, 1)) > 0.3).astype(float)
    run = run_gradient("bce", "sigmoid", z, y)
    assert "positive targets" in losses.loss_gradient("bce", "sigmoid", z, y, run * 40 / y.sum(), TOLERANCE)[0]
    p = 1 / (1 + np.exp(-z))
    assert "y = 0 weigh 0" in losses.loss_gradient("bce", "sigmoid", z, y, y * (p - 1) / 40, TOLERANCE)[0]
    assert "y = 1 term alone" in losses._other_loss("sigmoid", z, y, y * (p - 1) / 40, TOLERANCE)[0]


def test_a_port_that_steps_its_optimizer_every_second_call_is_counted(tmp_path):
    step = ("model.calls = getattr(model, 'calls', 0) + 1; LOSS.backward()\n    if model.calls % 2 == 0:\n"
            "        optimizer.step(); optimizer.zero_grad()")
    code, top = check_port(tmp_path, step=step)
    assert code == 1 and top["name"] == "no-update" and "only some training steps" in top["explanation"], top


def test_a_focal_loss_is_read_with_its_gamma_and_a_confidence_weight_by_its_trend():
    rng = np.random.default_rng(11)
    z, y = rng.normal(size=(40, 1)), (rng.random((40, 1)) > 0.5).astype(float)
    from parity.diagnosis.loss_weights import focal
    from parity.diagnosis.logit_gradients import gradient_at_logits
    focal_grad = gradient_at_logits(focal(1.5), "sigmoid", z, y) / 40
    assert "γ = 1.5" in losses.loss_gradient("bce", "sigmoid", z, y, focal_grad, TOLERANCE)[0]
    zk, yk = rng.normal(size=(40, 3)), np.eye(3)[rng.integers(0, 3, 40)]
    p_t = (np.exp(zk) / np.exp(zk).sum(axis=1, keepdims=True) * yk).sum(axis=1, keepdims=True)
    weighted = (1 - p_t) * run_gradient("ce", "softmax", zk, yk)  # a weight held out of the graph (.detach()): no focal term
    words = losses.loss_gradient("ce", "softmax", zk, yk, weighted, TOLERANCE)[0]
    assert "falls with the row's own prediction" in words and "γ =" not in words
    assert losses.loss_gradient("bce", "sigmoid", z, y, run_gradient("bce", "sigmoid", z, y), TOLERANCE) is None


def test_a_port_training_on_a_focal_loss_is_named_at_its_loss(tmp_path):
    focal = "(-((1 - torch.where(y > 0.5, model(X), 1 - model(X))) ** 2) * torch.log(torch.where(y > 0.5, model(X), 1 - model(X)))).mean()"
    code, top = check_port(tmp_path, loss=focal, extra=("--loss", "bce", "--optimizer", "adam", "--lr", "0.01"))
    assert code == 1 and top["name"] == "loss-function" and "focal loss" in top["explanation"] and "γ = 2" in top["explanation"], top


def test_a_decay_gap_is_read_against_the_ports_lr_and_weight_decay():
    from types import SimpleNamespace

    from parity.diagnosis.decay_gap import weight_decay_finding
    rng = np.random.default_rng(4)
    before, g = rng.normal(size=(5, 4)), rng.normal(size=(5, 4))
    lr, lam = 0.01, 0.05
    port = -lr * lam * before - lr * g
    for numpy_update, words in ((-lam * before - lr * g, "the learning rate left out of a decoupled decay"),
                                (-lr * g, "the port decays it, the other does not"),
                                (-0.3 * lam * before - lr * g, "applied on the NumPy side only, or with other coefficients")):
        found = weight_decay_finding(SimpleNamespace(), "W", numpy_update, port, before, {}, [{"lr": lr, "weight_decay": lam}])
        assert found is not None and words in found.explanation, found


def test_an_update_that_parts_after_agreeing_gradients_is_said_at_the_optimizer_only_where_both_were_compared():
    from parity.diagnosis.written_update import optimizer_stage
    g = np.ones((2, 2))
    both = {"W1.grad": g, "W1.update": g}
    found = optimizer_stage("W1.update", both, both, 2)
    assert found is not None and found.name == "optimizer-differs" and "the first 1 step(s) agreed" in found.explanation
    assert optimizer_stage("W1.update", {"W1.update": g}, both, 2) is None  # the NumPy program kept no gradient
    assert optimizer_stage("W1.grad", both, both, 2) is None
