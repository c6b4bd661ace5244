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


def parting_location(step: int, name: str, evidence: dict) -> str:
    """Where the two programs part in a forward pass, and what each goes on with."""
    return (f"At the shared start of step {step} the two programs agree up to {evidence['agree_up_to']}; they part after "
            f"it, before the {name}. The NumPy program goes on with {'; '.join(evidence['numpy_ops']) or 'nothing it traces'}; the port with "
            f"{'; '.join(evidence['torch_ops']) or 'nothing it traces'}.")
