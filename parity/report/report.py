"""The verdict of a run: what the engine found and what the diagnosis made of it."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from parity.diagnosis.diagnose import Diagnosis
from parity.diagnosis.finding import Finding
from numpy_net import Params
from parity.config.config import RunConfig
from parity.engine.compare import Mismatch, TensorSummary, minimum_tolerance
from parity.engine.result import FailureContext, RunResult
from parity.report.diagnosis_text import format_diagnosis
from parity.report.json_document import json_safe
from parity.report.table import headline, tensor_table

REPORT_FORMAT = 1


@dataclass
class Report:
    """A run's facts (the engine's RunResult, read through the properties below) and what was made of them.
    The facts are read-only here: what changes them (an interruption) changes `result`."""

    result: RunResult
    diagnosis: list[Finding] = field(default_factory=list)  # most likely first
    oracles: dict = field(default_factory=dict)
    golden: dict | None = None  # a golden run's verdict (parity.testing.golden), where one was checked
    resume: dict | None = None  # the resume check's verdict (parity.engine.resume), where one was asked for

    @classmethod
    def of(cls, result: RunResult, diagnosis: Diagnosis | None = None) -> Report:
        findings, oracles = diagnosis or ([], {})
        return cls(result, diagnosis=findings, oracles=oracles)

    @property
    def config(self) -> RunConfig:
        return self.result.config

    @property
    def environment(self) -> dict:
        return self.result.environment

    @property
    def steps_run(self) -> int:
        return self.result.steps_run

    @property
    def tensors(self) -> dict[str, TensorSummary]:
        return self.result.tensors

    @property
    def first_failure(self) -> Mismatch | None:
        return self.result.first_failure

    @property
    def failure_context(self) -> FailureContext | None:
        return self.result.failure_context

    @property
    def initial_weights(self) -> Params:
        return self.result.initial_weights

    @property
    def interrupted(self) -> bool:
        return self.result.interrupted

    @property
    def divergence(self) -> dict | None:
        return self.result.divergence

    @property
    def network(self) -> dict | None:
        return self.result.network

    @property
    def references(self) -> int:
        return self.result.references

    @property
    def passed(self) -> bool:
        return self.result.passed

    @property
    def verdict(self) -> str:
        return self.result.verdict

    def to_dict(self) -> dict[str, Any]:
        """Everything but the environment block is a function of the config alone."""
        rtol, atol = self.config.tolerances
        return {
            "format": REPORT_FORMAT,
            "config": self.config.to_dict(),
            **({"network": self.network} if self.network else {}),
            "tolerance": {"rtol": rtol, "atol": atol, "rule": self.headline().splitlines()[1],
                          "float64_references": self.references,
                          **dict(zip(("min_atol", "min_rtol"), minimum_tolerance(self.tensors)))},
            "verdict": self.verdict,
            "summary": self.verdict_line(),
            **({"float64_reference": line} if (line := self.reference_line()) else {}),
            "steps_run": self.steps_run,
            "interrupted": self.interrupted,
            "divergence": self.divergence,
            "first_failure": self.first_failure.to_dict() if self.first_failure else None,
            "tensors": {name: _summary_dict(s) for name, s in self.tensors.items()},
            "diagnosis": [finding.to_dict() for finding in self.diagnosis],
            "oracles": self.oracles,
            **({"golden": self.golden} if self.golden else {}),
            **({"resume": self.resume} if self.resume else {}),
            "environment": self.environment,
        }

    def to_json(self, programs: dict[str, str] | None = None) -> str:
        """programs: the network block's FILE.py:NAME as the report stores them (relative to where it is written)."""
        document = self.to_dict()
        if programs and self.network:
            document["network"] = {**self.network, **programs}
        return json.dumps(json_safe(document), indent=2) + "\n"

    def format_table(self, with_headline: bool = True) -> str:
        """The headline, the table, the verdict and the diagnosis; without the headline where it was printed
        before the run began (the two printed one after the other read exactly as the whole)."""
        lines = [self.headline(), "", *tensor_table(self.tensors), "", self.verdict_line()]
        lines += [line] if (line := self.reference_line()) else []
        if not with_headline:
            lines = lines[1:]
        lines += [extra["summary"] for extra in (self.golden, self.resume) if extra]
        if self.verdict == "fail":
            lines += ["", *format_diagnosis(self.diagnosis, self.oracles)]
        return "\n".join(lines)

    def headline(self) -> str:
        return headline(self.config, self.environment.get("device", "?"), self.network)

    def verdict_line(self) -> str:
        failure = f"numbers part at {self.first_failure.describe()}" if self.first_failure else None
        if self.interrupted:
            return f"INTERRUPTED after step {self.steps_run}: " + (failure or "parity held so far")
        if self.verdict == "diverged":
            held = self.divergence["step"] - 1
            before = f"parity held for the {held} steps before" if held else "there was no step before it to compare"
            return f"DIVERGED: {self.divergence['summary']}; {before}"
        if self.passed:
            compared = max((s.compared_steps for s in self.tensors.values()), default=0)
            sampled = f" ({compared} of them compared: the first, the last and each multiple of {self.config.check_every}; all checked for NaN/Inf)" if compared < self.steps_run else ""
            return f"PASS: parity holds for all {len(self.tensors)} tensors over {self.steps_run} steps{sampled}"
        if self.divergence:
            return f"FAIL: {self.divergence['summary']}; numbers part at {self.first_failure.describe()}"
        return f"FAIL: {failure}"

    def reference_line(self) -> str | None:
        """The tensors that passed a step only by the float64 reference (parity.tolerance), and what it noted."""
        referenced = [f"{name} ({s.reference_steps} of {s.compared_steps} steps)" for name, s in self.tensors.items() if s.reference_steps]
        if not referenced:
            return None
        gap = max(s.float64_gap for s in self.tensors.values() if s.reference_steps)
        ratios = [s.precision for s in self.tensors.values() if s.reference_steps and s.precision]
        numpy_ratio, torch_ratio = max(ratios, default=1.0), 1 / min(ratios, default=1.0)
        return (f"float64-reference: {', '.join(referenced)} differed beyond the tolerance in {self.config.dtype}, and "
                f"within it when both programs stepped in float64 from the same start (largest float64 difference "
                f"{gap:.3g}): {self.config.dtype} rounding, the NumPy side's up to {numpy_ratio:.3g} times torch's "
                f"and torch's up to {torch_ratio:.3g} times NumPy's")


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
        "tolerance_used": summary.used,
        "min_atol": summary.min_atol,
        "min_rtol": summary.min_rtol,
        "errors_at_worst_step": summary.histogram,
        "allowed": summary.allowed,
        "rule": summary.rule,
        "reference_steps": summary.reference_steps,
        "float64_gap": summary.float64_gap,
        "precision": summary.precision,
        "note": summary.note,
    }
