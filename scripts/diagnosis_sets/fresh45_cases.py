"""Forty-fifth fresh held-out set for the diagnosis: one planted bug per program in fresh45/
(eight PyTorch ports, each checked against a NumPy program of its own, and eight NumPy programs,
each checked against a correct port of its own) and three correct programs in unusual styles.
The theme is probabilistic regression heads written by hand: a Gaussian negative log-likelihood
with a predicted scale (softplus standard deviation, log-variance; F.gaussian_nll_loss,
nn.GaussianNLLLoss), non-crossing multi-quantile (pinball) heads, Poisson and negative-binomial
counts with a log link (F.poisson_nll_loss, torch.distributions.NegativeBinomial), a two-component
mixture density network (softmax mixing weights, log-sum-exp over the components) and a Tobit
loss for targets clipped at a ceiling. fresh45/make_data.py writes the data.
Same format as cases.py; run with

    python3 scripts/diagnosis_held_out.py --cases fresh45_cases

Each case:
    id          short name (prefixed PS)
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
of the development set (cases.py), fresh/, fresh2/, ..., fresh44/. Each buggy program was
checked to fail (exit 1) and its fix (the bug line the only difference; the fixed programs are
the folder's unnumbered base files) to pass (exit 0) under the same arguments; each correct
program passes (exit 0).
"""

F = "scripts/diagnosis_sets/fresh45/"

HETERO, COUNTS, BIMODAL, CENSORED = F + "hetero.npz", F + "counts.npz", F + "bimodal.npz", F + "censored.npz"
LINEAR = ["--param", "W1=hidden.weight.T", "--param", "b1=hidden.bias", "--param", "W2=out.weight.T",
          "--param", "b2=out.bias"]


def pair(numpy_file: str, numpy_name: str, torch_file: str, torch_name: str, *extra: str) -> list[str]:
    """A NumPy program of the user's own against the user's own port, both as written."""
    return [f"{F}{numpy_file}:{numpy_name}", "--torch", f"{F}{torch_file}:{torch_name}", "--as-written",
            "--init", f"net = {numpy_name}()", *extra]


def params(*pairs: str) -> list[str]:
    return [a for p in pairs for a in ("--param", p)]


CASES = [
    # ------------------------------------------------------------------ ports
    dict(id="PS01_sigma_as_var", side="port",
         args=pair("gauss_sigma_numpy.py", "GaussSigmaNet", "01_gauss_sigma_torch.py", "GaussSigmaNet",
                   "--data", HETERO, *LINEAR),
         mechanism="pair: the port passes the softplus head, which is the standard deviation sigma, as the var "
                   "argument of F.gaussian_nll_loss (which takes the variance): the loss is 0.5 (log sigma + r^2 / "
                   "sigma) instead of log sigma + r^2 / (2 sigma^2) (sigma ** 2 meant), so the mean's gradient is "
                   "-r / sigma / n instead of -r / sigma^2 / n and the scale head's gradient is wrong too",
         expected=("gaussian_nll_loss", "var argument", "variance", "standard deviation", "std", "sigma",
                   "sigma ** 2", "sigma^2", "sigma squared", "squared", "not squared", "std instead of variance",
                   "var=", "softplus", "scale", "gaussian nll")),
    dict(id="PS02_logvar_read_as_logstd", side="port",
         args=pair("gauss_logvar_numpy.py", "GaussLogVarNet", "02_gauss_logvar_torch.py", "GaussLogVarNet",
                   "--data", HETERO, *LINEAR),
         mechanism="pair: the port exponentiates its log-variance head as if it were a log standard deviation, "
                   "var = exp(2 s) instead of exp(s): the variance is squared (sigma^4 for sigma^2), so the NLL "
                   "0.5 log var + r^2 / (2 var) and the gradients of both heads differ (s's gradient 1 - r^2 "
                   "exp(-2 s) instead of 0.5 (1 - r^2 exp(-s)))",
         expected=("log-variance", "log variance", "log_var", "logvar", "log standard deviation", "log-std",
                   "log sigma", "exp(2", "2 * log_var", "factor 2", "twice", "squared", "variance squared",
                   "exp(log_var)", "variance", "parameterisation", "parameterization")),
    dict(id="PS03_mdn_half_log_sigma", side="port",
         args=pair("mdn_numpy.py", "MixtureDensityNet", "03_mdn_torch.py", "MixtureDensityNet",
                   "--data", BIMODAL, *LINEAR),
         mechanism="pair: the port's hand-written Gaussian log-density uses -0.5 log_sigma (the 0.5 of 0.5 log "
                   "sigma^2 carried onto the log standard deviation) instead of -log_sigma: each component's "
                   "normaliser is half what it should be, which shifts the responsibilities between the two "
                   "components and halves the normaliser's part of the log-sigma gradient (gamma (0.5 - z^2) "
                   "instead of gamma (1 - z^2))",
         expected=("normaliser", "normalizer", "normalising constant", "log_sigma", "log sigma", "0.5 * log_sigma",
                   "half", "0.5", "log variance", "log sigma^2", "standard deviation", "variance",
                   "log-density", "log density", "mixture", "component", "responsibilit")),
    dict(id="PS04_pinball_relu_sign", side="port",
         args=pair("quantiles_numpy.py", "QuantileNet", "04_quantiles_torch.py", "QuantileNet",
                   "--data", HETERO, *LINEAR),
         mechanism="pair: the port's pinball loss in ReLU form q relu(e) + (1 - q) relu(e) lost the minus of the "
                   "second term, relu(e) instead of relu(-e): over-predictions (e < 0) have zero loss and zero "
                   "gradient, and under-predictions get slope q + (1 - q) = 1 (gradient -1 / n instead of -q / n) "
                   "for every quantile",
         expected=("relu(-e)", "relu(e)", "minus", "sign", "negative part", "over-prediction", "overprediction",
                   "over-predict", "pinball", "quantile loss", "zero gradient", "slope", "1 - q", "both terms",
                   "asymmetric", "quantile")),
    dict(id="PS05_negbin_logits_mean", side="port",
         args=pair("negbin_numpy.py", "NegBinNet", "05_negbin_torch.py", "NegBinNet", "--data", COUNTS, *LINEAR),
         mechanism="pair: the port builds NegativeBinomial(total_count=r, logits=log_mu) from the log-mean, but the "
                   "distribution's mean is total_count * exp(logits), so the port's mean is r mu = 2 mu (logits = "
                   "log_mu - log(r) meant): the NB likelihood, the log-mean's gradient r (2 mu - y) / (r + 2 mu) "
                   "instead of r (mu - y) / (r + mu), and every update differ",
         expected=("negativebinomial", "negative binomial", "logits", "total_count", "log(r)", "log r",
                   "mean is", "total_count * exp", "r * mu", "twice", "factor 2", "mean doubled", "offset",
                   "log-mean", "parameterisation", "parameterization", "dispersion", "probs")),
    dict(id="PS06_mdn_sum_not_logsumexp", side="port",
         args=pair("mdn_numpy.py", "MixtureDensityNet", "06_mdn_torch.py", "MixtureDensityNet",
                   "--data", BIMODAL, *LINEAR),
         mechanism="pair: the port reduces the mixture's joint log-terms over the components with .sum(dim=1) "
                   "instead of torch.logsumexp(..., dim=1): the loss is -mean sum_k (log pi_k + log N_k), the log "
                   "of a product of the components instead of the log of their weighted sum, so every component "
                   "gets weight 1 instead of its responsibility and the mixing logits' gradient is (K pi - 1) / n "
                   "instead of (pi - gamma) / n",
         expected=("logsumexp", "log-sum-exp", "log sum exp", ".sum(", "sum instead", "product", "log of the sum",
                   "log of a sum", "mixture", "components", "responsibilit", "mixing", "weighted sum",
                   "every component", "reduction")),
    dict(id="PS07_poisson_log_input_false", side="port",
         args=pair("poisson_numpy.py", "PoissonNet", "07_poisson_torch.py", "PoissonNet", "--data", COUNTS, *LINEAR),
         mechanism="pair: the port's model outputs the log-rate but calls F.poisson_nll_loss(log_rate, y, "
                   "log_input=False), which reads its input as the rate itself: the loss is z - y log(z + eps) "
                   "instead of exp(z) - y z, so the output gradient is (1 - y / z) / n instead of (exp(z) - y) / n "
                   "(and the loss is undefined where z <= 0)",
         expected=("log_input", "log_input=false", "log_input=true", "log-rate", "log rate", "log_rate",
                   "rate", "poisson_nll_loss", "poisson", "exp(z)", "log link", "as the rate", "log(input",
                   "eps", "nan")),
    dict(id="PS08_nll_precedence_times_var", side="port",
         args=pair("gauss_logvar_numpy.py", "GaussLogVarNet", "08_gauss_logvar_torch.py", "GaussLogVarNet",
                   "--data", HETERO, *LINEAR),
         mechanism="pair: the port's hand-written Gaussian NLL types the residual term (y - mu) ** 2 / 2 * var "
                   "without parentheses: by precedence it is (r^2 / 2) * var, the squared residual multiplied by "
                   "the variance instead of divided by it ((2 * var) meant), so the mean's gradient is -r var / n "
                   "instead of -r / var / n and the log-variance is pushed down wherever the residual is large",
         expected=("precedence", "parenthes", "/ 2 * var", "2 * var", "multiplied by the variance",
                   "multiplies", "times var", "instead of divided", "divided by the variance", "variance",
                   "r^2 * var", "operator", "order of operations", "gaussian nll")),
]


CASES += [
    # ------------------------------------------------------------------ NumPy programs
    dict(id="PS09_softplus_derivative_as_softplus", side="numpy",
         args=pair("09_gauss_sigma_numpy.py", "GaussSigmaNet", "gauss_sigma_torch.py", "GaussSigmaNet",
                   "--data", HETERO, *LINEAR),
         mechanism="pair: the scale head's chain rule multiplies by the softplus itself, d_s = d_sigma * "
                   "log(1 + exp(s)), instead of its derivative, the sigmoid 1 / (1 + exp(-s)): the raw scale's "
                   "gradient is scaled by softplus(s) / sigmoid(s) (the mean head is right)",
         expected=("softplus derivative", "derivative of softplus", "derivative of the softplus", "sigmoid",
                   "1 / (1 + exp(-s))", "logaddexp", "softplus itself", "instead of its derivative", "chain rule",
                   "softplus", "scale head", "sigma", "raw scale", "d_s")),
    dict(id="PS10_logvar_grad_half_dropped", side="numpy",
         args=pair("10_gauss_logvar_numpy.py", "GaussLogVarNet", "gauss_logvar_torch.py", "GaussLogVarNet",
                   "--data", HETERO, *LINEAR),
         mechanism="pair: the log-variance head's gradient drops the 0.5 of the NLL 0.5 (s + r^2 exp(-s)): d_s = "
                   "(1 - r^2 / var) / n instead of 0.5 (1 - r^2 / var) / n, twice too large; the mean's gradient "
                   "-r / var / n and the loss are right",
         expected=("0.5", "half", "factor 2", "factor of 2", "twice", "2x", "doubled", "log-variance",
                   "log variance", "log_var", "logvar", "variance head", "d_s", "1 - r^2", "gaussian nll")),
    dict(id="PS11_cumsum_backward_not_reversed", side="numpy",
         args=pair("11_quantiles_numpy.py", "QuantileNet", "quantiles_torch.py", "QuantileNet",
                   "--data", HETERO, *LINEAR),
         mechanism="pair: the backward of the cumulative sum of the quantile increments is a forward np.cumsum "
                   "of the quantiles' gradients instead of the reverse cumsum: increment j should collect the "
                   "gradients of the quantiles above it (d_2 + d_3 for the first, d_3 for the second) but gets "
                   "d_1 + d_2 and d_1 + d_2 + d_3; the base quantile's gradient is right",
         expected=("cumsum", "cumulative sum", "reverse", "reversed", "[::-1]", "flip", "backward of cumsum",
                   "gradient of cumsum", "increments", "non-crossing", "monotone", "quantiles above",
                   "transpose", "quantile", "softplus increments")),
    dict(id="PS12_negbin_alpha_size_confused", side="numpy",
         args=pair("12_negbin_numpy.py", "NegBinNet", "negbin_torch.py", "NegBinNet", "--data", COUNTS, *LINEAR),
         mechanism="pair: the NB2 log-mean gradient divides by 1 + mu / ALPHA, the size r = 1 / ALPHA used where "
                   "the dispersion belongs, instead of 1 + ALPHA mu: with ALPHA = 0.5 the denominator is 1 + 2 mu "
                   "instead of 1 + 0.5 mu, so every gradient is too small by (1 + 0.5 mu) / (1 + 2 mu); the loss "
                   "is right",
         expected=("alpha", "dispersion", "1 / alpha", "1/alpha", "size", "total_count", "r = 1 / alpha",
                   "inverse", "reciprocal", "1 + alpha * mu", "1 + alpha mu", "mu / alpha", "negative binomial",
                   "nb2", "denominator")),
    dict(id="PS13_responsibilities_without_pi", side="numpy",
         args=pair("13_mdn_numpy.py", "MixtureDensityNet", "mdn_torch.py", "MixtureDensityNet",
                   "--data", BIMODAL, *LINEAR),
         mechanism="pair: the mixture's responsibilities are the normalised component likelihoods N_k / sum_j N_j "
                   "without the mixing weights, instead of pi_k N_k / sum_j pi_j N_j: every gradient that goes "
                   "through gamma (mixing logits pi - gamma, means, log-sigmas) is wrong; the loss is right",
         expected=("responsibilit", "posterior", "mixing weight", "mixing coefficient", "pi_k", "prior",
                   "without pi", "without the mixing", "gamma", "normalised likelihood", "normalized likelihood",
                   "mixture", "component", "softmax", "weights")),
    dict(id="PS14_logsigma_grad_loglik_sign", side="numpy",
         args=pair("14_mdn_numpy.py", "MixtureDensityNet", "mdn_torch.py", "MixtureDensityNet",
                   "--data", BIMODAL, *LINEAR),
         mechanism="pair: the log-sigma gradient is the log-likelihood's, gamma (z^2 - 1) / n, not negated for the "
                   "negative log-likelihood, gamma (1 - z^2) / n: the sign is flipped, so gradient descent climbs "
                   "the NLL in the scale heads (the mixing logits and the means are right)",
         expected=("sign", "flipped", "negated", "negative log-likelihood", "log-likelihood", "minus", "z^2 - 1",
                   "1 - z^2", "z ** 2 - 1", "log_sigma", "log sigma", "scale", "ascent", "opposite direction",
                   "wrong direction")),
    dict(id="PS15_tobit_survival_mills", side="numpy",
         args=pair("15_censored_numpy.py", "CensoredNet", "censored_torch.py", "CensoredNet",
                   "--data", CENSORED, *LINEAR),
         mechanism="pair: the censored rows' gradient is -phi(t) / (1 - Phi(t)) instead of -phi(t) / Phi(t), t = mu "
                   "- C: the inverse Mills ratio of the wrong tail (the hazard of the survival function used where "
                   "the loss is -log Phi(mu - C)), so every saturated reading is pushed by the wrong amount; the "
                   "exact rows and the loss are right",
         expected=("mills", "inverse mills", "hazard", "survival", "1 - phi", "1 - cdf", "cdf", "tail",
                   "wrong tail", "censored", "censoring", "tobit", "saturated", "ceiling", "log_ndtr", "pdf")),
    dict(id="PS16_sigma_grad_power_rule", side="numpy",
         args=pair("16_gauss_sigma_numpy.py", "GaussSigmaNet", "gauss_sigma_torch.py", "GaussSigmaNet",
                   "--data", HETERO, *LINEAR),
         mechanism="pair: the derivative of r^2 / (2 sigma^2) on sigma keeps the 0.5 and forgets the power rule's "
                   "2, -0.5 r^2 / sigma^3 instead of -r^2 / sigma^3: the residual part of the scale's gradient is "
                   "halved, so sigma's gradient is 1 / sigma - 0.5 r^2 / sigma^3 (the mean head is right)",
         expected=("power rule", "factor 2", "factor of 2", "half", "0.5", "halved", "sigma^3", "sigma ** 3",
                   "r^2 / sigma^3", "derivative of 1/sigma^2", "sigma", "standard deviation", "scale",
                   "d_sigma")),
]


CASES += [
    # ------------------------------------------------------------------ correct programs
    dict(id="PSC1_mdn_distributions_pair", side="correct",
         args=pair("mdn_numpy.py", "MixtureDensityNet", "correct_01_mdn_distributions_torch.py",
                   "MixtureDensityNet", "--data", BIMODAL, *LINEAR),
         mechanism="pair: a two-component mixture density network, NumPy by hand (log-softmax, log-sum-exp, "
                   "responsibilities) against a port whose forward returns MixtureSameFamily(Categorical(logits), "
                   "Normal(mu, exp(log_sigma))) and whose loss is its log_prob on the flattened targets",
         expected=()),
    dict(id="PSC2_gauss_full_dict_pair", side="correct",
         args=pair("correct_02_gauss_full_numpy.py", "GaussFullNet", "correct_02_gauss_full_torch.py", "GaussFullNet",
                   "--data", HETERO,
                   *params("params['W1']=body.0.weight.T", "params['b1']=body.0.bias",
                           "params['W2']=body.2.weight.T", "params['b2']=body.2.bias")),
         mechanism="pair: the full Gaussian NLL of a log-variance head (0.5 log 2 pi included), NumPy in a "
                   "functional style with its parameters in a dict, the scale gradient through the precision "
                   "exp(-s), ReLU hidden units, in-place heavy-ball momentum; against nn.GaussianNLLLoss(full=True) "
                   "on unbound 1-d heads inside an nn.Sequential model and SGD(momentum=0.9)",
         expected=()),
    dict(id="PSC3_poisson_lgamma_pair", side="correct",
         args=pair("correct_03_poisson_lgamma_numpy.py", "PoissonFullNet", "correct_03_poisson_dist_torch.py",
                   "PoissonFullNet", "--data", COUNTS,
                   *params("layers[0][0]=hidden.weight.T", "layers[0][1]=hidden.bias",
                           "layers[1][0]=out.weight.T", "layers[1][1]=out.bias")),
         mechanism="pair: the full Poisson log-likelihood (log y! by a vectorised math.lgamma), every product "
                   "through np.einsum, [W, b] pairs in a list, the log-rate's gradient taken through the rate "
                   "((1 - y / rate) * rate); against -torch.distributions.Poisson(rate=exp(z)).log_prob(y)",
         expected=()),
]
