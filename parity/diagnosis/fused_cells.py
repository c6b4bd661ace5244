"""torch's fused recurrent ops (and, from `fused_norms` and `fused_convs`, its normalisations, convolutions and attention) written out in the ops they are made of, for the trace of a port's step: inside
`nn.LSTMCell`, `nn.GRUCell`, `nn.RNN`, `nn.LSTM` and `nn.GRU` the gates, the cell state and each time step are
then values with their own gradients, which a NumPy program's hand-written backward can be met at, gate by gate.
The equations are torch's own (its `nn.LSTMCell` and `nn.GRUCell` documentation):

    LSTM   i, f, g, o = σ, σ, tanh, σ of (x W_ihᵀ + b_ih + h W_hhᵀ + b_hh)      c' = f c + i g      h' = o tanh(c')
    GRU    r, z = σ(x W_irᵀ + b_ir + h W_hrᵀ + b_hr), ...   n = tanh(x W_inᵀ + b_in + r (h W_hnᵀ + b_hn))
           h' = (1 - z) n + z h

A call these cannot write out (a packed sequence, dropout between layers, an LSTM with a projection) is left to
torch: None."""

from __future__ import annotations

from typing import Any, Callable

import torch
import torch.nn.functional as F

from parity.diagnosis.fused_convs import CONVS
from parity.diagnosis.fused_norms import NORMS


def lstm_cell(x: torch.Tensor, hx: Any, w_ih: torch.Tensor, w_hh: torch.Tensor, b_ih: Any = None, b_hh: Any = None) -> Any:
    h, c = hx
    i, f, g, o = (F.linear(x, w_ih, b_ih) + F.linear(h, w_hh, b_hh)).chunk(4, -1)
    c_new = torch.sigmoid(f) * c + torch.sigmoid(i) * torch.tanh(g)
    return torch.sigmoid(o) * torch.tanh(c_new), c_new


def gru_cell(x: torch.Tensor, h: torch.Tensor, w_ih: torch.Tensor, w_hh: torch.Tensor, b_ih: Any = None, b_hh: Any = None) -> torch.Tensor:
    x_r, x_z, x_n = F.linear(x, w_ih, b_ih).chunk(3, -1)
    h_r, h_z, h_n = F.linear(h, w_hh, b_hh).chunk(3, -1)
    r, z = torch.sigmoid(x_r + h_r), torch.sigmoid(x_z + h_z)
    n = torch.tanh(x_n + r * h_n)
    return (1 - z) * n + z * h


def rnn_tanh_cell(x: torch.Tensor, h: torch.Tensor, w_ih: torch.Tensor, w_hh: torch.Tensor, b_ih: Any = None,
                  b_hh: Any = None) -> torch.Tensor:
    return torch.tanh(F.linear(x, w_ih, b_ih) + F.linear(h, w_hh, b_hh))


def rnn_relu_cell(x: torch.Tensor, h: torch.Tensor, w_ih: torch.Tensor, w_hh: torch.Tensor, b_ih: Any = None,
                  b_hh: Any = None) -> torch.Tensor:
    return torch.relu(F.linear(x, w_ih, b_ih) + F.linear(h, w_hh, b_hh))


CELLS: dict[str, Callable] = {"lstm_cell": lstm_cell, "gru_cell": gru_cell, "rnn_tanh_cell": rnn_tanh_cell,
                              "rnn_relu_cell": rnn_relu_cell}
SEQUENCES = {"lstm": lstm_cell, "gru": gru_cell, "rnn_tanh": rnn_tanh_cell, "rnn_relu": rnn_relu_cell}
WRITTEN_OUT = {*CELLS, *SEQUENCES, *NORMS, *CONVS}  # the fused ops' names, as torch's function mode sees them


def written_out(name: str, args: tuple, kwargs: dict) -> Any:
    """The fused op's result computed from its parts, or None where the call is one these do not write out."""
    if written := NORMS.get(name) or CONVS.get(name):  # keyword arguments as given
        try:
            return written(*args, **kwargs)
        except TypeError:  # a signature of another torch version: left to torch
            return None
    if kwargs:
        return None
    if name in CELLS:
        return CELLS[name](*args)
    if name in SEQUENCES and len(args) == 9 and isinstance(args[3], bool):  # (input, hx, params, has_biases, ...); a
        # packed sequence's call is (data, batch_sizes, hx, params, ...)
        return _sequence(SEQUENCES[name], *args)
    return None


def _sequence(cell: Callable, x: torch.Tensor, hx: Any, params: list, has_biases: bool, num_layers: int, dropout: float,
              train: bool, bidirectional: bool, batch_first: bool) -> Any:
    """The layers of a recurrent net over the sequence, one cell per time step and direction, as torch stacks them."""
    directions, per = 2 if bidirectional else 1, 4 if has_biases else 2
    if len(params) != per * num_layers * directions or dropout and train and num_layers > 1:
        return None
    lstm = isinstance(hx, (tuple, list))
    steps = x.transpose(0, 1) if batch_first else x  # (T, B, F)
    last_h, last_c = [], []
    for layer in range(num_layers):
        outputs = []
        for direction in range(directions):
            k = layer * directions + direction
            state = (hx[0][k], hx[1][k]) if lstm else hx[k]
            made: list = [None] * len(steps)
            for t in (reversed(range(len(steps))) if direction else range(len(steps))):
                state = cell(steps[t], state, *params[k * per:(k + 1) * per])
                made[t] = state[0] if lstm else state
            outputs.append(torch.stack(made))
            last_h.append(state[0] if lstm else state)
            last_c += [state[1]] if lstm else []
        steps = torch.cat(outputs, -1) if directions > 1 else outputs[0]
    output = steps.transpose(0, 1) if batch_first else steps
    return (output, torch.stack(last_h), torch.stack(last_c)) if lstm else (output, torch.stack(last_h))


def written_out_calls(trace: Any, after: list) -> list:
    """The port's values a fused op written out gives (its h, its c, its output), past the first of `after`: where
    two programs part inside a cell, the cell called again as a whole (its arguments swapped) may say what."""
    start = min((v.index for v in after), default=0)
    return [trace.values[i] for i, (func, _, _) in trace.called.items()
            if i >= start and getattr(func, "__name__", "") in WRITTEN_OUT][:4]

