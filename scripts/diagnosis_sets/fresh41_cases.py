"""Forty-first fresh held-out set for the diagnosis: one planted bug per program in fresh41/
(eight PyTorch ports and eight NumPy programs, every one checked as a pair against a correct
program of the user's own with --as-written, since the kit's dense family has no place for an
encoder with two heads and a sampled code) and three correct programs in unusual styles. The
theme is variational autoencoders written from scratch in NumPy and ported to PyTorch: a
Bernoulli VAE (BCE from the logits summed over the pixels) and a conditional beta-VAE with a
Gaussian (squared-error) decoder and a one-hot label concatenated to the encoder's input and to
the code; the encoder's mean and log-variance heads, the reparameterisation z = mu +
exp(0.5 logvar) * eps, the closed-form KL to N(0, I) summed over the code and averaged over the
batch, a beta weight on the KL. The noise eps is drawn once by fresh41/make_data.py and stored
in the data beside the inputs (the last columns of X), so every step is deterministic.
vae_numpy.py / vae_torch.py and cvae_numpy.py / cvae_torch.py are the correct references the
numbered (buggy) files are checked against; each numbered file is its reference with one line
changed, the fix written beside it as `# fix: ...`.
Same format as cases.py; run with

    python3 scripts/diagnosis_held_out.py --cases fresh41_cases

Each case:
    id          short name (prefixed PO)
    side        "port", "numpy" or "correct"
    args        the `parity check` argument list (paths relative to the repository root);
                scripts/diagnosis_held_out.py adds --steps 20, --dtype float32 and
                --device cpu where the case does not give them, and --json, --quiet
    mechanism   the planted mechanism, one line (for a correct case, what it exercises)
    expected    keywords (case-insensitive) that an explanation naming the mechanism would
                contain; written from the mechanism, before any run, not from the kit's output;
                () for a correct program

Written without reading the kit's diagnosis rules (nor its findings, nor the diagnosis output
for these programs: they were validated by exit status alone). The mechanisms differ from those
of the development set (cases.py), fresh/, fresh2/, ..., fresh40/ (fresh33's VAE cases, the
variance given as torch.distributions.Normal's scale and the reparameterisation backward without
its 0.5, are not repeated). Each buggy program was checked to fail (exit 1) and its fix (the bug
line the only difference) to pass (exit 0) under the same arguments; each correct program
passes (exit 0).
"""

F = "scripts/diagnosis_sets/fresh41/"

PIXELS, LABELLED = F + "pixels.npz", F + "labelled.npz"


def params(*pairs: str) -> list[str]:
    return [a for p in pairs for a in ("--param", p)]


LAYERS = (("We", "enc.weight.T"), ("be", "enc.bias"), ("Wm", "mu.weight.T"), ("bm", "mu.bias"),
          ("Wv", "logvar.weight.T"), ("bv", "logvar.bias"), ("Wd", "dec.weight.T"), ("bd", "dec.bias"),
          ("Wo", "out.weight.T"), ("bo", "out.bias"))
VAE_PARAMS = params(*(f"{k}={t}" for k, t in LAYERS))
DICT_PARAMS = params(*(f"params['{k}']={t}" for k, t in LAYERS))


def pair(numpy_file: str, numpy_name: str, torch_file: str, torch_name: str, *extra: str) -> list[str]:
    """A NumPy program of the user's own against the user's own port, both as written."""
    return [f"{F}{numpy_file}:{numpy_name}", "--torch", f"{F}{torch_file}:{torch_name}", "--as-written",
            "--init", f"net = {numpy_name}()", *extra]


def vae(numpy_file: str = "vae_numpy.py", torch_file: str = "vae_torch.py") -> list[str]:
    return pair(numpy_file, "VAE", torch_file, "VAE", "--data", PIXELS, *VAE_PARAMS)


def cvae(numpy_file: str = "cvae_numpy.py", torch_file: str = "cvae_torch.py") -> list[str]:
    return pair(numpy_file, "CVAE", torch_file, "CVAE", "--data", LABELLED, *VAE_PARAMS)


CASES = [
    # ------------------------------------------------------------------ ports
    dict(id="PO01_vae_kl_sign", side="port",
         args=vae(torch_file="01_vae_kl_sign_torch.py"),
         mechanism="pair: the port writes the KL as +0.5 sum(1 + logvar - mu^2 - exp(logvar)) / n, the leading minus "
                   "sign lost: the KL term enters the loss negated, so its gradient pushes mu away from 0 and logvar "
                   "away from 0 (d/dmu = -mu / n instead of +mu / n, d/dlogvar = -0.5 (exp(logvar) - 1) / n) and the "
                   "loss is recon - KL",
         expected=("sign", "minus", "negated", "negative", "kl", "kullback", "divergence", "-0.5", "+0.5",
                   "kl term", "flipped", "wrong sign", "opposite", "maximis", "prior", "regulari")),
    dict(id="PO02_vae_kl_batch_sum", side="port",
         args=vae(torch_file="02_vae_kl_batch_sum_torch.py"),
         mechanism="pair: the port's KL is summed over the batch (no / n) while the reconstruction term is averaged "
                   "over it: the KL term and its gradients through mu and logvar are n = 32 times too large relative "
                   "to the reconstruction's",
         expected=("kl", "divergence", "batch", "sum", "summed", "mean", "averag", "/ n", "batch size", "32",
                   "times too large", "reduction", "scale", "factor", "not divided")),
    dict(id="PO03_vae_bce_mean", side="port",
         args=vae(torch_file="03_vae_bce_mean_torch.py"),
         mechanism="pair: the reconstruction term is F.binary_cross_entropy(torch.sigmoid(logits), y) with the "
                   "default reduction='mean', which averages over every element (32 rows x 6 pixels) instead of "
                   "summing over the pixels and averaging over the rows: the reconstruction loss and its gradient "
                   "are 1/6 of the NumPy program's, so the KL weighs 6 times more",
         expected=("reduction", "mean", "sum", "binary_cross_entropy", "bce", "reconstruction", "pixels",
                   "elements", "1/6", "6", "averag", "features", "per element", "divided", "reduction='sum'")),
    dict(id="PO04_vae_std_variance", side="port",
         args=vae(torch_file="04_vae_std_variance_torch.py"),
         mechanism="pair: the reparameterisation scales the noise by torch.exp(logvar), the variance, instead of "
                   "the standard deviation torch.exp(0.5 * logvar): z = mu + sigma^2 eps, so the sampled code and "
                   "the gradient reaching logvar through it (d_z eps exp(logvar) instead of d_z eps 0.5 "
                   "exp(0.5 logvar)) are wrong; the KL term is right",
         expected=("variance", "standard deviation", "std", "exp(logvar)", "exp(0.5", "0.5 * logvar", "sigma",
                   "sigma^2", "reparameter", "square", "sqrt", "logvar", "noise", "eps", "z =")),
    dict(id="PO05_cvae_label_order", side="port",
         args=cvae(torch_file="05_cvae_label_order_torch.py"),
         mechanism="pair: the port's decoder input is torch.cat([c, z], dim=1), the one-hot label first, where the "
                   "NumPy program concatenates [z, c]: the decoder weight's first two input columns (the code's) "
                   "multiply label entries and the code meets label rows, so the decoder's output and every "
                   "gradient differ (the encoder's [x, c] is in the right order)",
         expected=("concatenat", "torch.cat", "order", "label", "one-hot", "condition", "decoder", "columns",
                   "swapped", "[c, z]", "[z, c]", "input order", "permut", "rows", "dec.weight")),
    dict(id="PO06_cvae_heads_swapped", side="port",
         args=cvae(torch_file="06_cvae_heads_swapped_torch.py"),
         mechanism="pair: the port unpacks the encoder's heads the wrong way round, mu, logvar = self.logvar(h), "
                   "self.mu(h): the layer paired with the NumPy mean head produces the log-variance and vice versa, "
                   "so the code, the KL and the gradients of both heads are exchanged",
         expected=("swapped", "swap", "heads", "mu", "logvar", "log-variance", "mean", "exchanged", "wrong way",
                   "order", "unpack", "encoder", "interchanged", "reversed")),
    dict(id="PO07_cvae_beta_on_recon", side="port",
         args=cvae(torch_file="07_cvae_beta_on_recon_torch.py"),
         mechanism="pair: the beta weight (0.5) multiplies the reconstruction term instead of the KL, loss = BETA * "
                   "recon + kl instead of recon + BETA * kl: the reconstruction gradient is halved and the KL's "
                   "doubled relative to the NumPy program",
         expected=("beta", "weight", "kl", "reconstruction", "wrong term", "0.5", "halved", "doubled", "factor",
                   "recon", "beta-vae", "multiplies", "coefficient", "scale")),
    dict(id="PO08_cvae_fresh_noise", side="port",
         args=cvae(torch_file="08_cvae_fresh_noise_torch.py"),
         mechanism="pair: the port draws fresh noise with torch.randn_like(mu) in the reparameterisation instead of "
                   "using the eps stored in the data (the last two columns of X): z differs from the NumPy "
                   "program's at every step, so the reconstruction, the loss and every gradient through the code "
                   "differ randomly",
         expected=("noise", "eps", "epsilon", "randn", "randn_like", "random", "sample", "seed", "stored",
                   "fresh", "reparameter", "stochastic", "nondetermin", "non-determin", "different noise")),
    # ------------------------------------------------------------------ NumPy programs
    dict(id="PO09_vae_kl_mu_sign", side="numpy",
         args=vae(numpy_file="09_vae_kl_mu_sign_numpy.py"),
         mechanism="pair: the hand-written backward subtracts the KL's gradient on the mean, d_mu = d_z - BETA mu / n "
                   "instead of + BETA mu / n (the derivative of -0.5 (-mu^2) taken with the wrong sign): the mean "
                   "head (Wm, bm) and, through it, the encoder get the wrong gradient; the loss is right",
         expected=("sign", "mu", "mean", "kl", "d_mu", "gradient", "minus", "wrong sign", "negated", "backward",
                   "derivative", "opposite", "mu / n", "wm", "bm")),
    dict(id="PO10_vae_decoder_from_mu", side="numpy",
         args=vae(numpy_file="10_vae_decoder_from_mu_numpy.py"),
         mechanism="pair: the decoder's first weight gradient is taken from the mean instead of the sampled code, "
                   "Wd grad = mu.T @ d_hd instead of z.T @ d_hd (as if z = mu, the evaluation-time code): Wd's "
                   "gradient misses the std * eps part of its input; every other gradient is right",
         expected=("mu", "z", "sampled", "code", "decoder", "wd", "input", "mean instead", "reparameter",
                   "std * eps", "noise", "activation", "wrong variable", "latent", "w2")),
    dict(id="PO11_vae_bce_grad_sum", side="numpy",
         args=vae(numpy_file="11_vae_bce_grad_sum_numpy.py"),
         mechanism="pair: the output gradient of the BCE is p - y without the / n of the batch mean (the loss itself "
                   "is averaged): the reconstruction's gradients are n = 32 times too large while the KL's are "
                   "right, so the decoder's gradients are 32 times the port's and the encoder's a mix",
         expected=("batch", "/ n", "mean", "sum", "averag", "32", "batch size", "times too large", "p - y",
                   "reconstruction", "bce", "scale", "factor", "not divided")),
    dict(id="PO12_vae_kl_grad_std", side="numpy",
         args=vae(numpy_file="12_vae_kl_grad_std_numpy.py"),
         mechanism="pair: the KL's gradient on the log-variance uses the standard deviation where the variance "
                   "belongs, 0.5 (std - 1) / n instead of 0.5 (exp(logvar) - 1) / n (d/dlogvar of exp(logvar) "
                   "is exp(logvar)): the logvar head (Wv, bv) and the encoder get the wrong gradient; the loss is "
                   "right",
         expected=("variance", "standard deviation", "std", "exp(logvar)", "logvar", "log-variance", "kl",
                   "derivative", "gradient", "sigma", "sigma^2", "wv", "bv", "0.5 * logvar", "square")),
    dict(id="PO13_cvae_label_rows", side="numpy",
         args=cvae(numpy_file="13_cvae_label_rows_numpy.py"),
         mechanism="pair: the gradient reaching the code through the decoder is d_hd @ Wd[-L:].T, the last two rows "
                   "of the decoder weight (the label's rows), instead of Wd[:L].T, the code's rows of the "
                   "concatenated [z, c] input: d_z, and with it the gradients of both heads and the encoder, are "
                   "wrong; the decoder's own gradients are right",
         expected=("rows", "slice", "label", "one-hot", "concatenat", "wd", "decoder", "d_z", "code", "index",
                   "[:l]", "[-l:]", "wrong rows", "condition", "backward")),
    dict(id="PO14_cvae_kl_grad_no_beta", side="numpy",
         args=cvae(numpy_file="14_cvae_kl_grad_no_beta_numpy.py"),
         mechanism="pair: the beta weight (0.5) is left out of the KL's gradient on the log-variance, 0.5 "
                   "(exp(logvar) - 1) / n instead of BETA * 0.5 (exp(logvar) - 1) / n, while the loss and the mean's "
                   "gradient carry it: the log-variance head's KL gradient is twice too large",
         expected=("beta", "kl", "logvar", "log-variance", "weight", "missing", "twice", "2x", "factor",
                   "gradient", "coefficient", "0.5", "wv", "bv", "omitted")),
    dict(id="PO15_cvae_sse_grad_half", side="numpy",
         args=cvae(numpy_file="15_cvae_sse_grad_half_numpy.py"),
         mechanism="pair: the squared error's output gradient drops the 2 of d/dx (x - y)^2, (x_hat - y) / n instead "
                   "of 2 (x_hat - y) / n (the half-SSE's gradient for a loss without the 1/2): the reconstruction's "
                   "gradients are halved, the KL's right",
         expected=("factor 2", "2", "half", "halved", "0.5", "squared error", "derivative", "mse", "sse",
                   "reconstruction", "gradient", "1/2", "twice", "x_hat - y", "missing")),
    dict(id="PO16_vae_kl_mu_half", side="numpy",
         args=vae(numpy_file="16_vae_kl_mu_half_numpy.py"),
         mechanism="pair: the KL's gradient on the mean is written 2 mu / n, the derivative of mu^2 without the "
                   "KL's 0.5, instead of mu / n: the KL's pull of the mean towards 0 is twice too strong in the "
                   "mean head's gradient (Wm, bm) and the encoder's; the loss is right",
         expected=("0.5", "half", "twice", "2", "factor", "kl", "mu", "mean", "derivative", "gradient",
                   "mu^2", "2 * mu", "d_mu", "wm", "bm")),
    # ------------------------------------------------------------------ correct
    dict(id="POC1_vae_bernoulli_dist", side="correct",
         args=vae(torch_file="correct_01_vae_torch.py"),
         mechanism="pair: the port's reconstruction term as -Bernoulli(logits, validate_args=False).log_prob(y) "
                   "summed over the pixels, the code by torch.addcmul(mu, std, eps), the KL in the form 0.5 sum(mu^2 "
                   "+ sigma^2 - 1 - log sigma^2) per row, one .mean(), Linear layers shared with nn.Sequential "
                   "blocks; against the hand-written NumPy VAE",
         expected=()),
    dict(id="POC2_cvae_functional", side="correct",
         args=cvae(torch_file="correct_02_cvae_torch.py"),
         mechanism="pair: the conditional VAE's port in a functional style: torch.tensor_split of X into readings, "
                   "label and noise, torch.hstack for the concatenations, F.linear on the modules' weights, "
                   "F.mse_loss(reduction='none').sum(1), the KL per row through torch.einsum; against the "
                   "hand-written NumPy CVAE",
         expected=()),
    dict(id="POC3_vae_dict_einsum", side="correct",
         args=pair("correct_03_vae_numpy.py", "DictVAE", "vae_torch.py", "VAE", "--data", PIXELS, *DICT_PARAMS),
         mechanism="pair: NumPy VAE with its parameters in one dict (paired with --param params['We']=...), every "
                   "product through np.einsum, the sigmoid as 0.5 (1 + tanh(a / 2)), the BCE with np.log1p, the KL "
                   "as 0.5 sum(mu^2 + std^2 - 1 - logvar), updates with np.subtract(out=); against the plain port",
         expected=()),
]
