"""Files from elsewhere: a report's stored code runs only with --trust, nothing printed from a file moves the
terminal, a golden file proves only the whole run it covers, and the mutants repeat byte for byte."""

from __future__ import annotations

import json
import shutil
import unicodedata
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from parity.cli import cli
from tests.helpers import assert_one_line_error

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
FUZZ = settings(max_examples=60, deadline=None, derandomize=True,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])


def invoke(*args):
    return CliRunner().invoke(cli, [*map(str, args)])


# Code stored in a report


def _tanh_report(folder: Path, monkeypatch) -> Path:
    """A check report of a network copied beside it, written from the report's folder (the path stored relative)."""
    shutil.copy(EXAMPLES / "tanh_hidden.py", folder / "tanh_hidden.py")
    monkeypatch.chdir(folder)
    result = invoke("check", "tanh_hidden.py:TanhNet", "--step", "net.train(X, y)", "--hidden-activation", "tanh",
                    "--loss", "bce", "--lr", "0.5", "--output", "out", "--steps", "5", "--json", "r.json")
    assert result.exit_code == 0, result.output
    return folder / "r.json"


def _tamper(report: Path, **fields) -> None:
    document = json.loads(report.read_text())
    document["network"].update(fields)
    report.write_text(json.dumps(document))


def test_a_tampered_report_runs_nothing_without_trust_and_shows_the_code(tmp_path, monkeypatch):
    report = _tanh_report(tmp_path, monkeypatch)
    attack = "net.train(X, y); __import__('os').system('touch MARK')"
    _tamper(report, step=attack)
    refused = invoke("check", "--from-report", report)
    assert_one_line_error(refused, "--trust", repr(attack))
    assert not (tmp_path / "MARK").exists()
    trusted = invoke("check", "--from-report", report, "--trust")
    assert trusted.exit_code == 0, trusted.output
    assert (tmp_path / "MARK").exists()


@pytest.mark.parametrize("field", ["init", "output", "params"])
def test_every_stored_expression_of_the_network_is_code_that_needs_trust(tmp_path, monkeypatch, field):
    report = _tanh_report(tmp_path, monkeypatch)
    value = {"init": "__import__('os').system('touch MARK') or TanhNet(X, y)",
             "output": "out if __import__('os').system('touch MARK') else out",
             "params": ["W1=W1"]}[field]
    _tamper(report, **{field: value})
    assert_one_line_error(invoke("check", "--from-report", report), "--trust")
    assert not (tmp_path / "MARK").exists()


def test_a_ports_stored_code_needs_trust(tmp_path, monkeypatch):
    shutil.copy(EXAMPLES / "tutorial_port.py", tmp_path / "port.py")
    monkeypatch.chdir(tmp_path)
    assert invoke("check", "--torch", "port.py:Net", "--steps", "3", "--json", "r.json").exit_code == 0
    assert invoke("check", "--from-report", "r.json").exit_code == 0  # no stored code: the port's file is beside it
    document = json.loads((tmp_path / "r.json").read_text())
    for field in ("torch_init", "torch_optimizer", "torch_loss", "torch_step"):
        tampered = dict(document, network={**document["network"], field: "__import__('os').system('touch MARK')"})
        (tmp_path / "t.json").write_text(json.dumps(tampered))
        assert_one_line_error(invoke("check", "--from-report", "t.json"), field.replace("_", "-"), "--trust")
        assert not (tmp_path / "MARK").exists()


@pytest.fixture(scope="module")
def both_programs_report(tmp_path_factory) -> Path:
    """A check report of a network and a port beside it, with no stored code: it reruns without --trust."""
    folder = tmp_path_factory.mktemp("both")
    shutil.copy(EXAMPLES / "tutorial_sse.py", folder / "net.py")
    shutil.copy(EXAMPLES / "tutorial_port.py", folder / "port.py")
    result = invoke("check", folder / "net.py:NeuralNetwork", "--torch", folder / "port.py:Net", "--steps", "2", "--json", folder / "r.json")
    assert result.exit_code == 0, result.output
    assert invoke("check", "--from-report", folder / "r.json").exit_code == 0
    return folder / "r.json"


CODE_FIELDS = ["init", "step", "output", "params", "torch_init", "torch_step", "torch_optimizer", "torch_loss", "network", "torch"]


@FUZZ
@given(field=st.sampled_from(CODE_FIELDS), prefix=st.text(max_size=8), trust=st.booleans())
def test_any_code_put_into_a_check_report_runs_only_with_trust(tmp_path, both_programs_report, field, prefix, trust):
    document = json.loads(both_programs_report.read_text())
    mark = tmp_path / "MARK"
    mark.unlink(missing_ok=True)  # tmp_path is shared by the examples
    attack = f"__import__('pathlib').Path({str(mark)!r}).touch()"
    block = document["network"]
    if field in ("network", "torch"):  # a program of the attacker's, elsewhere on the disk
        (tmp_path / "evil.py").write_text(f"{attack}\nfrom net import NeuralNetwork\nfrom port import Net\n")
        block[field] = f"{tmp_path / 'evil.py'}:{'NeuralNetwork' if field == 'network' else 'Net'}"
    elif field == "params":
        block[field] = [f"weights1 if {attack} else weights1=W1"]
    else:
        block[field] = f"{prefix!r} and {attack} or {block[field] or 'None'}" if field != "step" else f"{block[field]}; {attack}"
    shared = tmp_path / "shared"  # the report and its programs, as they came; the attacker's file beside the folder
    shutil.copytree(both_programs_report.parent, shared, dirs_exist_ok=True)
    (shared / "r.json").write_text(json.dumps(document))
    result = invoke("check", "--from-report", shared / "r.json", *(["--trust"] if trust else []))
    if not trust:
        assert_one_line_error(result, "--trust")
        assert not mark.exists()
    assert "Traceback" not in result.output and "internal error" not in result.stderr


def test_a_report_without_stored_code_reruns_its_program_beside_it_from_anywhere(tmp_path, monkeypatch):
    folder = tmp_path / "shared"
    folder.mkdir()
    shutil.copy(EXAMPLES / "tutorial_sse.py", folder / "net.py")
    monkeypatch.chdir(folder)
    assert invoke("check", "net.py:NeuralNetwork", "--steps", "3", "--json", "r.json").exit_code == 0
    assert json.loads((folder / "r.json").read_text())["network"]["network"] == "net.py:NeuralNetwork"
    monkeypatch.chdir(tmp_path)
    again = invoke("check", "--from-report", "shared/r.json")
    assert again.exit_code == 0, again.output


@pytest.mark.parametrize("where", ["absolute", "escaping"])
def test_a_program_outside_the_reports_folder_needs_trust(tmp_path, monkeypatch, where):
    folder = tmp_path / "shared"
    folder.mkdir()
    shutil.copy(EXAMPLES / "tutorial_sse.py", tmp_path / "net.py")
    monkeypatch.chdir(tmp_path)
    path = str(tmp_path / "net.py") if where == "absolute" else "../net.py"
    result = invoke("check", "net.py:NeuralNetwork", "--steps", "3", "--json", folder / "r.json")
    assert result.exit_code == 0, result.output
    _tamper(folder / "r.json", network=f"{path}:NeuralNetwork")
    assert_one_line_error(invoke("check", "--from-report", folder / "r.json"), "outside", "--trust")
    assert invoke("check", "--from-report", folder / "r.json", "--trust").exit_code == 0


# Control characters from files


CONTROLS = ["\x1b", "\x1b[2J", "\x1b[1;1H", "\x1b]52;c;cGFyaXR5\x07", "\x9b31m", "\x07", "\r", "\x08", "\x00", "\x7f", "\x85",
            "\x90", "\x9d", "\u202e", "\u2028", "PASS", "ok", "\n", "\t", "é", " "]
hostile_text = st.one_of(st.lists(st.sampled_from(CONTROLS), max_size=12).map("".join), st.text(max_size=20))


def _assert_no_controls(data: bytes) -> None:
    text = data.decode("utf-8")
    bad = [c for c in text if c not in "\n\t" and (unicodedata.category(c) == "Cc" or c in "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u2028\u2029")]
    assert bad == [], repr(text)


@FUZZ
@given(summary=hostile_text, name=hostile_text, explanation=hostile_text, key=hostile_text, value=hostile_text, fix=hostile_text)
def test_no_control_character_from_a_report_reaches_the_output_of_explain(tmp_path, summary, name, explanation, key, value, fix):
    finding = {"name": name, "score": 0.5, "explanation": explanation, "evidence": {key: value, "n": [value]}, "fix": fix}
    document = {"summary": summary, "verdict": "fail", "config": {}, "diagnosis": [finding], "oracles": {}}
    path = tmp_path / "r.json"
    path.write_text(json.dumps(document))
    result = invoke("explain", path)
    assert result.exit_code == 1, result.output
    _assert_no_controls(result.stdout_bytes)
    _assert_no_controls(result.stderr_bytes)


@FUZZ
@given(text=hostile_text)
def test_no_control_character_of_a_malformed_report_reaches_the_error_line(tmp_path, text):
    path = tmp_path / "r.json"
    path.write_text(json.dumps({"summary": "s", "verdict": "fail", "config": {}, "diagnosis": [{"name": text}], "oracles": {}}))
    result = invoke("explain", path)
    assert result.exit_code == 2
    _assert_no_controls(result.stderr_bytes)


def test_what_the_users_code_raises_is_shown_without_its_control_characters(tmp_path):
    shutil.copy(EXAMPLES / "tutorial_sse.py", tmp_path / "net.py")
    step = "raise ValueError('\\x1b[2J\\x1b]52;c;cGFyaXR5\\x07PASS\\r\\x9b0m\\nsecond line')"
    result = invoke("check", f"{tmp_path}/net.py:NeuralNetwork", "--step", step, "--steps", "2")
    assert_one_line_error(result, "ValueError", "PASS")
    _assert_no_controls(result.stderr_bytes)


def test_the_one_function_keeps_the_layout_and_shows_what_it_took_out():
    from parity.errors import printable

    assert printable("a\tb\nc") == "a\tb\nc"
    assert printable("a\nb", keep="") == "a\\nb"
    assert printable("\x1b[2JPASS\x07\r\x9b") == "\\x1b[2JPASS\\x07\\r\\x9b"
    assert printable("\u202eevil") == "\\u202eevil"


# Golden files


def _golden(tmp_path, steps=10, name="g.json") -> Path:
    path = tmp_path / name
    result = invoke("run", "--steps", steps, "--save-golden", path)
    assert result.exit_code == 0, result.output
    return path


def test_a_golden_carries_its_step_count_and_completion_mark(tmp_path):
    document = json.loads(_golden(tmp_path).read_text())
    assert document["steps_total"] == 10 and document["complete"] is True and len(document["steps"]) == 10


def test_ctrl_c_during_save_golden_leaves_no_golden_that_matches(tmp_path, monkeypatch):
    from parity.testing import golden

    kept = _golden(tmp_path, 40)
    before = kept.read_bytes()
    original = golden.GoldenRecorder.__call__

    def interrupted_at_step_6(self, step, *records):
        if step == 6:
            raise KeyboardInterrupt
        original(self, step, *records)

    monkeypatch.setattr(golden.GoldenRecorder, "__call__", interrupted_at_step_6)
    fresh = tmp_path / "fresh.json"
    assert invoke("run", "--steps", "40", "--save-golden", fresh).exit_code == 130
    assert invoke("run", "--steps", "40", "--save-golden", kept).exit_code == 130
    monkeypatch.undo()
    assert kept.read_bytes() == before  # the golden the user had is not replaced by a part of a run
    if fresh.exists():
        assert_one_line_error(invoke("run", "--steps", "40", "--golden", fresh), "incomplete")


@pytest.mark.parametrize("keep", [0, 5])
def test_a_golden_covering_fewer_steps_than_the_run_is_refused(tmp_path, keep):
    path = _golden(tmp_path)
    document = json.loads(path.read_text())
    document["steps"] = document["steps"][:keep]
    path.write_text(json.dumps(document))
    assert_one_line_error(invoke("run", "--steps", "10", "--golden", path), str(path), f"{keep} of 10 steps")


def test_a_golden_of_an_earlier_version_is_read_only_where_it_covers_the_whole_run(tmp_path):
    path = _golden(tmp_path)
    document = json.loads(path.read_text())
    old = {"format": 1, "config": document["config"], "environment": document["environment"], "steps": document["steps"]}
    path.write_text(json.dumps(old))
    assert invoke("run", "--steps", "10", "--golden", path).exit_code == 0
    path.write_text(json.dumps(dict(old, steps=old["steps"][:7])))
    assert_one_line_error(invoke("run", "--steps", "10", "--golden", path), "re-save it")


def test_a_truncated_golden_fails_the_check(tmp_path):
    path = _golden(tmp_path)
    text = path.read_text()
    for cut in (len(text) // 3, len(text) - 2):
        path.write_text(text[:cut])
        assert_one_line_error(invoke("run", "--steps", "10", "--golden", path), str(path))


def _json_values():
    leaf = st.one_of(st.none(), st.booleans(), st.integers(-3, 12), st.floats(allow_nan=False), st.text(max_size=4))
    return st.recursive(leaf, lambda inner: st.one_of(st.lists(inner, max_size=3), st.dictionaries(st.text(max_size=4), inner, max_size=3)),
                        max_leaves=6)


@st.composite
def _malformed(draw, document: dict) -> dict:
    """A key of the golden, its config, one of its steps or one side of a step, dropped or replaced by any JSON."""
    document = json.loads(json.dumps(document))
    step = draw(st.integers(0, len(document["steps"]) - 1))
    parts = [document, document["config"], document["steps"][step], document["steps"][step]["numpy"]]
    part = draw(st.sampled_from(parts))
    key = draw(st.sampled_from(sorted(part)))
    if draw(st.booleans()):
        del part[key]
    else:
        part[key] = draw(_json_values())
    return document


@pytest.fixture(scope="module")
def saved_golden(tmp_path_factory) -> dict:
    return json.loads(_golden(tmp_path_factory.mktemp("golden"), 3).read_text())


@pytest.mark.slow  # seconds each (a process of its own, or a fuzzed sweep): run after the README's suite
@FUZZ
@given(data=st.data())
def test_any_malformed_golden_is_one_line_naming_the_file_or_a_verdict(tmp_path, saved_golden, data):
    path = tmp_path / "g.json"
    document = data.draw(_malformed(saved_golden))
    path.write_text(json.dumps(document))
    result = invoke("run", "--steps", "3", "--golden", path)
    assert result.exit_code in (0, 1, 2), result.output
    assert "Traceback" not in result.output and "internal error" not in result.stderr, result.stderr
    if result.exit_code == 2:
        assert_one_line_error(result, str(path))


# Reproducibility


def test_a_mutant_that_draws_noise_gives_the_same_result_twice():
    from parity.cli.mutants import _result_dict
    from parity.mutants.catalogue import CATALOGUE, run_mutant

    noisy = next(m for m in CATALOGUE if m.name == "noisy-input")
    first, second = (json.dumps(_result_dict(run_mutant(noisy, steps=2)), sort_keys=True) for _ in range(2))
    assert first == second
    assert json.loads(first)["named"] is True  # still found as unseeded randomness


@pytest.mark.slow  # seconds each (a process of its own, or a fuzzed sweep): run after the README's suite
def test_parity_mutants_json_is_byte_identical_between_runs(tmp_path):
    for name in ("a.json", "b.json"):
        assert invoke("mutants", "--steps", "2", "--json", tmp_path / name).exit_code in (0, 1)
    assert (tmp_path / "a.json").read_bytes() == (tmp_path / "b.json").read_bytes()
