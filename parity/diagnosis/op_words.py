"""A traced value in words: its op with its inputs described and its keyword arguments, and its shape."""

from __future__ import annotations

from parity.diagnosis.value_trace import Trace, Value, describe


def op_text(value: Value, trace: Trace) -> str:
    args, unseen = [], False
    for i in value.inputs:
        if i == "?":
            if not unseen:
                args.append("…")
            unseen = True
            continue
        unseen = False
        args.append(describe(trace.values[i]) if isinstance(i, int) else f"{i:.6g}")
    detail = f", {value.detail}" if value.detail else ""
    return f"{value.op}({', '.join(args)}{detail}) → {value.array.shape}"
