"""More stages read from their numbers: a port's backward pass (an activity penalty, an activation's backward of its
own), its optimizer's unseeded buffer, its output unit normalised over the whole batch; losses with an extra term or
other labels; activations normalised, scaled inside, constant, with the bias left out or the product scaled; a NumPy
program dividing by a fixed count, stepping its biases without the learning rate, ignoring the rows it is given, or
leaking float64 beside a real bug; Adam's corrections written as (1 - β)^t. Each planted bug must be named; each
correct program passes the same harness."""

import json

import numpy as np
import pytest
import torch
from click.testing import CliRunner

from parity import RunConfig
from parity.cli import cli
from parity.diagnosis import activation_readings as acts, loss_readings as losses
from parity.diagnosis.family import reduction_reading
from parity.diagnosis.logit_gradients import gradient_at_logits, run_gradient
from parity.diagnosis.ratios import step_law
from tests.test_row_stages import PROGRAM, RIGHT, check as check_numpy

TOLERANCE = 1e-3
RNG = np.random.default_rng(5)

PORT = """
import torch
import torch.nn.functional as F
from torch import nn

class ClampedReLU(torch.autograd.Function):
    @staticmethod
    def forward(ctx, z):
        ctx.save_for_backward(z)
        return z.clamp(min=0)

    @staticmethod
    def backward(ctx, grad):
        (z,) = ctx.saved_tensors
        return BACKWARD

class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.hidden = nn.Linear(4, 6)
        self.out = nn.Linear(6, OUTPUTS)

    def forward(self, x):
        self.h = ClampedReLU.apply(self.hidden(x))
        return UNIT(self.out(self.h))

def train_step(model, optimizer, X, y):
    PRE
    optimizer.zero_grad()
    out = model(X)
    (LOSS).backward()
    BETWEEN
    optimizer.step()
    AFTER
"""
PORT_RIGHT = {"BACKWARD": "grad * (z > 0)", "OUTPUTS": "1", "UNIT": "torch.sigmoid", "LOSS": "((out - y) ** 2).sum()",
              "BETWEEN": "pass", "AFTER": "pass", "PRE": "pass"}
CENTRED = "[p.grad.sub_(p.grad.mean(dim=1, keepdim=True)) for p in model.parameters() if p.dim() == 2]"
MAX_NORM = "with torch.no_grad(): model.hidden.weight.copy_(torch.renorm(model.hidden.weight, 2, 0, 0.5))"


def check_port(tmp_path, extra=(), **changes) -> tuple[int, dict | None]:
    source = PORT
    for key, value in {**PORT_RIGHT, **changes}.items():
        source = source.replace(key, value)
    (tmp_path / "port.py").write_text(source)
    path = tmp_path / "r.json"
    result = CliRunner().invoke(cli, ["check", "--torch", f"{tmp_path}/port.py:Net", "--torch-step", "train_step(model, optimizer, X, y)",
                                      "--data", "random:32,4", "--hidden-activation", "relu", "--steps", "5", "--lr", "0.1",
                                      *extra, "--json", str(path)])
    assert result.exit_code in (0, 1), result.output
    return result.exit_code, (json.loads(path.read_text())["diagnosis"][0] if result.exit_code == 1 else None)


def test_the_correct_port_passes(tmp_path):
    assert check_port(tmp_path)[0] == 0


@pytest.mark.parametrize("changes, extra, name, words", [
    ({"LOSS": "((out - y) ** 2).sum() + 0.01 * model.h.abs().sum()"}, (), "activity-penalty", "L1 activity"),
    ({"BACKWARD": "grad.clamp(min=0)"}, (), "activation-derivative", "clamped at 0"),
    ({"OUTPUTS": "3", "UNIT": "(lambda z: torch.exp(z) / torch.exp(z).sum())", "LOSS": "-(y * torch.log(out)).sum(1).mean()"},
     ("--data", "random:32,4,3", "--output-activation", "softmax", "--loss", "ce"), "output-unit", "whole batch"),
    ({}, ("--optimizer", "ema-momentum", "--momentum", "0.9", "--torch-optimizer",
          "torch.optim.SGD(model.parameters(), lr=lr, momentum=0.9, dampening=0.9)"), "optimizer-settings", "no momentum buffer"),
    ({"BETWEEN": CENTRED}, (), "gradient-transform", "centred over its inputs"),
    ({"AFTER": MAX_NORM}, (), "gradient-transform", "max-norm constraint"),
    ({"PRE": "X, y = X[:20], y[:20]"}, (), "dropped-rows", "first 20 of its 32 rows"),
    ({"BETWEEN": "optimizer.zero_grad(); (((model(X[-8:]) - y[-8:]) ** 2).sum() / 4).backward()"}, (), "dropped-rows",
     "last 8 of its 32 rows only, times 0.25"),
    ({"PRE": "model.hidden.reset_parameters()"}, (), "unseeded-randomness", "ends with the same W1: the step draws it anew"),
    ({"LOSS": "((out - y) ** 2).sum() + 0.5 * 0.05 * sum((p ** 2).sum() for p in model.parameters())"},
     ("--optimizer", "adam", "--lr", "0.01", "--weight-decay", "0.05", "--torch-optimizer",
      "torch.optim.Adam(model.parameters(), lr=lr, weight_decay=0.05)"), "weight-decay", "counted twice"),
])
def test_a_ports_bug_is_named_at_its_stage(tmp_path, changes, extra, name, words):
    code, top = check_port(tmp_path, extra, **changes)
    assert code == 1 and top["name"] == name and words in top["explanation"], top


def test_a_loss_with_an_extra_term_other_labels_or_one_wrong_term_is_read():
    z, y = RNG.normal(size=(30, 3)), np.eye(3)[RNG.integers(0, 3, 30)]
    entropy = gradient_at_logits(lambda p, z_, t: -(p * torch.log(p)).sum(), "softmax", z, y)
    bonus = run_gradient("ce-sum", "softmax", z, y) - 0.05 * entropy
    assert "minus 0.05 times the entropy" in losses.loss_gradient("ce-sum", "softmax", z, y, bonus, TOLERANCE)[0]
    multi = (RNG.random((30, 3)) > 0.5).astype(float)
    first = np.eye(3)[multi.argmax(axis=1)]
    collapsed = run_gradient("bce", "sigmoid", z, first)
    assert "first positive label only" in losses.loss_gradient("bce", "sigmoid", z, multi, collapsed, TOLERANCE)[0]
    zb, yb = RNG.normal(size=(30, 1)), (RNG.random((30, 1)) > 0.5).astype(float)
    p = 1 / (1 + np.exp(-zb))
    log1p_slip = gradient_at_logits(lambda q, z_, t: -(t * torch.log(q) + (1 - t) * torch.log1p(q)).mean(), "sigmoid", zb, yb)
    assert "y = 0 term" in losses.loss_gradient("bce", "sigmoid", zb, yb, log1p_slip, TOLERANCE)[0]
    quarter = 0.5 * run_gradient("half-sse", "linear", zb, yb)  # ((0.5·e)²).sum(): the 0.5 inside the square
    assert "k = 0.5" in losses.loss_gradient("half-sse", "linear", zb, yb, quarter, TOLERANCE)[0]
    assert losses.loss_gradient("bce", "sigmoid", zb, yb, (p - yb) / 30, TOLERANCE) is None


def test_an_activation_normalised_scaled_inside_constant_or_without_its_bias_is_read():
    z = RNG.normal(size=(20, 5))
    relu = np.maximum(z, 0)
    normalised = relu / np.maximum(np.linalg.norm(relu, axis=1, keepdims=True), 1e-12)  # as F.normalize
    assert "each row divided by its L2 norm" in acts.activation(z, normalised, TOLERANCE, "relu")[0]
    assert "LeCun" in acts.activation(z, 1.7159 * np.tanh(2 / 3 * z), TOLERANCE, "tanh")[0]
    assert acts.activation(z[:, :1], np.ones((20, 1)), TOLERANCE, "sigmoid")[1] == "constant"
    half_stable = np.exp(z - z.max(axis=1, keepdims=True)) / np.exp(z).sum(axis=1, keepdims=True)
    assert "numerator's exponent shifted" in acts.activation(z, half_stable, TOLERANCE, "softmax")[0]
    x, W, b = RNG.normal(size=(20, 4)), RNG.normal(size=(4, 5)), RNG.normal(size=5)
    assert "bias left out" in acts.inner_affine(x @ W, b, np.tanh(x @ W), "tanh", TOLERANCE)
    assert "1/√6" in acts.inner_affine(x @ W, b, np.tanh(x @ W / np.sqrt(6) + b), "tanh", TOLERANCE)
    assert acts.inner_affine(x @ W, b, np.tanh(x @ W + b), "tanh", TOLERANCE) is None


def test_a_numpy_program_dividing_by_a_fixed_count_or_stepping_biases_without_lr_is_named(tmp_path):
    fixed = PROGRAM.replace("n = len(X)", "n = 8")
    code, top = check_numpy(tmp_path, fixed, RIGHT, ("--lr", "0.5", "--data", "random:30,4", "--batch-size", "8"))
    assert code == 1 and top["name"] == "loss-function" and "fixed in the code (8, the run's --batch-size" in top["explanation"], top
    no_lr = PROGRAM.replace("self.b1 -= self.lr * dz1.sum(0)", "self.b1 -= dz1.sum(0)").replace(
        "self.b2 -= self.lr * dout.sum(0)", "self.b2 -= dout.sum(0)")
    code, top = check_numpy(tmp_path, no_lr, RIGHT, ("--lr", "0.5"))
    assert code == 1 and top["name"] == "update-scale" and "learning rate left out" in top["explanation"], top


def test_a_numpy_program_that_ignores_its_rows_or_leaks_float64_beside_a_bug_is_named(tmp_path):
    held = PROGRAM.replace("self.lr = 0.5", "self.lr = 0.5; self.X, self.y = X, y").replace(
        "n = len(X)", "X, y = self.X, self.y; n = len(X)")
    code, top = check_numpy(tmp_path, held, RIGHT, ("--lr", "0.5", "--batch-size", "8"))
    assert code == 1 and top["name"] == "dropped-rows" and "ignores the rows" in top["explanation"], top
    scaled = PROGRAM.replace("z1 = X @ self.W1 + self.b1", "z1 = X @ self.W1 / np.sqrt(4) + self.b1").replace(
        "self.W1 -= self.lr * (X.T @ dz1)", "self.W1 = self.W1 - self.lr * (X.T @ dz1)")  # float32 / np.float64: float64
    path = tmp_path / "r.json"
    code, top = check_numpy(tmp_path, scaled, RIGHT, ("--lr", "0.5", "--dtype", "float32"))
    names = [f["name"] for f in json.loads(path.read_text())["diagnosis"]]
    assert code == 1 and top["name"] == "activation-function" and "1/√4" in top["explanation"], top
    assert "dtype-mismatch" in names[1:], names


def test_other_written_bias_corrections_and_counts_are_read():
    t, b1, b2 = np.arange(2.0, 7.0), 0.9, 0.999
    ratio = (np.sqrt((1 - b2) ** t) / (1 - b1) ** t) / (np.sqrt(1 - b2 ** t) / (1 - b1 ** t))
    assert "(1 - β)^t" in step_law(ratio, t, (b1, b2), 1e-3, 1e-3)[1]
    y = np.zeros((36, 1))
    assert "rows minus one" in reduction_reading(36 / 35, RunConfig(loss="mse", output_activation="linear"), y)[0]


def test_a_formula_with_a_lost_sign_a_softmax_without_keepdims_and_a_one_step_memory_are_read():
    z = RNG.normal(size=(6, 6))
    typo = (np.exp(z) - np.exp(-z)) / (np.exp(z) + np.exp(z))  # tanh with the denominator's sign lost
    assert "0.5·(1 - exp(-2z))" in acts.activation(z, typo, TOLERANCE, "tanh")[0]
    e = np.exp(z - z.max(axis=1, keepdims=True))
    assert "without keepdims=True" in acts.activation(z, e / e.sum(axis=1), TOLERANCE, "softmax")[0]
    from parity.diagnosis.update_law import _reading
    config = RunConfig(optimizer="momentum", momentum=0.9, lr=0.1)
    assert "one-step memory" in _reading((0.0, -0.1, -0.09), (0.9, -0.1, 0.0), config)


def test_a_numpy_output_derivative_written_with_the_target_is_named(tmp_path):
    code, top = check_numpy(tmp_path, PROGRAM, RIGHT, ("--lr", "0.5", "--loss", "half-mse"), OUTPUT_DELTA="(out - y) * out * (1 - y)")
    assert code == 1 and top["name"] == "activation-derivative" and "out·(1 - y)" in top["explanation"], top


def test_a_loss_with_the_max_logit_left_in_or_targets_a_row_off_is_read():
    z, y = RNG.normal(size=(30, 3)), np.eye(3)[RNG.integers(0, 3, 30)]
    lse_slip = gradient_at_logits(lambda p, z_, t: -(t * torch.log(p)).sum() - z_.max(dim=1).values.sum(), "softmax", z, y)
    assert "largest logit" in losses.loss_gradient("ce-sum", "softmax", z, y, lse_slip, TOLERANCE)[0]
    zr, yr = RNG.normal(size=(30, 1)), RNG.normal(size=(30, 1))
    offset = np.zeros_like(zr)
    offset[:-1] = (zr[:-1] - yr[1:]) / 29  # 0.5·mse(out[:-1], y[1:]): each row toward the next row's target
    assert "out[:-1] against y[1:]" in losses.loss_gradient("half-mse", "linear", zr, yr, offset, TOLERANCE)[0]


def test_an_activation_scaled_by_a_whole_number_or_taking_one_bias_element_is_read():
    z = RNG.normal(size=(20, 5))
    assert "twice the run's relu" in acts.activation(z, 2 * np.maximum(z, 0), TOLERANCE, "relu")[0]
    assert "input multiplied by 2" in acts.activation(z, 1 / (1 + np.exp(-2 * z)), TOLERANCE, "sigmoid")[0]
    x, W, b = RNG.normal(size=(20, 4)), RNG.normal(size=(4, 5)), RNG.normal(size=5)
    assert "b[0]" in acts.inner_affine(x @ W, b, np.maximum(x @ W + b[0], 0), "relu", TOLERANCE)


def test_a_cosine_schedule_a_lookahead_weight_and_swapped_average_weights_are_read():
    t = np.arange(2.0, 6.0)
    assert step_law(2 / (1 + np.cos(np.pi * (t - 1) / 100)), t, None, 1e-6, 1e-6) == ("cosine", ("torch", 100.0))
    from parity.diagnosis.update_law import _reading, expected_law
    nesterov = RunConfig(optimizer="nesterov", momentum=0.9, lr=0.1)
    assert "look-ahead weighted 1 " in _reading((0.9, -0.2, 0.09), expected_law(nesterov), nesterov)
    ema = RunConfig(optimizer="ema-momentum", momentum=0.9, lr=0.5)
    assert "two weights swapped" in _reading((0.1, -0.45, 0.0), expected_law(ema), ema)


def test_a_numpy_output_layer_fed_the_pre_activation_is_named(tmp_path):
    fed = PROGRAM.replace("out = sigmoid(h @ self.W2 + self.b2)", "out = sigmoid(z1 @ self.W2 + self.b2)")
    code, top = check_numpy(tmp_path, fed, RIGHT, ("--lr", "0.5"))
    assert code == 1 and top["name"] == "layer-input" and "pre-activation" in top["explanation"], top


def test_an_adam_eps_of_another_exponent_and_decoupled_decay_are_read_from_the_updates(tmp_path):
    from tests.test_row_stages import ADAM, ADAM_ARGS, ADAM_RIGHT
    code, top = check_numpy(tmp_path, ADAM, ADAM_RIGHT, ADAM_ARGS, DENOMINATOR="(np.sqrt(v_hat) + 1e8)")
    assert code == 1 and top["name"] == "optimizer-settings" and "ε = 1e+08" in top["explanation"], top
    decoupled = ADAM.replace("p[k] -= 0.01 * m_hat / DENOMINATOR", "p[k] -= 0.01 * (m_hat / DENOMINATOR + 0.01 * p[k])")
    code, top = check_numpy(tmp_path, decoupled, ADAM_RIGHT, (*ADAM_ARGS, "--weight-decay", "0.01"))
    assert code == 1 and top["name"] == "optimizer-variant" and "as AdamW does, decoupled" in top["explanation"], top
