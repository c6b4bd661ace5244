"""assert_parity: a parity run (or a check of your own programs) as an assertion."""

from __future__ import annotations

from typing import Any


def assert_parity(config: Any = None, *, numpy: Any = None, torch: Any = None, **settings: Any) -> Any:
    """Run the twins (or check your programs) and raise AssertionError, whose message is the report, unless parity holds.

        assert_parity(loss="mse", steps=200)                                       # the kit's twins
        assert_parity(parity_config, numpy="net.py:Net", torch="port.py:Model")    # your programs
        assert_parity(RunConfig(...), torch=TorchPort("port.py:Model", loss="nn.MSELoss()"))

    config is a RunConfig; keyword settings override its fields (or build one). Without a config, the defaults are
    those of the command line: `parity run`'s for the twins, `parity check`'s (lr 1) for your programs; the
    parity_config fixture leaves them to the kind of run too. A relative FILE.py not found from the working folder
    is looked up beside the calling test file. Returns the Report.

    The test process's malloc keeps freed blocks for the next step, as the `parity` command's does
    (parity.allocator): without it a test runs a third to a half slower than the command line.
    """
    from parity.allocator import keep_freed_memory
    from parity.api import check, run
    from parity.config.config import config_for

    keep_freed_memory()  # a process that asserts parity is a test run: tuned as the `parity` command tunes its own

    checking = numpy is not None or torch is not None
    config = config_for("check" if checking else "run", config, **settings)
    report = check(config, numpy=numpy, torch=torch) if checking else run(config)
    if not report.passed:
        raise AssertionError("parity does not hold\n\n" + report.format_table())
    return report
