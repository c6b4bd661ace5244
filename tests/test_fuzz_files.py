"""Fuzzing what users hand the kit as files: data, weights and reports, however malformed.

Whatever the content: exit 0, 1 or 2, never a traceback or an internal
error, one line on stderr for a refusal, and the input file left as it was.
"""

import io
import json
import zipfile

import numpy as np
import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from parity.cli import cli

FUZZ = settings(max_examples=150, deadline=None, derandomize=True,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])

cell = st.one_of(
    st.floats(allow_nan=True, allow_infinity=True).map(repr),
    st.integers(-10**40, 10**40).map(str),
    st.sampled_from(["", " ", "x", "1e400", "nan", "1,5", '"1"', "²", "٣", "0x10", "1_0", "\x00", "--", "True"]),
)
number = st.one_of(st.integers(-3, 3).map(str), st.floats(-10, 10).map(repr))


@st.composite
def csv_text(draw) -> str:
    """Rows mostly of numbers and of one width, so that runs happen too, with any cell or width now and then."""
    width = draw(st.integers(2, 5))
    rows = []
    for _ in range(draw(st.integers(0, 8))):
        cells = draw(st.lists(number, min_size=width, max_size=width))
        if draw(st.integers(0, 4)) == 0:
            cells[draw(st.integers(0, width - 1))] = draw(cell)
        if draw(st.integers(0, 19)) == 0:
            cells = cells[: draw(st.integers(0, width))] + draw(st.lists(cell, max_size=2))
        rows.append(",".join(cells))
    if rows and draw(st.booleans()):
        rows.insert(0, ",".join(draw(st.lists(st.sampled_from(["a", "b", "y", "", "²", "1"]), min_size=width, max_size=width))))
    return draw(st.sampled_from(["\n", "\r\n", "\r"])).join(rows)


shapes = st.lists(st.integers(0, 5), min_size=0, max_size=3).map(tuple)
dtypes = st.sampled_from(["<f8", "<f4", "<f2", "<i8", "|u1", "|b1", "<c16", "<U3", "|S2", ">f8", "<M8[s]"])


@st.composite
def npz_bytes(draw) -> bytes:
    """An .npz of arrays of any shape and dtype under any names, sometimes with its bytes damaged."""
    buffer = io.BytesIO()
    if draw(st.booleans()):  # nearly what a run needs: data (X, y) or weights for the default --hidden 4 on xor
        rows = draw(st.integers(1, 6))
        arrays = {"X": np.ones((rows, 3)), "y": np.ones((rows, 1)), "W1": np.ones((3, 4)), "b1": np.ones(4), "W2": np.ones((4, 1)), "b2": np.ones(1)}
        for name in draw(st.lists(st.sampled_from(sorted(arrays)), max_size=2, unique=True)):  # then one or two of them go wrong
            arrays[name] = np.zeros(draw(shapes), dtype=draw(dtypes)) if draw(st.booleans()) else arrays[name] * draw(st.sampled_from([0, -1, 1e39, np.nan]))
    else:
        names = draw(st.lists(st.sampled_from(["X", "y", "W1", "b1", "W2", "b2", "x", "Y", "é"]), max_size=5, unique=True))
        arrays = {name: np.zeros(draw(shapes), dtype=draw(dtypes)) for name in names}
    np.savez(buffer, **arrays)
    raw = bytearray(buffer.getvalue())
    for _ in range(draw(st.sampled_from([0, 0, 0, 1, 2, 3]))):  # damage: flip a byte or cut the archive short
        if raw and draw(st.booleans()):
            raw[draw(st.integers(0, len(raw) - 1))] ^= 0xFF
        elif raw:
            del raw[draw(st.integers(0, len(raw) - 1)):]
    if draw(st.integers(0, 3)) == 0:
        extra = io.BytesIO(bytes(raw))
        try:
            with zipfile.ZipFile(extra, "a") as archive:
                archive.writestr(draw(st.sampled_from(["readme.txt", "X.npy", "sub/z.npy"])), draw(st.binary(max_size=40)))
            raw = bytearray(extra.getvalue())
        except (zipfile.BadZipFile, OSError, EOFError, ValueError):
            pass
    return bytes(raw)


json_value = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(-2**70, 2**70), st.floats(), st.text(max_size=8)),
    lambda inner: st.one_of(st.lists(inner, max_size=3), st.dictionaries(st.text(max_size=6), inner, max_size=3)),
    max_leaves=10,
)


@pytest.fixture(scope="module")
def report(tmp_path_factory) -> dict:
    path = tmp_path_factory.mktemp("report") / "r.json"
    assert CliRunner().invoke(cli, ["run", "--steps", "2", "--json", str(path)]).exit_code == 0
    return json.loads(path.read_text())


@st.composite
def tampered(draw, document: dict) -> str:
    """The report with keys dropped or replaced by any JSON, in the document or its config; sometimes cut short."""
    document = json.loads(json.dumps(document))
    for _ in range(draw(st.integers(1, 4))):
        part = document["config"] if draw(st.booleans()) and isinstance(document.get("config"), dict) else document
        if not part:
            continue
        key = draw(st.sampled_from(sorted(part)))
        if draw(st.booleans()):
            del part[key]
        else:
            part[key] = draw(json_value)
    text = json.dumps(document, allow_nan=True)
    return text[: draw(st.integers(0, len(text)))] if draw(st.integers(0, 9)) == 0 else text


def assert_handled(result, path, content) -> None:
    event(f"exit status {result.exit_code}")
    assert result.exit_code in (0, 1, 2), (result.output, repr(result.exception))
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    assert "Traceback" not in result.output and "internal error" not in result.stderr, result.stderr
    if result.exit_code == 2:
        assert len(result.stderr.strip().splitlines()) == 1, result.stderr
    assert path.read_bytes() == content  # an input is never touched


@pytest.mark.slow  # seconds each (a process of its own, or a fuzzed sweep): run after the README's suite
@FUZZ
@given(text=csv_text(), target=st.one_of(st.none(), cell))
def test_any_csv_as_data(tmp_path, text, target):
    path = tmp_path / "d.csv"
    path.write_bytes(text.encode("utf-8", "surrogatepass"))
    argv = ["run", "--steps", "2", "--data", str(path)] + (["--target", target] if target else [])
    assert_handled(CliRunner().invoke(cli, argv), path, path.read_bytes())


@pytest.mark.slow  # seconds each (a process of its own, or a fuzzed sweep): run after the README's suite
@pytest.mark.filterwarnings("ignore:Duplicate name")
@FUZZ
@given(content=npz_bytes(), option=st.sampled_from(["--data", "--weights"]))
def test_any_npz_as_data_or_weights(tmp_path, content, option):
    path = tmp_path / "f.npz"
    path.write_bytes(content)
    assert_handled(CliRunner().invoke(cli, ["run", "--steps", "2", option, str(path)]), path, content)


@pytest.mark.slow  # seconds each (a process of its own, or a fuzzed sweep): run after the README's suite
@FUZZ
@given(data=st.data(), command=st.sampled_from([["explain"], ["run", "--from-report"], ["check", "--from-report"]]))
def test_any_tampered_report(tmp_path, report, data, command):
    text = data.draw(tampered(report))
    path = tmp_path / "r.json"
    path.write_text(text)
    assert_handled(CliRunner().invoke(cli, [*command, str(path)]), path, text.encode())
