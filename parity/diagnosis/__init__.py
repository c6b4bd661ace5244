"""Why a run failed: two oracles, then rules by family, ranked by how well they fit.

    RunResult ─► oracles.py (float64 replay, finite differences)
              ─► evidence.py (the failing step in float64) ─► rules/* ─► Finding (finding.py)
"""
