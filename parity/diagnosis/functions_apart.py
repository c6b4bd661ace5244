"""Where two programs as written part at a function of one value: the NumPy program applies one elementwise
function to the value both agree on, the port another (log1p against log, exp against softplus, tanh against
sigmoid). Both calls are in the traces, on the same agreeing value; what is said is what each side computes there.

    numpy:  f(x)        port:  g(x)        f ≠ g, x the value both agree on
"""

from __future__ import annotations

import numpy as np

from parity.diagnosis.value_trace import Value, agrees

# one value in, one value of its shape out; NumPy's names and torch's for the same function are one name here
ELEMENTWISE = {"exp", "expm1", "log", "log1p", "log2", "log10", "sqrt", "rsqrt", "tanh", "sigmoid", "softplus", "relu",
               "gelu", "elu", "selu", "celu", "silu", "mish", "leaky_relu", "softsign", "logsigmoid", "hardtanh", "relu6",
               "hardsigmoid", "hardswish", "erf", "sin", "cos", "abs", "absolute", "square", "reciprocal", "arctan", "atan",
               "sinh", "cosh", "arcsinh", "asinh", "sign", "negative", "neg", "exp2", "cbrt"}
VIEWS = {"reshape", "view", "transpose", "t", "squeeze", "unsqueeze", "flatten", "ravel", "astype", "to", "contiguous",
         "getitem", "expand", "expand_as", "view_as", "permute", "swapaxes"}
# functions written in one another's place: a log for a log1p, an exp for a softplus, one squashing or one
# rectifying activation for another, one power for another, sin for cos
FAMILIES = ({"log", "log1p", "log2", "log10"}, {"exp", "expm1", "exp2", "softplus"},
            {"tanh", "sigmoid", "hardtanh", "softsign", "erf", "arctan", "hardsigmoid", "logsigmoid"},
            {"relu", "gelu", "elu", "selu", "celu", "silu", "mish", "leaky_relu", "softplus", "relu6", "hardswish", "abs"},
            {"sqrt", "rsqrt", "cbrt", "square", "abs", "reciprocal"}, {"sin", "cos"}, {"sinh", "cosh", "arcsinh"})
SAME = {"absolute": "abs", "atan": "arctan", "asinh": "arcsinh", "neg": "negative"}
MEANINGS = {"log1p": "log(1 + x)", "expm1": "exp(x) - 1", "softplus": "log(1 + exp(x))", "logsigmoid": "log σ(x)",
            "selu": "1.0507·elu(x, 1.6733)", "silu": "x·σ(x)", "gelu": "x·Φ(x)", "softsign": "x / (1 + |x|)",
            "relu6": "min(max(x, 0), 6)", "hardtanh": "clip(x, -1, 1)", "hardsigmoid": "clip(x/6 + 1/2, 0, 1)",
            "rsqrt": "1/√x", "reciprocal": "1/x", "mish": "x·tanh(softplus(x))", "celu": "max(0, x) + min(0, exp(x) - 1)"}


def functions_apart(numpy_ops: list[Value], torch_ops: list[Value], frontier: Value, twin: Value, tolerance: float) -> str:
    """The first of the NumPy program's elementwise functions of the agreeing value against the port's, where the
    two are other functions and give other values."""
    mine_all = [v for v in numpy_ops if _function_of(v, frontier)]
    theirs_all = [v for v in torch_ops if _function_of(v, twin)]
    others = [v for v in numpy_ops if frontier.index in v.inputs and v not in mine_all and v.op not in VIEWS]
    if others or any(twin.index in v.inputs and v not in theirs_all and v.op not in VIEWS for v in torch_ops):
        return ""  # a side that computes more of the value (max(z, 0) - z·y + log(1 + e^-|z|)) writes a formula, not a function
    both = {_name(v) for v in mine_all} & {_name(v) for v in theirs_all}  # a function both apply: no slip between them
    for mine in (v for v in mine_all if _name(v) not in both):
        for theirs in (v for v in theirs_all if _name(v) not in both):
            a, b = _name(mine), _name(theirs)
            if not any(a in family and b in family for family in FAMILIES):
                continue  # a square against a cosine is no function written in another's place
            if mine.array.size != theirs.array.size or agrees(mine.array.reshape(theirs.array.shape), theirs.array, tolerance):
                continue
            return (f"The NumPy program applies {_said(a)} to the value both agree on where the port applies {_said(b)}: "
                    f"two different functions of the same value (measured: their inputs agree, their outputs do not; "
                    f"the largest difference is {float(np.max(np.abs(mine.array.ravel() - theirs.array.ravel()))):.3g}).")
    return ""


def _name(value: Value) -> str:
    name = value.op.removesuffix(" (in place)").removesuffix("_")
    return SAME.get(name, name)


def _function_of(value: Value, source: Value) -> bool:
    """One tensor in, the source; the same number of elements out."""
    tensors = [i for i in value.inputs if isinstance(i, int) or i == "?"]
    return _name(value) in ELEMENTWISE and tensors == [source.index] and value.array.size == source.array.size


def _said(name: str) -> str:
    meaning = MEANINGS.get(name)
    return f"{name} ({meaning})" if meaning else name
