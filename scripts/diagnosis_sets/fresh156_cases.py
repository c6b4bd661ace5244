"""One hundred and fifty-sixth fresh held-out set for the diagnosis: one planted bug per program in
fresh156/, 8 PyTorch ports (checked against the correct NumPy program) and 8 NumPy programs
(checked against the correct port), and 3 correct variants. The theme is a character-level GRU
language model written by hand: an embedding table, a GRU cell (reset, update and candidate
gates, h = (1 - z) * n + z * h_prev as torch's nn.GRU, h_0 = 0 for every window) unrolled over
fixed-length windows with full backpropagation through time, an output projection (untied, or
tied to the embedding table), softmax cross-entropy averaged over every position, gradient
clipping by the global L2 norm (max_norm / (norm + 1e-6), as clip_grad_norm_) and Adam.

The base programs (data from fresh156/make_data.py, fixed seed: data.npz, X int64 (24, 8) windows
of character ids, y int64 (24, 8) the next character at every position, vocabulary 16, id 0 the
space; nothing random while training):

    gru_numpy.py:CharGRU / gru_torch.py:CharGRU
        embedding C (16, 8); GRU with hidden 12 kept in nn.GRU's layout (W_ih (36, 8),
        W_hh (36, 12), b_ih, b_hh (36,), gates stacked r, z, n, n = tanh(W_in e + b_in +
        r * (W_hn h + b_hn))); untied output W_out (16, 12), b_out; clipping at 0.22;
        Adam lr 1e-2, betas (0.9, 0.999), eps 1e-8 (torch.optim.Adam's formula).
        Port: nn.Embedding -> nn.GRU(batch_first=True) -> nn.Linear, F.cross_entropy on the
        flattened positions, clip_grad_norm_(0.22), torch.optim.Adam.
    tied_numpy.py:TiedGRU / tied_torch.py:TiedGRU
        embedding emb (16, 12) used as the output layer too (logits = h @ emb.T + b_out); the
        cell written by hand with weights kept (in, out): Wx (12, 36) and bx for the three
        gates' input part, Wrz (12, 24) for the reset/update hidden part, Wn (12, 12) and bhn
        for the candidate's hidden part; clipping at 0.35; Adam lr 5e-3.
        Port: the cell written by hand from nn.Linear layers (x2h, h2rz without bias, h2n),
        a loop over time, logits = h @ emb.weight.T + out_bias.

Same format as cases.py; run with

    python3 scripts/diagnosis_held_out.py --cases fresh156_cases

Each case:
    id          short name (prefixed TZ)
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

F = "scripts/diagnosis_sets/fresh156/"
RUN = ["--steps", "20", "--dtype", "float32", "--device", "cpu"]


def gru(numpy="gru_numpy.py", port="gru_torch.py", rnn="gru", suffix="_l0"):
    return [F + numpy + ":CharGRU", "--torch", F + port + ":CharGRU",
            "--data", F + "data.npz", "--as-written",
            "--param", "params['C']=emb.weight",
            "--param", f"params['W_ih']={rnn}.weight_ih{suffix}",
            "--param", f"params['W_hh']={rnn}.weight_hh{suffix}",
            "--param", f"params['b_ih']={rnn}.bias_ih{suffix}",
            "--param", f"params['b_hh']={rnn}.bias_hh{suffix}",
            "--param", "params['W_out']=out.weight",
            "--param", "params['b_out']=out.bias", *RUN]


def gru_cell():
    return gru(port="gru_cell_torch.py", rnn="cell", suffix="")


def tied(numpy="tied_numpy.py", port="tied_torch.py", layout=".T"):
    return [F + numpy + ":TiedGRU", "--torch", F + port + ":TiedGRU",
            "--data", F + "data.npz", "--as-written",
            "--param", "emb=emb.weight",
            "--param", f"Wx=x2h.weight{layout}",
            "--param", "bx=x2h.bias",
            "--param", f"Wrz=h2rz.weight{layout}",
            "--param", f"Wn=h2n.weight{layout}",
            "--param", "bhn=h2n.bias",
            "--param", "b_out=out_bias", *RUN]


CASES = [
    # ---------------------------------------------------------------- PyTorch ports with one bug
    {"id": "TZ01", "side": "port", "args": gru(port="01_batchfirst_port.py"),
     "mechanism": "nn.GRU built without batch_first=True and fed (N, T, E): the batch axis is "
                  "read as time and the time axis as the batch (the recurrence runs over rows)",
     "expected": ("batch_first", "batch first", "time axis", "transpose", "axis")},
    {"id": "TZ02", "side": "port", "args": gru(port="02_targetshift_port.py"),
     "mechanism": "targets shifted a second time in the loss (logits[:, :-1] against y[:, 1:]) "
                  "although y is already the next character: each position scored against the "
                  "character two ahead, the last position dropped",
     "expected": ("shift", "off-by-one", "off by one", "target", "misaligned", "alignment")},
    {"id": "TZ03", "side": "port", "args": gru(port="03_clipbeforebackward_port.py"),
     "mechanism": "clip_grad_norm_ called before loss.backward() (on the zeroed gradients), so "
                  "the step's gradients are never clipped",
     "expected": ("clip", "clipping", "max_norm", "norm", "order")},
    {"id": "TZ04", "side": "port", "args": gru(port="04_carriedstate_port.py"),
     "mechanism": "the GRU's last hidden state is kept (detached) and fed as h_0 of the next "
                  "batch instead of starting every window from zeros",
     "expected": ("hidden state", "carried", "reset", "initial state", "h0", "stateful")},
    {"id": "TZ05", "side": "port", "args": tied(port="05_updateconv_port.py"),
     "mechanism": "hand-written cell with the update gate convention swapped: h = z * n + "
                  "(1 - z) * h_prev instead of (1 - z) * n + z * h_prev",
     "expected": ("update gate", "convention", "1 - z", "swapped", "gate")},
    {"id": "TZ06", "side": "port", "args": tied(port="06_resetbefore_port.py"),
     "mechanism": "reset gate applied before the hidden projection of the candidate: "
                  "tanh(a_n + h2n(r * h)) instead of tanh(a_n + r * h2n(h)) (bias included)",
     "expected": ("reset gate", "reset", "candidate", "reset_after", "before")},
    {"id": "TZ07", "side": "port", "args": tied(port="07_detachstep_port.py"),
     "mechanism": "h.detach() at every time step of the loop: backpropagation through time "
                  "truncated to one step, no gradient flows to earlier states",
     "expected": ("detach", "truncated", "bptt", "through time", "no gradient")},
    {"id": "TZ08", "side": "port", "args": tied(port="08_weightdecay_port.py"),
     "mechanism": "torch.optim.Adam(..., weight_decay=1e-4): coupled L2 decay added to every "
                  "gradient inside Adam, which the NumPy Adam does not have",
     "expected": ("weight decay", "weight_decay", "l2", "decay")},
    # ---------------------------------------------------------------- NumPy programs with one bug
    {"id": "TZ09", "side": "numpy", "args": gru(numpy="09_embscatter_numpy.py"),
     "mechanism": "embedding gradient scattered with C[X] += demb (buffered fancy indexing) "
                  "instead of np.add.at: a character repeated in the batch keeps one contribution",
     "expected": ("add.at", "scatter", "repeated", "duplicate", "embedding", "fancy index")},
    {"id": "TZ10", "side": "numpy", "args": gru(numpy="10_directpath_numpy.py"),
     "mechanism": "BPTT drops the direct path of the update gate: dh_prev = dgh @ W_hh without "
                  "the dh * z term, so the gradient reaching earlier steps is too small",
     "expected": ("direct", "missing term", "dh * z", "update gate", "bptt", "through time")},
    {"id": "TZ11", "side": "numpy", "args": gru(numpy="11_resetgrad_numpy.py"),
     "mechanism": "reset-gate gradient uses h_prev @ W_hn.T without the hidden bias b_hn "
                  "(dr = dn_pre * (W_hn h) instead of dn_pre * (W_hn h + b_hn))",
     "expected": ("reset gate", "reset", "b_hn", "bias", "b_hh")},
    {"id": "TZ12", "side": "numpy", "args": gru(numpy="12_epssqrt_numpy.py"),
     "mechanism": "Adam denominator sqrt(v_hat + eps) with eps inside the square root instead "
                  "of sqrt(v_hat) + eps",
     "expected": ("eps", "epsilon", "square root", "sqrt")},
    {"id": "TZ13", "side": "numpy", "args": tied(numpy="13_tanhderiv_numpy.py"),
     "mechanism": "candidate tanh derivative written (1 - n) instead of (1 - n ** 2)",
     "expected": ("tanh", "derivative", "1 - n", "candidate")},
    {"id": "TZ14", "side": "numpy", "args": tied(numpy="14_tiedgrad_numpy.py"),
     "mechanism": "tied embedding gradient keeps only the input-lookup scatter: the output "
                  "projection's contribution (dlogits.T @ h) to emb's gradient is left out",
     "expected": ("tied", "tie", "output projection", "embedding", "missing term")},
    {"id": "TZ15", "side": "numpy", "args": tied(numpy="15_pertensorclip_numpy.py"),
     "mechanism": "gradient clipped per tensor (each parameter's own norm against max_norm) "
                  "instead of by the global norm over all parameters",
     "expected": ("per tensor", "per-tensor", "per parameter", "global norm", "clip")},
    {"id": "TZ16", "side": "numpy", "args": tied(numpy="16_offbyone_numpy.py"),
     "mechanism": "hidden-weight gradients (Wrz, Wn) take the state after step t (states[t + 1]) "
                  "instead of the previous state h_{t-1}: off by one in time",
     "expected": ("off-by-one", "off by one", "previous", "h_prev", "time step", "index")},
    # ---------------------------------------------------------------- correct variants
    {"id": "TZ17", "side": "correct", "args": gru(numpy="gru_alt_numpy.py"),
     "mechanism": "correct: time-major NumPy GRU with einsum, np.split gates, h = n + z(h - n), "
                  "one-hot matmul embedding gradient, in-place clipping and Adam moments",
     "expected": ()},
    {"id": "TZ18", "side": "correct", "args": gru_cell(),
     "mechanism": "correct: port with nn.GRUCell stepped by hand over the window, nll_loss of "
                  "log_softmax on (N, V, T), zero_grad(set_to_none=True)",
     "expected": ()},
    {"id": "TZ19", "side": "correct", "args": tied(numpy="tied_alt_numpy.py", layout=""),
     "mechanism": "correct: tied NumPy GRU with weights kept (out, in) as torch, h = n + z(h - n), "
                  "embedding scatter per time step, Adam through m_hat / v_hat",
     "expected": ()},
]
