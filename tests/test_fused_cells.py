"""torch's fused recurrent ops written out for the trace of a port's step, and the readings that meet a NumPy
program's backward pass inside them: gate by gate, a cell state's carried term, a product's factors read once; and
the port's own ops back-propagated again to read a path a NumPy backward leaves out."""

import numpy as np
import pytest
import torch
from torch import nn

from parity.diagnosis.fused_cells import written_out
from parity.diagnosis.port_values import _TorchValues
from parity.diagnosis.value_trace import Trace

torch.manual_seed(0)


def _fused(module: nn.Module, *inputs) -> tuple:
    """The module's outputs from torch's fused op, and from the op written out (the trace's mode on)."""
    module = module.double()
    expected = module(*inputs)
    trace = Trace()
    with _TorchValues(trace):
        written = module(*inputs)
    return expected, written, trace


@pytest.mark.parametrize("module, inputs", [
    (nn.LSTMCell(3, 4), (torch.randn(5, 3, dtype=torch.float64),)),
    (nn.GRUCell(3, 4), (torch.randn(5, 3, dtype=torch.float64), torch.randn(5, 4, dtype=torch.float64))),
    (nn.RNNCell(3, 4, nonlinearity="relu"), (torch.randn(5, 3, dtype=torch.float64),)),
    (nn.LSTM(3, 4, num_layers=2, bidirectional=True, batch_first=True), (torch.randn(5, 6, 3, dtype=torch.float64),)),
    (nn.GRU(3, 4, bias=False), (torch.randn(6, 5, 3, dtype=torch.float64),)),
    (nn.RNN(3, 4, num_layers=2), (torch.randn(6, 5, 3, dtype=torch.float64), torch.randn(2, 5, 4, dtype=torch.float64))),
])
def test_a_fused_recurrent_op_written_out_gives_torchs_numbers_and_traces_its_gates(module, inputs):
    expected, written, trace = _fused(module, *inputs)
    flat = lambda out: [t for o in (out if isinstance(out, tuple) else (out,)) for t in (o if isinstance(o, tuple) else (o,))]  # noqa: E731
    for theirs, mine in zip(flat(expected), flat(written), strict=True):
        torch.testing.assert_close(mine, theirs, rtol=1e-12, atol=1e-12)
    ops = {v.op for v in trace.values}
    assert "linear" in ops and ({"sigmoid", "tanh", "relu"} & ops), ops  # the gates are values of their own
    called = {getattr(f, "__name__", "") for f, _, _ in trace.called.values()}
    assert called & {"lstm_cell", "gru_cell", "rnn_relu_cell", "lstm", "gru", "rnn_tanh"}, called  # called again as itself


def test_a_written_out_cells_results_are_found_to_call_the_cell_again_as_a_whole():
    from parity.diagnosis.fused_cells import written_out_calls
    _, (h, c), trace = _fused(nn.LSTMCell(3, 4), torch.randn(5, 3, dtype=torch.float64))
    found = written_out_calls(trace, [trace.values[0]])
    assert [trace.called[v.index][0].part for v in found] == [1, 0], found  # c, then h, each the cell itself
    assert np.allclose(found[1].array, h.detach().numpy()) and written_out_calls(trace, [found[1]]) == [found[1]]  # past c


def test_a_call_the_written_out_ops_cannot_take_is_left_to_torch():
    lstm = nn.LSTM(3, 4, proj_size=2)  # a projection: five weights per layer
    args = (torch.randn(6, 5, 3), (torch.zeros(1, 5, 2), torch.zeros(1, 5, 4)), lstm._flat_weights, True, 1, 0.0, True, False, False)
    assert written_out("lstm", args, {}) is None
    assert written_out("lstm_cell", (torch.randn(2, 3),), {"hx": None}) is None  # keywords: torch's own call
    packed = torch.nn.utils.rnn.pack_padded_sequence(torch.randn(4, 2, 3), [4, 2])
    trace, lstm = Trace(), nn.LSTM(3, 4)
    with _TorchValues(trace):
        out, _ = lstm(packed)  # (data, batch_sizes, hx, params, ...): left to torch, as it computes it
    torch.testing.assert_close(out.data, lstm(packed)[0].data)


def test_a_cell_states_gradient_without_its_carried_term_is_read_as_that_term():
    """dc = dh·o·tanh'(c) where dc = dh·o·tanh'(c) + f_next·dc_next belongs: the gap is the forget gate times the
    gradient at the product f·c, a term through that product; a gap of twice that term is not read as it."""
    from parity.diagnosis.missing_terms import missing_term
    rng = np.random.default_rng(3)
    c, f, carried, from_h = rng.normal(size=(4, 6, 5))
    f = 1 / (1 + np.exp(-f))
    port = values(("add", c, (), ""), ("sigmoid", f, (), ""), ("mul", f * c, (1, 0), ""), ("grad", carried, (2,), ""),
                  ("grad", from_h + f * carried, (0,), ""))
    for mine, said in ((from_h, "less [sigmoid (6, 5)] times the gradient at the port's [mul (6, 5)]"), (from_h - f * carried, "")):
        numpy = values(("multiply", mine, (), ""))
        found = missing_term(numpy.values[0], [0], numpy, port, 1e-9)
        assert (said in found and "forget gate" in found) if said else "[sigmoid (6, 5)] times" not in found, found


def test_a_product_of_the_same_factors_the_numpy_program_makes_itself_is_no_factor_left_out():
    """dg = dc·i, then dg·g: recomputed with dg·(1 - i) it is the input gate's gradient dc·g·i(1 - i), which the
    NumPy program computes on its own path; only where it does not is the reading said."""
    from parity.diagnosis.steps_left_out import factor_left_out
    rng = np.random.default_rng(4)
    dc, i_pre, g = rng.normal(size=(3, 6, 5))
    i = 1 / (1 + np.exp(-i_pre))
    d_input_gate = dc * g * i * (1 - i)
    port = values(("grad", d_input_gate, (), ""))
    steps = [("sigmoid", i, (), ""), ("subtract", 1 - i, (1.0, 0), ""), ("multiply", i * (1 - i), (0, 1), ""), ("tanh", g, (), ""),
             ("multiply", dc * i, (), ""), ("multiply", dc * i * g, (4, 3), "")]
    numpy = values(*steps)
    assert "a factor of a product's derivative left out" in factor_left_out(numpy.values[5], numpy.values[4], numpy, port, 1e-9)
    numpy = values(*steps, ("multiply", d_input_gate, (), ""))
    assert factor_left_out(numpy.values[5], numpy.values[4], numpy, port, 1e-9) == ""


def test_a_gradient_times_the_ops_own_derivative_is_no_extra_factor():
    """The NumPy value is the port's gradient at tanh's output times 1 - tanh²: the step through tanh taken right (the
    departure is a term elsewhere), never "a factor of the chain rule extra"."""
    from parity.diagnosis.delta_factor import delta_factor
    rng = np.random.default_rng(5)
    z, g = rng.normal(size=(2, 6, 5))
    port = values(("add", z, (), ""), ("tanh", np.tanh(z), (0,), ""), ("grad", g, (1,), ""))
    derivative = 1 - np.tanh(z) ** 2
    numpy = values(("tanh", np.tanh(z), (), ""), ("subtract", derivative, (1.0, 0), ""), ("multiply", g * derivative, (1,), ""))
    assert "times its own" not in delta_factor(numpy, port, [2], 1e-9, lambda v: "the gradient")
    numpy = values(("tanh", np.tanh(z), (), ""), ("subtract", 1 - np.tanh(z), (1.0, 0), ""), ("multiply", g * (1 - np.tanh(z)), (1,), ""))
    assert "the square left out" in delta_factor(numpy, port, [2], 1e-9, lambda v: "the gradient")


def test_the_frontier_is_a_gradient_whose_first_use_is_its_own_op_before_a_join():
    from parity.diagnosis.written_backward import _frontier
    a, b = np.ones((2, 3)), np.full((2, 3), 2.0)
    trace = values(("grad", a, (), ""), ("grad", b, (), ""), ("multiply", 3 * a, (0,), ""), ("concatenate", np.hstack([3 * a, b]), (2, 1), ""))
    assert _frontier([0, 1], [2, 3], trace).index == 0  # b's first use is the join: a's own product comes first
    assert _frontier([1], [3], trace).index == 1  # none of its own: the last one


def test_a_path_left_out_of_a_values_gradient_is_read_by_the_ports_own_op_sending_its_gradient_back():
    """V = tanh(z) read by two ops, 2·V and V repeated along the last axis: the NumPy gradient of V keeps the product's
    path alone; the port's repeat_interleave, back-propagated again at its output's gradient, is the term left out."""
    from parity.diagnosis.path_terms import path_missing
    rng = np.random.default_rng(9)
    v = torch.tanh(torch.tensor(rng.normal(size=(3, 4))))
    g_mul, g_rep = rng.normal(size=(3, 4)), rng.normal(size=(3, 8))
    back_rep = g_rep.reshape(3, 4, 2).sum(-1)
    port = values(("tanh", v.numpy(), (), ""), ("mul", 2 * v.numpy(), (0, 2.0), ""), ("repeat_interleave", v.repeat_interleave(2, -1).numpy(), (0,), ""),
                  ("grad", g_mul, (1,), ""), ("grad", g_rep, (2,), ""), ("grad", 2 * g_mul + back_rep, (0,), ""))
    port.called[1] = (torch.mul, (v, 2.0), {})
    port.called[2] = (torch.Tensor.repeat_interleave, (v, 2, -1), {})
    numpy = values(("multiply", 2 * g_mul, (), ""))
    said = path_missing(numpy.values[0], port, 1e-9)
    assert "the gradient the port's [repeat_interleave (3, 8)] sends back to [tanh (3, 4)]" in said, said
    assert path_missing(values(("multiply", 2 * g_mul + 0.5 * back_rep, (), "")).values[0], port, 1e-9) == ""


def test_a_readout_gradient_added_at_every_step_is_read_where_the_programs_part_at_a_later_sum():
    """dh = dh_next + d_out at every step of a many-to-one recurrence: the port's gradients now meet the NumPy values
    inside each step, so the programs part at the second sum that takes d_out in, not at the first."""
    from parity.diagnosis.added_again import added_again
    rng = np.random.default_rng(10)
    d, h1, h2 = rng.normal(size=(3, 4, 5))
    trace = values(("matmul", d, (), ""), ("matmul", h1, (), ""), ("add", d + h1, (1, 0), ""), ("matmul", h2, (), ""),
                   ("add", d + h2, (3, 0), ""))
    port = values(("grad", h1, (), ""), ("grad", h2, (), ""))  # the port's gradients: each step's own term
    said = added_again(trace.values[3], trace.values[4], trace, port, 1e-9)
    assert "into 2 sums, the same value each time" in said and "added at every time step" in said, said
    assert added_again(trace.values[1], trace.values[2], trace, port, 1e-9) == ""  # the first sum: d_out taken in once
    assert added_again(trace.values[3], trace.values[4], trace, values(("grad", h1, (), "")), 1e-9) == ""  # d + h2 less d


def values(*steps):
    trace = Trace()
    for op, array, inputs, detail in steps:
        trace._add(op, np.asarray(array, np.float64), inputs, detail)
    return trace
