"""Optimizers of the user's own: one parameter group's setting apart from the NumPy program's (the port's optimizer built
again with that group's number changed: a weight decay the biases' group takes by default where the NumPy program
decays the weights only, inside a normalised step that hides it from the updates' gap), and each tensor's step
scaled by another norm (a law of the updates' norms that one side keeps)."""

import json
import textwrap

import numpy as np
from click.testing import CliRunner

from parity.cli import cli

NORMALISED_NUMPY = """
import numpy as np

class Reg:
    def __init__(self):
        rng = np.random.default_rng(1)
        self.params = {"W1": rng.normal(0, 0.5, (4, 8)), "b1": rng.normal(0, 0.1, 8),
                       "W2": rng.normal(0, 0.5, (8, 1)), "b2": rng.normal(0, 0.1, 1)}
        self.t = 0

    def train_step(self, X, y):
        p, n = self.params, len(X)
        h = np.tanh(X @ p["W1"] + p["b1"])
        out = (h @ p["W2"] + p["b2"])[:, 0]
        d = (2 * (out - y) / n)[:, None]
        dh = (d @ p["W2"].T) * (1 - h ** 2)
        g = {"W2": h.T @ d, "b2": d.sum(axis=0), "W1": X.T @ dh, "b1": dh.sum(axis=0)}
        for k in p:
            u = g[k] + (0.1 * p[k] if k.startswith("W") else 0.0)
            p[k] -= 0.05 * u / (np.sqrt(np.sum(u * u)) + 1e-12)
        return float(np.mean((out - y) ** 2))
"""

NORMALISED_PORT = """
import torch
from torch import nn

class Reg(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc1, self.fc2 = nn.Linear(4, 8), nn.Linear(8, 1)

    def forward(self, X):
        return self.fc2(torch.tanh(self.fc1(X)))[:, 0]

class Normalised(torch.optim.Optimizer):
    def __init__(self, params, lr, weight_decay=0.0):
        super().__init__(params, dict(lr=lr, weight_decay=weight_decay))

    @torch.no_grad()
    def step(self):
        for group in self.param_groups:
            for p in group["params"]:
                u = p.grad + group["weight_decay"] * p
                p.sub_(group["lr"] * u / (u.norm() + 1e-12))

def make_optimizer(model):
    weights = [p for n, p in model.named_parameters() if n.endswith("weight")]
    biases = [p for n, p in model.named_parameters() if n.endswith("bias")]
    return Normalised([{"params": weights}, {"params": biases, BIAS_DECAY}], lr=0.05, weight_decay=0.1)

def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = ((model(X) - y) ** 2).mean()
    loss.backward()
    optimizer.step()
    return loss
"""


def run(tmp_path, bias_decay: str, norm: str = "u.norm()", one_group: bool = False) -> tuple[int, dict | None]:
    port = NORMALISED_PORT.replace("BIAS_DECAY", bias_decay).replace("u.norm()", norm)
    if one_group:  # every parameter in the one group model.parameters() makes
        port = port.replace('[{"params": weights}, {"params": biases, ' + bias_decay + '}]', "model.parameters()")
    (tmp_path / "reg.py").write_text(textwrap.dedent(NORMALISED_NUMPY))
    (tmp_path / "port.py").write_text(textwrap.dedent(port))
    X = np.random.default_rng(5).normal(size=(30, 4))
    np.savez(tmp_path / "d.npz", X=X, y=np.sin(X[:, 0]) + X[:, 1])
    report = tmp_path / "r.json"
    result = CliRunner().invoke(cli, ["check", f"{tmp_path}/reg.py:Reg", "--torch", f"{tmp_path}/port.py:Reg", "--as-written",
                                      "--init", "net = Reg()", "--data", f"{tmp_path}/d.npz", "--steps", "5", "--json", str(report)])
    assert result.exit_code in (0, 1), result.output
    return result.exit_code, (json.loads(report.read_text()).get("diagnosis") or [None])[0]


def test_the_biases_group_without_decay_passes(tmp_path):
    assert run(tmp_path, '"weight_decay": 0.0')[0] == 0


def test_a_biases_group_that_takes_the_default_decay_is_named_with_its_group(tmp_path):
    code, top = run(tmp_path, '"lr": 0.05')
    assert code == 1
    assert top["name"] == "optimizer-settings" and top["evidence"]["change"] == "param_groups[1]['weight_decay']=0.0", top
    assert "(b1, b2)" in top["explanation"], top


def test_one_group_that_decays_the_biases_too_is_named_by_splitting_it(tmp_path):
    code, top = run(tmp_path, '"lr": 0.05', one_group=True)
    assert code == 1
    assert top["name"] == "optimizer-settings" and top["evidence"]["change"] == "biases at weight_decay=0", top
    assert "decays every parameter" in top["explanation"], top


def test_a_step_normalised_by_its_rms_where_the_numpy_program_takes_its_l2_norm_is_read_from_the_updates_norms(tmp_path):
    code, top = run(tmp_path, '"weight_decay": 0.0', norm="u.pow(2).mean().sqrt()")
    assert code == 1
    assert top["name"] == "update-norm" and "the NumPy program's updates keep a law" in top["explanation"], top
    assert "the update's L2 norm" in top["explanation"] and "RMS" in top["explanation"], top
    assert "side" not in top["evidence"], top  # a cap's law says no side


def test_a_trust_ratios_law_is_one_number_for_every_tensor_and_a_cap_binds_two_at_the_largest():
    from parity.diagnosis.update_norms import LAWS, _holds
    rng = np.random.default_rng(0)
    weights = [rng.normal(size=(4, 3)), rng.normal(size=5), rng.normal(size=(3, 2))]
    directions = [rng.normal(size=w.shape) for w in weights]
    lamb = [[(0.01 * np.linalg.norm(w) / np.linalg.norm(d) * d, w) for w, d in zip(weights, directions)]] * 2
    adam_like = [[(0.01 * d, w) for w, d in zip(weights, directions)]] * 2
    trust = LAWS["trust"][0]
    assert _holds(lamb, trust, every=True, weighed=True) and not _holds(adam_like, trust, every=True, weighed=True)
    capped = [[(0.01 * d / np.linalg.norm(d), w) for w, d in zip(weights, directions)]]
    assert _holds(capped, LAWS["norm"][0], every=False, weighed=False)
    assert not _holds(adam_like, LAWS["norm"][0], every=False, weighed=False)


def test_a_trust_ratio_that_leaves_the_biases_out_is_read_on_the_weight_matrices():
    from parity.diagnosis.update_norms import LAWS, _holds, _matrices
    rng = np.random.default_rng(1)
    weights = [rng.normal(size=(4, 3)), rng.normal(size=3), rng.normal(size=(3, 2)), rng.normal(size=2)]
    directions = [rng.normal(size=w.shape) for w in weights]
    lamb = [[(0.01 * (np.linalg.norm(w) / np.linalg.norm(d) if w.ndim == 2 else 1.0) * d, w)  # biases: the plain step
             for w, d in zip(weights, directions)]] * 2
    trust = LAWS["trust"][0]
    assert not _holds(lamb, trust, every=True, weighed=True) and _holds(_matrices(lamb), trust, every=True, weighed=True)
    other_norm = [[(0.01 * np.linalg.norm(w) / np.linalg.norm(2 * d + 1) * d, w) for w, d in zip(weights, directions)]] * 2
    assert not _holds(_matrices(other_norm), trust, every=True, weighed=True)  # ‖w‖/‖g‖ with g not the step: no law
