"""`parity migrate`: every section's lines run and agree, the Markdown guide is current, and a planted error fails."""

from dataclasses import replace
from pathlib import Path

import pytest
from click.testing import CliRunner

from parity.cli import cli
from parity.migrate import SECTIONS
from parity.migrate.guide import run_check
from parity.migrate.render import markdown, terminal
from tests.helpers import assert_one_line_error

ROOT = Path(__file__).parent.parent
BY_NAME = {section.name: section for section in SECTIONS}


def test_every_section_agrees_and_the_check_prints_each_difference():
    result = CliRunner().invoke(cli, ["migrate", "--check"])
    assert result.exit_code == 0, result.output
    lines = [line for line in result.output.splitlines() if "max |numpy - torch|" in line]
    assert len(lines) == len(SECTIONS) and all(line.endswith("OK") for line in lines)
    assert f"{len(SECTIONS)} of {len(SECTIONS)} sections agree" in result.output


def test_the_markdown_guide_is_generated_from_the_sections():
    assert (ROOT / "docs" / "migration.md").read_text() == markdown(SECTIONS), "run: parity migrate --markdown > docs/migration.md"


@pytest.mark.parametrize("name,code,wrong,right", [
    ("optimizer-ema-momentum", "torch_code", "optimizer.state[w]['momentum_buffer'] = torch.zeros_like(w)", "pass"),  # torch's own seed
    ("loss-sse", "numpy_code", "grad = 2 * (output - y)", "grad = output - y"),  # the gradient of half the sum
    ("backward", "numpy_code", "* hidden * (1 - hidden)", "* (1 - hidden)"),  # a broken sigmoid derivative
    ("layout", "torch_code", "W1.T", "W1.T[::-1].copy()"),  # rows in the wrong order
])
def test_a_planted_error_in_a_section_fails_its_check(name, code, wrong, right):
    section = BY_NAME[name]
    assert wrong in getattr(section, code)
    planted = replace(section, **{code: getattr(section, code).replace(wrong, right)})
    assert run_check(section).passed and not run_check(planted).passed


def test_side_by_side_where_the_terminal_is_wide_and_one_after_the_other_where_not():
    wide, narrow = terminal(BY_NAME["forward"], 200), terminal(BY_NAME["forward"], 60)
    assert "NumPy" in wide and " | PyTorch" in wide
    assert "NumPy:" in narrow and "PyTorch:" in narrow and " | " not in narrow


def test_list_section_and_an_unknown_section():
    listed = CliRunner().invoke(cli, ["migrate", "--list"])
    assert listed.exit_code == 0 and [line.split()[0] for line in listed.output.splitlines()] == list(BY_NAME)
    one = CliRunner().invoke(cli, ["migrate", "--section", "optimizer-adam", "--width", "200"])
    assert one.exit_code == 0 and "Adam" in one.output and "Nesterov" not in one.output
    assert_one_line_error(CliRunner().invoke(cli, ["migrate", "--section", "rmsprop"]), "rmsprop", "optimizer-adam")
