"""Two forward passes that part by a term one side adds and the other never computes (a Bernoulli KL's complement
left out of a sparsity penalty, on either side), and soft targets made by hand from class labels read against a
port's label_smoothing. Each reading fires on its slip and stays silent where both programs compute the same."""

import json

import numpy as np
import pytest
from click.testing import CliRunner

from parity.cli import cli

SPARSE_NUMPY = """import numpy as np

class Net:
    def __init__(self):
        rng = np.random.default_rng(0)
        self.W1 = rng.normal(0.0, 0.5, (5, 6))
        self.b1 = np.zeros(6)
        self.W2 = rng.normal(0.0, 0.5, (6, 1))
        self.b2 = np.zeros(1)

    def train_step(self, X, y):
        n = len(X)
        h = 1.0 / (1.0 + np.exp(-(X @ self.W1 + self.b1)))
        out = h @ self.W2 + self.b2
        rho_hat = h.mean(axis=0)
        kl = np.sum(0.1 * np.log(0.1 / rho_hat){complement})
        loss = np.mean((out - y) ** 2) + 0.5 * kl
        dout = 2 * (out - y) / n
        dh = dout @ self.W2.T + 0.5 * (-0.1 / rho_hat{complement_grad}) / n
        dz = dh * h * (1 - h)
        self.W2 -= 0.1 * h.T @ dout
        self.b2 -= 0.1 * dout.sum(axis=0)
        self.W1 -= 0.1 * X.T @ dz
        self.b1 -= 0.1 * dz.sum(axis=0)
        return loss
"""
COMPLEMENT = " + 0.9 * np.log(0.9 / (1.0 - rho_hat))", " + 0.9 / (1.0 - rho_hat)"

SPARSE_PORT = """import torch
from torch import nn

class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc1 = nn.Linear(5, 6)
        self.fc2 = nn.Linear(6, 1)

def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=0.1)

def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    h = torch.sigmoid(model.fc1(X))
    rho_hat = h.mean(dim=0)
    kl = 0.1 * torch.log(0.1 / rho_hat){complement}
    loss = ((model.fc2(h) - y) ** 2).mean() + 0.5 * kl.sum()
    loss.backward()
    optimizer.step()
    return loss.item()
"""
PORT_COMPLEMENT = " + 0.9 * torch.log(0.9 / (1 - rho_hat))"
SPARSE_PAIRS = ["W1=fc1.weight.T", "b1=fc1.bias", "W2=fc2.weight.T", "b2=fc2.bias"]

SMOOTHED_NUMPY = """import numpy as np

class Net:
    def __init__(self):
        rng = np.random.default_rng(0)
        self.W = rng.normal(0.0, 0.5, (5, 4))
        self.b = np.zeros(4)

    def train_step(self, X, y):
        n, k = len(X), 4
        z = X @ self.W + self.b
        e = np.exp(z - z.max(axis=1, keepdims=True))
        p = e / e.sum(axis=1, keepdims=True)
        targets = np.eye(k)[y.astype(int)] * {on} + {off}
        loss = -np.mean(np.sum(targets * np.log(p), axis=1))
        dz = (p - targets) / n
        self.W -= 0.5 * X.T @ dz
        self.b -= 0.5 * dz.sum(axis=0)
        return loss
"""

SMOOTHED_PORT = """import torch
import torch.nn.functional as F
from torch import nn

class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(5, 4)

def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=0.5)

def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.cross_entropy(model.fc(X), y.long(), label_smoothing=0.1)
    loss.backward()
    optimizer.step()
    return loss.item()
"""


def _check(tmp_path, numpy_text: str, port_text: str, data: dict, pairs: list[str]) -> tuple[int, str]:
    np.savez(tmp_path / "data.npz", **data)
    (tmp_path / "mine_numpy.py").write_text(numpy_text)
    (tmp_path / "mine_torch.py").write_text(port_text)
    report = tmp_path / "r.json"
    result = CliRunner().invoke(cli, [
        "check", f"{tmp_path}/mine_numpy.py:Net", "--torch", f"{tmp_path}/mine_torch.py:Net", "--as-written",
        "--init", "net = Net()", "--data", str(tmp_path / "data.npz"), "--steps", "3", "--json", str(report), "--quiet",
        *(a for p in pairs for a in ("--param", p))])
    said = json.loads(report.read_text())["diagnosis"][0]["explanation"] if result.exit_code == 1 else ""
    return result.exit_code, said


def _regression() -> dict:
    X = np.random.default_rng(3).normal(size=(32, 5))
    return {"X": X, "y": np.tanh(X[:, :1] - X[:, 1:2])}


@pytest.mark.parametrize("numpy_has, port_has, words", [
    (True, True, None),
    (True, False, "a term of that sum left out of the port"),
    (False, True, "a term of that sum left out of the NumPy program"),
])
def test_a_term_one_side_adds_and_the_other_never_computes_is_written_out(tmp_path, numpy_has, port_has, words):
    term, gradient = COMPLEMENT if numpy_has else ("", "")
    numpy_text = SPARSE_NUMPY.replace("{complement}", term).replace("{complement_grad}", gradient)
    port_text = SPARSE_PORT.replace("{complement}", PORT_COMPLEMENT if port_has else "")
    code, said = _check(tmp_path, numpy_text, port_text, _regression(), SPARSE_PAIRS)
    if words is None:
        assert code == 0, said
        return
    assert code == 1 and words in said, said
    assert "log(0.9 / (1 − [mean (6,)]))" in said, said  # the term written out as the side computes it


def test_a_term_added_otherwise_on_both_sides_is_no_term_left_out(tmp_path):
    numpy_text = SPARSE_NUMPY.replace("{complement}", COMPLEMENT[0]).replace("{complement_grad}", COMPLEMENT[1])
    port_text = SPARSE_PORT.replace("{complement}", " + 0.5 * torch.log(0.9 / (1 - rho_hat))")
    code, said = _check(tmp_path, numpy_text, port_text, _regression(), SPARSE_PAIRS)
    assert code == 1 and "left out of" not in said, said


@pytest.mark.parametrize("on, off, words", [
    ("0.9", "0.1 / 4", None),  # torch's own smoothing: (1 - ε)·onehot + ε/K
    ("0.9", "(1 - np.eye(k)[y.astype(int)]) * 0.1 / 3", ("0.9 at each row's label and 0.0333333", "ε/(K - 1)",
                                                          "0.925 at the label, 0.025 at each other class")),
])
def test_labels_smoothed_by_hand_are_read_against_the_ports_label_smoothing(tmp_path, on, off, words):
    X = np.random.default_rng(4).normal(size=(32, 5))
    data = {"X": X, "y": np.argmax(X[:, :4], axis=1).astype(np.float64)}
    numpy_text = SMOOTHED_NUMPY.replace("{on}", on).replace("{off}", off)
    code, said = _check(tmp_path, numpy_text, SMOOTHED_PORT, data, ["W=fc.weight.T", "b=fc.bias"])
    if words is None:
        assert code == 0, said
        return
    # read from the targets as the NumPy program builds them, or by calling the port's loss again with ε·K/(K - 1)
    assert code == 1 and (all(w in said for w in words) or "label_smoothing=0.1333" in said and words[1] in said), said


WEIGHTED_NUMPY = """import numpy as np

class Net:
    def __init__(self):
        self.W = np.random.default_rng(0).normal(0.0, 0.5, (5, 1))

    def train_step(self, X, y):
        f = {weight}
        r = (X @ self.W)[:, 0] - y[:, 0]
        self.W -= 0.05 * X.T @ (2 * f * r / len(X))[:, None]
        return float(np.mean(f * r ** 2))
"""

WEIGHTED_PORT = """import torch
from torch import nn

class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(5, 1, bias=False)

def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=0.05)

def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    f = (X[:, 0] ** 2 / 10) ** 0.75
    loss = (f * (model.fc(X)[:, 0] - y[:, 0]) ** 2).mean()
    loss.backward()
    optimizer.step()
    return loss.item()
"""


@pytest.mark.parametrize("weight, words", [("(X[:, 0] ** 2 / 10) ** 0.75", None),
                                           ("X[:, 0] ** 2 / 10 ** 0.75", "5.62341 is 10^0.75, the power 0.75 applied to the number alone")])
def test_a_power_bound_to_the_divisor_alone_is_read_from_the_numbers(tmp_path, weight, words):
    code, said = _check(tmp_path, WEIGHTED_NUMPY.replace("{weight}", weight), WEIGHTED_PORT, _regression(), ["W=fc.weight.T"])
    if words is None:
        assert code == 0, said
        return
    assert code == 1 and words in said, said


@pytest.mark.parametrize("logits, words", [("F.log_softmax(model.fc(X), dim=1)", None),
                                           ("model.fc(X)", "its input passed through log_softmax over the classes first")])
def test_raw_scores_handed_to_a_loss_that_takes_log_probabilities_are_read(tmp_path, logits, words):
    X = np.random.default_rng(4).normal(size=(32, 5))
    data = {"X": X, "y": np.argmax(X[:, :4], axis=1).astype(np.float64)}
    numpy_text = SMOOTHED_NUMPY.replace("{on}", "1.0").replace("{off}", "0.0")
    port_text = SMOOTHED_PORT.replace("F.cross_entropy(model.fc(X), y.long(), label_smoothing=0.1)", f"F.nll_loss({logits}, y.long())")
    code, said = _check(tmp_path, numpy_text, port_text, data, ["W=fc.weight.T", "b=fc.bias"])
    if words is None:
        assert code == 0, said
        return
    assert code == 1 and words in said, said


MASKED_NUMPY = """import numpy as np

class Net:
    def __init__(self):
        self.W = np.random.default_rng(0).normal(0.0, 0.5, (5, 1))

    def train_step(self, X, y):
        m = y[:, 1]
        pred = (X @ self.W)[:, 0]
        r = pred - y[:, 0]
        loss = np.sum(m * r ** 2) / np.sum(m) + 0.1 * np.mean(pred ** 2)
        d = 2 * m * r / np.sum(m) + 0.2 * pred / len(X)
        self.W -= 0.05 * X.T @ d[:, None]
        return float(loss)
"""

MASKED_PORT = """import torch
import torch.nn.functional as F
from torch import nn

class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(5, 1, bias=False)

def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=0.05)

def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    pred, keep = model.fc(X)[:, 0], y[:, 1] > 0
    loss = F.mse_loss({rows}) + 0.1 * (pred ** 2).mean()
    loss.backward()
    optimizer.step()
    return loss.item()
"""


@pytest.mark.parametrize("rows, words", [("pred[keep], y[keep, 0]", None),
                                         ("pred, y[:, 0]", "cut to the 24 of its 32 rows")])
def test_a_loss_over_every_row_where_the_other_side_masks_rows_is_read_from_the_mask(tmp_path, rows, words):
    data = _regression()
    data["y"] = np.column_stack([data["y"][:, 0], (np.arange(32) % 4 != 0).astype(np.float64)])
    code, said = _check(tmp_path, MASKED_NUMPY, MASKED_PORT.replace("{rows}", rows), data, ["W=fc.weight.T"])
    if words is None:
        assert code == 0, said
        return
    assert code == 1 and words in said, said


GELU_TANH_NUMPY = """import numpy as np

class Net:
    def __init__(self):
        rng = np.random.default_rng(0)
        self.W1, self.b1 = rng.normal(0, 0.3, (5, 12)), np.zeros(12)
        self.W2, self.b2 = rng.normal(0, 0.3, (12, 2)), np.zeros(2)
        self.lr = 0.01
        self.m = {}; self.v = {}; self.t = 0

    def train_step(self, X, y):
        z = X @ self.W1 + self.b1
        u = (2 / 3.141592653589793) ** 0.5 * (z + 0.044715 * z ** 3)
        t = np.tanh(u)
        h = 0.5 * z * (1 + t)
        out = h @ self.W2 + self.b2
        loss = np.mean((out - y) ** 2)
        d = 2 * (out - y) / y.size
        dh = d @ self.W2.T
        dz = dh * (0.5 * (1 + t) + 0.5 * z * (1 - t ** 2) * (2 / 3.141592653589793) ** 0.5 * (1 + 3 * 0.044715 * z ** 2))
        self.t += 1
        for name, g in (("W2", h.T @ d), ("b2", d.sum(0)), ("W1", X.T @ dz), ("b1", dz.sum(0))):
            self.m[name] = 0.9 * self.m.get(name, np.zeros_like(g)) + 0.1 * g
            self.v[name] = 0.999 * self.v.get(name, np.zeros_like(g)) + 0.001 * g * g
            mh, vh = self.m[name] / (1 - 0.9 ** self.t), self.v[name] / (1 - 0.999 ** self.t)
            setattr(self, name, getattr(self, name) - self.lr * mh / (np.sqrt(vh) + 1e-8))
        return float(loss)
"""

GELU_EXACT_PORT = """import torch
from torch import nn

class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc1, self.fc2 = nn.Linear(5, 12), nn.Linear(12, 2)
        self.act = nn.GELU()

    def forward(self, x):
        return self.fc2(self.act(self.fc1(x)))

def make_optimizer(model):
    return torch.optim.Adam(model.parameters(), lr=0.01)

def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = torch.mean((model(X) - y) ** 2)
    loss.backward()
    optimizer.step()
    return loss.item()
"""


def test_forwards_apart_below_the_losss_tolerance_are_read_before_a_backward_is_blamed(tmp_path):
    """A NumPy program with the tanh GELU (its backward right for it) against a port with the exact one: the losses
    agree within tolerance, an update parts, and the forward passes, traced in float64, part at the GELU."""
    (tmp_path / "net.py").write_text(GELU_TANH_NUMPY)
    (tmp_path / "port.py").write_text(GELU_EXACT_PORT)
    rng = np.random.default_rng(3)
    np.savez(tmp_path / "d.npz", X=rng.normal(size=(40, 5)), y=rng.normal(size=(40, 2)))
    path = tmp_path / "r.json"
    result = CliRunner().invoke(cli, ["check", f"{tmp_path}/net.py:Net", "--torch", f"{tmp_path}/port.py:Net", "--as-written",
                                      "--init", "net = Net()", "--data", str(tmp_path / "d.npz"), "--param", "W1=fc1.weight.T",
                                      "--param", "b1=fc1.bias", "--param", "W2=fc2.weight.T", "--param", "b2=fc2.bias",
                                      "--steps", "3", "--dtype", "float32", "--json", str(path)])
    assert result.exit_code == 1, result.output
    report = json.loads(path.read_text())
    assert report["first_failure"]["tensor"] != "loss", report["first_failure"]
    top = report["diagnosis"][0]
    assert top["name"] == "forward" and "forward passes part before the loss from step 1 on" in top["explanation"], top
    assert "gelu([linear (40, 12)], approximate='none')" in top["explanation"], top


NEGATED_MEAN_NUMPY = """import numpy as np

class Net:
    def __init__(self):
        self.W = np.random.default_rng(0).normal(0.0, 0.5, (5, 1)).astype(np.float32)
        self.b = np.zeros(1, np.float32)

    def train_step(self, X, y):
        p = 1 / (1 + np.exp(-(X @ self.W + self.b)))
        loss = -np.mean(y * np.log(p) + (1 - y) * np.log(1 - p))
        d = (p - y) / len(X) * {slip}
        self.W, self.b = self.W - 0.5 * (X.T @ d), self.b - 0.5 * d.sum(axis=0)
        return float(loss)
"""

NEGATED_MEAN_PORT = """import torch
from torch import nn

class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(5, 1)

def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=0.5)

def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    p = torch.sigmoid(model.fc(X))
    loss = -torch.mean(y * torch.log(p) + (1 - y) * torch.log(1 - p))
    loss.backward()
    optimizer.step()
    return loss.item()
"""


def test_a_backward_slip_under_a_negated_mean_is_no_forward_parting_in_a_float32_run(tmp_path):
    """The float64 trace is read only where the two losses part in float64: a float32 loss held against it met the
    mean before its negation (a ratio of -1) and read a parting that no forward has."""
    (tmp_path / "net.py").write_text(NEGATED_MEAN_NUMPY.replace("{slip}", "(1 + 0.5 * X[:, :1])"))  # a row factor too many
    (tmp_path / "port.py").write_text(NEGATED_MEAN_PORT)
    rng = np.random.default_rng(5)
    X = rng.normal(size=(24, 5)).astype(np.float32)
    np.savez(tmp_path / "d.npz", X=X, y=(X[:, :1] > 0).astype(np.float32))
    path = tmp_path / "r.json"
    result = CliRunner().invoke(cli, ["check", f"{tmp_path}/net.py:Net", "--torch", f"{tmp_path}/port.py:Net", "--as-written",
                                      "--init", "net = Net()", "--data", str(tmp_path / "d.npz"), "--param", "W=fc.weight.T",
                                      "--param", "b=fc.bias", "--steps", "3", "--dtype", "float32", "--json", str(path)])
    assert result.exit_code == 1, result.output
    report = json.loads(path.read_text())
    assert report["first_failure"]["tensor"] != "loss", report["first_failure"]
    assert "forward passes part before the loss" not in report["diagnosis"][0]["explanation"], report["diagnosis"][0]


def test_a_sum_the_port_makes_another_way_one_number_per_row_apart_is_no_term_left_out():
    """max + log Σ exp(h - max) on one side, logsumexp(h) of its own on the other: the max is carried on as it is
    (into a concatenation) on both sides, and the port's own log-sum-exp is the NumPy sum less log n per row."""
    from parity.diagnosis.term_alone import term_alone
    from tests.test_trace_readings import values
    rng = np.random.default_rng(6)
    h, n = rng.normal(size=(8, 5, 3)), rng.integers(1, 6, size=(8, 1)).astype(float)
    m = h.max(axis=1)
    term = np.log(np.exp(h - m[:, None]).sum(axis=1)) - np.log(n)
    mine = values(("X", h, (), ""), ("max", m, (0,), ""), ("log", term, ("?",), ""), ("add", m + term, (1, 2), ""),
                  ("concatenate", np.hstack([m, m + term]), (1, 3), ""))
    own = values(("X", h, (), ""), ("max", m, (0,), ""), ("logsumexp", m + term + np.log(n), (0,), ""),
                 ("cat", np.hstack([m, m + term + np.log(n)]), (1, 2), ""))
    agreed = {0: own.values[0], 1: own.values[1]}
    assert term_alone(mine.values[2:], own.values[2:], agreed, (mine, own), 1e-9) == ""
    alone = values(("X", h, (), ""), ("max", m, (0,), ""), ("cat", np.hstack([m, m]), (1, 1), ""))
    said = term_alone(mine.values[2:], alone.values[2:], {0: alone.values[0], 1: alone.values[1]}, (mine, alone), 1e-9)
    assert "left out of the port" in said, said
