"""Fuzzing the command line: whatever the options, exit 0, 1 or 2 and never a traceback."""

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from parity.cli import cli

junk = st.sampled_from(["", "-", "abc", "nan", "inf", "-inf", "1e400", "-1", "0", "1,2", "None", "  ", "é", "--"])


def mostly(valid: st.SearchStrategy) -> st.SearchStrategy:
    """Seven valid values for each junk one, so that real runs (and their diagnoses) get fuzzed, not only usage errors."""
    return st.one_of(*[valid] * 7, junk)


tolerance = st.one_of(st.floats(0, 1e-6).map(repr), st.sampled_from(["0", "1e-12", "1e-3"]))
OPTIONS = {
    "--data": mostly(st.sampled_from(["xor", "random:6,3", "random:5,2,2", "random:0,2", "random:x", "missing.csv", "/", "x.npz"])),
    "--hidden": mostly(st.integers(-1, 6).map(str)),
    "--loss": mostly(st.sampled_from(["sse", "half-sse", "mse", "bce"])),
    "--optimizer": mostly(st.sampled_from(["sgd", "momentum", "nesterov", "ema-momentum", "adam"])),
    "--lr": mostly(st.one_of(st.floats(1e-4, 10.0).map(repr), st.sampled_from(["1e30", "3e38", "1e300"]))),
    "--momentum": mostly(st.floats(-0.2, 1.2).map(repr)),
    "--dampening": mostly(st.floats(-0.2, 1.2).map(repr)),
    "--betas": mostly(st.sampled_from(["0.9,0.999", "0.5,0.5", "1,1", "0.9", "0.9,0.999,0.5"])),
    "--seed": mostly(st.integers(-1, 1000).map(str)),
    "--dtype": mostly(st.sampled_from(["float32", "float64"])),
    "--device": mostly(st.sampled_from(["cpu", "auto"])),
    "--mode": mostly(st.sampled_from(["lockstep", "free"])),
    "--rtol": mostly(tolerance),
    "--atol": mostly(tolerance),
}
FLAGS = ["--bias", "--no-bias", "--deterministic", "--allow-tf32", "--unknown-flag"]

invocation = st.tuples(
    mostly(st.integers(1, 8).map(str)),  # --steps, always given so that runs stay short
    st.dictionaries(st.sampled_from(sorted(OPTIONS)), st.just(None), max_size=5),
    st.lists(st.sampled_from(FLAGS), max_size=1),
    st.data(),
)


@pytest.mark.slow  # seconds each (a process of its own, or a fuzzed sweep): run after the README's suite
@settings(max_examples=500, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
@given(invocation)
def test_any_invocation_exits_0_1_or_2_without_a_traceback(args):
    steps, chosen, flags, data = args
    argv = ["run", "--steps", steps, *flags]
    for option in chosen:
        argv += [option, data.draw(OPTIONS[option])]
    result = CliRunner().invoke(cli, argv)
    event(f"exit status {result.exit_code}")
    assert result.exit_code in (0, 1, 2), (argv, result.output, result.exception)
    assert result.exception is None or isinstance(result.exception, SystemExit), (argv, repr(result.exception))
    assert "Traceback" not in result.output, argv
    assert "internal error" not in result.stderr, (argv, result.stderr)
    if result.exit_code == 2:
        assert len(result.stderr.strip().splitlines()) == 1, (argv, result.stderr)
