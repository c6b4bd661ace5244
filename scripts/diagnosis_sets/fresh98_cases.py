"""Ninety-eighth fresh held-out set for the diagnosis: one planted bug per program in fresh98/
(eight PyTorch ports, each checked against a NumPy program of its own, and eight NumPy programs,
each checked against a correct port of its own) and three correct programs.
The theme is variational autoencoders and Bayesian layers written by hand, with the random noise
fixed as data so that a run is deterministic. A Gaussian VAE for tabular measurements: a tanh
encoder with separate mu and logvar heads, the reparameterisation z = mu + exp(0.5 * logvar) *
eps with eps read from the last three columns of X, a tanh/linear decoder, the squared error
summed over the features and averaged over the rows plus beta_t * KL(q || N(0, I)) with a linear
KL warm-up of beta, and Adam, in mini-batches of 16; a Bernoulli beta-VAE for binary 4x4 glyphs:
a ReLU encoder whose single head is split into mu (first half) and logvar (second half), eps a
fixed (N, Z) array drawn in __init__ from a seeded generator, a sigmoid decoder with the
cross-entropy summed over the pixels and averaged over the glyphs, BETA = 2 on the KL, gradient
clipping to a global norm then RMSprop with decay 0.9, full batch; and a Bayes-by-backprop
classifier: two Bayesian linear layers with W = mu + softplus(rho) * eps (eps draw
(t - 1) % 5 of fixed arrays made in __init__), ReLU, softmax cross-entropy plus the closed-form
KL to the prior N(0, 0.5^2) divided by the training-set size 48, SGD with heavy-ball momentum and
a StepLR decay, in mini-batches of 16. fresh98/make_data.py writes the data.
Same format as cases.py; run with

    python3 scripts/diagnosis_held_out.py --cases fresh98_cases

Each case:
    id          short name (prefixed RT)
    side        "port", "numpy" or "correct"
    args        the `parity check` argument list (paths relative to the repository root);
                scripts/diagnosis_held_out.py adds --steps 20, --dtype float32 and
                --device cpu where the case does not give them, and --json, --quiet
    mechanism   the planted mechanism, one line (for a correct case, what it exercises)
    expected    keywords (case-insensitive) that an explanation naming the mechanism would
                contain; written from the mechanism, before any run, not from the kit's output;
                () for a correct program

Written without reading the kit's diagnosis rules (nor its findings, nor the diagnosis output
for these programs: they were validated by exit status alone). Each buggy program was checked to
fail (exit 1) and its fix (the bug line the only difference, given in its `# fix:` comment) to
pass (exit 0) under the same arguments; each correct program passes (exit 0).
"""

F = "scripts/diagnosis_sets/fresh98/"

TABULAR, GLYPHS, BLOBS = F + "tabular.npz", F + "glyphs.npz", F + "blobs.npz"


def pair(numpy_file: str, numpy_name: str, torch_file: str, torch_name: str, *extra: str) -> list[str]:
    """A NumPy program of the user's own against the user's own port, both as written."""
    return [f"{F}{numpy_file}:{numpy_name}", "--torch", f"{F}{torch_file}:{torch_name}", "--as-written",
            "--init", f"net = {numpy_name}()", *extra]


def params(*pairs: str) -> list[str]:
    return [a for p in pairs for a in ("--param", p)]


VAE = ("--data", TABULAR, "--batch-size", "16")
VAE_PARAMS = params("params['We']=enc.weight.T", "params['be']=enc.bias",
                    "params['Wmu']=mu_head.weight.T", "params['bmu']=mu_head.bias",
                    "params['Wlv']=lv_head.weight.T", "params['blv']=lv_head.bias",
                    "params['Wd1']=dec1.weight.T", "params['bd1']=dec1.bias",
                    "params['Wd2']=dec2.weight.T", "params['bd2']=dec2.bias")
VAE_ALT_PARAMS = params("layers['enc']['w']=enc.weight", "layers['enc']['b']=enc.bias",
                        "layers['mu']['w']=mu_head.weight", "layers['mu']['b']=mu_head.bias",
                        "layers['lv']['w']=lv_head.weight", "layers['lv']['b']=lv_head.bias",
                        "layers['dec1']['w']=dec1.weight", "layers['dec1']['b']=dec1.bias",
                        "layers['dec2']['w']=dec2.weight", "layers['dec2']['b']=dec2.bias")
GLYPH = ("--data", GLYPHS, "--state", "square_avg=net.sq")
GLYPH_PARAMS = params("params['W1']=enc.weight.T", "params['b1']=enc.bias",
                      "params['W2']=stats.weight.T", "params['b2']=stats.bias",
                      "params['W3']=dec.weight.T", "params['b3']=dec.bias",
                      "params['W4']=out.weight.T", "params['b4']=out.bias")
GLYPH_P_PARAMS = params(*(f"params['{k}']=p.{k}" for k in ("W1", "b1", "W2", "b2", "W3", "b3", "W4", "b4")))
BBB = ("--data", BLOBS, "--batch-size", "16")
BBB_PARAMS = params("params['W1_mu']=fc1.weight_mu.T", "params['W1_rho']=fc1.weight_rho.T",
                    "params['b1']=fc1.bias", "params['W2_mu']=fc2.weight_mu.T",
                    "params['W2_rho']=fc2.weight_rho.T", "params['b2']=fc2.bias")
BBB_FLAT_PARAMS = params("params['W1_mu']=fc1.weight_mu", "params['W1_rho']=fc1.weight_rho",
                         "params['b1']=fc1.bias", "params['W2_mu']=fc2.weight_mu",
                         "params['W2_rho']=fc2.weight_rho", "params['b2']=fc2.bias")

CASES = [
    # ------------------------------------------------------------------ ports
    dict(id="RT01_vae_std_exp_logvar", side="port",
         args=pair("gauss_vae_numpy.py", "TabVAE", "01_vae_std_logvar_port.py", "TabVAE", *VAE, *VAE_PARAMS),
         mechanism="pair: the port's reparameterisation takes std = torch.exp(logvar) instead of "
                   "torch.exp(0.5 * logvar): the variance (sigma^2) is used as the standard deviation, so the "
                   "sample z = mu + std * eps, the reconstruction, the loss and every gradient through the "
                   "decoder and the logvar head differ from step 1 (the KL term itself is right)",
         expected=("reparameter", "logvar", "log variance", "exp(0.5 * logvar)", "0.5", "half",
                   "standard deviation", "std", "variance", "sigma", "square root", "sample", "eps",
                   "forward", "latent")),
    dict(id="RT02_vae_kl_warmup_from_zero", side="port",
         args=pair("gauss_vae_numpy.py", "TabVAE", "02_vae_warmup_count_port.py", "TabVAE", *VAE, *VAE_PARAMS),
         mechanism="pair: the port's KL weight is BETA * min(1, step_count / WARMUP) read before the counter "
                   "is incremented, instead of (step_count + 1) / WARMUP: the t-th update uses (t - 1) / 10, so "
                   "the first update has no KL term at all and every warm-up step is one step behind, until "
                   "beta reaches 1 at update 11; the loss and the gradients of the encoder differ on steps 1..10",
         expected=("warm-up", "warmup", "kl weight", "beta", "annealing", "schedule", "off by one",
                   "off-by-one", "one step behind", "step + 1", "step count", "counter", "first step",
                   "kl", "linear")),
    dict(id="RT03_vae_eps_wrong_columns", side="port",
         args=pair("gauss_vae_numpy.py", "TabVAE", "03_vae_eps_columns_port.py", "TabVAE", *VAE, *VAE_PARAMS),
         mechanism="pair: the port slices the noise as eps = X[:, :Z], the first three feature columns, "
                   "instead of X[:, D:], the three noise columns at the end: the reparameterised sample "
                   "z = mu + std * eps uses the wrong noise, so z, the reconstruction, the loss and every "
                   "gradient (except the KL part) differ from step 1",
         expected=("eps", "noise", "column", "columns", "slice", "slicing", "x[:, d:]", "wrong columns",
                   "reparameter", "sample", "input", "data", "index", "features", "latent")),
    dict(id="RT04_glyph_chunk_order", side="port",
         args=pair("bern_vae_numpy.py", "GlyphVAE", "04_glyph_chunk_order_port.py", "GlyphVAE", *GLYPH,
                   *GLYPH_PARAMS),
         mechanism="pair: the port unpacks the encoder head as logvar, mu = stats(h).chunk(2, dim=1), the "
                   "halves swapped: the first Z outputs (NumPy's mu) are read as logvar and the last Z as mu, "
                   "so the sample, the KL, the loss and every gradient differ from step 1",
         expected=("chunk", "split", "swapped", "order", "mu", "logvar", "halves", "head", "encoder output",
                   "columns", "layout", "unpack", "mean and variance", "reparameter", "forward")),
    dict(id="RT05_glyph_bce_mean", side="port",
         args=pair("bern_vae_numpy.py", "GlyphVAE", "05_glyph_bce_mean_port.py", "GlyphVAE", *GLYPH,
                   *GLYPH_PARAMS),
         mechanism="pair: the port's reconstruction term is F.binary_cross_entropy(prob, y) with the default "
                   "reduction='mean', averaged over all 32 * 16 elements, instead of summed over the 16 "
                   "pixels and divided by the batch: the reconstruction and its gradients are 16 times too "
                   "small relative to the KL (which is still per glyph), so the loss and every gradient differ",
         expected=("binary_cross_entropy", "bce", "reduction", "mean", "sum", "reduction='sum'", "pixels",
                   "per pixel", "16", "scaled", "reconstruction", "kl", "relative weight", "batch",
                   "normaliz")),
    dict(id="RT06_glyph_rmsprop_alpha", side="port",
         args=pair("bern_vae_numpy.py", "GlyphVAE", "06_glyph_rmsprop_alpha_port.py", "GlyphVAE", *GLYPH,
                   *GLYPH_PARAMS),
         mechanism="pair: the port builds torch.optim.RMSprop without alpha=ALPHA, so it uses torch's default "
                   "decay 0.99 where the NumPy program uses 0.9: the squared-gradient average gets 0.01 * g^2 "
                   "instead of 0.1 * g^2 per step, so square_avg and every update differ from step 1 while "
                   "the gradients agree",
         expected=("rmsprop", "alpha", "0.99", "0.9", "decay", "default", "square_avg", "squared gradient",
                   "moving average", "second moment", "optimizer", "update", "hyperparameter", "rho",
                   "smoothing")),
    dict(id="RT07_bbb_prior_sigma_not_squared", side="port",
         args=pair("bbb_numpy.py", "BayesMLP", "07_bbb_prior_variance_port.py", "BayesMLP", *BBB, *BBB_PARAMS),
         mechanism="pair: the port's closed-form KL divides (sigma^2 + mu^2) by 2 * PRIOR_SIGMA instead of "
                   "2 * PRIOR_SIGMA ** 2: the prior standard deviation 0.5 is used where its variance 0.25 "
                   "belongs, so the KL's quadratic term is half as large; the loss, the mu gradients "
                   "(mu / s0^2 / N halved) and the rho gradients differ, the bias gradients agree",
         expected=("prior", "prior variance", "prior_sigma", "sigma ** 2", "squared", "variance",
                   "standard deviation", "kl", "kl divergence", "closed form", "gaussian", "mu",
                   "regulariz", "bayes", "weight_mu")),
    dict(id="RT08_bbb_kl_over_batch", side="port",
         args=pair("bbb_numpy.py", "BayesMLP", "08_bbb_kl_batch_port.py", "BayesMLP", *BBB, *BBB_PARAMS),
         mechanism="pair: the port divides the KL by len(X), the minibatch size 16, instead of N_TRAIN, the "
                   "training-set size 48: the KL term and its gradients on the mu and rho parameters are three "
                   "times too large (the per-example ELBO scaling is wrong), the data term and the bias "
                   "gradients agree",
         expected=("kl", "n_train", "len(x)", "batch size", "dataset size", "training set", "minibatch",
                   "elbo", "scaled", "3", "three times", "normaliz", "kl weight", "divide",
                   "complexity cost")),
]

CASES += [
    # ------------------------------------------------------------------ NumPy programs
    dict(id="RT09_vae_dlogvar_missing_half", side="numpy",
         args=pair("09_vae_logvar_half_numpy.py", "TabVAE", "gauss_vae_torch.py", "TabVAE", *VAE, *VAE_PARAMS),
         mechanism="pair: the hand-written backward through the sample takes dz/dlogvar = eps * std instead "
                   "of 0.5 * eps * std (the derivative of exp(0.5 * logvar) loses its 1/2): the "
                   "reconstruction part of the logvar gradient is doubled, so Wlv, blv and (through the "
                   "logvar head) We, be get wrong gradients; the loss and the decoder and mu-head gradients "
                   "are right",
         expected=("logvar", "0.5", "half", "factor 2", "factor of 2", "chain rule", "reparameter",
                   "exp(0.5 * logvar)", "std", "derivative", "backward", "gradient", "eps", "sample",
                   "lv")),
    dict(id="RT10_vae_warmup_int_division", side="numpy",
         args=pair("10_vae_warmup_intdiv_numpy.py", "TabVAE", "gauss_vae_torch.py", "TabVAE", *VAE, *VAE_PARAMS),
         mechanism="pair: the KL warm-up is written BETA * min(1, t // WARMUP) with integer (floor) division "
                   "instead of t / WARMUP: beta is 0 for updates 1..9 and jumps to 1 at update 10 instead of "
                   "rising 0.1, 0.2, ...; the loss and the KL part of the encoder gradients differ on those "
                   "steps, the decoder gradients agree",
         expected=("warm-up", "warmup", "integer division", "floor division", "//", "kl weight", "beta",
                   "annealing", "schedule", "zero", "step function", "kl", "linear", "truncat",
                   "rounding")),
    dict(id="RT11_vae_adam_vhat_beta1", side="numpy",
         args=pair("11_vae_adam_vhat_numpy.py", "TabVAE", "gauss_vae_torch.py", "TabVAE", *VAE, *VAE_PARAMS),
         mechanism="pair: Adam's second-moment bias correction divides by 1 - BETA1 ** t instead of "
                   "1 - BETA2 ** t: v_hat is far too small early on (0.1 vs 0.001 at step 1), so every update "
                   "is about sqrt(1 - BETA1^t) / sqrt(1 - BETA2^t) times too large, a ratio that shrinks with the "
                   "step; gradients and both moment buffers agree",
         expected=("adam", "bias correction", "beta2", "beta1", "v_hat", "second moment", "exp_avg_sq",
                   "1 - beta2 ** t", "update", "optimizer", "step size", "typo", "changes with step",
                   "denominator", "moment")),
    dict(id="RT12_glyph_sigmoid_derivative_twice", side="numpy",
         args=pair("12_glyph_sigmoid_twice_numpy.py", "GlyphVAE", "bern_vae_torch.py", "GlyphVAE", *GLYPH,
                   *GLYPH_PARAMS),
         mechanism="pair: the gradient at the decoder logits is (prob - y) * prob * (1 - prob) / n instead of "
                   "(prob - y) / n: the sigmoid derivative is multiplied onto the already-combined "
                   "sigmoid + cross-entropy gradient, shrinking it by p(1 - p) per pixel; every gradient is "
                   "wrong (the KL parts aside) while the loss is right",
         expected=("sigmoid", "derivative", "cross-entropy", "bce", "p * (1 - p)", "p(1-p)", "twice",
                   "double", "logits", "prob - y", "combined", "backward", "output layer", "chain rule",
                   "gradient")),
    dict(id="RT13_glyph_head_grad_concat_order", side="numpy",
         args=pair("13_glyph_concat_order_numpy.py", "GlyphVAE", "bern_vae_torch.py", "GlyphVAE", *GLYPH,
                   *GLYPH_PARAMS),
         mechanism="pair: the backward assembles the head's gradient as np.concatenate([dlogvar, dmu]) while "
                   "the forward splits the head as mu = s[:, :Z], logvar = s[:, Z:]: the mu and logvar "
                   "gradients land on each other's columns of W2 and b2 (and flow back into W1, b1 that way); "
                   "the loss and the decoder gradients are right",
         expected=("concatenate", "order", "swapped", "mu", "logvar", "columns", "head", "backward",
                   "gradient", "split", "w2", "b2", "layout", "mismatch", "encoder")),
    dict(id="RT14_glyph_clip_per_parameter", side="numpy",
         args=pair("14_glyph_clip_per_param_numpy.py", "GlyphVAE", "bern_vae_torch.py", "GlyphVAE", *GLYPH,
                   *GLYPH_PARAMS),
         mechanism="pair: the gradient clipping divides each gradient by its own norm, MAX_NORM / |g_k|, "
                   "instead of by the global norm over all parameters as clip_grad_norm_: each parameter whose "
                   "gradient norm exceeds 4 is cut to 4 separately, the others not at all, so the clipped "
                   "gradients (a different factor per parameter) and the updates differ while clipping engages "
                   "(the first steps)",
         expected=("clip", "clipping", "clip_grad_norm_", "global norm", "total norm", "per parameter",
                   "per-parameter", "norm", "max_norm", "each parameter", "separately", "scale", "factor",
                   "gradient", "rescal")),
    dict(id="RT15_bbb_rho_missing_softplus_grad", side="numpy",
         args=pair("15_bbb_rho_chain_numpy.py", "BayesMLP", "bbb_torch.py", "BayesMLP", *BBB, *BBB_PARAMS),
         mechanism="pair: the gradient of rho stops at sigma, g_rho = dL/dsigma, without the softplus "
                   "derivative sigmoid(rho) (about 0.047 at rho = -3): the W1_rho and W2_rho gradients are "
                   "about 21 times too large; the mu, bias gradients and the loss are right",
         expected=("rho", "softplus", "sigmoid", "derivative", "chain rule", "sigma", "missing factor",
                   "backward", "gradient", "bayes", "posterior", "w1_rho", "w2_rho", "parameterisation",
                   "scale")),
    dict(id="RT16_bbb_softmax_axis0", side="numpy",
         args=pair("16_bbb_softmax_axis_numpy.py", "BayesMLP", "bbb_torch.py", "BayesMLP", *BBB, *BBB_PARAMS),
         mechanism="pair: the softmax normalises over axis=0, the batch, instead of axis=1, the classes: "
                   "each class column sums to one over the rows, so the probabilities, the cross-entropy and "
                   "the gradients (P - Y) / n of every parameter differ from step 1",
         expected=("softmax", "axis", "axis=0", "axis=1", "normaliz", "batch", "classes", "rows",
                   "columns", "probabilities", "cross-entropy", "sum", "forward", "wrong axis", "dimension")),
]

CASES += [
    # ------------------------------------------------------------------ correct programs
    dict(id="RT17_vae_layers_out_in_numpy", side="correct",
         args=pair("gauss_vae_alt_numpy.py", "TabVAEAlt", "gauss_vae_torch.py", "TabVAE", *VAE, "--step",
                   "net.fit_batch(X, y)", *VAE_ALT_PARAMS),
         mechanism="pair: the tabular Gaussian VAE in NumPy with (out, in) weights in a dict of layer dicts, "
                   "the KL written with sigma = sqrt(exp(logvar)) and differentiated through it, tanh' as "
                   "1 / cosh^2, a forward cache, a conditional warm-up, and Adam with its bias corrections "
                   "folded into the step size and eps, in-place on [m, v] lists; against the nn.Linear port",
         expected=()),
    dict(id="RT18_glyph_parameterdict_port", side="correct",
         args=pair("bern_vae_numpy.py", "GlyphVAE", "bern_vae_params_torch.py", "GlyphVAEP", *GLYPH,
                   *GLYPH_P_PARAMS),
         mechanism="pair: the glyph VAE port with raw (in, out) weights in an nn.ParameterDict used as x @ W, "
                   "torch.split for the head, binary_cross_entropy_with_logits summed over the batch, "
                   "torch.distributions.kl_divergence(Normal, Normal) for the KL and the global-norm clipping "
                   "written by hand before RMSprop(alpha=0.9)", expected=()),
    dict(id="RT19_bbb_flat_vector_numpy", side="correct",
         args=pair("bbb_flat_numpy.py", "FlatBayesMLP", "bbb_torch.py", "BayesMLP", *BBB, "--step",
                   "net.step(X, y)", *BBB_FLAT_PARAMS),
         mechanism="pair: the Bayes-by-backprop classifier in NumPy with every parameter a view into one flat "
                   "vector, (out, in) weights, softplus as np.logaddexp, a log-sum-exp cross-entropy, the KL "
                   "written with variance ratios, and the momentum buffer and update made on the whole flat "
                   "vector at once; against the BayesLinear port", expected=()),
]
