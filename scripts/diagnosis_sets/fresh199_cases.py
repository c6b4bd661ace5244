"""One hundred and ninety-ninth fresh held-out set for the diagnosis: one planted bug per program in
fresh199/, 8 PyTorch ports (checked against the correct NumPy program) and 8 NumPy programs
(checked against the correct port), and 3 correct variants. The theme is energy-based and
score-matching models on small dense data: denoising score matching with the noise given as data
(the network predicts the score -(x_noisy - x)/sigma^2, weighted by sigma^2 over three fixed noise
levels per row), and noise-contrastive estimation (logistic loss against fixed noise samples) of a
softplus energy network with a learned log-normaliser; Adam written by hand in NumPy.

The base programs (data from fresh199/make_data.py, fixed seed, nothing random while training):

    dsm_numpy.py:DSMNet / dsm_torch.py:ScoreNet, dsm.npz X (32, 4) clean rows (two blobs),
        y (32, 12) standard-normal noise, 3 levels sigma in (0.1, 0.3, 1.0) of 4 dims each.
        x_noisy = x + sigma eps; input [x_noisy, sigma] (5); tanh MLP 5->32->32->4 (params dict,
        W kept (in, out)); loss mean over the 96 (row, level) pairs of
        0.5 sigma^2 ||s - target||^2, target = -(x_noisy - x)/sigma^2.
        Adam lr 2e-3, betas (0.9, 0.999), eps 1e-8, bias-corrected, as torch.optim.Adam.
    nce_numpy.py:NCEEnergy / nce_torch.py:EnergyNet, nce.npz X (32, 4) data rows, y (32, 4) fixed
        noise samples from N(0, 2^2 I). E(x) = softplus(x W1 + b1) W2 (4->24->1, no output bias,
        W kept (in, out)), learned log-normaliser c (1,); logit G = -E + c - log q(x) with the
        full Gaussian log-density; loss mean softplus(-G(data)) + mean softplus(G(noise)).
        Adam lr 1e-2 (defaults otherwise), as torch.optim.Adam.

Same format as cases.py; run with

    python3 scripts/diagnosis_held_out.py --cases fresh199_cases

Each case:
    id          short name (prefixed VQ)
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

F = "scripts/diagnosis_sets/fresh199/"
RUN = ["--steps", "20", "--dtype", "float32", "--device", "cpu"]


def dsm(numpy="dsm_numpy.py", port="dsm_torch.py"):
    return [F + numpy + ":DSMNet", "--torch", F + port + ":ScoreNet",
            "--data", F + "dsm.npz", "--as-written",
            "--param", "params['W1']=fc1.weight.T",
            "--param", "params['b1']=fc1.bias",
            "--param", "params['W2']=fc2.weight.T",
            "--param", "params['b2']=fc2.bias",
            "--param", "params['W3']=out.weight.T",
            "--param", "params['b3']=out.bias", *RUN]


def dsm_layers():
    return [F + "dsm_alt_numpy.py:DSMLayers", "--torch", F + "dsm_torch.py:ScoreNet",
            "--data", F + "dsm.npz", "--as-written",
            "--param", "layers[0]['W']=fc1.weight",
            "--param", "layers[0]['b']=fc1.bias",
            "--param", "layers[1]['W']=fc2.weight",
            "--param", "layers[1]['b']=fc2.bias",
            "--param", "layers[2]['W']=out.weight",
            "--param", "layers[2]['b']=out.bias", *RUN]


def nce(numpy="nce_numpy.py", port="nce_torch.py"):
    return [F + numpy + ":NCEEnergy", "--torch", F + port + ":EnergyNet",
            "--data", F + "nce.npz", "--as-written",
            "--param", "W1=hidden.weight.T",
            "--param", "b1=hidden.bias",
            "--param", "W2=energy.weight.T",
            "--param", "c=log_z", *RUN]


def nce_raw_port():
    return [F + "nce_numpy.py:NCEEnergy", "--torch", F + "nce_alt_torch.py:EnergyNet",
            "--data", F + "nce.npz", "--as-written",
            "--param", "W1=W1",
            "--param", "b1=b1",
            "--param", "W2=W2",
            "--param", "c=c", *RUN]


def nce_stacked():
    return [F + "nce_alt_numpy.py:NCEStacked", "--torch", F + "nce_torch.py:EnergyNet",
            "--data", F + "nce.npz", "--as-written",
            "--param", "W1=hidden.weight",
            "--param", "b1=hidden.bias",
            "--param", "W2=energy.weight.T",
            "--param", "c=log_z", *RUN]


CASES = [
    # ---------------------------------------------------------------- PyTorch ports with one bug
    {"id": "VQ01", "side": "port", "args": dsm(port="01_sigmaweight_port.py"),
     "mechanism": "score-matching loss weighted by sigma instead of sigma^2 (lambda(sigma) = sigma)",
     "expected": ("weight", "sigma", "sigma^2", "sigma**2", "lambda")},
    {"id": "VQ02", "side": "port", "args": dsm(port="02_noisescale_port.py"),
     "mechanism": "noisy input built as x + eps, the noise not scaled by sigma (the target, "
                  "-(x_noisy - x)/sigma^2, follows it)",
     "expected": ("noise", "sigma", "scale", "x_noisy", "perturb")},
    {"id": "VQ03", "side": "port", "args": dsm(port="03_adambetas_port.py"),
     "mechanism": "torch.optim.Adam(betas=(0.9, 0.99)) where the NumPy Adam uses beta2 = 0.999",
     "expected": ("beta2", "betas", "0.999", "0.99", "second moment")},
    {"id": "VQ04", "side": "port", "args": dsm(port="04_dimmean_port.py"),
     "mechanism": "squared error averaged over the 4 data dimensions (.mean(dim=-1)) instead of "
                  "summed: the loss and every gradient 4 times smaller",
     "expected": ("mean", "sum", "reduction", "dimension", "4")},
    {"id": "VQ05", "side": "port", "args": nce(port="05_lognormconst_port.py"),
     "mechanism": "noise log-density log q(x) without its normalising constant "
                  "-D log(sigma sqrt(2 pi)): every NCE logit shifted by a constant",
     "expected": ("log q", "noise", "normalizing", "normalising", "constant", "log-density")},
    {"id": "VQ06", "side": "port", "args": nce(port="06_noisenograd_port.py"),
     "mechanism": "the noise samples' logits computed under torch.no_grad(): the noise half of "
                  "the NCE loss contributes no gradient",
     "expected": ("no_grad", "detach", "noise", "no gradient", "missing")},
    {"id": "VQ07", "side": "port", "args": nce(port="07_weightdecay_port.py"),
     "mechanism": "torch.optim.Adam(weight_decay=1e-2): L2 decay coupled into the gradient of "
                  "every parameter, which the NumPy Adam does not have",
     "expected": ("weight decay", "weight_decay", "decay", "l2")},
    {"id": "VQ08", "side": "port", "args": nce(port="08_noisesign_port.py"),
     "mechanism": "noise term written -logsigmoid(G(noise)) instead of -logsigmoid(-G(noise)): "
                  "noise samples pushed toward the data class (wrong sign)",
     "expected": ("sign", "noise", "logsigmoid", "label", "negative")},
    # ---------------------------------------------------------------- NumPy programs with one bug
    {"id": "VQ09", "side": "numpy", "args": dsm(numpy="09_tanhpre_numpy.py"),
     "mechanism": "second tanh layer's derivative computed as 1 - a^2 from the pre-activation a "
                  "instead of 1 - tanh(a)^2",
     "expected": ("tanh", "derivative", "pre-activation", "preactivation", "W2", "b2")},
    {"id": "VQ10", "side": "numpy", "args": dsm(numpy="10_adamstep_numpy.py"),
     "mechanism": "Adam bias correction off by one: 1 - beta^(t+1) after t was already incremented",
     "expected": ("bias correction", "bias-correct", "off-by-one", "step count", "t + 1")},
    {"id": "VQ11", "side": "numpy", "args": dsm(numpy="11_biasmean_numpy.py"),
     "mechanism": "output bias gradient db3 = ds.mean(axis=0) instead of ds.sum(axis=0): the batch "
                  "mean taken twice, b3's gradient 96 times too small",
     "expected": ("b3", "mean", "sum", "bias", "96")},
    {"id": "VQ12", "side": "numpy", "args": dsm(numpy="12_noweightgrad_numpy.py"),
     "mechanism": "backward drops the sigma^2 weight (ds = (s - target)/R) while the forward loss "
                  "keeps it: gradients disagree with the loss",
     "expected": ("sigma", "weight", "sigma^2", "missing", "backward")},
    {"id": "VQ13", "side": "numpy", "args": nce(numpy="13_softplusderiv_numpy.py"),
     "mechanism": "softplus derivative for the noise branch taken as sigmoid(h) of the softplus "
                  "output instead of sigmoid(z) of its input",
     "expected": ("softplus", "derivative", "sigmoid", "noise", "W1", "b1")},
    {"id": "VQ14", "side": "numpy", "args": nce(numpy="14_biascorr_numpy.py"),
     "mechanism": "Adam second-moment bias correction uses beta1 (1 - beta1^t) instead of beta2",
     "expected": ("bias correction", "beta2", "second moment", "v_hat", "beta1")},
    {"id": "VQ15", "side": "numpy", "args": nce(numpy="15_lognormsign_numpy.py"),
     "mechanism": "learned log-normaliser gradient with the wrong sign (dc = -sum dG, copied from "
                  "the energy's sign)",
     "expected": ("sign", "c", "log-normaliser", "log_z", "normalizer")},
    {"id": "VQ16", "side": "numpy", "args": nce(numpy="16_noiseinput_numpy.py"),
     "mechanism": "W1 gradient of the noise branch uses the data rows (X.T @ dz_noise) instead "
                  "of the noise samples (y.T @ dz_noise)",
     "expected": ("W1", "noise", "input", "data", "wrong input")},
    # ---------------------------------------------------------------- correct variants
    {"id": "VQ17", "side": "correct", "args": dsm_layers(),
     "mechanism": "correct: DSM as a list of layers with W kept (out, in), einsum products, "
                  "levels stacked level-major, target -eps/sigma, Adam in place",
     "expected": ()},
    {"id": "VQ18", "side": "correct", "args": nce_raw_port(),
     "mechanism": "correct: port with raw nn.Parameters in the NumPy layouts, softplus via "
                  "logaddexp, loss via BCE-with-logits on each half",
     "expected": ()},
    {"id": "VQ19", "side": "correct", "args": nce_stacked(),
     "mechanism": "correct: NumPy NCE with data and noise stacked with labels and 1/N weights, "
                  "softplus derivative 1 - exp(-h), W1 kept (hidden, in), Adam in place",
     "expected": ()},
]
