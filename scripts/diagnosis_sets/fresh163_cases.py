"""One hundred and sixty-third fresh held-out set for the diagnosis: one planted bug per program in
fresh163/, 8 PyTorch ports (checked against the correct NumPy program) and 8 NumPy programs
(checked against the correct port), and 3 correct variants. The theme is an LSTM sequence
classifier over padded variable-length sequences: the per-row lengths are in the data (the last
channel of X is the valid-step indicator, features are zero on the padding), the last valid
hidden state or a masked mean over the valid steps feeds a dense head, BPTT written by hand
(full, or truncated in chunks), gradient clipping by global norm or by value, Adam or RMSprop.

The base programs (data from fresh163/make_data.py, fixed seed, nothing random while training):

    last_numpy.py:LSTMLast / last_torch.py:LSTMLast, last.npz X (24, 8, 5) (4 features + the
        valid-step indicator, lengths 3..8), y (24,) int64 in {0, 1, 2}
        LSTM 4->8 (gates i, f, g, o as torch; NumPy weights kept (in, 4H), two biases bx, bh as
        nn.LSTM's bias_ih_l0 / bias_hh_l0); the hidden state at each row's last valid step
        (index length - 1) into a dense head 8->3; softmax cross-entropy, mean over rows.
        Full BPTT over all T steps. Gradients clipped by their global L2 norm to 0.1 (as
        clip_grad_norm_, max_norm / (norm + 1e-6)); Adam lr 0.01, betas (0.9, 0.999), eps 1e-8,
        bias-corrected. Port: nn.LSTM(batch_first=True) and out[arange(N), lengths - 1].
    mean_numpy.py:LSTMMean / mean_torch.py:LSTMMean, mean.npz X (24, 8, 4) (3 features + the
        valid-step indicator, lengths 3..8), y (24,) float 0/1
        LSTM 3->6 (weights kept (4H, in) as torch, two biases); masked mean of h_t over the
        valid steps (sum_t m_t h_t / length); dense 6->1 to one logit; binary cross-entropy on
        the logit, mean. Truncated BPTT: chunks of 4 steps, the state entering the second chunk
        (t = 4) detached (no gradient back through h or c). Gradients clipped elementwise to
        [-0.01, 0.01] (clip_grad_value_); RMSprop lr 0.005, alpha 0.9, eps 1e-8 (v = a v +
        (1 - a) g^2, p -= lr g / (sqrt(v) + eps)). Port: an nn.LSTMCell loop with
        h, c = h.detach(), c.detach() every 4 steps.

Same format as cases.py; run with

    python3 scripts/diagnosis_held_out.py --cases fresh163_cases

Each case:
    id          short name (prefixed UG)
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

F = "scripts/diagnosis_sets/fresh163/"
RUN = ["--steps", "20", "--dtype", "float32", "--device", "cpu"]


def last(numpy="last_numpy.py", port="last_torch.py"):
    return [F + numpy + ":LSTMLast", "--torch", F + port + ":LSTMLast",
            "--data", F + "last.npz", "--as-written",
            "--param", "params['Wx']=lstm.weight_ih_l0.T",
            "--param", "params['Wh']=lstm.weight_hh_l0.T",
            "--param", "params['bx']=lstm.bias_ih_l0",
            "--param", "params['bh']=lstm.bias_hh_l0",
            "--param", "params['Wy']=head.weight.T",
            "--param", "params['by']=head.bias",
            "--state", "exp_avg=net.m", "--state", "exp_avg_sq=net.v", *RUN]


def last_carry():
    return [F + "last_carry_numpy.py:LSTMLastCarry", "--torch", F + "last_torch.py:LSTMLast",
            "--data", F + "last.npz", "--as-written",
            "--param", "W_ih=lstm.weight_ih_l0",
            "--param", "W_hh=lstm.weight_hh_l0",
            "--param", "b_ih=lstm.bias_ih_l0",
            "--param", "b_hh=lstm.bias_hh_l0",
            "--param", "W_out=head.weight",
            "--param", "b_out=head.bias",
            "--state", "exp_avg=net.m", "--state", "exp_avg_sq=net.v", *RUN]


def mean(numpy="mean_numpy.py", port="mean_torch.py"):
    return [F + numpy + ":LSTMMean", "--torch", F + port + ":LSTMMean",
            "--data", F + "mean.npz", "--as-written",
            "--param", "params['W_ih']=cell.weight_ih",
            "--param", "params['W_hh']=cell.weight_hh",
            "--param", "params['b_ih']=cell.bias_ih",
            "--param", "params['b_hh']=cell.bias_hh",
            "--param", "params['w_out']=fc.weight",
            "--param", "params['b_out']=fc.bias",
            "--state", "square_avg=net.sq", *RUN]


def mean_chunks():
    return [F + "mean_numpy.py:LSTMMean", "--torch", F + "mean_chunks_torch.py:LSTMMeanChunks",
            "--data", F + "mean.npz", "--as-written",
            "--param", "params['W_ih']=lstm.weight_ih_l0",
            "--param", "params['W_hh']=lstm.weight_hh_l0",
            "--param", "params['b_ih']=lstm.bias_ih_l0",
            "--param", "params['b_hh']=lstm.bias_hh_l0",
            "--param", "params['w_out']=fc.weight",
            "--param", "params['b_out']=fc.bias",
            "--state", "square_avg=net.sq", *RUN]


CASES = [
    # ---------------------------------------------------------------- PyTorch ports with one bug
    {"id": "UG01", "side": "port", "args": last(port="01_lastpad_port.py"),
     "mechanism": "the head reads out[:, -1], the output at the final padded time step, instead of "
                  "each row's last valid step (index length - 1): padding steps feed the classifier",
     "expected": ("last valid", "padding", "padded", "length", "last step", "time step")},
    {"id": "UG02", "side": "port", "args": last(port="02_batchfirst_port.py"),
     "mechanism": "nn.LSTM built without batch_first=True on (N, T, D) input: the batch axis is read "
                  "as time and time as batch (shapes still fit)",
     "expected": ("batch_first", "batch first", "axis", "transpose", "time")},
    {"id": "UG03", "side": "port", "args": last(port="03_clipafter_port.py"),
     "mechanism": "clip_grad_norm_ called after optimizer.step(): Adam steps with the unclipped "
                  "gradients (the .grad left afterwards is clipped)",
     "expected": ("clip", "clipping", "order", "after", "norm")},
    {"id": "UG04", "side": "port", "args": mean(port="04_rmsalpha_port.py"),
     "mechanism": "torch.optim.RMSprop left at its default alpha=0.99 where the NumPy program "
                  "decays the squared average with 0.9",
     "expected": ("alpha", "rho", "decay", "square_avg", "rmsprop")},
    {"id": "UG05", "side": "port", "args": mean(port="05_detachh_port.py"),
     "mechanism": "truncated BPTT detaches only h at the chunk boundaries, not the cell state c: "
                  "gradient still flows back through c into earlier chunks",
     "expected": ("detach", "cell state", "truncat", "bptt", "chunk")},
    {"id": "UG06", "side": "port", "args": mean(port="06_meanT_port.py"),
     "mechanism": "masked pooling divides the masked sum by T (.mean(dim=1)) instead of each row's "
                  "number of valid steps",
     "expected": ("mean", "length", "mask", "padding", "divide")},
    {"id": "UG07", "side": "port", "args": mean(port="07_hcswap_port.py"),
     "mechanism": "the (h, c) pair nn.LSTMCell returns unpacked as c, h: the cell state is used as "
                  "the hidden state (pooled and fed back) and vice versa",
     "expected": ("swap", "cell state", "hidden state", "order", "(h, c)")},
    {"id": "UG08", "side": "port", "args": mean(port="08_clipnorm_port.py"),
     "mechanism": "clip_grad_norm_(params, 0.01) where the NumPy program clips each gradient "
                  "element to [-0.01, 0.01] (clip_grad_value_)",
     "expected": ("clip", "clipping", "norm", "value")},
    # ---------------------------------------------------------------- NumPy programs with one bug
    {"id": "UG09", "side": "numpy", "args": last(numpy="09_tanhderiv_numpy.py"),
     "mechanism": "cell-state gradient through h = o * tanh(c) uses 1 - c**2 instead of "
                  "1 - tanh(c)**2 (the tanh derivative taken of the pre-activation's square)",
     "expected": ("tanh", "derivative", "cell state", "1 - tanh")},
    {"id": "UG10", "side": "numpy", "args": last(numpy="10_forgetc_numpy.py"),
     "mechanism": "forget-gate gradient df = dc * c_t with the new cell state instead of the "
                  "previous one c_{t-1}: off by one step in time",
     "expected": ("forget", "c_prev", "previous", "off by one", "time step")},
    {"id": "UG11", "side": "numpy", "args": last(numpy="11_clippertensor_numpy.py"),
     "mechanism": "gradients clipped per tensor (each scaled by max_norm over its own norm) instead "
                  "of by the global norm over all parameters as clip_grad_norm_",
     "expected": ("clip", "global", "per-tensor", "per tensor", "norm")},
    {"id": "UG12", "side": "numpy", "args": last(numpy="12_lastindex_numpy.py"),
     "mechanism": "backward injects the head's gradient at step t == length instead of length - 1 "
                  "(one step late; rows of full length get none), the forward reads length - 1",
     "expected": ("off by one", "off-by-one", "length", "last valid", "index", "time step")},
    {"id": "UG13", "side": "numpy", "args": mean(numpy="13_rmsswap_numpy.py"),
     "mechanism": "RMSprop squared average with the constants swapped: v = (1 - a) v + a g^2 "
                  "instead of a v + (1 - a) g^2",
     "expected": ("alpha", "decay", "square_avg", "rmsprop", "swap")},
    {"id": "UG14", "side": "numpy", "args": mean(numpy="14_tbpttoff_numpy.py"),
     "mechanism": "truncated BPTT cut at (t + 1) % 4 == 0 instead of t % 4 == 0: the chunk "
                  "boundary one step off: gradient crosses t = 4 and stops at t = 3 and 7",
     "expected": ("truncat", "bptt", "off by one", "chunk", "boundary")},
    {"id": "UG15", "side": "numpy", "args": mean(numpy="15_padgrad_numpy.py"),
     "mechanism": "masked-mean backward sends dpooled / length to every step, padding included "
                  "(the mask left out of the backward; the forward is masked)",
     "expected": ("mask", "padding", "padded", "valid")},
    {"id": "UG16", "side": "numpy", "args": mean(numpy="16_bcesig_numpy.py"),
     "mechanism": "BCE-with-logits gradient multiplied by an extra sigmoid derivative: "
                  "(p - y) p (1 - p) / N instead of (p - y) / N",
     "expected": ("sigmoid", "derivative", "bce", "cross-entropy", "p (1 - p)")},
    # ---------------------------------------------------------------- correct variants
    {"id": "UG17", "side": "correct", "args": last_carry(),
     "mechanism": "correct: NumPy with torch-layout weights, einsum gates, the state carried through "
                  "the padding by the mask (final state = last valid), in-place Adam moments",
     "expected": ()},
    {"id": "UG18", "side": "correct", "args": last(port="last_packed_torch.py"),
     "mechanism": "correct: port with pack_padded_sequence(enforce_sorted=False) and nn.LSTM's h_n "
                  "as the last valid state, nn.CrossEntropyLoss",
     "expected": ()},
    {"id": "UG19", "side": "correct", "args": mean_chunks(),
     "mechanism": "correct: port running nn.LSTM on chunks of 4 steps with the (h, c) state detached "
                  "between chunks, masked mean via (out * mask).sum / mask.sum",
     "expected": ()},
]
