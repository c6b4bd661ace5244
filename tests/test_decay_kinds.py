"""A small weight decay read in the optimizer's first moment (λ·θ times 1 - β1, near the moments' rounding), and the
same λ in two kinds: an L2 term in the NumPy program's gradient beside a port whose AdamW decays apart from it."""

import json
import textwrap

import numpy as np
import pytest
from click.testing import CliRunner

from parity.cli import cli

ADAM_L2_NUMPY = """
import numpy as np

class Net:
    def __init__(self):
        rng = np.random.default_rng(0)
        self.params = {"W1": rng.normal(0, 0.5, (5, 8)), "b1": np.zeros(8), "W2": rng.normal(0, 0.5, (8, 3)), "b2": np.zeros(3)}
        self.m = {k: np.zeros_like(v) for k, v in self.params.items()}
        self.v = {k: np.zeros_like(v) for k, v in self.params.items()}
        self.t = 0

    def train_step(self, X, y):
        p, n = self.params, len(X)
        h = np.maximum(X @ p["W1"] + p["b1"], 0.0)
        out = h @ p["W2"] + p["b2"]
        d = 2 * (out - y) / out.size
        dh = (d @ p["W2"].T) * (h > 0)
        g = {"W2": h.T @ d, "b2": d.sum(axis=0), "W1": X.T @ dh, "b1": dh.sum(axis=0)}
        self.t += 1
        for k in p:
            grad = g[k] + 5e-4 * DECAYED if k.startswith("W") else g[k]
            self.m[k] = 0.9 * self.m[k] + 0.1 * grad
            self.v[k] = 0.999 * self.v[k] + 0.001 * grad ** 2
            m_hat, v_hat = self.m[k] / (1 - 0.9 ** self.t), self.v[k] / (1 - 0.999 ** self.t)
            p[k] -= 0.01 * m_hat / (np.sqrt(v_hat) + 1e-8)
        return float(np.mean((out - y) ** 2))
"""

PORT = """
import torch
from torch import nn

class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc1, self.fc2 = nn.Linear(5, 8), nn.Linear(8, 3)

    def forward(self, X):
        return self.fc2(torch.relu(self.fc1(X)))

def make_optimizer(model):
    weights = [model.fc1.weight, model.fc2.weight]
    biases = [model.fc1.bias, model.fc2.bias]
    return torch.optim.OPTIMIZER([{"params": weights, "weight_decay": 5e-4}, {"params": biases, "weight_decay": 0.0}], lr=0.01)

def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = ((model(X) - y) ** 2).mean()
    loss.backward()
    optimizer.step()
    return loss
"""


def _top(tmp_path, optimizer: str, decayed: str = "p[k]") -> tuple[int, dict | None]:
    (tmp_path / "net.py").write_text(textwrap.dedent(ADAM_L2_NUMPY.replace("DECAYED", decayed)))
    (tmp_path / "port.py").write_text(textwrap.dedent(PORT.replace("OPTIMIZER", optimizer)))
    X = np.random.default_rng(1).normal(size=(32, 5))
    np.savez(tmp_path / "d.npz", X=X, y=np.stack([X[:, 0] - X[:, 1], X[:, 2] * X[:, 3], np.sin(X[:, 4])], axis=1))
    pairs = ["W1=fc1.weight.T", "b1=fc1.bias", "W2=fc2.weight.T", "b2=fc2.bias"]
    report = tmp_path / "r.json"
    result = CliRunner().invoke(cli, ["check", f"{tmp_path}/net.py:Net", "--torch", f"{tmp_path}/port.py:Net", "--as-written",
                                      "--init", "net = Net()", "--data", f"{tmp_path}/d.npz", "--steps", "5", "--dtype", "float32",
                                      "--state", "exp_avg=net.m", "--state", "exp_avg_sq=net.v", "--json", str(report),
                                      *(a for p in pairs for a in ("--param", f"params['{p.split('=')[0]}']={p.split('=')[1]}"))])
    assert result.exit_code in (0, 1), result.output
    return result.exit_code, (json.loads(report.read_text()).get("diagnosis") or [None])[0]


@pytest.mark.parametrize("optimizer", ["Adam", "AdamW"])
def test_an_l2_term_beside_adamws_decoupled_decay_is_the_same_lambda_in_two_kinds(tmp_path, optimizer):
    code, top = _top(tmp_path, optimizer)
    assert code == (0 if optimizer == "Adam" else 1)
    if optimizer == "AdamW":
        assert top["name"] == "weight-decay" and top["score"] >= 0.8, top
        assert "two kinds" in top["explanation"] and "AdamW" in top["explanation"] and "0.0005" in top["explanation"], top


def test_a_gap_in_the_moment_that_is_no_multiple_of_the_parameter_is_no_decay(tmp_path):
    code, top = _top(tmp_path, "Adam", "p[k] ** 3 * 40.0")  # a penalty of another form: its gradient no multiple of p
    assert code == 1 and top["name"] != "weight-decay", top
