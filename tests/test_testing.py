"""Parity in other people's tests: assert_parity, the pytest plugin, and a project of its own that uses them."""

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from parity import RunConfig
from parity.testing import assert_parity

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"


def pytest_in(folder: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "pytest", "-q", "-rs", "-p", "no:cacheprovider", *args],
                          cwd=folder, capture_output=True, text=True, timeout=300)


def test_assert_parity_returns_the_report_when_parity_holds():
    report = assert_parity(RunConfig(steps=20), loss="mse")
    assert report.passed and report.config.loss == "mse"


def test_assert_parity_raises_with_the_report_and_the_diagnosis():
    with pytest.raises(AssertionError) as failure:
        assert_parity(RunConfig(steps=5, lr=1.0), torch=_mse_port())
    message = str(failure.value)
    assert message.startswith("parity does not hold")
    assert "FAIL: numbers part at step 1" in message and "likely cause: model-family" in message


def _mse_port():
    from parity import TorchPort

    return TorchPort(f"{EXAMPLES}/tutorial_port.py:Net", loss="nn.MSELoss()")


@pytest.mark.slow  # a whole run in a subprocess: in .ci/run's slow tier, keeping `pytest` within 4 minutes
def test_the_example_project_passes_on_cpu_and_skips_its_cuda_test():
    result = pytest_in(EXAMPLES / "ci_project")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "1 passed, 1 skipped" in result.stdout
    assert "needs CUDA" in result.stdout


@pytest.mark.slow  # seconds each (a process of its own, or a fuzzed sweep): run after the README's suite
def test_the_plugins_options_reach_the_fixture_and_a_failure_carries_the_report(tmp_path):
    (tmp_path / "test_port.py").write_text(textwrap.dedent(f'''
        from parity import TorchPort
        from parity.testing import assert_parity

        def test_dtype(parity_config):
            assert parity_config.dtype == "float64" and parity_config.device == "cpu"

        def test_a_port_with_the_wrong_loss(parity_config):
            assert_parity(parity_config, torch=TorchPort("{EXAMPLES}/tutorial_port.py:Net", loss="nn.MSELoss()"), lr=1.0, steps=3)
    '''))
    result = pytest_in(tmp_path, "--parity-dtype", "float64", "--parity-device", "cpu")
    assert "1 failed, 1 passed" in result.stdout, result.stdout
    assert "parity report" in result.stdout and "likely cause: model-family" in result.stdout


def test_assert_parity_tunes_the_test_process_malloc_as_the_command_does(monkeypatch):
    import parity.allocator

    calls = []
    monkeypatch.setattr(parity.allocator, "keep_freed_memory", lambda: calls.append(1) or True)
    assert_parity(steps=2)
    assert calls == [1]
