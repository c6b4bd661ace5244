"""The verdict of a run: a plain table for the terminal and a JSON document."""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from typing import Any

from parity.compare import Mismatch, TensorSummary
from parity.config import RunConfig

REPORT_FORMAT = 1


@dataclass
class Report:
    config: RunConfig
    environment: dict[str, Any]
    steps_run: int
    tensors: dict[str, TensorSummary]
    first_failure: Mismatch | None
    failure_context: Any = field(default=None, repr=False)  # engine.FailureContext, for diagnosis
    initial_weights: dict = field(default_factory=dict, repr=False)
    diagnosis: list = field(default_factory=list)  # diagnose.Finding, most likely first
    oracles: dict = field(default_factory=dict)
    interrupted: bool = False
    divergence: dict | None = None  # engine.Divergence.to_dict()
    network: dict | None = None  # `parity check` only: the user's network and how it was driven

    @property
    def passed(self) -> bool:
        return self.first_failure is None and self.divergence is None and not self.interrupted

    @property
    def verdict(self) -> str:
        """pass, fail, diverged (both sides blew up together, parity held until then) or interrupted."""
        if self.interrupted:
            return "interrupted"
        if self.first_failure is None and self.divergence is not None:
            return "diverged"
        return "pass" if self.passed else "fail"

    def to_dict(self) -> dict[str, Any]:
        """Everything but the environment block is a function of the config alone."""
        rtol, atol = self.config.tolerances
        return {
            "format": REPORT_FORMAT,
            "config": self.config.to_dict(),
            **({"network": self.network} if self.network else {}),
            "tolerance": {"rtol": rtol, "atol": atol},
            "verdict": self.verdict,
            "summary": self.verdict_line(),
            "steps_run": self.steps_run,
            "interrupted": self.interrupted,
            "divergence": self.divergence,
            "first_failure": self.first_failure.to_dict() if self.first_failure else None,
            "tensors": {name: _summary_dict(s) for name, s in self.tensors.items()},
            "diagnosis": [finding.to_dict() for finding in self.diagnosis],
            "oracles": self.oracles,
            "environment": self.environment,
        }

    def to_json(self) -> str:
        return json.dumps(json_safe(self.to_dict()), indent=2) + "\n"

    def format_table(self) -> str:
        lines = [self.headline(), "", *_table(self.tensors), "", self.verdict_line()]
        if self.verdict == "fail":
            lines += ["", *format_diagnosis(self.diagnosis, self.oracles)]
        return "\n".join(lines)

    def headline(self) -> str:
        c = self.config
        rtol, atol = c.tolerances
        bias = "bias" if c.bias else "no bias"
        against = f"{self.network['network']} against the torch twin, " if self.network else ""
        return (
            f"parity: {against}{c.data}, {c.hidden} hidden, {bias}, loss {c.loss}, {c.optimizer} lr={c.lr:g}, "
            f"{c.steps} steps, {c.dtype} on {self.environment.get('device', '?')}, {c.mode}\n"
            f"tolerance: |numpy - torch| <= {atol:g} + {rtol:g} * |torch|"
        )

    def verdict_line(self) -> str:
        failure = f"numbers part at {self.first_failure.describe()}" if self.first_failure else None
        if self.interrupted:
            return f"INTERRUPTED after step {self.steps_run}: " + (failure or "parity held so far")
        if self.verdict == "diverged":
            held = self.divergence["step"] - 1
            before = f"parity held for the {held} steps before" if held else "there was no step before it to compare"
            return f"DIVERGED: {self.divergence['summary']}; {before}"
        if self.passed:
            return f"PASS: parity holds for all {len(self.tensors)} tensors over {self.steps_run} steps"
        if self.divergence:
            return f"FAIL: {self.divergence['summary']}; numbers part at {self.first_failure.describe()}"
        return f"FAIL: {failure}"


def _summary_dict(summary: TensorSummary) -> dict[str, Any]:
    return {
        "max_abs": summary.max_abs,
        "max_rel": summary.max_rel,
        "worst_step": summary.worst_step,
        "worst_index": list(summary.worst_index),
        "passed": summary.passed,
        "failed_steps": summary.failed_steps,
        "first_failed_step": summary.first_failed_step,
        "problem": summary.problem,
    }


def _table(tensors: dict[str, TensorSummary]) -> list[str]:
    header = f"{'tensor':<9} {'max abs':>10} {'max rel':>10} {'worst step':>10} {'worst index':>12}  result"
    rows = [header]
    for name, s in tensors.items():
        index = ",".join(map(str, s.worst_index)) or "-"
        result = "OK" if s.passed else f"NOT OK ({s.failed_steps} of {s.compared_steps} steps)"
        rows.append(
            f"{name:<9} {s.max_abs:>10.3g} {s.max_rel:>10.3g} {s.worst_step or '-':>10} {index:>12}  {result}"
        )
    return rows


def json_safe(value: Any) -> Any:
    """JSON has no inf or nan: write them as the strings "inf", "-inf", "nan"."""
    if isinstance(value, float) and not math.isfinite(value):
        return str(value)
    if isinstance(value, dict):
        return {key: json_safe(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [json_safe(item) for item in value]
    return value


def format_diagnosis(findings: list, oracles: dict) -> list[str]:
    """The oracles' verdicts and the findings, most likely first. Takes findings as objects or dicts."""
    lines = []
    if "float64" in oracles:
        o = oracles["float64"]
        verdict = "rounding noise (same mathematics in float64)" if o["verdict"] == "rounding" else "a real difference"
        lines.append(f"float64 oracle, step {o['step']}: {verdict}")
    if "finite_difference" in oracles:
        o = oracles["finite_difference"]
        wrong = " and ".join(o["wrong"]) or "neither side"
        worst = {side: max((t[f"{side}_rel_error"] for t in o["tensors"].values()), default=0.0) for side in ("numpy", "torch")}
        lines.append(
            f"finite differences, step {o['step']}: gradients wrong on {wrong} "
            f"(largest relative error: numpy {worst['numpy']:.3g}, torch {worst['torch']:.3g})"
        )
    findings = [f if isinstance(f, dict) else f.to_dict() for f in findings]
    if not findings:
        return lines + ["diagnosis: no known porting bug fits these numbers"]
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
