"""The verdict of a run: what the engine found and what the diagnosis made of it."""

from __future__ import annotations

import json
from dataclasses import dataclass, field, fields
from typing import Any

from parity.diagnosis.diagnose import Diagnosis
from parity.diagnosis.finding import Finding
from parity.engine.compare import TensorSummary, minimum_tolerance
from parity.engine.result import RunResult
from parity.report.diagnosis_text import format_diagnosis
from parity.report.json_document import json_safe
from parity.report.table import headline, tensor_table

REPORT_FORMAT = 1


@dataclass
class Report(RunResult):
    diagnosis: list[Finding] = field(default_factory=list)  # most likely first
    oracles: dict = field(default_factory=dict)
    golden: dict | None = None  # a golden run's verdict (parity.testing.golden), where one was checked
    resume: dict | None = None  # the resume check's verdict (parity.engine.resume), where one was asked for

    @classmethod
    def of(cls, result: RunResult, diagnosis: Diagnosis | None = None) -> Report:
        findings, oracles = diagnosis or ([], {})
        return cls(**{f.name: getattr(result, f.name) for f in fields(RunResult)}, diagnosis=findings, oracles=oracles)

    def to_dict(self) -> dict[str, Any]:
        """Everything but the environment block is a function of the config alone."""
        rtol, atol = self.config.tolerances
        return {
            "format": REPORT_FORMAT,
            "config": self.config.to_dict(),
            **({"network": self.network} if self.network else {}),
            "tolerance": {"rtol": rtol, "atol": atol, **dict(zip(("min_atol", "min_rtol"), minimum_tolerance(self.tensors)))},
            "verdict": self.verdict,
            "summary": self.verdict_line(),
            **({"unsettled": unsettled} if (unsettled := self.unsettled_line()) else {}),
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

    def to_json(self) -> str:
        return json.dumps(json_safe(self.to_dict()), indent=2) + "\n"

    def format_table(self, with_headline: bool = True) -> str:
        """The headline, the table, the verdict and the diagnosis; without the headline where it was printed
        before the run began (the two printed one after the other read exactly as the whole)."""
        lines = [self.headline(), "", *tensor_table(self.tensors), "", self.verdict_line()]
        lines += [unsettled] if (unsettled := self.unsettled_line()) else []
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

    def unsettled_line(self) -> str | None:
        """The tensors that passed a step only within what sums in another order may carry (engine/second_look.py)."""
        unsettled = [f"{name} ({s.unsettled_steps} of {s.compared_steps} steps)" for name, s in self.tensors.items() if s.unsettled_steps]
        if not unsettled:
            return None
        return (f"unsettled: {', '.join(unsettled)} passed only within what {self.config.dtype} sums over the batch may carry "
                "when added in another order (row after row), beyond what random rounding reaches; a bug that small, such as "
                "one row left out of a sum, cannot be told from rounding at this size: --dtype float64 tells them apart")


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
        "unsettled_steps": summary.unsettled_steps,
    }
