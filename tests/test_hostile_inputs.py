"""Hostile inputs, as property tests: seeded random cases of each kind (hypothesis is not a dependency).

A user module that rebinds NumPy's functions cannot change the verdict; every public argument of the wrong type is
the kit's one-line error (InputError), never an AttributeError or KeyError; data a loss cannot take, a learning rate
that is 0 in the run's dtype and integers the dtype cannot hold are refused with one line.
"""

from __future__ import annotations

import random
import subprocess
import sys
from pathlib import Path

import numpy
import numpy as np
import pytest

from parity import InputError, RunConfig, TorchPort, UserNetwork, check, run
from parity.config.data import dataset_for
from parity.pristine import rebound_by_the_user
from parity.testing import assert_parity

ROOT = Path(__file__).resolve().parent.parent
SEED = 25

# Rebinds the functions the comparison measures with so that every difference is 0: without the kit's own
# bindings, any program passes.
REBIND = '''
class _Zero:
    def __init__(self, real): self.real = real
    def __call__(self, x, *args, out=None, **kw): return np.multiply(np.asarray(x), 0, out=out, dtype=kw.get("dtype"))
    def reduce(self, x, *a, **k): return np.add.reduce(np.asarray(x) * 0, *a, **k)
    def reduceat(self, x, *a, **k): return np.add.reduceat(np.asarray(x) * 0, *a, **k)
    def __getattr__(self, name): return getattr(self.real, name)
def _rebind():
    for name in ("abs", "absolute", "subtract", "maximum", "fmax", "isfinite", "count_nonzero"):
        setattr(np, name, _Zero(getattr(np, name)))
'''


@pytest.fixture
def numpy_restored():
    """NumPy's namespace as it was, after a test whose user code rebinds it."""
    saved = dict(vars(numpy))
    yield
    vars(numpy).clear()
    vars(numpy).update(saved)


def _program(tmp_path: Path, bug: bool, where: str) -> UserNetwork:
    source = (ROOT / "examples" / "tutorial_sse.py").read_text()
    if bug:  # a learning rate of 1.5 for layer 1, where torch takes 1
        source = source.replace("self.weights1 += d_weights1", "self.weights1 += 1.5 * d_weights1")
    source = source.replace("\n\ndef sigmoid(x)", "\n" + REBIND + ("_rebind()\n" if where == "module" else "") + "\n\ndef sigmoid(x)", 1)
    if where == "step":
        source = source.replace("    def backprop(self):\n", "    def backprop(self):\n        _rebind()\n", 1)
    path = tmp_path / f"net_{bug}_{where}.py"
    path.write_text(source)
    return UserNetwork(f"{path}:NeuralNetwork", output="output")


@pytest.mark.parametrize("where", ["module", "step"])
def test_rebinding_numpy_in_the_users_module_cannot_make_a_bug_pass(tmp_path, numpy_restored, where):
    assert not check(RunConfig(lr=1.0, steps=20), numpy=_program(tmp_path, True, where)).passed
    assert "numpy.abs" in rebound_by_the_user()  # the user's bindings stand again after the run
    assert check(RunConfig(lr=1.0, steps=20), numpy=_program(tmp_path, False, where)).passed


def _wrong_values(rng: random.Random) -> list:
    pool = [None, 0, -3, 1.5, float("nan"), True, "x", "net.py", b"bytes", [], [1, "a"], {}, {"lr": 1}, (1, 2), object(),
            np.float32(2.5), np.int64(-1), np.array([1, 2]), 1 + 2j, RunConfig, len]
    return rng.sample(pool, len(pool))


@pytest.mark.slow  # seconds each (a process of its own, or a fuzzed sweep): run after the README's suite
def test_every_public_argument_of_the_wrong_type_is_one_clear_error():
    rng = random.Random(SEED)
    calls = {
        "run(config)": lambda v: run(v),
        "run(numpy_trainer)": lambda v: run(RunConfig(steps=1), numpy_trainer=v),
        "check(config)": lambda v: check(v, numpy="absent.py:Net"),
        "check(numpy)": lambda v: check(RunConfig(steps=1), numpy=v),
        "check(torch)": lambda v: check(RunConfig(steps=1), torch=v),
        "assert_parity(config)": lambda v: assert_parity(v),
        "assert_parity(numpy)": lambda v: assert_parity(numpy=v),
        "assert_parity(torch)": lambda v: assert_parity(torch=v),
        **{f"UserNetwork({f})": (lambda f: lambda v: UserNetwork(**{"target": "a.py:N", f: v}))(f)
           for f in ("target", "init", "step", "params", "output", "quiet")},
        **{f"TorchPort({f})": (lambda f: lambda v: TorchPort(**{"target": "a.py:N", f: v}))(f)
           for f in ("target", "init", "params", "optimizer", "loss", "step")},
        **{f"RunConfig({f})": (lambda f: lambda v: RunConfig(**{f: v}))(f) for f in RunConfig.__dataclass_fields__},
    }
    for name, call in calls.items():
        for value in _wrong_values(rng):
            try:
                call(value)
            except InputError as error:
                assert "\n" not in str(error), (name, value, error)
            except AssertionError:  # assert_parity of a valid config: a verdict, not a type error
                pass
            except Exception as error:  # noqa: BLE001 - what the property is about
                pytest.fail(f"{name} with {value!r}: {type(error).__name__}: {error}")


def test_a_wrong_type_names_the_argument_and_is_a_type_error():
    for call, named in ((lambda: run({}), "config"), (lambda: run(None), "config"),
                        (lambda: check(RunConfig(), numpy=123), "numpy"), (lambda: assert_parity(numpy=123), "numpy"),
                        (lambda: assert_parity(lrr=1), "lrr")):
        with pytest.raises(TypeError, match=named) as caught:
            call()
        assert isinstance(caught.value, InputError)


def test_numpy_scalars_are_taken_as_the_numbers_they_hold():
    rng = np.random.default_rng(SEED)
    for _ in range(50):
        lr = rng.uniform(1e-3, 2)
        config = RunConfig(lr=np.float32(lr), steps=np.int64(rng.integers(1, 9)), hidden=np.int32(rng.integers(1, 9)),
                           betas=(np.float64(0.9), np.float32(0.5)), seed=np.uint8(3))
        assert type(config.lr) is float and config.lr == float(np.float32(lr))
        assert type(config.steps) is int and all(type(h) is int for h in config.hidden)
    for flag in (True, np.True_):
        with pytest.raises(InputError):
            RunConfig(steps=flag)


def test_a_learning_rate_below_the_dtypes_smallest_normal_is_refused():
    rng = np.random.default_rng(SEED)
    for dtype in ("float32", "float64"):
        tiny = float(np.finfo(dtype).tiny)
        for lr in [tiny * rng.uniform(0.01, 0.999) for _ in range(30)] + [10.0 ** -rng.uniform(-np.log10(tiny), 320) for _ in range(30)]:
            if lr == 0:
                continue
            with pytest.raises(InputError, match="smallest normal"):
                RunConfig(lr=lr, dtype=dtype)
        assert RunConfig(lr=tiny, dtype=dtype).lr == tiny


def _npz(tmp_path: Path, name: str, X: np.ndarray, y: np.ndarray) -> str:
    path = tmp_path / name
    np.savez(path, X=X, y=y)
    return str(path)


def test_targets_a_probability_loss_cannot_take_are_refused(tmp_path):
    rng = np.random.default_rng(SEED)
    for case in range(40):
        loss, outputs = [("bce", 1), ("bce-sum", 2), ("ce", 3), ("ce-sum", 2)][case % 4]
        y = rng.uniform(0, 1, (6, outputs))
        y[rng.integers(6), rng.integers(outputs)] = rng.choice([-1, 1]) * rng.uniform(1.0001, 1e6) + (0 if case % 2 else 0.5)
        y = np.where((y > 0) & (y <= 1), y, y)  # the planted value stays outside [0, 1]
        path = _npz(tmp_path, f"t{case}.npz", rng.standard_normal((6, 3)), y)
        output = "softmax" if loss.startswith("ce") else "sigmoid"
        with pytest.raises(InputError, match=r"\[0, 1\]"):
            dataset_for(RunConfig(data=path, loss=loss, output_activation=output))
        dataset_for(RunConfig(data=path, loss="mse"))  # a squared error takes any target
    labels = _npz(tmp_path, "labels.npz", rng.standard_normal((4, 3)), np.eye(3)[[0, 2, 1, 1]])
    assert dataset_for(RunConfig(data=labels, loss="ce", output_activation="softmax")).y.shape == (4, 3)


def test_integers_the_dtype_cannot_hold_exactly_are_refused(tmp_path):
    rng = np.random.default_rng(SEED)
    for case in range(30):
        dtype, digits = ("float32", 24) if case % 2 else ("float64", 53)
        X = rng.integers(-1000, 1000, (5, 3), dtype=np.int64)
        X[rng.integers(5), rng.integers(3)] = int(rng.choice([-1, 1])) * ((2 ** digits + 1) * 2 ** int(rng.integers(0, 8)))
        path = _npz(tmp_path, f"i{case}.npz", X, np.array([0, 1, 0, 1, 0]))
        with pytest.raises(InputError, match=f"cannot hold exactly.*2\\^{digits}"):
            dataset_for(RunConfig(data=path, dtype=dtype))
        X[np.abs(X) > 1000] = 2 ** digits * 3  # large, but held exactly
        assert dataset_for(RunConfig(data=_npz(tmp_path, f"ok{case}.npz", X, np.zeros(5)), dtype=dtype)).X.max() == 2 ** digits * 3
    csv = tmp_path / "ids.csv"
    csv.write_text("id,y\n16777217,0\n2,1\n")
    with pytest.raises(InputError, match="16777217 at row 0"):
        dataset_for(RunConfig(data=str(csv)))
    assert dataset_for(RunConfig(data=str(csv), dtype="float64")).X[0, 0] == 16777217


@pytest.mark.parametrize("args", [["run", "--lr", "1e-50"], ["run", "--data", "BCE", "--loss", "bce"],
                                  ["check", "examples/tutorial_sse.py:NeuralNetwork", "--data", "BCE", "--loss", "bce"]])
@pytest.mark.slow  # seconds each (a process of its own, or a fuzzed sweep): run after the README's suite
def test_the_command_line_refuses_with_one_line_and_exit_2(tmp_path, args):
    bce = _npz(tmp_path, "bce.npz", np.ones((4, 3)), np.array([0, 1, 2, 0.0]))
    done = subprocess.run([sys.executable, "-m", "parity", *[bce if a == "BCE" else a for a in args], "--steps", "2"],
                          capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert done.returncode == 2 and done.stdout == ""
    assert done.stderr.count("\n") == 1 and "Traceback" not in done.stderr, done.stderr
