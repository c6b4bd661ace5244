"""One hundred and seventy-first fresh held-out set for the diagnosis: one planted bug per program
in fresh171/, 8 PyTorch ports (checked against the correct NumPy program) and 8 NumPy programs
(checked against the correct port), and 3 correct variants. The theme is a gated recurrent unit
(GRU) written out by hand in NumPy, update and reset gates with full backpropagation through time,
for sequence-to-one regression or classification on synthetic sequences, trained with Adam or
with SGD and momentum; the ports use nn.GRU, nn.GRUCell or their own cell of nn.Linear layers.

The base programs (data from fresh171/make_data.py, fixed seed, nothing random while training):

    gru_reg_numpy.py:GRURegressor / gru_reg_torch.py:GRURegressor, reg.npz X (32, 6, 3),
        y (32,) float (a flat target vector)
        GRU in torch.nn.GRU's convention, 3 -> 12 units: gates stacked (r, z, n), Wx (in, 3H),
        Wh (H, 3H), two biases bx, bh; n = tanh(gx_n + r * (h Wh_n + bh_n));
        h = (1 - z) n + z h_prev; h_0 = 0; linear head on h_T (Wo (H, 1)) flattened to (N,);
        MSE (mean). Adam lr 0.01, betas (0.9, 0.999), eps 1e-8, bias-corrected. The port is
        nn.GRU(batch_first=True) + nn.Linear on out[:, -1], squeezed.
    gru_cls_numpy.py:GRUClassifier / gru_cls_torch.py:GRUClassifier, cls.npz X (48, 5, 4),
        y (48,) in {0, 1, 2}
        GRU in Cho et al.'s convention, 4 -> 10 units: z = sigmoid(x Wz + h Uz + bz),
        r = sigmoid(x Wr + h Ur + br), c = tanh(x Wc + (r * h) Uc + bc) (reset before Uc),
        h = (1 - z) h_prev + z c; h_0 = 0; logits = h_T V + b; softmax cross-entropy (mean).
        SGD lr 0.1, momentum 0.9 as torch.optim.SGD (v = mu v + g; p -= lr v). The port is its
        own cell of nn.Linear layers (x2z, h2z without bias, ...), unrolled over time.

Same format as cases.py; run with

    python3 scripts/diagnosis_held_out.py --cases fresh171_cases

Each case:
    id          short name (prefixed UO)
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

F = "scripts/diagnosis_sets/fresh171/"
RUN = ["--steps", "20", "--dtype", "float32", "--device", "cpu"]


def reg(numpy="gru_reg_numpy.py", port="gru_reg_torch.py"):
    return [F + numpy + ":GRURegressor", "--torch", F + port + ":GRURegressor",
            "--data", F + "reg.npz", "--as-written",
            "--param", "params['Wx']=gru.weight_ih_l0.T",
            "--param", "params['Wh']=gru.weight_hh_l0.T",
            "--param", "params['bx']=gru.bias_ih_l0",
            "--param", "params['bh']=gru.bias_hh_l0",
            "--param", "params['Wo']=head.weight.T",
            "--param", "params['bo']=head.bias", *RUN]


def reg_cell():
    return [F + "gru_reg_numpy.py:GRURegressor", "--torch", F + "gru_reg_cell_torch.py:GRUCellRegressor",
            "--data", F + "reg.npz", "--as-written",
            "--param", "params['Wx']=cell.weight_ih.T",
            "--param", "params['Wh']=cell.weight_hh.T",
            "--param", "params['bx']=cell.bias_ih",
            "--param", "params['bh']=cell.bias_hh",
            "--param", "params['Wo']=fc.weight.T",
            "--param", "params['bo']=fc.bias", *RUN]


def reg_alt():
    return [F + "gru_reg_alt_numpy.py:GRURegressorAlt", "--torch", F + "gru_reg_torch.py:GRURegressor",
            "--data", F + "reg.npz", "--as-written",
            "--param", "W_ih=gru.weight_ih_l0",
            "--param", "W_hh=gru.weight_hh_l0",
            "--param", "b_ih=gru.bias_ih_l0",
            "--param", "b_hh=gru.bias_hh_l0",
            "--param", "w_out=head.weight",
            "--param", "b_out=head.bias", *RUN]


def cls(numpy="gru_cls_numpy.py", port="gru_cls_torch.py"):
    pairs = []
    for g in ("z", "r", "c"):
        pairs += ["--param", f"params['W{g}']=x2{g}.weight.T",
                  "--param", f"params['U{g}']=h2{g}.weight.T",
                  "--param", f"params['b{g}']=x2{g}.bias"]
    return [F + numpy + ":GRUClassifier", "--torch", F + port + ":GRUClassifier",
            "--data", F + "cls.npz", "--as-written", *pairs,
            "--param", "params['V']=out.weight.T",
            "--param", "params['b']=out.bias", *RUN]


def cls_alt():
    pairs = []
    for g in ("z", "r", "c"):
        pairs += ["--param", f"W{g}=x2{g}.weight.T",
                  "--param", f"U{g}=h2{g}.weight.T",
                  "--param", f"b{g}=x2{g}.bias"]
    return [F + "gru_cls_alt_numpy.py:GRUClassifierAlt", "--torch", F + "gru_cls_torch.py:GRUClassifier",
            "--data", F + "cls.npz", "--as-written", *pairs,
            "--param", "V=out.weight.T",
            "--param", "b=out.bias", *RUN]


CASES = [
    # ---------------------------------------------------------------- PyTorch ports with one bug
    {"id": "UO01", "side": "port", "args": reg(port="01_batchfirst_port.py"),
     "mechanism": "nn.GRU built without batch_first=True while fed (N, T, features): the batch axis "
                  "is read as time and time as batch, and out[:, -1] still has shape (N, H)",
     "expected": ("batch_first", "batch first", "time axis", "transpose", "axis", "swapped")},
    {"id": "UO02", "side": "port", "args": reg(port="02_targetshape_port.py"),
     "mechanism": "prediction left (N, 1) (no squeeze) against a target y of shape (N,): F.mse_loss "
                  "broadcasts to an (N, N) matrix of every prediction against every target",
     "expected": ("broadcast", "shape", "squeeze", "(n, n)", "target")},
    {"id": "UO03", "side": "port", "args": reg(port="03_adambetas_port.py"),
     "mechanism": "torch.optim.Adam(betas=(0.9, 0.99)) where the NumPy Adam uses beta2 = 0.999: the "
                  "second moment and its bias correction differ",
     "expected": ("beta2", "betas", "second moment", "exp_avg_sq", "0.99")},
    {"id": "UO04", "side": "port", "args": reg(port="04_carriedstate_port.py"),
     "mechanism": "stateful port: the final hidden state h_n of one batch is kept (detached) and fed "
                  "as h0 of the next, where the NumPy GRU starts every sequence from h_0 = 0",
     "expected": ("hidden state", "h0", "carried", "reset", "initial state", "stateful")},
    {"id": "UO05", "side": "port", "args": cls(port="05_resetafter_port.py"),
     "mechanism": "candidate written as tanh(x2c(x) + r * h2c(h)) (nn.GRU's convention, reset after "
                  "the recurrent matmul) where the NumPy GRU applies it before: (r * h) Uc",
     "expected": ("reset", "candidate", "r * h", "reset gate", "convention")},
    {"id": "UO06", "side": "port", "args": cls(port="06_interp_port.py"),
     "mechanism": "interpolation reversed: h = z * h + (1 - z) * c (torch's convention) where the "
                  "NumPy GRU uses h = (1 - z) * h + z * c",
     "expected": ("update gate", "interpolation", "1 - z", "z", "swapped", "convention")},
    {"id": "UO07", "side": "port", "args": cls(port="07_detachstep_port.py"),
     "mechanism": "h.detach() on the state passed into every cell step: backpropagation truncated "
                  "to one time step, so no gradient flows through time",
     "expected": ("detach", "truncated", "through time", "bptt", "recurrent")},
    {"id": "UO08", "side": "port", "args": cls(port="08_nozerograd_port.py"),
     "mechanism": "optimizer.zero_grad() left out of train_step: gradients accumulate over steps "
                  "(correct at step 1, the sum of all previous gradients from step 2)",
     "expected": ("zero_grad", "accumulat", "accumulate", "summed over steps")},
    # ---------------------------------------------------------------- NumPy programs with one bug
    {"id": "UO09", "side": "numpy", "args": reg(numpy="09_nocarry_numpy.py"),
     "mechanism": "BPTT: the gradient into h_{t-1} starts from zero, the direct path dh * z of "
                  "h_t = (1 - z) n + z h_{t-1} left out (only the path through the gates' matmul kept)",
     "expected": ("missing term", "dh * z", "h_prev", "previous hidden", "through time", "bptt")},
    {"id": "UO10", "side": "numpy", "args": reg(numpy="10_biascorr_numpy.py"),
     "mechanism": "Adam bias correction off by one: 1 - beta ** (t + 1) after t has already been "
                  "incremented",
     "expected": ("bias correction", "bias-correct", "off by one", "off-by-one", "step count")},
    {"id": "UO11", "side": "numpy", "args": reg(numpy="11_epssqrt_numpy.py"),
     "mechanism": "Adam eps put inside the square root: sqrt(v_hat + eps) instead of sqrt(v_hat) + eps",
     "expected": ("eps", "epsilon", "sqrt", "square root")},
    {"id": "UO12", "side": "numpy", "args": reg(numpy="12_resetbias_numpy.py"),
     "mechanism": "reset-gate gradient taken as dn_pre * (h Wh_n), the recurrent bias bh_n left out "
                  "of the factor r multiplies (forward uses r * (h Wh_n + bh_n))",
     "expected": ("reset", "reset gate", "bias", "b_hn", "bh_n")},
    {"id": "UO13", "side": "numpy", "args": cls(numpy="13_xentsum_numpy.py"),
     "mechanism": "softmax cross-entropy gradient (probs - onehot) not divided by N while the loss "
                  "is the mean: every gradient N = 48 times too large",
     "expected": ("mean", "sum", "batch size", "reduction", "48")},
    {"id": "UO14", "side": "numpy", "args": cls(numpy="14_timeshift_numpy.py"),
     "mechanism": "off by one in time: the recurrent gate weights' gradients (Uz, Ur) use h_t "
                  "(hs[t + 1]) instead of h_{t-1} (hs[t])",
     "expected": ("off by one", "off-by-one", "time", "h_prev", "previous", "shift")},
    {"id": "UO15", "side": "numpy", "args": cls(numpy="15_updsign_numpy.py"),
     "mechanism": "update-gate gradient with the wrong sign: dz = dh * (h_prev - c) instead of "
                  "dh * (c - h_prev)",
     "expected": ("sign", "update gate", "negated", "z")},
    {"id": "UO16", "side": "numpy", "args": cls(numpy="16_uctranspose_numpy.py"),
     "mechanism": "gradient into r * h taken as dc_pre @ Uc instead of dc_pre @ Uc.T (square matrix, "
                  "the transpose left out)",
     "expected": ("transpose", ".t", "uc", "layout")},
    # ---------------------------------------------------------------- correct variants
    {"id": "UO17", "side": "correct", "args": reg_cell(),
     "mechanism": "correct: port with nn.GRUCell unrolled over X.unbind(1), MSE written as "
                  "(err * err).mean(), zero_grad(set_to_none=True)",
     "expected": ()},
    {"id": "UO18", "side": "correct", "args": cls_alt(),
     "mechanism": "correct: NumPy classifier with weights as attributes, einsum products, sigmoid "
                  "via logaddexp, one-hot cross-entropy gradient, momentum buffers updated in place",
     "expected": ()},
    {"id": "UO19", "side": "correct", "args": reg_alt(),
     "mechanism": "correct: NumPy regressor with weights in torch's (3H, in) layout, np.split gates, "
                  "sigmoid via tanh, h = n + z (h - n), Adam in torch's form (lr / bc1, "
                  "sqrt(v) / sqrt(bc2) + eps) in place",
     "expected": ()},
]
