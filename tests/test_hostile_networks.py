"""Networks that do what a network should not: write into their data, hold what cannot be copied."""

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from parity.cli import cli

EXAMPLES = Path(__file__).parent.parent / "examples"

NETWORK = """
import numpy as np

def sigmoid(x):
    return 1.0 / (1 + np.exp(-x))

class Net:
    def __init__(self, x, y):
        self.input, self.y = x, y
        {init}
        self.weights1 = np.random.rand(x.shape[1], 4)
        self.weights2 = np.random.rand(4, 1)

    def feedforward(self):
        self.layer1 = sigmoid(self.input @ self.weights1)
        self.output = sigmoid(self.layer1 @ self.weights2)

    def backprop(self):
        {error}
        d2 = 2 * error * self.output * (1 - self.output)
        d1 = d2 @ self.weights2.T * self.layer1 * (1 - self.layer1)
        self.weights2 += self.layer1.T @ d2
        self.weights1 += self.input.T @ d1
"""


def check(tmp_path, init="pass", error="error = self.y - self.output"):
    (tmp_path / "net.py").write_text(NETWORK.format(init=init, error=error))
    report = tmp_path / "r.json"
    result = CliRunner().invoke(cli, ["check", f"{tmp_path}/net.py:Net", "--output", "output", "--steps", "5", "--json", str(report)])
    return result, json.loads(report.read_text())


def test_the_correct_network_passes(tmp_path):
    result, _ = check(tmp_path)
    assert result.exit_code == 0, result.output


@pytest.mark.parametrize("init,error,array,step", [
    ("pass", "self.y -= self.output; error = self.y", "y", 1),  # the error computed in place, into the targets
    ("x /= 2", "error = self.y - self.output", "X", 1),  # the inputs scaled in place when the network is built
])
def test_a_network_writing_into_its_data_fails_and_the_finding_names_it(tmp_path, init, error, array, step):
    result, report = check(tmp_path, init, error)
    assert result.exit_code == 1
    first = report["diagnosis"][0]
    assert first["name"] == "inputs-written" and first["evidence"]["array"] == array and first["evidence"]["step"] == step
    assert f"writes into the {array} it is given" in result.output


def test_a_network_holding_an_open_file_still_gets_its_diagnosis_and_report(tmp_path):
    # the float64 oracle cannot copy such a network; it is left out, and the rules still name the bug
    result, report = check(tmp_path, init="self.log = open(__file__)", error="error = 2 * (self.y - self.output)")
    assert result.exit_code == 1, result.output
    assert report["verdict"] == "fail" and report["diagnosis"][0]["name"] != "unknown"


def test_a_port_writing_into_its_targets_is_named_too(tmp_path):
    report_path = tmp_path / "r.json"
    step = "y.mul_(0.9); optimizer.zero_grad(); loss_fn(model(X), y).backward(); optimizer.step()"
    result = CliRunner().invoke(cli, ["check", "--torch", str(EXAMPLES / "tutorial_port.py") + ":Net", "--steps", "5",
                                      "--torch-step", step, "--json", str(report_path)])
    assert result.exit_code == 1, result.output
    first = json.loads(report_path.read_text())["diagnosis"][0]
    assert first["name"] == "inputs-written" and first["evidence"]["side"] == "torch" and first["evidence"]["array"] == "y"
