"""What a run starts from: its config, its data and its initial weights.

    RunConfig (config.py) ─► Dataset (data.py) ─► initial weights (weights.py)
"""
