"""Every constant the tolerance rule takes, with its reason and the test that pins it.

| constant | value | why | pinned by |
|---|---|---|---|
| DEFAULT_TOLERANCES float32 | rtol 1.3e-6, atol 1e-5 | torch.testing.assert_close's float32 defaults: what people already read as "close" | tests/test_tolerance.py::test_defaults_are_torch_testings |
| DEFAULT_TOLERANCES float64 | rtol 1e-10, atol 1e-11 | measured: 255 correct float64 runs pass at atol 1e-13 with rtol 5e-12 (scripts/float64_agreement.py); these keep a margin of 20, and data rounded to float32 (6e-8) stays far outside | tests/test_tolerance.py::test_one_row_left_out_fails_in_float64 |
| UPDATE_ULPS | 4 | an update smaller than 4 ulps of its weight is at the level of the weight's own rounding: no direction to check below it | tests/test_tolerance.py::test_a_side_that_never_moves_fails_however_small_the_step |
| UPDATE_FLOOR | 1e3 | an update smaller than 1e3 ulps of the step's largest update is the rounding of a gradient that is zero in exact arithmetic (a bias before batch norm): no direction to check below it; a small learning rate scales every update alike and keeps them all above it. Likewise an element whose gradient is below 1e3 ulps of the step's largest gradient, in the run's dtype and in the float64 step (a softmax's key bias): an optimizer that divides by the gradient's size (Adam) moves it by rounding of either sign, so it is left out of the direction check and of the float64 judgement | tests/test_tolerance.py::test_a_gradient_zero_in_exact_arithmetic_has_no_direction, test_a_zero_gradients_rounding_normalised_by_adam_is_not_judged_and_a_real_difference_is |
| NUMPY_PRECISION | 1e4 | how many times further from float64 the NumPy side's float32 forward tensors (activations, output, loss) may be than torch's (rms over the tensor) and still pass; a cross-entropy written from the output in float32 is 2e4 to 6e4 (the naive-bce mutant); the sweep's correct runs: see docs/tolerance.md | tests/test_tolerance.py, tests/test_diagnosis.py (naive-bce) |
| TORCH_PRECISION | 300 | the same, the other way, for the hidden activations and the output: torch's may be this many times further from float64 than NumPy's. Correct runs reach 48 (hidden activations on a million-row CSV); TF32 matmul makes them 800 to 1,750 times (tests/test_diagnosis.py::test_tf32_on_the_torch_side_is_named). torch's loss is not judged so: binary_cross_entropy_with_logits rounds each row's log(1 + e^-x) to an ulp of 1, 4,480 times NumPy's log1p on the sweep, in a correct run | tests/test_tolerance.py |
| FAITHFUL | 1e6 | past the forward pass, either side's float32 error over the other's may reach this before the reference is distrusted: correct runs reach 5,559 (state carrying each side's own rounding, ReLU kinks; the sweep); a float64 copy that is not the same program (a port's summed gradients lost by copying) reached 1.2e9 | tests/test_tolerance.py |
| PRECISION_FLOOR | 1 ulp (eps · rms of the float64 value) | a side exactly at float64 (an exactly representable value) has no error to take a ratio of: errors are counted from one ulp up | tests/test_tolerance.py |
"""

from __future__ import annotations

# (rtol, atol) by dtype
DEFAULT_TOLERANCES = {"float32": (1.3e-6, 1e-5), "float64": (1e-10, 1e-11)}

UPDATE_ULPS = 4
UPDATE_FLOOR = 1e3
NUMPY_PRECISION = 1e4
TORCH_PRECISION = 300.0
FAITHFUL = 1e6

ELEMENTWISE = "elementwise"
FLOAT64_REFERENCE = "float64-reference"
RULES = (ELEMENTWISE, FLOAT64_REFERENCE)


def uses_reference(dtype: str, explicit: bool) -> bool:
    """Whether a tensor failing the element-wise rule is judged again against a float64 reference."""
    return not explicit and dtype != "float64"


def rule_line(rtol: float, atol: float, dtype: str, explicit: bool) -> str:
    """The rule as applied, in one line for the headline."""
    text = f"tolerance: |numpy - torch| <= {atol:.3g} + {rtol:.3g} * |torch|"
    if uses_reference(dtype, explicit):
        text += (f"; where {dtype} rounding exceeds it, the same rule on both programs stepped in float64 "
                 "from the same start (rule float64-reference)")
    return text
