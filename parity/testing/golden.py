"""Golden runs: a run's per-step fingerprints saved on one machine, and a later run checked against them on another.

A fingerprint is three numbers per tensor per step and side (sum, Σ|x|,
max |x|), never the tensors, so a golden file stays small however long the
run. This is how a GPU runner is checked against a CPU reference without
both in one job: `parity run --save-golden g.json` on the CPU, `parity run
--golden g.json` on the GPU, with tolerances meant for crossing devices.
"""

from __future__ import annotations

import json

import numpy as np

from parity.config.config import RunConfig
from parity.errors import InputError
from parity.files import check_input

GOLDEN_FORMAT = 2  # 2: steps_total and complete, the mark that it holds the whole run
# Relative to the tensor's own scale (Σ|x| for the sums, max |x| for the max): a step of float32 computed on
# another device or BLAS differs by rounding, float64 by far less.
GOLDEN_RTOL = {"float32": 1e-4, "float64": 1e-9}
# What may differ between the saved run and the checked one: where it runs, not what it computes.
MAY_DIFFER = {"device", "allow_tf32", "deterministic", "rtol", "atol"}


def fingerprint(record: dict, names: tuple[str, ...]) -> dict[str, list[float]]:
    found = {}
    for name in names:
        value = np.asarray(record[name], dtype=np.float64)
        found[name] = [float(value.sum()), float(np.abs(value).sum()), float(np.abs(value).max(initial=0.0))]
    return found


class GoldenRecorder:
    """An engine observer keeping each step's fingerprints, to save as a golden file."""

    def __init__(self, names: tuple[str, ...]) -> None:
        self.names, self.steps = names, []

    def __call__(self, step: int, numpy_record: dict, torch_record: dict) -> None:
        self.steps.append({"numpy": fingerprint(numpy_record, self.names), "torch": fingerprint(torch_record, self.names)})

    def document(self, config: RunConfig, environment: dict) -> dict:
        # the mark a check requires: a run stopped short (a divergence) saves a golden that says so
        return {"format": GOLDEN_FORMAT, "config": config.to_dict(), "environment": environment, "steps_total": config.steps,
                "complete": len(self.steps) == config.steps, "steps": self.steps}


class GoldenChecker:
    """An engine observer comparing each step's fingerprints with a golden file's; keeps the first difference."""

    def __init__(self, path: str, config: RunConfig, names: tuple[str, ...]) -> None:
        self.path, self.names = path, names
        self.golden = read_golden(path)
        _check_same_run(path, self.golden["config"], config)
        if len(self.golden["steps"]) < config.steps:  # a golden proves only the steps it holds
            raise InputError(f"--golden {path!r} covers {len(self.golden['steps'])} of {config.steps} steps of this run; "
                             "save a golden of the whole run")
        self.rtol = GOLDEN_RTOL[config.dtype]
        self.first_difference: dict | None = None
        self.checked = 0

    def __call__(self, step: int, numpy_record: dict, torch_record: dict) -> None:
        if self.first_difference is not None or step > len(self.golden["steps"]):
            return
        self.checked = step
        saved = self.golden["steps"][step - 1]
        for side, record in (("numpy", numpy_record), ("torch", torch_record)):
            for name, now in fingerprint(record, self.names).items():
                then = saved[side].get(name)
                if then is None or not _close(now, then, self.rtol):
                    self.first_difference = {"step": step, "side": side, "tensor": name, "now": now, "golden": then}
                    return

    def verdict(self) -> dict:
        env = self.golden.get("environment", {})
        where = f"{env.get('device', '?')} ({env.get('device_name', '?')}), torch {env.get('torch', '?')}"
        if self.first_difference is None:
            total = len(self.golden["steps"])
            part = "" if self.checked == total else f" of its {total} (the run stopped short)"
            summary = f"GOLDEN: matches {self.path} (saved on {where}) over {self.checked} steps{part}"
        else:
            d = self.first_difference
            numbers = "no such tensor in the golden run" if d["golden"] is None else (
                f"sum {d['now'][0]:.9g} vs {d['golden'][0]:.9g}, Σ|x| {d['now'][1]:.9g} vs {d['golden'][1]:.9g}")
            summary = f"GOLDEN MISMATCH: step {d['step']}, {d['tensor']} on the {d['side']} side parts from {self.path} (saved on {where}): {numbers}"
        return {"path": self.path, "matched": self.first_difference is None, "checked_steps": self.checked,
                "first_difference": self.first_difference, "rtol": self.rtol, "saved_environment": env, "summary": summary}


def _close(now: list[float], then: list[float], rtol: float) -> bool:
    scale_sum, scale_max = max(abs(then[1]), 1e-300), max(abs(then[2]), 1e-300)
    return (abs(now[0] - then[0]) <= rtol * scale_sum + 1e-12 and abs(now[1] - then[1]) <= rtol * scale_sum + 1e-12
            and abs(now[2] - then[2]) <= rtol * scale_max + 1e-12)


def read_golden(path: str) -> dict:
    """A golden file checked field by field: its steps' fingerprints as floats, or one InputError naming the file and
    the field. A golden must say it holds the whole run it saved (format 2: steps_total and complete; format 1, with
    no mark, only where its steps are as many as its config's)."""
    check_input(path, "--golden")
    try:
        with open(path) as file:
            document = json.load(file)
    except FileNotFoundError:
        raise InputError(f"--golden {path!r}: no such file") from None
    except (OSError, UnicodeDecodeError, ValueError, RecursionError) as error:
        raise InputError(f"--golden {path!r} is not a golden file written by --save-golden ({error})") from None
    if not isinstance(document, dict) or document.get("format") not in (1, GOLDEN_FORMAT) or isinstance(document.get("format"), bool):
        found = f"format {document.get('format')!r}" if isinstance(document, dict) else "not a JSON object"
        raise InputError(f"--golden {path!r} is not a golden file written by --save-golden ({found})")
    for key, kind in (("config", dict), ("environment", dict), ("steps", list)):
        if not isinstance(document.get(key), kind):
            raise InputError(f"--golden {path!r}: its field {key} is {_what(document.get(key))}, not a JSON {'object' if kind is dict else 'list'}")
    document["steps"] = [_step(path, number, step) for number, step in enumerate(document["steps"], 1)]
    _check_whole(path, document)
    return document


def _what(value: object) -> str:
    return "missing" if value is None else type(value).__name__


def _step(path: str, number: int, step: object) -> dict:
    """One step's fingerprints, {side: {tensor: [sum, Σ|x|, max |x|]}}, as floats ("inf" and "nan" as JSON stores them)."""
    where = f"--golden {path!r}: its field steps[{number - 1}]"
    if not isinstance(step, dict):
        raise InputError(f"{where} is {_what(step)}, not a JSON object")
    read = {}
    for side in ("numpy", "torch"):
        prints = step.get(side)
        if not isinstance(prints, dict):
            raise InputError(f"{where}.{side} is {_what(prints)}, not a JSON object")
        read[side] = {}
        for name, numbers in prints.items():
            try:
                if not isinstance(numbers, list) or len(numbers) != 3 or any(isinstance(n, (bool, list, dict)) or n is None for n in numbers):
                    raise ValueError
                read[side][name] = [float(n) for n in numbers]
            except (TypeError, ValueError, OverflowError):
                raise InputError(f"{where}.{side}.{name} is not three numbers (sum, sum of |x|, max |x|)") from None
    return read


def _check_whole(path: str, document: dict) -> None:
    covered = len(document["steps"])
    if document["format"] == 1:  # an earlier version's golden: no mark, so only its length can say it is whole
        total = document["config"].get("steps")
        if covered != total:
            raise InputError(f"--golden {path!r} was saved by an earlier version with no completion mark and covers {covered} "
                             f"of {total!r} steps; re-save it with --save-golden")
        return
    total, complete = document.get("steps_total"), document.get("complete")
    if not isinstance(total, int) or isinstance(total, bool) or not isinstance(complete, bool):
        field = "steps_total" if not isinstance(total, int) or isinstance(total, bool) else "complete"
        raise InputError(f"--golden {path!r}: its field {field} is {_what(document.get(field))}; re-save it with --save-golden")
    if not complete or covered != total:
        raise InputError(f"--golden {path!r} is incomplete: it covers {covered} of {total} steps; re-save it with --save-golden")


def _check_same_run(path: str, saved: dict, config: RunConfig) -> None:
    """A golden file checks the same run; only where it runs may differ."""
    now = config.to_dict()
    differing = sorted(k for k in set(saved) | set(now) if k not in MAY_DIFFER and saved.get(k) != now.get(k))
    if differing:
        shown = ", ".join(f"{k} {saved.get(k)!r} there, {now.get(k)!r} here" for k in differing[:3])
        raise InputError(f"--golden {path!r} was saved for another run: {shown}")
