"""One hundred and fifty-seventh fresh held-out set for the diagnosis: one planted bug per program
in fresh157/, 8 PyTorch ports (checked against the correct NumPy program) and 8 NumPy programs
(checked against the correct port), and 3 correct variants. The theme is autoencoders on small
dense data: variational autoencoders (encoder MLP to mean and log-variance, the
reparameterisation z = mu + exp(0.5 logvar) * eps with eps FIXED, supplied as the batch's y,
a decoder MLP with a sigmoid output, a reconstruction loss summed per row plus a beta-weighted
KL term, averaged over the batch) and a denoising autoencoder with tied weights.

The base programs (data from fresh157/make_data.py, fixed seed, nothing random while training):

    vae_numpy.py:VAE / vae_torch.py:VAE, vae.npz X (48, 12) binary, y (48, 3) the noise eps
        h = tanh(X W1 + b1); mu = h Wmu + bmu; logvar = h Wlv + blv (two heads);
        z = mu + exp(0.5 logvar) eps; xhat = sigmoid(tanh(z W3 + b3) W4 + b4);
        loss = mean over rows of [BCE summed over the 12 features + 0.8 * KL summed over the
        3 latents]; NumPy weights kept (in, out) in a params dict. Adam lr 5e-3,
        betas (0.9, 0.999), eps 1e-8, bias-corrected (net.m / net.v against exp_avg / exp_avg_sq).
    vae_mse_numpy.py:BetaVAE / vae_mse_torch.py:BetaVAE, vae_mse.npz X (32, 10) in [0, 1],
        y (32, 2) the noise eps
        one encoder head: [mu | logvar] = tanh(X We1 + be1) We2 + be2 (torch: .chunk(2, dim=1));
        xhat = sigmoid(relu(z Wd1 + bd1) Wd2 + bd2); loss = mean over rows of
        [sum of squared errors + 0.5 * KL]; NumPy weights as attributes kept (in, out).
        RMSprop lr 2e-3, alpha 0.9, eps 1e-8 (net.sq against square_avg).
    dae_numpy.py:TiedDAE / dae_torch.py:TiedDAE, dae.npz X (40, 10) corrupted (masking noise),
        y (40, 10) clean
        h = sigmoid(X W + bh); r = sigmoid(h W^T + bo) (one weight, tied; NumPy W (10, 6), torch
        W (6, 10) applied with F.linear); loss = mean over rows of the summed squared error
        against the clean y. RMSprop lr 1e-2, alpha 0.95, eps 1e-8, momentum 0.9 (net.sq
        against square_avg, net.buf against momentum_buffer).

Same format as cases.py; run with

    python3 scripts/diagnosis_held_out.py --cases fresh157_cases

Each case:
    id          short name (prefixed UA)
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

F = "scripts/diagnosis_sets/fresh157/"
RUN = ["--steps", "20", "--dtype", "float32", "--device", "cpu"]


def vae(numpy="vae_numpy.py", port="vae_torch.py"):
    return [F + numpy + ":VAE", "--torch", F + port + ":VAE",
            "--data", F + "vae.npz", "--as-written",
            "--param", "params['W1']=enc.weight.T",
            "--param", "params['b1']=enc.bias",
            "--param", "params['Wmu']=fc_mu.weight.T",
            "--param", "params['bmu']=fc_mu.bias",
            "--param", "params['Wlv']=fc_logvar.weight.T",
            "--param", "params['blv']=fc_logvar.bias",
            "--param", "params['W3']=dec1.weight.T",
            "--param", "params['b3']=dec1.bias",
            "--param", "params['W4']=dec2.weight.T",
            "--param", "params['b4']=dec2.bias", *RUN]


def vae_alt():
    return [F + "vae_alt_numpy.py:VAEAlt", "--torch", F + "vae_torch.py:VAE",
            "--data", F + "vae.npz", "--as-written",
            "--param", "params['enc_w']=enc.weight",
            "--param", "params['enc_b']=enc.bias",
            "--param", "params['mu_w']=fc_mu.weight",
            "--param", "params['mu_b']=fc_mu.bias",
            "--param", "params['lv_w']=fc_logvar.weight",
            "--param", "params['lv_b']=fc_logvar.bias",
            "--param", "params['d1_w']=dec1.weight",
            "--param", "params['d1_b']=dec1.bias",
            "--param", "params['d2_w']=dec2.weight",
            "--param", "params['d2_b']=dec2.bias", *RUN]


def vmse(numpy="vae_mse_numpy.py", port="vae_mse_torch.py"):
    return [F + numpy + ":BetaVAE", "--torch", F + port + ":BetaVAE",
            "--data", F + "vae_mse.npz", "--as-written",
            "--param", "We1=encoder.0.weight.T",
            "--param", "be1=encoder.0.bias",
            "--param", "We2=encoder.2.weight.T",
            "--param", "be2=encoder.2.bias",
            "--param", "Wd1=decoder.0.weight.T",
            "--param", "bd1=decoder.0.bias",
            "--param", "Wd2=decoder.2.weight.T",
            "--param", "bd2=decoder.2.bias",
            "--state", "square_avg=net.sq", *RUN]


def vmse_alt():
    return [F + "vae_mse_numpy.py:BetaVAE", "--torch", F + "vae_mse_alt_torch.py:BetaVAEAlt",
            "--data", F + "vae_mse.npz", "--as-written",
            "--param", "We1=w_in",
            "--param", "be1=b_in",
            "--param", "We2=w_head",
            "--param", "be2=b_head",
            "--param", "Wd1=w_up",
            "--param", "bd1=b_up",
            "--param", "Wd2=w_out",
            "--param", "bd2=b_out",
            "--state", "square_avg=net.sq", *RUN]


def dae(numpy="dae_numpy.py", port="dae_torch.py"):
    return [F + numpy + ":TiedDAE", "--torch", F + port + ":TiedDAE",
            "--data", F + "dae.npz", "--as-written",
            "--param", "W=W.T",
            "--param", "bh=bh",
            "--param", "bo=bo",
            "--state", "square_avg=net.sq",
            "--state", "momentum_buffer=net.buf", *RUN]


def dae_alt():
    return [F + "dae_alt_numpy.py:TiedDAEAlt", "--torch", F + "dae_torch.py:TiedDAE",
            "--data", F + "dae.npz", "--as-written",
            "--param", "params['W']=W",
            "--param", "params['bh']=bh",
            "--param", "params['bo']=bo",
            "--state", "square_avg=net.square_avg",
            "--state", "momentum_buffer=net.momentum_buffer", *RUN]


CASES = [
    # ---------------------------------------------------------------- PyTorch ports with one bug
    {"id": "UA01", "side": "port", "args": vae(port="01_stdscale_port.py"),
     "mechanism": "reparameterisation with std = exp(logvar) instead of exp(0.5 * logvar): the "
                  "log-variance read as a log standard deviation (the 0.5 left out)",
     "expected": ("0.5", "std", "standard deviation", "logvar", "reparameter")},
    {"id": "UA02", "side": "port", "args": vae(port="02_klmean_port.py"),
     "mechanism": "KL term reduced with torch.mean over the 3 latent dimensions instead of "
                  "torch.sum (dim=1): the KL, hence its gradient, a third of the NumPy one",
     "expected": ("kl", "mean", "sum", "reduction", "latent")},
    {"id": "UA03", "side": "port", "args": vae(port="03_stddetach_port.py"),
     "mechanism": "std = torch.exp(0.5 * logvar).detach() in the reparameterisation: the "
                  "reconstruction gradient no longer reaches the log-variance head (only the KL does)",
     "expected": ("detach", "logvar", "std", "gradient", "reparameter")},
    {"id": "UA04", "side": "port", "args": vmse(port="04_chunkorder_port.py"),
     "mechanism": "logvar, mu = encoder(x).chunk(2, dim=1): the two halves of the encoder head "
                  "swapped (NumPy takes mu from the first half)",
     "expected": ("swap", "chunk", "order", "mu", "logvar", "half")},
    {"id": "UA05", "side": "port", "args": vmse(port="05_alpha_port.py"),
     "mechanism": "torch.optim.RMSprop without alpha=0.9: torch's default smoothing constant "
                  "alpha 0.99 for the squared-gradient average",
     "expected": ("alpha", "rmsprop", "smoothing", "square_avg", "decay")},
    {"id": "UA06", "side": "port", "args": vmse(port="06_nobeta_port.py"),
     "mechanism": "loss = recon + kl: the beta weight 0.5 on the KL term left out of the port",
     "expected": ("beta", "kl", "weight", "term")},
    {"id": "UA07", "side": "port", "args": dae(port="07_target_port.py"),
     "mechanism": "denoising loss computed against the corrupted input X instead of the clean "
                  "target y (plain autoencoder objective)",
     "expected": ("target", "input", "clean", "noisy", "corrupted")},
    {"id": "UA08", "side": "port", "args": dae(port="08_nozerograd_port.py"),
     "mechanism": "optimizer.zero_grad() left out of train_step: .grad accumulates over steps "
                  "(from step 2 every gradient is the running sum)",
     "expected": ("zero_grad", "accumulat", "accumulate", "sum over steps")},
    # ---------------------------------------------------------------- NumPy programs with one bug
    {"id": "UA09", "side": "numpy", "args": vae(numpy="09_bcegrad_numpy.py"),
     "mechanism": "output gradient (xhat - x) multiplied again by the sigmoid derivative "
                  "xhat (1 - xhat): the BCE-through-sigmoid gradient treated like squared error",
     "expected": ("sigmoid", "derivative", "bce", "cross-entropy", "output")},
    {"id": "UA10", "side": "numpy", "args": vae(numpy="10_reparamhalf_numpy.py"),
     "mechanism": "reparameterisation backward to logvar without the 0.5: dlogvar = dz * eps * std "
                  "instead of dz * eps * 0.5 * std (the KL part is right)",
     "expected": ("0.5", "logvar", "reparameter", "derivative", "factor")},
    {"id": "UA11", "side": "numpy", "args": vae(numpy="11_epssqrt_numpy.py"),
     "mechanism": "Adam eps added inside the square root, sqrt(v_hat + eps), instead of "
                  "sqrt(v_hat) + eps",
     "expected": ("eps", "epsilon", "sqrt", "square root", "denominator")},
    {"id": "UA12", "side": "numpy", "args": vmse(numpy="12_msegrad_numpy.py"),
     "mechanism": "squared-error gradient without the factor 2: dxhat = (xhat - x) / N for a loss "
                  "sum (xhat - x)^2",
     "expected": ("factor 2", "2", "half", "squared error", "constant")},
    {"id": "UA13", "side": "numpy", "args": vmse(numpy="13_alphaswap_numpy.py"),
     "mechanism": "RMSprop average with alpha and 1 - alpha swapped: sq = 0.1 sq + 0.9 g^2",
     "expected": ("alpha", "rmsprop", "square_avg", "swap", "decay")},
    {"id": "UA14", "side": "numpy", "args": vmse(numpy="14_concatorder_numpy.py"),
     "mechanism": "encoder-head gradient concatenated as [dlogvar, dmu] while the forward splits "
                  "[mu | logvar]: the two halves' gradients swapped (We2, be2 and below)",
     "expected": ("order", "swap", "concat", "mu", "logvar", "half")},
    {"id": "UA15", "side": "numpy", "args": dae(numpy="15_tiedgrad_numpy.py"),
     "mechanism": "tied weight gradient with the encoder contribution only: the decoder's "
                  "do^T h term (W used transposed in the decoder) left out",
     "expected": ("tied", "decoder", "missing", "term", "transpose")},
    {"id": "UA16", "side": "numpy", "args": dae(numpy="16_dampening_numpy.py"),
     "mechanism": "RMSprop momentum buffer with a (1 - momentum) dampening: buf = 0.9 buf + 0.1 "
                  "g / (sqrt(sq) + eps), where torch adds the full g / (sqrt(sq) + eps)",
     "expected": ("momentum", "dampening", "momentum_buffer", "1 - momentum", "buffer")},
    # ---------------------------------------------------------------- correct variants
    {"id": "UA17", "side": "correct", "args": vae_alt(),
     "mechanism": "correct: NumPy VAE with weights kept (out, in), einsum products, the BCE in the "
                  "stable logits form, KL through sigma, Adam with folded bias corrections, in place",
     "expected": ()},
    {"id": "UA18", "side": "correct", "args": vmse_alt(),
     "mechanism": "correct: beta-VAE port with raw (in, out) nn.Parameters, einsum, sliced head, "
                  "addcmul reparameterisation, clamp ReLU, expit, the loss as total sum / N",
     "expected": ()},
    {"id": "UA19", "side": "correct", "args": dae_alt(),
     "mechanism": "correct: tied DAE in NumPy with W kept (hidden, in), einsum, tanh-form sigmoid "
                  "and RMSprop state updated in place",
     "expected": ()},
]
