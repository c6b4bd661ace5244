"""Two hundred and third fresh held-out set for the diagnosis: one planted bug per program in
fresh203/, 8 PyTorch ports (checked against the correct NumPy program) and 8 NumPy programs
(checked against the correct port), and 3 correct variants. The theme is sparse autoencoders
written by hand: one hidden layer, tied or untied weights, a KL sparsity target on the mean
activation (rho-hat) or an L1 penalty on the codes, decoder columns rescaled to unit norm after
every step, SGD with momentum or Adam.

The base programs (data from fresh203/make_data.py, fixed seed, nothing random while training):

    kl_numpy.py:TiedKLAutoencoder / kl_torch.py:TiedKLAutoencoder, kl.npz X (48, 16) in (0, 1),
        y = X (unused; the target is X)
        tied weights W (NumPy (n_in, n_hidden) = 16 x 24; torch keeps W (24, 16), the nn.Linear
        layout, used by F.linear(x, W) to encode and F.linear(h, W.t()) to decode); sigmoid
        codes h = sigmoid(X W + b1); linear decoder X_hat = h W^T + b2; loss
        0.5 * sum((X_hat - X)^2) / N + beta * sum_j KL(rho || rho_hat_j), rho 0.05, beta 0.5,
        rho_hat the batch mean of h. SGD lr 0.1 momentum 0.9 (v = mu v + g; p -= lr v), then
        each hidden unit's atom (a column of NumPy's W, a row of torch's W) rescaled to unit norm.
    l1_numpy.py:SparseAutoencoder / l1_torch.py:SparseAutoencoder, l1.npz X (40, 16), y = X
        untied: f = relu((X - b_dec) W_enc + b_enc), X_hat = f W_dec + b_dec, 32 features
        (W_enc (16, 32) = enc.weight.T, W_dec (32, 16) = dec.weight.T, b_dec a parameter of its
        own subtracted at the input too); loss mean over rows of ||X_hat - X||^2 + 0.1 * mean
        over rows of ||f||_1. Adam lr 5e-3, betas (0.9, 0.999), eps 1e-8, bias-corrected as
        torch.optim.Adam; then each feature's decoder vector (a row of W_dec, a column of
        dec.weight) rescaled to unit norm.

Same format as cases.py; run with

    python3 scripts/diagnosis_held_out.py --cases fresh203_cases

Each case:
    id          short name (prefixed VU)
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

F = "scripts/diagnosis_sets/fresh203/"
RUN = ["--steps", "20", "--dtype", "float32", "--device", "cpu"]


def kl(numpy="kl_numpy.py", port="kl_torch.py"):
    return [F + numpy + ":TiedKLAutoencoder", "--torch", F + port + ":TiedKLAutoencoder",
            "--data", F + "kl.npz", "--as-written",
            "--param", "params['W']=W.T",
            "--param", "params['b1']=b1",
            "--param", "params['b2']=b2", *RUN]


def kl_alt():
    return [F + "kl_alt_numpy.py:TiedKLAutoencoderT", "--torch", F + "kl_torch.py:TiedKLAutoencoder",
            "--data", F + "kl.npz", "--as-written",
            "--param", "D=W",
            "--param", "c=b1",
            "--param", "a=b2", *RUN]


def l1(numpy="l1_numpy.py", port="l1_torch.py"):
    return [F + numpy + ":SparseAutoencoder", "--torch", F + port + ":SparseAutoencoder",
            "--data", F + "l1.npz", "--as-written",
            "--param", "W_enc=enc.weight.T",
            "--param", "b_enc=enc.bias",
            "--param", "W_dec=dec.weight.T",
            "--param", "b_dec=b_dec", *RUN]


def l1_raw_port():
    return [F + "l1_numpy.py:SparseAutoencoder", "--torch", F + "l1_alt_torch.py:SparseAutoencoder",
            "--data", F + "l1.npz", "--as-written",
            "--param", "W_enc=W_enc",
            "--param", "b_enc=b_enc",
            "--param", "W_dec=W_dec",
            "--param", "b_dec=b_dec", *RUN]


def l1_dict_numpy():
    return [F + "l1_alt_numpy.py:SAE", "--torch", F + "l1_torch.py:SparseAutoencoder",
            "--data", F + "l1.npz", "--as-written",
            "--param", "p['enc_w']=enc.weight.T",
            "--param", "p['enc_b']=enc.bias",
            "--param", "p['dec_w']=dec.weight.T",
            "--param", "p['dec_b']=b_dec", *RUN]


CASES = [
    # ---------------------------------------------------------------- PyTorch ports with one bug
    {"id": "VU01", "side": "port", "args": kl(port="01_klterm_port.py"),
     "mechanism": "KL sparsity penalty written with only rho * log(rho / rho_hat): the "
                  "(1 - rho) * log((1 - rho) / (1 - rho_hat)) term is left out",
     "expected": ("kl", "1 - rho", "missing term", "sparsity", "divergence")},
    {"id": "VU02", "side": "port", "args": kl(port="02_reconmean_port.py"),
     "mechanism": "reconstruction loss 0.5 * F.mse_loss(x_hat, x): a mean over all N * 16 "
                  "elements where the NumPy program sums over the features and divides by N",
     "expected": ("mean", "sum", "reduction", "mse", "16")},
    {"id": "VU03", "side": "port", "args": kl(port="03_renormdim_port.py"),
     "mechanism": "unit-norm renormalisation of the tied weight over dim=0 of W (24, 16) "
                  "instead of dim=1: the wrong axis is rescaled (input columns, not atoms)",
     "expected": ("norm", "axis", "dim", "renormal", "column")},
    {"id": "VU04", "side": "port", "args": kl(port="04_renormorder_port.py"),
     "mechanism": "decoder renormalisation called before optimizer.step() instead of after: "
                  "the momentum step is applied to the renormalised weight, which is left "
                  "off unit norm",
     "expected": ("order", "before", "after", "norm", "renormal")},
    {"id": "VU05", "side": "port", "args": l1(port="05_nobdec_port.py"),
     "mechanism": "encoder applied to x instead of x - b_dec: the pre-encoder subtraction of "
                  "the decoder bias is left out",
     "expected": ("b_dec", "bias", "subtract", "center", "input")},
    {"id": "VU06", "side": "port", "args": l1(port="06_l1sum_port.py"),
     "mechanism": "L1 penalty f.abs().sum() over the whole batch instead of the per-row sum "
                  "averaged over the 40 rows: the sparsity term 40 times too large",
     "expected": ("l1", "sum", "mean", "reduction", "40")},
    {"id": "VU07", "side": "port", "args": l1(port="07_detachbdec_port.py"),
     "mechanism": "b_dec detached where it is subtracted at the encoder input: b_dec's gradient "
                  "loses its encoder-path contribution (only the decoder-output path remains)",
     "expected": ("detach", "b_dec", "gradient", "encoder", "path")},
    {"id": "VU08", "side": "port", "args": l1(port="08_betas_port.py"),
     "mechanism": "torch.optim.Adam(betas=(0.9, 0.99)) where the NumPy Adam uses beta2 0.999",
     "expected": ("beta2", "betas", "0.999", "second moment", "exp_avg_sq")},
    # ---------------------------------------------------------------- NumPy programs with one bug
    {"id": "VU09", "side": "numpy", "args": kl(numpy="09_kldpre_numpy.py"),
     "mechanism": "KL sparsity gradient added after the sigmoid derivative (to d pre-activation) "
                  "instead of to dh: the sparsity term misses its sigmoid' factor",
     "expected": ("sigmoid", "derivative", "kl", "sparsity", "chain")},
    {"id": "VU10", "side": "numpy", "args": kl(numpy="10_tiedpath_numpy.py"),
     "mechanism": "tied weight gradient takes only the decoder contribution (d_xhat^T h); "
                  "the encoder path X^T dpre is left out",
     "expected": ("tied", "encoder", "path", "missing", "W.grad")},
    {"id": "VU11", "side": "numpy", "args": kl(numpy="11_dampening_numpy.py"),
     "mechanism": "momentum buffer v = mu v + (1 - mu) g (an exponential moving average, "
                  "dampening) where torch SGD uses v = mu v + g",
     "expected": ("dampening", "momentum", "1 - mu", "moving average", "velocity")},
    {"id": "VU12", "side": "numpy", "args": kl(numpy="12_sqnorm_numpy.py"),
     "mechanism": "renormalisation divides each column of W by its squared norm (sum of "
                  "squares, the sqrt left out) instead of its Euclidean norm",
     "expected": ("norm", "sqrt", "square", "renormal", "unit")},
    {"id": "VU13", "side": "numpy", "args": l1(numpy="13_relumask_numpy.py"),
     "mechanism": "ReLU backward mask (f >= 0), true everywhere, instead of (pre > 0): gradient "
                  "flows through inactive features",
     "expected": ("relu", "mask", "derivative", ">= 0", "inactive")},
    {"id": "VU14", "side": "numpy", "args": l1(numpy="14_epssqrt_numpy.py"),
     "mechanism": "Adam eps placed inside the square root: sqrt(v_hat + eps) instead of "
                  "sqrt(v_hat) + eps",
     "expected": ("eps", "epsilon", "sqrt", "square root", "denominator")},
    {"id": "VU15", "side": "numpy", "args": l1(numpy="15_l1mean_numpy.py"),
     "mechanism": "L1 penalty gradient lam * sign(f) without the 1/N of the batch mean: the "
                  "sparsity gradient 40 times too large",
     "expected": ("l1", "1/n", "mean", "batch", "40")},
    {"id": "VU16", "side": "numpy", "args": l1(numpy="16_adamstep_numpy.py"),
     "mechanism": "Adam step counter started at 1 and incremented before use: bias corrections "
                  "use t + 1 (off by one)",
     "expected": ("bias correction", "step count", "off by one", "t + 1", "bias-correct")},
    # ---------------------------------------------------------------- correct variants
    {"id": "VU17", "side": "correct", "args": kl_alt(),
     "mechanism": "correct: tied weight kept in the decoder layout D (24, 16), einsum products, "
                  "logistic via tanh, KL gradient in the (rho_hat - rho)/(rho_hat(1 - rho_hat)) "
                  "form, momentum updated in place",
     "expected": ()},
    {"id": "VU18", "side": "correct", "args": l1_raw_port(),
     "mechanism": "correct: port with raw nn.Parameters in the NumPy layout, torch.addmm, "
                  "F.mse_loss(reduction='sum') / N, vector_norm L1, F.normalize renorm",
     "expected": ()},
    {"id": "VU19", "side": "correct", "args": l1_dict_numpy(),
     "mechanism": "correct: NumPy SAE with one params dict, np.where ReLU gradient, Adam as "
                  "m_hat / (sqrt(v_hat) + eps), renorm by multiplying by 1/sqrt(sum of squares)",
     "expected": ()},
]
