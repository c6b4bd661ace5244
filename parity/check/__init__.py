"""Bring your own network: `parity check` runs the user's NumPy network as one side of a run.

    network.py (what to load, how to drive it) ─► user_code.py (load and run it)
      ─► mapping.py (where its weights live) ─► sides.py ─► setup.py: a Setup for the engine
"""
