"""An optimizer state that one side leaves at zero while the other's moves: a parameter skipped in that side's update
loop (a warm-up written as a skip), said only where neither side moves the parameter or its gradient is there."""

import json
import textwrap

import numpy as np
from click.testing import CliRunner

from parity.cli import cli

RMSPROP_NUMPY = """
import numpy as np

class Head:
    def __init__(self):
        rng = np.random.default_rng(0)
        self.params = {"W1": rng.normal(0, 0.5, (4, 6)), "b1": np.zeros(6), "W2": rng.normal(0, 0.5, (6, 1)), "b2": np.zeros(1)}
        self.sq = {k: np.zeros_like(v) for k, v in self.params.items()}
        self.t = 0

    def train_step(self, X, y):
        p, n = self.params, len(X)
        h = np.tanh(X @ p["W1"] + p["b1"])
        out = h @ p["W2"] + p["b2"]
        d = 2 * (out - y[:, None]) / n
        dh = (d @ p["W2"].T) * (1 - h ** 2)
        g = {"W2": h.T @ d, "b2": d.sum(axis=0), "W1": X.T @ dh, "b1": dh.sum(axis=0)}
        self.t += 1
        for k in p:
            lr = 0.01 if k in ("W1", "b1") or self.t > 3 else 0.0
            if SKIP and lr == 0.0:
                continue
            self.sq[k] = 0.9 * self.sq[k] + 0.1 * g[k] ** 2
            p[k] -= lr * g[k] / (np.sqrt(self.sq[k]) + 1e-8)
        return float(np.mean((out - y[:, None]) ** 2))
"""

RMSPROP_PORT = """
import torch
from torch import nn

class Head(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc1, self.fc2 = nn.Linear(4, 6), nn.Linear(6, 1)

    def forward(self, X):
        return self.fc2(torch.tanh(self.fc1(X)))

def make_optimizer(model):
    optimizer = torch.optim.RMSprop([{"params": model.fc1.parameters()}, {"params": model.fc2.parameters()}],
                                    lr=0.01, alpha=0.9, eps=1e-8)
    warm_up = torch.optim.lr_scheduler.LambdaLR(optimizer, [lambda s: 1.0, lambda s: 0.0 if s < 3 else 1.0])
    return optimizer, warm_up

def train_step(model, optimizer, X, y, scheduler):
    optimizer.zero_grad()
    loss = ((model(X)[:, 0] - y) ** 2).mean()
    loss.backward()
    optimizer.step()
    scheduler.step()
    return loss
"""


def top(tmp_path, skip: bool, numpy_source: str = RMSPROP_NUMPY, port_source: str = RMSPROP_PORT) -> tuple[int, dict | None]:
    (tmp_path / "head.py").write_text(textwrap.dedent(numpy_source.replace("SKIP", str(skip))))
    (tmp_path / "port.py").write_text(textwrap.dedent(port_source))
    X = np.random.default_rng(2).normal(size=(24, 4))
    np.savez(tmp_path / "d.npz", X=X, y=X[:, 0] - X[:, 1])
    report = tmp_path / "r.json"
    result = CliRunner().invoke(cli, ["check", f"{tmp_path}/head.py:Head", "--torch", f"{tmp_path}/port.py:Head",
                                      "--as-written", "--init", "net = Head()", "--data", f"{tmp_path}/d.npz", "--steps", "6",
                                      "--state", "square_avg=net.sq", "--json", str(report)])
    assert result.exit_code in (0, 1), result.output
    return result.exit_code, (json.loads(report.read_text()).get("diagnosis") or [None])[0]


def test_a_state_the_numpy_program_skips_while_neither_side_moves_the_parameter_is_named(tmp_path):
    code, finding = top(tmp_path, skip=True)
    assert code == 1
    assert finding["name"] == "not-updated" and finding["evidence"]["state"] == "square_avg", finding
    assert finding["evidence"]["side"] == "numpy" and finding["evidence"]["parameter"] in ("W2", "b2")


def test_the_same_programs_without_the_skip_pass(tmp_path):
    assert top(tmp_path, skip=False)[0] == 0


def test_a_state_kept_in_another_form_while_every_update_agrees_is_not_read_as_a_clipping(tmp_path):
    """The NumPy program keeps RMSprop's root, √v, where torch keeps v: the states part, every update agrees. Readings
    that step the port again and compare updates prove nothing there (the port as it is already follows)."""
    rooted = (RMSPROP_NUMPY.replace("self.sq[k] = 0.9 * self.sq[k] + 0.1 * g[k] ** 2",
                                    "self.sq[k] = np.sqrt(0.9 * self.sq[k] ** 2 + 0.1 * g[k] ** 2)")
              .replace("(np.sqrt(self.sq[k]) + 1e-8)", "(self.sq[k] + 1e-8)"))
    code, finding = top(tmp_path, skip=False, numpy_source=rooted)
    assert code == 1
    assert finding["name"] not in ("gradient-clipping", "detached-value", "optimizer-settings"), finding


def test_a_warm_up_one_step_longer_on_one_side_is_read_from_the_step_after(tmp_path):
    longer = RMSPROP_PORT.replace("0.0 if s < 3 else 1.0", "0.0 if s <= 3 else 1.0")
    code, finding = top(tmp_path, skip=False, port_source=longer)
    assert code == 1 and finding["name"] == "not-updated" and finding["evidence"]["step"] == 4, finding
    assert "lasts one step longer on that side" in finding["explanation"] and finding["evidence"]["side"] == "torch", finding


def test_a_forward_parting_from_step_two_names_the_parameters_that_started_at_one_value_beside_carried_state():
    """A bias table of zeros indexed by another id column agrees at step 1 whatever entries are read."""
    from types import SimpleNamespace
    from parity.diagnosis.extra_parameters import CARRIED, carried_or_constant
    start = {"b_item": np.zeros(30), "P": np.random.default_rng(0).normal(size=(20, 4)), "mu": np.array(3.0)}
    built = SimpleNamespace(make_sides=lambda: (SimpleNamespace(params=lambda: start), None))
    said = carried_or_constant(built, 2)
    assert "started at one value at every entry (b_item)" in said and said.endswith(CARRIED), said
    assert carried_or_constant(built, 3) == CARRIED  # past step 2 the start says nothing of the step before
    start.pop("b_item")
    assert carried_or_constant(built, 2) == CARRIED
