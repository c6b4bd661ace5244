"""The front door: one set of defaults for the command line and the API, paths as a test gives them, `parity check`'s
help and its refusals, and what the package ships (version, type hints, the sdist's own tests)."""

import json
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from click.testing import CliRunner

from parity import RunConfig, TorchPort, UserNetwork
from parity.cli import cli
from parity.config.config import CHECK_DEFAULTS, defaults
from parity.testing import assert_parity
from tests.helpers import assert_one_line_error

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
NETWORK = f"{EXAMPLES}/tutorial_sse.py:NeuralNetwork"
PORT = f"{EXAMPLES}/tutorial_port.py:Net"
OWN_STEP = "train_step(model, optimizer, X, y)"


def invoke(*args):
    return CliRunner().invoke(cli, [str(a) for a in args], prog_name="parity")


# One set of defaults


@pytest.mark.parametrize("command", ["run", "check"])
def test_every_option_of_a_run_defaults_to_what_the_api_takes(command):
    expected = defaults(command)
    given = cli.commands[command].make_context(command, []).params  # what a command line without options runs
    compared = 0
    for name, value in given.items():
        if name in expected and not (command == "check" and name == "bias"):  # check reads the biases off the program
            assert value == expected[name], f"parity {command} --{name.replace('_', '-')}"
            compared += 1
    assert compared >= 22
    assert defaults("check") == {**defaults("run"), **CHECK_DEFAULTS} and defaults("run")["lr"] == RunConfig().lr


def test_assert_parity_on_a_user_network_and_parity_check_use_the_same_learning_rate(tmp_path):
    result = invoke("check", NETWORK, "--output", "output", "--steps", 3, "--json", tmp_path / "r.json")
    assert result.exit_code == 0, result.output
    on_the_command_line = json.loads((tmp_path / "r.json").read_text())["config"]["lr"]
    in_a_test = assert_parity(numpy=UserNetwork(NETWORK, output="output"), steps=3).config.lr
    assert in_a_test == on_the_command_line == 1.0


def test_the_fixtures_config_takes_the_checks_defaults_for_a_check_and_the_runs_for_the_twins(parity_config):
    assert assert_parity(parity_config, numpy=UserNetwork(NETWORK, output="output"), steps=3).config.lr == 1.0
    assert assert_parity(parity_config, torch=PORT, steps=3, lr=0.25).config.lr == 0.25
    assert assert_parity(parity_config, steps=3).config.lr == defaults("run")["lr"]


# Paths beside the test


@pytest.mark.slow  # a whole run in a subprocess: in .ci/run's slow tier, keeping `pytest` within 4 minutes
def test_relative_programs_resolve_beside_the_calling_test_file_from_another_working_folder(tmp_path):
    tests = tmp_path / "project" / "tests"
    tests.mkdir(parents=True)
    (tests / "net.py").write_text((EXAMPLES / "tutorial_sse.py").read_text())
    (tests / "port.py").write_text((EXAMPLES / "tutorial_port.py").read_text())
    (tests / "test_programs.py").write_text(textwrap.dedent('''
        from parity import UserNetwork, check
        from parity.testing import assert_parity

        def test_with_assert_parity():
            assert_parity(numpy=UserNetwork("net.py:NeuralNetwork", output="output"), torch="port.py:Net", steps=3)

        def test_with_check():
            report = check(torch="port.py:Net")
            assert report.passed and report.config.lr == 1.0
    '''))
    result = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "project/tests/test_programs.py"],
                            cwd=tmp_path, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "2 passed" in result.stdout


# parity check: refusals and help


def test_output_with_the_ports_own_step_is_compared_with_the_ports_first_forward_pass_not_dropped():
    result = invoke("check", NETWORK, "--output", "output", "--torch", PORT, "--torch-step", OWN_STEP, "--steps", 20)
    assert result.exit_code == 0, result.output
    assert "PASS: parity holds for all 5 tensors over 20 steps" in result.stdout
    assert any(line.split()[:1] == ["output"] for line in result.stdout.splitlines())
    from parity import check

    report = check(RunConfig(steps=3, lr=1.0), numpy=UserNetwork(NETWORK, output="output"), torch=TorchPort(PORT, step=OWN_STEP))
    assert report.passed and "output" in report.to_json()


def test_output_with_a_step_that_never_calls_the_model_is_refused():
    step = "optimizer.zero_grad(); ((model.forward(X) - y) ** 2).sum().backward(); optimizer.step()"
    result = invoke("check", NETWORK, "--output", "output", "--torch", PORT, "--torch-step", step, "--steps", 3)
    assert_one_line_error(result, "--torch-step never called the model", "drop --output")


def test_an_nn_module_given_as_the_numpy_network_is_named_with_the_option_it_belongs_to():
    result = invoke("check", PORT, "--steps", 3)
    assert_one_line_error(result, f"{PORT} is an nn.Module: did you mean --torch {PORT}?")


def test_check_help_lists_the_programs_then_the_run_then_the_outputs():
    text = invoke("check", "--help").stdout
    assert "Usage: parity check [OPTIONS] [FILE.py:NAME]" in text
    flags = [line.split()[0] for line in text.split("Options:")[1].splitlines() if line.startswith("  --")]
    order = ["--torch", "--torch-init", "--torch-step", "--init", "--step", "--param", "--data", "--lr", "--steps", "--json",
             "--plot", "--from-report"]
    assert [flags.index(flag) for flag in order] == sorted(flags.index(flag) for flag in order), flags


# What the package ships


def test_the_version_is_read_from_the_installed_metadata_set_in_pyproject():
    import parity

    if sys.version_info >= (3, 11):
        import tomllib
    else:
        import tomli as tomllib
    declared = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["version"]
    assert parity.__version__ == declared
    assert invoke("--version").stdout.strip() == f"parity {declared}"
    assert f"## {declared}" in (ROOT / "CHANGELOG.md").read_text()


def test_the_version_of_a_kit_that_is_not_installed_says_so(monkeypatch):
    import importlib.metadata

    import parity

    def not_installed(name):
        raise importlib.metadata.PackageNotFoundError(name)

    monkeypatch.setattr(importlib.metadata, "version", not_installed)
    assert parity.__version__ == "0+unknown"


def test_the_packages_ship_type_hints_and_the_sdist_its_tests():
    if sys.version_info >= (3, 11):
        import tomllib
    else:
        import tomli as tomllib
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())
    for package in ("parity", "numpy_net", "torch_net"):
        assert (ROOT / package / "py.typed").is_file()
        assert project["tool"]["setuptools"]["package-data"][package] == ["py.typed"]
    manifest = (ROOT / "MANIFEST.in").read_text().split()
    for needed in ("tests", "examples", "scripts", "docs", "LICENSE", "CHANGELOG.md"):
        assert needed in manifest, needed
    assert project["project"]["license"] == "MIT" and (ROOT / "LICENSE").is_file()
