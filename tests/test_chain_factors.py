"""A chain-rule factor measured where a NumPy backward pass parts from the port's: an activation's derivative once
too often or left out, a statistic's term left out, a sum's term with another weight, a softmax normalised over
the batch, a per-unit gain left out (read from Adam's moments, its first update hiding it), and a gradient of
another size behind a clipping. Each fires on the slip and stays silent on the correct program."""

import json

import numpy as np
import pytest
from click.testing import CliRunner

from parity.cli import cli

SIGMOID_NUMPY = """import numpy as np

class Net:
    def __init__(self):
        rng = np.random.default_rng(0)
        self.W1 = rng.normal(0.0, 0.5, (5, 8))
        self.b1 = np.zeros(8)
        self.W2 = rng.normal(0.0, 0.5, (8, 1))
        self.b2 = np.zeros(1)

    def train_step(self, X, y):
        n = len(X)
        h = np.tanh(X @ self.W1 + self.b1)
        p = 1.0 / (1.0 + np.exp(-(h @ self.W2 + self.b2)))
        loss = -np.mean(y * np.log(p) + (1 - y) * np.log(1 - p))
        dz = (p - y) * {extra} / n
        dh = dz @ self.W2.T
        {hidden}
        self.W2 -= 0.5 * h.T @ dz
        self.b2 -= 0.5 * dz.sum(axis=0)
        self.W1 -= 0.5 * X.T @ dz1
        self.b1 -= 0.5 * dz1.sum(axis=0)
        return loss
"""

LOGITS_PORT = """import torch
import torch.nn.functional as F
from torch import nn

class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc1 = nn.Linear(5, 8)
        self.fc2 = nn.Linear(8, 1)

    def forward(self, X):
        return self.fc2(torch.tanh(self.fc1(X)))

def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=0.5)

def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.binary_cross_entropy_with_logits(model(X), y)
    loss.backward()
    optimizer.step()
    return loss.item()
"""

STANDARDISED_NUMPY = """import numpy as np

class WS:
    def __init__(self):
        rng = np.random.default_rng(0)
        self.W = rng.normal(0.0, 0.5, (6, 5))
        self.b = np.zeros(5)

    def train_step(self, X, y):
        n = len(X)
        mu = self.W.mean(axis=0, keepdims=True)
        s = np.sqrt(self.W.var(axis=0, keepdims=True) + 1e-5)
        w_hat = (self.W - mu) / s
        out = X @ w_hat + self.b
        loss = np.mean((out - y) ** 2)
        dout = 2.0 * (out - y) / out.size
        dw_hat = X.T @ dout
        dW = (dw_hat - dw_hat.mean(axis=0, keepdims=True) - {term}) / s
        self.W -= 0.1 * dW
        self.b -= 0.1 * dout.sum(axis=0)
        return loss
"""

STANDARDISED_PORT = """import torch
from torch import nn

class WS(nn.Module):
    def __init__(self):
        super().__init__()
        self.W = nn.Parameter(torch.randn(6, 5))
        self.b = nn.Parameter(torch.zeros(5))

    def forward(self, X):
        mu = self.W.mean(dim=0, keepdim=True)
        s = torch.sqrt(self.W.var(dim=0, unbiased=False, keepdim=True) + 1e-5)
        return X @ ((self.W - mu) / s) + self.b

def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=0.1)

def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = ((model(X) - y) ** 2).mean()
    loss.backward()
    optimizer.step()
    return loss.item()
"""

SOFTMAX_NUMPY = """import numpy as np

class Soft:
    def __init__(self):
        rng = np.random.default_rng(0)
        self.W = rng.normal(0.0, 0.5, (6, 4))
        self.b = np.zeros(4)

    def train_step(self, X, y):
        n = len(X)
        z = X @ self.W + self.b
        e = np.exp(z - z.max(axis=1, keepdims=True))
        p = e / e.sum(axis={axis}, keepdims=True)
        labels = y.astype(int).ravel()
        loss = -np.mean(np.log(p[np.arange(n), labels])) + 0.1 * np.sum(z.mean(axis=0) ** 2)
        dz = p.copy()
        dz[np.arange(n), labels] -= 1.0
        dz /= n
        dout = dz + {gain} * 2.0 * z.mean(axis=0) / n
        self.W -= 0.5 * X.T @ dout
        self.b -= 0.5 * dout.sum(axis=0)
        return loss
"""

SOFTMAX_PORT = """import torch
import torch.nn.functional as F
from torch import nn

class Soft(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(6, 4)

    def forward(self, X):
        return self.fc(X)

def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=0.5)

def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    z = model(X)
    loss = F.cross_entropy(z, y.long().view(-1)) + 0.1 * (z.mean(dim=0) ** 2).sum()
    loss.backward()
    optimizer.step()
    return loss.item()
"""


GAIN_NUMPY = """import numpy as np

class Gain:
    def __init__(self):
        rng = np.random.default_rng(0)
        self.V = rng.normal(0.0, 0.5, (6, 4))
        self.b = np.zeros(4)
        self.m = {"V": np.zeros((6, 4)), "b": np.zeros(4)}
        self.v = {"V": np.zeros((6, 4)), "b": np.zeros(4)}
        self.t = 0

    def train_step(self, X, y):
        alpha = np.abs(self.V).mean(axis=0, keepdims=True)
        out = X @ (self.V * alpha) + self.b
        loss = np.mean((out - y) ** 2)
        dout = 2.0 * (out - y) / out.size
        grads = {"V": (X.T @ dout) * {gain}, "b": dout.sum(axis=0)}
        self.t += 1
        for k, g in grads.items():
            self.m[k] = 0.9 * self.m[k] + 0.1 * g
            self.v[k] = 0.999 * self.v[k] + 0.001 * g * g
            m_hat = self.m[k] / (1 - 0.9 ** self.t)
            v_hat = self.v[k] / (1 - 0.999 ** self.t)
            getattr(self, k)[...] -= 0.01 * m_hat / (np.sqrt(v_hat) + 1e-8)
        return loss
"""

GAIN_PORT = """import torch
from torch import nn

class Gain(nn.Module):
    def __init__(self):
        super().__init__()
        self.V = nn.Parameter(torch.randn(6, 4))
        self.b = nn.Parameter(torch.zeros(4))

    def forward(self, X):
        alpha = self.V.abs().mean(dim=0, keepdim=True).detach()
        return X @ (self.V * alpha) + self.b

def make_optimizer(model):
    return torch.optim.Adam(model.parameters(), lr=0.01)

def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = ((model(X) - y) ** 2).mean()
    loss.backward()
    optimizer.step()
    return loss.item()
"""

CLIPPED_NUMPY = """import numpy as np

class Clipped:
    def __init__(self):
        self.W, self.b = np.random.default_rng(0).normal(0.0, 0.5, (4, 2)), np.zeros(2)
        self.velocity = {"W": np.zeros((4, 2)), "b": np.zeros(2)}

    def train_step(self, X, y):
        r = X @ self.W + self.b - y
        d = {delta}
        grads = {"W": X.T @ d, "b": d.sum(axis=0)}
        norm = np.sqrt(sum(np.sum(g * g) for g in grads.values()))
        for k, g in grads.items():
            g = g * min(1.0, 0.5 / (norm + 1e-6))
            self.velocity[k] = 0.9 * self.velocity[k] + g
            getattr(self, k)[...] -= 0.05 * self.velocity[k]
        return np.mean(r ** 2)
"""

CLIPPED_PORT = """import torch
import torch.nn.functional as F
from torch import nn

class Clipped(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(4, 2)

    def forward(self, X):
        return self.fc(X)

def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=0.05, momentum=0.9)

def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.mse_loss(model(X), y)
    loss.backward()
    torch.nn.utils.clip_grad_norm_(model.parameters(), max_norm=0.5)
    optimizer.step()
    return loss.item()
"""


QUANT_NUMPY = """import numpy as np

class Quant:
    def __init__(self):
        rng = np.random.default_rng(0)
        self.W1 = rng.normal(0.0, 0.6, (5, 8))
        self.b1 = np.full(8, 0.3)
        self.W2 = rng.normal(0.0, 0.5, (8, 1))
        self.b2 = np.zeros(1)

    def train_step(self, X, y):
        n = len(X)
        z = X @ self.W1 + self.b1
        a = np.clip(z, 0.0, 1.0)
        q = np.round(a * 3.0) / 3.0
        out = q @ self.W2 + self.b2
        loss = np.mean((out - y) ** 2)
        dout = 2.0 * (out - y) / n
        dz = (dout @ self.W2.T) * ((z > 0.0) & (z < 1.0))
        self.W2 -= 0.1 * q.T @ dout
        self.b2 -= 0.1 * dout.sum(axis=0)
        self.W1 -= 0.1 * X.T @ dz
        self.b1 -= 0.1 * dz.sum(axis=0)
        return loss
"""

QUANT_PORT = """import torch
from torch import nn

class Quant(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc1 = nn.Linear(5, 8)
        self.fc2 = nn.Linear(8, 1)

    def forward(self, X):
        z = self.fc1(X)
        a = torch.clamp(z, 0.0, 1.0)
        q = {ste} + (torch.round(a * 3.0) / 3.0 - {ste}).detach()
        return self.fc2(q)

def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=0.1)

def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = ((model(X) - y) ** 2).mean()
    loss.backward()
    optimizer.step()
    return loss.item()
"""


def _check(tmp_path, numpy_text: str, port_text: str, name: str, data: dict, pairs: list[str],
           *extra: str) -> tuple[int, list[dict]]:
    np.savez(tmp_path / "data.npz", **data)
    (tmp_path / "mine_numpy.py").write_text(numpy_text)
    (tmp_path / "mine_torch.py").write_text(port_text)
    report = tmp_path / "r.json"
    result = CliRunner().invoke(cli, [
        "check", f"{tmp_path}/mine_numpy.py:{name}", "--torch", f"{tmp_path}/mine_torch.py:{name}", "--as-written",
        "--init", f"net = {name}()", "--data", str(tmp_path / "data.npz"), "--steps", "3", "--json", str(report), "--quiet",
        *(a for p in pairs for a in ("--param", p)), *extra])
    return result.exit_code, (json.loads(report.read_text())["diagnosis"] if result.exit_code == 1 else [])


def _rows(columns: int, seed: int = 3) -> np.ndarray:
    return np.random.default_rng(seed).normal(size=(32, columns))


@pytest.mark.parametrize("extra, hidden, words", [
    ("1.0", "dz1 = dh * (1 - h ** 2)", None),
    ("p * (1 - p)", "dz1 = dh * (1 - h ** 2)", ("one chain-rule factor too many", "sigmoid's derivative")),
    ("1.0", "dz1 = dh", ("chain rule's step through it left out", "1 - tanh(z)²", "times 0.5")),
])
def test_an_activations_derivative_once_too_often_or_left_out_is_measured(tmp_path, extra, hidden, words):
    X = _rows(5)
    code, diagnosis = _check(tmp_path, SIGMOID_NUMPY.format(extra=extra, hidden=hidden), LOGITS_PORT, "Net",
                             {"X": X, "y": (X[:, :1] - X[:, 1:2] > 0).astype(float)},
                             ["W1=fc1.weight.T", "b1=fc1.bias", "W2=fc2.weight.T", "b2=fc2.bias"])
    assert code == (0 if words is None else 1)
    if words:
        assert diagnosis[0]["name"] == "numpy-backward" and diagnosis[0]["evidence"]["side"] == "numpy"
        assert all(w in diagnosis[0]["explanation"] for w in words), diagnosis[0]["explanation"]


@pytest.mark.parametrize("term", ["w_hat * (dw_hat * w_hat).mean(axis=0, keepdims=True)", "0.0"])
def test_a_standardised_weights_deviation_held_constant_in_its_backward_is_a_statistics_term_left_out(tmp_path, term):
    X = _rows(6)
    code, diagnosis = _check(tmp_path, STANDARDISED_NUMPY.format(term=term), STANDARDISED_PORT, "WS",
                             {"X": X, "y": 0.5 * X[:, :5]}, ["W=W", "b=b"])
    assert code == (0 if term != "0.0" else 1)
    if term == "0.0":
        # the port stepped again with the deviation detached steps as the NumPy program: its term is left out
        assert diagnosis[0]["name"] == "detached-value" and diagnosis[0]["evidence"]["side"] == "numpy", diagnosis[0]
        assert "statistic" in diagnosis[0]["explanation"] and "[sqrt" in diagnosis[0]["explanation"]


@pytest.mark.parametrize("axis, gain, words", [
    (1, 0.1, None),
    (0, 0.1, "is a distribution along axis 0"),
    (1, 1.0, "weighted 0.1 times"),
])
def test_a_softmax_over_the_batch_and_a_penaltys_weight_left_out_of_its_gradient_are_read(tmp_path, axis, gain, words):
    X = _rows(6)
    labels = np.argmax(X[:, :4] + 0.3 * np.random.default_rng(4).normal(size=(32, 4)), axis=1)
    code, diagnosis = _check(tmp_path, SOFTMAX_NUMPY.format(axis=axis, gain=gain), SOFTMAX_PORT, "Soft",
                             {"X": X, "y": labels.astype(float)[:, None]}, ["W=fc.weight.T", "b=fc.bias"])
    assert code == (0 if words is None else 1)
    if words:
        assert words in diagnosis[0]["explanation"], diagnosis[0]["explanation"]


@pytest.mark.parametrize("gain", ["alpha", "1.0"])
def test_a_per_unit_gain_left_out_of_a_weights_gradient_is_read_from_adams_moments(tmp_path, gain):
    """W = V·α (α the mean |V| per column, held constant): dV = (X.T @ d)·α. Adam's first update, lr·sign(g), hides
    a positive factor per entry, so the parameters agree and the first moment parts."""
    X = _rows(6)
    code, diagnosis = _check(tmp_path, GAIN_NUMPY.replace("{gain}", gain), GAIN_PORT, "Gain", {"X": X, "y": 0.5 * X[:, :4]},
                             ["V=V", "b=b"])
    assert code == (0 if gain == "alpha" else 1)
    if gain == "1.0":  # α held constant on both sides: neither gradient is the loss's derivative, no side is said
        assert "side" not in diagnosis[0]["evidence"] and diagnosis[0]["evidence"]["oracle"] == "none", diagnosis[0]
        assert "divided by one number per column, the port's [mean (1, 4)] times 10" in diagnosis[0]["explanation"]


@pytest.mark.parametrize("scale, said", [(1.0, None), (0.5, "times 2"), (2.0, "before its clipping, are 2 times")])
def test_a_gradient_of_another_size_behind_a_clipping_is_read_as_its_size_not_as_a_clipping(tmp_path, scale, said):
    """d = 2r/len(r) where the port's mean runs over every element (y's 2 columns): twice the gradient, which the
    clipping hides wherever both clip; on slow data the backward pass shows it at once, on fast data only the
    gradients before the NumPy program's clipping do."""
    X = np.random.default_rng(7).normal(size=(24, 4))
    y = X[:, :2] * max(scale, 0.5) + 0.05 * np.random.default_rng(8).normal(size=(24, 2))
    delta = "2 * r / r.size" if said is None else "2 * r / len(r)"
    code, diagnosis = _check(tmp_path, CLIPPED_NUMPY.replace("{delta}", delta), CLIPPED_PORT, "Clipped", {"X": X, "y": y},
                             ["W=fc.weight.T", "b=fc.bias"], "--dtype", "float32", "--steps", "30")
    assert code == (0 if said is None else 1)
    if said:
        assert diagnosis[0]["name"] != "gradient-clipping" and said in diagnosis[0]["explanation"], diagnosis[0]


@pytest.mark.parametrize("ste", ["a", "z"])
def test_a_straight_through_estimator_on_the_unclamped_value_is_the_ports_and_said_so(tmp_path, ste):
    """The NumPy program masks the estimator's gradient where its clip bites; a port that writes z + (q - z).detach()
    on the unclamped z lets it through there. The port's side is named, not the NumPy program's."""
    X = _rows(5)
    code, diagnosis = _check(tmp_path, QUANT_NUMPY, QUANT_PORT.replace("{ste}", ste), "Quant", {"X": X, "y": 0.5 * X[:, :1]},
                             ["W1=fc1.weight.T", "b1=fc1.bias", "W2=fc2.weight.T", "b2=fc2.bias"], "--dtype", "float32")
    assert code == (0 if ste == "a" else 1)
    if ste == "z":
        assert diagnosis[0]["name"] == "port-gradient" and diagnosis[0]["evidence"]["side"] == "torch", diagnosis[0]
        assert "the port passes the gradient through" in diagnosis[0]["explanation"]


GATED_NUMPY = """import numpy as np

class Gate:
    def __init__(self):
        rng = np.random.default_rng(1)
        self.W = rng.normal(0.0, 0.5, (5, 3))
        self.V = rng.normal(0.0, 1.0, (3, 2))

    def train_step(self, X, y):
        z = X @ self.W
        e = np.exp(z - z.max(axis=1, keepdims=True))
        p = e / e.sum(axis=1, keepdims=True)
        out = p @ self.V
        loss = ((out - y) ** 2).mean()
        dout = 2.0 * (out - y) / out.size
        dp = dout @ self.V.T
        dz = {dz}
        dV, dW = p.T @ dout, X.T @ dz
        norm = np.sqrt((dV ** 2).sum() + (dW ** 2).sum())
        scale = min(1.0, 0.05 / (norm + 1e-6))
        self.V -= 0.5 * scale * dV
        self.W -= 0.5 * scale * dW
        return loss
"""

GATED_PORT = """import torch
import torch.nn as nn

class Gate(nn.Module):
    def __init__(self):
        super().__init__()
        self.W = nn.Parameter(torch.zeros(5, 3))
        self.V = nn.Parameter(torch.zeros(3, 2))

    def forward(self, X):
        return torch.softmax(X @ self.W, dim=1) @ self.V

def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=0.5)

def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = ((model(X) - y) ** 2).mean()
    loss.backward()
    torch.nn.utils.clip_grad_norm_([model.V, model.W], 0.05)
    optimizer.step()
    return loss.item()
"""


@pytest.mark.parametrize("dz, words", [
    ("p * (dp - (p * dp).sum(axis=1, keepdims=True))", None),
    ("p * (1 - p) * dp", ("the diagonal of the softmax's Jacobian", "cross terms")),
])
def test_a_softmaxs_jacobian_cut_to_its_diagonal_behind_a_clipping_is_read(tmp_path, dz, words):
    """A softmax gate's backward written as σ's p(1 - p), with a global-norm clipping after it: the reading starts at
    the gate's own gradient, not at the last gradient the norm sums."""
    X = _rows(5)
    code, diagnosis = _check(tmp_path, GATED_NUMPY.format(dz=dz), GATED_PORT, "Gate",
                             {"X": X, "y": np.stack([X[:, 0] - X[:, 1], X[:, 2]], axis=1)}, ["W=W", "V=V"])
    assert code == (0 if words is None else 1)
    if words:
        assert diagnosis[0]["name"] == "numpy-backward" and diagnosis[0]["evidence"]["side"] == "numpy", diagnosis[0]
        assert diagnosis[0]["evidence"]["parameter"] == "W", diagnosis[0]
        assert all(w in diagnosis[0]["explanation"] for w in words), diagnosis[0]["explanation"]


TOGETHER_NUMPY = """import numpy as np

class Together:
    def __init__(self):
        rng = np.random.default_rng(2)
        self.W1 = rng.normal(0.0, 0.5, (5, 8))
        self.b1 = np.zeros(8)
        self.W2 = rng.normal(0.0, 0.5, (8, 2))
        self.b2 = np.zeros(2)
        self.v = {{name: np.zeros_like(getattr(self, name)) for name in ("W1", "b1", "W2", "b2")}}

    def train_step(self, X, y):
        h = np.tanh(X @ self.W1 + self.b1)
        out = h @ self.W2 + self.b2
        loss = ((out - y) ** 2).mean()
        dout = 2.0 * (out - y) / out.size
        dh = dout @ self.W2.T
        dz1 = {dz1}
        grads = {{"W1": X.T @ dz1, "b1": dz1.sum(axis=0), "W2": h.T @ dout, "b2": dout.sum(axis=0)}}
        norm = np.sqrt(sum((g ** 2).sum() for g in grads.values()))
        scale = min(1.0, 0.05 / (norm + 1e-6))
        for name, g in grads.items():
            self.v[name] = 0.9 * self.v[name] + scale * g
            setattr(self, name, getattr(self, name) - 0.5 * self.v[name])
        return loss
"""

TOGETHER_PORT = """import torch
import torch.nn as nn

class Together(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc1 = nn.Linear(5, 8)
        self.fc2 = nn.Linear(8, 2)

    def forward(self, X):
        return self.fc2(torch.tanh(self.fc1(X)))

def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=0.5, momentum=0.9)

def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = ((model(X) - y) ** 2).mean()
    loss.backward()
    torch.nn.utils.clip_grad_norm_(model.parameters(), 0.05)
    optimizer.step()
    return loss.item()
"""


@pytest.mark.parametrize("dz1, read", [
    ("dh * (1 - h ** 2)", None),
    ("dh", "the slipped layer"),
    ("0.5 * dh * (1 - h ** 2)", "two groups"),
])
def test_gradients_clipped_together_are_read_where_they_part_not_where_they_are_only_scaled(tmp_path, dz1, read):
    """Behind a global-norm clipping every gradient takes the factor of the norm the slip changed: the output layer's
    are only scaled and its backward is not read; a slip that scales one layer alike is said as two groups."""
    X = _rows(5)
    code, diagnosis = _check(tmp_path, TOGETHER_NUMPY.format(dz1=dz1), TOGETHER_PORT, "Together",
                             {"X": X, "y": np.stack([X[:, 0] * X[:, 1], X[:, 2]], axis=1)},
                             ["W1=fc1.weight.T", "b1=fc1.bias", "W2=fc2.weight.T", "b2=fc2.bias"],
                             "--state", "momentum_buffer=net.v")
    assert code == (0 if read is None else 1)
    if read == "the slipped layer":
        assert diagnosis[0]["evidence"].get("side") == "numpy", diagnosis[0]
        assert diagnosis[0]["evidence"]["parameter"] in ("W1", "b1"), diagnosis[0]
        assert set(diagnosis[0]["evidence"].get("scaled", ())) == {"W2", "b2"}, diagnosis[0]
    if read == "two groups":
        groups = next(f for f in diagnosis if "groups" in f["evidence"])
        assert sorted(map(sorted, groups["evidence"]["groups"])) == [["W1", "b1"], ["W2", "b2"]], groups
        assert "by 0.5 against the other" in groups["explanation"] or "by 2 against the other" in groups["explanation"]


ROW_WEIGHTED_NUMPY = """import numpy as np

class Net:
    def __init__(self):
        self.W = np.random.default_rng(0).normal(0.0, 0.5, (5, 4))

    def train_step(self, X, y):
        n = len(X)
        z = X @ self.W
        e = np.exp(z - z.max(axis=1, keepdims=True))
        p = e / e.sum(axis=1, keepdims=True)
        onehot = np.eye(4)[y.astype(int)]
        py = p[np.arange(n), y.astype(int)]
        loss = np.mean(-np.log(py) + 2.0 * (1.0 - py))
        dz = ((p - onehot) + 2.0 * {factor}(p - onehot)) / n
        self.W -= 0.1 * X.T @ dz
        return loss
"""

ROW_WEIGHTED_PORT = """import torch
import torch.nn.functional as F
from torch import nn

class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(5, 4, bias=False)

def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=0.1)

def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    p = F.softmax(model.fc(X), dim=1)
    py = p.gather(1, y.long()[:, None])[:, 0]
    loss = (-torch.log(py) + 2.0 * (1.0 - py)).mean()
    loss.backward()
    optimizer.step()
    return loss.item()
"""


@pytest.mark.parametrize("factor, words", [("py[:, None] * ", None),
                                           ("", "times one number per row, the NumPy program's own [getitem")])
def test_a_terms_factor_per_row_left_out_of_its_derivative_is_read_as_the_programs_own_value(tmp_path, factor, words):
    X = _rows(5)
    data = {"X": X, "y": np.argmax(X[:, :4], axis=1).astype(np.float64)}
    code, found = _check(tmp_path, ROW_WEIGHTED_NUMPY.replace("{factor}", factor), ROW_WEIGHTED_PORT, "Net", data, ["W=fc.weight.T"])
    if words is None:
        assert code == 0, found
        return
    assert code == 1 and words in found[0]["explanation"], found[0]["explanation"]
