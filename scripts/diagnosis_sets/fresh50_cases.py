"""Fiftieth fresh held-out set for the diagnosis: one planted bug per program in fresh50/ (eight
PyTorch ports, six of them checked against a NumPy program of their own, and eight NumPy
programs, six of them checked against a correct port of their own) and three correct programs
in unusual styles. The theme is classical statistical models written as small networks by hand
in NumPy and ported to PyTorch: ordinal regression with cumulative logits and ordered
thresholds (P(y <= k) = sigmoid(theta_k - f), the thresholds kept ordered by exp increments),
a Cox proportional-hazards partial likelihood over risk sets (rows sorted by the time stored in
the data, with event indicators), Poisson regression with a log-exposure offset stored in the
data, a multinomial logit whose reference category's utility is fixed at zero, Huber-loss
robust regression with a threshold DELTA, ridge regression with the intercept unpenalised, and
binary and multinomial logit networks written from the statistics textbook.
fresh50/make_data.py writes the data.
Same format as cases.py; run with

    python3 scripts/diagnosis_held_out.py --cases fresh50_cases

Each case:
    id          short name (prefixed PX)
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
of the development set (cases.py), fresh/, fresh2/, ..., fresh48/. Each buggy program was
checked to fail (exit 1) and its fix (the bug line the only difference) to pass (exit 0) under
the same arguments; each correct program passes (exit 0).
"""

from case_args import in_folder

F = "scripts/diagnosis_sets/fresh50/"
port, numpy_net = in_folder(F)

ORDINAL, SURVIVAL, CLAIMS = F + "ordinal.npz", F + "survival.npz", F + "claims.npz"
CHOICE, ROBUST, RIDGE, BINARY = F + "choice.npz", F + "robust.npz", F + "ridge.npz", F + "binary.npz"


def pair(numpy_file: str, numpy_name: str, torch_file: str, torch_name: str, *extra: str) -> list[str]:
    """A NumPy program of the user's own against the user's own port, both as written."""
    return [f"{F}{numpy_file}:{numpy_name}", "--torch", f"{F}{torch_file}:{torch_name}", "--as-written",
            "--init", f"net = {numpy_name}()", *extra]


def params(*pairs: str) -> list[str]:
    return [a for p in pairs for a in ("--param", p)]


ORD = params("w=score.weight.T", "a=a", "d=d")
LIN = params("W=lin.weight.T", "b=lin.bias")

CASES = [
    # ------------------------------------------------------------------ ports
    dict(id="PX01_ordinal_logit_sign", side="port",
         args=pair("01_ordinal_numpy.py", "OrdinalModel", "01_ordinal_torch.py", "OrdinalModel", "--data", ORDINAL,
                   *ORD),
         mechanism="pair: the port's cumulative logit for P(y <= k) is f - theta_k, the score and the threshold "
                   "subtracted the other way, instead of theta_k - f: every cumulative probability is "
                   "sigmoid(f - theta_k) = 1 - P(y <= k), the logits negated, so the BCE on the 'at most k' "
                   "indicators pulls the score and the thresholds the wrong way",
         expected=("theta - f", "f - theta", "theta_k - f", "sign", "negated", "flipped", "reversed",
                   "other way", "cumulative", "ordinal", "threshold", "proportional odds", "p(y <= k)",
                   "1 - p", "score", "cumulative logit", "subtraction")),
    dict(id="PX02_cox_censored_as_events", side="port",
         args=pair("02_survival_numpy.py", "CoxModel", "02_survival_torch.py", "CoxModel", "--data", SURVIVAL,
                   *params("beta=lin.weight.T")),
         mechanism="pair: the port's negative log partial likelihood is -(eta - log_risk).mean(), over every row, "
                   "instead of -(event * (eta - log_risk)).sum() / event.sum(): the censored rows are counted as "
                   "events (each adds its eta_i - log sum of its risk set) and the sum is divided by n instead "
                   "of the number of events",
         expected=("censored", "censoring", "event", "event indicator", "events only", "counted as events",
                   "mean over all rows", "event.sum()", "number of events", "partial likelihood", "cox",
                   "risk set", "survival", "status", "mask", "multiplied by event")),
    dict(id="PX03_exposure_added_to_rate", side="port",
         args=pair("03_claims_numpy.py", "ClaimsModel", "03_claims_torch.py", "ClaimsModel", "--data", CLAIMS,
                   *LIN),
         mechanism="pair: the port adds the log-exposure offset to the rate after the exponential, "
                   "exp(lin(x)) + log(exposure), instead of to the log-rate inside it, exp(lin(x) + log(exposure)): "
                   "the expected count is exp(eta) + log t instead of t exp(eta), so the Poisson loss and every "
                   "gradient differ (the offset additive on the count scale instead of multiplicative)",
         expected=("offset", "exposure", "log exposure", "log-exposure", "inside the exp", "outside the exp",
                   "log-rate", "log rate", "log link", "added to the rate", "multiplicative", "additive",
                   "exp(eta + offset)", "exp(eta) + offset", "poisson", "parenthes")),
    dict(id="PX04_reference_category_last", side="port",
         args=pair("04_choice_numpy.py", "ChoiceModel", "04_choice_torch.py", "ChoiceModel", "--data", CHOICE,
                   *LIN),
         mechanism="pair: the port puts the reference category's zero utility after the two free utilities, "
                   "torch.cat([free, zero]), instead of in front, torch.cat([zero, free]): the last category "
                   "becomes the reference and the free utilities score the first two categories instead of the "
                   "second and third, so the softmax probabilities and the gradients are matched to the wrong "
                   "classes",
         expected=("reference", "reference category", "baseline category", "zero", "first", "last",
                   "torch.cat", "order", "column order", "permut", "shifted", "wrong class", "multinomial logit",
                   "pinned", "fixed at zero", "concatenat")),
    dict(id="PX05_huber_linear_branch", side="port",
         args=pair("05_robust_numpy.py", "RobustModel", "05_robust_torch.py", "RobustModel", "--data", ROBUST,
                   *LIN),
         mechanism="pair: the port's Huber loss has DELTA * |r| for the linear branch instead of "
                   "DELTA * (|r| - 0.5 * DELTA): the -0.5 DELTA^2 that joins the two branches continuously is "
                   "missing, so the loss is higher by 0.5 DELTA^2 per row beyond DELTA (the reported loss differs "
                   "while the gradients, DELTA sign(r) out there, are the same)",
         expected=("huber", "linear branch", "0.5 * delta", "0.5 delta", "delta^2", "delta ** 2", "constant",
                   "offset", "loss only", "loss value", "gradients agree", "same gradient", "continuous",
                   "branch", "torch.where", "|r|")),
    dict(id="PX06_ridge_intercept_penalised", side="port",
         args=pair("06_ridge_numpy.py", "RidgeModel", "06_ridge_torch.py", "RidgeModel", "--data", RIDGE,
                   *params("w=lin.weight.T", "b=lin.bias")),
         mechanism="pair: the port's ridge penalty is LAM * sum of the squares of every tensor in "
                   "model.parameters(), the intercept (lin.bias) included, instead of LAM * ||lin.weight||^2: the "
                   "bias gets an extra 2 LAM b in its gradient (shrunk towards 0) and the loss an extra LAM b^2, "
                   "where the NumPy program leaves the intercept unpenalised (the weights are right)",
         expected=("intercept", "bias", "penalty", "penalised", "penalized", "ridge", "l2", "weight decay",
                   "model.parameters()", "all parameters", "every parameter", "unpenalised", "unpenalized",
                   "2 * lam", "shrink", "regularis", "regulariz")),
    dict(id="PX07_logit_nll_softplus_sign", side="port",
         args=port("07_logit_port.py", "Net", "--data", BINARY, "--hidden-activation", "tanh",
                   "--output-activation", "sigmoid", "--loss", "bce", "--lr", "0.5"),
         mechanism="the Bernoulli negative log-likelihood in log-odds form is written mean(softplus(-z) - y z) "
                   "instead of mean(softplus(z) - y z) (or softplus(-z) + (1 - y) z): the loss is short by z "
                   "per row and the logit gradient is (p - 1 - y) / n instead of (p - y) / n, every output pushed "
                   "up by 1 / n",
         expected=("softplus", "softplus(-z)", "softplus(z)", "log(1 + exp(z))", "log1p", "sign", "-z",
                   "p - 1", "p - y", "negative log-likelihood", "bernoulli", "log-odds", "logit",
                   "binary cross-entropy", "bce", "1 - y")),
    dict(id="PX08_inverse_logit_half_angle", side="port",
         args=port("08_tanh_logit_port.py", "Net", "--data", BINARY, "--hidden-activation", "sigmoid",
                   "--output-activation", "sigmoid", "--loss", "bce", "--lr", "0.5"),
         mechanism="the inverse logit through the half-angle identity is typed 0.5 * (1 + tanh(z)) instead of "
                   "0.5 * (1 + tanh(z / 2)): the output is sigmoid(2 z), the logit doubled, so the "
                   "probabilities are sharpened and the output gradient is 2 (p - y) / n at p = sigmoid(2 z)",
         expected=("tanh", "half-angle", "half angle", "z / 2", "z/2", "sigmoid(2z)", "sigmoid(2 * z)",
                   "2z", "doubled", "twice", "factor 2", "factor of 2", "inverse logit", "logistic",
                   "sigmoid", "output activation", "scale")),
    # ------------------------------------------------------------------ numpy programs
    dict(id="PX09_threshold_increment_chain", side="numpy",
         args=pair("09_ordinal_numpy.py", "OrdinalModel", "09_ordinal_torch.py", "OrdinalModel", "--data", ORDINAL,
                   *ORD),
         mechanism="pair: the ordered thresholds are a + cumsum(exp(d)); the gradient of the log-increments d "
                   "is written as the reverse cumulative sum of the thresholds' gradients without the chain-rule "
                   "factor exp(d): d's gradient is too large by 1 / exp(d) (1 / 0.7 and 1 / 0.9 at the start), "
                   "while w, a and the loss are right",
         expected=("exp(d)", "exp(self.d)", "chain rule", "chain-rule", "missing factor", "increment",
                   "log-increment", "reparametris", "reparameteriz", "ordered thresholds", "threshold",
                   "cumsum", "exponential", "derivative of exp", "d.grad", "ordinal")),
    dict(id="PX10_risk_set_strictly_after", side="numpy",
         args=pair("10_survival_numpy.py", "CoxModel", "10_survival_torch.py", "CoxModel", "--data", SURVIVAL,
                   *params("beta=lin.weight.T")),
         mechanism="pair: the risk-set matrix is R[i, j] = t_j > t_i, the rows strictly after, instead of "
                   "t_j >= t_i, at or after: each event's own row is left out of its risk set, so the "
                   "log-sum-exp denominator of the partial likelihood and the gradient's risk-weighted mean "
                   "exclude the subject that failed",
         expected=("risk set", ">=", "> ", "strict", "strictly", "at or after", "at-or-after", "includ",
                   "exclud", "own row", "itself", "diagonal", "log-sum-exp", "logsumexp", "partial likelihood",
                   "cox", "off by one")),
    dict(id="PX11_offset_missing_in_gradient", side="numpy",
         args=pair("11_claims_numpy.py", "ClaimsModel", "11_claims_torch.py", "ClaimsModel", "--data", CLAIMS,
                   *LIN),
         mechanism="pair: the log-rate's gradient is (exp(eta) - y) / n, the exposure offset left out, instead "
                   "of (mu - y) / n with mu = exp(eta + log exposure): the predicted counts in the gradient are "
                   "those of a unit exposure, too small by the factor exposure (1.2 .. 4), while the loss is "
                   "right",
         expected=("offset", "exposure", "log exposure", "log-exposure", "gradient", "mu", "exp(eta)",
                   "unit exposure", "factor", "poisson", "missing", "left out", "rate", "backward",
                   "numpy-backward")),
    dict(id="PX12_reference_gradient_slice", side="numpy",
         args=pair("12_choice_numpy.py", "ChoiceModel", "12_choice_torch.py", "ChoiceModel", "--data", CHOICE,
                   *LIN),
         mechanism="pair: the free utilities' gradient is sliced dz[:, :-1], the reference category's and the "
                   "second category's columns, instead of dz[:, 1:], the second and third: the two free columns "
                   "of W and b are updated with the gradients of the wrong categories (shifted by one), while the "
                   "forward pass and the loss are right",
         expected=("slice", "[:, 1:]", "[:, :-1]", "reference", "reference category", "column", "shifted",
                   "off by one", "off-by-one", "wrong class", "wrong columns", "gradient", "multinomial logit",
                   "backward", "numpy-backward")),
    dict(id="PX13_huber_one_sided_threshold", side="numpy",
         args=pair("13_robust_numpy.py", "RobustModel", "13_robust_torch.py", "RobustModel", "--data", ROBUST,
                   *LIN),
         mechanism="pair: the Huber gradient tests r <= DELTA instead of |r| <= DELTA: large negative residuals "
                   "(r < -DELTA) fall into the quadratic branch and get the full residual r instead of -DELTA, "
                   "so the outliers below the fit pull with their whole size (positive ones are clipped right)",
         expected=("huber", "abs", "absolute", "|r|", "np.abs", "negative residuals", "r <= delta",
                   "one-sided", "one sided", "clip", "threshold", "quadratic branch", "outlier", "sign",
                   "numpy-backward")),
    dict(id="PX14_ridge_mask_wrong_end", side="numpy",
         args=pair("14_ridge_numpy.py", "DesignRidge", "14_ridge_torch.py", "DesignRidge", "--data", RIDGE,
                   *params("theta=theta")),
         mechanism="pair: the unpenalised entry of the coefficient vector is marked at index 0 instead of -1, "
                   "where the appended column of ones put the intercept last: the intercept is penalised "
                   "(2 LAM theta_6 in its gradient) and the first slope is left unpenalised",
         expected=("intercept", "mask", "index", "first", "last", "[-1]", "[0]", "penalty", "penalised",
                   "penalized", "unpenalised", "ridge", "l2", "column of ones", "slope", "regularis",
                   "regulariz")),
    dict(id="PX15_contrast_logit_gradient", side="numpy",
         args=numpy_net("15_contrast_softmax_net.py", "ContrastSoftmax", "--init", "ContrastSoftmax()",
                        "--step", "net.train_step(X, y)", "--data", CHOICE, "--hidden-activation", "tanh",
                        "--output-activation", "softmax", "--loss", "ce", "--lr", "0.5"),
         mechanism="the logit gradient has the reference (first) category's column subtracted from every column, "
                   "((p - y) - (p - y)[:, :1]) / n instead of (p - y) / n: the reference class's output weights "
                   "never move and the others step with contrasts against it, while the forward pass is the full "
                   "softmax",
         expected=("reference", "reference category", "contrast", "first column", "column 0", "subtract",
                   "p - y", "logit gradient", "output delta", "softmax", "never move", "frozen",
                   "identif", "multinomial", "numpy-backward")),
    dict(id="PX16_centred_response", side="numpy",
         args=numpy_net("16_centred_regression_net.py", "CentredRegression", "--init", "CentredRegression()",
                        "--step", "net.train_step(X, y)", "--data", RIDGE, "--hidden-activation", "tanh",
                        "--output-activation", "linear", "--loss", "mse", "--lr", "0.1"),
         mechanism="the residual is taken against the centred response, out - (y - mean(y)), instead of out - y, "
                   "while the network keeps its own output bias: the targets are shifted by their mean (about 2), "
                   "so the loss and every gradient differ, the output bias driven towards 0 instead of the mean",
         expected=("centred", "centered", "centring", "centering", "mean", "y.mean", "y - y.mean()",
                   "target", "response", "shift", "intercept", "bias", "residual", "offset")),
    # ------------------------------------------------------------------ correct
    dict(id="PXC1_running_risk_sets", side="correct",
         args=pair("correct_01_risk_set_numpy.py", "RiskSetCox", "correct_01_risk_set_torch.py", "RiskSetCox",
                   "--data", SURVIVAL, *params("beta=lin.weight.T")),
         mechanism="pair: Cox partial likelihood, NumPy by np.logaddexp.accumulate over the reversed scores and a "
                   "forward cumsum in the gradient, np.einsum; against a boolean risk-set matrix with "
                   "masked_fill(-inf) and torch.logsumexp, torch.where on the event flags", expected=()),
    dict(id="PXC2_reference_contrast_port", side="correct",
         args=port("correct_02_reference_port.py", "Net", "--data", CHOICE, "--hidden-activation", "tanh",
                   "--output-activation", "softmax", "--loss", "ce", "--lr", "0.5"),
         mechanism="port: every logit measured against the first category's, z - z[:, :1] (shift-invariant "
                   "softmax), F.cross_entropy with one-hot probabilities; the kit's SGD", expected=()),
    dict(id="PXC3_multiplicative_exposure", side="correct",
         args=pair("correct_03_exposure_numpy.py", "ExposureRate", "correct_03_exposure_torch.py", "ExposureRate",
                   "--data", CLAIMS, *LIN),
         mechanism="pair: Poisson rate with the exposure as a multiplier exp(log t) * exp(eta) and the gradient "
                   "through the rate, heavy-ball momentum in a dict updated in place; against "
                   "F.poisson_nll_loss(lin(x) + log t) and SGD(momentum=0.9)", expected=()),
]
