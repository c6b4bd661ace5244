"""The documentation stays true: every output it shows from a command is what the command prints now.

A block of output in README.md or a page under docs/ is checked when an HTML
comment marks it, on the line before its fence:

    <!-- checked: parity run --steps 50 -->
    ```
    parity: xor, 4 hidden, ...
    ...
    PASS: parity holds for all 11 tensors over 50 steps
    ```

or `<!-- checked -->` with the command as the block's first line, `$ parity ...`
(where both are given they must agree). A block may hold several commands,
each `$ ` line followed by its output; they run in turn in an empty folder
where `examples/` is the repository's, so that what one writes (a golden
file, a report) the next can read. Each output is compared line by line on
its stable lines: the headline and side lines, each table row's name and
OK / NOT OK, the verdict, the oracles' and the diagnosis's headlines, the
counts (`caught 26 of 26`, `19 of 19 sections agree`). Numbers with a
decimal point or an exponent are masked (they may move in the last digits
between machines), and so is torch's version; integers (steps, indices,
counts) are not. An output with a line `...` shows part of what is printed,
in order; one without shows all of it. The exit status must be the one the
shown verdict means.

The tests below also keep the README's links, the findings page and the JSON
report's schema true.
"""

from __future__ import annotations

import json
import os
import re
import shlex
from pathlib import Path

import pytest
from click.testing import CliRunner

from parity.cli import cli

ROOT = Path(__file__).resolve().parent.parent
PAGES = [ROOT / "README.md", *sorted((ROOT / "docs").rglob("*.md"))]

MARKED = re.compile(r"^<!-- checked(?::\s*(?P<command>.+?))?\s*-->\n```[\w-]*\n(?P<body>.*?)^```", re.M | re.S)
DECIMAL = re.compile(r"[-+]?(?:\d+\.\d+|\.\d+)(?:e[-+]?\d+)?%?|[-+]?\d+e[-+]?\d+%?")
SIDE_LINES = ("parity:", "tolerance:", "parameters:", "port parameters:", "pairs:", "numpy side:", "torch side:",
              "PASS:", "FAIL:", "DIVERGED:", "INTERRUPTED", "GOLDEN", "RESUME:", "float64-reference:",
              "float64 oracle", "finite differences", "likely cause:", "caught ")
TORCH_VERSION = re.compile(r"torch \d+\.\d+[\w.+]*")
RESULT = re.compile(r"\s(?P<result>OK|NOT OK(?: \(.*\))?)\s*$")


def marked_blocks() -> list[tuple[str, list[tuple[str, str]]]]:
    """(page, [(command, shown output), ...]) for every marked block; a block may run several commands in turn."""
    blocks = []
    for page in PAGES:
        for match in MARKED.finditer(page.read_text()):
            lines, marked = match["body"].rstrip("\n").splitlines(), match["command"]
            runs: list[tuple[str, list[str]]] = []
            if not (lines and lines[0].startswith("$ ")):
                assert marked, f"{page.name}: a checked block names no command"
                runs.append((marked, []))
            elif marked:
                assert marked == lines[0][2:].strip(), f"{page.name}: the marker says {marked!r}, the block {lines[0]!r}"
            for line in lines:
                if line.startswith("$ "):
                    runs.append((line[2:].strip(), []))
                else:
                    runs[-1][1].append(line)
            blocks.append((str(page.relative_to(ROOT)), [(command, "\n".join(shown)) for command, shown in runs]))
    return blocks


ROUNDING_FAIL = re.compile(r"^(FAIL: numbers part at step \d+, )[^:]+: (.*rel diff ([-+.\de]+); )\d+ of \d+ elements off")


def _rounding_place(raw: str) -> str:
    """A FAIL line whose difference is float32 rounding (relative 1e-6 or less) with its place masked: which element
    rounds first is the CPU's float32 arithmetic (its exp, its vector width), not the kit's."""
    found = ROUNDING_FAIL.match(raw.strip())
    if found is None or float(found.group(3)) > 1e-6:
        return raw
    return f"{found.group(1)}(an element): {found.group(2)}(some) elements off" + raw.strip()[found.end():]


def stable_lines(text: str) -> list[str]:
    """The lines of a command's output that must not change, numbers with a decimal point masked."""
    keys, table = [], None
    for raw in map(_rounding_place, text.splitlines()):
        line = " ".join(DECIMAL.sub("#", TORCH_VERSION.sub("torch #", raw)).split()).replace(" on cuda", " on cpu")
        if not line:
            table = None
            continue
        if line.startswith(("tensor ", "mutant ")) and line.endswith(("result", "named")):
            table = line.split()[0]
            continue
        if table == "mutant":
            keys.append(f"row: {line}")
        elif (result := RESULT.search(line)) and not line.startswith(SIDE_LINES):
            keys.append(f"row: {line.split()[0]} {result['result']}")  # a tensor, a migration section
        elif line.startswith(SIDE_LINES) or re.match(r"\d+ of \d+ \w+", line):
            keys.append(line.split(" (fit ")[0])
    return keys


def expected_status(shown: str) -> int | None:
    lines = shown.splitlines()
    if any(line.startswith("parity: error:") for line in lines):
        return 2
    if any(line.startswith(("FAIL:", "DIVERGED:")) for line in lines):
        return 1
    if any(line.startswith("PASS:") or re.match(r"(\d+) of \1 \w+", line) or re.match(r"caught (\d+) of \1 ", line) for line in lines):
        return 0
    return None


def is_subsequence(part: list[str], whole: list[str]) -> bool:
    remaining = iter(whole)
    return all(any(line == other for other in remaining) for line in part)


BLOCKS = marked_blocks()


def test_the_documentation_checks_the_outputs_it_shows():
    pages = {page for page, _ in BLOCKS}
    assert "README.md" in pages and len(BLOCKS) >= 8, BLOCKS


@pytest.mark.parametrize("page,runs", BLOCKS, ids=[f"{page}:{runs[0][0][7:40]}" for page, runs in BLOCKS])
def test_a_shown_output_is_what_the_command_prints(page, runs, tmp_path, monkeypatch):
    # in a folder of its own, so that what a command writes (golden.json, report.json) lands there
    (tmp_path / "examples").symlink_to(ROOT / "examples")
    monkeypatch.chdir(tmp_path)
    for command, shown in runs:
        args = shlex.split(command)
        assert args[0] == "parity", f"{page}: only parity commands are checked, not {command!r}"
        result = CliRunner().invoke(cli, args[1:])
        actual = result.output.replace(f"{tmp_path}{os.sep}", "")  # output paths are printed absolute
        expected, printed = stable_lines(shown), stable_lines(actual)
        assert expected, f"{page}: the block shown for {command!r} has no line to check"
        if any(line.strip() == "..." for line in shown.splitlines()):
            assert is_subsequence(expected, printed), f"{page}: {command}\nshown (in order):\n" + "\n".join(expected) + "\n\nprinted now:\n" + actual
        else:
            assert expected == printed, f"{page}: {command}\nshown:\n" + "\n".join(expected) + "\n\nprinted now:\n" + "\n".join(printed) + "\n\n" + actual
        status = expected_status(shown)
        if status is not None:
            assert result.exit_code == status, f"{page}: {command} exited {result.exit_code}; the verdict shown means {status}\n{actual}"


def test_stable_lines_mask_decimals_but_keep_steps_names_and_verdicts():
    table = "tensor   max abs  result\nW1.update  0.00324  5.81  100  1,1  3.24e+04%  NOT OK (50 of 50 steps)\nW1  5e-08  1.2%  OK\n"
    assert stable_lines(table) == ["row: W1.update NOT OK (50 of 50 steps)", "row: W1 OK"]
    assert stable_lines("FAIL: numbers part at step 1, W2[0, 0]: numpy 0.0219 vs torch 0.0229 (abs diff 1e-05)") == [
        "FAIL: numbers part at step 1, W2[0, 0]: numpy # vs torch # (abs diff #)"]
    assert stable_lines("likely cause: activation-derivative (fit 0.97)\n  The sigmoid ...") == ["likely cause: activation-derivative"]
    assert stable_lines("PASS: parity holds for all 11 tensors over 50 steps") != stable_lines("PASS: parity holds for all 16 tensors over 50 steps")


# --- links -------------------------------------------------------------------------------------------------------

LINK = re.compile(r"(?<!!)\[[^\]]*\]\(([^)\s]+)\)|!\[[^\]]*\]\(([^)\s]+)\)")


def _slug(heading: str) -> str:
    text = re.sub(r"[`*_]", "", heading.strip().lower())
    return re.sub(r"\s", "-", re.sub(r"[^\w\s-]", "", text))


def _anchors(path: Path) -> set[str]:
    return {_slug(line.lstrip("#")) for line in path.read_text().splitlines() if line.startswith("#")}


@pytest.mark.parametrize("page", ["README.md", "CONTRIBUTING.md"])
def test_every_link_of_the_readme_and_contributing_leads_somewhere(page):
    source = ROOT / page
    for match in LINK.finditer(source.read_text()):
        target = match[1] or match[2]
        if target.startswith(("http://", "https://", "mailto:")):
            continue
        path, _, anchor = target.partition("#")
        file = (source.parent / path).resolve() if path else source
        assert file.exists(), f"{page} links to {target}, which does not exist"
        if anchor and file.suffix == ".md":
            assert anchor in _anchors(file), f"{page} links to {target}: no such heading in {file.name}"


# --- the findings page ---------------------------------------------------------------------------------------------

FINDINGS_PAGE = ROOT / "docs" / "reference" / "findings.md"
CONSTRUCTED = re.compile(r"""(?:\bFinding|\b_finding)\(\s*"([a-z0-9]+(?:-[a-z0-9]+)*)"|return \("([a-z0-9]+(?:-[a-z0-9]+)+)", f?"|"""
                         r"""\(-?[\w./ ]+, "([a-z0-9]+(?:-[a-z0-9]+)+)", f?"|"([a-z0-9]+(?:-[a-z0-9]+)+)" if """)


def _diagnosis_source() -> str:
    return "\n".join(path.read_text() for path in sorted((ROOT / "parity" / "diagnosis").rglob("*.py")))


def _documented_findings() -> set[str]:
    return set(re.findall(r"^\| `([a-z0-9-]+)` \|", FINDINGS_PAGE.read_text(), re.M))


def test_every_finding_the_diagnosis_can_state_is_on_the_findings_page():
    named = {name for groups in CONSTRUCTED.findall(_diagnosis_source()) for name in groups if name}
    assert {"activation-derivative", "model-family", "unknown", "weight-decay", "bias-correction", "loss-reduction"} <= named
    missing = sorted(named - _documented_findings())
    assert not missing, f"findings missing from docs/reference/findings.md: {missing}"


def test_every_finding_on_the_page_is_one_the_diagnosis_can_state():
    source = _diagnosis_source()
    invented = sorted(name for name in _documented_findings() if f'"{name}"' not in source)
    assert not invented, f"docs/reference/findings.md lists findings the diagnosis never states: {invented}"


# --- the JSON report's schema --------------------------------------------------------------------------------------

SCHEMA = ROOT / "docs" / "reference" / "report.schema.json"
REPORTS = {
    "run-pass": "parity run --steps 20",
    "run-fail": "parity run --steps 5 --rtol 0 --atol 0",
    "run-adam-batches": "parity run --steps 12 --optimizer adam --loss bce --batch-size 2 --shuffle --check-every 5",
    "run-diverged": "parity run --steps 4 --output-activation linear --loss mse --lr 1e20",
    "run-resume": "parity run --steps 10 --resume-check 4",
    "check-numpy-bug": "parity check examples/tutorial_bug.py:NeuralNetwork --output output --steps 3",
    "check-port": "parity check --torch examples/tutorial_port.py:Net --torch-loss nn.MSELoss() --steps 3",
    "check-both": "parity check examples/tutorial_sse.py:NeuralNetwork --output output --torch examples/tutorial_port.py:Net --steps 3",
    "check-as-written": "parity check examples/programs/ngram_numpy.py:NgramLM --torch examples/programs/ngram_torch.py:NgramLM "
                        "--data examples/programs/ngram.npz --steps 3",
}


def _report(command: str, path: Path, *extra: str) -> dict:
    result = CliRunner().invoke(cli, [*shlex.split(command)[1:], "--json", str(path), *extra])
    assert result.exit_code in (0, 1), result.output
    return json.loads(path.read_text())


@pytest.mark.parametrize("name", sorted(REPORTS))
def test_real_reports_follow_the_published_schema(name, tmp_path, monkeypatch):
    jsonschema = pytest.importorskip("jsonschema")
    monkeypatch.chdir(ROOT)
    schema = json.loads(SCHEMA.read_text())
    jsonschema.Draft202012Validator.check_schema(schema)
    report = _report(REPORTS[name], tmp_path / "report.json")
    errors = sorted(jsonschema.Draft202012Validator(schema).iter_errors(report), key=lambda e: list(e.path))
    assert not errors, "\n".join(f"{'/'.join(map(str, e.path))}: {e.message}" for e in errors[:10])


def test_a_golden_run_report_follows_the_schema(tmp_path, monkeypatch):
    jsonschema = pytest.importorskip("jsonschema")
    monkeypatch.chdir(ROOT)
    golden = tmp_path / "golden.json"
    assert CliRunner().invoke(cli, ["run", "--steps", "5", "--save-golden", str(golden)]).exit_code == 0
    report = _report("parity run --steps 5", tmp_path / "report.json", "--golden", str(golden))
    assert report["golden"]["matched"]
    jsonschema.validate(report, json.loads(SCHEMA.read_text()), cls=jsonschema.Draft202012Validator)


def test_the_schema_rejects_what_is_not_a_report():
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads(SCHEMA.read_text())
    for document in ({}, {"verdict": "pass"}, {"format": 1, "config": {}, "verdict": "maybe"}):
        with pytest.raises(jsonschema.ValidationError):
            jsonschema.validate(document, schema, cls=jsonschema.Draft202012Validator)
