"""Two hundred and fifteenth fresh held-out set for the diagnosis: one planted bug per program in
fresh215/, 8 PyTorch ports (checked against the correct NumPy program) and 8 NumPy programs
(checked against the correct port), and 3 correct variants. The theme is the optimizers torch
has but people rarely write by hand: Adamax, NAdam, Adadelta, ASGD and RAdam, each written in
NumPy from its paper and the torch docs, on a small MLP classifier or regressor.

The base programs (data from fresh215/make_data.py, fixed seed, nothing random while training):

    adamax_numpy.py:AdamaxMLP / adamax_torch.py:AdamaxMLP, cls.npz X (48, 8), y (48,) in {0, 1, 2}
        dense 8->24, tanh, dense 24->3 (W kept (in, out) in a params dict), softmax
        cross-entropy (mean). Adamax lr 0.01, betas (0.9, 0.999), eps 1e-8:
        u = max(beta2 u, |g| + eps), p -= lr / (1 - beta1^t) * m / u.
    nadam_numpy.py:NAdamRegressor / nadam_torch.py:NAdamRegressor, reg.npz X (64, 6), y (64, 1)
        dense 6->32, ReLU, dense 32->16, tanh, dense 16->1 (attributes W1..b3 in torch's
        (out, in) layout), mean squared error. NAdam lr 0.01, betas (0.9, 0.999), eps 1e-8,
        momentum_decay 4e-3, coupled L2 weight decay 1e-2 (added to the gradient).
    adadelta_numpy.py:AdadeltaNet / adadelta_torch.py:AdadeltaNet, bin.npz X (40, 10), y (40, 1)
        dense 10->20, sigmoid, dense 20->1 logit (dict p, W kept (in, out)), binary
        cross-entropy with logits (mean). Adadelta lr 1.0, rho 0.9, eps 1e-6.
    asgd_numpy.py:ASGDRegressor / asgd_torch.py:ASGDRegressor, reg.npz
        dense 6->16, tanh, dense 16->1 (W kept (in, out); the port an nn.Sequential), mean
        squared error. ASGD lr 0.1, lambd 0.1, alpha 0.75, t0 8 (decay term, eta schedule,
        the averaged copy ax).
    radam_numpy.py:RAdamClassifier / radam_torch.py:RAdamClassifier, cls.npz
        dense 8->16, ReLU, dense 16->16, ReLU, dense 16->3 (a dict keyed like the port's
        state_dict, torch layout), softmax cross-entropy (mean). RAdam lr 0.01, betas
        (0.9, 0.999), eps 1e-8: un-adapted momentum while rho_t <= 5 (steps 1-5), rectified
        adaptive step after.

Same format as cases.py; run with

    python3 scripts/diagnosis_held_out.py --cases fresh215_cases

Each case:
    id          short name (prefixed WG)
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

F = "scripts/diagnosis_sets/fresh215/"
RUN = ["--steps", "20", "--dtype", "float32", "--device", "cpu"]


def adamax(numpy="adamax_numpy.py", port="adamax_torch.py", cls="AdamaxMLP", layout=".T"):
    return [F + numpy + ":" + cls, "--torch", F + port + ":AdamaxMLP",
            "--data", F + "cls.npz", "--as-written",
            "--param", f"params['W1']=fc1.weight{layout}",
            "--param", "params['b1']=fc1.bias",
            "--param", f"params['W2']=fc2.weight{layout}",
            "--param", "params['b2']=fc2.bias", *RUN]


def nadam(numpy="nadam_numpy.py", port="nadam_torch.py", prefix=("l1", "l2", "l3")):
    pairs = []
    for i, layer in enumerate(prefix, start=1):
        pairs += ["--param", f"W{i}={layer}.weight", "--param", f"b{i}={layer}.bias"]
    return [F + numpy + ":NAdamRegressor", "--torch", F + port + ":NAdamRegressor",
            "--data", F + "reg.npz", "--as-written", *pairs, *RUN]


def adadelta(numpy="adadelta_numpy.py", port="adadelta_torch.py"):
    return [F + numpy + ":AdadeltaNet", "--torch", F + port + ":AdadeltaNet",
            "--data", F + "bin.npz", "--as-written",
            "--param", "p['w_hidden']=hidden.weight.T",
            "--param", "p['b_hidden']=hidden.bias",
            "--param", "p['w_out']=out.weight.T",
            "--param", "p['b_out']=out.bias", *RUN]


def asgd(numpy="asgd_numpy.py", port="asgd_torch.py"):
    return [F + numpy + ":ASGDRegressor", "--torch", F + port + ":ASGDRegressor",
            "--data", F + "reg.npz", "--as-written",
            "--param", "params['W1']=net.0.weight.T",
            "--param", "params['b1']=net.0.bias",
            "--param", "params['W2']=net.2.weight.T",
            "--param", "params['b2']=net.2.bias", *RUN]


def radam(numpy="radam_numpy.py", port="radam_torch.py", cls="RAdamClassifier"):
    pairs = []
    for layer in ("fc1", "fc2", "head"):
        for kind in ("weight", "bias"):
            pairs += ["--param", f"params['{layer}.{kind}']={layer}.{kind}"]
    return [F + numpy + ":" + cls, "--torch", F + port + ":RAdamClassifier",
            "--data", F + "cls.npz", "--as-written", *pairs, *RUN]


CASES = [
    # ---------------------------------------------------------------- PyTorch ports with one bug
    {"id": "WG01", "side": "port", "args": adamax(port="01_adamaxbeta2_port.py"),
     "mechanism": "torch.optim.Adamax(betas=(0.9, 0.99)) where the NumPy Adamax uses beta2 = 0.999: "
                  "the infinity norm u = max(beta2 u, |g| + eps) decays ten times faster",
     "expected": ("beta2", "betas", "0.99", "infinity norm", "exp_inf")},
    {"id": "WG02", "side": "port", "args": adamax(port="02_labelsmooth_port.py"),
     "mechanism": "F.cross_entropy(..., label_smoothing=0.1) left in from a template; the NumPy loss "
                  "is plain softmax cross-entropy against the one-hot targets",
     "expected": ("label smoothing", "label_smoothing", "smoothing", "one-hot", "target")},
    {"id": "WG03", "side": "port", "args": nadam(port="03_decoupledwd_port.py"),
     "mechanism": "torch.optim.NAdam(weight_decay=1e-2, decoupled_weight_decay=True): the decay "
                  "shrinks the weights directly (AdamW style) where the NumPy NAdam adds wd * p to "
                  "the gradient (coupled L2)",
     "expected": ("decoupled", "weight decay", "weight_decay", "l2", "coupled")},
    {"id": "WG04", "side": "port", "args": nadam(port="04_msebroadcast_port.py"),
     "mechanism": "F.mse_loss(pred.squeeze(), y) with y of shape (N, 1): the (N,) prediction "
                  "broadcasts against the (N, 1) target into an (N, N) matrix of differences",
     "expected": ("broadcast", "shape", "squeeze", "(n, n)", "target")},
    {"id": "WG05", "side": "port", "args": adadelta(port="05_adadeltarho_port.py"),
     "mechanism": "torch.optim.Adadelta(rho=0.95) (the paper's value) where the NumPy Adadelta "
                  "averages the squared gradients and updates with rho = 0.9",
     "expected": ("rho", "0.95", "decay rate", "square_avg", "moving average")},
    {"id": "WG06", "side": "port", "args": adadelta(port="06_nozerograd_port.py"),
     "mechanism": "optimizer.zero_grad() left out of train_step: each step's .grad adds onto the "
                  "previous ones, so Adadelta sees the gradients summed over all steps so far",
     "expected": ("zero_grad", "accumulat", "summed over steps", "not zeroed", "cleared")},
    {"id": "WG07", "side": "port", "args": asgd(port="07_asgdlambd_port.py"),
     "mechanism": "torch.optim.ASGD built without lambd=0.1, so its default 1e-4 sets the decay "
                  "term p *= 1 - lambd eta and the eta schedule, where the NumPy ASGD uses 0.1",
     "expected": ("lambd", "decay", "eta", "default", "1e-4")},
    {"id": "WG08", "side": "port", "args": radam(port="08_clipgrad_port.py"),
     "mechanism": "torch.nn.utils.clip_grad_norm_(max_norm=1.0) left in train_step from a template: "
                  "the gradients are rescaled to global norm 1 before RAdam when larger; the NumPy "
                  "program never clips",
     "expected": ("clip", "clipping", "norm", "max_norm", "rescal")},
    # ---------------------------------------------------------------- NumPy programs with one bug
    {"id": "WG09", "side": "numpy", "args": adamax(numpy="09_tanhderiv_numpy.py"),
     "mechanism": "tanh derivative taken of the pre-activation, 1 - z1^2, instead of 1 - tanh(z1)^2 "
                  "= 1 - h^2 in the hidden layer's backward",
     "expected": ("tanh", "derivative", "pre-activation", "activation", "1 - h")},
    {"id": "WG10", "side": "numpy", "args": adamax(numpy="10_nobiascorr_numpy.py"),
     "mechanism": "Adamax step without the bias correction: p -= lr * m / u instead of "
                  "lr / (1 - beta1^t) * m / u (ten times too small at step 1, converging later)",
     "expected": ("bias correction", "bias-correct", "1 - beta1", "beta1^t", "correction")},
    {"id": "WG11", "side": "numpy", "args": nadam(numpy="11_muproduct_numpy.py"),
     "mechanism": "NAdam's running product of the momentum schedule not kept: mu_product = mu_t "
                  "(overwritten each step) instead of mu_product *= mu_t, so from step 2 the "
                  "corrections 1 - prod mu use only the current mu",
     "expected": ("mu_product", "product", "momentum schedule", "mu", "bias correction")},
    {"id": "WG12", "side": "numpy", "args": nadam(numpy="12_relumask_numpy.py"),
     "mechanism": "ReLU backward masked by the sign of the incoming gradient (dh1 > 0) instead of "
                  "the pre-activation (z1 > 0) for the first layer",
     "expected": ("relu", "mask", "derivative", "pre-activation", "gradient sign")},
    {"id": "WG13", "side": "numpy", "args": adadelta(numpy="13_adadeltaeps_numpy.py"),
     "mechanism": "Adadelta denominator written sqrt(E[g^2]) + eps, eps outside the square root, "
                  "where torch takes sqrt(E[g^2] + eps)",
     "expected": ("eps", "epsilon", "square root", "sqrt", "denominator")},
    {"id": "WG14", "side": "numpy", "args": adadelta(numpy="14_bcesum_numpy.py"),
     "mechanism": "binary cross-entropy gradient sigmoid(z) - y not divided by the batch size "
                  "while the loss is the batch mean: every gradient 40 times too large",
     "expected": ("mean", "sum", "batch size", "reduction", "40")},
    {"id": "WG15", "side": "numpy", "args": asgd(numpy="15_etaoffbyone_numpy.py"),
     "mechanism": "ASGD step size recomputed before the update with the new count t, "
                  "eta = lr / (1 + lambd lr t)^alpha, where torch's t-th update uses the eta of "
                  "count t - 1 (eta = lr at step 1): off by one step",
     "expected": ("off-by-one", "off by one", "eta", "step count", "schedule")},
    {"id": "WG16", "side": "numpy", "args": radam(numpy="16_rhothresh_numpy.py"),
     "mechanism": "RAdam rectification switched on when rho_t > 4 (the paper's threshold) where "
                  "torch uses rho_t > 5: at step 5 (rho_t = 4.996) the NumPy program takes the "
                  "rectified adaptive step, torch the un-adapted momentum step",
     "expected": ("rho_t", "rectif", "threshold", "variance", "radam")},
    # ---------------------------------------------------------------- correct variants
    {"id": "WG17", "side": "correct",
     "args": adamax(numpy="adamax_alt_numpy.py", cls="AdamaxMLPT", layout=""),
     "mechanism": "correct: Adamax net with weights in torch's (out, in) layout, einsum forward and "
                  "backward, one-hot softmax gradient, in-place moment updates (np.maximum out=)",
     "expected": ()},
    {"id": "WG18", "side": "correct",
     "args": nadam(port="nadam_seq_torch.py", prefix=("net.0", "net.2", "net.4")),
     "mechanism": "correct: NAdam port as one nn.Sequential, MSE written out, gradients cleared by "
                  "p.grad = None, two parameter groups (weights, biases) with the same settings",
     "expected": ()},
    {"id": "WG19", "side": "correct",
     "args": radam(numpy="radam_alt_numpy.py", cls="RAdamLoop"),
     "mechanism": "correct: RAdam net walked in a loop over its layers, moments updated in place, "
                  "the rectified step folded into one step size lr r_t sqrt(1 - beta2^t) / (1 - beta1^t)",
     "expected": ()},
]
