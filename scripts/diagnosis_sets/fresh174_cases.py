"""One hundred and seventy-fourth fresh held-out set for the diagnosis: one planted bug per program
in fresh174/, 8 PyTorch ports (checked against the correct NumPy program) and 8 NumPy programs
(checked against the correct port), and 3 correct variants. The theme is multi-task MLPs: a
shared trunk with two or three heads, a classification head with softmax cross-entropy (class
weights, or label smoothing) and regression heads (Huber, L1, squared error), the task losses
summed with weights, trained with SGD momentum and global-norm gradient clipping, or with Adam.

The base programs (data from fresh174/make_data.py, fixed seed, nothing random while training):

    mt2_numpy.py:MultiTaskNet / mt2_torch.py:MultiTaskNet, mt2.npz X (48, 10),
        y (48, 2) = [class in {0..3} as a float, regression target with outliers]
        trunk dense 10->32 + ReLU, dense 32->16 + tanh (NumPy: params dict, W kept (in, out));
        classification head 16->4, cross-entropy with class weights [1, 2, 0.5, 1.5] reduced as
        torch (sum w_y nll / sum w_y); regression head 16->1, Huber loss delta 1.5, mean;
        loss = ce + 0.5 * huber. Gradients clipped to global L2 norm 0.5 (clip_grad_norm_),
        then SGD lr 0.05 momentum 0.9 (v = mu v + g; p -= lr v).
    mt3_numpy.py:ThreeHeadNet / mt3_torch.py:ThreeHeadNet, mt3.npz X (40, 8),
        y (40, 3) = [class in {0, 1, 2} as a float, target a, target b]
        trunk dense 8->24 + tanh, dense 24->16 + leaky ReLU 0.1 (NumPy: attributes, W kept
        (out, in); port: nn.Sequential trunk and an nn.ModuleDict of heads); head cls 16->3 with
        cross-entropy and label smoothing 0.1 (torch convention eps / K); head a 16->1 with L1,
        mean; head b 16->1 with squared error, mean; loss = ce + 0.3 * l1 + 0.2 * mse.
        Adam lr 0.01, betas (0.9, 0.999), eps 1e-8, bias-corrected as torch.optim.Adam.

Same format as cases.py; run with

    python3 scripts/diagnosis_held_out.py --cases fresh174_cases

Each case:
    id          short name (prefixed UR)
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

F = "scripts/diagnosis_sets/fresh174/"
RUN = ["--steps", "20", "--dtype", "float32", "--device", "cpu"]


def mt2(numpy="mt2_numpy.py", port="mt2_torch.py"):
    return [F + numpy + ":MultiTaskNet", "--torch", F + port + ":MultiTaskNet",
            "--data", F + "mt2.npz", "--as-written",
            "--param", "params['W1']=trunk1.weight.T",
            "--param", "params['b1']=trunk1.bias",
            "--param", "params['W2']=trunk2.weight.T",
            "--param", "params['b2']=trunk2.bias",
            "--param", "params['Wc']=cls_head.weight.T",
            "--param", "params['bc']=cls_head.bias",
            "--param", "params['Wr']=reg_head.weight.T",
            "--param", "params['br']=reg_head.bias", *RUN]


def mt2_layers():
    pairs = []
    for i, name in enumerate(("trunk1", "trunk2", "cls_head", "reg_head")):
        pairs += ["--param", f"layers[{i}]['W']={name}.weight",
                  "--param", f"layers[{i}]['b']={name}.bias"]
    return [F + "mt2_layers_numpy.py:LayeredMultiTaskNet", "--torch", F + "mt2_torch.py:MultiTaskNet",
            "--data", F + "mt2.npz", "--as-written", *pairs, *RUN]


def mt3(numpy="mt3_numpy.py", port="mt3_torch.py"):
    return [F + numpy + ":ThreeHeadNet", "--torch", F + port + ":ThreeHeadNet",
            "--data", F + "mt3.npz", "--as-written",
            "--param", "W1=trunk.0.weight",
            "--param", "b1=trunk.0.bias",
            "--param", "W2=trunk.2.weight",
            "--param", "b2=trunk.2.bias",
            "--param", "Wc=heads.cls.weight",
            "--param", "bc=heads.cls.bias",
            "--param", "Wa=heads.a.weight",
            "--param", "ba=heads.a.bias",
            "--param", "Wb=heads.b.weight",
            "--param", "bb=heads.b.bias", *RUN]


def mt3_manual():
    return [F + "mt3_numpy.py:ThreeHeadNet", "--torch", F + "mt3_manual_torch.py:ThreeHeadManual",
            "--data", F + "mt3.npz", "--as-written",
            "--param", "W1=fc1.weight", "--param", "b1=fc1.bias",
            "--param", "W2=fc2.weight", "--param", "b2=fc2.bias",
            "--param", "Wc=cls.weight", "--param", "bc=cls.bias",
            "--param", "Wa=head_a.weight", "--param", "ba=head_a.bias",
            "--param", "Wb=head_b.weight", "--param", "bb=head_b.bias", *RUN]


def mt3_dict():
    pairs = []
    for k, name in (("W1", "trunk.0"), ("W2", "trunk.2"), ("Wc", "heads.cls"), ("Wa", "heads.a"),
                    ("Wb", "heads.b")):
        pairs += ["--param", f"params['{k}']={name}.weight.T",
                  "--param", f"params['b{k[1]}']={name}.bias"]
    return [F + "mt3_dict_numpy.py:ThreeHeadDict", "--torch", F + "mt3_torch.py:ThreeHeadNet",
            "--data", F + "mt3.npz", "--as-written", *pairs, *RUN]


CASES = [
    # ---------------------------------------------------------------- PyTorch ports with one bug
    {"id": "UR01", "side": "port", "args": mt2(port="01_weightedmean_port.py"),
     "mechanism": "class-weighted cross-entropy written as (w[y] * F.cross_entropy(reduction='none'))"
                  ".mean(): divided by N instead of by the sum of the batch's class weights",
     "expected": ("class weight", "weighted", "sum of the weights", "sum of weights", "normalis",
                  "normaliz")},
    {"id": "UR02", "side": "port", "args": mt2(port="02_smoothl1_port.py"),
     "mechanism": "F.smooth_l1_loss(beta=1.5) in place of F.huber_loss(delta=1.5): smooth L1 is the "
                  "Huber loss divided by beta",
     "expected": ("smooth_l1", "smooth l1", "huber", "beta", "delta")},
    {"id": "UR03", "side": "port", "args": mt2(port="03_clipeach_port.py"),
     "mechanism": "clip_grad_norm_ called on each parameter tensor separately instead of once on "
                  "the global norm of all gradients",
     "expected": ("clip", "clipping", "global norm", "per-parameter", "per parameter")},
    {"id": "UR04", "side": "port", "args": mt2(port="04_broadcast_port.py"),
     "mechanism": "regression prediction left (N, 1) (no squeeze) against a (N,) target: the Huber "
                  "loss broadcasts over an (N, N) matrix of every prediction against every target",
     "expected": ("broadcast", "shape", "squeeze", "(n, 1)", "(n, n)")},
    {"id": "UR05", "side": "port", "args": mt3(port="05_nosmoothing_port.py"),
     "mechanism": "label_smoothing=0.1 left out of F.cross_entropy: hard one-hot targets where the "
                  "NumPy program smooths",
     "expected": ("label smoothing", "label_smoothing", "smoothing", "smoothed")},
    {"id": "UR06", "side": "port", "args": mt3(port="06_beta2_port.py"),
     "mechanism": "torch.optim.Adam(betas=(0.9, 0.99)): beta2 0.99 where the NumPy Adam uses 0.999",
     "expected": ("beta2", "betas", "0.99", "second moment", "exp_avg_sq")},
    {"id": "UR07", "side": "port", "args": mt3(port="07_detach_port.py"),
     "mechanism": "head b (squared error) fed the trunk features .detach()ed: its loss trains the "
                  "head but sends no gradient into the shared trunk",
     "expected": ("detach", "stop-gradient", "stop gradient", "no gradient", "trunk")},
    {"id": "UR08", "side": "port", "args": mt3(port="08_l1sum_port.py"),
     "mechanism": "F.l1_loss(reduction='sum') for head a where the NumPy program takes the mean "
                  "over the batch",
     "expected": ("reduction", "sum", "mean", "batch size")},
    # ---------------------------------------------------------------- NumPy programs with one bug
    {"id": "UR09", "side": "numpy", "args": mt2(numpy="09_hubersign_numpy.py"),
     "mechanism": "Huber derivative in the linear region (|r| > delta) taken as delta, the sign of "
                  "the residual left out",
     "expected": ("sign", "huber", "linear region", "delta")},
    {"id": "UR10", "side": "numpy", "args": mt2(numpy="10_cwback_numpy.py"),
     "mechanism": "backward of the class-weighted cross-entropy divides (softmax - onehot) by N, "
                  "the per-row class weights and their sum left out (the forward is weighted)",
     "expected": ("class weight", "class_weights", "weighted", "per-class", "sample weight")},
    {"id": "UR11", "side": "numpy", "args": mt2(numpy="11_clipnorm_numpy.py"),
     "mechanism": "gradient clipping norm computed as the sum of the per-parameter L2 norms instead "
                  "of the L2 norm of all gradients together (clipping too strong)",
     "expected": ("clip", "clipping", "global norm", "sum of norms", "sum of the norms")},
    {"id": "UR12", "side": "numpy", "args": mt2(numpy="12_lamtrunk_numpy.py"),
     "mechanism": "task weight lam = 0.5 applied to the regression head's own gradients but not to "
                  "the gradient it sends back into the shared trunk",
     "expected": ("task weight", "loss weight", "lam", "trunk", "weighting")},
    {"id": "UR13", "side": "numpy", "args": mt3(numpy="13_smoothk1_numpy.py"),
     "mechanism": "label smoothing spreads eps over the K - 1 other classes (target 1 - eps) instead "
                  "of eps / K over all K classes (target 1 - eps + eps / K) as torch does",
     "expected": ("label smoothing", "smoothing", "k - 1", "k-1", "eps / k")},
    {"id": "UR14", "side": "numpy", "args": mt3(numpy="14_biascorr_numpy.py"),
     "mechanism": "Adam bias corrections 1 - beta**(t + 1) computed after t was already incremented: "
                  "one step ahead",
     "expected": ("bias correction", "bias-correct", "step count", "off-by-one", "t + 1")},
    {"id": "UR15", "side": "numpy", "args": mt3(numpy="15_msegrad_numpy.py"),
     "mechanism": "squared-error derivative of head b without its factor 2 ((p - t) / N instead of "
                  "2 (p - t) / N)",
     "expected": ("factor 2", "factor of 2", "twice", "squared error", "mse")},
    {"id": "UR16", "side": "numpy", "args": mt3(numpy="16_epssqrt_numpy.py"),
     "mechanism": "Adam eps added inside the square root (sqrt(v_hat + eps)) instead of after it",
     "expected": ("eps", "epsilon", "sqrt", "square root")},
    # ---------------------------------------------------------------- correct variants
    {"id": "UR17", "side": "correct", "args": mt2_layers(),
     "mechanism": "correct: NumPy list of layer dicts with W kept (out, in), einsum products, Huber "
                  "derivative as clip(r, -delta, delta), flat-vector clipping norm, momentum in place",
     "expected": ()},
    {"id": "UR18", "side": "correct", "args": mt3_manual(),
     "mechanism": "correct: port with named Linear attributes and the three losses written by hand "
                  "(smoothed one-hot against log_softmax, mean |r|, mean r^2)",
     "expected": ()},
    {"id": "UR19", "side": "correct", "args": mt3_dict(),
     "mechanism": "correct: NumPy params dict with W kept (in, out), the three heads stacked into "
                  "one output gradient, textbook Adam m_hat / (sqrt(v_hat) + eps) updated in place",
     "expected": ()},
]
