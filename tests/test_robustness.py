"""Bad input, divergence, interruption and reproducibility: the rows of the README's table."""

import json
import os
import signal
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import numpy as np
import pytest
import torch
from click.testing import CliRunner

import numpy_net
from parity import RunConfig, run
from parity.cli import cli
from parity.mutants.numerics import NaiveBCE
from tests.helpers import assert_one_line_error

EXAMPLES = Path(__file__).parent.parent / "examples"


def invoke(*args):
    return CliRunner().invoke(cli, [str(a) for a in args])


def npz(folder, name="d.npz", **arrays):
    path = folder / name
    np.savez(path, **arrays)
    return path


def text(folder, name, content):
    path = folder / name
    path.write_text(content)
    return path


def _npy_header(shape) -> bytes:
    header = repr({"descr": "<f8", "fortran_order": False, "shape": shape}).encode()
    header += b" " * (63 - (len(header) + 10) % 64) + b"\n"
    return b"\x93NUMPY\x01\x00" + len(header).to_bytes(2, "little") + header


def zipped(folder, members: dict, name="d.npz"):
    path = folder / name
    with zipfile.ZipFile(path, "w") as archive:
        for member, content in members.items():
            archive.writestr(member, content)
    return path


def encrypted(folder):
    """A .npz whose member claims encryption (flag bit 0), as a password-protected zip does."""
    path = npz(folder, X=np.ones((4, 2)), y=np.ones((4, 1)))
    raw = bytearray(path.read_bytes())
    for signature, offset in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
        at = raw.find(signature)
        while at >= 0:
            raw[at + offset] |= 1
            at = raw.find(signature, at + 4)
    path.write_bytes(bytes(raw))
    return path


def fifo(folder, name):
    os.mkfifo(folder / name)
    return folder / name


def symlink(folder, name, target):
    (folder / name).symlink_to(target)
    return folder / name


# (id, arguments given the test's folder, words the one stderr line must hold)
BAD_INPUTS = [
    ("rows-differ", lambda d: ["--data", npz(d, X=np.ones((5, 2)), y=np.ones((4, 1)))], ["5 rows", "4"]),
    ("non-numeric-csv", lambda d: ["--data", text(d, "d.csv", "1,2,0\n3,x,1\n")], ["line 2", "not all numbers"]),
    ("ragged-csv", lambda d: ["--data", text(d, "d.csv", "1,2,0\n3,4\n")], ["line 2", "2 columns"]),
    ("nan-in-data", lambda d: ["--data", npz(d, X=np.array([[1.0, np.nan]]), y=np.ones((1, 1)))], ["nan", "finite"]),
    ("inf-in-csv", lambda d: ["--data", text(d, "d.csv", "1,inf,0\n")], ["inf", "finite"]),
    ("empty-csv", lambda d: ["--data", text(d, "d.csv", "")], ["no data"]),
    ("header-only-csv", lambda d: ["--data", text(d, "d.csv", "a,b,y\n")], ["no data rows"]),
    ("empty-arrays", lambda d: ["--data", npz(d, X=np.ones((0, 3)), y=np.ones((0, 1)))], ["empty"]),
    ("object-dtype", lambda d: ["--data", npz(d, X=np.array([[1, None]], dtype=object), y=np.ones((1, 1)))], ["numeric"]),
    ("string-dtype", lambda d: ["--data", npz(d, X=np.array([["a", "b"]]), y=np.ones((1, 1)))], ["dtype", "numbers"]),
    ("npz-without-y", lambda d: ["--data", npz(d, X=np.ones((4, 2)))], ["no array y"]),
    ("corrupt-npz", lambda d: ["--data", text(d, "d.npz", "garbage")], ["not a readable .npz"]),
    ("missing-path", lambda d: ["--data", d / "absent.csv"], ["no such file"]),
    ("directory", lambda d: ["--data", d], ["directory"]),
    ("unknown-data-kind", lambda d: ["--data", d / "data.txt"], [".npz or .csv"]),
    ("npz-member-not-npy", lambda d: ["--data", zipped(d, {"X.npy": _npy_header((4, 2)) + bytes(64), "notes.txt": b"hi"})], ["'notes.txt'", "not a .npy"]),
    ("npz-header-of-7-pib", lambda d: ["--data", zipped(d, {"X.npy": _npy_header((10**15,)), "y.npy": _npy_header((4,))})], ["PiB", "smaller file"]),
    ("npz-encrypted-flag", lambda d: ["--data", encrypted(d)], ["not a readable .npz", "encrypted"]),
    ("fifo-as-data", lambda d: ["--data", fifo(d, "d.csv")], ["not a regular file"]),
    ("dev-zero-as-data", lambda d: ["--data", symlink(d, "z.npz", "/dev/zero")], ["not a regular file"]),
    ("fifo-as-weights", lambda d: ["--weights", fifo(d, "w.npz")], ["--weights", "not a regular file"]),
    ("random-too-large", lambda d: ["--data", "random:100000000000,100"], ["random:100000000000,100", "memory"]),
    ("hidden-too-large", lambda d: ["--hidden", "1000000000000"], ["--hidden 1000000000000", "memory"]),
    ("target-superscript-two", lambda d: ["--data", text(d, "d.csv", "a,b,c\n1,2,0\n"), "--target", "\u00b2"], ["'\u00b2'", "names no column"]),
    ("data-beyond-float32", lambda d: ["--data", npz(d, X=np.full((4, 2), 1e39), y=np.ones((4, 1)))], ["beyond the range of float32"]),
    ("weights-beyond-float32", lambda d: ["--weights", npz(d, "w.npz", W1=np.full((3, 4), 1e39), b1=np.ones(4), W2=np.ones((4, 1)), b2=np.ones(1))], ["W1", "beyond the range"]),
    ("steps-zero", lambda d: ["--steps", "0"], ["--steps", ">= 1"]),
    ("steps-negative", lambda d: ["--steps", "-5"], ["--steps"]),
    ("lr-zero", lambda d: ["--lr", "0"], ["--lr", "> 0"]),
    ("lr-negative", lambda d: ["--lr", "-0.1"], ["--lr"]),
    ("lr-nan", lambda d: ["--lr", "nan"], ["--lr"]),
    ("lr-too-large", lambda d: ["--lr", "1e39"], ["--lr", "float32"]),
    ("rtol-negative", lambda d: ["--rtol", "-1"], ["--rtol"]),
    ("atol-negative", lambda d: ["--atol", "-1e-9"], ["--atol"]),
    ("hidden-zero", lambda d: ["--hidden", "0"], ["--hidden"]),
    ("unknown-loss", lambda d: ["--loss", "hinge"], ["hinge", "sse"]),
    ("unknown-optimizer", lambda d: ["--optimizer", "rmsprop"], ["rmsprop", "adam"]),
    ("unknown-device", lambda d: ["--device", "tpu"], ["tpu", "cpu"]),
    ("unknown-dtype", lambda d: ["--dtype", "float16"], ["float16", "float64"]),
    ("weights-do-not-fit", lambda d: ["--weights", npz(d, "w.npz", W1=np.ones((3, 2)), b1=np.ones(2), W2=np.ones((2, 1)), b2=np.ones(1))], ["W1", "(3, 4)"]),
    ("json-in-missing-folder", lambda d: ["--json", d / "no" / "r.json"], ["does not exist"]),
    ("json-is-a-directory", lambda d: ["--json", d], ["directory"]),
    ("json-unwritable", lambda d: ["--json", "/proc/parity-report.json"], ["cannot write"]),
    ("save-weights-in-missing-folder", lambda d: ["--save-weights", d / "no" / "w.npz"], ["does not exist"]),
]


@pytest.mark.parametrize("make_args,words", [pytest.param(m, w, id=i) for i, m, w in BAD_INPUTS])
def test_bad_input_gets_one_line_and_exit_2(tmp_path, make_args, words):
    args = [str(a) for a in make_args(tmp_path)]
    before = sorted(p.name for p in tmp_path.rglob("*"))
    result = invoke("run", *args) if "--steps" in args else invoke("run", "--steps", "3", *args)
    assert_one_line_error(result, *words)
    assert sorted(p.name for p in tmp_path.rglob("*")) == before  # no partial output


@pytest.mark.skipif(torch.cuda.is_available(), reason="needs a machine without CUDA")
def test_cuda_without_cuda():
    result = invoke("run", "--device", "cuda")
    assert_one_line_error(result, "CUDA is not available")


def test_one_dimensional_y_and_integer_data_are_accepted(tmp_path):
    path = npz(tmp_path, X=np.array([[0, 0, 1], [0, 1, 1], [1, 0, 1], [1, 1, 1]]), y=np.array([0, 1, 1, 0]))
    result = invoke("run", "--data", path, "--steps", "20")
    assert result.exit_code == 0, result.output
    assert "PASS" in result.stdout


def test_both_sides_diverging_together_is_reported_not_crashed(tmp_path):
    report_path = tmp_path / "r.json"
    result = invoke("run", "--lr", "3e38", "--data", "random:256,4", "--steps", "20", "--json", report_path)
    assert result.exit_code == 1, result.output
    assert "DIVERGED: both sides diverged at step 1" in result.stdout
    document = json.loads(report_path.read_text())
    assert document["verdict"] == "diverged" and document["divergence"]["step"] == 1


def test_numpy_diverging_first_is_named_with_step_and_tensor():
    report = run(RunConfig(loss="bce", lr=1000, steps=50), numpy_trainer=NaiveBCE)
    assert report.verdict == "fail"
    assert report.divergence == {"step": 2, "numpy_tensor": "loss", "torch_tensor": None,
                                 "summary": "only the NumPy side produced NaN/Inf first, at step 2 in loss"}
    assert report.diagnosis[0].name == "divergence"
    assert report.steps_run == 2  # nothing after a divergence is worth comparing


def test_interrupting_the_api_gives_a_partial_report():
    class InterruptedAtStep4(numpy_net.Trainer):
        steps = 0

        def step(self, X, y):
            InterruptedAtStep4.steps += 1
            if InterruptedAtStep4.steps == 4:
                raise KeyboardInterrupt
            return super().step(X, y)

    report = run(RunConfig(steps=100), numpy_trainer=InterruptedAtStep4)
    assert report.interrupted and report.verdict == "interrupted"
    assert report.steps_run == 3
    assert report.verdict_line() == "INTERRUPTED after step 3: parity held so far"


SLOW_NETWORK = """
import pathlib
import numpy as np

class Net:
    def __init__(self, X, y, marker):
        self.weights1, self.weights2, self.marker = np.ones((X.shape[1], 4)) / 4, np.ones((4, 1)) / 4, marker
    def feedforward(self):
        pathlib.Path(self.marker).touch()  # the step loop has begun
    def backprop(self):
        pass
"""


def _slow_run_under_way(tmp_path, **popen):
    """A long parity run, once its step loop has begun (a marker file the network's first step writes)."""
    (tmp_path / "net.py").write_text(SLOW_NETWORK)
    marker, report_path = tmp_path / "stepping", tmp_path / "r.json"
    process = subprocess.Popen(
        [sys.executable, "-m", "parity", "check", f"{tmp_path}/net.py:Net", "--init", f"Net(X, y, {str(marker)!r})",
         "--steps", "100000000", "--rtol", "1", "--atol", "1", "--json", str(report_path)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, **popen,
    )
    deadline = time.monotonic() + 120
    while not marker.exists():  # however loaded the machine is
        if process.poll() is not None or time.monotonic() > deadline:
            process.kill()
            raise AssertionError(process.communicate())
        time.sleep(0.05)
    return process, report_path


@pytest.mark.slow  # seconds each (a process of its own, or a fuzzed sweep): run after the README's suite
def test_ctrl_c_stops_cleanly_with_exit_130_and_an_interrupted_report(tmp_path):
    process, report_path = _slow_run_under_way(tmp_path, preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    try:
        process.send_signal(signal.SIGINT)
        out, err = process.communicate(timeout=60)
    finally:
        process.kill()
    assert process.returncode == 130, err
    assert "Traceback" not in err
    assert "INTERRUPTED after step" in out
    document = json.loads(report_path.read_text())
    assert document["interrupted"] is True and document["verdict"] == "interrupted"
    assert sorted(p.name for p in tmp_path.iterdir() if p.suffix != ".py" and p.name != "__pycache__") == ["r.json", "stepping"]


def _without_environment(path) -> str:
    content = path.read_text()
    head, _, _ = content.partition('"environment"')
    return head


@pytest.mark.parametrize("args", [["--steps", "200"], ["--steps", "30", "--rtol", "0", "--atol", "0"], ["--steps", "50", "--mode", "free", "--optimizer", "adam"]])
def test_the_same_command_twice_gives_byte_identical_reports(tmp_path, args):
    for name in ("a.json", "b.json"):
        assert invoke("run", *args, "--json", tmp_path / name).exit_code in (0, 1)
    assert _without_environment(tmp_path / "a.json") == _without_environment(tmp_path / "b.json")
    document = json.loads((tmp_path / "a.json").read_text())
    assert list(document)[-1] == "environment"  # the only block that may differ, kept apart at the end


def test_a_report_reruns_from_its_stored_config(tmp_path):
    first, second = tmp_path / "a.json", tmp_path / "b.json"
    assert invoke("run", "--steps", "40", "--loss", "bce", "--optimizer", "momentum", "--seed", "3", "--json", first).exit_code == 0
    assert invoke("run", "--from-report", first, "--json", second).exit_code == 0
    assert _without_environment(first) == _without_environment(second)
    result = invoke("run", "--from-report", first, "--lr", "2")
    assert_one_line_error(result, "drop --lr")
    stored = '"data": "xor", "loss": "sse", "optimizer": "sgd", "lr": 0.5, "steps": 5, "seed": 0, "dtype": "float32"'
    broken = text(tmp_path, "broken.json", '{"summary": "", "verdict": "pass", "config": {"hidden": "four", ' + stored + '}}')
    result = invoke("run", "--from-report", broken)
    assert_one_line_error(result, "--hidden")


def test_no_numpy_warning_reaches_the_terminal(recwarn):
    run(RunConfig(loss="bce", lr=1000, steps=20), numpy_trainer=NaiveBCE)
    run(RunConfig(lr=3e38, data="random:256,4", steps=5))
    assert [w for w in recwarn if issubclass(w.category, RuntimeWarning)] == []


class BiasTurnsFloat64(numpy_net.Trainer):
    def update(self, grads):
        super().update(grads)
        self.params["b1"] = self.params["b1"].astype(np.float64)


@pytest.mark.parametrize("mode", ["lockstep", "free"])
def test_a_parameter_that_changes_shape_or_dtype_is_a_finding_never_a_crash(mode):
    from parity.mutants.backward import BiasReshapedByBroadcast

    reshaped = run(RunConfig(steps=5, mode=mode), numpy_trainer=BiasReshapedByBroadcast)
    assert not reshaped.passed and reshaped.diagnosis[0].name == "shape-change"
    assert "b1 (4,) -> (1, 4)" in reshaped.diagnosis[0].explanation
    retyped = run(RunConfig(steps=5, mode=mode), numpy_trainer=BiasTurnsFloat64)
    assert not retyped.passed and retyped.diagnosis[0].name == "dtype-mismatch"


@pytest.mark.parametrize("mutant", ["sign-flip", "derivative-of-activated-output", "missing-hidden-bias", "bias-gradient-averaged", "hard-coded-learning-rate"])
def test_on_large_data_the_grown_tolerance_still_catches_a_real_bug(mutant):
    from parity.mutants.catalogue import CATALOGUE

    planted = next(m for m in CATALOGUE if m.name == mutant)
    report = run(RunConfig(data="random:20000,2", steps=2, **planted.config), numpy_trainer=planted.trainer)
    assert not report.passed and report.first_failure.step == 1


@pytest.mark.parametrize("setup,args,words", [
    (lambda d: (d / "d.csv").write_text("0,1,1\n1,0,0\n"), ["run", "--data", "{d}/d.csv", "--json", "{d}/d.csv"], ["is the --data file"]),
    (lambda d: None, ["run", "--json", "{d}/a.json", "--save-weights", "{d}/a.json"], ["also the --json file"]),
    (lambda d: None, ["run", "--json", "/dev/null"], ["not a regular file"]),
    (lambda d: None, ["run", "--json", ""], ["give a file path"]),
    (lambda d: ((d / "ro.json").write_text("{}"), (d / "ro.json").chmod(0o444)), ["run", "--json", "{d}/ro.json"], ["read-only"]),
    (lambda d: (d / "net.py").write_text("x = 1\n"), ["check", "{d}/net.py:Net", "--json", "{d}/net.py"], ["network source file"]),
    (lambda d: (d / "g.toml").write_text("[grid]\nloss = ['sse']\n"), ["sweep", "{d}/g.toml", "--json", "{d}/g.toml"], ["grid file"]),
])
def test_an_output_that_is_an_input_another_output_a_device_or_read_only_is_refused_untouched(tmp_path, setup, args, words):
    setup(tmp_path)
    before = {p.name: p.read_bytes() for p in tmp_path.iterdir()}
    result = CliRunner().invoke(cli, [a.format(d=tmp_path) for a in args])
    assert_one_line_error(result, *words)
    assert {p.name: p.read_bytes() for p in tmp_path.iterdir()} == before


def test_a_symlinked_output_is_written_through_and_stays_a_link(tmp_path):
    (tmp_path / "link.json").symlink_to(tmp_path / "real.json")
    assert CliRunner().invoke(cli, ["run", "--steps", "2", "--json", str(tmp_path / "link.json")]).exit_code == 0
    assert (tmp_path / "link.json").is_symlink() and json.loads((tmp_path / "real.json").read_text())["verdict"] == "pass"


@pytest.mark.parametrize("send", [
    lambda process: process.send_signal(signal.SIGTERM),  # a cancelled CI job: the launcher alone gets it
    lambda process: os.killpg(process.pid, signal.SIGINT),  # Ctrl-C at a terminal: the launcher and its child both get it
], ids=["sigterm-to-the-launcher", "ctrl-c-to-the-group"])
@pytest.mark.slow  # seconds each (a process of its own, or a fuzzed sweep): run after the README's suite
def test_a_signal_stops_cleanly_with_no_temporary_file_and_no_process_left(tmp_path, send):
    process, report_path = _slow_run_under_way(tmp_path, start_new_session=True)
    try:
        send(process)
        out, err = process.communicate(timeout=60)
    finally:
        process.kill()
    assert process.returncode == 130, err
    assert "INTERRUPTED after step" in out and "Traceback" not in err
    assert json.loads(report_path.read_text())["interrupted"] is True
    assert not list(tmp_path.glob(".parity-*"))
    with pytest.raises(ProcessLookupError):
        os.killpg(process.pid, 0)  # nothing of the run's is left


@pytest.mark.parametrize("step,how", [
    ("import os; os._exit(0)", "exited with status 0"),
    ("import os, signal; os.kill(os.getpid(), signal.SIGKILL)", "killed by SIGKILL"),
])
@pytest.mark.slow  # seconds each (a process of its own, or a fuzzed sweep): run after the README's suite
def test_user_code_that_ends_the_process_never_reads_as_a_pass(tmp_path, step, how):
    (tmp_path / "net.py").write_text(SLOW_NETWORK)
    finished = subprocess.run(
        [sys.executable, "-m", "parity", "check", f"{tmp_path}/net.py:Net", "--init", f"Net(X, y, {str(tmp_path / 'm')!r})",
         "--steps", "3", "--step", step, "--json", str(tmp_path / "r.json")], capture_output=True, text=True, timeout=120)
    assert finished.returncode == 2
    assert finished.stderr.startswith("parity: error: the run ended before its verdict") and how in finished.stderr
    assert not (tmp_path / "r.json").exists()


@pytest.mark.parametrize("document,words", [
    ({"summary": "", "verdict": "pass", "config": {}}, ["lacks data, hidden, loss"]),
    ({"summary": "", "verdict": "pass", "config": {"data": "xor", "hidden": 4, "loss": "sse", "optimizer": "sgd", "lr": 0.5, "steps": 5, "dtype": "float32"}}, ["lacks seed"]),
])
def test_a_report_whose_config_lacks_what_every_report_stores_is_refused(tmp_path, document, words):
    path = tmp_path / "r.json"
    path.write_text(json.dumps(document))
    assert_one_line_error(CliRunner().invoke(cli, ["run", "--from-report", str(path)]), *words)


def test_a_deeply_nested_or_malformed_report_is_one_line(tmp_path):
    deep = tmp_path / "deep.json"
    deep.write_text("[" * 100_000 + "]" * 100_000)
    assert_one_line_error(CliRunner().invoke(cli, ["explain", str(deep)]), "nested too deeply")
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({"summary": "FAIL", "verdict": "fail", "config": {}, "diagnosis": [{"name": "x"}]}))
    assert_one_line_error(CliRunner().invoke(cli, ["explain", str(bad)]), "diagnosis is malformed")


def test_ctrl_c_during_the_diagnosis_keeps_the_table_and_marks_the_report_interrupted(tmp_path, monkeypatch):
    import parity.api

    def interrupted(setup, result, **_):
        raise KeyboardInterrupt

    monkeypatch.setattr(parity.api, "diagnose", interrupted)
    result = CliRunner().invoke(cli, ["run", "--steps", "5", "--rtol", "0", "--atol", "0", "--json", str(tmp_path / "r.json")])
    assert result.exit_code == 130
    assert "tensor " in result.stdout and "INTERRUPTED after step 5: numbers part at step 1" in result.stdout
    assert json.loads((tmp_path / "r.json").read_text())["interrupted"] is True


def test_ctrl_c_while_the_command_line_loads_is_one_line_and_130(monkeypatch, capsys):
    import parity.launch

    class Interrupting:
        def find_spec(self, name, *args):
            if name == "parity.cli":
                raise KeyboardInterrupt
            return None

    for name in [m for m in sys.modules if m == "parity.cli" or m.startswith("parity.cli.")]:
        monkeypatch.delitem(sys.modules, name)
    monkeypatch.setattr(sys, "meta_path", [Interrupting(), *sys.meta_path])
    with pytest.raises(SystemExit) as exit:
        parity.launch.main()
    assert exit.value.code == 130 and capsys.readouterr().err == "parity: interrupted\n"


def test_outputs_are_written_all_or_none(tmp_path, monkeypatch):
    import parity.report.junit

    def broken(report):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(parity.report.junit, "to_junit", broken)
    (tmp_path / "r.json").write_text("the old report")
    result = invoke("run", "--steps", "2", "--json", tmp_path / "r.json", "--junit", tmp_path / "r.xml", "--save-weights", tmp_path / "w.npz")
    assert result.exit_code == 2 and "PASS" in result.stdout  # the run's table is shown; its files are not written
    assert result.stderr.count("\n") == 1 and "r.xml" in result.stderr and "No space left" in result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["r.json"]  # no weights, no JUnit, no temporary file
    assert (tmp_path / "r.json").read_text() == "the old report"


def test_a_step_that_changes_directory_does_not_move_the_report(tmp_path, monkeypatch):
    (tmp_path / "elsewhere").mkdir()
    monkeypatch.chdir(tmp_path)
    step = f"import os; os.chdir({str(tmp_path / 'elsewhere')!r}); net.feedforward(); net.backprop()"
    result = invoke("check", f"{EXAMPLES}/tutorial_sse.py:NeuralNetwork", "--steps", "2", "--step", step, "--json", "r.json")
    assert result.exit_code == 0, result.output
    assert (tmp_path / "r.json").exists() and not (tmp_path / "elsewhere" / "r.json").exists()


def test_running_out_of_memory_anyway_is_one_line_with_what_to_do(monkeypatch):
    import parity.api

    def exhausted(setup, *listening):
        raise MemoryError("Unable to allocate 80.0 GiB")

    monkeypatch.setattr(parity.api, "run_steps", exhausted)
    assert_one_line_error(invoke("run", "--steps", "2"), "out of memory", "80.0 GiB", "--batch-size")


@pytest.mark.slow  # seconds each (a process of its own, or a fuzzed sweep): run after the README's suite
def test_a_reader_that_goes_away_is_exit_2_not_a_failed_parity():
    """`parity run | head -1`: click exits 1 on a broken pipe, which would read as "parity fails"."""
    process = subprocess.Popen([sys.executable, "-m", "parity", "run", "--steps", "300"],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    assert process.stdout.readline().startswith("parity: xor")
    process.stdout.close()
    process.wait(timeout=120)
    assert process.returncode == 2
    assert "broken pipe" in process.stderr.read()
