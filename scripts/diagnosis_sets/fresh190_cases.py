"""One hundred and ninetieth fresh held-out set for the diagnosis: one planted bug per program in
fresh190/, 8 PyTorch ports (checked against the correct NumPy program) and 8 NumPy programs
(checked against the correct port), and 3 correct variants. The theme is semi-supervised
training: a supervised cross-entropy on the labelled rows plus an unsupervised term on the
unlabelled rows, weighted by a ramp-up over the steps: FixMatch-style pseudo-labelling with a
confidence threshold (pseudo-label from the weak view, loss on the strong view), and a
Pi-model consistency (MSE between the softmax of the two views) with entropy minimisation.

The data (fresh190/make_data.py, fixed seed, nothing random while training):

    ssl.npz  X (48, 16): columns 0:8 the weak view, 8:16 the strong view of each point (scaled,
             noisier, two features zeroed); y (48,) int64: the class 0..3 for the 16 labelled
             rows, -1 for the 32 unlabelled rows (interleaved).

The base programs:

    fixmatch_numpy.py:FixMatchMLP / fixmatch_torch.py:FixMatchMLP
        8 -> 32 tanh -> 4 (NumPy: attributes W1, b1, W2, b2, W kept (in, out)).
        loss = CE_mean(labelled, weak view) + lam_t * mean over all 32 unlabelled rows of
        mask * CE(strong view, argmax p_weak), mask = max softmax(weak) >= 0.8, no gradient
        through the weak view; lam_t = min(1, t / 10), t = 1, 2, ... the step being taken.
        SGD lr 0.05, momentum 0.9, Nesterov, weight decay 5e-4 coupled (torch.optim.SGD).
    pimodel_numpy.py:PiModelNet / pimodel_torch.py:PiModelNet
        8 -> 24 ReLU -> 24 ReLU -> 4 (NumPy: params dict, W kept (out, in); port nn.Sequential),
        one forward on the stacked batch [labelled weak; unlabelled weak; unlabelled strong].
        loss = CE_mean(labelled) + w_t * mean((p_s - p_w)^2) over unlabelled rows and classes
        (gradient into both views) + 0.1 * mean entropy of p_w; w_t = 10 exp(-5 (1 - min(t,10)/10)^2).
        Adam lr 0.01, betas (0.9, 0.999), eps 1e-8, bias-corrected.

Same format as cases.py; run with

    python3 scripts/diagnosis_held_out.py --cases fresh190_cases

Each case:
    id          short name (prefixed VH)
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

F = "scripts/diagnosis_sets/fresh190/"
RUN = ["--steps", "20", "--dtype", "float32", "--device", "cpu"]


def fixmatch(numpy="fixmatch_numpy.py", port="fixmatch_torch.py"):
    return [F + numpy + ":FixMatchMLP", "--torch", F + port + ":FixMatchMLP",
            "--data", F + "ssl.npz", "--as-written",
            "--param", "W1=fc1.weight.T",
            "--param", "b1=fc1.bias",
            "--param", "W2=fc2.weight.T",
            "--param", "b2=fc2.bias", *RUN]


def fixmatch_layers():
    return [F + "fixmatch_alt_numpy.py:FixMatchNet", "--torch", F + "fixmatch_torch.py:FixMatchMLP",
            "--data", F + "ssl.npz", "--as-written",
            "--param", "layers[0]['W']=fc1.weight",
            "--param", "layers[0]['b']=fc1.bias",
            "--param", "layers[1]['W']=fc2.weight",
            "--param", "layers[1]['b']=fc2.bias", *RUN]


def pimodel(numpy="pimodel_numpy.py", port="pimodel_torch.py"):
    return [F + numpy + ":PiModelNet", "--torch", F + port + ":PiModelNet",
            "--data", F + "ssl.npz", "--as-written",
            "--param", "params['W1']=net.0.weight",
            "--param", "params['b1']=net.0.bias",
            "--param", "params['W2']=net.2.weight",
            "--param", "params['b2']=net.2.bias",
            "--param", "params['W3']=net.4.weight",
            "--param", "params['b3']=net.4.bias", *RUN]


def pimodel_own_params():
    return [F + "pimodel_numpy.py:PiModelNet", "--torch", F + "pimodel_alt_torch.py:PiModelPort",
            "--data", F + "ssl.npz", "--as-written",
            "--param", "params['W1']=W1",
            "--param", "params['b1']=b1",
            "--param", "params['W2']=W2",
            "--param", "params['b2']=b2",
            "--param", "params['W3']=W3",
            "--param", "params['b3']=b3", *RUN]


def pimodel_attrs():
    return [F + "pimodel_alt_numpy.py:PiModelMLP", "--torch", F + "pimodel_torch.py:PiModelNet",
            "--data", F + "ssl.npz", "--as-written",
            "--param", "W1=net.0.weight.T",
            "--param", "b1=net.0.bias",
            "--param", "W2=net.2.weight.T",
            "--param", "b2=net.2.bias",
            "--param", "W3=net.4.weight.T",
            "--param", "b3=net.4.bias", *RUN]


CASES = [
    # ---------------------------------------------------------------- PyTorch ports with one bug
    {"id": "VH01", "side": "port", "args": fixmatch(port="01_maskedmean_port.py"),
     "mechanism": "unsupervised cross-entropy averaged over the confident (masked-in) rows only "
                  "(F.cross_entropy(logits[mask], pseudo[mask])) instead of over all unlabelled rows",
     "expected": ("mask", "mean", "reduction", "confident", "normalis", "normaliz")},
    {"id": "VH02", "side": "port", "args": fixmatch(port="02_strongconf_port.py"),
     "mechanism": "pseudo-labels and their confidence taken from the strong view's softmax "
                  "instead of the weak view's",
     "expected": ("strong", "weak", "view", "pseudo", "input")},
    {"id": "VH03", "side": "port", "args": fixmatch(port="03_rampoff_port.py"),
     "mechanism": "ramp-up weight computed from the step counter before it is incremented: "
                  "lam = min(1, (t-1)/10), one step behind (0 at step 1)",
     "expected": ("ramp", "off-by-one", "off by one", "step", "schedule", "weight")},
    {"id": "VH04", "side": "port", "args": fixmatch(port="04_nowd_port.py"),
     "mechanism": "torch.optim.SGD built without weight_decay=5e-4, which the NumPy program "
                  "adds to every gradient",
     "expected": ("weight decay", "weight_decay", "decay", "l2")},
    {"id": "VH05", "side": "port", "args": pimodel(port="05_detachtarget_port.py"),
     "mechanism": "consistency target detached (F.mse_loss(p_s, p_w.detach())): no consistency "
                  "gradient through the weak view, which the NumPy Pi-model backpropagates",
     "expected": ("detach", "stop-gradient", "stop gradient", "no gradient", "target")},
    {"id": "VH06", "side": "port", "args": pimodel(port="06_msesum_port.py"),
     "mechanism": "consistency MSE summed over the 4 classes and averaged over rows, where the "
                  "NumPy program averages over rows and classes: the term 4 times too large",
     "expected": ("sum", "mean", "reduction", "mse", "classes", "4")},
    {"id": "VH07", "side": "port", "args": pimodel(port="07_rampsq_port.py"),
     "mechanism": "sigmoid ramp-up written exp(-5 (1 - t/T)) without the square on (1 - t/T): "
                  "the consistency weight differs during the first 9 steps",
     "expected": ("ramp", "square", "exp", "schedule", "consistency weight")},
    {"id": "VH08", "side": "port", "args": pimodel(port="08_entdim_port.py"),
     "mechanism": "entropy term uses F.log_softmax(logits_w, dim=0), over the batch axis "
                  "instead of the classes",
     "expected": ("dim", "axis", "log_softmax", "entropy", "batch")},
    # ---------------------------------------------------------------- NumPy programs with one bug
    {"id": "VH09", "side": "numpy", "args": fixmatch(numpy="09_tanhtwice_numpy.py"),
     "mechanism": "tanh derivative taken of the already-activated hidden values "
                  "(1 - tanh(h)^2 with h = tanh(z)), for both labelled and strong-view rows",
     "expected": ("tanh", "derivative", "activated", "activation")},
    {"id": "VH10", "side": "numpy", "args": fixmatch(numpy="10_nlnorm_numpy.py"),
     "mechanism": "unsupervised gradient divided by the number of labelled rows (16) instead of "
                  "unlabelled rows (32): that term's gradient twice too large",
     "expected": ("unlabelled", "unlabeled", "count", "mean", "normalis", "factor")},
    {"id": "VH11", "side": "numpy", "args": fixmatch(numpy="11_nesterovold_numpy.py"),
     "mechanism": "Nesterov step uses the velocity before it is updated "
                  "(p -= lr (g + mu v_old), then v = mu v + g)",
     "expected": ("nesterov", "velocity", "momentum", "order", "stale")},
    {"id": "VH12", "side": "numpy", "args": pimodel(numpy="12_w2transpose_numpy.py"),
     "mechanism": "gradient of the square hidden-to-hidden weight W2 (kept (out, in)) computed "
                  "as a1.T @ dz2, the transpose of dz2.T @ a1",
     "expected": ("transpose", "layout", "w2")},
    {"id": "VH13", "side": "numpy", "args": pimodel(numpy="13_msegrad_numpy.py"),
     "mechanism": "consistency MSE gradient without the factor 2 (d/dp (p_s - p_w)^2 taken as "
                  "(p_s - p_w))",
     "expected": ("factor 2", "factor of 2", "mse", "2", "half")},
    {"id": "VH14", "side": "numpy", "args": pimodel(numpy="14_diagjac_numpy.py"),
     "mechanism": "softmax backward of the consistency and entropy terms uses only the diagonal "
                  "of the Jacobian (p (1 - p) dp), dropping the - p sum(p dp) coupling",
     "expected": ("softmax", "jacobian", "diagonal", "derivative")},
    {"id": "VH15", "side": "numpy", "args": pimodel(numpy="15_entsign_numpy.py"),
     "mechanism": "entropy-minimisation gradient with the wrong sign (dH/dp_w = +(log p + 1)/n "
                  "instead of -(log p + 1)/n): it maximises the entropy",
     "expected": ("sign", "entropy", "negat", "maximis")},
    {"id": "VH16", "side": "numpy", "args": pimodel(numpy="16_epsinsqrt_numpy.py"),
     "mechanism": "Adam eps placed inside the square root (m_hat / sqrt(v_hat + eps)) instead of "
                  "added after it",
     "expected": ("eps", "epsilon", "sqrt", "square root", "adam")},
    # ---------------------------------------------------------------- correct variants
    {"id": "VH17", "side": "correct", "args": fixmatch_layers(),
     "mechanism": "correct: FixMatch as one weighted cross-entropy over the stacked labelled and "
                  "strong rows, layers in a list of dicts (W kept (out, in)), einsum, in-place Nesterov",
     "expected": ()},
    {"id": "VH18", "side": "correct", "args": pimodel_own_params(),
     "mechanism": "correct: Pi-model port with its own nn.Parameters, three forward passes, "
                  "hand-written MSE, torch.special.entr entropy, ramp-up from a table",
     "expected": ()},
    {"id": "VH19", "side": "correct", "args": pimodel_attrs(),
     "mechanism": "correct: NumPy Pi-model with W kept (in, out) as attributes, separate forward "
                  "passes, full softmax Jacobian by einsum, Adam in torch's step-size form",
     "expected": ()},
]
