"""One hundred and eighty-fourth fresh held-out set for the diagnosis: one planted bug per program
in fresh184/, 8 PyTorch ports (checked against the correct NumPy program) and 8 NumPy programs
(checked against the correct port), and 3 correct variants. The theme is Bayesian neural networks
trained by Bayes-by-backprop: every weight and bias has a mean mu and a rho with
sigma = softplus(rho), the weights of a step are sampled by the reparameterisation
w = mu + sigma * eps with every eps fixed as data per step (eps_*.npz, indexed by each program's
own step counter), and a closed-form Gaussian KL to a N(0, prior_sigma^2) prior,
    log(prior_sigma / sigma) + (sigma^2 + mu^2) / (2 prior_sigma^2) - 1/2 per weight,
is added to the negative log-likelihood with a weight; the NumPy side writes the gradients for mu
and rho by hand (dw/dmu = 1, dw/dsigma = eps, dsigma/drho = sigmoid(rho)).

The base programs (data from fresh184/make_data.py, fixed seed):

    bbb_numpy.py:BayesMLP / bbb_torch.py:BayesMLP, cls.npz X (32, 6), y (32,) in {0, 1, 2},
        noise eps_cls.npz (32 steps of W1 (6, 16), b1 (16,), W2 (16, 3), b2 (3,))
        Bayesian dense 6 -> 16 tanh -> 3 logits; loss = softmax cross-entropy SUMMED over the
        batch + KL / num_batches (num_batches 10), prior_sigma 1. NumPy: self.params dict,
        weights (in, out), self.grads; torch: two BayesLinear modules (weight_mu / weight_rho
        (out, in), bias_mu / bias_rho, F.linear). Adam lr 0.01, betas (0.9, 0.999), eps 1e-8,
        bias-corrected as torch.optim.Adam.
    bbr_numpy.py:BayesRegressor / bbr_torch.py:BayesRegressor, reg.npz X (48, 4), y (48, 1),
        noise eps_reg.npz (32 steps of W1 (4, 24), b1 (24,), W2 (24, 1), b2 (1,))
        Bayesian dense 4 -> 24 ReLU -> 1; loss = Gaussian NLL with fixed noise_sigma 0.3 averaged
        over the batch + beta_t * KL / n_train (n_train 480), KL weight annealed
        beta_t = min(1, (t + 1) / 10) at the t-th step (t = 0, 1, ...), prior_sigma 0.5.
        NumPy: parameters as attributes (W1_mu, W1_rho, ...), weights (in, out), self.grads;
        torch: the parameters on the module in the same layout (x @ W + b). SGD lr 0.005,
        momentum 0.9 (v = mu v + g; p -= lr v).

Same format as cases.py; run with

    python3 scripts/diagnosis_held_out.py --cases fresh184_cases

Each case:
    id          short name (prefixed VB)
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

F = "scripts/diagnosis_sets/fresh184/"
RUN = ["--steps", "20", "--dtype", "float32", "--device", "cpu"]
NAMES = ("W1", "b1", "W2", "b2")


def cls(numpy="bbb_numpy.py", port="bbb_torch.py"):
    pairs = []
    for k, mod, kind in (("W1", "fc1", "weight"), ("b1", "fc1", "bias"),
                         ("W2", "fc2", "weight"), ("b2", "fc2", "bias")):
        layout = ".T" if kind == "weight" else ""
        for part in ("mu", "rho"):
            pairs += ["--param", f"params['{k}_{part}']={mod}.{kind}_{part}{layout}"]
    return [F + numpy + ":BayesMLP", "--torch", F + port + ":BayesMLP",
            "--data", F + "cls.npz", "--as-written", *pairs, *RUN]


def cls_alt_numpy():
    pairs = []
    for j, mod in ((0, "fc1"), (1, "fc2")):
        for kind, tname, layout in (("W", "weight", ".T"), ("b", "bias", "")):
            for part in ("mu", "rho"):
                pairs += ["--param", f"layers[{j}]['{kind}_{part}']={mod}.{tname}_{part}{layout}"]
    return [F + "bbb_alt_numpy.py:BayesMLP", "--torch", F + "bbb_torch.py:BayesMLP",
            "--data", F + "cls.npz", "--as-written", *pairs, *RUN]


def cls_pdict_port():
    pairs = []
    for k in NAMES:
        for part in ("mu", "rho"):
            pairs += ["--param", f"params['{k}_{part}']=params.{k}_{part}"]
    return [F + "bbb_numpy.py:BayesMLP", "--torch", F + "bbb_pdict_torch.py:BayesMLP",
            "--data", F + "cls.npz", "--as-written", *pairs, *RUN]


def reg(numpy="bbr_numpy.py", port="bbr_torch.py"):
    pairs = []
    for k in NAMES:
        for part in ("mu", "rho"):
            pairs += ["--param", f"{k}_{part}={k.lower()}_{part}"]
    return [F + numpy + ":BayesRegressor", "--torch", F + port + ":BayesRegressor",
            "--data", F + "reg.npz", "--as-written", *pairs, *RUN]


def reg_alt_port():
    pairs = []
    for k, j, tname, layout in (("W1", 0, "weight", ".T"), ("b1", 0, "bias", ""),
                                ("W2", 1, "weight", ".T"), ("b2", 1, "bias", "")):
        for part in ("mu", "rho"):
            pairs += ["--param", f"{k}_{part}=layers.{j}.{tname}_{part}{layout}"]
    return [F + "bbr_numpy.py:BayesRegressor", "--torch", F + "bbr_alt_torch.py:BayesRegressor",
            "--data", F + "reg.npz", "--as-written", *pairs, *RUN]


CASES = [
    # ---------------------------------------------------------------- PyTorch ports with one bug
    {"id": "VB01", "side": "port", "args": cls(port="01_klbatch_port.py"),
     "mechanism": "KL term divided by the batch size len(X) (32) instead of num_batches (10): the "
                  "KL weight of the minibatch loss is wrong",
     "expected": ("kl weight", "num_batches", "batch size", "kl scale", "1/32")},
    {"id": "VB02", "side": "port", "args": cls(port="02_nobiaskl_port.py"),
     "mechanism": "BayesLinear.kl() returns only the weight KL: the KL of the bias posteriors "
                  "(bias_mu, bias_rho) to the prior is left out of the loss",
     "expected": ("bias kl", "bias", "kl term", "missing", "omitted")},
    {"id": "VB03", "side": "port", "args": cls(port="03_detachsigma_port.py"),
     "mechanism": "weight sample w = mu + softplus(rho).detach() * eps: the likelihood gradient "
                  "no longer reaches weight_rho through the reparameterisation (only the KL does)",
     "expected": ("detach", "no gradient", "rho", "sigma", "reparameter")},
    {"id": "VB04", "side": "port", "args": cls(port="04_cemean_port.py"),
     "mechanism": "F.cross_entropy with its default mean reduction where the NumPy loss sums the "
                  "negative log-likelihood over the batch (NLL 32 times smaller against the KL)",
     "expected": ("mean", "sum", "reduction", "batch size", "32")},
    {"id": "VB05", "side": "port", "args": cls(port="05_exprho_port.py"),
     "mechanism": "sigma = torch.exp(rho) in the sample and the KL where the NumPy program uses "
                  "sigma = softplus(rho) = log(1 + exp(rho))",
     "expected": ("softplus", "exp", "sigma", "parameterisation", "parametrization")},
    {"id": "VB06", "side": "port", "args": reg(port="06_priorstd_port.py"),
     "mechanism": "closed-form KL divides (sigma^2 + mu^2) by 2 * prior_sigma (the std) instead of "
                  "2 * prior_sigma^2 (the prior variance), prior_sigma 0.5",
     "expected": ("prior", "variance", "sigma^2", "std", "kl")},
    {"id": "VB07", "side": "port", "args": reg(port="07_annealoff_port.py"),
     "mechanism": "KL annealing off by one: beta_t = min(1, t / 10) where the NumPy program uses "
                  "(t + 1) / 10, so the first step has no KL term and every weight lags a step",
     "expected": ("anneal", "off-by-one", "off by one", "kl weight", "beta")},
    {"id": "VB08", "side": "port", "args": reg(port="08_nozerograd_port.py"),
     "mechanism": "optimizer.zero_grad() left out of train_step: gradients accumulate across steps "
                  "into the SGD momentum",
     "expected": ("zero_grad", "accumul", "zero grad", "summed over steps")},
    # ---------------------------------------------------------------- NumPy programs with one bug
    {"id": "VB09", "side": "numpy", "args": cls(numpy="09_softplusgrad_numpy.py"),
     "mechanism": "softplus derivative written as sigmoid(-rho) instead of sigmoid(rho) in the "
                  "rho gradients (d sigma / d rho with the wrong sign inside the sigmoid)",
     "expected": ("softplus", "sigmoid", "sign", "rho", "derivative")},
    {"id": "VB10", "side": "numpy", "args": cls(numpy="10_noeps_numpy.py"),
     "mechanism": "likelihood gradient for rho taken as dL/dw instead of dL/dw * eps: the eps "
                  "factor of dw/dsigma in the reparameterisation left out",
     "expected": ("eps", "epsilon", "noise", "rho", "reparameter")},
    {"id": "VB11", "side": "numpy", "args": cls(numpy="11_kllogterm_numpy.py"),
     "mechanism": "KL derivative with respect to sigma missing the -1/sigma term of -log(sigma) "
                  "(only sigma / prior_sigma^2 kept) in the rho gradients",
     "expected": ("log", "1/sigma", "kl", "missing term", "rho")},
    {"id": "VB12", "side": "numpy", "args": cls(numpy="12_adambc_numpy.py"),
     "mechanism": "Adam second-moment bias correction computed with beta1 (1 - beta1^t) instead "
                  "of beta2 (1 - beta2^t)",
     "expected": ("bias correction", "beta2", "beta1", "second moment", "exp_avg_sq")},
    {"id": "VB13", "side": "numpy", "args": reg(numpy="13_muback_numpy.py"),
     "mechanism": "backward through the output layer uses the mean W2_mu instead of the sampled "
                  "weight W2 = mu + sigma * eps (dh = dpred @ W2_mu.T)",
     "expected": ("mean", "mu", "sampled", "w2", "sample")},
    {"id": "VB14", "side": "numpy", "args": reg(numpy="14_noisevar_numpy.py"),
     "mechanism": "Gaussian NLL gradient written (pred - y) / N without the 1 / noise_sigma^2 "
                  "factor (noise_sigma 0.3): likelihood gradients 11.1 times too small",
     "expected": ("noise", "variance", "sigma^2", "0.09", "scale")},
    {"id": "VB15", "side": "numpy", "args": reg(numpy="15_gradaccum_numpy.py"),
     "mechanism": "self.grads accumulated with += and never reset between steps: each step's "
                  "gradient carries all the previous ones",
     "expected": ("accumul", "reset", "zero", "summed over steps", "carried")},
    {"id": "VB16", "side": "numpy", "args": reg(numpy="16_klanneal_numpy.py"),
     "mechanism": "KL gradients use the full weight 1 / n_train, not the annealed beta_t / n_train "
                  "the loss uses (steps 1-9 only)",
     "expected": ("anneal", "kl weight", "beta", "schedule", "warm")},
    # ---------------------------------------------------------------- correct variants
    {"id": "VB17", "side": "correct", "args": cls_alt_numpy(),
     "mechanism": "correct: NumPy classifier with layers as a list of dicts, einsum products, "
                  "sigma = logaddexp(0, rho), sigmoid(rho) as 1 - exp(-sigma), in-place Adam",
     "expected": ()},
    {"id": "VB18", "side": "correct", "args": reg_alt_port(),
     "mechanism": "correct: regression port with a ModuleList of BayesLinear layers in (out, in) "
                  "layout, torch.distributions Normal log_prob and kl_divergence",
     "expected": ()},
    {"id": "VB19", "side": "correct", "args": cls_pdict_port(),
     "mechanism": "correct: classifier port with one nn.ParameterDict in the NumPy (in, out) "
                  "layout, log_softmax + gather NLL, KL as 0.5 (r + mu^2/p^2 - 1 - log r)",
     "expected": ()},
]
