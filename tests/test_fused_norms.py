"""torch's normalisations written out in the trace of a port's step (`fused_norms`): the written-out forms agree with
torch's fused ops in float64, running statistics included, and a NumPy normalisation written by hand is then met at
its statistics: a variance with Bessel's correction is said as such, on the normalisation and on a running variance
read by an evaluation after the step."""

import json

import numpy as np
import pytest
import torch
import torch.nn.functional as F
from click.testing import CliRunner

from parity.cli import cli
from parity.diagnosis.fused_norms import NORMS


def test_the_written_out_normalisations_agree_with_torchs_fused_ops():
    generator = torch.Generator().manual_seed(5)
    x = torch.randn(6, 4, 5, 5, dtype=torch.float64, generator=generator)
    w, b = torch.randn(4, dtype=torch.float64, generator=generator), torch.randn(4, dtype=torch.float64, generator=generator)
    assert torch.allclose(NORMS["group_norm"](x, 2, w, b, 1e-5), F.group_norm(x, 2, w, b, 1e-5), atol=1e-12)
    assert torch.allclose(NORMS["instance_norm"](x, weight=w, bias=b), F.instance_norm(x, weight=w, bias=b), atol=1e-12)
    assert torch.allclose(NORMS["layer_norm"](x, (5, 5), None, None, 1e-5), F.layer_norm(x, (5, 5), None, None, 1e-5), atol=1e-12)
    mine, theirs = (torch.zeros(4, dtype=torch.float64), torch.ones(4, dtype=torch.float64)), (torch.zeros(4, dtype=torch.float64),
                                                                                                torch.ones(4, dtype=torch.float64))
    for training in (True, False):
        assert torch.allclose(NORMS["batch_norm"](x, *mine, w, b, training, 0.1, 1e-5),
                              F.batch_norm(x, *theirs, w, b, training, 0.1, 1e-5), atol=1e-12)
        assert all(torch.allclose(m, t, atol=1e-15) for m, t in zip(mine, theirs))  # the running statistics moved alike


NORM_NUMPY = """import numpy as np

class Net:
    def __init__(self):
        rng = np.random.default_rng(0)
        self.W1 = rng.normal(0.0, 0.5, (5, 8))
        self.g = np.ones(8)
        self.W2 = rng.normal(0.0, 0.5, (8, 1))

    def train_step(self, X, y):
        n = len(X)
        z = X @ self.W1
        mu = z.mean(axis=1, keepdims=True)
        var = z.var(axis=1, keepdims=True{ddof})
        xhat = (z - mu) / np.sqrt(var + 1e-5)
        h = np.tanh(xhat * self.g)
        out = h @ self.W2
        loss = np.mean((out - y) ** 2)
        dout = 2 * (out - y) / n
        da = (dout @ self.W2.T) * (1 - h ** 2)
        dg = (da * xhat).sum(axis=0)
        dxhat = da * self.g
        m = z.shape[1]
        dz = (dxhat - dxhat.mean(axis=1, keepdims=True) - xhat * (dxhat * xhat).mean(axis=1, keepdims=True)) / np.sqrt(var + 1e-5)
        self.W2 -= 0.1 * h.T @ dout
        self.g -= 0.1 * dg
        self.W1 -= 0.1 * X.T @ dz
        return loss
"""

NORM_PORT = """import torch
from torch import nn

class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc1 = nn.Linear(5, 8, bias=False)
        self.norm = nn.LayerNorm(8, bias=False)
        self.fc2 = nn.Linear(8, 1, bias=False)

def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=0.1)

def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = ((model.fc2(torch.tanh(model.norm(model.fc1(X)))) - y) ** 2).mean()
    loss.backward()
    optimizer.step()
    return loss.item()
"""


def _check(tmp_path, numpy_text: str, port_text: str, pairs: list[str], extra: tuple = ()) -> tuple[int, str]:
    X = np.random.default_rng(31).normal(size=(32, 5))
    np.savez(tmp_path / "data.npz", X=X, y=np.tanh(X[:, :1] * X[:, 1:2]))
    (tmp_path / "mine_numpy.py").write_text(numpy_text)
    (tmp_path / "mine_torch.py").write_text(port_text)
    report = tmp_path / "r.json"
    result = CliRunner().invoke(cli, [
        "check", f"{tmp_path}/mine_numpy.py:Net", "--torch", f"{tmp_path}/mine_torch.py:Net", "--as-written",
        "--init", "net = Net()", "--data", str(tmp_path / "data.npz"), "--steps", "3", *extra, "--json", str(report), "--quiet",
        *(a for p in pairs for a in ("--param", p))])
    said = json.loads(report.read_text())["diagnosis"][0]["explanation"] if result.exit_code == 1 else ""
    return result.exit_code, said


@pytest.mark.parametrize("ddof, words", [("", None), (", ddof=1", "the NumPy program divides by n - 1 (ddof=1, Bessel's correction")])
def test_a_hand_written_layer_norm_is_met_at_its_variance(tmp_path, ddof, words):
    code, said = _check(tmp_path, NORM_NUMPY.replace("{ddof}", ddof), NORM_PORT, ["W1=fc1.weight.T", "g=norm.weight", "W2=fc2.weight.T"])
    if words is None:
        assert code == 0, said
        return
    assert code == 1 and words in said and "n = 8 entries" in said, said


RUNNING_NUMPY = """import numpy as np

class Net:
    def __init__(self):
        rng = np.random.default_rng(0)
        self.W1 = rng.normal(0.0, 0.5, (5, 6))
        self.W2 = rng.normal(0.0, 0.5, (6, 1))
        self.running_var = np.ones(6)

    def train_step(self, X, y):
        n = len(X)
        z = X @ self.W1
        mu, var = z.mean(axis=0), z.var(axis=0)
        self.running_var = 0.9 * self.running_var + 0.1 * var{unbiased}
        xhat = (z - mu) / np.sqrt(var + 1e-5)
        out = xhat @ self.W2
        loss = np.mean((out - y) ** 2)
        dout = 2 * (out - y) / n
        dxhat = dout @ self.W2.T
        dz = (dxhat - dxhat.mean(axis=0) - xhat * (dxhat * xhat).mean(axis=0)) / np.sqrt(var + 1e-5)
        self.W2 -= 0.1 * xhat.T @ dout
        self.W1 -= 0.1 * X.T @ dz
        self.eval_out = (X @ self.W1) / np.sqrt(self.running_var + 1e-5) @ self.W2
        return loss
"""

RUNNING_PORT = """import torch
from torch import nn

class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc1 = nn.Linear(5, 6, bias=False)
        self.bn = nn.BatchNorm1d(6, affine=False, momentum={momentum})
        self.fc2 = nn.Linear(6, 1, bias=False)

    def forward(self, X):
        return self.fc2(self.bn(self.fc1(X)))

def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=0.1)

def train_step(model, optimizer, X, y):
    model.train()
    optimizer.zero_grad()
    loss = ((model(X) - y) ** 2).mean()
    loss.backward()
    optimizer.step()
    model.eval()
    with torch.no_grad():
        model.eval_out = model.fc2(model.fc1(X) / torch.sqrt(model.bn.running_var + 1e-5))
        model(X)  # an evaluation forward in eval mode beside the training one: no eval-mode step
    model.train()
    return loss.item()
"""


OUTPUTS = ("--output", "net.eval_out", "--torch-output", "model.eval_out")


@pytest.mark.parametrize("unbiased, momentum, words", [
    (" * 32 / 31", "0.1", None),
    ("", "0.1", "the port divides by n - 1 (ddof=1, Bessel's correction"),
    (" * 32 / 31", "0.9", "0.1 = 1 - 0.9"),  # the momentum's number read where the two runs of products part
])
def test_running_statistics_read_by_an_evaluation_are_met_where_they_part(tmp_path, unbiased, momentum, words):
    code, said = _check(tmp_path, RUNNING_NUMPY.replace("{unbiased}", unbiased), RUNNING_PORT.replace("{momentum}", momentum),
                        ["W1=fc1.weight.T", "W2=fc2.weight.T"], OUTPUTS)
    if words is None:
        assert code == 0, said
        return
    assert code == 1 and words in said and "eval mode" not in said, said
