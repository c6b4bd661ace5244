"""The pytest plugin (entry point pytest11: parity): options, a parity_config fixture, a cuda marker, reports on failure.

    pytest --parity-device cuda --parity-dtype float64

    def test_my_port(parity_config):
        assert_parity(parity_config, numpy="net.py:Net", torch="port.py:Model")

    @pytest.mark.cuda
    def test_on_the_gpu(parity_config): ...      # skipped, with its reason, where CUDA is absent
"""

from __future__ import annotations

import pytest

DEVICE_OPTION, DTYPE_OPTION = "--parity-device", "--parity-dtype"


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("parity", "NumPy-to-PyTorch parity")
    group.addoption(DEVICE_OPTION, default="auto", choices=("auto", "cpu", "cuda"), help="device of the torch side [default: auto]")
    group.addoption(DTYPE_OPTION, default="float32", choices=("float32", "float64"), help="dtype of both sides [default: float32]")


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "cuda: needs a CUDA device; skipped, with the reason, where there is none")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if not any(item.get_closest_marker("cuda") for item in items):
        return  # no torch import for suites that never ask for CUDA
    import torch

    if torch.cuda.is_available():
        return
    reason = pytest.mark.skip(reason=f"needs CUDA: torch {torch.__version__} sees no CUDA device on this machine")
    for item in items:
        if item.get_closest_marker("cuda"):
            item.add_marker(reason)


@pytest.fixture
def parity_config(request: pytest.FixtureRequest):
    """A RunConfig with the device and dtype given on the command line (--parity-device, --parity-dtype);
    a test marked cuda gets the GPU. Its other fields are left to the kind of run: assert_parity of your programs
    takes `parity check`'s defaults (lr 1), of the twins `parity run`'s."""
    from parity.config.config import RunConfig, defaults, leave_to_the_command

    device = "cuda" if request.node.get_closest_marker("cuda") else request.config.getoption(DEVICE_OPTION)
    config = RunConfig(device=device, dtype=request.config.getoption(DTYPE_OPTION))
    return leave_to_the_command(config, tuple(name for name in defaults() if name not in ("device", "dtype")))


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo):
    """A failed parity assertion carries the whole report: attach it as its own section of the test's output."""
    report = yield
    if report.when == "call" and report.failed and call.excinfo is not None:
        message = str(call.excinfo.value)
        if message.startswith("parity does not hold"):
            report.sections.append(("parity report", message))
    return report
