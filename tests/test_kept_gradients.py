"""A NumPy program that keeps its gradients (self.grads) and steps with Adam: at Adam's first step the update is
±lr whatever the gradient, so the backward pass is read back from the gradient kept, not from the step. Read there:
a Huber derivative without its clip (the port's gradient the NumPy delta clipped to ±δ/n), and a shared layer's
second use left out of its gradient (or, measured first where the port stepped again shows it, that use's path
detached). Each fires on its slip and stays silent where both programs agree."""

import json

import numpy as np
import pytest
from click.testing import CliRunner

from parity.cli import cli

ADAM = """
        for k, g in self.grads.items():
            self.m[k] = 0.9 * self.m.get(k, 0.0) + 0.1 * g
            self.v[k] = 0.999 * self.v.get(k, 0.0) + 0.001 * g * g
            m_hat, v_hat = self.m[k] / (1 - 0.9 ** self.t), self.v[k] / (1 - 0.999 ** self.t)
            self.params[k] = self.params[k] - 0.01 * m_hat / (np.sqrt(v_hat) + 1e-8)
"""

HUBER_NUMPY = """import numpy as np

class Net:
    def __init__(self):
        rng = np.random.default_rng(0)
        self.params = {"W": rng.normal(0.0, 0.5, (4, 1)), "b": np.zeros(1)}
        self.m, self.v, self.t = {}, {}, 0

    def train_step(self, X, y):
        self.t += 1
        n = len(X)
        d = X @ self.params["W"] + self.params["b"] - y
        a = np.abs(d)
        loss = np.mean(np.where(a <= 0.5, 0.5 * d * d, 0.5 * (a - 0.25)))
        dd = {derivative} / n
        self.grads = {"W": X.T @ dd, "b": dd.sum(axis=0)}""" + ADAM + """        return loss
"""

HUBER_PORT = """import torch
import torch.nn.functional as F
from torch import nn

class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(4, 1)

def make_optimizer(model):
    return torch.optim.Adam(model.parameters(), lr=0.01)

def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.huber_loss(model.fc(X), y, delta=0.5)
    loss.backward()
    optimizer.step()
    return loss.item()
"""

SIAMESE_NUMPY = """import numpy as np

class Net:
    def __init__(self):
        rng = np.random.default_rng(0)
        self.params = {"W": rng.normal(0.0, 0.5, (3, 4)), "b": np.zeros(4)}
        self.m, self.v, self.t = {}, {}, 0

    def train_step(self, X, y):
        self.t += 1
        n = len(X)
        h1 = np.tanh(X[:, :3] @ self.params["W"] + self.params["b"])
        h2 = np.tanh(X[:, 3:] @ self.params["W"] + self.params["b"])
        diff = h1 - h2
        loss = np.mean((np.sum(diff * diff, axis=1, keepdims=True) - y) ** 2)
        dd = 2 * (np.sum(diff * diff, axis=1, keepdims=True) - y) / n * 2 * diff
        dz1, dz2 = dd * (1 - h1 ** 2), -dd * (1 - h2 ** 2)
        self.grads = {"W": X[:, :3].T @ dz1{second_w}, "b": dz1.sum(axis=0){second_b}}""" + ADAM + """        return loss
"""

SIAMESE_PORT = """import torch
from torch import nn

class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.tower = nn.Linear(3, 4)

def make_optimizer(model):
    return torch.optim.Adam(model.parameters(), lr=0.01)

def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    diff = torch.tanh(model.tower(X[:, :3])) - torch.tanh(model.tower(X[:, 3:]))
    loss = (((diff * diff).sum(dim=1, keepdim=True) - y) ** 2).mean()
    loss.backward()
    optimizer.step()
    return loss.item()
"""


def _check(tmp_path, numpy_text: str, port_text: str, pairs: list[str], features: int) -> tuple[int, str]:
    X = np.random.default_rng(51).normal(size=(32, features))
    np.savez(tmp_path / "data.npz", X=X, y=2.0 * np.abs(X[:, :1]) + 0.3 * X[:, 1:2])
    (tmp_path / "mine_numpy.py").write_text(numpy_text)
    (tmp_path / "mine_torch.py").write_text(port_text)
    report = tmp_path / "r.json"
    result = CliRunner().invoke(cli, [
        "check", f"{tmp_path}/mine_numpy.py:Net", "--torch", f"{tmp_path}/mine_torch.py:Net", "--as-written",
        "--init", "net = Net()", "--data", str(tmp_path / "data.npz"), "--steps", "3", "--json", str(report), "--quiet",
        *(a for p in pairs for a in ("--param", p))])
    said = json.loads(report.read_text())["diagnosis"][0]["explanation"] if result.exit_code == 1 else ""
    return result.exit_code, said


@pytest.mark.parametrize("derivative, words", [("np.clip(d, -0.5, 0.5)", None), ("d", "clipped to ±0.01562 = 0.5/32")])
def test_a_huber_derivative_without_its_clip_is_read_from_the_kept_gradient(tmp_path, derivative, words):
    code, said = _check(tmp_path, HUBER_NUMPY.replace("{derivative}", derivative), HUBER_PORT,
                        ["params['W']=fc.weight.T", "params['b']=fc.bias"], 4)
    if words is None:
        assert code == 0, said
        return
    assert code == 1 and words in said and "Huber" in said, said


@pytest.mark.parametrize("second, words", [(True, None), (False, "another use of")])
def test_a_shared_layers_second_use_left_out_is_read_from_the_kept_gradient(tmp_path, second, words):
    text = SIAMESE_NUMPY.replace("{second_w}", " + X[:, 3:].T @ dz2" if second else "").replace(
        "{second_b}", " + dz2.sum(axis=0)" if second else "")
    code, said = _check(tmp_path, text, SIAMESE_PORT, ["params['W']=tower.weight.T", "params['b']=tower.bias"], 6)
    if words is None:
        assert code == 0, said
        return
    # said as that use's term left out, or (the port stepped again) as the second tower's path detached: both measured
    assert code == 1 and (words in said and "leaves the other's out" in said or "detached" in said and "leaves that path's term out" in said), said


def test_a_second_uses_term_is_read_by_the_same_op_on_the_ports_other_gradient():
    from parity.diagnosis.one_use import other_use_left_out
    from tests.test_trace_readings import values
    rng = np.random.default_rng(53)
    first_use, second_use = rng.normal(size=(6, 4)), rng.normal(size=(6, 4))
    for kept, read in ((first_use.sum(axis=0), True), (first_use.sum(axis=0) * 2, False)):
        mine = values(("subtract", first_use, (), ""), ("add.reduce", kept, (0,), "axis=0"))
        port = values(("grad", first_use, (), ""), ("grad", second_use, (), ""),
                      ("b.grad", first_use.sum(axis=0) + second_use.sum(axis=0), (), ""))
        said = other_use_left_out(mine.values[1], mine.values[0], port.values[0], mine, port, 1e-9, "b",
                                  lambda v: f"the gradient at value {v.index}")
        assert ("plus the same add.reduce of the gradient at value 1" in said) == read, said


def test_a_constant_weight_per_entry_is_no_clip_where_no_entry_lies_inside_the_bound():
    """The port's gradient at a squared hinge is 0.5/n on the pairs it weighs and 0 on the others: every non-zero
    entry at one magnitude. The NumPy values that equal it there show no clip; a clip lets entries through inside it."""
    from parity.diagnosis.bound_derivative import clipped_on_one_side
    from tests.test_trace_readings import values
    rng = np.random.default_rng(3)
    mine = rng.normal(scale=0.05, size=32)
    weight = np.where(rng.uniform(size=32) > 0.5, 0.5 / 32, 0.0)
    beyond = np.where(weight > 0, np.sign(mine) * (0.02 + np.abs(mine)), 0.0)  # every weighted entry past 0.5/32
    constant = values(("X", beyond, (), ""), ("grad", np.sign(mine) * weight, (), ""))
    assert clipped_on_one_side(constant.values[0], constant.values[1], 32, lambda v: "the port's gradient") == ""
    huber = values(("X", mine, (), ""), ("grad", np.clip(mine, -0.02, 0.02), (), ""))
    assert "clipped to ±0.02" in clipped_on_one_side(huber.values[0], huber.values[1], 32, lambda v: "the port's gradient")
