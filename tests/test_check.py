"""`parity check` on networks written the usual tutorial way, and on broken ones."""

import json
import textwrap
from pathlib import Path

import pytest
from click.testing import CliRunner

from parity.cli import cli
from tests.helpers import assert_one_line_error

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


def check(*args):
    return CliRunner().invoke(cli, ["check", *[str(a) for a in args]])


def test_the_classic_tutorial_network_matches_torch():
    result = check(f"{EXAMPLES}/tutorial_sse.py:NeuralNetwork", "--output", "output", "--steps", "300")
    assert result.exit_code == 0, result.output
    assert "PASS: parity holds for all 5 tensors over 300 steps" in result.stdout
    assert "no bias, loss sse, sgd lr=1" in result.stdout


def test_the_classic_bug_is_caught_at_step_1_and_named(tmp_path):
    report = tmp_path / "r.json"
    result = check(f"{EXAMPLES}/tutorial_bug.py:NeuralNetwork", "--output", "output", "--steps", "50", "--json", report)
    assert result.exit_code == 1, result.output
    assert "FAIL: numbers part at step 1, W2.update" in result.stdout
    assert "likely cause: activation-derivative" in result.stdout
    document = json.loads(report.read_text())
    assert document["network"]["parameters"] == {"W1": "weights1", "W2": "weights2"}
    assert document["network"]["found"] == ["W1", "W2"]
    assert document["oracles"]["finite_difference"]["wrong"] == ["numpy"]
    rerun = CliRunner().invoke(cli, ["run", "--from-report", str(report)])
    assert_one_line_error(rerun, "parity check", "tutorial_bug.py:NeuralNetwork")


def test_biases_half_sse_and_row_vector_biases_match():
    result = check(f"{EXAMPLES}/biases_half_sse.py:Network", "--step", "net.train_step(X, y)", "--loss", "half-sse", "--lr", "0.5", "--output", "out", "--steps", "200")
    assert result.exit_code == 0, result.output
    assert "PASS: parity holds for all 9 tensors" in result.stdout


def test_the_same_network_under_the_wrong_loss_is_named_as_a_setting_not_a_bug():
    result = check(f"{EXAMPLES}/biases_half_sse.py:Network", "--step", "net.train_step(X, y)", "--loss", "sse", "--lr", "0.5", "--steps", "5")
    assert result.exit_code == 1
    assert "likely cause: model-family" in result.stdout
    assert "Run with --loss half-sse" in result.stdout and "--lr 0.25" in result.stdout  # the other reading of step 1
    assert "departs" not in result.stdout  # measured against its own model, the network's gradients are right


def test_moving_average_momentum_matches_ema_momentum_and_not_torch_momentum():
    args = [f"{EXAMPLES}/ema_momentum.py:MomentumNetwork", "--step", "net.train()", "--momentum", "0.9", "--lr", "0.5", "--steps", "200"]
    assert check(*args, "--optimizer", "ema-momentum").exit_code == 0
    result = check(*args, "--optimizer", "momentum")
    assert result.exit_code == 1
    assert "likely cause: model-family" in result.stdout and "Run with --optimizer ema-momentum" in result.stdout
    assert "the first 8 steps agree" in result.stdout  # verified by running those settings, not guessed from step 1


def test_a_forward_bug_shows_in_the_output(tmp_path):
    source = (EXAMPLES / "biases_half_sse.py").read_text().replace("X @ self.W1 + self.b1", "X @ self.W1")
    (tmp_path / "net.py").write_text(source)
    result = check(f"{tmp_path}/net.py:Network", "--step", "net.train_step(X, y)", "--loss", "half-sse", "--lr", "0.5", "--output", "out", "--steps", "5")
    assert result.exit_code == 1
    assert "FAIL: numbers part at step 1, output" in result.stdout


def test_the_networks_prints_are_shown_unless_quiet(tmp_path):
    source = (EXAMPLES / "tutorial_sse.py").read_text().replace("    def backprop(self):\n", "    def backprop(self):\n        print('loss is', self.output.sum())\n")
    (tmp_path / "net.py").write_text(source)
    shown = check(f"{tmp_path}/net.py:NeuralNetwork", "--steps", "5")
    assert shown.exit_code == 0 and shown.stdout.count("loss is") == 5
    quiet = check(f"{tmp_path}/net.py:NeuralNetwork", "--steps", "5", "--quiet-network")
    assert quiet.exit_code == 0 and "loss is" not in quiet.output


BROKEN = textwrap.dedent('''
    import numpy as np

    class Raises:
        def __init__(self, X, y):
            self.weights1 = np.ones((X.shape[1], 4)); self.weights2 = np.ones((4, 1)); self.n = 0
        def feedforward(self):
            self.n += 1
        def backprop(self):
            if self.n == 3:
                raise ValueError("shapes went wrong")

    class Transposed:
        def __init__(self, X, y):
            self.weights1 = np.ones((4, X.shape[1])); self.weights2 = np.ones((4, 1))

    class MakesNaN:
        def __init__(self, X, y):
            self.weights1 = np.ones((X.shape[1], 4)); self.weights2 = np.ones((4, 1))
        def feedforward(self): pass
        def backprop(self): self.weights2 = self.weights2 * np.nan

    class NamedLikeTheKit:
        def __init__(self, X, y):
            self.W1 = np.ones((X.shape[1], 4)); self.W2 = np.ones((4, 1))
        def feedforward(self): pass
        def backprop(self): self.W1 = self.W1 * np.nan

    class LosesAttribute:
        def __init__(self, X, y):
            self.weights1 = np.ones((X.shape[1], 4)); self.weights2 = np.ones((4, 1))
        def feedforward(self): pass
        def backprop(self): del self.weights2

    class Reshapes:
        def __init__(self, X, y):
            self.weights1 = np.ones((X.shape[1], 4)); self.weights2 = np.ones((4, 1))
        def feedforward(self): pass
        def backprop(self): self.weights2 = np.ones((5, 1))

    class BadInit:
        def __init__(self, X, y):
            1 / 0

    class Other:
        def __init__(self, X, y):
            self.a = np.ones((X.shape[1], 4)); self.b = np.ones((4, 1))
''')


def line_of(text: str) -> int:
    return next(number for number, line in enumerate(BROKEN.splitlines(), 1) if text in line)


@pytest.fixture
def broken(tmp_path):
    path = tmp_path / "net.py"
    path.write_text(BROKEN)
    return path


@pytest.mark.parametrize(
    "args,words",
    [
        (["{net}:Raises"], ["step 3", "ValueError: shapes went wrong", f"net.py, line {line_of('raise ValueError')}", 'raise ValueError("shapes went wrong")']),
        (["{net}:Transposed", "--param", "weights1=W1"], ["weights1", "(4, 3)", "--param"]),
        (["{net}:MakesNaN"], ["step 1", "weights2 (W2) holds NaN"]),
        (["{net}:NamedLikeTheKit"], ["step 1", "W1 holds NaN"]),
        (["{net}:LosesAttribute"], ["step 1", "no attribute 'weights2'"]),
        (["{net}:Reshapes"], ["step 1", "weights2 has shape (5, 1)", "(4, 1)"]),
        (["{net}:BadInit"], ["--init raised ZeroDivisionError", f"net.py, line {line_of('1 / 0')}"]),
        (["{net}:Missing"], ["defines no 'Missing'", "Raises"]),
        (["{net}:Other"], ["found no weights", "--param"]),
        (["{net}:Other", "--param", "a=W1", "--param", "c=W2"], ["no attribute 'c'"]),
        (["{net}:Raises", "--param", "weights1"], ["--param 'weights1'", "EXPR=NAME"]),
        (["{net}:Raises", "--step", "net.train("], ["--step", "not valid Python"]),
        (["{net}:Raises", "--step", "net.train()"], ["step 1", "AttributeError", "in --step"]),
        (["{net}:Raises", "--init", "Raises(X)"], ["--init raised TypeError"]),
        (["{net}:Raises", "--bias"], ["--bias, but no bias was found"]),
        (["{net}"], ["expected FILE.py:NAME"]),
        (["{dir}/absent.py:Net"], ["no such file"]),
    ],
)
def test_errors_in_user_code_are_one_line_with_exit_2(broken, args, words):
    result = check(*[a.format(net=broken, dir=broken.parent) for a in args], "--steps", "5")
    assert_one_line_error(result, *words)


def test_a_syntax_error_in_the_users_file(tmp_path):
    (tmp_path / "net.py").write_text("def broken(:\n")
    result = check(f"{tmp_path}/net.py:Net")
    assert_one_line_error(result, "SyntaxError")


def test_an_attribute_named_like_the_kit_is_named_once(broken):
    result = check(f"{broken}:NamedLikeTheKit", "--steps", "2")
    assert "W1 (W1)" not in result.stderr and "W1 holds NaN" in result.stderr


DROPOUT = textwrap.dedent('''
    import numpy as np

    class Dropout:
        def __init__(self, X, y):
            self.W1 = np.random.rand(X.shape[1], 4); self.W2 = np.random.rand(4, 1)
        def step(self, X, y):
            h = 1 / (1 + np.exp(-(X @ self.W1)))
            h = h * (np.random.rand(*h.shape) > 0.2) / 0.8
            o = 1 / (1 + np.exp(-(h @ self.W2)))
            d_o = 2 * (o - y) * o * (1 - o)
            self.W1 -= X.T @ ((d_o @ self.W2.T) * h * (1 - h))
            self.W2 -= h.T @ d_o
''')


def test_a_step_with_unseeded_randomness_is_named_with_what_to_seed(tmp_path):
    (tmp_path / "net.py").write_text(DROPOUT)
    result = check(f"{tmp_path}/net.py:Dropout", "--step", "net.step(X, y)", "--steps", "3")
    assert result.exit_code == 1
    assert "likely cause: unseeded-randomness" in result.stdout
    assert "numpy generator" in result.stdout and "np.random.seed" in result.stdout


def test_a_check_report_reruns_with_from_report(tmp_path):
    report = tmp_path / "r.json"
    args = [f"{EXAMPLES}/tanh_hidden.py:TanhNet", "--step", "net.train(X, y)", "--hidden-activation", "tanh", "--loss", "bce",
            "--lr", "0.5", "--output", "out", "--steps", "20", "--json", report]
    first = check(*args)
    assert first.exit_code == 0, first.output
    assert_one_line_error(CliRunner().invoke(cli, ["check", "--from-report", str(report)]), "--trust", "net.train(X, y)")
    again = CliRunner().invoke(cli, ["check", "--from-report", str(report), "--trust"])  # it stores a --step: code
    assert again.exit_code == 0, again.output
    assert again.stdout.splitlines()[0] == first.stdout.splitlines()[0]
    assert_one_line_error(CliRunner().invoke(cli, ["check", "--from-report", str(report), "--lr", "2"]), "drop --lr")
    assert_one_line_error(CliRunner().invoke(cli, ["run", "--from-report", str(report)]), "parity check --from-report")


def test_the_python_api_checks_a_network_a_port_and_both():
    from parity import RunConfig, check as check_api

    config = RunConfig(lr=1.0, bias=False, steps=30)
    numpy = f"{EXAMPLES}/tutorial_sse.py:NeuralNetwork"
    port = f"{EXAMPLES}/tutorial_port.py:Net"
    for report in (check_api(config, numpy=numpy), check_api(config, torch=port), check_api(config, numpy=numpy, torch=port)):
        assert report.passed, report.verdict_line()
    both = check_api(config, numpy=numpy, torch=port)
    assert both.network["network"] == numpy and both.network["torch"] == port


@pytest.mark.parametrize("args,words", [
    (["--torch", "{examples}/tutorial_port.py:Nope"], ["defines no 'Nope'", "Net"]),
    (["--torch", "{examples}/tutorial_port.py:Net", "--torch-param", "nope=W1"], ["no parameter 'nope'", "hidden.weight"]),
    (["--torch", "{examples}/tutorial_port.py:Net", "--torch-loss", "nn.Blah()"], ["--torch-loss raised AttributeError"]),
    (["--torch", "{examples}/tutorial_port.py:Net", "--data", "random:10,5"], ["must be (5, width)"]),
    (["{examples}/tutorial_sse.py:NeuralNetwork", "--torch", "{examples}/tutorial_port.py:Net", "--init", "NeuralNetwork(X, y)", "--data", "random:8,3,2"], ["2 outputs"]),
    ([], ["FILE.py:NAME", "--torch"]),
])
def test_errors_about_the_port_are_one_line_with_exit_2(args, words):
    result = check(*[a.format(examples=EXAMPLES) for a in args], "--steps", "3")
    assert_one_line_error(result, *words)


def test_output_files_honour_the_umask_and_keep_an_existing_mode(tmp_path):
    import os

    path = tmp_path / "r.json"
    old = os.umask(0o027)
    try:
        assert check(f"{EXAMPLES}/tutorial_sse.py:NeuralNetwork", "--steps", "2", "--json", path).exit_code == 0
        assert path.stat().st_mode & 0o777 == 0o640
        path.chmod(0o604)
        assert check(f"{EXAMPLES}/tutorial_sse.py:NeuralNetwork", "--steps", "2", "--json", path).exit_code == 0
        assert path.stat().st_mode & 0o777 == 0o604
    finally:
        os.umask(old)


def test_sibling_imports_and_dataclasses_under_future_annotations_load(tmp_path):
    (tmp_path / "helpers.py").write_text("import numpy as np\ndef sigmoid(z):\n    return 1 / (1 + np.exp(-z))\n")
    (tmp_path / "net.py").write_text(textwrap.dedent('''
        from __future__ import annotations
        from dataclasses import dataclass, field
        import numpy as np
        from helpers import sigmoid

        @dataclass
        class Net:
            X: np.ndarray
            y: np.ndarray
            weights1: np.ndarray = field(default_factory=lambda: np.ones((3, 4)))
            weights2: np.ndarray = field(default_factory=lambda: np.ones((4, 1)))

            def step(self, X, y):
                h = sigmoid(X @ self.weights1)
                o = sigmoid(h @ self.weights2)
                d_o = 2 * (o - y) * o * (1 - o)
                self.weights1 -= X.T @ ((d_o @ self.weights2.T) * h * (1 - h))
                self.weights2 -= h.T @ d_o
    '''))
    result = check(f"{tmp_path}/net.py:Net", "--step", "net.step(X, y)", "--steps", "20")
    assert result.exit_code == 0, result.output


def test_a_mistake_in_every_layer_is_named_in_every_layer():
    result = check(f"{EXAMPLES}/tutorial_bug.py:NeuralNetwork", "--output", "output", "--steps", "5")
    assert "likely cause: activation-derivative" in result.stdout
    assert "the output layer and every hidden layer (W2.grad, W1.grad)" in result.stdout


ERRORS_NOT_DELTAS = textwrap.dedent('''
    import numpy

    class neuralNetwork:
        """Weights (out, in), one sample a call, the output's error propagated back instead of its delta."""
        def __init__(self, inputnodes, hiddennodes, outputnodes, learningrate):
            self.wih = numpy.random.normal(0.0, pow(inputnodes, -0.5), (hiddennodes, inputnodes))
            self.who = numpy.random.normal(0.0, pow(hiddennodes, -0.5), (outputnodes, hiddennodes))
            self.lr = learningrate
            self.activation_function = lambda x: 1 / (1 + numpy.exp(-x))

        def train(self, inputs_list, targets_list):
            inputs = numpy.array(inputs_list, ndmin=2).T
            targets = numpy.array(targets_list, ndmin=2).T
            hidden_outputs = self.activation_function(numpy.dot(self.wih, inputs))
            final_outputs = self.activation_function(numpy.dot(self.who, hidden_outputs))
            output_errors = targets - final_outputs
            hidden_errors = numpy.dot(self.who.T, output_errors)
            self.who += self.lr * numpy.dot(output_errors * final_outputs * (1.0 - final_outputs), hidden_outputs.T)
            self.wih += self.lr * numpy.dot(hidden_errors * hidden_outputs * (1.0 - hidden_outputs), inputs.T)
''')


def test_errors_propagated_instead_of_deltas_are_named_with_the_output_layers_settings(tmp_path):
    (tmp_path / "book.py").write_text(ERRORS_NOT_DELTAS)
    result = check(f"{tmp_path}/book.py:neuralNetwork", "--init", "neuralNetwork(3, 4, 1, 0.3)", "--batch-size", "1",
                   "--step", "net.train(X[0], y[0])", "--steps", "5")
    assert result.exit_code == 1
    assert "W1 = wih.T, W2 = who.T" in result.stdout
    assert "likely cause: hidden-layer-backprop" in result.stdout and "the output's error (output - y), not its delta" in result.stdout
    assert "The output layer of your NumPy program follows" in result.stdout and "--lr 0.15" in result.stdout


PLAIN_SGD = textwrap.dedent('''
    import numpy as np

    class Plain:
        """Plain SGD at lr 0.05: its first step is also what a moving-average momentum at lr 0.5 takes."""
        def __init__(self, X, y):
            self.W1 = np.random.rand(X.shape[1], 4); self.W2 = np.random.rand(4, 1)
        def step(self, X, y):
            h = 1 / (1 + np.exp(-(X @ self.W1)))
            o = 1 / (1 + np.exp(-(h @ self.W2)))
            d_o = 2 * (o - y) * o * (1 - o)
            self.W1 -= 0.05 * X.T @ ((d_o @ self.W2.T) * h * (1 - h))
            self.W2 -= 0.05 * h.T @ d_o
''')


def test_a_member_that_fits_step_1_but_not_the_steps_after_is_never_stated(tmp_path):
    (tmp_path / "net.py").write_text(PLAIN_SGD)
    result = check(f"{tmp_path}/net.py:Plain", "--step", "net.step(X, y)", "--optimizer", "momentum", "--lr", "0.5", "--steps", "5")
    run_with = next(line for line in result.stdout.splitlines() if "Run with" in line)
    assert "--optimizer sgd --lr 0.05" in run_with, result.stdout  # ema-momentum fits step 1 at lr 0.5, and fails step 2
    assert "ema-momentum" not in run_with


SHARED_ARRAYS = textwrap.dedent('''
    import numpy as np

    class Shared:
        """Its optimizer holds the weight arrays in a list and updates them there, in place."""
        def __init__(self, X, y):
            self.W1 = np.random.rand(X.shape[1], 4); self.W2 = np.random.rand(4, 1)
            self.parameters = [self.W1, self.W2]
        def step(self, X, y):
            h = 1 / (1 + np.exp(-(X @ self.W1)))
            o = 1 / (1 + np.exp(-(h @ self.W2)))
            d_o = 2 * (o - y) * o * (1 - o)
            grads = [X.T @ ((d_o @ self.W2.T) * h * (1 - h)), h.T @ d_o]
            for p, g in zip(self.parameters, grads):
                p -= g
''')


def test_weights_are_written_in_place_so_other_references_see_them(tmp_path):
    (tmp_path / "net.py").write_text(SHARED_ARRAYS)
    result = check(f"{tmp_path}/net.py:Shared", "--step", "net.step(X, y)", "--dtype", "float64", "--steps", "20")
    assert result.exit_code == 0, result.output


@pytest.mark.parametrize("network,passes", [("Frozen", False), ("Ascends", False), ("Right", True)])
def test_a_step_that_changes_nothing_or_ascends_fails_however_small_the_learning_rate(network, passes):
    data = Path(__file__).resolve().parent / "data" / "tiny_steps.py"
    result = check(f"{data}:{network}", "--step", "net.step(X, y)", "--lr", "1e-5", "--steps", "20")
    assert (result.exit_code == 0) == passes, result.output
    if network == "Frozen":
        assert "likely cause: no-update" in result.stdout


HEAD_FIRST = textwrap.dedent('''
    import torch
    from torch import nn

    class HeadFirst(nn.Module):
        def __init__(self):
            super().__init__()
            self.blocks = nn.ModuleDict({"head": nn.Linear(6, 1), "inner": nn.Linear(4, 6)})

        def forward(self, x):
            return torch.sigmoid(self.blocks["head"](torch.sigmoid(self.blocks["inner"](x))))
''')


def test_a_port_declared_head_first_is_paired_in_the_order_its_forward_calls_the_layers(tmp_path):
    (tmp_path / "head_first.py").write_text(HEAD_FIRST)
    report = tmp_path / "r.json"
    result = check("--torch", f"{tmp_path}/head_first.py:HeadFirst", "--data", "random:12,4", "--steps", "5",
                   "--json", report)
    assert result.exit_code == 0, result.output
    assert json.loads(report.read_text())["network"]["torch_params"][:2] == ["blocks.inner.weight=W1.T", "blocks.inner.bias=b1"]
    wrong_width = check("--torch", f"{tmp_path}/head_first.py:HeadFirst", "--data", "random:12,5", "--steps", "2")
    assert_one_line_error(wrong_width, "blocks.head.weight.T", "must be (5, width)")
