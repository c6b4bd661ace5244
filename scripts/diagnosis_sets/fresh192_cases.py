"""One hundred and ninety-second fresh held-out set for the diagnosis: one planted bug per program in
fresh192/, 8 PyTorch ports (checked against the correct NumPy program) and 8 NumPy programs
(checked against the correct port), and 3 correct variants. The theme is mixture density networks
for regression: a tanh MLP whose outputs are mixture logits (softmax weights), means and sigmas of
K Gaussian components, trained on the negative log-likelihood written through a log-sum-exp over
the components, with a hand-written Adam or RMSprop.

The base programs (data from fresh192/make_data.py, fixed seed, nothing random while training):

    mdn1d_numpy.py:MDN1D / mdn1d_torch.py:MDN1D, mdn1d.npz X (48, 1), y (48, 1) (inverted sine)
        tanh hidden layer 1->24; three heads 24->3: mixture logits, means, log sigmas (NumPy
        weights kept (in, out) in a params dict; port: nn.Linear hidden, pi_head, mu_head,
        sigma_head); log_softmax of the logits; log N = -z^2/2 - log sigma - log(2 pi)/2;
        loss = -mean_n logsumexp_k (log pi + log N). Adam lr 0.01, betas (0.9, 0.999), eps 1e-8,
        bias-corrected, as torch.optim.Adam.
    mdn2d_numpy.py:MDN2D / mdn2d_torch.py:MDN2D, mdn2d.npz X (40, 2), y (40, 2) (three branches)
        two tanh layers 2->16->16; one output layer 16->20 split [logits (4) | mu (4, 2) |
        s (4, 2)] row-major; sigma = softplus(s) + 0.05 (floor); diagonal Gaussians summed over
        the 2 dimensions; loss = NLL (mean) - 0.1 * mean entropy of the mixture weights
        (NumPy: attributes W1, b1, W2, b2, W3, b3 kept (in, out), grads and RMSprop squares in
        dicts; port: nn.Sequential body + nn.Linear head). RMSprop lr 0.005, alpha 0.9, eps 1e-8
        outside the square root, as torch.optim.RMSprop (state paired by --state square_avg=net.sq).

Same format as cases.py; run with

    python3 scripts/diagnosis_held_out.py --cases fresh192_cases

Each case:
    id          short name (prefixed VJ)
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

F = "scripts/diagnosis_sets/fresh192/"
RUN = ["--steps", "20", "--dtype", "float32", "--device", "cpu"]


def mdn1d(numpy="mdn1d_numpy.py", port="mdn1d_torch.py"):
    return [F + numpy + ":MDN1D", "--torch", F + port + ":MDN1D",
            "--data", F + "mdn1d.npz", "--as-written",
            "--param", "params['W1']=hidden.weight.T",
            "--param", "params['b1']=hidden.bias",
            "--param", "params['Wpi']=pi_head.weight.T",
            "--param", "params['bpi']=pi_head.bias",
            "--param", "params['Wmu']=mu_head.weight.T",
            "--param", "params['bmu']=mu_head.bias",
            "--param", "params['Wls']=sigma_head.weight.T",
            "--param", "params['bls']=sigma_head.bias", *RUN]


def mdn1d_alt():
    return [F + "mdn1d_alt_numpy.py:MDN1DAlt", "--torch", F + "mdn1d_torch.py:MDN1D",
            "--data", F + "mdn1d.npz", "--as-written",
            "--param", "params['hidden.W']=hidden.weight",
            "--param", "params['hidden.b']=hidden.bias",
            "--param", "params['pi.W']=pi_head.weight",
            "--param", "params['pi.b']=pi_head.bias",
            "--param", "params['mu.W']=mu_head.weight",
            "--param", "params['mu.b']=mu_head.bias",
            "--param", "params['ls.W']=sigma_head.weight",
            "--param", "params['ls.b']=sigma_head.bias", *RUN]


def mdn2d(numpy="mdn2d_numpy.py", port="mdn2d_torch.py"):
    return [F + numpy + ":MDN2D", "--torch", F + port + ":MDN2D",
            "--data", F + "mdn2d.npz", "--as-written",
            "--param", "W1=body.0.weight.T",
            "--param", "b1=body.0.bias",
            "--param", "W2=body.2.weight.T",
            "--param", "b2=body.2.bias",
            "--param", "W3=head.weight.T",
            "--param", "b3=head.bias",
            "--state", "square_avg=net.sq", *RUN]


def mdn2d_dist():
    return [F + "mdn2d_numpy.py:MDN2D", "--torch", F + "mdn2d_dist_torch.py:MDN2DDist",
            "--data", F + "mdn2d.npz", "--as-written",
            "--param", "W1=W1", "--param", "b1=b1",
            "--param", "W2=W2", "--param", "b2=b2",
            "--param", "W3=W3", "--param", "b3=b3",
            "--state", "square_avg=net.sq", *RUN]


def mdn2d_alt():
    return [F + "mdn2d_alt_numpy.py:MDN2DAlt", "--torch", F + "mdn2d_torch.py:MDN2D",
            "--data", F + "mdn2d.npz", "--as-written",
            "--param", "params['fc1_w']=body.0.weight",
            "--param", "params['fc1_b']=body.0.bias",
            "--param", "params['fc2_w']=body.2.weight",
            "--param", "params['fc2_b']=body.2.bias",
            "--param", "params['out_w']=head.weight",
            "--param", "params['out_b']=head.bias",
            "--state", "square_avg=net.sq", *RUN]


CASES = [
    # ---------------------------------------------------------------- PyTorch ports with one bug
    {"id": "VJ01", "side": "port", "args": mdn1d(port="01_beta2_port.py"),
     "mechanism": "torch.optim.Adam(betas=(0.9, 0.99)) where the NumPy Adam uses beta2 = 0.999: "
                  "the second moment (exp_avg_sq) and its bias correction differ",
     "expected": ("beta2", "betas", "second moment", "exp_avg_sq", "0.999")},
    {"id": "VJ02", "side": "port", "args": mdn1d(port="02_logvar_port.py"),
     "mechanism": "the port reads the sigma head as a log variance (exp(-logvar) (y - mu)^2 / 2 + "
                  "logvar / 2) where the NumPy program reads it as log sigma (z = (y - mu) / exp(logsig))",
     "expected": ("variance", "log sigma", "logvar", "log-variance", "sigma")},
    {"id": "VJ03", "side": "port", "args": mdn1d(port="03_lseaxis_port.py"),
     "mechanism": "torch.logsumexp(log_pi + log_comp, dim=0): the mixture log-sum-exp taken over the "
                  "batch instead of over the K components (dim=1)",
     "expected": ("dim", "axis", "logsumexp", "batch", "components")},
    {"id": "VJ04", "side": "port", "args": mdn1d(port="04_detachnorm_port.py"),
     "mechanism": "log pi = logits - logsumexp(logits).detach(): the softmax normaliser detached, so "
                  "the mixture-logit gradients lose the -pi term (only -gamma)",
     "expected": ("detach", "normaliser", "normalizer", "log_softmax", "mixture")},
    {"id": "VJ05", "side": "port", "args": mdn2d(port="05_nofloor_port.py"),
     "mechanism": "sigma = softplus(s) without the + 0.05 sigma floor the NumPy program adds",
     "expected": ("floor", "sigma_min", "minimum", "0.05", "softplus")},
    {"id": "VJ06", "side": "port", "args": mdn2d(port="06_entropysign_port.py"),
     "mechanism": "entropy term added with the wrong sign: loss = nll + 0.1 * entropy where the "
                  "NumPy program subtracts it (an entropy bonus)",
     "expected": ("sign", "entropy", "penalty", "bonus")},
    {"id": "VJ07", "side": "port", "args": mdn2d(port="07_rmsalpha_port.py"),
     "mechanism": "torch.optim.RMSprop without alpha=0.9: torch's default alpha 0.99 where the NumPy "
                  "RMSprop averages the squares with 0.9",
     "expected": ("alpha", "square_avg", "0.99", "smoothing", "decay")},
    {"id": "VJ08", "side": "port", "args": mdn2d(port="08_muorder_port.py"),
     "mechanism": "the means sliced from the head reshaped as (N, 2, K) and transposed where the "
                  "NumPy program reads them row-major as (N, K, 2): components and dimensions mixed",
     "expected": ("reshape", "order", "layout", "transpose", "mean")},
    # ---------------------------------------------------------------- NumPy programs with one bug
    {"id": "VJ09", "side": "numpy", "args": mdn1d(numpy="09_tanhgrad_numpy.py"),
     "mechanism": "tanh derivative taken of the activated values: 1 - tanh(h)^2 with h = tanh(pre) "
                  "already, instead of 1 - h^2 (W1, b1 gradients)",
     "expected": ("tanh", "derivative", "activated", "activation")},
    {"id": "VJ10", "side": "numpy", "args": mdn1d(numpy="10_logsigterm_numpy.py"),
     "mechanism": "log-sigma gradient without the term from -log sigma: -gamma z^2 / N instead of "
                  "gamma (1 - z^2) / N",
     "expected": ("log sigma", "logsig", "sigma", "missing term", "normaliz")},
    {"id": "VJ11", "side": "numpy", "args": mdn1d(numpy="11_epssqrt_numpy.py"),
     "mechanism": "Adam eps inside the square root: m_hat / sqrt(v_hat + eps) instead of "
                  "m_hat / (sqrt(v_hat) + eps)",
     "expected": ("eps", "epsilon", "sqrt", "square root")},
    {"id": "VJ12", "side": "numpy", "args": mdn1d(numpy="12_dmusigma_numpy.py"),
     "mechanism": "mean gradient missing a 1/sigma: -gamma z / N with z = (y - mu)/sigma instead of "
                  "-gamma z / sigma / N (the derivative of z^2/2 taken in z, not in mu)",
     "expected": ("sigma", "mean", "mu", "derivative", "chain")},
    {"id": "VJ13", "side": "numpy", "args": mdn2d(numpy="13_rmsnoalpha_numpy.py"),
     "mechanism": "RMSprop square average without the (1 - alpha) factor: sq = alpha sq + g^2 "
                  "instead of alpha sq + (1 - alpha) g^2",
     "expected": ("alpha", "1 - alpha", "square_avg", "rmsprop", "square")},
    {"id": "VJ14", "side": "numpy", "args": mdn2d(numpy="14_softplusgrad_numpy.py"),
     "mechanism": "softplus derivative taken as sigmoid(sigma) of the floored output instead of "
                  "sigmoid(s) of the pre-activation",
     "expected": ("softplus", "sigmoid", "derivative", "activated", "sigma")},
    {"id": "VJ15", "side": "numpy", "args": mdn2d(numpy="15_entropyH_numpy.py"),
     "mechanism": "entropy-bonus gradient on the mixture logits missing the + H term: "
                  "pi log pi instead of pi (log pi + H) (the softmax Jacobian's second part)",
     "expected": ("entropy", "jacobian", "softmax", "missing term", "logits")},
    {"id": "VJ16", "side": "numpy", "args": mdn2d(numpy="16_gammaalias_numpy.py"),
     "mechanism": "dlogits = gamma without a copy, then modified in place (-= pi, *= -1/N, += entropy "
                  "term): the responsibilities used next for the mean and sigma gradients are corrupted",
     "expected": ("in-place", "in place", "alias", "copy", "responsibilit")},
    # ---------------------------------------------------------------- correct variants
    {"id": "VJ17", "side": "correct", "args": mdn1d_alt(),
     "mechanism": "correct: NumPy 1-D MDN with (out, in) weights in a flat 'layer.W' dict, einsum, "
                  "np.logaddexp.reduce, Adam in torch's form with in-place moments",
     "expected": ()},
    {"id": "VJ18", "side": "correct", "args": mdn2d_dist(),
     "mechanism": "correct: port with raw (in, out) nn.Parameters and torch.distributions "
                  "(MixtureSameFamily of Independent Normals, Categorical entropy)",
     "expected": ()},
    {"id": "VJ19", "side": "correct", "args": mdn2d_alt(),
     "mechanism": "correct: NumPy 2-D MDN with (out, in) weights, a loop over layers, softplus as "
                  "logaddexp and its derivative 1 - exp(-softplus), entropy gradient via the softmax "
                  "Jacobian, in-place RMSprop",
     "expected": ()},
]
