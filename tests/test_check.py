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
    assert "the first 5 steps agree" in result.stdout  # verified by running those settings, not guessed from step 1


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
