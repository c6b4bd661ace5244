"""Thirty-sixth fresh held-out set for the diagnosis: one planted bug per program in fresh36/
(eight PyTorch ports, four of them checked against a NumPy program of their own, and eight NumPy
programs, four of them checked against a correct port of their own) and three correct programs
in unusual styles. The theme is numerical stability written by hand in NumPy and in its PyTorch
ports: log-sum-exp (np.logaddexp ufuncs, torch.logsumexp), log-domain sigmoids and binary
cross-entropies (softplus, logsigmoid, log1p, expm1), overflow-free tanh and sigmoid forms,
probabilities clamped or guarded with an epsilon before a log, variance floors and layer-norm
epsilons, nn.Softplus's beta and threshold, float64 accumulators in a float32 program.
fresh36/make_data.py writes the pairs' data.
Same format as cases.py; run with

    python3 scripts/diagnosis_held_out.py --cases fresh36_cases

Each case:
    id          short name (prefixed PJ)
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
of the development set (cases.py) and of the earlier fresh sets. Each buggy program was checked
to fail (exit 1) and its fix (the bug line the only difference, written in the `# fix:` comment
beside it) to pass (exit 0) under the same arguments; each correct program passes (exit 0).
"""

from case_args import in_folder

F = "scripts/diagnosis_sets/fresh36/"
port, numpy_net = in_folder(F)

CURVE, HETERO, WIDE, BLOBS = F + "curve.npz", F + "hetero.npz", F + "wide.npz", F + "blobs.npz"


def pair(numpy_file: str, numpy_name: str, torch_file: str, torch_name: str, *extra: str) -> list[str]:
    """A NumPy program of the user's own against the user's own port, both as written."""
    return [f"{F}{numpy_file}:{numpy_name}", "--torch", f"{F}{torch_file}:{torch_name}", "--as-written",
            "--init", f"net = {numpy_name}()", *extra]


def params(*pairs: str) -> list[str]:
    return [a for p in pairs for a in ("--param", p)]


def dense(first: str, second: str, prefix: str = "") -> list[str]:
    """--param pairs for W1, b1, W2, b2 (attributes, or items of `prefix`) against two nn.Linear."""
    names = ("W1", "b1", "W2", "b2")
    where = [f"{prefix}['{n}']" if prefix else n for n in names]
    return params(f"{where[0]}={first}.weight.T", f"{where[1]}={first}.bias",
                  f"{where[2]}={second}.weight.T", f"{where[3]}={second}.bias")


KIT_BCE = ("--data", "random:40,5", "--loss", "bce", "--lr", "0.5")
KIT_CE = ("--data", "random:45,4,3", "--hidden-activation", "relu", "--output-activation", "softmax",
          "--loss", "ce", "--lr", "0.5")


CASES = [
    # ------------------------------------------------------------------ ports
    dict(id="PJ01_softplus_threshold_as_beta", side="port",
         args=pair("01_softplus_regressor_numpy.py", "SoftplusRegressor", "01_softplus_regressor_torch.py",
                   "SoftplusRegressor", "--data", CURVE, *dense("hidden", "out")),
         mechanism="pair: the port builds nn.Softplus(THRESHOLD) meaning the threshold 20 of the NumPy program's "
                   "softplus, but nn.Softplus's first positional parameter is beta: the hidden layer computes "
                   "log(1 + exp(20 z)) / 20, a sharpened softplus close to ReLU (derivative sigmoid(20 z)), instead "
                   "of log(1 + exp(z)) (derivative sigmoid(z)); the threshold stays at its default 20",
         expected=("beta", "threshold", "positional", "nn.softplus", "softplus", "beta=20", "20 z", "20z",
                   "sharp", "sharpness", "relu", "log(1 + exp(20", "/ 20", "sigmoid(20", "first argument",
                   "keyword")),
    dict(id="PJ02_gaussian_nll_eps_clamps", side="port",
         args=pair("02_hetero_regressor_numpy.py", "HeteroRegressor", "02_hetero_regressor_torch.py",
                   "HeteroRegressor", "--data", HETERO, *dense("hidden", "heads")),
         mechanism="pair: the NumPy program's variance floor softplus(s) + MIN_VAR (1e-3 added) is ported as "
                   "F.gaussian_nll_loss(mu, y, softplus(s), eps=MIN_VAR), whose eps clamps the variance, "
                   "max(var, eps), instead of adding to it: the port's variance is smaller by 1e-3 in every row, so "
                   "the Gaussian NLL, the mean's gradient (y - mu) / var and the scale's gradient all differ",
         expected=("gaussian_nll_loss", "gaussian nll", "eps", "epsilon", "clamp", "clamps", "max(var",
                   "instead of adding", "added", "floor", "min_var", "variance", "var + eps", "1e-3", "0.001",
                   "negative log-likelihood")),
    dict(id="PJ03_clamped_probabilities_saturate", side="port",
         args=pair("03_saturated_logistic_numpy.py", "SaturatedLogistic", "03_saturated_logistic_torch.py",
                   "SaturatedLogistic", "--data", WIDE, *dense("fc1", "fc2")),
         mechanism="pair: the port takes F.binary_cross_entropy of sigmoid(z).clamp(EPS, 1 - EPS) instead of the "
                   "BCE from the logit: on these large inputs many logits saturate (|z| > 16, sigmoid rounds to 0 or "
                   "1 in float32), the clamp is active there and passes no gradient, so the saturated rows, "
                   "confidently wrong ones included, contribute nothing where the NumPy program's stable form gives "
                   "them sigmoid(z) - y (up to 1/n each); their loss is also capped at -log(EPS)",
         expected=("clamp", "clip", "saturat", "eps", "epsilon", "1 - eps", "zero gradient", "no gradient",
                   "gradient of clamp", "binary_cross_entropy_with_logits", "with logits", "from the logit",
                   "logits", "confident", "sigmoid", "log(0)", "probabilities")),
    dict(id="PJ04_logsumexp_minus_log_softmax", side="port",
         args=pair("04_blob_softmax_numpy.py", "BlobSoftmax", "04_blob_softmax_torch.py", "BlobSoftmax",
                   "--data", BLOBS, *dense("fc1", "fc2")),
         mechanism="pair: the port's cross-entropy mixes two forms, torch.logsumexp(z) - sum(y * log_softmax(z)), "
                   "instead of logsumexp(z) - sum(y * z) (or -sum(y * log_softmax(z))): log_softmax already "
                   "subtracts the log-partition, so it is counted twice, the loss is 2 lse - z_y and the logit "
                   "gradient (2 p - y) / n instead of (p - y) / n",
         expected=("logsumexp", "log_softmax", "log-partition", "log partition", "normaliser", "normalizer",
                   "twice", "counted twice", "double", "2 p", "2p", "2 * p", "2 lse", "two forms", "mixed",
                   "target logit")),
    dict(id="PJ05_log1p_of_expm1", side="port",
         args=port("05_log_domain_bce_port.py", "Net", *KIT_BCE),
         mechanism="the port's log-domain BCE computes log(1 - p) from log p = logsigmoid(z) as "
                   "torch.log1p(-torch.expm1(log_p)), but -expm1(log p) is already 1 - p, so this is "
                   "log(1 + (1 - p)) = log(2 - p) instead of log(-expm1(log p)) = log(1 - p): the negative rows' "
                   "loss is -log(2 - p) and their logit gradient p (1 - p) / (2 - p) / n instead of p / n",
         expected=("log1p", "expm1", "log(2 - p)", "2 - p", "log(1 - p)", "1 - p", "log-domain",
                   "log domain", "logsigmoid", "negative class", "negative rows", "y = 0", "complement",
                   "log1p(-expm1", "log(-expm1")),
    dict(id="PJ06_expm1_tanh_denominator", side="port",
         args=port("06_expm1_tanh_port.py", "Net", "--data", "random:40,5", "--hidden-activation", "tanh",
                   "--loss", "bce", "--lr", "0.5"),
         mechanism="the port's hidden tanh is (exp(2z) - 1) / (exp(2z) + 1) rewritten with e = expm1(2z), but the "
                   "denominator is written e + 1 = exp(2z) instead of e + 2 = exp(2z) + 1: the activation is "
                   "1 - exp(-2z), unbounded below (and about 2z near zero, twice tanh's slope), instead of tanh(z)",
         expected=("expm1", "tanh", "denominator", "e + 2", "e + 1", "exp(2z)", "exp(2 z)", "1 - exp(-2z)",
                   "1 - exp(-2 z)", "unbounded", "off by one", "+ 1", "+ 2", "hidden activation", "activation")),
    dict(id="PJ07_float16_safe_eps_in_log", side="port",
         args=port("07_guarded_log_port.py", "Net", *KIT_CE),
         mechanism="the port's cross-entropy guards the log with EPS = 1e-4 (a float16-safe value from mixed-precision "
                   "code), -sum(y log(p + 1e-4)): in float32 the guard is not negligible, the loss is smaller and the "
                   "target's gradient is scaled by p / (p + 1e-4), so the logit gradient is "
                   "(p - y p / (p + eps)) / n rather than (p - y) / n",
         expected=("eps", "epsilon", "1e-4", "0.0001", "log(p + eps)", "p + eps", "guard", "log(0)",
                   "too large", "float16", "half precision", "mixed precision", "log_softmax", "softmax",
                   "p / (p + eps)")),
    dict(id="PJ08_logaddexp2_softplus", side="port",
         args=port("08_logaddexp_bce_port.py", "Net", "--data", "random:40,5", "--hidden-activation", "tanh",
                   "--loss", "bce", "--lr", "0.5"),
         mechanism="the NumPy program's softplus np.logaddexp(0, z) is ported as torch.logaddexp2(0, z), the base-2 "
                   "version log2(1 + 2^z): the BCE from the logit becomes log2(1 + 2^z) - y z, whose logit gradient "
                   "is sigmoid(z ln 2) - y instead of sigmoid(z) - y",
         expected=("logaddexp2", "logaddexp", "base 2", "base-2", "log2", "2^z", "2**z", "ln 2", "ln2",
                   "log 2", "0.693", "softplus", "natural log", "bits")),
]


CASES += [
    # ------------------------------------------------------------------ NumPy programs
    dict(id="PJ09_elu_expm1_minus_one", side="numpy",
         args=pair("09_elu_regressor_numpy.py", "EluRegressor", "09_elu_regressor_torch.py", "EluRegressor",
                   "--data", CURVE, *dense("hidden", "out")),
         mechanism="pair: the ELU's negative branch alpha (exp(z) - 1) is half converted to expm1, "
                   "alpha (np.expm1(z) - 1) = alpha (exp(z) - 2): every negative pre-activation's output is alpha "
                   "lower than the ELU (a jump of -1 at zero), while the derivative helper alpha exp(z) is right",
         expected=("expm1", "- 1", "minus one", "subtracted twice", "exp(z) - 2", "elu", "negative branch",
                   "negative part", "offset", "shift", "alpha", "jump", "discontinu", "forward")),
    dict(id="PJ10_log1p_one_plus", side="numpy",
         args=pair("10_log1p_softplus_numpy.py", "Log1pSoftplusNet", "10_log1p_softplus_torch.py",
                   "Log1pSoftplusNet", "--data", CURVE, *dense("fc1", "fc2", "params")),
         mechanism="pair: the softplus log(1 + exp(z)) is converted to log1p keeping the '1 +': "
                   "np.log1p(1 + np.exp(z)) = log(2 + exp(z)) instead of np.log1p(np.exp(z)); the hidden "
                   "activations are too large by log((2 + e^z) / (1 + e^z)) (log 2 for very negative z) while the "
                   "backward pass uses the softplus derivative sigmoid(z)",
         expected=("log1p", "1 +", "log(2 + exp", "2 + exp", "log 2", "0.693", "extra 1", "one added twice",
                   "softplus", "hidden activation", "forward", "offset", "log(1 + exp")),
    dict(id="PJ11_layernorm_backward_without_eps", side="numpy",
         args=pair("11_layernorm_regressor_numpy.py", "LayerNormRegressor", "11_layernorm_regressor_torch.py",
                   "LayerNormRegressor", "--data", CURVE, *dense("fc1", "fc2")),
         mechanism="pair: the layer norm's forward divides by sqrt(var + EPS) with EPS = 1e-3, but its backward "
                   "recomputes the inverse standard deviation as 1 / sqrt(var) without EPS: the gradient reaching "
                   "the pre-activations (W1 and b1) is too large by sqrt((var + eps) / var), about 1 + eps / (2 var), "
                   "a different factor per row; the forward pass and W2, b2 are right",
         expected=("eps", "epsilon", "layer norm", "layernorm", "layer_norm", "backward", "rstd",
                   "sqrt(var)", "sqrt(var + eps)", "inverse standard deviation", "standard deviation", "variance",
                   "recomput", "forward and backward", "inconsistent")),
    dict(id="PJ12_logaddexp_accumulate", side="numpy",
         args=pair("12_ufunc_softmax_numpy.py", "UfuncSoftmax", "12_ufunc_softmax_torch.py", "UfuncSoftmax",
                   "--data", BLOBS, *dense("fc1", "fc2")),
         mechanism="pair: the log-partition is np.logaddexp.accumulate(z, axis=1), the running log-sum-exp, instead "
                   "of np.logaddexp.reduce(z, axis=1, keepdims=True): class k is normalised by the log-sum-exp of "
                   "classes 0..k only, so class 0's probability is 1 and the probabilities do not sum to one; the "
                   "delta p - y uses them",
         expected=("accumulate", "reduce", "logaddexp", "running", "cumulative", "prefix", "partial sum",
                   "log-sum-exp", "logsumexp", "log-partition", "normalis", "normaliz", "sum to one",
                   "do not sum", "class 0")),
    dict(id="PJ13_logaddexp_one_for_zero", side="numpy",
         args=numpy_net("13_logaddexp_sigmoid_net.py", "LogaddexpSigmoidNet", "--init", "LogaddexpSigmoidNet()",
                        "--step", "net.train_step(X, y)", *KIT_BCE, "--output", "output"),
         mechanism="the log-domain sigmoid exp(-log(1 + exp(-z))) writes log(1 + exp(-z)) as np.logaddexp(1, -z), "
                   "the '1' carried over, instead of np.logaddexp(0, -z) (exp(0) = 1): it computes "
                   "1 / (e + exp(-z)) = sigmoid(z + 1) / e, in the hidden layer and at the output, while the "
                   "backward keeps a (1 - a) and p - y",
         expected=("logaddexp", "logaddexp(0", "logaddexp(1", "exp(0)", "log(1 + exp", "1 instead of 0",
                   "0 instead of 1", "e + exp", "sigmoid(z + 1)", "/ e", "sigmoid", "log-domain", "log domain",
                   "first argument")),
    dict(id="PJ14_stable_tanh_sign_lost", side="numpy",
         args=numpy_net("14_abs_tanh_net.py", "AbsTanhNet", "--init", "AbsTanhNet()", "--step",
                        "net.train_step(X, y)", "--data", "random:40,5", "--hidden-activation", "tanh",
                        "--loss", "bce", "--lr", "0.5", "--output", "output"),
         mechanism="the overflow-free tanh (1 - exp(-2|z|)) / (1 + exp(-2|z|)) leaves out the np.sign(z) that "
                   "restores the sign: the hidden layer computes |tanh(z)|, so every negative pre-activation gives a "
                   "positive activation; the backward's 1 - a^2 is unchanged, so the derivative misses the sign too",
         expected=("sign", "np.sign", "abs", "|z|", "absolute", "|tanh", "negative", "tanh", "stable tanh",
                   "exp(-2|z|)", "symmetric", "odd function", "even")),
    dict(id="PJ15_eps_in_bce_derivative", side="numpy",
         args=numpy_net("15_guarded_bce_net.py", "GuardedBceNet", "--init", "GuardedBceNet()", "--step",
                        "net.train_step(X, y)", *KIT_BCE, "--output", "output", "--dtype", "float64"),
         mechanism="the cross-entropy's derivative dL/dA = -y / A + (1 - y) / (1 - A) is guarded with EPS = 1e-5 in "
                   "both denominators, -y / (A + eps) + (1 - y) / (1 - A + eps): multiplied by A (1 - A) it no longer "
                   "cancels to A - y, each row's output delta is scaled by A / (A + eps) or (1 - A) / (1 - A + eps), a relative change of "
                   "about eps / A (checked in float64)",
         expected=("eps", "epsilon", "1e-5", "denominator", "a + eps", "a2 + eps", "1 - a + eps", "da", "dl/da",
                   "derivative", "cancel", "a - y", "p - y", "guard", "division by zero", "divide")),
    dict(id="PJ16_half_angle_derivative_factor", side="numpy",
         args=numpy_net("16_half_angle_sigmoid_net.py", "HalfAngleSigmoidNet", "--init", "HalfAngleSigmoidNet()",
                        "--step", "net.train_step(X, y)", *KIT_BCE, "--output", "output"),
         mechanism="the derivative of the half-angle sigmoid 0.5 (1 + tanh(z / 2)) is written 0.5 (1 - tanh(z / 2)^2), "
                   "dropping the chain rule's inner 1/2 (the right one is 0.25 (1 - tanh(z / 2)^2) = sigma (1 - sigma)): "
                   "the hidden layer's derivative is twice sigmoid's, so W1 and b1 get twice their gradient",
         expected=("chain rule", "inner", "1/2", "0.5", "0.25", "1/4", "half-angle", "half angle", "tanh(z / 2)",
                   "twice", "factor 2", "factor of 2", "2x", "doubled", "sigmoid derivative", "derivative")),
]


CASES += [
    # ------------------------------------------------------------------ correct programs
    dict(id="PJC1_float64_lse_pair", side="correct",
         args=pair("correct_01_float64_lse_numpy.py", "Float64LseNet", "correct_01_float64_lse_torch.py",
                   "Float64LseNet", "--data", BLOBS, "--batch-size", "15", *dense("fc1", "fc2")),
         mechanism="pair: a float32 NumPy program that promotes the logits to float64, takes the log-partition with "
                   "np.logaddexp.reduce, accumulates the loss and gradients in float64 (einsum and add.reduce with "
                   "dtype=float64) and casts each gradient back to its parameter's dtype before an in-place heavy-ball "
                   "update, against log_softmax in forward, nn.NLLLoss on the class indices and SGD(momentum)",
         expected=()),
    dict(id="PJC2_broadcast_lse_port", side="correct",
         args=port("correct_02_broadcast_lse_port.py", "Net", *KIT_CE),
         mechanism="port: ReLU as torch.clamp(min=0), the cross-entropy as torch.logsumexp(z, 1) (shape (n,)) minus "
                   "z.gather(1, labels[:, None]) (shape (n, 1)), an (n, n) broadcast whose mean equals the mean "
                   "cross-entropy; the kit's SGD", expected=()),
    dict(id="PJC3_expm1_logit_net", side="correct",
         args=numpy_net("correct_03_expm1_logit_net.py", "Expm1LogitNet", "--init", "Expm1LogitNet()", "--step",
                        "net.train_step(X, y)", *KIT_BCE, "--output", "output"),
         mechanism="NumPy: everything in the log domain, the hidden sigmoid exp(-softplus(-z)) with the derivative "
                   "exp(-softplus(-z) - softplus(z)), the output probability -expm1(-softplus(z)), the mean BCE as "
                   "softplus(z) - y z through np.logaddexp; against the kit's twin", expected=()),
]
