"""Running the two sides step by step and comparing them as they go.

    Setup (setup.py) ─► two Sides (sides.py) ─► step records (record.py)
                     ─► compare (compare.py) ─► RunResult (result.py), driven by loop.py
"""
