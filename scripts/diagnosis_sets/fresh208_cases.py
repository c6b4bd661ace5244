"""Two hundred and eighth fresh held-out set for the diagnosis: one planted bug per program in
fresh208/, 8 PyTorch ports (checked against the correct NumPy program) and 8 NumPy programs
(checked against the correct port), and 3 correct variants. The theme is count-data regression
MLPs: Poisson regression with a log link and an exposure offset column in the data, and
negative-binomial (NB2) regression with a softplus dispersion head; Adam or RMSprop written by
hand on the NumPy side, torch.optim on the port.

The base programs (data from fresh208/make_data.py, fixed seed, nothing random while training):

    poisson_numpy.py:PoissonMLP / poisson_torch.py:PoissonMLP, poisson.npz X (48, 6) (five
        features, the exposure in the last column), y (48,) counts
        eta = tanh(x W1 + b1) W2 + b2 + log(exposure), 5 -> 24 -> 1 (W kept (in, out), attributes);
        loss mean(exp(eta) - y eta) (F.poisson_nll_loss(log_input=True), mean).
        Adam lr 0.01, betas (0.9, 0.999), eps 1e-8, bias-corrected, as torch.optim.Adam.
    negbin_numpy.py:NegBinMLP / negbin_torch.py:NegBinMLP, negbin.npz X (40, 4), y (40,) counts
        ReLU 4 -> 16, head 16 -> 2 (params dict, W kept (in, out)): column 0 the log mean,
        column 1 through softplus the dispersion alpha; r = 1/alpha; NB2 NLL
        -lgamma(y+r) + lgamma(r) + lgamma(y+1) - r log r - y eta + (r+y) log(r+mu), mean
        (port: torch.distributions.NegativeBinomial(total_count=r, logits=eta - log r)).
        NumPy gradient through digamma. RMSprop lr 0.01, rho (torch alpha) 0.9, eps 1e-8
        outside the square root, as torch.optim.RMSprop.

Same format as cases.py; run with

    python3 scripts/diagnosis_held_out.py --cases fresh208_cases

Each case:
    id          short name (prefixed VZ)
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

F = "scripts/diagnosis_sets/fresh208/"
RUN = ["--steps", "20", "--dtype", "float32", "--device", "cpu"]


def poisson(numpy="poisson_numpy.py", port="poisson_torch.py"):
    return [F + numpy + ":PoissonMLP", "--torch", F + port + ":PoissonMLP",
            "--data", F + "poisson.npz", "--as-written",
            "--param", "W1=hidden.weight.T",
            "--param", "b1=hidden.bias",
            "--param", "W2=out.weight.T",
            "--param", "b2=out.bias", *RUN]


def poisson_layers():
    return [F + "poisson_alt_numpy.py:PoissonLayers", "--torch", F + "poisson_torch.py:PoissonMLP",
            "--data", F + "poisson.npz", "--as-written",
            "--param", "layers[0]['W']=hidden.weight",
            "--param", "layers[0]['b']=hidden.bias",
            "--param", "layers[1]['W']=out.weight",
            "--param", "layers[1]['b']=out.bias", *RUN]


def negbin(numpy="negbin_numpy.py", port="negbin_torch.py"):
    return [F + numpy + ":NegBinMLP", "--torch", F + port + ":NegBinMLP",
            "--data", F + "negbin.npz", "--as-written",
            "--param", "params['W1']=fc.weight.T",
            "--param", "params['b1']=fc.bias",
            "--param", "params['W2']=head.weight.T",
            "--param", "params['b2']=head.bias", *RUN]


def negbin_seq_port():
    return [F + "negbin_numpy.py:NegBinMLP", "--torch", F + "negbin_alt_torch.py:NegBinNet",
            "--data", F + "negbin.npz", "--as-written",
            "--param", "params['W1']=body.0.weight.T",
            "--param", "params['b1']=body.0.bias",
            "--param", "params['W2']=head.weight.T",
            "--param", "params['b2']=head.bias", *RUN]


def negbin_alt_numpy():
    return [F + "negbin_alt_numpy.py:NegBinAlt", "--torch", F + "negbin_torch.py:NegBinMLP",
            "--data", F + "negbin.npz", "--as-written",
            "--param", "W1=fc.weight.T",
            "--param", "b1=fc.bias",
            "--param", "Wout=head.weight",
            "--param", "bout=head.bias", *RUN]


CASES = [
    # ---------------------------------------------------------------- PyTorch ports with one bug
    {"id": "VZ01", "side": "port", "args": poisson(port="01_rawexposure_port.py"),
     "mechanism": "the exposure column is added to the linear predictor as it is "
                  "(eta = f(x) + exposure) instead of as the log-exposure offset",
     "expected": ("offset", "exposure", "log")},
    {"id": "VZ02", "side": "port", "args": poisson(port="02_sumreduction_port.py"),
     "mechanism": "F.poisson_nll_loss(..., reduction='sum') where the NumPy program averages "
                  "the Poisson NLL over the batch",
     "expected": ("sum", "mean", "reduction", "batch size", "48")},
    {"id": "VZ03", "side": "port", "args": poisson(port="03_featslice_port.py"),
     "mechanism": "features sliced as X[:, 1:] instead of X[:, :-1]: the first feature dropped and "
                  "the exposure column fed to the hidden layer (off-by-one column slice)",
     "expected": ("column", "slice", "feature", "input", "off-by-one")},
    {"id": "VZ04", "side": "port", "args": poisson(port="04_beta2_port.py"),
     "mechanism": "torch.optim.Adam(betas=(0.9, 0.99)) where the NumPy Adam uses beta2 = 0.999",
     "expected": ("beta2", "betas", "second moment", "exp_avg_sq", "0.99")},
    {"id": "VZ05", "side": "port", "args": negbin(port="05_explink_port.py"),
     "mechanism": "dispersion head alpha = exp(z) instead of softplus(z)",
     "expected": ("softplus", "exp", "dispersion", "activation", "link")},
    {"id": "VZ06", "side": "port", "args": negbin(port="06_probsflip_port.py"),
     "mechanism": "NegativeBinomial logits flipped (log r - eta): the success probability "
                  "r/(r+mu) of the scipy convention, where torch's counts need mu/(r+mu)",
     "expected": ("probs", "logits", "convention", "negative binomial", "sign")},
    {"id": "VZ07", "side": "port", "args": negbin(port="07_rmsalpha_port.py"),
     "mechanism": "torch.optim.RMSprop without alpha=0.9: the smoothing constant of the square "
                  "average left at the default 0.99 (NumPy rho 0.9)",
     "expected": ("alpha", "rho", "smoothing", "square_avg", "0.99")},
    {"id": "VZ08", "side": "port", "args": negbin(port="08_nozerograd_port.py"),
     "mechanism": "optimizer.zero_grad() left out of train_step: gradients accumulate across steps",
     "expected": ("zero_grad", "accumulat", "not reset")},
    # ---------------------------------------------------------------- NumPy programs with one bug
    {"id": "VZ09", "side": "numpy", "args": poisson(numpy="09_tanhderiv_numpy.py"),
     "mechanism": "tanh derivative computed from the pre-activation (1 - z1**2) instead of "
                  "1 - tanh(z1)**2",
     "expected": ("tanh", "derivative", "pre-activation", "activation")},
    {"id": "VZ10", "side": "numpy", "args": poisson(numpy="10_bc2beta1_numpy.py"),
     "mechanism": "Adam second-moment bias correction computed with beta1 (1 - beta1**t) "
                  "instead of beta2",
     "expected": ("bias correction", "bias-correct", "beta2", "second moment", "exp_avg_sq")},
    {"id": "VZ11", "side": "numpy", "args": poisson(numpy="11_b2mean_numpy.py"),
     "mechanism": "output bias gradient taken as the mean over the batch of an already "
                  "1/N-scaled loss gradient: b2.grad N = 48 times too small",
     "expected": ("mean", "sum", "reduction", "batch size", "48")},
    {"id": "VZ12", "side": "numpy", "args": poisson(numpy="12_nooffsetgrad_numpy.py"),
     "mechanism": "backward uses the rate exp(f(x)) without the exposure offset in mu - y, while "
                  "the forward loss includes the log-exposure",
     "expected": ("offset", "exposure", "rate", "mu")},
    {"id": "VZ13", "side": "numpy", "args": negbin(numpy="13_drminus1_numpy.py"),
     "mechanism": "gradient with respect to the NB size r misses the -1 from d(r log r)/dr = "
                  "log r + 1 (only the dispersion head's gradient changes)",
     "expected": ("dispersion", "missing term", "log r", "derivative")},
    {"id": "VZ14", "side": "numpy", "args": negbin(numpy="14_softplusderiv_numpy.py"),
     "mechanism": "softplus derivative evaluated at the softplus output, sigmoid(alpha), "
                  "instead of sigmoid(z)",
     "expected": ("softplus", "derivative", "sigmoid", "activated", "dispersion")},
    {"id": "VZ15", "side": "numpy", "args": negbin(numpy="15_rmsnodecay_numpy.py"),
     "mechanism": "RMSprop square average accumulated as rho*v + g**2, the (1 - rho) factor "
                  "on the new squared gradient left out",
     "expected": ("rmsprop", "square_avg", "1 - rho", "1 - alpha", "square average")},
    {"id": "VZ16", "side": "numpy", "args": negbin(numpy="16_headswap_numpy.py"),
     "mechanism": "gradients of the two head columns stacked in swapped order: the dispersion "
                  "gradient sent to the log-mean column and vice versa",
     "expected": ("swap", "column", "index", "order", "head")},
    # ---------------------------------------------------------------- correct variants
    {"id": "VZ17", "side": "correct", "args": poisson_layers(),
     "mechanism": "correct: list of layer dicts with (out, in) weights, einsum products, "
                  "mu = exposure * exp(log rate), Adam moments and weights updated in place",
     "expected": ()},
    {"id": "VZ18", "side": "correct", "args": negbin_seq_port(),
     "mechanism": "correct: port with an nn.Sequential body, NB2 log-likelihood written with "
                  "torch.lgamma and log1p(alpha mu), dispersion as log1p(exp(z))",
     "expected": ()},
    {"id": "VZ19", "side": "correct", "args": negbin_alt_numpy(),
     "mechanism": "correct: NumPy NB net with attributes, head weight kept (out, in), gradient "
                  "taken in alpha directly, softplus' as -expm1(-alpha), RMSprop in place",
     "expected": ()},
]
