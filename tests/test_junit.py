"""--junit: JUnit XML that validates against the common schema, one test case per tensor."""

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from click.testing import CliRunner

from parity.cli import cli

xmlschema = pytest.importorskip("xmlschema")  # a test extra: where it is not installed (a GPU image), these skip
SCHEMA = xmlschema.XMLSchema(str(Path(__file__).parent / "data" / "junit.xsd"))
EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


@pytest.mark.parametrize("args,status", [
    (["run", "--steps", "20"], 0),
    (["run", "--steps", "20", "--rtol", "0", "--atol", "0"], 1),
    (["check", "--torch", f"{EXAMPLES}/tutorial_port.py:Net", "--torch-loss", "nn.MSELoss()", "--steps", "5"], 1),
    (["run", "--data", "random:32,3", "--output-activation", "linear", "--lr", "5", "--steps", "30"], 1),  # diverges
])
def test_junit_xml_validates_and_has_a_case_per_tensor(tmp_path, args, status):
    path = tmp_path / "junit.xml"
    result = CliRunner().invoke(cli, [*args, "--junit", str(path)])
    assert result.exit_code == status, result.output
    SCHEMA.validate(str(path))
    suite = ET.parse(path).getroot().find("testsuite")
    cases = {case.get("name"): case for case in suite.findall("testcase")}
    tensors = [line.split()[0] for line in result.stdout.splitlines() if line.endswith((" OK",)) or " NOT OK (" in line]
    assert set(tensors) <= set(cases)
    failed = [name for name, case in cases.items() if case.find("failure") is not None]
    assert int(suite.get("failures")) == len(failed)
    assert (len(failed) > 0) == (" NOT OK (" in result.stdout)


def test_a_failing_case_names_its_first_step_errors_and_the_diagnosis(tmp_path):
    path = tmp_path / "junit.xml"
    CliRunner().invoke(cli, ["check", "--torch", f"{EXAMPLES}/tutorial_port.py:Net", "--torch-loss", "nn.MSELoss()",
                             "--steps", "5", "--junit", str(path)])
    failure = ET.parse(path).getroot().find(".//testcase[@name='W2.update']/failure")
    message = failure.get("message")
    assert "first fails at step 1" in message and "max abs" in message and "likely cause: model-family" in message
    assert "--loss mse" in failure.text


def test_a_schema_violation_is_caught_by_the_validator(tmp_path):
    broken = tmp_path / "broken.xml"
    broken.write_text('<testsuites><testsuite name="x" tests="one" failures="0" errors="0"/></testsuites>')
    with pytest.raises(xmlschema.XMLSchemaValidationError):
        SCHEMA.validate(str(broken))
