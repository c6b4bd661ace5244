"""One hundred and eighty-ninth fresh held-out set for the diagnosis: one planted bug per program in
fresh189/, 8 PyTorch ports (checked against the correct NumPy program) and 8 NumPy programs
(checked against the correct port), and 3 correct variants. The theme is Kolmogorov-Arnold
networks with radial-basis (FastKAN-style) edge functions: each input value is expanded on a
fixed grid of Gaussian bumps exp(-((x - c_k) / h)^2) (after a layer norm, or straight on the
grid), a learnable spline weight per (input, basis, output) sums the bumps, a base branch
silu(x) @ W + b is added, and two such layers are chained; trained with Adam or AdamW.

The base programs (data from fresh189/make_data.py, fixed seed, nothing random while training):

    kan_reg_numpy.py:FastKANRegressor / kan_reg_torch.py:FastKAN, kan_reg.npz X (48, 4)
        (features on different scales), y (48, 2)
        two FastKAN layers 4 -> 8 -> 2, each: layer norm without affine (eps 1e-5) over the
        features, Gaussian RBF on grid linspace(-2, 2, 6), h = 4 / 5, spline weight S kept
        (d_in * G, d_out) (row i * G + k; torch nn.Linear(d_in * G, d_out, bias=False)),
        base branch silu(x) @ W + b on the raw (un-normalised) input (W kept (d_in, d_out)).
        Mean squared error over all elements. Adam lr 1e-2, betas (0.9, 0.999), eps 1e-8.
    kan_cls_numpy.py:RBFKANClassifier / kan_cls_torch.py:RBFKANClassifier, kan_cls.npz
        X (40, 5) standardised, y (40,) in {0, 1, 2}
        two RBF-KAN layers 5 -> 10 -> 3 without normalisation, Gaussian RBF on the fixed grid
        linspace(-2, 2, 8), h = 4 / 7, spline weight S kept (d_in, G, d_out) (einsum; torch
        nn.Parameter of the same layout), base branch silu(x) @ W + b (W kept (d_in, d_out)).
        Softmax cross-entropy averaged over the batch. AdamW lr 1e-2, betas (0.9, 0.999),
        eps 1e-8, decoupled weight decay 1e-2 on every parameter (as torch.optim.AdamW).

Same format as cases.py; run with

    python3 scripts/diagnosis_held_out.py --cases fresh189_cases

Each case:
    id          short name (prefixed VG)
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

F = "scripts/diagnosis_sets/fresh189/"
RUN = ["--steps", "20", "--dtype", "float32", "--device", "cpu"]


def reg(numpy="kan_reg_numpy.py", port="kan_reg_torch.py"):
    args = [F + numpy + ":FastKANRegressor", "--torch", F + port + ":FastKAN",
            "--data", F + "kan_reg.npz", "--as-written"]
    for l in (1, 2):
        layer = f"layers.{l - 1}"
        args += ["--param", f"params['S{l}']={layer}.spline_linear.weight.T",
                 "--param", f"params['W{l}']={layer}.base_linear.weight.T",
                 "--param", f"params['b{l}']={layer}.base_linear.bias"]
    return args + RUN


def reg_alt():
    args = [F + "kan_reg_alt_numpy.py:FastKANLayers", "--torch", F + "kan_reg_torch.py:FastKAN",
            "--data", F + "kan_reg.npz", "--as-written"]
    for i in (0, 1):
        args += ["--param", f"layers[{i}]['S']=layers.{i}.spline_linear.weight.T",
                 "--param", f"layers[{i}]['W']=layers.{i}.base_linear.weight",
                 "--param", f"layers[{i}]['b']=layers.{i}.base_linear.bias"]
    return args + RUN


def cls(numpy="kan_cls_numpy.py", port="kan_cls_torch.py"):
    args = [F + numpy + ":RBFKANClassifier", "--torch", F + port + ":RBFKANClassifier",
            "--data", F + "kan_cls.npz", "--as-written"]
    for l in (1, 2):
        layer = f"layers.{l - 1}"
        args += ["--param", f"params['S{l}']={layer}.spline_weight",
                 "--param", f"params['W{l}']={layer}.base.weight.T",
                 "--param", f"params['b{l}']={layer}.base.bias"]
    return args + RUN


def cls_alt_port():
    args = [F + "kan_cls_numpy.py:RBFKANClassifier", "--torch", F + "kan_cls_alt_torch.py:RBFKANNet",
            "--data", F + "kan_cls.npz", "--as-written"]
    for l in (1, 2):
        args += ["--param", f"params['S{l}']=spline{l}.permute(1,2,0)",
                 "--param", f"params['W{l}']=base{l}.weight.T",
                 "--param", f"params['b{l}']=base{l}.bias"]
    return args + RUN


def cls_alt_numpy():
    args = [F + "kan_cls_alt_numpy.py:RBFKANAttr", "--torch", F + "kan_cls_torch.py:RBFKANClassifier",
            "--data", F + "kan_cls.npz", "--as-written"]
    for l in (1, 2):
        layer = f"layers.{l - 1}"
        args += ["--param", f"S{l}={layer}.spline_weight.permute(2,0,1)",
                 "--param", f"W{l}={layer}.base.weight",
                 "--param", f"b{l}={layer}.base.bias"]
    return args + RUN


CASES = [
    # ---------------------------------------------------------------- PyTorch ports with one bug
    {"id": "VG01", "side": "port", "args": reg(port="01_rbfwidth_port.py"),
     "mechanism": "RBF width (denominator) computed as (grid_max - grid_min) / num_grids instead "
                  "of / (num_grids - 1): every Gaussian bump narrower than in the NumPy program",
     "expected": ("width", "denominator", "num_grids", "grid", "off-by-one", "rbf")},
    {"id": "VG02", "side": "port", "args": reg(port="02_basenorm_port.py"),
     "mechanism": "x reassigned to layernorm(x) before both branches, so the base branch "
                  "silu(x) @ W sees the normalised input instead of the raw one",
     "expected": ("layer norm", "layernorm", "normalised", "normalized", "base", "silu")},
    {"id": "VG03", "side": "port", "args": reg(port="03_basisorder_port.py"),
     "mechanism": "basis tensor (N, d_in, G) transposed to (N, G, d_in) before flattening, so "
                  "the spline weight's columns meet the basis values in grid-major order",
     "expected": ("transpose", "order", "layout", "flatten", "reshape", "permut")},
    {"id": "VG04", "side": "port", "args": reg(port="04_msesum_port.py"),
     "mechanism": "loss ((out - y)**2).sum(dim=1).mean(): squared error summed over the 2 "
                  "outputs and averaged over the batch only, twice F.mse_loss's mean",
     "expected": ("reduction", "sum", "mean", "factor 2", "mse")},
    {"id": "VG05", "side": "port", "args": reg(port="05_beta2_port.py"),
     "mechanism": "torch.optim.Adam(betas=(0.9, 0.99)) where the NumPy Adam uses beta2 = 0.999",
     "expected": ("beta2", "betas", "0.99", "second moment", "exp_avg_sq")},
    {"id": "VG06", "side": "port", "args": cls(port="06_softmaxdim_port.py"),
     "mechanism": "F.nll_loss(F.log_softmax(logits, dim=0), y): log-softmax normalised over the "
                  "batch axis instead of the class axis",
     "expected": ("dim", "axis", "softmax", "batch axis", "log_softmax")},
    {"id": "VG07", "side": "port", "args": cls(port="07_coupledwd_port.py"),
     "mechanism": "torch.optim.Adam(weight_decay=1e-2) instead of AdamW: L2 decay added to the "
                  "gradient (coupled, through the moments) where the NumPy program decays the "
                  "weights directly (decoupled)",
     "expected": ("weight decay", "weight_decay", "coupled", "decoupled", "adamw", "l2")},
    {"id": "VG08", "side": "port", "args": cls(port="08_detachbasis_port.py"),
     "mechanism": "x.detach() before the RBF expansion: no gradient flows through the spline "
                  "branch into the layer's input, so layer 1 only gets the base-branch gradient",
     "expected": ("detach", "no gradient", "stop", "spline", "missing gradient")},
    # ---------------------------------------------------------------- NumPy programs with one bug
    {"id": "VG09", "side": "numpy", "args": reg(numpy="09_rbfderiv_numpy.py"),
     "mechanism": "Gaussian basis derivative written -z * phi instead of -2 z * phi (the factor "
                  "2 of d/dz exp(-z^2) lost): the spline path of every input gradient halved",
     "expected": ("derivative", "gaussian", "factor 2", "rbf", "basis", "exp")},
    {"id": "VG10", "side": "numpy", "args": reg(numpy="10_siluderiv_numpy.py"),
     "mechanism": "silu derivative taken as sigmoid(a), the a * s * (1 - s) term left out, in "
                  "the base branch of the backward",
     "expected": ("silu", "swish", "derivative", "activation", "sigmoid")},
    {"id": "VG11", "side": "numpy", "args": reg(numpy="11_lnback_numpy.py"),
     "mechanism": "layer-norm backward without the variance term: rstd * (dxn - mean(dxn)), "
                  "the - xn * mean(dxn * xn) part left out",
     "expected": ("layer norm", "layernorm", "normalization", "normalisation", "variance", "layer-norm")},
    {"id": "VG12", "side": "numpy", "args": reg(numpy="12_adamv_numpy.py"),
     "mechanism": "Adam second moment accumulated as beta2 v + (1 - beta1) g^2 (beta1 typed for "
                  "beta2 in the (1 - beta) factor)",
     "expected": ("second moment", "exp_avg_sq", "beta2", "beta1", "v")},
    {"id": "VG13", "side": "numpy", "args": cls(numpy="13_xentmean_numpy.py"),
     "mechanism": "cross-entropy gradient (softmax - onehot) not divided by the batch size while "
                  "the loss is the batch mean: every gradient 40 times too large",
     "expected": ("batch size", "mean", "sum", "reduction", "40")},
    {"id": "VG14", "side": "numpy", "args": cls(numpy="14_decaylr_numpy.py"),
     "mechanism": "decoupled weight decay applied as p *= 1 - wd instead of 1 - lr * wd (the "
                  "learning rate left out of the decay)",
     "expected": ("weight decay", "weight_decay", "decay", "learning rate", "lr")},
    {"id": "VG15", "side": "numpy", "args": cls(numpy="15_basegrad_numpy.py"),
     "mechanism": "base-branch weight gradient computed from the raw input a.T @ d instead of "
                  "silu(a).T @ d (the pre-activation cached value used)",
     "expected": ("silu", "activation", "pre-activation", "base", "input")},
    {"id": "VG16", "side": "numpy", "args": cls(numpy="16_dropbase_numpy.py"),
     "mechanism": "gradient to layer 2's input keeps only the spline path: the base branch's "
                  "(d @ W.T) * silu'(a) term dropped, so layer 1 gradients miss it",
     "expected": ("base", "missing term", "silu", "branch", "dropped")},
    # ---------------------------------------------------------------- correct variants
    {"id": "VG17", "side": "correct", "args": reg_alt(),
     "mechanism": "correct: layers as a list of dicts, W kept (out, in), layer-norm backward "
                  "through dvar and dmean, RBF derivative -2 (x - c) / h^2 phi, in-place Adam",
     "expected": ()},
    {"id": "VG18", "side": "correct", "args": cls_alt_port(),
     "mechanism": "correct: port with explicit (d_out, d_in, G) spline parameters and einsum, "
                  "basis exp(-square(x - c) / h^2), silu as x * sigmoid(x), loss log_softmax + gather",
     "expected": ()},
    {"id": "VG19", "side": "correct", "args": cls_alt_numpy(),
     "mechanism": "correct: NumPy attributes per layer, S kept (d_out, d_in, G) with tensordot, "
                  "W kept (out, in), one-hot softmax gradient, in-place AdamW",
     "expected": ()},
]
