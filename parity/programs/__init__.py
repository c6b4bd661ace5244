"""Your own programs as sides of a run: `parity check` runs your NumPy network, your PyTorch port, or both.

    network.py, port.py (what to load, how to drive it) ─► user_code.py (load and run it)
      ─► discovery.py, locations.py (where the parameters live) ─► sides.py, port.py ─► setup.py: a Setup for the engine
"""
