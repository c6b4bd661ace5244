"""Which finding is said first: after an oracle that names a side alone, a form read on that side's values."""

from parity.diagnosis.finding import Finding
from parity.diagnosis.forward_stage import ranked

ORACLE = Finding("numpy-backward", "not the derivative of its own loss", {"side": "numpy"}, "", 0.8)


def _form(side: str, score: float) -> Finding:
    return Finding("numpy-backward", "that term's weight differs", {"side": side, "agree_up_to": "x"}, "", score)


def test_a_form_on_the_oracles_side_goes_before_the_oracle_alone():
    found = [ORACLE]
    ranked(found, _form("numpy", 0.75), after_oracle=True)
    assert found[0].explanation == "that term's weight differs"


def test_a_form_on_the_other_side_a_bare_location_or_no_oracle_keeps_the_order_of_fits():
    for form, after in ((_form("torch", 0.75), True), (_form("numpy", 0.6), True), (_form("numpy", 0.75), False)):
        found = [ORACLE]
        ranked(found, form, after_oracle=after)
        assert found[0] is ORACLE, form
