"""Networks written the ways people write them, each an example in examples/ and a row of the table in docs/how-to/numpy-network.md.

Every correct network passes; every planted bug is named; run with the
default family flags, a correct network is never called wrong: the kit
names the setting it computes instead.
"""

import shlex
from pathlib import Path

import pytest
from click.testing import CliRunner

from parity.cli import cli

ROOT = Path(__file__).resolve().parent.parent

# (documented command, exit status, words the output must hold)
STYLES = [
    ("parity check examples/linear_output.py:Regressor --output-activation linear --loss mse --lr 0.1 --step \"net.fit_step(X, y)\" --output predictions", 0, ["PASS"]),
    ("parity check examples/tanh_hidden.py:TanhNet --hidden-activation tanh --loss bce --lr 0.5 --step \"net.train(X, y)\" --output out", 0, ["PASS"]),
    ("parity check examples/softmax_classifier.py:SoftmaxClassifier --data random:60,4,3 --hidden-activation relu --output-activation softmax --loss ce --lr 0.5 --step \"net.step(X, y)\" --output probs", 0, ["PASS"]),
    ("parity check examples/softmax_sum.py:Classifier --data random:40,3,4 --output-activation softmax --loss ce-sum --lr 0.05 --step \"net.backprop(X, y)\" --output y_hat", 0, ["PASS"]),
    ("parity check examples/two_hidden_layers.py:DeepNet --loss half-sse --lr 0.5 --step \"net.train_on(X, y)\" --output a3", 0, ["PASS", "13 tensors"]),
    ("parity check examples/columns_layout.py:ShallowNet --init \"ShallowNet(X.T, y.T)\" --step \"net.iterate(X.T, y.T)\" --hidden-activation tanh --loss bce --lr 1.2 --output A2.T", 0, ["PASS", "W1 = parameters['W1'].T"]),
    ("parity check examples/weights_list.py:Network --init \"Network([3, 5, 1])\" --loss mse --lr 2.0 --step \"net.update(X, y)\"", 0, ["PASS", "W1 = weights[0]", "b2 = biases[1]"]),
    ("parity check examples/weights_dict.py:MLP --lr 0.3 --step \"grads = net.gradients(X, y); net.apply(grads)\"", 0, ["PASS", "W1 = params['W_hidden']"]),
    ("parity check examples/minibatch.py:MiniBatchNet --data random:200,5 --batch-size 32 --shuffle --loss mse --lr 0.5 --step \"net.sgd_step(X, y)\" --steps 100", 0, ["PASS", "batch size 32 shuffled"]),
    ("parity check examples/script_adapter.py:ScriptAdapter --loss half-sse --lr 0.8", 0, ["PASS", "adapter protocol"]),
    ("parity check --torch examples/tutorial_port.py:Net", 0, ["PASS", "W1 = hidden.weight.T"]),
    ("parity check --torch examples/tutorial_port.py:Net --torch-loss \"nn.MSELoss()\"", 1, ["likely cause: model-family", "Your PyTorch program", "reduced differently", "--loss mse"]),
    ("parity check examples/tutorial_sse.py:NeuralNetwork --output output --torch examples/tutorial_port.py:Net", 0, ["PASS", "against examples/tutorial_port.py:Net"]),
    ("parity check examples/tutorial_sse.py:NeuralNetwork --output output --torch examples/tutorial_port.py:Net --torch-step \"train_step(model, optimizer, X, y)\"", 0, ["PASS"]),
    ("parity check examples/tutorial_bug.py:NeuralNetwork --output output", 1, ["likely cause: activation-derivative"]),
]

# Correct networks run with the default flags: the kit names the setting, never a bug.
DEFAULT_FLAGS = [
    ("examples/linear_output.py:Regressor --lr 0.1 --step \"net.fit_step(X, y)\" --output predictions", ["--output-activation linear", "--loss mse"]),
    ("examples/tanh_hidden.py:TanhNet --lr 0.5 --step \"net.train(X, y)\" --output out", ["--hidden-activation tanh", "--loss bce"]),
    ("examples/two_hidden_layers.py:DeepNet --lr 0.5 --step \"net.train_on(X, y)\" --output a3", ["--loss half-sse"]),
    ("examples/weights_dict.py:MLP --lr 0.6 --step \"grads = net.gradients(X, y); net.apply(grads)\"", ["--lr 0.3"]),
    ("examples/ema_momentum.py:MomentumNetwork --step \"net.train()\" --optimizer momentum", ["--optimizer ema-momentum"]),
    ("examples/script_adapter.py:ScriptAdapter --lr 0.8", ["--loss half-sse"]),
]


def invoke(command: str, *extra: str):
    args = shlex.split(command)
    assert args[0] == "parity"
    return CliRunner().invoke(cli, [*args[1:], *extra])


@pytest.mark.parametrize("command,status,words", STYLES, ids=[s[0].split()[2].split(":")[0].split("/")[-1] + f"-{i}" for i, s in enumerate(STYLES)])
def test_each_network_style(command, status, words, monkeypatch):
    monkeypatch.chdir(ROOT)
    extra = () if "--steps" in command else ("--steps", "150")
    result = invoke(command, *extra)
    assert result.exit_code == status, result.output
    for word in words:
        assert word in result.stdout, (word, result.stdout)


@pytest.mark.parametrize("args,flags", DEFAULT_FLAGS, ids=[a.split(":")[0].split("/")[-1] for a, _ in DEFAULT_FLAGS])
def test_a_correct_network_under_the_wrong_settings_is_told_its_settings_not_a_bug(args, flags, monkeypatch):
    monkeypatch.chdir(ROOT)
    result = invoke(f"parity check {args}", "--steps", "10")
    assert result.exit_code == 1, result.output
    assert "likely cause: model-family" in result.stdout, result.stdout
    run_with = next(line for line in result.stdout.splitlines() if "Run with" in line)
    for flag in flags:
        assert flag in run_with or flag in result.stdout.split("Equally consistent")[-1], (flag, result.stdout)
    assert "the first 8 steps agree" in result.stdout


def test_every_style_is_in_the_documented_table():
    page = (ROOT / "docs" / "how-to" / "numpy-network.md").read_text()
    for command, _, _ in STYLES:
        assert command in page, command


STATE_AT_CONSTRUCTION = '''
import numpy as np

class Net:
    def __init__(self, X, y, flat=False):
        rng = np.random.default_rng(3)
        self.W1, self.b1 = rng.normal(0, 0.5, (4, 5)), np.zeros(5)  # float64, as NumPy makes them
        self.W2, self.b2 = rng.normal(0, 0.5, (5, 1)), np.zeros(1)
        self.velocity = [np.zeros_like(p) for p in (self.W1, self.b1, self.W2, self.b2)]  # float64 too

    def train(self, X, y, lr=0.2, mu=0.9):
        h = np.tanh(X @ self.W1 + self.b1)
        o = 1 / (1 + np.exp(-(h @ self.W2 + self.b2)))
        d2 = 2 * (o - y) * o * (1 - o)
        d1 = (d2 @ self.W2.T) * (1 - h * h)
        grads = (X.T @ d1, d1.sum(0), h.T @ d2, d2.sum(0))
        for i, (name, g) in enumerate(zip(("W1", "b1", "W2", "b2"), grads)):
            self.velocity[i] = mu * self.velocity[i] + g
            setattr(self, name, getattr(self, name) - lr * self.velocity[i])  # a float64 velocity would make W float64
'''


def test_state_made_at_construction_from_float64_weights_runs_in_the_runs_dtype(tmp_path):
    """The optimizer state a program builds with np.zeros_like from its float64 weights is cast with the weights, as a
    port's model.to(dtype) casts its own: a correct program is not a float64 leak."""
    (tmp_path / "net.py").write_text(STATE_AT_CONSTRUCTION)
    result = CliRunner().invoke(cli, ["check", f"{tmp_path}/net.py:Net", "--step", "net.train(X, y)", "--optimizer", "momentum",
                                      "--momentum", "0.9", "--lr", "0.2", "--hidden-activation", "tanh", "--data", "random:32,4",
                                      "--dtype", "float32", "--steps", "10"])
    assert result.exit_code == 0, result.output
