"""One hundred and eighty-eighth fresh held-out set for the diagnosis: one planted bug per program in
fresh188/, 8 PyTorch ports (checked against the correct NumPy program) and 8 NumPy programs
(checked against the correct port), and 3 correct variants. The theme is neural additive models
written by hand: one small network per input feature (ExU units exp(w) * (x - b) with ReLU-1, or
plain ReLU layers), the feature networks' outputs masked by a fixed feature-dropout mask given as
data and summed with a bias, an output penalty on the feature outputs and weight decay, trained for
regression or binary classification.

The base programs (data from fresh188/make_data.py, fixed seed, nothing random while training):

    reg_numpy.py:NAMRegressor / reg_torch.py:NAMRegressor, reg.npz X (48, 8) (4 features in
        columns 0-3, their keep mask 0 or 1/(1-0.25) in columns 4-7), y (48,) real
        Feature networks stacked on a leading feature axis (einsum): ExU layer of 12 units
        z1 = exp(exu_w) * (x - exu_b), ReLU-1 clip(z1, 0, 1), dense 12->6 ReLU, dense 6->1;
        prediction sum_j keep_j f_j + bias. Loss MSE (mean) + 0.1 * mean(f^2) (before dropout).
        Adam lr 0.01, betas (0.9, 0.999), eps 1e-8, bias-corrected, coupled weight decay 1e-3
        (added to the gradient) on exu_w, W2, W3 only (torch: two parameter groups).
        Parameters exu_w (4,12), exu_b (4,12), W2 (4,12,6), b2 (4,6), W3 (4,6), b3 (4,), bias (1,),
        the same layouts on both sides.
    cls_numpy.py:NAMClassifier / cls_torch.py:NAMClassifier, cls.npz X (40, 3), y (40,) in {0, 1};
        cls_masks.npz masks (25, 40, 3): step t (0, 1, ...) uses masks[t % 25]
        Per feature: dense 1->8 ReLU, dense 8->8 ReLU, dense 8->1 (NumPy: flat dict
        params['f{j}.W{i}'] kept (in, out); torch: ModuleList of FeatureNet with fc1..fc3);
        logit sum_j keep_j f_j + bias. Loss BCE with logits (mean) + 0.05 * mean(f^2)
        + 0.5 * 1e-3 * sum of squared weight matrices (no biases). SGD lr 0.1 momentum 0.9
        (v = mu v + g; p -= lr v). NumPy gradients accumulate into self.grads, zeroed each step.

Same format as cases.py; run with

    python3 scripts/diagnosis_held_out.py --cases fresh188_cases

Each case:
    id          short name (prefixed VF)
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

F = "scripts/diagnosis_sets/fresh188/"
RUN = ["--steps", "20", "--dtype", "float32", "--device", "cpu"]


def reg(numpy="reg_numpy.py", port="reg_torch.py"):
    args = [F + numpy + ":NAMRegressor", "--torch", F + port + ":NAMRegressor",
            "--data", F + "reg.npz", "--as-written"]
    for name in ("exu_w", "exu_b", "W2", "b2", "W3", "b3", "bias"):
        args += ["--param", f"params['{name}']={name}"]
    return args + RUN


def cls(numpy="cls_numpy.py", port="cls_torch.py", transposed=True, torch_names=None):
    """torch_names(j, i) -> (weight name, bias name) of layer i (1..3) of feature j's network."""
    names = torch_names or (lambda j, i: (f"features.{j}.fc{i}.weight", f"features.{j}.fc{i}.bias"))
    args = [F + numpy + ":NAMClassifier", "--torch", F + port + ":NAMClassifier",
            "--data", F + "cls.npz", "--as-written"]
    for j in range(3):
        for i in (1, 2, 3):
            w, b = names(j, i)
            args += ["--param", f"params['f{j}.W{i}']={w}" + (".T" if transposed else ""),
                     "--param", f"params['f{j}.b{i}']={b}"]
    args += ["--param", "params['bias']=bias"]
    return args + RUN


def sequential_names(j, i):
    return f"features.{j}.{2 * (i - 1)}.weight", f"features.{j}.{2 * (i - 1)}.bias"


CASES = [
    # ---------------------------------------------------------------- PyTorch ports with one bug
    {"id": "VF01", "side": "port", "args": reg(port="01_exuparen_port.py"),
     "mechanism": "ExU unit written exp(w) * x - b instead of exp(w) * (x - b): the shift is not "
                  "scaled by exp(w) (misplaced parenthesis)",
     "expected": ("exu", "parenthes", "shift", "exp(w)", "x - b")},
    {"id": "VF02", "side": "port", "args": reg(port="02_hardtanh_port.py"),
     "mechanism": "ReLU-1 written F.hardtanh(z1), which clips to [-1, 1], instead of clamp(z1, 0, 1)",
     "expected": ("hardtanh", "clip", "clamp", "relu-1", "relu-n", "activation")},
    {"id": "VF03", "side": "port", "args": reg(port="03_decayall_port.py"),
     "mechanism": "Adam(model.parameters(), weight_decay=1e-3): the biases (exu_b, b2, b3, bias) "
                  "are decayed too, where the NumPy program decays only the weights",
     "expected": ("weight decay", "weight_decay", "decay", "bias", "param group")},
    {"id": "VF04", "side": "port", "args": reg(port="04_penaltymasked_port.py"),
     "mechanism": "output penalty taken on the feature outputs after the dropout mask (f * keep) "
                  "instead of on the unmasked feature outputs",
     "expected": ("penalty", "mask", "dropout", "regulari", "feature output")},
    {"id": "VF05", "side": "port", "args": cls(port="05_penaltysum_port.py"),
     "mechanism": "output penalty summed over the features and averaged over the rows "
                  "(f^2.sum(1).mean()) instead of the mean over both: 3 times too large",
     "expected": ("penalty", "sum", "mean", "reduction", "regulari")},
    {"id": "VF06", "side": "port", "args": cls(port="06_maskstep_port.py"),
     "mechanism": "step counter incremented before the forward: step t uses the dropout mask of "
                  "step t + 1 (off by one in time)",
     "expected": ("off-by-one", "off by one", "mask", "step", "counter", "dropout")},
    {"id": "VF07", "side": "port", "args": cls(port="07_sigmoidout_port.py"),
     "mechanism": "forward returns sigmoid(logit) and the loss is binary_cross_entropy_with_logits: "
                  "sigmoid applied twice",
     "expected": ("sigmoid", "twice", "double", "with_logits", "probabilit")},
    {"id": "VF08", "side": "port", "args": cls(port="08_maskinput_port.py"),
     "mechanism": "feature-dropout mask applied to the input features (x * keep) before the feature "
                  "networks instead of to their outputs",
     "expected": ("mask", "dropout", "input", "feature output")},
    # ---------------------------------------------------------------- NumPy programs with one bug
    {"id": "VF09", "side": "numpy", "args": reg(numpy="09_exudw_numpy.py"),
     "mechanism": "ExU weight gradient taken as dz1 * (x - b), the factor exp(w) left out "
                  "(the derivative of w * (x - b), not of exp(w) * (x - b))",
     "expected": ("exu", "exp", "exu_w", "derivative", "chain")},
    {"id": "VF10", "side": "numpy", "args": reg(numpy="10_clipgrad_numpy.py"),
     "mechanism": "ReLU-1 derivative taken as (z1 > 0): the upper clip at 1 is ignored, gradient "
                  "flows through saturated units",
     "expected": ("relu-1", "clip", "saturat", "derivative", "upper")},
    {"id": "VF11", "side": "numpy", "args": reg(numpy="11_adamdecay_numpy.py"),
     "mechanism": "weight decay applied decoupled (p -= lr * wd * p, AdamW style) instead of coupled "
                  "into the Adam gradient (g + wd * p) as torch.optim.Adam's weight_decay",
     "expected": ("weight decay", "decoupled", "coupled", "adamw", "decay")},
    {"id": "VF12", "side": "numpy", "args": reg(numpy="12_penaltygrad_numpy.py"),
     "mechanism": "gradient of the output penalty lam * mean(f^2) written lam * f / size, the factor "
                  "2 left out",
     "expected": ("penalty", "factor 2", "factor of 2", "half", "regulari")},
    {"id": "VF13", "side": "numpy", "args": reg(numpy="13_dropoutgrad_numpy.py"),
     "mechanism": "backward of the masked sum ignores the feature-dropout mask: d f = d out instead "
                  "of d out * keep (mask applied in the forward only)",
     "expected": ("mask", "dropout", "keep", "backward")},
    {"id": "VF14", "side": "numpy", "args": cls(numpy="14_bcemean_numpy.py"),
     "mechanism": "BCE gradient sigmoid(logit) - y not divided by the batch size N while the loss is "
                  "the mean (sum against mean)",
     "expected": ("mean", "sum", "batch size", "reduction", "1/n", "40")},
    {"id": "VF15", "side": "numpy", "args": cls(numpy="15_zerograd_numpy.py"),
     "mechanism": "zero_grad() left out of train_step: the += gradients accumulate across steps",
     "expected": ("zero_grad", "accumulat", "reset", "zero", "previous step")},
    {"id": "VF16", "side": "numpy", "args": cls(numpy="16_w2transpose_numpy.py"),
     "mechanism": "gradient of the square 8x8 middle weight W2 computed as dz2.T @ h1 instead of "
                  "h1.T @ dz2: the transpose of the true gradient",
     "expected": ("transpose", "W2", "layout", "swapped")},
    # ---------------------------------------------------------------- correct variants
    {"id": "VF17", "side": "correct", "args": reg(numpy="reg_loop_numpy.py"),
     "mechanism": "correct: NumPy regressor with a loop over the features (2-D matmuls), ExU as "
                  "exp(w) x - exp(w) b, ReLU-1 by minimum/maximum, in-place Adam moments",
     "expected": ()},
    {"id": "VF18", "side": "correct",
     "args": cls(port="cls_seq_torch.py", torch_names=sequential_names),
     "mechanism": "correct: port with nn.Sequential feature networks, the loss written as "
                  "softplus(z) - y z, weight decay over parameters with dim > 1, a step buffer",
     "expected": ()},
    {"id": "VF19", "side": "correct", "args": cls(numpy="cls_outin_numpy.py", transposed=False),
     "mechanism": "correct: NumPy classifier with weights kept (out, in) as nn.Linear, fresh "
                  "gradient dicts each step, in-place momentum (v *= mu; v += g)",
     "expected": ()},
]
