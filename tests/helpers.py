"""Shared test helpers: small random problems, what bad input must look like, and a pair of programs checked as written."""

from __future__ import annotations

import json
import os

import numpy as np
from click.testing import CliRunner

import numpy_net
from parity.cli import cli


def families() -> list[tuple[str, str, str]]:
    """Every (hidden activation, output unit, loss) the kit builds."""
    return [
        (hidden, output, loss)
        for hidden in numpy_net.HIDDEN_ACTIVATIONS
        for output in numpy_net.OUTPUT_ACTIVATIONS
        for loss in numpy_net.LOSSES
        if numpy_net.family_problem(hidden, output, loss, outputs=2) is None
    ]


def output_for(loss: str) -> str:
    """The output unit a loss is defined on in the default family: softmax for the cross-entropies, else sigmoid."""
    return "softmax" if loss in ("ce", "ce-sum") else "sigmoid"


def problem(rng: np.random.Generator, n=7, inputs=3, hidden=5, outputs=2, bias=True, dtype="float64"):
    """Random data and weights with outputs away from saturation."""
    X = rng.standard_normal((n, inputs)).astype(dtype)
    y = rng.uniform(0, 1, (n, outputs)).astype(dtype)
    params = numpy_net.init_weights(inputs, hidden, outputs, bias, dtype, seed=int(rng.integers(1 << 30)))
    return X, y, params


HEADLINE_STARTS = ("parity: ", "tolerance: ", "parameters: ", "port parameters: ", "  a square weight", "torch side: ",
                   "numpy side: ", "pairs: ", "  optimizer state: ", "  square weights", "NumPy arrays not paired")


def assert_one_line_error(result, *words: str) -> None:
    """Bad input: exit status 2, one line on stderr holding every word, no traceback; on stdout nothing, or only
    the run's headline where the error came from the user's code once the run had begun."""
    assert result.exit_code == 2, result.output
    assert all(line.startswith(HEADLINE_STARTS) for line in result.stdout.splitlines()), result.stdout
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("parity: error: "), result.stderr
    assert "Traceback" not in result.output and "internal error" not in result.stderr
    for word in words:
        assert word in lines[0], lines[0]


def live_processes(field: int, value: int) -> set[int]:
    """The live processes whose /proc stat field `field` (1: parent, 2: process group) is `value`."""
    found = set()
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                fields = open(f"/proc/{entry}/stat").read().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[field]) == value and fields[0] != "Z":
                found.add(int(entry))
    return found


def check_pair(tmp_path, numpy_text: str, port_text: str, data: dict, pairs: list[str], *extra: str) -> tuple[int, dict]:
    """`parity check --as-written` of a NumPy program (class Net) against its port (class Net, with `make_optimizer`
    and `train_step`), on `data` saved as an .npz: the exit status and the top finding (empty where the run passed)."""
    np.savez(tmp_path / "data.npz", **data)
    (tmp_path / "mine_numpy.py").write_text(numpy_text)
    (tmp_path / "mine_torch.py").write_text(port_text)
    report = tmp_path / "report.json"
    result = CliRunner().invoke(cli, [
        "check", f"{tmp_path}/mine_numpy.py:Net", "--torch", f"{tmp_path}/mine_torch.py:Net", "--as-written",
        "--data", str(tmp_path / "data.npz"), "--json", str(report), "--quiet", *extra,
        *(a for p in pairs for a in ("--param", p))])
    top = json.loads(report.read_text())["diagnosis"][0] if result.exit_code == 1 else {}
    return result.exit_code, top
