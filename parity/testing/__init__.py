"""Parity in your own tests and CI: `assert_parity` (asserts.py) and the pytest plugin (plugin.py).

    from parity.testing import assert_parity
    assert_parity(loss="mse", optimizer="adam", steps=200)

Nothing here imports torch until a check runs: the plugin is loaded by
every pytest run where the kit is installed.
"""

from parity.testing.asserts import assert_parity

__all__ = ["assert_parity"]
