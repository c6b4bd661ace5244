"""A user's own numpy_net.py or torch_net.py never stands in for the kit's packages of those names.

The folder a script, `python -m` or a test runs from comes first on sys.path;
a file there named like one of the kit's packages must not break the Python
API, the `parity` command or the pytest plugin.
"""

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """A user's folder with a torch_net.py that raises when imported and a numpy_net.py that defines nothing useful."""
    (tmp_path / "numpy_net.py").write_text("Trainer = None  # the user's own, nothing the kit can use\n")
    (tmp_path / "torch_net.py").write_text('raise ImportError("the user\'s own torch_net.py was imported")\n')
    (tmp_path / "port.py").write_text((ROOT / "examples" / "tutorial_port.py").read_text())
    return tmp_path


def run_in(folder: Path, *args: str) -> subprocess.CompletedProcess:
    """Python in the user's folder, that folder first on sys.path (as the working folder is)."""
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(folder), os.environ.get("PYTHONPATH", "")]).rstrip(os.pathsep)}
    return subprocess.run([sys.executable, *args], cwd=folder, env=env, capture_output=True, text=True, timeout=300)


@pytest.mark.slow  # seconds each (a process of its own, or a fuzzed sweep): run after the README's suite
def test_the_python_api_uses_the_kits_packages(folder):
    result = run_in(folder, "-c", "from parity import run, RunConfig; print(run(RunConfig(steps=3)).passed)")
    assert result.returncode == 0 and result.stdout.strip() == "True", result.stderr


def test_the_kit_replaces_a_users_module_imported_before_it(folder):
    probe = "import numpy_net\nimport parity\nimport numpy_net\nprint(numpy_net.__file__)\nprint(parity.__file__)"
    result = run_in(folder, "-c", probe)
    assert result.returncode == 0, result.stderr
    numpy_net, parity = (Path(line) for line in result.stdout.split())
    assert numpy_net.parent == parity.parent.parent / "numpy_net" and folder not in numpy_net.parents


@pytest.mark.slow  # seconds each (a process of its own, or a fuzzed sweep): run after the README's suite
def test_the_command_uses_the_kits_packages(folder):
    result = run_in(folder, "-m", "parity", "run", "--steps", "3")
    assert result.returncode == 0, result.stderr
    assert "PASS" in result.stdout


@pytest.mark.slow  # a second pytest process in a fresh folder: run with the slow tests
def test_the_pytest_plugin_uses_the_kits_packages(folder):
    (folder / "test_users_port.py").write_text(textwrap.dedent('''
        from parity.testing import assert_parity

        def test_the_twins(parity_config):
            assert_parity(parity_config, steps=3)

        def test_the_port():
            assert_parity(torch="port.py:Net", steps=3)
    '''))
    result = run_in(folder, "-m", "pytest", "-q", "-p", "no:cacheprovider", "test_users_port.py")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "2 passed" in result.stdout
