"""A NumPy program's stages read one row at a time from its own steps (row_probe.py, row_stages.py), and Adam's
bookkeeping read parameter by parameter from its updates (adam_law.py): each planted bug named at its stage, a correct
program passing through the same harness."""

import json

import numpy as np
import pytest
from click.testing import CliRunner

from parity.cli import cli
from parity.diagnosis import row_batch
from parity.diagnosis.row_probe import Probe

# A two-layer network written by hand: tanh hidden layer, sigmoid output, binary cross-entropy, SGD.
PROGRAM = """
import numpy as np

def sigmoid(z):
    return 1 / (1 + np.exp(-z))

class Net:
    def __init__(self, X, y):
        rng = np.random.default_rng(0)
        self.W1 = rng.normal(0, 0.5, (4, 6)); self.b1 = np.zeros(6)
        self.W2 = rng.normal(0, 0.5, (6, 1)); self.b2 = np.zeros(1)
        self.lr = 0.5

    def step(self, X, y):
        n = len(X)
        z1 = X @ self.W1 + self.b1
        h = HIDDEN
        out = sigmoid(h @ self.W2 + self.b2)
        dout = OUTPUT_DELTA / n
        back = dout @ self.W2.T
        dz1 = back * DERIVATIVE
        self.W2 -= self.lr * (h.T @ dout); self.b2 -= self.lr * dout.sum(0)
        self.W1 -= self.lr * (X.T @ dz1); self.b1 -= self.lr * dz1.sum(0)
"""
RIGHT = {"HIDDEN": "np.tanh(z1)", "OUTPUT_DELTA": "(out - y)", "DERIVATIVE": "(1 - h ** 2)"}

ADAM = """
import numpy as np

class Net:
    def __init__(self, X, y):
        rng = np.random.default_rng(0)
        self.p = {"W1": rng.normal(0, 0.5, (4, 6)), "b1": np.zeros(6), "W2": rng.normal(0, 0.5, (6, 1)), "b2": np.zeros(1)}
        self.m = {k: np.zeros_like(v) for k, v in self.p.items()}
        self.v = {k: np.zeros_like(v) for k, v in self.p.items()}
        self.t = 0

    def step(self, X, y):
        p = self.p
        h = np.tanh(X @ p["W1"] + p["b1"])
        out = 1 / (1 + np.exp(-(h @ p["W2"] + p["b2"])))
        dout = (out - y) / len(X)
        dz1 = (dout @ p["W2"].T) * (1 - h ** 2)
        grads = {"W2": h.T @ dout, "b2": dout.sum(0), "W1": X.T @ dz1, "b1": dz1.sum(0)}
        COUNTER_BEFORE
        for k in ("W1", "b1", "W2", "b2"):
            COUNTER_INSIDE
            self.m[k] = 0.9 * self.m[k] + 0.1 * grads[k]
            self.v[k] = 0.999 * self.v[k] + 0.001 * grads[k] ** 2
            m_hat = M_HAT
            v_hat = self.v[k] / (1 - 0.999 ** self.t)
            p[k] -= 0.01 * m_hat / DENOMINATOR
"""
ADAM_RIGHT = {"COUNTER_BEFORE": "self.t += 1", "COUNTER_INSIDE": "pass", "M_HAT": "self.m[k] / (1 - 0.9 ** self.t)",
              "DENOMINATOR": "(np.sqrt(v_hat) + 1e-8)"}


def check(tmp_path, template: str, right: dict, extra: tuple = (), **changes: str) -> tuple[int, dict | None]:
    source = template
    for key, value in {**right, **changes}.items():
        source = source.replace(key, value)
    (tmp_path / "net.py").write_text(source)
    path = tmp_path / "r.json"
    result = CliRunner().invoke(cli, ["check", f"{tmp_path}/net.py:Net", "--step", "net.step(X, y)", "--data", "random:32,4",
                                      "--steps", "4", "--hidden-activation", "tanh", "--loss", "bce", "--json", str(path), *extra])
    assert result.exit_code in (0, 1), result.output
    return result.exit_code, (json.loads(path.read_text())["diagnosis"][0] if result.exit_code == 1 else None)


def test_the_correct_program_passes(tmp_path):
    assert check(tmp_path, PROGRAM, RIGHT, ("--lr", "0.5"))[0] == 0


@pytest.mark.parametrize("change, name, words", [
    ({"HIDDEN": "np.tanh(-z1)", "DERIVATIVE": "-(1 - h ** 2)"}, "activation-function", "-1·tanh(z)"),
    ({"HIDDEN": "1 / (1 + np.exp(z1))", "DERIVATIVE": "h * (1 - h)"}, "activation-function", "sigmoid(-z)"),
    ({"OUTPUT_DELTA": "np.where(y == 0, -(out - y), out - y)"}, "loss-function", "opposite sign"),
])
def test_a_numpy_programs_departing_stage_is_read_one_row_at_a_time(tmp_path, change, name, words):
    code, top = check(tmp_path, PROGRAM, RIGHT, ("--lr", "0.5"), **change)
    assert code == 1 and top["name"] == name and words in top["explanation"], top
    assert "one row at a time" in top["explanation"] and top["evidence"]["side"] == "numpy"


def test_a_derivative_taken_before_the_bias_is_named(tmp_path):
    code, top = check(tmp_path, PROGRAM, RIGHT, ("--lr", "0.5"), DERIVATIVE="(1 - np.tanh(X @ self.W1) ** 2)")
    assert code == 1 and top["name"] == "activation-derivative" and "without its bias" in top["explanation"], top


def test_a_back_propagated_error_moved_by_one_unit_is_named(tmp_path):
    shifted = "np.hstack([dout @ self.W2.T, dout @ self.b2.reshape(1, -1).T])[:, 1:]"
    code, top = check(tmp_path, PROGRAM.replace("back = dout @ self.W2.T", f"back = {shifted}"), RIGHT, ("--lr", "0.5"))
    assert code == 1 and top["name"] == "hidden-layer-backprop" and "shifted by one unit" in top["explanation"], top
    assert "one row at a time" in top["explanation"]


ADAM_ARGS = ("--optimizer", "adam", "--lr", "0.01")


def test_a_correct_hand_written_adam_passes(tmp_path):
    assert check(tmp_path, ADAM, ADAM_RIGHT, ADAM_ARGS)[0] == 0


def test_an_adam_counter_advanced_per_parameter_is_read_from_the_updates(tmp_path):
    code, top = check(tmp_path, ADAM, ADAM_RIGHT, ADAM_ARGS, COUNTER_BEFORE="pass", COUNTER_INSIDE="self.t += 1")
    assert code == 1 and top["name"] == "bias-correction" and "once per parameter" in top["explanation"], top
    assert top["evidence"]["counters"][1] == {"W1": 5, "b1": 6, "W2": 7, "b2": 8}


def test_an_adam_correction_without_parentheses_is_read_from_the_updates(tmp_path):
    code, top = check(tmp_path, ADAM, ADAM_RIGHT, ADAM_ARGS, M_HAT="self.m[k] / 1 - 0.9 ** self.t")
    assert code == 1 and top["name"] == "bias-correction" and "parentheses" in top["explanation"], top


def test_adam_eps_inside_the_square_root_is_read_from_the_updates(tmp_path):
    code, top = check(tmp_path, ADAM, ADAM_RIGHT, ADAM_ARGS, DENOMINATOR="np.sqrt(v_hat + 1e-8)")
    assert code == 1 and top["name"] == "optimizer-variant" and "inside the square root" in top["explanation"], top


def test_a_layer_reduced_over_the_batch_twice_is_read_from_the_rows():
    reductions = {"W2.grad": 1 / 8, "b2.grad": 1 / 8, "W1.grad": 1 / 64, "b1.grad": 1 / 64}
    probe = Probe(np.arange(8), np.zeros((8, 4)), np.zeros((8, 1)), {}, reductions, {}, {1: None, 2: None})
    found = row_batch.reductions(probe, None)
    assert found.name == "gradient-scale" and "once more" in found.explanation and "layer 1" in found.explanation
    assert row_batch.reductions(probe._replace(reductions={"W2.grad": 1 / 8, "W1.grad": 1 / 8}), None) is None


@pytest.mark.parametrize("change, extra, name, words", [
    ({"HIDDEN": "np.maximum(z1, 0)", "DERIVATIVE": "np.sign(z1)"}, ("--hidden-activation", "relu"), "activation-derivative", "np.sign(z)"),
    ({"self.b1 -= self.lr * dz1.sum(0)": "self.b1 -= self.lr * back.sum(0)"}, (), "bias-gradient", "before the activation derivative"),
    ({"(X.T @ dz1)": "np.outer(X[-1], dz1[-1])"}, (), "dropped-rows", "only the last row"),
])
def test_more_numpy_stages_are_read_one_row_at_a_time(tmp_path, change, extra, name, words):
    code, top = check(tmp_path, PROGRAM, RIGHT, ("--lr", "0.5", *extra), **change)
    assert code == 1 and top["name"] == name and words in top["explanation"], top


@pytest.mark.parametrize("replaced, placeholders, name, words", [
    ({"grads[k] ** 2": "grads['b2'] ** 2"}, {}, "optimizer-variant", "second moment of b2's gradient"),
    ({"0.9 * self.m[k] + 0.1": "0.999 * self.m[k] + 0.001", "0.999 * self.v[k] + 0.001": "0.9 * self.v[k] + 0.1",
      "self.v[k] / (1 - 0.999 ** self.t)": "self.v[k] / (1 - 0.9 ** self.t)"},
     {"M_HAT": "self.m[k] / (1 - 0.999 ** self.t)"}, "optimizer-settings", "swapped"),
    ({"0.9 * self.m[k] + 0.1 * grads[k]": "0.1 * self.m[k] + 0.9 * grads[k]"}, {}, "optimizer-variant", "weights swapped"),
    ({"grads[k] ** 2": "self.m[k] ** 2"}, {}, "optimizer-variant", "first moment squared"),
    ({"            self.m[k] = 0.9 * self.m[k] + 0.1 * grads[k]\n            self.v[k] = 0.999 * self.v[k] + 0.001 * grads[k] ** 2\n": "",
      "            p[k] -= 0.01 * m_hat / DENOMINATOR\n": "            p[k] -= 0.01 * m_hat / DENOMINATOR\n            self.m[k] = 0.9 * self.m[k] + 0.1 * grads[k]\n"
      "            self.v[k] = 0.999 * self.v[k] + 0.001 * grads[k] ** 2\n"}, {}, "one-step-late", "before this step's gradient"),
])
def test_adams_sources_and_betas_are_read_from_the_updates(tmp_path, replaced, placeholders, name, words):
    source = ADAM
    for old, new in replaced.items():
        source = source.replace(old, new)
    code, top = check(tmp_path, source, ADAM_RIGHT, ADAM_ARGS, **placeholders)
    assert code == 1 and top["name"] == name and words in top["explanation"], top


# Three layers, two of one shape (4x4 and bias 4), heavy-ball momentum with one velocity per parameter.
MOMENTUM = """
import numpy as np

class Net:
    def __init__(self, X, y):
        rng = np.random.default_rng(0)
        self.p = {"W1": rng.normal(0, 0.5, (4, 4)), "b1": np.zeros(4), "W2": rng.normal(0, 0.5, (4, 4)), "b2": np.zeros(4),
                  "W3": rng.normal(0, 0.5, (4, 1)), "b3": np.zeros(1)}
        self.v, self.steps = {}, 0

    def step(self, X, y):
        p, n = self.p, len(X)
        h1 = np.tanh(X @ p["W1"] + p["b1"]); h2 = np.tanh(h1 @ p["W2"] + p["b2"])
        out = 1 / (1 + np.exp(-(h2 @ p["W3"] + p["b3"])))
        d3 = (out - y) / n; d2 = (d3 @ p["W3"].T) * (1 - h2 ** 2); d1 = (d2 @ p["W2"].T) * (1 - h1 ** 2)
        grads = {"W3": h2.T @ d3, "b3": d3.sum(0), "W2": h1.T @ d2, "b2": d2.sum(0), "W1": X.T @ d1, "b1": d1.sum(0)}
        RESET
        for k in ("W1", "b1", "W2", "b2", "W3", "b3"):
            key = KEY
            v = self.v.get(key, np.zeros_like(p[k]))
            self.v[key] = 0.9 * v + grads[k]
            p[k] -= 0.1 * self.v[key]
        self.steps += 1
"""
MOMENTUM_RIGHT = {"RESET": "pass", "KEY": "k"}
MOMENTUM_ARGS = ("--optimizer", "momentum", "--momentum", "0.9", "--lr", "0.1", "--steps", "8")


@pytest.mark.parametrize("change, name, words", [
    ({}, None, None),
    ({"KEY": "p[k].shape"}, "update-law", "share one optimizer state"),
    ({"RESET": "self.v = {} if self.steps % 4 == 0 else self.v"}, "optimizer-restarted", "every epoch"),
])
def test_a_momentums_state_is_read_from_the_updates(tmp_path, change, name, words):
    code, top = check(tmp_path, MOMENTUM, MOMENTUM_RIGHT, (*MOMENTUM_ARGS, "--batch-size", "8"), **change)
    assert (code, top and top["name"]) == ((1, name) if name else (0, None)), top
    assert not words or words in top["explanation"], top

