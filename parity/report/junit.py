"""The report as JUnit XML, the format CI servers read: one test case per compared tensor."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from typing import Any

from parity.report.diagnosis_text import format_diagnosis


def to_junit(report: Any) -> str:
    """A <testsuites> with one <testsuite> for the run and one <testcase> per tensor, failing where it failed."""
    name = (report.network or {}).get("network") or (report.network or {}).get("torch") or report.config.data
    failing = [tensor for tensor, summary in report.tensors.items() if not summary.passed]
    suites = ET.Element("testsuites", name="parity", tests=str(len(report.tensors)), failures=str(len(failing)))
    suite = ET.SubElement(suites, "testsuite", name=f"parity: {name}", tests=str(len(report.tensors)),
                          failures=str(len(failing)), errors=str(int(report.verdict in ("diverged", "interrupted"))),
                          skipped="0", time=f"{report.environment.get('seconds', 0):.3f}")
    properties = ET.SubElement(suite, "properties")
    for key, value in report.config.to_dict().items():
        ET.SubElement(properties, "property", name=key, value=str(value))
    top = report.diagnosis[0] if report.diagnosis else None
    for tensor, summary in report.tensors.items():
        case = ET.SubElement(suite, "testcase", classname=f"parity.{report.config.dtype}", name=tensor, time="0")
        if not summary.passed:
            message = (f"{tensor} first fails at step {summary.first_failed_step} ({summary.failed_steps} of "
                       f"{summary.compared_steps} steps); max abs {summary.max_abs:.3g}, max rel {summary.max_rel:.3g}")
            if top:
                message += f"; likely cause: {top.name}"
            failure = ET.SubElement(case, "failure", message=message, type="ParityMismatch")
            failure.text = "\n".join([report.verdict_line(), "", *format_diagnosis(report.diagnosis, report.oracles)])
    if report.verdict in ("diverged", "interrupted"):
        case = ET.SubElement(suite, "testcase", classname=f"parity.{report.config.dtype}", name="run", time="0")
        ET.SubElement(case, "error", message=report.verdict_line(), type=report.verdict.capitalize())
    ET.SubElement(suite, "system-out").text = report.headline()
    ET.indent(suites)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(suites, encoding="unicode") + "\n"
