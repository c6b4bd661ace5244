"""Two hundred and eighteenth fresh held-out set for the diagnosis: one planted bug per program in
fresh218/, 8 PyTorch ports (checked against the correct NumPy program) and 8 NumPy programs
(checked against the correct port), and 3 correct variants. The theme is matching feature
statistics between two batches as a penalty beside a supervised loss: an RBF-kernel maximum
mean discrepancy (domain adaptation), a Gram-matrix style loss, and mean and variance matching.
Every batch is two batches stacked on the first axis: the first half carries the labels, the
second half is the batch whose feature statistics are matched (its labels are never used).

The base programs (data from fresh218/make_data.py, fixed seed, nothing random while training):

    mmd_numpy.py:MMDNet / mmd_torch.py:MMDNet, mmd.npz X (48, 6) (24 source rows, 24 shifted
        target rows), y (48,) in {0, 1, 2}
        h = tanh(X W1 + b1) (16 features, W1 kept (in, out)); a linear classifier 16->3 on the
        source rows with softmax cross-entropy (mean); penalty lam * biased MMD^2 between source
        and target features, kernel k = sum over sigma^2 in (1, 4) of exp(-|a-b|^2 / (2 sigma^2)),
        mmd2 = mean Kss + mean Ktt - 2 mean Kst, lam = 1, gradients through both halves.
        Adam lr 0.01, betas (0.9, 0.999), eps 1e-8, bias-corrected, as torch.optim.Adam.
    gram_numpy.py:StyleNet / gram_torch.py:StyleNet, gram.npz X (32, 8, 3) (16 content
        sequences, 16 style sequences), y (32, 2) float regression targets
        width-2 valid convolution over time 3->8 channels with bias (NumPy: two taps as matmuls,
        K kept (tap, in, out); torch Conv1d), ReLU; a linear head 8->2 on the time-averaged
        content features, MSE (mean over rows and outputs); style penalty 2 * mean over content
        sequences and entries of (G_b - G_style)^2, G_b = F_b^T F_b / T (channels x channels),
        G_style the mean Gram matrix of the style half, held constant (detached).
        SGD lr 0.02, momentum 0.9 (v = mu v + g; p -= lr v), as torch.optim.SGD.
    moment_numpy.py:MomentNet / moment_torch.py:MomentNet, moment.npz X (40, 5) (20 source, 20
        target rows), y (40, 1) in {0, 1}
        relu 5->16, tanh 16->8 features, a logit 8->1 on the source rows with binary
        cross-entropy on the logit (mean); penalty sum_j (mean_s - mean_t)^2 + sum_j
        (var_s - var_t)^2 over the 8 features, biased variance, lam = 1. Weights kept (in, out)
        as attributes W1..W3, b1..b3. AdamW lr 0.01, weight decay 0.01 decoupled, as
        torch.optim.AdamW.

Same format as cases.py; run with

    python3 scripts/diagnosis_held_out.py --cases fresh218_cases

Each case:
    id          short name (prefixed WJ)
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

F = "scripts/diagnosis_sets/fresh218/"
RUN = ["--steps", "20", "--dtype", "float32", "--device", "cpu"]


def mmd(numpy="mmd_numpy.py", port="mmd_torch.py"):
    return [F + numpy + ":MMDNet", "--torch", F + port + ":MMDNet",
            "--data", F + "mmd.npz", "--as-written",
            "--param", "params['W1']=features.weight.T",
            "--param", "params['b1']=features.bias",
            "--param", "params['W2']=classifier.weight.T",
            "--param", "params['b2']=classifier.bias", *RUN]


def gram(numpy="gram_numpy.py", port="gram_torch.py"):
    return [F + numpy + ":StyleNet", "--torch", F + port + ":StyleNet",
            "--data", F + "gram.npz", "--as-written",
            "--param", "params['K']=conv.weight.permute(2,1,0)",
            "--param", "params['bK']=conv.bias",
            "--param", "params['W']=head.weight.T",
            "--param", "params['b']=head.bias", *RUN]


def gram_alt():
    return [F + "gram_numpy.py:StyleNet", "--torch", F + "gram_alt_torch.py:StyleNet",
            "--data", F + "gram.npz", "--as-written",
            "--param", "params['K']=kernel",
            "--param", "params['bK']=kernel_bias",
            "--param", "params['W']=head.weight.T",
            "--param", "params['b']=head.bias", *RUN]


def moment(numpy="moment_numpy.py", port="moment_torch.py"):
    return [F + numpy + ":MomentNet", "--torch", F + port + ":MomentNet",
            "--data", F + "moment.npz", "--as-written",
            "--param", "W1=fc1.weight.T",
            "--param", "b1=fc1.bias",
            "--param", "W2=fc2.weight.T",
            "--param", "b2=fc2.bias",
            "--param", "W3=out.weight.T",
            "--param", "b3=out.bias", *RUN]


def moment_alt():
    return [F + "moment_alt_numpy.py:MomentNet", "--torch", F + "moment_torch.py:MomentNet",
            "--data", F + "moment.npz", "--as-written",
            "--param", "layers[0]['W']=fc1.weight",
            "--param", "layers[0]['b']=fc1.bias",
            "--param", "layers[1]['W']=fc2.weight",
            "--param", "layers[1]['b']=fc2.bias",
            "--param", "layers[2]['W']=out.weight",
            "--param", "layers[2]['b']=out.bias", *RUN]


CASES = [
    # ---------------------------------------------------------------- PyTorch ports with one bug
    {"id": "WJ01", "side": "port", "args": mmd(port="01_rbfbandwidth_port.py"),
     "mechanism": "RBF kernel written exp(-d2 / sigma^2) where the NumPy program uses "
                  "exp(-d2 / (2 sigma^2)): the factor 2 of the bandwidth left out, every kernel narrower",
     "expected": ("bandwidth", "sigma", "kernel", "rbf", "gamma", "factor 2")},
    {"id": "WJ02", "side": "port", "args": mmd(port="02_crossterm_port.py"),
     "mechanism": "MMD^2 cross term subtracted once (mean Kss + mean Ktt - mean Kst) instead of "
                  "twice (- 2 mean Kst)",
     "expected": ("cross", "mmd", "factor 2", "coefficient", "kst")},
    {"id": "WJ03", "side": "port", "args": mmd(port="03_targetlabels_port.py"),
     "mechanism": "cross-entropy taken over the whole stacked batch, target rows and their labels "
                  "included, instead of the source half only",
     "expected": ("mask", "target", "source", "labels", "rows", "half")},
    {"id": "WJ04", "side": "port", "args": gram(port="04_nodetach_port.py"),
     "mechanism": "style target Gram matrix (mean Gram of the style half) not detached: the style "
                  "penalty's gradient also flows through the style batch's features",
     "expected": ("detach", "no_grad", "constant", "target", "stop-gradient", "style")},
    {"id": "WJ05", "side": "port", "args": gram(port="05_gramnorm_port.py"),
     "mechanism": "Gram matrix normalised by channels * time steps (C * T) instead of by the number "
                  "of time steps T only",
     "expected": ("gram", "normalis", "normaliz", "divide", "scale", "factor")},
    {"id": "WJ06", "side": "port", "args": gram(port="06_gramaxes_port.py"),
     "mechanism": "Gram matrix built as bmm(feat^T, feat) on (B, C, T) features: a (T, T) matrix "
                  "over time steps instead of the (C, C) channel Gram matrix (wrong transpose)",
     "expected": ("transpose", "gram", "axis", "axes", "channel")},
    {"id": "WJ07", "side": "port", "args": moment(port="07_unbiasedvar_port.py"),
     "mechanism": "feature variance taken with tensor.var(0) (unbiased, divides by n - 1, the torch "
                  "default) where the NumPy penalty uses the biased np.var",
     "expected": ("unbiased", "biased", "bessel", "n - 1", "var", "ddof")},
    {"id": "WJ08", "side": "port", "args": moment(port="08_adaml2_port.py"),
     "mechanism": "torch.optim.Adam(weight_decay=0.01), an L2 term coupled into the gradient, where "
                  "the NumPy program applies AdamW's decoupled weight decay",
     "expected": ("weight decay", "decoupled", "adamw", "l2", "coupled")},
    # ---------------------------------------------------------------- NumPy programs with one bug
    {"id": "WJ09", "side": "numpy", "args": mmd(numpy="09_selfkernel_numpy.py"),
     "mechanism": "the within-set kernels k(hs, hs) and k(ht, ht) back-propagated through one "
                  "argument only: their MMD gradient half of what it should be",
     "expected": ("kernel", "mmd", "half", "both arguments", "factor 2", "missing")},
    {"id": "WJ10", "side": "numpy", "args": mmd(numpy="10_kernelsign_numpy.py"),
     "mechanism": "derivative of the RBF kernel with respect to the squared distance taken with "
                  "the wrong sign (+k / (2 sigma^2)): the MMD gradient reversed",
     "expected": ("sign", "kernel", "rbf", "derivative", "reversed")},
    {"id": "WJ11", "side": "numpy", "args": mmd(numpy="11_epsplace_numpy.py"),
     "mechanism": "Adam epsilon inside the square root: m_hat / sqrt(v_hat + eps) instead of "
                  "m_hat / (sqrt(v_hat) + eps)",
     "expected": ("eps", "epsilon", "sqrt", "square root")},
    {"id": "WJ12", "side": "numpy", "args": gram(numpy="12_gramgrad_numpy.py"),
     "mechanism": "Gram-matrix backward dF = F dG / T without the factor 2 from G = F^T F / T "
                  "(both factors depend on F): the style gradient halved",
     "expected": ("gram", "factor 2", "half", "style", "derivative")},
    {"id": "WJ13", "side": "numpy", "args": gram(numpy="13_tapgrad_numpy.py"),
     "mechanism": "convolution kernel gradient of the second tap computed with X[:, :-1] (the first "
                  "tap's inputs) instead of X[:, 1:]: an off-by-one in time",
     "expected": ("off-by-one", "shift", "tap", "time", "kernel", "conv")},
    {"id": "WJ14", "side": "numpy", "args": gram(numpy="14_msereduce_numpy.py"),
     "mechanism": "MSE gradient divided by the number of rows instead of the number of elements "
                  "(rows * 2 outputs): the supervised gradient twice too large",
     "expected": ("mse", "mean", "reduction", "elements", "outputs", "factor 2")},
    {"id": "WJ15", "side": "numpy", "args": moment(numpy="15_varcenter_numpy.py"),
     "mechanism": "variance gradient written 2 h / n instead of 2 (h - mean) / n: the features not "
                  "centred in the backward of the variance-matching term",
     "expected": ("variance", "mean", "center", "centre", "derivative")},
    {"id": "WJ16", "side": "numpy", "args": moment(numpy="16_decaylr_numpy.py"),
     "mechanism": "decoupled weight decay applied as p -= wd * p, without the learning rate "
                  "(AdamW shrinks by lr * wd)",
     "expected": ("weight decay", "decay", "learning rate", "lr", "decoupled")},
    # ---------------------------------------------------------------- correct variants
    {"id": "WJ17", "side": "correct", "args": mmd(numpy="mmd_alt_numpy.py"),
     "mechanism": "correct: MMD^2 as one weighted sum over the stacked features with its gradient "
                  "in one matrix product, einsum matmuls, one-hot softmax gradient, Adam in place",
     "expected": ()},
    {"id": "WJ18", "side": "correct", "args": gram_alt(),
     "mechanism": "correct: port with a hand-written two-tap convolution (own kernel parameter kept "
                  "(tap, in, out)), einsum Gram matrices, style target under torch.no_grad()",
     "expected": ()},
    {"id": "WJ19", "side": "correct", "args": moment_alt(),
     "mechanism": "correct: NumPy program with a list of layer dicts, weights kept (out, in), "
                  "variance as E[h^2] - E[h]^2, weight decay folded as p *= 1 - lr wd",
     "expected": ()},
]
