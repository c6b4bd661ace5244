"""A finding: one hypothesis about why parity failed, with the evidence that it fits."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Finding:
    name: str
    explanation: str
    evidence: dict
    fix: str
    score: float  # how well the evidence fits the pattern, 0 to 1

    def to_dict(self) -> dict:
        return {"name": self.name, "explanation": self.explanation, "evidence": self.evidence, "fix": self.fix, "score": self.score}


SIDE_PROGRAMS = {"numpy": "NumPy", "torch": "PyTorch"}  # each side as the program a finding describes
