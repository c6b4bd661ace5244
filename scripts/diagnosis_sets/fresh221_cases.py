"""Two hundred and twenty-first fresh held-out set for the diagnosis: one planted bug per program
in fresh221/, 8 PyTorch ports (checked against the correct NumPy program) and 8 NumPy programs
(checked against the correct port), and 3 correct variants. The theme is self-supervised
two-view losses written by hand: Barlow Twins (batch-standardised embeddings, a
cross-correlation matrix, on-diagonal and off-diagonal terms weighted by lambda) and VICReg
(variance hinge on the per-dimension std with an epsilon, invariance MSE, covariance
off-diagonal penalty). The two augmented views are given in the data; y is a dummy (zeros).

The base programs (data from fresh221/make_data.py, fixed seed, nothing random while training):

    bt_numpy.py:BarlowTwins / bt_torch.py:BarlowTwins, bt.npz X (32, 2, 10) (view a = X[:, 0],
        view b = X[:, 1]), y (32,) zeros
        shared network per view: dense 10->24 ReLU, dense 24->16 ReLU, projector 16->12 without
        bias (NumPy: params dict, W kept (in, out)); each view standardised per dimension over
        the batch (mean, biased variance, eps 1e-5 inside the sqrt); C = zn_a^T zn_b / N;
        loss = sum (1 - C_ii)^2 + 0.05 sum_{i != j} C_ij^2. SGD lr 0.05, momentum 0.9
        (v = mu v + g; p -= lr v), as torch.optim.SGD.
    vic_numpy.py:VICReg / vic_torch.py:VICReg, vic.npz X (48, 16) (view a = X[:, :8], view b =
        X[:, 8:]), y (48,) zeros
        shared network per view: dense 8->32 tanh, dense 32->32 tanh, expander 32->16 without
        bias (NumPy: attributes W1, b1, ..., torch layout (out, in)); loss = 25 mean((za - zb)^2)
        + 25 [mean(relu(1 - std_a)) + mean(relu(1 - std_b))] / 2 + 1 [sum off-diag Cov(za)^2 / D
        + sum off-diag Cov(zb)^2 / D], std = sqrt(unbiased var + 1e-4), Cov with N - 1, D = 16.
        Adam lr 2e-3, betas (0.9, 0.999), eps 1e-8, bias-corrected, as torch.optim.Adam.

Same format as cases.py; run with

    python3 scripts/diagnosis_held_out.py --cases fresh221_cases

Each case:
    id          short name (prefixed WM)
    side        "port", "numpy" or "correct"
    args        the `parity check` argument list (paths relative to the repository root); every
                case gives --as-written, its --param pairs, --steps 20, --dtype float32, --device cpu
    mechanism   the planted mechanism, one or two lines
    expected    keywords (case-insensitive) that an explanation naming the mechanism would contain;
                written from the mechanism, before any run, not from the kit's output; () for a correct program

Written without reading the kit's diagnosis rules, findings or measurements, nor any other set;
validated by exit status alone (each bug exits 1 and its fixed copy exits 0 under the same
arguments; each base pair and each correct variant exits 0).
"""

F = "scripts/diagnosis_sets/fresh221/"
RUN = ["--steps", "20", "--dtype", "float32", "--device", "cpu"]


def bt(numpy="bt_numpy.py", port="bt_torch.py"):
    return [F + numpy + ":BarlowTwins", "--torch", F + port + ":BarlowTwins",
            "--data", F + "bt.npz", "--as-written",
            "--param", "params['W1']=enc1.weight.T",
            "--param", "params['b1']=enc1.bias",
            "--param", "params['W2']=enc2.weight.T",
            "--param", "params['b2']=enc2.bias",
            "--param", "params['W3']=proj.weight.T", *RUN]


def bt_alt_numpy():
    return [F + "bt_alt_numpy.py:BarlowTwinsAlt", "--torch", F + "bt_torch.py:BarlowTwins",
            "--data", F + "bt.npz", "--as-written",
            "--param", "params['W1']=enc1.weight",
            "--param", "params['b1']=enc1.bias",
            "--param", "params['W2']=enc2.weight",
            "--param", "params['b2']=enc2.bias",
            "--param", "params['W3']=proj.weight", *RUN]


def bt_alt_torch():
    return [F + "bt_numpy.py:BarlowTwins", "--torch", F + "bt_alt_torch.py:BarlowTwinsBN",
            "--data", F + "bt.npz", "--as-written",
            "--param", "params['W1']=backbone.0.weight.T",
            "--param", "params['b1']=backbone.0.bias",
            "--param", "params['W2']=backbone.2.weight.T",
            "--param", "params['b2']=backbone.2.bias",
            "--param", "params['W3']=projector.weight.T", *RUN]


def vic(numpy="vic_numpy.py", port="vic_torch.py"):
    return [F + numpy + ":VICReg", "--torch", F + port + ":VICReg",
            "--data", F + "vic.npz", "--as-written",
            "--param", "W1=enc1.weight",
            "--param", "b1=enc1.bias",
            "--param", "W2=enc2.weight",
            "--param", "b2=enc2.bias",
            "--param", "W3=expander.weight", *RUN]


def vic_alt_torch():
    return [F + "vic_numpy.py:VICReg", "--torch", F + "vic_alt_torch.py:VICRegSeq",
            "--data", F + "vic.npz", "--as-written",
            "--param", "W1=net.0.weight",
            "--param", "b1=net.0.bias",
            "--param", "W2=net.2.weight",
            "--param", "b2=net.2.bias",
            "--param", "W3=net.4.weight", *RUN]


CASES = [
    # ---------------------------------------------------------------- PyTorch ports with one bug
    {"id": "WM01", "side": "port", "args": bt(port="01_unbiasedstd_port.py"),
     "mechanism": "embeddings standardised with z.std(dim=0): the unbiased std (N - 1) and no eps, "
                  "where the NumPy program divides by sqrt(biased var + 1e-5)",
     "expected": ("unbiased", "std", "bessel", "n - 1", "eps")},
    {"id": "WM02", "side": "port", "args": bt(port="02_offdiagfull_port.py"),
     "mechanism": "off-diagonal term taken as c.pow(2).sum() without subtracting the diagonal: "
                  "lambda * C_ii^2 added to the loss for every i",
     "expected": ("off-diagonal", "diagonal", "lambda", "extra term", "redundancy")},
    {"id": "WM03", "side": "port", "args": bt(port="03_stopgrad_port.py"),
     "mechanism": "second view's embedding computed under torch.no_grad() (a SimSiam/BYOL "
                  "stop-gradient): no gradient flows through view b, Barlow Twins is symmetric",
     "expected": ("no_grad", "detach", "stop-gradient", "stop gradient", "view")},
    {"id": "WM04", "side": "port", "args": bt(port="04_normdim_port.py"),
     "mechanism": "standardisation over dim=-1 (each sample across its 12 features, keepdim) "
                  "instead of over the batch (dim=0) per feature",
     "expected": ("dim", "axis", "batch", "feature", "standardis")},
    {"id": "WM05", "side": "port", "args": vic(port="05_biasedvar_port.py"),
     "mechanism": "variance hinge std from z.var(dim=0, unbiased=False) (divide by N) where the "
                  "NumPy program uses the unbiased variance (N - 1)",
     "expected": ("unbiased", "biased", "variance", "bessel", "n - 1")},
    {"id": "WM06", "side": "port", "args": vic(port="06_covmean_port.py"),
     "mechanism": "covariance penalty reduced with .mean() over the whole D x D off-diagonal "
                  "matrix (divide by D^2 = 256) instead of .sum() / D",
     "expected": ("mean", "sum", "reduction", "covariance", "scale")},
    {"id": "WM07", "side": "port", "args": vic(port="07_covcenter_port.py"),
     "mechanism": "embeddings never centred: the covariance is z^T z / (N - 1) of the raw "
                  "embeddings (the std still right since var() centres itself)",
     "expected": ("center", "centre", "mean", "covariance", "uncentered")},
    {"id": "WM08", "side": "port", "args": vic(port="08_nozerograd_port.py"),
     "mechanism": "optimizer.zero_grad() missing from train_step: gradients accumulate across "
                  "steps in .grad (Adam sees the running sum)",
     "expected": ("zero_grad", "accumulat", "stale", "previous step")},
    # ---------------------------------------------------------------- NumPy programs with one bug
    {"id": "WM09", "side": "numpy", "args": bt(numpy="09_stdconst_numpy.py"),
     "mechanism": "standardisation backward drops the variance path (- zn * mean(dzn * zn)): "
                  "the batch std treated as a constant, only the mean path kept",
     "expected": ("variance", "std", "standardis", "normalis", "missing term")},
    {"id": "WM10", "side": "numpy", "args": bt(numpy="10_dctranspose_numpy.py"),
     "mechanism": "gradient into view a's standardised embedding as zn_b @ dC / N instead of "
                  "zn_b @ dC.T / N: the cross-correlation gradient not transposed",
     "expected": ("transpose", "dc.t", "cross-correlation", "layout")},
    {"id": "WM11", "side": "numpy", "args": bt(numpy="11_emamomentum_numpy.py"),
     "mechanism": "momentum as an exponential average v = mu v + (1 - mu) g (dampening 0.9) "
                  "where torch.optim.SGD accumulates v = mu v + g",
     "expected": ("momentum", "dampening", "1 - mu", "velocity", "ema")},
    {"id": "WM12", "side": "numpy", "args": bt(numpy="12_offdiaggrad_numpy.py"),
     "mechanism": "derivative of the off-diagonal term taken as lam * C instead of 2 lam C "
                  "(the factor 2 of the square dropped); the on-diagonal part is right",
     "expected": ("off-diagonal", "factor 2", "factor of 2", "lambda", "derivative")},
    {"id": "WM13", "side": "numpy", "args": vic(numpy="13_stdgradN_numpy.py"),
     "mechanism": "variance-hinge backward divides by N (d std / d z = zc / (N std)) while the "
                  "forward std uses the unbiased variance (N - 1)",
     "expected": ("n - 1", "unbiased", "bessel", "variance", "std")},
    {"id": "WM14", "side": "numpy", "args": vic(numpy="14_covdiag_numpy.py"),
     "mechanism": "covariance-penalty gradient built from the full covariance matrix (2 Cov / D), "
                  "its diagonal not masked out as it is in the loss",
     "expected": ("diagonal", "mask", "covariance", "off-diagonal")},
    {"id": "WM15", "side": "numpy", "args": vic(numpy="15_invsign_numpy.py"),
     "mechanism": "invariance (MSE) gradient given to view b with the sign of view a's: "
                  "+2 (za - zb) / (N D) instead of -2 (za - zb) / (N D)",
     "expected": ("sign", "invariance", "mse", "negat")},
    {"id": "WM16", "side": "numpy", "args": vic(numpy="16_adameps_numpy.py"),
     "mechanism": "Adam eps placed inside the square root: m_hat / sqrt(v_hat + eps) instead of "
                  "m_hat / (sqrt(v_hat) + eps)",
     "expected": ("eps", "epsilon", "sqrt", "denominator", "adam")},
    # ---------------------------------------------------------------- correct variants
    {"id": "WM17", "side": "correct", "args": bt_alt_numpy(),
     "mechanism": "correct: NumPy Barlow Twins with weights (out, in), einsum products, the loss "
                  "as sum w (C - I)^2, the standardisation backward through dvar/dmean, in-place momentum",
     "expected": ()},
    {"id": "WM18", "side": "correct", "args": vic_alt_torch(),
     "mechanism": "correct: VICReg port as one nn.Sequential on both views concatenated into one "
                  "batch, torch.cov, off-diagonal by a ~eye mask",
     "expected": ()},
    {"id": "WM19", "side": "correct", "args": bt_alt_torch(),
     "mechanism": "correct: Barlow Twins port in the reference style: BatchNorm1d(affine=False) "
                  "standardisation, c.div_ in place, diagonal add_(-1).pow_(2), flatten-trick off-diagonal",
     "expected": ()},
]
