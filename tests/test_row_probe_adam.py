"""A NumPy program that trains with Adam is read one row at a time too: Adam's first update, -lr·g / (|g| + ε), gives
each row's gradient back (stepped in extended precision, where the platform has it). Stage bugs in such a program are
named at their stage; a correct Adam program passes. Also read here: an error carried back through another layer's
weights (a layer skipped) or through an array the program keeps (a transpose cached when it was built); and
log-probabilities used where the probabilities belong."""

import numpy as np
import pytest

from parity.diagnosis.row_probe import _adam_first_gradients
from tests.test_row_stages import check

PROGRAM = """
import numpy as np

class Net:
    def __init__(self, X, y):
        rng = np.random.default_rng(0)
        self.W1 = rng.normal(0, 0.5, (4, 6)); self.b1 = np.zeros(6)
        self.W2 = rng.normal(0, 0.5, (6, 6)); self.b2 = np.zeros(6)
        self.W3 = rng.normal(0, 0.5, (6, 3)); self.b3 = np.zeros(3)
        self.W2T = self.W2.T.copy()
        self.m = {k: np.zeros_like(getattr(self, k)) for k in ("W1", "b1", "W2", "b2", "W3", "b3")}
        self.v = {k: np.zeros_like(getattr(self, k)) for k in ("W1", "b1", "W2", "b2", "W3", "b3")}
        self.t = 0

    def step(self, X, y):
        n = len(X)
        h1 = np.tanh(X @ self.W1 + self.b1)
        h2 = np.tanh(h1 @ self.W2 + self.b2)
        z = h2 @ self.W3 + self.b3
        shifted = z - z.max(axis=1, keepdims=True)
        log_p = shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))
        d3 = (OUTPUT - y) / n
        d2 = (d3 @ self.W3.T) * (1 - h2 ** 2)
        d1 = (BACK) * (1 - h1 ** 2)
        grads = {"W3": h2.T @ d3, "b3": d3.sum(0), "W2": h1.T @ d2, "b2": d2.sum(0), "W1": X.T @ d1, "b1": d1.sum(0)}
        self.t += 1
        for k, g in grads.items():
            UPDATE
"""
ADAM = ("self.m[k] = 0.9 * self.m[k] + 0.1 * g; self.v[k] = 0.999 * self.v[k] + 0.001 * g * g; "
        "setattr(self, k, getattr(self, k) - 0.01 * (self.m[k] / (1 - 0.9 ** self.t)) / "
        "(np.sqrt(self.v[k] / (1 - 0.999 ** self.t)) + 1e-8))")
RIGHT = {"OUTPUT": "np.exp(log_p)", "BACK": "d2 @ self.W2.T", "UPDATE": ADAM}
PARAMS = tuple(flag for name in ("W1", "b1", "W2", "b2", "W3", "b3") for flag in ("--param", f"{name}={name}"))
RUN = (*PARAMS, "--data", "random:32,4,3", "--batch-size", "8", "--output-activation", "softmax", "--loss", "ce", "--optimizer", "adam",
       "--lr", "0.01")


def test_the_correct_adam_program_passes(tmp_path):
    assert check(tmp_path, PROGRAM, RIGHT, RUN)[0] == 0


@pytest.mark.parametrize("change, name, words", [
    ({"OUTPUT": "log_p"}, "output-unit", "log softmax(z), the log-probabilities"),
    ({"BACK": "d3 @ self.W3.T"}, "hidden-layer-backprop", "skips from layer 3 past layer 2"),
    ({"BACK": "d2 @ self.W2T"}, "hidden-layer-backprop", "an array the program keeps"),
])
def test_a_stage_bug_in_an_adam_program_is_read_one_row_at_a_time(tmp_path, change, name, words):
    code, top = check(tmp_path, PROGRAM, RIGHT, RUN, **change)
    assert code == 1 and top["name"] == name and words in top["explanation"], top
    assert "one row at a time" in top["explanation"] and top["evidence"]["side"] == "numpy"


def test_adams_first_update_gives_the_gradient_back_with_its_precision():
    class Config:
        lr, eps = 0.01, 1e-8

    g = np.random.default_rng(1).normal(0, 1e-3, (3, 2)).astype(np.longdouble)
    before = {"W1": np.ones((3, 2))}
    after = before["W1"].astype(np.longdouble) - Config.lr * g / (np.abs(g) + Config.eps)
    precision: list[float] = []
    found = _adam_first_gradients({"W1": after}, before, Config, precision)
    assert np.allclose(found["W1.grad"], g.astype(np.float64), rtol=1e-9, atol=0)
    assert 0 < precision[0] < 1e-9
    assert _adam_first_gradients({"W1": before["W1"] - 2 * Config.lr}, before, Config, precision) == {}
    assert precision[-1] == np.inf


@pytest.mark.parametrize("output, score, words", [
    ("np.exp(log_p) + y - np.eye(3)[np.ones(n, int)]", 0.85, "every row toward class 1"),  # one row at a time
    ("np.exp(log_p) + y - np.eye(3)[np.arange(n) % 3]", 0.7, "other 0/1 labels than y"),  # rows interact: the batch
])
def test_a_numpy_programs_own_labels_are_read_from_its_output_delta(tmp_path, output, score, words):
    run = (*PARAMS, "--data", "random:32,4,3", "--batch-size", "4", "--output-activation", "softmax", "--loss", "ce",
           "--lr", "0.5")
    sgd = {"UPDATE": "setattr(self, k, getattr(self, k) - 0.5 * g)"}
    code, top = check(tmp_path, PROGRAM, {**RIGHT, **sgd}, run, OUTPUT=output)
    assert code == 1 and top["name"] == "loss-function" and words in top["explanation"] and top["score"] == score, top


def test_rows_drawn_with_replacement_are_read_from_the_counts(tmp_path):
    sgd = {"UPDATE": "setattr(self, k, getattr(self, k) - 0.5 * g)"}
    run = (*PARAMS, "--data", "random:32,4,3", "--output-activation", "softmax", "--loss", "ce", "--lr", "0.5")
    draw = "X, y = X[np.random.default_rng(1).choice(len(X), len(X))], y[np.random.default_rng(1).choice(len(X), len(X))]"
    source = PROGRAM.replace("        n = len(X)\n", f"        {draw}\n        n = len(X)\n")
    code, top = check(tmp_path, source, {**RIGHT, **sgd}, run)
    assert code == 1 and top["name"] == "dropped-rows" and "with replacement" in top["explanation"], top
