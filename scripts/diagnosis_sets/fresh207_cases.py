"""Two hundred and seventh fresh held-out set for the diagnosis: one planted bug per program in
fresh207/, 8 PyTorch ports (checked against the correct NumPy program) and 8 NumPy programs
(checked against the correct port), and 3 correct variants. The theme is an LSTM written by hand
for many-to-one sequence regression: the four gates (order i, f, g, o) from one stacked matrix
product, backpropagation through time, gradient clipping by global L2 norm (as
torch.nn.utils.clip_grad_norm_, coefficient max_norm / (norm + 1e-6) when below 1), and Adam
written by hand (bias-corrected, eps outside the square root, as torch.optim.Adam).

The base programs (data from fresh207/make_data.py, fixed seed, nothing random while training):

    lstm_numpy.py:StackedLSTM / lstm_torch.py:LSTMRegressor, lstm.npz X (32, 8, 3), y (32, 1)
        h_0 = c_0 = 0; z_t = [x_t, h_{t-1}] @ W + b with W (3 + 12, 48) kept (in, out);
        i, f, o sigmoid, g tanh; c = f c + i g; h = o tanh(c); yhat = h_T @ Wy + by;
        loss mean((yhat - y)^2). Global-norm clipping at 0.2; Adam lr 0.01, betas (0.9, 0.999),
        eps 1e-8. Port: one nn.Linear(15, 48) on torch.cat([x_t, h]), z.chunk(4), an
        nn.Linear(12, 1) head, F.mse_loss, clip_grad_norm_, torch.optim.Adam.
    seq_numpy.py:TorchLayoutLSTM / seq_torch.py:SeqRegressor, seq.npz X (40, 6, 4) (random walks),
        y (40, 1)
        nn.LSTM's layout in NumPy: gates = x_t @ weight_ih.T + bias_ih + h @ weight_hh.T + bias_hh
        (H = 10, both biases kept, each with the gradient of their sum); pred = h_T @ w_out.T +
        b_out; MSE. Global-norm clipping at 0.4; Adam lr 0.005, betas (0.9, 0.999), eps 1e-8, its
        moments in net.adam_m / net.adam_v (paired with --state). Port: nn.LSTM(4, 10,
        batch_first=True), h_n[-1] into nn.Linear(10, 1), nn.MSELoss, clip_grad_norm_(0.4), Adam.

Same format as cases.py; run with

    python3 scripts/diagnosis_held_out.py --cases fresh207_cases

Each case:
    id          short name (prefixed VY)
    side        "port", "numpy" or "correct"
    args        the `parity check` argument list (paths relative to the repository root); every
                case gives --as-written, its --param pairs, --steps 20, --dtype float32, --device cpu
    mechanism   the planted mechanism, one line
    expected    keywords (case-insensitive) that an explanation naming the mechanism would contain;
                written from the mechanism, before any run, not from the kit's output; () for a correct program

Written without reading the kit's diagnosis rules, findings or measurements, nor any other set;
validated by exit status alone (each bug exits 1 and its fixed copy exits 0 under the same
arguments; each base pair and each correct variant exits 0).
"""

F = "scripts/diagnosis_sets/fresh207/"
RUN = ["--steps", "20", "--dtype", "float32", "--device", "cpu"]


def lstm(numpy="lstm_numpy.py", port="lstm_torch.py"):
    return [F + numpy + ":StackedLSTM", "--torch", F + port + ":LSTMRegressor",
            "--data", F + "lstm.npz", "--as-written",
            "--param", "params['W']=gates.weight.T",
            "--param", "params['b']=gates.bias",
            "--param", "params['Wy']=head.weight.T",
            "--param", "params['by']=head.bias", *RUN]


def lstm_alt():
    return [F + "lstm_alt_numpy.py:StackedLSTMAlt", "--torch", F + "lstm_torch.py:LSTMRegressor",
            "--data", F + "lstm.npz", "--as-written",
            "--param", "params['W']=gates.weight",
            "--param", "params['b']=gates.bias",
            "--param", "params['Wy']=head.weight",
            "--param", "params['by']=head.bias", *RUN]


def seq(numpy="seq_numpy.py", port="seq_torch.py", cls="TorchLayoutLSTM", model="SeqRegressor",
        mod="lstm", suffix="_l0"):
    return [F + numpy + ":" + cls, "--torch", F + port + ":" + model,
            "--data", F + "seq.npz", "--as-written",
            "--param", f"p['weight_ih']={mod}.weight_ih{suffix}",
            "--param", f"p['weight_hh']={mod}.weight_hh{suffix}",
            "--param", f"p['bias_ih']={mod}.bias_ih{suffix}",
            "--param", f"p['bias_hh']={mod}.bias_hh{suffix}",
            "--param", "p['w_out']=head.weight",
            "--param", "p['b_out']=head.bias",
            "--state", "exp_avg=net.adam_m", "--state", "exp_avg_sq=net.adam_v", *RUN]


CASES = [
    # ---------------------------------------------------------------- PyTorch ports with one bug
    {"id": "VY01", "side": "port", "args": lstm(port="01_gateorder_port.py"),
     "mechanism": "gate blocks unpacked as i, f, o, g (z.chunk(4)) where the NumPy program's "
                  "stacked weight holds i, f, g, o: the candidate and output-gate blocks swapped",
     "expected": ("gate order", "gate", "chunk", "swapped", "candidate", "output gate")},
    {"id": "VY02", "side": "port", "args": lstm(port="02_candsigmoid_port.py"),
     "mechanism": "cell candidate g computed with torch.sigmoid instead of torch.tanh",
     "expected": ("sigmoid", "tanh", "candidate", "activation")},
    {"id": "VY03", "side": "port", "args": lstm(port="03_clipafter_port.py"),
     "mechanism": "clip_grad_norm_ called after optimizer.step(): Adam sees the unclipped "
                  "gradients (the clipping only rewrites .grad afterwards)",
     "expected": ("clip", "clipping", "after", "order", "norm")},
    {"id": "VY04", "side": "port", "args": seq(port="04_beta2_port.py"),
     "mechanism": "torch.optim.Adam(betas=(0.9, 0.99)) where the NumPy Adam uses beta2 = 0.999: "
                  "the second moment (and its bias correction) differs",
     "expected": ("beta2", "beta", "0.99", "second moment", "exp_avg_sq")},
    {"id": "VY05", "side": "port", "args": lstm(port="05_squeeze_port.py"),
     "mechanism": "forward returns head(h).squeeze(-1), shape (N,), and F.mse_loss against y of "
                  "shape (N, 1) broadcasts to an (N, N) difference matrix",
     "expected": ("broadcast", "shape", "squeeze", "(n, n)", "target")},
    {"id": "VY06", "side": "port", "args": seq(port="06_carrystate_port.py"),
     "mechanism": "stateful port: the final (h_n, c_n) is kept (detached) and fed as the initial "
                  "state of the next batch instead of starting each sequence from zeros",
     "expected": ("state", "carried", "reset", "initial", "hidden state", "stateful")},
    {"id": "VY07", "side": "port", "args": lstm(port="07_detach_port.py"),
     "mechanism": "h_{t-1}.detach() before the gate product: no gradient flows back through the "
                  "hidden-state recurrence (only through the cell state)",
     "expected": ("detach", "recurrence", "hidden", "truncated", "bptt")},
    {"id": "VY08", "side": "port", "args": seq(port="08_cellhead_port.py"),
     "mechanism": "the regression head reads the final cell state c_n[-1] instead of the hidden "
                  "state h_n[-1] (the wrong element of nn.LSTM's (h_n, c_n))",
     "expected": ("cell state", "c_n", "hidden state", "h_n", "head")},
    # ---------------------------------------------------------------- NumPy programs with one bug
    {"id": "VY09", "side": "numpy", "args": lstm(numpy="09_fgatederiv_numpy.py"),
     "mechanism": "forget-gate backward uses the tanh derivative 1 - f**2 instead of the sigmoid "
                  "derivative f (1 - f)",
     "expected": ("forget", "derivative", "sigmoid", "tanh", "f * (1 - f)")},
    {"id": "VY10", "side": "numpy", "args": lstm(numpy="10_cellpath_numpy.py"),
     "mechanism": "BPTT drops the cell-state gradient carried from the next time step: dc is "
                  "reset to dh * o * (1 - tanh(c)^2) instead of adding it to the carried dc * f",
     "expected": ("cell", "carried", "missing", "accumulate", "dc", "through time")},
    {"id": "VY11", "side": "numpy", "args": seq(numpy="11_tanhc_numpy.py"),
     "mechanism": "derivative of tanh(c) taken as 1 - c**2 (of the cell state itself) instead of "
                  "1 - tanh(c)**2 in the cell-gradient path",
     "expected": ("tanh", "derivative", "cell", "1 - c", "activated")},
    {"id": "VY12", "side": "numpy", "args": seq(numpy="12_cprev_numpy.py"),
     "mechanism": "forget-gate gradient multiplied by the new cell state c_t instead of the "
                  "previous c_{t-1}: an off-by-one in time",
     "expected": ("forget", "off-by-one", "previous", "c_{t-1}", "time step")},
    {"id": "VY13", "side": "numpy", "args": lstm(numpy="13_epsin_numpy.py"),
     "mechanism": "Adam eps added inside the square root, sqrt(v_hat + eps), instead of "
                  "sqrt(v_hat) + eps",
     "expected": ("eps", "epsilon", "sqrt", "square root", "denominator")},
    {"id": "VY14", "side": "numpy", "args": lstm(numpy="14_perparamclip_numpy.py"),
     "mechanism": "gradients clipped per parameter, each by its own L2 norm, instead of by the "
                  "global norm over all parameters",
     "expected": ("clip", "global norm", "per parameter", "per-parameter", "norm")},
    {"id": "VY15", "side": "numpy", "args": seq(numpy="15_boutmean_numpy.py"),
     "mechanism": "output-bias gradient averaged over the batch (dpred.mean(0)) where dpred "
                  "already carries the 1/N of the mean loss: b_out's gradient 40 times too small",
     "expected": ("b_out", "mean", "sum", "reduction", "batch", "40")},
    {"id": "VY16", "side": "numpy", "args": seq(numpy="16_bc2beta1_numpy.py"),
     "mechanism": "Adam second-moment bias correction uses beta1: v_hat = v / (1 - beta1**t) "
                  "instead of (1 - beta2**t)",
     "expected": ("bias correction", "beta1", "beta2", "second moment", "v_hat")},
    # ---------------------------------------------------------------- correct variants
    {"id": "VY17", "side": "correct", "args": lstm_alt(),
     "mechanism": "correct: W kept (4H, n_in + H) as torch, einsum products, gates viewed (N, 4, H), "
                  "sigmoid as 0.5 (1 + tanh(z / 2)), states in preallocated arrays, Adam in place",
     "expected": ()},
    {"id": "VY18", "side": "correct",
     "args": seq(port="seq_cell_torch.py", model="CellRegressor", mod="cell", suffix=""),
     "mechanism": "correct: port as an nn.LSTMCell stepped by hand over x.unbind(1), "
                  "zero_grad(set_to_none=True), explicit reduction and norm type",
     "expected": ()},
    {"id": "VY19", "side": "correct",
     "args": seq(numpy="seq_alt_numpy.py", cls="TorchLayoutLSTMAlt"),
     "mechanism": "correct: fused [x, h] @ [W_ih, W_hh].T, np.split gates, one bias gradient "
                  "copied to both biases, np.linalg.norm clipping, torch.optim.Adam's formula",
     "expected": ()},
]
