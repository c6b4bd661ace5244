"""The arrays a NumPy program holds (its weights, an embedding table, its optimizer's buffers) traced where the
step's data meets them: a table looked up at the batch's indices is a value of the step, a momentum decayed on its
own is not; the arrays are plain again after the step, and a second traced step sees them as the first did."""

import json

import numpy as np
import pytest
from click.testing import CliRunner

from parity.cli import cli
from parity.diagnosis.traced_step import trace_numpy_step
from parity.pristine import kits_code, users_code


class Lookup:
    def __init__(self):
        self.E = np.arange(12.0).reshape(6, 2)
        self.v = np.ones((6, 2))

    def step(self, X, y):
        h = self.E[X].sum(axis=1)
        g = np.zeros_like(self.E)
        np.add.at(g, X, (h - y)[:, None, :] * np.ones((1, X.shape[1], 1)))
        self.v = 0.9 * self.v + g
        self.E -= 0.1 * self.v


class Side:
    def __init__(self):
        self.names = {"net": Lookup()}
        self.X, self.y = np.array([[0, 1], [2, 3], [4, 5]]), np.zeros((3, 2))

    def batch(self, rows):
        return self.X[rows], self.y[rows]

    def step(self, rows):
        X, y = self.batch(rows)
        with users_code():  # as the kit calls a program: what the program binds in NumPy is kept for its next call
            self.names["net"].step(X, y)


def test_a_table_looked_up_at_the_batchs_indices_is_traced_and_its_buffers_decay_is_not():
    with kits_code():
        side = Side()
        trace = trace_numpy_step(side, np.arange(3))
        ops = [(v.op, v.inputs) for v in trace.values]
        assert ("getitem", ("?", 0)) in ops, ops  # E[X]: the table (held) at X
        assert any(op == "add.at (in place)" for op, _ in ops), ops
        assert not any(op == "multiply" and inputs == (0.9, "?") for op, inputs in ops), ops  # 0.9 * self.v alone
        net = side.names["net"]
        assert type(net.E) is np.ndarray and type(net.v) is np.ndarray
        with users_code():
            assert type(np.zeros(2)) is np.ndarray  # the trace's np.zeros is not left in place as the user's
        again = trace_numpy_step(side, np.arange(3))
        assert [(v.op, v.inputs) for v in again.values][:4] == ops[:4]


NUMPY = """
import numpy as np

class Tokens:
    def __init__(self):
        rng = np.random.default_rng(0)
        self.E = rng.normal(0.0, 1.0, (10, 4))
        self.W = rng.normal(0.0, 0.5, (8, 3))
        self.b = np.zeros(3)

    def train_step(self, X, y):
        n = len(X)
        flat = self.E[X].reshape(n, -1)
        z = flat @ self.W + self.b
        p = np.exp(z - z.max(axis=1, keepdims=True))
        p /= p.sum(axis=1, keepdims=True)
        loss = -np.log(p[np.arange(n), y.argmax(axis=1)]).mean()
        dz = (p - y) / n
        dflat = (dz @ self.W.T).reshape(n, 2, 4)
        gE = np.zeros_like(self.E)
        np.add.at(gE, X, dflat)
        self.W -= 0.1 * flat.T @ dz
        self.b -= 0.1 * dz.sum(axis=0)
        self.E -= 0.1 * gE
        return loss
"""

PORT = """
import torch
import torch.nn.functional as F
from torch import nn

class Tokens(nn.Module):
    def __init__(self):
        super().__init__()
        self.emb = nn.Embedding(10, 4{option})
        self.out = nn.Linear(8, 3)

    def forward(self, X):
        return self.out(self.emb(X).flatten(1))

def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=0.1)

def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.cross_entropy(model(X), y.argmax(dim=1))
    loss.backward()
    optimizer.step()
    return loss.item()
"""


@pytest.mark.parametrize("option", [", max_norm=1.0", ""], ids=["max-norm", "correct"])
def test_an_embedding_option_of_the_port_is_named_from_the_numpy_tables_lookup(option, tmp_path):
    rng = np.random.default_rng(1)
    X = rng.integers(0, 10, (24, 2))
    np.savez(tmp_path / "tokens.npz", X=X, y=np.eye(3)[rng.integers(0, 3, 24)])
    (tmp_path / "tokens_numpy.py").write_text(NUMPY)
    (tmp_path / "tokens_torch.py").write_text(PORT.format(option=option))
    report = tmp_path / "r.json"
    result = CliRunner().invoke(cli, [
        "check", f"{tmp_path}/tokens_numpy.py:Tokens", "--torch", f"{tmp_path}/tokens_torch.py:Tokens", "--as-written",
        "--init", "net = Tokens()", "--data", str(tmp_path / "tokens.npz"), "--batch-size", "8", "--steps", "3",
        "--param", "E=emb.weight", "--param", "W=out.weight.T", "--param", "b=out.bias", "--json", str(report), "--quiet"])
    if not option:
        assert result.exit_code == 0, result.output
        return
    assert result.exit_code == 1, result.output
    top = json.loads(report.read_text())["diagnosis"][0]
    assert "max_norm=None" in top["explanation"] and top["score"] >= 0.8, top



FLAT_NUMPY = 'import numpy as np\n\nclass Flat:\n    def __init__(self):\n        rng = np.random.default_rng(0)\n        self.W = rng.normal(size=(4, 3))\n        self.theta = np.zeros(3 + 1)          # all trainable biases in one flat vector\n        self.b = self.theta[0:3]               # views into it\n        self.c = self.theta[3:4]\n        self.V = rng.normal(size=(3, 1))\n\n    def train_step(self, X, y):\n        h = np.tanh(X @ self.W + self.b)\n        out = h @ self.V + self.c\n        r = out - y\n        loss = (r ** 2).mean()\n        dout = 2 * r / r.size\n        dc = dout.sum(axis=0)\n        dh = dout @ self.V.T * (1 - h ** 2)\n        db = dh.sum(axis=0)\n        self.theta -= 0.1 * np.concatenate([db, dc])\n        return loss\n'

FLAT_PORT = 'import torch\nfrom torch import nn\n\nclass Flat(nn.Module):\n    def __init__(self):\n        super().__init__()\n        self.fc = nn.Linear(4, 3)\n        self.out = nn.Linear(3, 1)\n        self.fc.weight.requires_grad_(False)\n        self.out.weight.requires_grad_(False)\n\n    def forward(self, x):\n        return self.out(torch.tanh(self.fc(x)))\n\ndef make_optimizer(model):\n    return torch.optim.SGD([model.fc.bias, model.out.bias], lr=0.1)\n\ndef train_step(model, optimizer, X, y):\n    optimizer.zero_grad()\n    loss = ((model(X) - y) ** 2).mean()\n    loss.backward()\n    optimizer.step()\n    return loss.item()\n'


@pytest.mark.parametrize("factor, exit_code", [("", 0), ("2 * ", 1)])
def test_parameters_held_as_views_into_one_flat_vector_stay_views_in_float32(tmp_path, factor, exit_code):
    """An update of the whole vector must reach each view after the run's cast to float32 (a correct program passes)."""
    (tmp_path / "flat_numpy.py").write_text(FLAT_NUMPY.replace("db = dh.sum", f"db = {factor}dh.sum"))
    (tmp_path / "flat_torch.py").write_text(FLAT_PORT)
    rng = np.random.default_rng(1)
    np.savez(tmp_path / "d.npz", X=rng.normal(size=(16, 4)), y=rng.normal(size=(16, 1)))
    result = CliRunner().invoke(cli, ["check", f"{tmp_path}/flat_numpy.py:Flat", "--torch", f"{tmp_path}/flat_torch.py:Flat",
                                      "--as-written", "--init", "net = Flat()", "--data", str(tmp_path / "d.npz"),
                                      "--param", "b=fc.bias", "--param", "c=out.bias", "--param", "W=fc.weight.T",
                                      "--param", "V=out.weight.T", "--steps", "4", "--dtype", "float32"])
    assert result.exit_code == exit_code, result.output
    if exit_code:
        assert "b.update" in result.output and "never moves" not in result.output, result.output



LAYER_DICTS_NUMPY = 'import numpy as np\n\nclass Layers:\n    def __init__(self):\n        rng = np.random.default_rng(0)\n        self.layers = [{"W": rng.normal(size=(4, 3)), "b": np.zeros(3)}, {"W": rng.normal(size=(3, 1)), "b": np.zeros(1)}]\n\n    def train_step(self, X, y):\n        L0, L1 = self.layers\n        h = np.tanh(X @ L0["W"] + L0["b"])\n        out = h @ L1["W"] + L1["b"]\n        r = out - y\n        loss = (r ** 2).mean()\n        dout = 2 * r / r.size\n        g1W, g1b = h.T @ dout, dout.sum(0)\n        dh = dout @ L1["W"].T * (1 - h ** 2)\n        g0W, g0b = X.T @ dh, dh.sum(0)\n        for L, gW, gb in ((L0, g0W, g0b), (L1, g1W, g1b)):\n            L["W"] -= 0.1 * gW\n            L["b"] -= 0.1 * gb\n        return loss\n'

LAYER_DICTS_PORT = 'import torch\nfrom torch import nn\n\nclass Layers(nn.Module):\n    def __init__(self):\n        super().__init__()\n        self.fc = nn.Linear(4, 3)\n        self.out = nn.Linear(3, 1)\n\n    def forward(self, x):\n        return self.out(torch.tanh(self.fc(x)))\n\ndef make_optimizer(model):\n    return torch.optim.SGD(model.parameters(), lr=0.1)\n\ndef train_step(model, optimizer, X, y):\n    optimizer.zero_grad()\n    loss = ((model(X) - y) ** 2).mean()\n    loss.backward()\n    optimizer.step()\n    return loss.item()\n'


def test_parameters_in_a_list_of_layer_dicts_are_named_by_their_whole_path(tmp_path):
    (tmp_path / "layers_numpy.py").write_text(LAYER_DICTS_NUMPY)
    (tmp_path / "layers_torch.py").write_text(LAYER_DICTS_PORT)
    rng = np.random.default_rng(1)
    np.savez(tmp_path / "d.npz", X=rng.normal(size=(16, 4)), y=rng.normal(size=(16, 1)))
    args = ["check", f"{tmp_path}/layers_numpy.py:Layers", "--torch", f"{tmp_path}/layers_torch.py:Layers", "--as-written",
            "--init", "net = Layers()", "--data", str(tmp_path / "d.npz"), "--steps", "2",
            "--param", "layers[0]['W']=fc.weight.T", "--param", "layers[0]['b']=fc.bias",
            "--param", "layers[1]['W']=out.weight.T", "--param", "layers[1]['b']=out.bias"]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0, result.output
    assert "layers_0_W.update" in result.output and "layers_1_b " in result.output, result.output
    from parity.programs.written.pairing import path_name
    assert path_name("net.enc['W']") == "enc_W" and path_name("params['W1']") == "W1"


EMBEDDING_NUMPY = '''
import numpy as np

class Bag:
    def __init__(self):
        rng = np.random.default_rng(0)
        self.params = {"E": rng.normal(size=(10, 3)), "w": rng.normal(size=3)}

    def train_step(self, X, y):
        idx = X.astype(int)[:, 0]
        e = self.params["E"][idx]
        r = e @ self.params["w"] - y[:, 0]
        loss = 0.5 * (r ** 2).mean()
        dr = r / len(r)
        gE = np.zeros_like(self.params["E"])
        np.add.at(gE, idx, dr[:, None] * self.params["w"])
        gw = e.T @ dr
        self.params["E"] -= 0.1 * gE
        self.params["w"] -= 0.1 * gw
        return loss
'''

EMBEDDING_PORT = '''
import torch
from torch import nn

class Bag(nn.Module):
    def __init__(self):
        super().__init__()
        self.E = nn.Embedding(10, 3, sparse=True)
        self.w = nn.Parameter(torch.zeros(3))

    def forward(self, X):
        return self.E(X[:, 0].long()) @ self.w

def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr={lr})

def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = 0.5 * ((model(X) - y[:, 0]) ** 2).mean()
    loss.backward()
    optimizer.step()
    return loss.item()
'''


@pytest.mark.parametrize("lr, exit_code", [("0.1", 0), ("0.2", 1)])
def test_a_ports_sparse_embedding_gradient_is_compared_as_the_dense_one(tmp_path, lr, exit_code):
    (tmp_path / "bag_numpy.py").write_text(EMBEDDING_NUMPY)
    (tmp_path / "bag_torch.py").write_text(EMBEDDING_PORT.replace("{lr}", lr))
    rng = np.random.default_rng(2)
    np.savez(tmp_path / "d.npz", X=rng.integers(0, 10, size=(12, 1)).astype(float), y=rng.normal(size=(12, 1)))
    path = tmp_path / "r.json"
    result = CliRunner().invoke(cli, ["check", f"{tmp_path}/bag_numpy.py:Bag", "--torch", f"{tmp_path}/bag_torch.py:Bag",
                                      "--as-written", "--init", "net = Bag()", "--data", str(tmp_path / "d.npz"),
                                      "--param", "params['E']=E.weight", "--param", "params['w']=w", "--steps", "3",
                                      "--dtype", "float32", "--json", str(path)])
    assert result.exit_code == exit_code, result.output
    if exit_code:
        top = json.loads(path.read_text())["diagnosis"][0]
        assert "0.5 times" in top["explanation"] or "learning rate" in top["explanation"], top


SCALAR_NUMPY = 'import numpy as np\n\nclass Net:\n    def __init__(self):\n        self.params = {"W": np.random.default_rng(0).normal(size=(3, 1)), "alpha": np.array(0.5)}\n\n    def train_step(self, X, y):\n        p = self.params\n        out = p["alpha"] * (X @ p["W"])\n        r = out - y\n        loss = np.mean(r ** 2)\n        d = 2 * r / r.size\n        gW = p["alpha"] * X.T @ d\n        ga = np.sum(d * (X @ p["W"]))\n        p["W"] -= 0.1 * gW\n        p["alpha"] -= {rate} * ga\n        return loss\n'

SCALAR_PORT = 'import torch\nfrom torch import nn\n\nclass Net(nn.Module):\n    def __init__(self):\n        super().__init__()\n        self.fc = nn.Linear(3, 1, bias=False)\n        self.alpha = nn.Parameter(torch.tensor(0.5))\n\n    def forward(self, X):\n        return self.alpha * self.fc(X)\n\ndef make_optimizer(model):\n    return torch.optim.SGD(model.parameters(), lr=0.1)\n\ndef train_step(model, optimizer, X, y):\n    optimizer.zero_grad()\n    loss = ((model(X) - y) ** 2).mean()\n    loss.backward()\n    optimizer.step()\n    return loss.item()\n'


@pytest.mark.parametrize("rate, exit_code", [("0.1", 0), ("0.2", 1)])
def test_a_zero_dimensional_scalar_parameter_is_paired_as_it_is(tmp_path, rate, exit_code):
    """np.array(0.5) against nn.Parameter(torch.tensor(0.5)): a 0-d gate keeps its shape on both sides."""
    rng = np.random.default_rng(1)
    np.savez(tmp_path / "d.npz", X=rng.normal(size=(10, 3)), y=rng.normal(size=(10, 1)))
    (tmp_path / "s_numpy.py").write_text(SCALAR_NUMPY.replace("{rate}", rate))
    (tmp_path / "s_torch.py").write_text(SCALAR_PORT)
    result = CliRunner().invoke(cli, ["check", f"{tmp_path}/s_numpy.py:Net", "--torch", f"{tmp_path}/s_torch.py:Net",
                                      "--as-written", "--init", "net = Net()", "--data", str(tmp_path / "d.npz"), "--steps", "3",
                                      "--param", "params['W']=fc.weight.T", "--param", "params['alpha']=alpha", "--dtype", "float32"])
    assert result.exit_code == exit_code, result.output
