"""The command line, through click's test runner."""

import json

import numpy as np
import pytest
import torch
from click.testing import CliRunner

from parity.cli import cli
from tests.helpers import assert_one_line_error


def invoke(*args: str):
    return CliRunner().invoke(cli, list(args))


def test_default_run_prints_a_table_and_passes():
    result = invoke("run", "--steps", "100")
    assert result.exit_code == 0, result.output
    assert "PASS: parity holds for all 11 tensors over 100 steps" in result.stdout
    for name in ("hidden", "output", "loss", "W1.grad", "b2.grad", "W2"):
        assert f"\n{name} " in result.stdout
    assert "NOT OK" not in result.stdout


def test_json_report_is_written(tmp_path):
    path = tmp_path / "r.json"
    result = invoke("run", "--dtype", "float64", "--steps", "200", "--optimizer", "adam", "--loss", "bce", "--json", str(path))
    assert result.exit_code == 0, result.output
    report = json.loads(path.read_text())
    assert report["verdict"] == "pass"
    assert report["first_failure"] is None
    assert max(t["max_abs"] for t in report["tensors"].values()) < 1e-10
    assert report["config"]["loss"] == "bce" and report["environment"]["tf32_matmul"] is False


def test_weights_saved_then_loaded_reproduce_the_run(tmp_path):
    weights = tmp_path / "w.npz"
    first = invoke("run", "--steps", "20", "--seed", "5", "--save-weights", str(weights), "--json", str(tmp_path / "a.json"))
    second = invoke("run", "--steps", "20", "--seed", "99", "--weights", str(weights), "--json", str(tmp_path / "b.json"))
    assert first.exit_code == second.exit_code == 0
    a, b = (json.loads((tmp_path / n).read_text())["tensors"] for n in ("a.json", "b.json"))
    assert a == b
    assert sorted(np.load(weights).files) == ["W1", "W2", "b1", "b2"]


def test_mismatch_exits_1():
    # A tolerance of zero cannot hold for float32 arithmetic done two ways.
    result = invoke("run", "--steps", "50", "--rtol", "0", "--atol", "0")
    assert result.exit_code == 1, result.output
    assert "FAIL: numbers part at step" in result.stdout
    assert "NOT OK" in result.stdout


def test_help_names_every_command_and_option():
    assert invoke("--help").exit_code == 0
    result = invoke("run", "--help")
    assert result.exit_code == 0
    for option in ("--data", "--loss", "--optimizer", "--mode", "--rtol", "--allow-tf32", "--json"):
        assert option in result.stdout


@pytest.fixture
def files(tmp_path):
    def write_npz(name, **arrays):
        path = tmp_path / name
        np.savez(path, **arrays)
        return str(path)

    return tmp_path, write_npz


def test_unknown_names_are_bad_usage():
    assert_one_line_error(invoke("run", "--loss", "hinge"), "hinge", "sse")
    assert_one_line_error(invoke("run", "--optimizer", "rmsprop"), "rmsprop", "adam")
    assert_one_line_error(invoke("run", "--dtype", "float16"), "float16", "float32")
    assert_one_line_error(invoke("run", "--mode", "sideways"), "sideways")
    assert_one_line_error(invoke("run", "--data", "mnist"), "mnist", "xor")
    assert_one_line_error(invoke("run", "--no-such-option"), "--no-such-option")
    assert_one_line_error(invoke("frobnicate"), "frobnicate")


def test_x_and_y_row_counts_must_match(files):
    folder, write_npz = files
    path = write_npz("d.npz", X=np.ones((5, 2)), y=np.ones((4, 1)))
    assert_one_line_error(invoke("run", "--data", path), "5 rows", "4")


def test_non_finite_data_is_refused(files):
    folder, write_npz = files
    X = np.ones((4, 2))
    X[2, 1] = np.nan
    assert_one_line_error(invoke("run", "--data", write_npz("d.npz", X=X, y=np.ones((4, 1)))), "nan", "row 2")
    csv = folder / "d.csv"
    csv.write_text("1,2,0\n3,inf,1\n")
    assert_one_line_error(invoke("run", "--data", str(csv)), "inf")


@pytest.mark.skipif(torch.cuda.is_available(), reason="checks the message on a machine without CUDA")
def test_cuda_without_cuda_is_bad_usage():
    assert_one_line_error(invoke("run", "--device", "cuda"), "CUDA is not available")


def test_missing_and_malformed_files(files, tmp_path):
    folder, write_npz = files
    assert_one_line_error(invoke("run", "--data", str(tmp_path / "absent.npz")), "no such file")
    corrupt = tmp_path / "corrupt.npz"
    corrupt.write_bytes(b"this is not a zip archive")
    assert_one_line_error(invoke("run", "--data", str(corrupt)), "not a readable .npz")
    assert_one_line_error(invoke("run", "--data", write_npz("x.npz", X=np.ones((4, 2)))), "no array y")
    ragged = tmp_path / "ragged.csv"
    ragged.write_text("1,2,0\n3,4\n")
    assert_one_line_error(invoke("run", "--data", str(ragged)), "line 2")
    words = tmp_path / "words.csv"
    words.write_text("a,b,c\n1,x,0\n")
    assert_one_line_error(invoke("run", "--data", str(words)), "line 2", "not all numbers")
    assert_one_line_error(invoke("run", "--weights", str(corrupt)), "--weights")


def test_weights_that_do_not_fit_the_data(tmp_path):
    weights = tmp_path / "w.npz"
    assert invoke("run", "--steps", "1", "--save-weights", str(weights)).exit_code == 0
    assert_one_line_error(invoke("run", "--weights", str(weights), "--hidden", "6"), "W1", "(3, 6)")
    assert_one_line_error(invoke("run", "--weights", str(weights), "--no-bias"), "--no-bias")


def test_bad_numbers_are_refused():
    assert_one_line_error(invoke("run", "--steps", "0"), "--steps")
    assert_one_line_error(invoke("run", "--lr", "-1"), "--lr")
    assert_one_line_error(invoke("run", "--hidden", "0"), "--hidden")
    assert_one_line_error(invoke("run", "--rtol", "-1e-3"), "--rtol")
    assert_one_line_error(invoke("run", "--betas", "0.9"), "--betas")
    assert_one_line_error(invoke("run", "--optimizer", "nesterov", "--dampening", "0.1"), "nesterov")


def test_an_unwritable_report_path_fails_before_the_run_and_leaves_no_file(tmp_path):
    assert_one_line_error(invoke("run", "--json", str(tmp_path / "no" / "r.json")), "does not exist")
    assert_one_line_error(invoke("run", "--json", str(tmp_path)), "is a directory")
    assert list(tmp_path.iterdir()) == []


def test_a_failed_run_does_not_touch_an_existing_report(tmp_path):
    report = tmp_path / "r.json"
    report.write_text("keep me")
    assert_one_line_error(invoke("run", "--loss", "bce", "--data", "random:0,2", "--json", str(report)))
    assert report.read_text() == "keep me"


def test_version_names_the_installed_package():
    from importlib.metadata import version

    result = invoke("--version")
    assert result.exit_code == 0
    assert result.stdout.strip() == f"parity {version('numpy-torch-parity')}"


def test_bare_parity_prints_its_help_and_exits_0():
    result = invoke()
    assert result.exit_code == 0, result.output
    assert result.stdout == invoke("--help").stdout and "Commands:" in result.stdout
    assert result.stderr == ""


def test_top_level_help_shows_each_commands_whole_first_line():
    commands = invoke("--help").stdout.split("Commands:")[1]
    listed = " ".join(commands.split())  # the formatter wraps long lines
    for name, command in cli.commands.items():
        first_line = " ".join(command.help.strip().splitlines()[0].split())
        assert f"{name} {first_line}" in listed, name
    assert "..." not in commands


@pytest.mark.parametrize("command", ["run", "check", "mutants", "explain"])
def test_every_command_states_its_exit_statuses(command):
    text = " ".join(invoke(command, "--help").stdout.split())
    assert "Exit status: 0" in text and "1 " in text and "2 " in text


def test_the_options_table_lists_every_option_of_every_command():
    from pathlib import Path

    page = (Path(__file__).resolve().parent.parent / "docs" / "reference" / "options.md").read_text()
    table = [line for line in page.splitlines() if line.startswith("| `")]
    documented = " ".join(line.split("|")[1] for line in table)
    for name, command in cli.commands.items():
        for param in command.params:
            for flag in (*param.opts, *param.secondary_opts):
                if flag.startswith("--"):
                    assert f"{flag}" in documented, f"parity {name} {flag} is missing from the options table in docs/reference/options.md"


def test_mutants_stops_on_ctrl_c_with_what_ran_and_exit_130(monkeypatch):
    import parity.mutants.catalogue as catalogue

    real, calls = catalogue.run_mutant, []

    def interrupted_third(mutant, **options):
        calls.append(mutant.name)
        result = real(mutant, steps=2, device="cpu")
        if len(calls) == 3:
            result.report.result.interrupted = True
        return result

    monkeypatch.setattr(catalogue, "run_mutant", interrupted_third)
    result = invoke("mutants")
    assert result.exit_code == 130, result.output
    assert f"INTERRUPTED during {calls[2]}, after 2 of {len(catalogue.CATALOGUE)} mutants" in result.stdout
    assert calls[0] in result.stdout and calls[2] not in result.stdout.split("INTERRUPTED")[0]
    assert len(calls) == 3


@pytest.mark.parametrize("args, words", [
    (("--check-every", "0"), "--check-every"),
    (("--json", "/nonexistent-folder/bench.json"), "does not exist"),
])
def test_bench_refuses_bad_usage_before_it_measures_anything(args, words):
    result = invoke("bench", *args)
    assert result.exit_code == 2
    assert_one_line_error(result, words)
