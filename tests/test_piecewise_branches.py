"""A gradient written otherwise on one branch of a piecewise loss, measured: the branch where the program's comparison
does not hold is read as well as the one where it holds, the factor there named when it is one of the program's own
values (dλ/dη = λ left out: y/λ - 1 where y - λ belongs), and a sibling's formula (dz = -g_z/n beside dη = -g_η/n)
that gives a gradient the program already makes is no wrong source."""

import json

import numpy as np
import pytest
from click.testing import CliRunner

from parity.cli import cli

NUMPY = """
import numpy as np

class Counts:
    def __init__(self):
        rng = np.random.default_rng(0)
        self.Wz, self.We = rng.normal(0, 0.3, (3, 1)), rng.normal(0, 0.3, (3, 1))
        self.bz, self.be = np.zeros(1), np.zeros(1)

    def train_step(self, X, y):
        n = len(X)
        z, eta = (X @ self.Wz + self.bz)[:, 0], (X @ self.We + self.be)[:, 0]
        lam = np.exp(eta)
        zero = y == 0
        loss = (np.where(zero, lam, lam - y * eta) + (z - y) ** 2 / 2).mean()
        dz = (z - y) / n
        deta = np.where(zero, {zero_branch}, {positive_branch}) / n
        self.Wz -= 0.1 * X.T @ dz[:, None]
        self.bz -= 0.1 * dz.sum(keepdims=True)
        self.We -= 0.1 * X.T @ deta[:, None]
        self.be -= 0.1 * deta.sum(keepdims=True)
        return loss
"""

PORT = """
import torch
from torch import nn

class Counts(nn.Module):
    def __init__(self):
        super().__init__()
        self.gate, self.rate = nn.Linear(3, 1), nn.Linear(3, 1)

def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=0.1)

def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    z, eta = model.gate(X).squeeze(1), model.rate(X).squeeze(1)
    lam = torch.exp(eta)
    loss = (torch.where(y == 0, lam, lam - y * eta) + (z - y) ** 2 / 2).mean()
    loss.backward()
    optimizer.step()
    return loss
"""


def _check(tmp_path, zero_branch: str, positive_branch: str) -> tuple[int, list[dict]]:
    rng = np.random.default_rng(4)
    np.savez(tmp_path / "d.npz", X=rng.normal(size=(40, 3)), y=rng.integers(0, 4, size=40).astype(float))
    (tmp_path / "mine.py").write_text(NUMPY.format(zero_branch=zero_branch, positive_branch=positive_branch))
    (tmp_path / "port.py").write_text(PORT)
    report = tmp_path / "r.json"
    result = CliRunner().invoke(cli, [
        "check", f"{tmp_path}/mine.py:Counts", "--torch", f"{tmp_path}/port.py:Counts", "--as-written",
        "--data", str(tmp_path / "d.npz"), "--param", "Wz=gate.weight.T", "--param", "bz=gate.bias",
        "--param", "We=rate.weight.T", "--param", "be=rate.bias", "--steps", "3",
        "--dtype", "float64", "--json", str(report), "--quiet"])
    return result.exit_code, (json.loads(report.read_text())["diagnosis"] if result.exit_code == 1 else [])


@pytest.mark.parametrize("positive_branch, where", [("1 - y / lam", "does not hold"), ("lam - y", None)])
def test_a_branch_s_derivative_without_its_chain_factor_is_read_on_that_branch(tmp_path, positive_branch, where):
    code, diagnosis = _check(tmp_path, "lam", positive_branch)
    if where is None:
        assert code == 0
        return
    said = diagnosis[0]["explanation"]
    assert code == 1 and diagnosis[0]["evidence"].get("side") == "numpy", said
    assert f"[equal (40,)] {where}" in said and "divided by its [exp (40,)]" in said and "wrong source" not in said, said


def test_a_where_with_its_branches_exchanged_is_read_where_it_is_the_port_s():
    from parity.diagnosis.branches import branches_exchanged
    from tests.test_trace_readings import values
    rng = np.random.default_rng(2)
    y, a, b = rng.integers(0, 3, size=12).astype(float), rng.normal(size=12), rng.normal(size=12)
    mine = values(("X", a, (), ""), ("y", y, (), ""), ("equal", (y == 0).astype(float), (1, 0.0), ""), ("negative", b, (0,), ""),
                  ("where", np.where(y == 0, a, b), (2, 0, 3), ""))
    port = values(("where", np.where(y > 0, a, b), (), ""))
    said = branches_exchanged(mine.values[2:], mine, port, 1e-9)
    assert "branches exchanged" in said and "[where (12,)]" in said, said
    same = values(("where", np.where(y == 0, a, b) + 1, (), ""))  # the port's is no exchange of them
    assert branches_exchanged(mine.values[2:], mine, same, 1e-9) == ""
