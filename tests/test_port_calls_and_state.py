"""Readings of a port's loss call past a squeeze, a sibling loss called in its place, a sparse adjacency the port multiplies
by, and a NumPy weight decay whose sign is flipped against the port's own weight_decay."""

import json
import textwrap

import numpy as np
import pytest
from click.testing import CliRunner

from parity.cli import cli

NUMPY = """
import numpy as np

class Reg:
    def __init__(self):
        rng = np.random.default_rng(0)
        self.W1, self.b1 = rng.normal(0, 0.5, (5, 8)), np.zeros(8)
        self.W2, self.b2 = rng.normal(0, 0.5, (8, 1)), np.zeros(1)
        self.velocity = {k: np.zeros_like(getattr(self, k)) for k in ("W1", "b1", "W2", "b2")}

    def train_step(self, X, y):
        h = np.tanh(X @ self.W1 + self.b1)
        r = (h @ self.W2 + self.b2)[:, 0] - y
        LOSS
        dout = DOUT[:, None] / len(y)
        dh = (dout @ self.W2.T) * (1 - h ** 2)
        grads = {"W2": h.T @ dout, "b2": dout.sum(axis=0), "W1": X.T @ dh, "b1": dh.sum(axis=0)}
        for k, g in grads.items():
            self.velocity[k] = 0.9 * self.velocity[k] + g DECAY * getattr(self, k)
            setattr(self, k, getattr(self, k) - 0.05 * self.velocity[k])
        return loss
"""

PORT = """
import torch
from torch import nn
import torch.nn.functional as F

class Reg(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc1, self.fc2 = nn.Linear(5, 8), nn.Linear(8, 1)

    def forward(self, X):
        return self.fc2(torch.tanh(self.fc1(X)))

def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=0.05, momentum=0.9, weight_decay=WD)

def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = LOSS
    loss.backward()
    optimizer.step()
    return loss
"""

# two terms: a loss of one term alone is read at the loss itself (its ratio, its function)
L1 = ("loss = np.abs(r).mean() + 0.1 * (r ** 2).mean()", "(np.sign(r) + 0.2 * r)")
SQUARE = " + 0.1 * ((model(X).squeeze(-1) - y) ** 2).mean()"
MSE = ("loss = (r ** 2).mean()", "2 * r")


def _top(tmp_path, numpy_loss: tuple[str, str], port_loss: str, decay: str = "+ 0.0", port_decay: str = "0.0",
         zeroed: bool = True, optimizer: str = "") -> dict | None:
    (tmp_path / "reg.py").write_text(textwrap.dedent(NUMPY.replace("LOSS", numpy_loss[0]).replace("DOUT", numpy_loss[1])
                                                     .replace("DECAY", decay)))
    port = PORT.replace("LOSS", port_loss).replace("WD", port_decay)
    port = port if zeroed else port.replace("optimizer.zero_grad()", "pass")
    port = port.replace("torch.optim.SGD(model.parameters(), lr=0.05, momentum=0.9", optimizer) if optimizer else port
    (tmp_path / "port.py").write_text(textwrap.dedent(port))
    X = np.random.default_rng(1).normal(size=(24, 5))
    np.savez(tmp_path / "d.npz", X=X, y=2 * X[:, 0] - X[:, 1] ** 2)
    report = tmp_path / "r.json"
    result = CliRunner().invoke(cli, ["check", f"{tmp_path}/reg.py:Reg", "--torch", f"{tmp_path}/port.py:Reg", "--as-written",
                                      "--data", f"{tmp_path}/d.npz", "--steps", "3", "--dtype", "float64",
                                      "--param", "W1=fc1.weight.T", "--param", "b1=fc1.bias", "--param", "W2=fc2.weight.T",
                                      "--param", "b2=fc2.bias", "--json", str(report)])
    assert result.exit_code in (0, 1), result.output
    found = json.loads(report.read_text())["diagnosis"]
    return found[0] if result.exit_code == 1 else None


def test_the_port_goes_on_from_a_squeezed_output_as_it_goes_on_from_a_viewed_one():
    from parity.diagnosis.agreements import carried
    from tests.test_trace_readings import values as traced
    out = np.random.default_rng(2).normal(size=(6, 1))
    for op in ("squeeze", "view", "flatten"):
        port = traced(("X", out, (), ""), ("linear", out, (0, "?"), ""), (op, out.ravel(), (1,), ""), ("l1_loss", 1.0, (2, "?"), ""))
        assert carried(port.values[1], port, 1e-9).op == op  # its next op, the loss, the one that changes the value
    summed = traced(("X", out, (), ""), ("linear", out, (0, "?"), ""), ("sum", out.sum(), (1,), ""))
    assert carried(summed.values[1], summed, 1e-9).op == "linear"


def test_a_loss_reduction_past_a_squeeze_is_read_by_calling_the_ports_loss_again(tmp_path):
    assert _top(tmp_path, L1, "F.l1_loss(model(X).squeeze(-1), y)" + SQUARE) is None
    top = _top(tmp_path, L1, "F.l1_loss(model(X).squeeze(-1), y, reduction='sum')" + SQUARE)
    assert top["score"] >= 0.8 and "reduction='mean'" in top["explanation"], top


def test_smooth_l1_written_for_a_huber_loss_is_called_as_the_sibling_loss_on_the_values_where_the_two_part():
    import torch
    import torch.nn.functional as F
    from parity.diagnosis.called_again import _alternatives
    p, y = torch.randn(12, generator=torch.Generator().manual_seed(0)) * 3, torch.zeros(12)
    arguments = {"input": p, "target": y, "size_average": None, "reduce": None, "reduction": "mean", "beta": 1.5}
    found = {change: value for change, value in _alternatives(F.smooth_l1_loss, arguments, 0, whole=True)}
    sibling = next(v for c, v in found.items() if c.startswith("huber_loss in its place"))
    assert np.isclose(float(sibling), float(F.huber_loss(p, y, delta=1.5)))


@pytest.mark.parametrize("decay, flipped", [("- 0.01", True), ("+ 0.0", False)])
def test_a_weight_decay_subtracted_where_the_port_adds_it_is_a_flipped_sign(tmp_path, decay, flipped):
    assert _top(tmp_path, MSE, "((model(X).squeeze(-1) - y) ** 2).mean()", "+ 0.01", "0.01") is None
    top = _top(tmp_path, MSE, "((model(X).squeeze(-1) - y) ** 2).mean()", decay, "0.01")
    assert top["name"] == "weight-decay", top
    assert ("sign is flipped" in top["explanation"] and top["evidence"]["side"] == "numpy") == flipped, top


GCN = """
import numpy as np

def adjacency():
    rng = np.random.default_rng(7)
    A = (rng.random((20, 20)) < 0.2).astype(float)
    return np.minimum(A + A.T, 1.0) + np.eye(20)

class GCN:
    def __init__(self):
        rng = np.random.default_rng(0)
        self.W1, self.W2 = rng.normal(0, 0.5, (4, 6)), rng.normal(0, 0.5, (6, 2))
        A = adjacency()
        d = A.sum(axis=1)
        self.S = A / np.sqrt(np.outer(d, d))

    def loss(self, X, y):
        return float(np.mean((self.S @ np.tanh(self.S @ X @ self.W1) @ self.W2 - y) ** 2))

    def train_step(self, X, y):
        h = np.tanh(self.S @ X @ self.W1)
        out = self.S @ h @ self.W2
        dout = 2 * (out - y) / out.size
        dh = (self.S.T @ dout @ self.W2.T) * (1 - h ** 2)
        self.W2 = self.W2 - 0.1 * (self.S @ h).T @ dout
        self.W1 = self.W1 - 0.1 * (self.S @ X).T @ dh
        return float(np.mean((out - y) ** 2))
"""

SPARSE_PORT = """
import sys, torch
from torch import nn
sys.path.insert(0, HERE)
from gcn import adjacency

class GCN(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc1, self.fc2 = nn.Linear(4, 6, bias=False), nn.Linear(6, 2, bias=False)
        A = torch.tensor(adjacency())
        d = A.sum(dim=1)
        self.adj = (NORMALISED).to_sparse()

    def forward(self, X):
        adj = self.adj.to(X.dtype)
        return self.fc2(torch.sparse.mm(adj, torch.tanh(self.fc1(torch.sparse.mm(adj, X)))))

def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=0.1)

def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = ((model(X) - y) ** 2).mean()
    loss.backward()
    optimizer.step()
    return loss
"""


@pytest.mark.parametrize("normalised, words", [("A / torch.sqrt(torch.outer(d, d))", None),
                                               ("A / d[:, None]", "rows sum to 1")])
def test_a_sparse_adjacency_the_port_multiplies_by_is_read_as_its_numbers(tmp_path, normalised, words):
    (tmp_path / "gcn.py").write_text(textwrap.dedent(GCN))
    (tmp_path / "port.py").write_text(textwrap.dedent(SPARSE_PORT.replace("HERE", repr(str(tmp_path)))
                                                      .replace("NORMALISED", normalised)))
    X = np.random.default_rng(1).normal(size=(20, 4))
    np.savez(tmp_path / "d.npz", X=X, y=np.stack([X[:, 0] - X[:, 1], X[:, 2] * X[:, 3]], axis=1))
    report = tmp_path / "r.json"
    result = CliRunner().invoke(cli, ["check", f"{tmp_path}/gcn.py:GCN", "--torch", f"{tmp_path}/port.py:GCN", "--as-written",
                                      "--data", f"{tmp_path}/d.npz", "--steps", "3", "--dtype", "float64",
                                      "--param", "W1=fc1.weight.T", "--param", "W2=fc2.weight.T", "--json", str(report)])
    assert result.exit_code == (1 if words else 0), result.output
    if words:
        top = json.loads(report.read_text())["diagnosis"][0]
        assert words in top["explanation"] and "constant matri" in top["explanation"], top


def test_gradients_a_port_never_zeroes_are_accumulation_where_only_its_state_shows_them(tmp_path):
    top = _top(tmp_path, MSE, "((model(X).squeeze(-1) - y) ** 2).mean()", zeroed=False)
    assert top["name"] == "gradient-accumulation" and top["evidence"]["side"] == "torch", top


def test_a_weight_the_port_reads_is_a_leaf_not_a_value_its_step_made_that_the_trace_missed():
    import torch
    from parity.diagnosis.tables import _parameters
    from parity.diagnosis.value_trace import Trace
    weight = torch.randn(4, 3)  # as the trace keeps a parameter: a copy taken before the call
    made = (torch.randn(3, 4, requires_grad=True) * 2).T  # `o[..., 1].T`: a view the trace does not follow
    trace = Trace()
    trace.called = {0: (torch.add, (made, weight), {})}
    found = _parameters(trace)
    assert any(p is weight for p in found) and not any(p is made for p in found)


def test_a_transposed_view_of_a_value_is_followed_by_that_value_not_by_the_tensor_it_is_cut_from():
    import torch

    from parity.diagnosis.port_values import _TorchValues
    from parity.diagnosis.value_trace import Trace

    trace = Trace()
    o, x = torch.randn(3, 4, 2), torch.randn(5, 3)
    trace.root("X", o, o.double().numpy())
    with _TorchValues(trace):
        column = o[..., 1]
        product = x @ column.T.T  # a property, not x.t(): it reaches the mode as __get__
    picked = trace.of[id(column)]
    made = trace.values[trace.of[id(product)]]
    assert trace.values[picked].op == "getitem" and made.op == "matmul" and made.inputs[1] == picked, made
    assert trace.source(o[..., 0].mT) == trace.of[id(o)]  # a view of a value never traced: still followed by its base
