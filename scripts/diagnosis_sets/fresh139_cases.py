"""One hundred and thirty-ninth fresh held-out set of the diagnosis: one planted bug per program in
fresh139/, written blind (without reading the kit's diagnosis rules, its findings, its tests or
any other set). The theme is mixup and CutMix written by hand, with every random quantity (the
permutation of each step, its lambda or per-row lambdas, the CutMix box) fixed as data in a plan
file beside the data (fresh139/make_data.py, seed 139), label smoothing and soft-target cross
entropy, on small MLP and convolutional classifiers. Each program keeps a step counter t and mixes
step t with row t of its plan.

The base programs:

    mixup_mlp_numpy.py:MixupMLP / mixup_mlp_torch.py:MixupMLP (data mixup_mlp.npz, X (64, 10),
        y (64,) in 0..3; plan mixup_mlp_plan.npz, perm (20, 64), lam (20,) ~ Beta(0.4, 0.4)):
        x' = lam x + (1 - lam) x[perm]; smoothed one-hots s = 0.9 onehot + 0.1 / 4; soft label
        t = lam s + (1 - lam) s[perm]; dense 10 -> 16, ReLU, dense 16 -> 4; soft-target cross
        entropy -(t . log_softmax(z)) averaged over the batch; SGD momentum 0.9 (v = mu v + g;
        p -= lr v), lr 0.1. NumPy params dict W1 (10, 16), b1, W2 (16, 4), b2, velocity dict;
        the port nn.Linear fc1, fc2, torch.optim.SGD(momentum=0.9).
    cutmix_cnn_numpy.py:CutMixCNN / cutmix_cnn_torch.py:CutMixCNN (data cutmix_cnn.npz,
        X (48, 1, 8, 8) bars and diagonals, y (48,) in 0..2; plan cutmix_cnn_plan.npz, perm
        (20, 48), box (20, 4) = r0, r1, c0, c1 half-open, non-square): the box of x[perm] pasted
        into x, lam = 1 - box area / 64; conv 3x3 (4 filters, valid, im2col with K kept
        (kh, kw, cin, cout)) -> ReLU -> 2x2 average pool -> flatten -> dense 36 -> 3; loss
        lam CE(z, y) + (1 - lam) CE(z, y[perm]) (each mean over the batch); Adam lr 0.01,
        betas 0.9, 0.999, eps 1e-8 with bias correction (m, v dicts). The port nn.Conv2d,
        F.avg_pool2d, nn.Linear, torch.optim.Adam.
    mixloss_mlp_numpy.py:MixLossMLP / mixloss_mlp_torch.py:MixLossMLP (data mixloss_mlp.npz,
        X (64, 8), y (64,) in 0..2; plan mixloss_mlp_plan.npz, perm (20, 64), lam (20, 64), one
        lambda per row): x'_i = lam_i x_i + (1 - lam_i) x_perm(i); dense 8 -> 12, tanh, dense
        12 -> 3; loss mean_i [lam_i CE_i(y_i) + (1 - lam_i) CE_i(y_perm(i))]; SGD with Nesterov
        momentum 0.9, lr 0.05, L2 weight decay 1e-3 on the weights only (torch's form: g += wd p;
        v = mu v + g; p -= lr (g + mu v)). The port: per-row F.cross_entropy(reduction='none'),
        torch.optim.SGD(nesterov=True) with a no-decay parameter group for the biases.

Same format as cases.py; run with

    python3 scripts/diagnosis_held_out.py --cases fresh139_cases

Each case:
    id          short name (prefixed TI)
    side        "port", "numpy" or "correct"
    args        the `parity check` argument list (paths relative to the repository root); the
                runner adds --steps 20 --dtype float32 --device cpu where absent
    mechanism   the planted mechanism, one line
    expected    keywords (case-insensitive) that an explanation naming the mechanism would contain;
                written from the mechanism, before any run, not from the kit's output; () for a correct program

Written without reading the kit's diagnosis rules, findings or tests; validated by exit status alone
(each buggy program exits 1, its fixed copy 0; each correct program exits 0).
"""

F = "scripts/diagnosis_sets/fresh139/"

_MLP_PARAMS = ["--param", "params['W1']=fc1.weight.T", "--param", "params['b1']=fc1.bias",
               "--param", "params['W2']=fc2.weight.T", "--param", "params['b2']=fc2.bias"]
_CNN_PARAMS = ["--param", "params['K']=conv.weight.permute(2,3,1,0)", "--param", "params['bK']=conv.bias",
               "--param", "params['W']=fc.weight.T", "--param", "params['b']=fc.bias"]
_RUN = ["--steps", "20", "--dtype", "float32", "--device", "cpu"]


def _mixup(numpy="mixup_mlp_numpy.py", torch="mixup_mlp_torch.py"):
    return [F + numpy + ":MixupMLP", "--torch", F + torch + ":MixupMLP", "--as-written",
            "--data", F + "mixup_mlp.npz", *_MLP_PARAMS, *_RUN]


def _cutmix(numpy="cutmix_cnn_numpy.py", torch="cutmix_cnn_torch.py", params=_CNN_PARAMS):
    return [F + numpy + ":CutMixCNN", "--torch", F + torch + ":CutMixCNN", "--as-written",
            "--data", F + "cutmix_cnn.npz", *params, *_RUN]


def _mixloss(numpy="mixloss_mlp_numpy.py", torch="mixloss_mlp_torch.py", params=_MLP_PARAMS):
    return [F + numpy + ":MixLossMLP", "--torch", F + torch + ":MixLossMLP", "--as-written",
            "--data", F + "mixloss_mlp.npz", *params, *_RUN]


CASES = [
    # ---- planted in the PyTorch port, checked against the correct NumPy program
    {"id": "TI01_targetswap", "side": "port", "args": _mixup(torch="01_targetswap_port.py"),
     "mechanism": "soft labels mixed with lambda and 1 - lambda swapped (t = (1-lam) s + lam s[perm]) while the inputs are mixed correctly",
     "expected": ("swap", "1 - lam", "lambda", "soft label", "target mix")},
    {"id": "TI02_smootheps", "side": "port", "args": _mixup(torch="02_smootheps_port.py"),
     "mechanism": "label smoothing adds eps instead of eps / K to every class, so the smoothed targets no longer sum to one",
     "expected": ("label smoothing", "smoothing", "eps / k", "sum to one", "number of classes")},
    {"id": "TI03_nesterov", "side": "port", "args": _mixup(torch="03_nesterov_port.py"),
     "mechanism": "torch.optim.SGD built with nesterov=True where the NumPy program uses plain heavy-ball momentum",
     "expected": ("nesterov", "lookahead", "momentum")},
    {"id": "TI04_boxaxes", "side": "port", "args": _cutmix(torch="04_boxaxes_port.py"),
     "mechanism": "CutMix box pasted with its row and column ranges swapped (Xc[:, :, c0:c1, r0:r1]); same area so lambda is unchanged",
     "expected": ("box", "rows", "columns", "transpose", "cutmix")},
    {"id": "TI05_adambetas", "side": "port", "args": _cutmix(torch="05_adambetas_port.py"),
     "mechanism": "torch.optim.Adam given betas=(0.9, 0.99) where the NumPy Adam uses beta2 = 0.999",
     "expected": ("beta2", "betas", "0.999", "second moment", "exp_avg_sq")},
    {"id": "TI06_maxpool", "side": "port", "args": _cutmix(torch="06_maxpool_port.py"),
     "mechanism": "F.max_pool2d where the NumPy network average-pools its 2x2 windows",
     "expected": ("max pool", "max_pool", "average pool", "avg_pool", "pooling")},
    {"id": "TI07_reduction", "side": "port", "args": _mixloss(torch="07_reduction_port.py"),
     "mechanism": "second cross entropy (partner labels) left at reduction='mean', so the per-row (1 - lambda_i) weights multiply the batch mean: mean(1 - lam) * mean CE",
     "expected": ("reduction", "per-row", "per-sample", "none", "lambda")},
    {"id": "TI08_biasdecay", "side": "port", "args": _mixloss(torch="08_biasdecay_port.py"),
     "mechanism": "the no-decay parameter group given weight_decay=1e-3, so the biases are decayed too where the NumPy program decays only the weights",
     "expected": ("weight decay", "weight_decay", "bias", "parameter group", "l2")},
    # ---- planted in the NumPy program, checked against the correct port
    {"id": "TI09_unmixedinput", "side": "numpy", "args": _mixup(numpy="09_unmixedinput_numpy.py"),
     "mechanism": "first-layer weight gradient taken against the unmixed inputs X instead of the mixed inputs x' (dW1 = X.T @ dz1)",
     "expected": ("mixed input", "unmixed", "x_mixed", "input", "W1")},
    {"id": "TI10_momentumorder", "side": "numpy", "args": _mixup(numpy="10_momentumorder_numpy.py"),
     "mechanism": "parameter stepped with the previous velocity before the velocity is updated (update in the wrong order; step 1 makes no move)",
     "expected": ("order", "stale", "previous velocity", "momentum", "one step late")},
    {"id": "TI11_poolquarter", "side": "numpy", "args": _cutmix(numpy="11_poolquarter_numpy.py"),
     "mechanism": "average-pool backward copies the pooled gradient to the 4 inputs of each window without the 1/4 factor (conv gradients 4x too large)",
     "expected": ("average pool", "1/4", "factor of 4", "pool", "window")},
    {"id": "TI12_boxarea", "side": "numpy", "args": _cutmix(numpy="12_boxarea_numpy.py"),
     "mechanism": "CutMix lambda corrected with an off-by-one box area, (r1 - r0 + 1)(c1 - c0 + 1), treating the half-open box as inclusive",
     "expected": ("off-by-one", "area", "lambda", "box", "inclusive")},
    {"id": "TI13_adamvhat", "side": "numpy", "args": _cutmix(numpy="13_adamvhat_numpy.py"),
     "mechanism": "Adam's second moment used without its bias correction (v_hat = v, no division by 1 - beta2^t)",
     "expected": ("bias correction", "v_hat", "second moment", "1 - beta2", "adam")},
    {"id": "TI14_softmaxaxis", "side": "numpy", "args": _mixloss(numpy="14_softmaxaxis_numpy.py"),
     "mechanism": "softmax normalised over the batch axis (axis=0) instead of over the classes (axis=1)",
     "expected": ("axis", "softmax", "batch axis", "normaliz", "normalis")},
    {"id": "TI15_tanhderiv", "side": "numpy", "args": _mixloss(numpy="15_tanhderiv_numpy.py"),
     "mechanism": "tanh derivative written 1 - h instead of 1 - h**2 in the hidden layer's backward",
     "expected": ("tanh", "derivative", "1 - h", "activation")},
    {"id": "TI16_unpermlabels", "side": "numpy", "args": _mixloss(numpy="16_unpermlabels_numpy.py"),
     "mechanism": "partner labels not permuted (yp = y instead of y[perm]), so the mixed loss reduces to CE on the original labels while inputs are mixed",
     "expected": ("permutation", "perm", "partner label", "y_perm", "shuffled labels")},
    # ---- correct programs, differently written
    {"id": "TI17_mixup_lossmix", "side": "correct", "args": _mixup(numpy="17_mixup_lossmix_numpy.py"),
     "mechanism": "correct: the two soft-target cross entropies mixed instead of the soft labels (equal by linearity), in-place momentum buffer, rebound parameters",
     "expected": ()},
    {"id": "TI18_cutmix_softtarget", "side": "correct",
     "args": _cutmix(torch="18_cutmix_softtarget_torch.py",
                     params=["--param", "params['K']=K", "--param", "params['bK']=bK",
                             "--param", "params['W']=W", "--param", "params['b']=b"]),
     "mechanism": "correct: port keeps the kernel in the NumPy layout and permutes it for F.conv2d, pastes the box with torch.where, one soft-target cross entropy for the mixed loss",
     "expected": ()},
    {"id": "TI19_mixloss_outin", "side": "correct",
     "args": _mixloss(numpy="19_mixloss_outin_numpy.py",
                      params=["--param", "params['W1']=fc1.weight", "--param", "params['b1']=fc1.bias",
                              "--param", "params['W2']=fc2.weight", "--param", "params['b2']=fc2.bias"]),
     "mechanism": "correct: weights stored (out, in), cross entropy through logsumexp, Nesterov step applied in two parts",
     "expected": ()},
]
