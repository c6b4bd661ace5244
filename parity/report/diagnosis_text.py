"""The diagnosis in words: the oracles' verdicts, then the findings, most likely first."""

from __future__ import annotations

from typing import Any


def format_diagnosis(findings: list, oracles: dict) -> list[str]:
    """The oracles' verdicts and the findings, most likely first. Takes findings as objects or dicts."""
    lines = []
    if "float64" in oracles:
        o = oracles["float64"]
        if o["verdict"] == "rounding":
            verdict = "rounding noise (same mathematics in float64)"
        elif o["tensors"] and all(t.get("same_in_float64") for t in o["tensors"].values()):
            verdict = "the same mathematics in float64, rounded differently in float32"
        else:
            verdict = "a real difference"
        lines.append(f"float64 oracle, step {o['step']}: {verdict}")
    if "finite_difference" in oracles:
        o = oracles["finite_difference"]
        own = bool(o.get("own_models"))
        model = "its own model" if own else "the run's model"
        worst = {side: max((t[f"{side}_rel_error"] for t in o["tensors"].values()), default=0.0) for side in ("numpy", "torch")}
        if o["wrong"]:
            verdict = f"{' and '.join(o['wrong'])} {'depart' if len(o['wrong']) == 2 else 'departs'} from"
        else:
            verdict = "each side follows" if own else "both sides follow"
        lines.append(
            f"finite differences, step {o['step']}: {verdict} the true gradient of {model} "
            f"(largest relative error: numpy {worst['numpy']:.3g}, torch {worst['torch']:.3g})"
        )
    findings = [f if isinstance(f, dict) else f.to_dict() for f in findings]
    if not findings:
        return lines + ["likely cause: unknown"]
    for rank, f in enumerate(findings):
        label = "likely cause" if rank == 0 else "also possible"
        lines.append(f"{label}: {f['name']} (fit {f['score']:.2f})")
        lines.append(f"  {f['explanation']}")
        evidence = ", ".join(f"{key}={_short(value)}" for key, value in f["evidence"].items())
        lines.append(f"  evidence: {evidence}")
        lines.append(f"  fix: {f['fix']}")
    return lines


def _short(value: Any) -> str:
    if isinstance(value, float):
        return f"{value:.4g}"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k}: {_short(v)}" for k, v in value.items()) + "}"
    if isinstance(value, list):
        return "[" + ", ".join(_short(v) for v in value) + "]"
    return str(value)
