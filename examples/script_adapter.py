"""The adapter protocol, for code no expression can drive: here a module-level training script.

A class the kit recognises by three methods:

    get_params() -> dict      W1, b1, W2, ... in the NumPy layout (W of shape (in, out)); biases (h,), (1, h) or (h, 1)
    set_params(dict)          the same names, to load into the network
    step(X, y)                one training step on this batch

This adapter runs the script's set-up once (everything before its training
loop) and the loop's body once per step, with X and y bound to the kit's
batch. The script's update is err = y - out, added: half the sum of squared
errors, at the script's rate of 0.8.

    parity check examples/script_adapter.py:ScriptAdapter --loss half-sse --lr 0.8
"""

import ast
from pathlib import Path

SCRIPT = Path(__file__).parent / "script" / "xor_script.py"


class ScriptAdapter:
    def __init__(self, X, y):
        tree = ast.parse(SCRIPT.read_text())
        loop = next(node for node in tree.body if isinstance(node, ast.For))
        set_up = ast.Module(body=tree.body[: tree.body.index(loop)], type_ignores=[])
        self.body = compile(ast.Module(body=loop.body, type_ignores=[]), str(SCRIPT), "exec")
        self.scope = {}
        exec(compile(set_up, str(SCRIPT), "exec"), self.scope)

    def get_params(self):
        return {"W1": self.scope["w_ih"], "W2": self.scope["w_ho"]}

    def set_params(self, params):
        self.scope["w_ih"] = params["W1"].copy()
        self.scope["w_ho"] = params["W2"].copy()

    def step(self, X, y):
        self.scope.update(X=X, y=y)
        exec(self.body, self.scope)
