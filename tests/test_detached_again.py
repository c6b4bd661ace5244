"""A value the NumPy program's backward treats as a constant and the port back-propagates through (an advantage
G - V(s) without .detach()): found by stepping the port again with that value detached."""

import json
import textwrap

import numpy as np
import torch
from click.testing import CliRunner

from parity.cli import cli
from parity.diagnosis.detached_again import _Detaching

ACTOR_CRITIC_NUMPY = """
import numpy as np

class ActorCritic:
    def __init__(self, seed=0):
        rng = np.random.default_rng(seed)
        self.params = {"W1": rng.normal(0, 0.5, (4, 6)), "b1": np.zeros(6), "Wp": rng.normal(0, 0.5, (6, 1)),
                       "bp": np.zeros(1), "Wv": rng.normal(0, 0.5, (6, 1)), "bv": np.zeros(1)}
        self.lr = 0.1

    def train_step(self, X, y):
        p, n = self.params, len(X)
        S, a = X[:, :4], X[:, 4]
        h = np.tanh(S @ p["W1"] + p["b1"])
        prob = 1 / (1 + np.exp(-(h @ p["Wp"] + p["bp"])[:, 0]))
        v = (h @ p["Wv"] + p["bv"])[:, 0]
        adv = y - v                                   # a baseline: no gradient through it
        logp = a * np.log(prob) + (1 - a) * np.log(1 - prob)
        loss = -np.mean(adv * logp) + VALUE_WEIGHT * np.mean((v - y) ** 2)
        dz = -adv * (a - prob) / n
        dv = VALUE_WEIGHT * 2 * (v - y) / n
        g = {"Wp": h.T @ dz[:, None], "bp": dz.sum(keepdims=True), "Wv": h.T @ dv[:, None], "bv": dv.sum(keepdims=True)}
        dpre = (dz[:, None] @ p["Wp"].T + dv[:, None] @ p["Wv"].T) * (1 - h ** 2)
        g["W1"], g["b1"] = S.T @ dpre, dpre.sum(axis=0)
        for k in p:
            p[k] -= self.lr * g[k]
        return loss
"""

ACTOR_CRITIC_PORT = """
import torch
from torch import nn

class ActorCritic(nn.Module):
    def __init__(self):
        super().__init__()
        self.trunk, self.policy, self.value = nn.Linear(4, 6), nn.Linear(6, 1), nn.Linear(6, 1)

    def forward(self, S):
        h = torch.tanh(self.trunk(S))
        return self.policy(h)[:, 0], self.value(h)[:, 0]

def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=0.1)

def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    logits, v = model(X[:, :4])
    a = X[:, 4]
    logp = -nn.functional.binary_cross_entropy_with_logits(logits, a, reduction="none")
    adv = (y - v).detach()
    loss = -(adv * logp).mean() + ((v - y) ** 2).mean()
    loss.backward()
    optimizer.step()
    return loss
"""

PARAMS = ["W1=trunk.weight.T", "b1=trunk.bias", "Wp=policy.weight.T", "bp=policy.bias", "Wv=value.weight.T", "bv=value.bias"]


def top_finding(tmp_path, numpy_source: str, port_source: str) -> tuple[int, dict | None]:
    (tmp_path / "ac.py").write_text(textwrap.dedent(numpy_source))
    (tmp_path / "port.py").write_text(textwrap.dedent(port_source))
    rng = np.random.default_rng(3)
    X = np.column_stack([rng.normal(size=(32, 4)), rng.integers(0, 2, 32)])
    np.savez(tmp_path / "d.npz", X=X, y=rng.normal(size=32))
    report = tmp_path / "r.json"
    args = ["check", f"{tmp_path}/ac.py:ActorCritic", "--torch", f"{tmp_path}/port.py:ActorCritic", "--as-written",
            "--init", "net = ActorCritic()", "--data", f"{tmp_path}/d.npz", "--steps", "6", "--json", str(report)]
    for pair in PARAMS:
        args += ["--param", f"params['{pair.split('=')[0]}']={pair.split('=')[1]}"]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code in (0, 1), result.output
    diagnosis = json.loads(report.read_text()).get("diagnosis") or [None]
    return result.exit_code, diagnosis[0]


def test_the_correct_pair_passes(tmp_path):
    assert top_finding(tmp_path, ACTOR_CRITIC_NUMPY.replace("VALUE_WEIGHT", "1.0"), ACTOR_CRITIC_PORT)[0] == 0


def test_an_advantage_the_port_does_not_detach_is_named_with_its_value(tmp_path):
    port = ACTOR_CRITIC_PORT.replace("adv = (y - v).detach()", "adv = y - v")
    code, top = top_finding(tmp_path, ACTOR_CRITIC_NUMPY.replace("VALUE_WEIGHT", "1.0"), port)
    assert code == 1
    assert top["name"] == "detached-value", top
    assert top["evidence"]["value"].startswith("[sub") or top["evidence"].get("use", "").startswith("[sub"), top
    assert "a .detach() the port leaves out" in top["explanation"], top
    assert top["score"] >= 0.8


def test_another_bug_in_the_same_programs_is_not_read_as_a_detach(tmp_path):
    code, top = top_finding(tmp_path, ACTOR_CRITIC_NUMPY.replace("VALUE_WEIGHT", "0.5"), ACTOR_CRITIC_PORT)
    assert code == 1
    assert top["name"] != "detached-value", top


def test_a_trunk_whose_numpy_gradient_takes_one_heads_path_only_is_read_as_that_use_cut(tmp_path):
    one_path = ACTOR_CRITIC_NUMPY.replace("VALUE_WEIGHT", "1.0").replace(
        'dpre = (dz[:, None] @ p["Wp"].T + dv[:, None] @ p["Wv"].T) * (1 - h ** 2)', 'dpre = (dz[:, None] @ p["Wp"].T) * (1 - h ** 2)')
    code, top = top_finding(tmp_path, one_path, ACTOR_CRITIC_PORT)
    assert code == 1
    assert top["name"] == "detached-value" and top["evidence"]["use"].startswith("[linear"), top
    assert top["evidence"]["value"].startswith("[tanh") and "a path's term left out of the NumPy backward" in top["explanation"]


def test_a_value_head_the_port_detaches_where_the_numpy_gradient_flows_is_found_by_undoing_that_detach(tmp_path):
    cut = ACTOR_CRITIC_PORT.replace("return self.policy(h)[:, 0], self.value(h)[:, 0]",
                                    "return self.policy(h)[:, 0], self.value(h.detach())[:, 0] + 0 * h.sum()")
    code, top = top_finding(tmp_path, ACTOR_CRITIC_NUMPY.replace("VALUE_WEIGHT", "1.0"), cut)
    assert code == 1
    assert top["name"] == "port-gradient" and "[tanh" in top["explanation"] and ".detach()" in top["explanation"], top


def test_a_tensor_made_after_a_noted_one_is_freed_is_no_calls_result():
    """A freed tensor's address is taken by the next one made; the survey keeps what it noted alive, so a tensor no
    call with a gradient made is never read as one (the CI run where a use of a statistic was read otherwise)."""
    mode, w = _Detaching(), torch.ones(3, requires_grad=True)
    with mode:
        for _ in range(20):
            doubled = w * 2.0
            del doubled
            fresh = torch.ones(3)
            w + fresh
    assert all(operands == [] for name, _, operands, _ in mode.calls if name == "add"), mode.calls


ELMAN_NUMPY = """
import numpy as np

class Elman:
    def __init__(self):
        rng = np.random.default_rng(1)
        self.params = {"Wx": rng.normal(0, 0.5, (2, 5)), "Wh": rng.normal(0, 0.4, (5, 5)), "Wy": rng.normal(0, 0.5, (5, 1))}

    def train_step(self, X, y):
        p, n = self.params, len(X)
        xs = X.reshape(n, 3, 2)
        hs = [np.zeros((n, 5))]
        for t in range(3):
            hs.append(np.tanh(xs[:, t] @ p["Wx"] + hs[-1] @ p["Wh"]))
        out = hs[-1] @ p["Wy"]
        d = 2 * (out - y) / n
        g = {"Wy": hs[-1].T @ d, "Wx": np.zeros((2, 5)), "Wh": np.zeros((5, 5))}
        dh = d @ p["Wy"].T
        for t in reversed(range(3)):
            dz = dh * (1 - hs[t + 1] ** 2)
            g["Wx"] += xs[:, t].T @ dz
            g["Wh"] += hs[t].T @ dz
            dh = dz @ p["Wh"].T
        for k in p:
            p[k] -= 0.1 * g[k]
        return float(np.mean((out - y) ** 2))
"""

ELMAN_PORT = """
import torch
from torch import nn

class Elman(nn.Module):
    def __init__(self):
        super().__init__()
        self.x2h, self.h2h, self.out = nn.Linear(2, 5, bias=False), nn.Linear(5, 5, bias=False), nn.Linear(5, 1, bias=False)

    def forward(self, X):
        xs = X.view(len(X), 3, 2)
        h = X.new_zeros(len(X), 5)
        for t in range(3):
            h = torch.tanh(self.x2h(xs[:, t]) + self.h2h(h.detach()))
        return self.out(h)

def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=0.1)

def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = ((model(X) - y) ** 2).mean()
    loss.backward()
    optimizer.step()
    return loss.item()
"""


def test_a_recurrent_state_the_port_detaches_at_every_time_step_is_found_by_undoing_every_detach(tmp_path):
    """h.detach() in the loop truncates back-propagation through time: no one .detach() undone gives the NumPy
    program's full gradients, all of them together do."""
    (tmp_path / "e.py").write_text(ELMAN_NUMPY)
    (tmp_path / "p.py").write_text(ELMAN_PORT)
    rng = np.random.default_rng(4)
    np.savez(tmp_path / "d.npz", X=rng.normal(size=(16, 6)), y=rng.normal(size=(16, 1)))
    report = tmp_path / "r.json"
    args = ["check", f"{tmp_path}/e.py:Elman", "--torch", f"{tmp_path}/p.py:Elman", "--as-written", "--init", "net = Elman()",
            "--data", f"{tmp_path}/d.npz", "--steps", "6", "--json", str(report), "--param", "params['Wx']=x2h.weight.T",
            "--param", "params['Wh']=h2h.weight.T", "--param", "params['Wy']=out.weight.T"]
    assert CliRunner().invoke(cli, [*args[:3], *args[3:]]).exit_code == 1
    top = json.loads(report.read_text())["diagnosis"][0]
    assert top["name"] == "port-gradient" and "each of the 2 values it detaches" in top["explanation"], top
    fixed = ELMAN_PORT.replace("h.detach()", "h")
    (tmp_path / "p.py").write_text(fixed)
    assert CliRunner().invoke(cli, args).exit_code == 0
