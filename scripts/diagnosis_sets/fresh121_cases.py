"""Hundred-and-twenty-first fresh held-out set of diagnosis cases: one planted bug per program in
fresh121/, each a copy of its base program with one small change as people make when writing or
porting this kind of network. The theme is radial basis function (RBF) networks: a layer of
Gaussian kernels with learnable centres and per-centre widths, followed by a linear readout.

The base programs (data written by fresh121/make_data.py, seed 121):

    rbf_reg_numpy.py:RBFRegressor / rbf_reg_torch.py:RBFRegressor, on rbf_reg.npz
        (X float (64, 3), y float (64, 2)): 10 Gaussian kernels
        phi = exp(-||x - C_k||^2 / (2 s_k^2)) with centres C (10, 3) and widths s (10,)
        (the port: nn.Parameter centres and widths), a linear readout W (10, 2), b (2,)
        (the port: nn.Linear(10, 2), weight = W.T); mean squared error over every entry;
        SGD with momentum 0.9, lr 0.05 (v = mu v + g, p -= lr v; the port torch.optim.SGD).
        The NumPy backward is written by hand (through the exp, the width as d2 / s^3, the
        centres as -2 * dL/dd2 * (x - c)).
    rbf_cls_numpy.py:RBFClassifier / rbf_cls_torch.py:RBFClassifier, on rbf_cls.npz
        (X float (96, 2), y int64 (96,) three classes): a normalised RBF layer, 12 kernels
        phi = exp(-0.5 ||x - C_k||^2 exp(-2 log_s_k)) with centres C (12, 2) and a log-width
        parametrisation log_s (12,), divided by their row sum (g = phi / phi.sum(axis=1)),
        a linear readout W (12, 3), b (3,) (the port: nn.Linear(12, 3)), softmax cross-entropy
        averaged over the batch, Adam (lr 0.02, betas 0.9/0.999, eps 1e-8, bias-corrected; the
        port torch.optim.Adam). The NumPy backward is written by hand, with the quotient rule
        through the normalisation.

Ports SQ01..SQ08 are checked against the correct NumPy base, NumPy programs SQ09..SQ16 against the
correct port; SQ17..SQ19 are correct programs written differently (squared distances by expansion
and momentum as a step buffer d = mu d - lr g; a port with plain parameters, the normalisation as
a softmax over log-kernels and a hand-written cross-entropy; the normalisation as a softmax with
its Jacobian-vector product and Adam with the bias corrections folded into the step size).
Same format as cases.py; run with

    python3 scripts/diagnosis_held_out.py --cases fresh121_cases

Each case:
    id          short name (prefixed SQ)
    side        "port", "numpy" or "correct"
    args        the `parity check` argument list (paths relative to the repository root); all run
                as written, 20 steps, float32, on cpu
    mechanism   the planted mechanism, one line
    expected    keywords (case-insensitive) that an explanation naming the mechanism would contain;
                written from the mechanism, before any run, not from the kit's output; () for a correct program

Written without reading the kit's diagnosis rules, its findings list or its tests; validated by exit
status alone (every bug exits 1 and its fixed copy 0; every correct program exits 0).
"""

F = "scripts/diagnosis_sets/fresh121/"

_RUN = ["--as-written", "--steps", "20", "--dtype", "float32", "--device", "cpu"]

_REG = ["--data", F + "rbf_reg.npz",
        "--param", "params['C']=centres", "--param", "params['s']=widths",
        "--param", "params['W']=readout.weight.T", "--param", "params['b']=readout.bias", *_RUN]

_CLS = ["--data", F + "rbf_cls.npz",
        "--param", "params['C']=centres", "--param", "params['log_s']=log_widths",
        "--param", "params['W']=readout.weight.T", "--param", "params['b']=readout.bias", *_RUN]

REG_NUMPY = F + "rbf_reg_numpy.py:RBFRegressor"
REG_TORCH = F + "rbf_reg_torch.py:RBFRegressor"
CLS_NUMPY = F + "rbf_cls_numpy.py:RBFClassifier"
CLS_TORCH = F + "rbf_cls_torch.py:RBFClassifier"


def _reg_port(name):
    return [REG_NUMPY, "--torch", F + name + ":RBFRegressor", *_REG]


def _reg_numpy(name):
    return [F + name + ":RBFRegressor", "--torch", REG_TORCH, *_REG]


def _cls_port(name):
    return [CLS_NUMPY, "--torch", F + name + ":RBFClassifier", *_CLS]


def _cls_numpy(name):
    return [F + name + ":RBFClassifier", "--torch", CLS_TORCH, *_CLS]


CASES = [
    # ---------------------------------------------------------------- ports
    {"id": "SQ01", "side": "port", "args": _reg_port("01_width_unsquared_port.py"),
     "mechanism": "the port's Gaussian kernel divides the squared distance by 2 s instead of 2 s^2 (width not squared)",
     "expected": ("width", "squared", "s^2", "s**2", "variance")},
    {"id": "SQ02", "side": "port", "args": _reg_port("02_nesterov_port.py"),
     "mechanism": "the port's torch.optim.SGD has nesterov=True where the NumPy program uses heavy-ball momentum",
     "expected": ("nesterov", "look-ahead", "lookahead")},
    {"id": "SQ03", "side": "port", "args": _reg_port("03_mse_rows_port.py"),
     "mechanism": "the port's MSE is summed and divided by the rows only, not by rows times outputs (a factor of the 2 outputs)",
     "expected": ("reduction", "outputs", "factor 2", "per row")},
    {"id": "SQ04", "side": "port", "args": _reg_port("04_zero_grad_port.py"),
     "mechanism": "the port's train_step never calls optimizer.zero_grad(), so gradients accumulate across steps",
     "expected": ("zero_grad", "accumulat")},
    {"id": "SQ05", "side": "port", "args": _cls_port("05_norm_axis_port.py"),
     "mechanism": "the port normalises the kernel activations over the batch (dim=0) instead of over the centres (dim=1)",
     "expected": ("dim", "axis", "normalis", "normaliz", "row sum")},
    {"id": "SQ06", "side": "port", "args": _cls_port("06_logvar_port.py"),
     "mechanism": "the port reads the log-width as a log-variance: exp(-log_s) instead of exp(-2 log_s) for 1/s^2",
     "expected": ("log-width", "log width", "variance", "exp(-2", "factor 2")},
    {"id": "SQ07", "side": "port", "args": _cls_port("07_betas_port.py"),
     "mechanism": "the port's Adam uses betas=(0.9, 0.99) where the NumPy program uses beta2 = 0.999",
     "expected": ("beta2", "betas", "0.99", "exp_avg_sq", "second moment")},
    {"id": "SQ08", "side": "port", "args": _cls_port("08_double_softmax_port.py"),
     "mechanism": "the port applies softmax before F.cross_entropy, which applies log-softmax again (double softmax)",
     "expected": ("softmax", "twice", "double", "probabilities")},
    # ---------------------------------------------------------------- NumPy programs
    {"id": "SQ09", "side": "numpy", "args": _reg_numpy("09_width_grad_power_numpy.py"),
     "mechanism": "the width gradient divides by s^2 instead of s^3 (derivative of -d2 / (2 s^2) with respect to s)",
     "expected": ("width", "s^3", "s**3", "power")},
    {"id": "SQ10", "side": "numpy", "args": _reg_numpy("10_centre_sign_numpy.py"),
     "mechanism": "the centre gradient has the wrong sign: d||x - c||^2/dc = -2 (x - c) taken as +2 (x - c)",
     "expected": ("sign", "negat", "centre", "center")},
    {"id": "SQ11", "side": "numpy", "args": _reg_numpy("11_momentum_order_numpy.py"),
     "mechanism": "the momentum update applies the velocity before updating it (p -= lr v moved above v = mu v + g)",
     "expected": ("order", "stale", "previous velocity", "velocity update")},
    {"id": "SQ12", "side": "numpy", "args": _reg_numpy("12_bias_mean_numpy.py"),
     "mechanism": "the readout bias gradient is the mean over rows of an already averaged dL/dout instead of its sum (divided by N twice)",
     "expected": ("bias", "mean", "batch size", "rows")},
    {"id": "SQ13", "side": "numpy", "args": _cls_numpy("13_norm_quotient_numpy.py"),
     "mechanism": "the normalisation's backward treats the row sum as a constant (dphi = dg / S), leaving out the quotient-rule term",
     "expected": ("normalis", "normaliz", "quotient", "row sum", "denominator")},
    {"id": "SQ14", "side": "numpy", "args": _cls_numpy("14_adam_vhat_numpy.py"),
     "mechanism": "Adam's second-moment bias correction divides by 1 - beta1^t instead of 1 - beta2^t",
     "expected": ("bias correction", "bias-correction", "beta2", "second moment")},
    {"id": "SQ15", "side": "numpy", "args": _cls_numpy("15_logs_chain_numpy.py"),
     "mechanism": "the log-width gradient drops the chain-rule factor 2 of exp(-2 log_s) (half the true gradient)",
     "expected": ("log_s", "log-width", "chain", "factor 2", "half")},
    {"id": "SQ16", "side": "numpy", "args": _cls_numpy("16_readout_unnorm_numpy.py"),
     "mechanism": "the readout weight gradient uses the unnormalised kernel activations phi instead of the normalised g",
     "expected": ("normalis", "normaliz", "unnormalised", "unnormalized", "readout")},
    # ---------------------------------------------------------------- correct programs
    {"id": "SQ17", "side": "correct",
     "args": [F + "17_correct_expanded_numpy.py:RBFRegressorExpanded", "--torch", REG_TORCH,
              "--step", "net.fit_step(X, y)", "--data", F + "rbf_reg.npz",
              "--param", "C=centres", "--param", "s=widths",
              "--param", "W=readout.weight.T", "--param", "b=readout.bias", *_RUN],
     "mechanism": "correct: squared distances by expansion, parameters as attributes, momentum as a step buffer d = mu d - lr g",
     "expected": ()},
    {"id": "SQ18", "side": "correct",
     "args": [CLS_NUMPY, "--torch", F + "18_correct_plain_port.py:PlainRBF", "--data", F + "rbf_cls.npz",
              "--param", "params['C']=C", "--param", "params['log_s']=log_s",
              "--param", "params['W']=W", "--param", "params['b']=b", *_RUN],
     "mechanism": "correct: port with plain parameters in the NumPy layout, normalisation as a softmax of log-kernels, hand-written cross-entropy",
     "expected": ()},
    {"id": "SQ19", "side": "correct",
     "args": [F + "19_correct_stepsize_numpy.py:RBFClassifierSoftmax", "--torch", CLS_TORCH, *_CLS],
     "mechanism": "correct: normalisation as a softmax with its Jacobian-vector product, Adam with bias corrections folded into the step size",
     "expected": ()},
]
