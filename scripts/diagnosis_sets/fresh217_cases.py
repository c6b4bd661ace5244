"""Two hundred and seventeenth fresh held-out set for the diagnosis: one planted bug per program in
fresh217/, 8 PyTorch ports (checked against the correct NumPy program) and 8 NumPy programs
(checked against the correct port), and 3 correct variants. The theme is highway networks and
gated residual MLPs: a transform gate T(x) = sigmoid(x Wt + bt) and a carry 1 - T(x) mixing a
transform H(x) with the layer's input x, the gate bias started negative (mostly carry at the
start), two or three such layers stacked before a classifier or a regressor.

The base programs (data from fresh217/make_data.py, fixed seed, nothing random while training):

    hwy_numpy.py:HighwayNet / hwy_torch.py:HighwayNet, hwy.npz X (48, 8), y (48,) in {0, 1, 2}
        a0 = tanh(X W0 + b0) (8 -> 16); two highway layers H = relu(x Wh + bh),
        T = sigmoid(x Wt + bt) with bt started near -2, x <- H T + x (1 - T); logits = x Wc + bc
        (16 -> 3); softmax cross-entropy, mean over the batch. Weights kept (in, out) in
        net.params (gradients in net.grads). Adam lr 0.01, betas (0.9, 0.999), eps 1e-8,
        bias-corrected, as torch.optim.Adam.
    grn_numpy.py:GatedResidualRegressor / grn_torch.py:GatedResidualRegressor, grn.npz
        X (40, 5), y (40, 1)
        x = X W_in^T + b_in (5 -> 10, linear); three gated residual blocks h = tanh(x Wh^T + bh),
        g = sigmoid(x Wg^T + bg) with bg started at -1.5, x <- x + g (h - x); pred = x W_out^T +
        b_out; loss 0.5 * mean squared error. Weights kept (out, in) as attributes and a list of
        block dicts. SGD lr 0.05, heavy-ball momentum 0.9, weight decay 1e-3 on the weight
        matrices only, coupled into the gradient (torch: two parameter groups).

Same format as cases.py; run with

    python3 scripts/diagnosis_held_out.py --cases fresh217_cases

Each case:
    id          short name (prefixed WI)
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

F = "scripts/diagnosis_sets/fresh217/"
RUN = ["--steps", "20", "--dtype", "float32", "--device", "cpu"]


def hwy(numpy="hwy_numpy.py", port="hwy_torch.py"):
    args = [F + numpy + ":HighwayNet", "--torch", F + port + ":HighwayNet",
            "--data", F + "hwy.npz", "--as-written",
            "--param", "params['W0']=inp.weight.T",
            "--param", "params['b0']=inp.bias"]
    for l in (1, 2):
        args += ["--param", f"params['Wh{l}']=layers.{l - 1}.H.weight.T",
                 "--param", f"params['bh{l}']=layers.{l - 1}.H.bias",
                 "--param", f"params['Wt{l}']=layers.{l - 1}.T.weight.T",
                 "--param", f"params['bt{l}']=layers.{l - 1}.T.bias"]
    return args + ["--param", "params['Wc']=out.weight.T",
                   "--param", "params['bc']=out.bias", *RUN]


def hwy_alt_numpy():
    args = [F + "hwy_alt_numpy.py:HighwayNetAlt", "--torch", F + "hwy_torch.py:HighwayNet",
            "--data", F + "hwy.npz", "--as-written",
            "--param", "W0=inp.weight",
            "--param", "b0=inp.bias"]
    for i in (0, 1):
        args += ["--param", f"Wh[{i}]=layers.{i}.H.weight",
                 "--param", f"bh[{i}]=layers.{i}.H.bias",
                 "--param", f"Wt[{i}]=layers.{i}.T.weight",
                 "--param", f"bt[{i}]=layers.{i}.T.bias"]
    return args + ["--param", "Wc=out.weight", "--param", "bc=out.bias", *RUN]


def hwy_alt_torch():
    args = [F + "hwy_numpy.py:HighwayNet", "--torch", F + "hwy_alt_torch.py:HighwayPort",
            "--data", F + "hwy.npz", "--as-written"]
    for name in ("W0", "b0", "Wh1", "bh1", "Wt1", "bt1", "Wh2", "bh2", "Wt2", "bt2", "Wc", "bc"):
        args += ["--param", f"params['{name}']={name}"]
    return args + RUN


def grn(numpy="grn_numpy.py", port="grn_torch.py"):
    args = [F + numpy + ":GatedResidualRegressor", "--torch", F + port + ":GatedResidualRegressor",
            "--data", F + "grn.npz", "--as-written",
            "--param", "W_in=proj.weight",
            "--param", "b_in=proj.bias"]
    for i in (0, 1, 2):
        args += ["--param", f"blocks[{i}]['Wh']=blocks.{i}.h.weight",
                 "--param", f"blocks[{i}]['bh']=blocks.{i}.h.bias",
                 "--param", f"blocks[{i}]['Wg']=blocks.{i}.gate.weight",
                 "--param", f"blocks[{i}]['bg']=blocks.{i}.gate.bias"]
    return args + ["--param", "W_out=head.weight", "--param", "b_out=head.bias", *RUN]


def grn_alt_numpy():
    args = [F + "grn_alt_numpy.py:GatedResidualAlt", "--torch",
            F + "grn_torch.py:GatedResidualRegressor",
            "--data", F + "grn.npz", "--as-written",
            "--param", "proj.W=proj.weight.T",
            "--param", "proj.b=proj.bias"]
    for i in (0, 1, 2):
        args += ["--param", f"layers[{i}].cand.W=blocks.{i}.h.weight.T",
                 "--param", f"layers[{i}].cand.b=blocks.{i}.h.bias",
                 "--param", f"layers[{i}].gate.W=blocks.{i}.gate.weight.T",
                 "--param", f"layers[{i}].gate.b=blocks.{i}.gate.bias"]
    return args + ["--param", "head.W=head.weight.T", "--param", "head.b=head.bias", *RUN]


CASES = [
    # ---------------------------------------------------------------- PyTorch ports with one bug
    {"id": "WI01", "side": "port", "args": hwy(port="01_carryswap_port.py"),
     "mechanism": "transform and carry gates swapped in the highway layer: h * (1 - t) + x * t "
                  "instead of h * t + x * (1 - t)",
     "expected": ("carry", "swap", "transform gate", "1 - t", "gate")},
    {"id": "WI02", "side": "port", "args": hwy(port="02_carrydetach_port.py"),
     "mechanism": "carry path detached: h * t + x.detach() * (1 - t), so no gradient flows back "
                  "through the carry 1 - T into the layer input (earlier layers get too little)",
     "expected": ("detach", "carry", "stop gradient", "stop-gradient", "no gradient")},
    {"id": "WI03", "side": "port", "args": hwy(port="03_adambetas_port.py"),
     "mechanism": "torch.optim.Adam(betas=(0.9, 0.99)) where the NumPy Adam uses beta2 = 0.999: "
                  "the second moment and its bias correction differ",
     "expected": ("beta2", "betas", "0.99", "second moment", "exp_avg_sq")},
    {"id": "WI04", "side": "port", "args": hwy(port="04_labelsmooth_port.py"),
     "mechanism": "F.cross_entropy(..., label_smoothing=0.1) where the NumPy loss is plain "
                  "cross-entropy against one-hot targets",
     "expected": ("label smoothing", "label_smoothing", "smoothing", "smoothed", "soft target")},
    {"id": "WI05", "side": "port", "args": grn(port="05_halfmse_port.py"),
     "mechanism": "loss F.mse_loss without the 0.5 factor of the NumPy 0.5 * mean((pred - y)^2): "
                  "every gradient twice as large",
     "expected": ("0.5", "half", "factor 2", "twice", "constant")},
    {"id": "WI06", "side": "port", "args": grn(port="06_decayall_port.py"),
     "mechanism": "SGD(model.parameters(), weight_decay=1e-3): the biases (gate biases included) "
                  "are decayed too, where the NumPy program decays only the weight matrices",
     "expected": ("weight decay", "weight_decay", "bias", "param group", "decay")},
    {"id": "WI07", "side": "port", "args": grn(port="07_nozerograd_port.py"),
     "mechanism": "optimizer.zero_grad() left out of train_step: .grad accumulates over steps",
     "expected": ("zero_grad", "accumulat", "not reset", "summed over steps", "stale")},
    {"id": "WI08", "side": "port", "args": grn(port="08_skiplast_port.py"),
     "mechanism": "forward loops over self.blocks[:-1]: the last gated block is skipped (off by "
                  "one), its parameters get no gradient and are never updated",
     "expected": ("last block", "skipped", "no gradient", "off-by-one", "off by one")},
    # ---------------------------------------------------------------- NumPy programs with one bug
    {"id": "WI09", "side": "numpy", "args": hwy(numpy="09_gatederiv_numpy.py"),
     "mechanism": "transform-gate backward dzt = dT * T: the sigmoid derivative T (1 - T) lost "
                  "its (1 - T) factor (Wt, bt gradients and everything below)",
     "expected": ("sigmoid", "derivative", "1 - t", "gate", "activation-derivative")},
    {"id": "WI10", "side": "numpy", "args": hwy(numpy="10_gatepath_numpy.py"),
     "mechanism": "input gradient of a highway layer leaves out the gate path dzt @ Wt^T "
                  "(only the carry and H paths reach x): a missing term in the backward",
     "expected": ("gate", "missing term", "path", "input gradient", "wt")},
    {"id": "WI11", "side": "numpy", "args": hwy(numpy="11_adameps_numpy.py"),
     "mechanism": "Adam step divides by sqrt(v_hat + eps) instead of sqrt(v_hat) + eps "
                  "(eps inside the square root)",
     "expected": ("eps", "epsilon", "sqrt", "square root", "inside")},
    {"id": "WI12", "side": "numpy", "args": hwy(numpy="12_softmaxaxis_numpy.py"),
     "mechanism": "softmax in the training step normalised over axis 0 (the batch) instead of "
                  "axis 1 (the classes); loss and gradient computed from it",
     "expected": ("softmax", "axis", "batch", "normalis", "normaliz")},
    {"id": "WI13", "side": "numpy", "args": grn(numpy="13_gatesign_numpy.py"),
     "mechanism": "gate gradient with the wrong sign: dg = dx * (x - h) instead of dx * (h - x) "
                  "for x + g (h - x)",
     "expected": ("sign", "negat", "gate", "h - x", "opposite")},
    {"id": "WI14", "side": "numpy", "args": grn(numpy="14_wgradT_numpy.py"),
     "mechanism": "candidate weight gradient x^T @ dzh for Wh kept (out, in): the square "
                  "10 x 10 gradient transposed (should be dzh^T @ x); Wg is right",
     "expected": ("transpose", "layout", "wh", "square", "(out, in)")},
    {"id": "WI15", "side": "numpy", "args": grn(numpy="15_decayvel_numpy.py"),
     "mechanism": "weight decay added to the step (p -= lr (v + wd p)) instead of into the "
                  "gradient before the momentum buffer: the decay never enters the velocity",
     "expected": ("weight decay", "velocity", "momentum", "buffer", "decoupled")},
    {"id": "WI16", "side": "numpy", "args": grn(numpy="16_cacheshift_numpy.py"),
     "mechanism": "forward caches each block's input after the residual update (the block's "
                  "output): the backward uses the wrong x for the weight and gate gradients",
     "expected": ("cache", "block input", "output", "off-by-one", "wrong input")},
    # ---------------------------------------------------------------- correct variants
    {"id": "WI17", "side": "correct", "args": hwy_alt_numpy(),
     "mechanism": "correct: NumPy highway net with weights (out, in) in lists, einsum products, "
                  "x + T (H - x), sigmoid via tanh, torch-arranged Adam with in-place moments",
     "expected": ()},
    {"id": "WI18", "side": "correct", "args": hwy_alt_torch(),
     "mechanism": "correct: port with bare nn.Parameters kept (in, out), torch.lerp(x, H, T) for "
                  "the mix, log_softmax + nll_loss",
     "expected": ()},
    {"id": "WI19", "side": "correct", "args": grn_alt_numpy(),
     "mechanism": "correct: NumPy gated regressor as Dense/GatedLayer objects with (in, out) "
                  "weights and their own momentum buffers, decay folded into the velocity",
     "expected": ()},
]
