"""Thirty-fifth fresh held-out set for the diagnosis: one planted bug per program in fresh35/
(eight PyTorch ports, seven of them checked against a NumPy program of their own, and eight NumPy
programs, six of them checked against a correct port of their own) and three correct programs
in unusual styles. The theme is tabular and classic statistical models written as small
networks: multi-label tagging with independent sigmoids and pos_weight, imbalanced classes with
balanced sample weights, ordinal regression with cumulative (CORAL) logits and learned
thresholds, Poisson regression with a log link (PoissonNLLLoss's log_input and full, an
exposure offset), Gamma regression with a log link and its deviance, entity embeddings for
categorical columns concatenated with numeric ones, standardisation of some columns only,
softmax regression with a temperature, a multinomial logit with a reference category, and the
logistic loss in its +-1 margin form. fresh35/make_data.py writes the data.
Same format as cases.py; run with

    python3 scripts/diagnosis_held_out.py --cases fresh35_cases

Each case:
    id          short name (prefixed PI)
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
of the development set (cases.py), fresh/, fresh2/, ..., fresh34/. Each buggy program was
checked to fail (exit 1) and its fix (the bug line the only difference, written in a
'# fix:' comment beside it) to pass (exit 0) under the same arguments; each correct program
passes (exit 0).
"""

from case_args import in_folder

F = "scripts/diagnosis_sets/fresh35/"
port, numpy_net = in_folder(F)

MULTILABEL, ORDINAL, COUNTS = F + "multilabel.npz", F + "ordinal.npz", F + "counts.npz"
EXPOSURE, CLAIMS, TABULAR = F + "exposure.npz", F + "claims.npz", F + "tabular.npz"
MIXED, CLASSES, CHURN = F + "mixed.npz", F + "classes.npz", F + "churn.npz"


def pair(numpy_file: str, numpy_name: str, torch_file: str, torch_name: str, *extra: str) -> list[str]:
    """A NumPy program of the user's own against the user's own port, both as written."""
    return [f"{F}{numpy_file}:{numpy_name}", "--torch", f"{F}{torch_file}:{torch_name}", "--as-written",
            "--init", f"net = {numpy_name}()", *extra]


def params(*pairs: str) -> list[str]:
    return [a for p in pairs for a in ("--param", p)]


DENSE = params("W1=hidden.weight.T", "b1=hidden.bias", "W2=out.weight.T", "b2=out.bias")
CORAL = params("W1=hidden.weight.T", "b1=hidden.bias", "w=score.weight.T", "theta=theta")
EMBED = params("E_store=store_emb.weight", "E_seg=segment_emb.weight")


CASES = [
    # ------------------------------------------------------------------ ports
    dict(id="PI01_tagger_pos_weight", side="port",
         args=pair("01_tagger_numpy.py", "Tagger", "01_tagger_torch.py", "Tagger", "--data", MULTILABEL, *DENSE),
         mechanism="pair: the port computes BCEWithLogits' pos_weight per tag as n_pos / n_neg, the inverse of the "
                   "NumPy program's n_neg / n_pos: the rare positives' term is down-weighted (0.43 instead of 2.33 "
                   "for a tag with 30% positives) instead of up-weighted, so the logit gradient "
                   "((w y + 1 - y) p - w y) / (n K) uses the reciprocal weight",
         expected=("pos_weight", "pos weight", "positive weight", "inverse", "inverted", "reciprocal",
                   "n_pos / n_neg", "n_neg / n_pos", "neg / pos", "pos / neg", "ratio", "upside down",
                   "positives", "rare", "imbalance", "positive term", "binary_cross_entropy_with_logits")),
    dict(id="PI02_rating_cumulative_targets", side="port",
         args=pair("02_rating_numpy.py", "RatingModel", "02_rating_torch.py", "RatingModel", "--data", ORDINAL,
                   *CORAL),
         mechanism="pair: the port's cumulative (CORAL) targets are built as y >= k instead of y > k: task k asks "
                   "'is the rating at least k' instead of 'above k', so the first task's target is 1 for every row "
                   "and each task's target is shifted by one level (off by one), the thresholds pulled the wrong way",
         expected=("cumulative", "ordinal", "coral", ">=", "y > k", "y >= k", "off by one", "off-by-one",
                   "shifted", "one level", "at least", "above", "threshold", "levels", "targets", "first task",
                   "all ones", "comparison")),
    dict(id="PI03_counts_full_poisson", side="port",
         args=pair("03_counts_numpy.py", "CountNet", "03_counts_torch.py", "CountNet", "--data", COUNTS, *DENSE),
         mechanism="pair: the port's nn.PoissonNLLLoss(log_input=True, full=True) adds Stirling's approximation "
                   "of log y!, y log y - y + 0.5 log(2 pi y) for every count above 1, to the loss the NumPy "
                   "program computes without it: a constant that depends only on the targets, so the reported "
                   "loss is higher by its mean while every gradient and update agrees",
         expected=("full=true", "full", "stirling", "log y!", "log(y!)", "factorial", "constant",
                   "constant term", "poissonnllloss", "poisson", "only the loss", "loss only",
                   "gradients agree", "same gradients", "offset", "target-dependent")),
    dict(id="PI04_claims_gamma_deviance", side="port",
         args=pair("04_claims_numpy.py", "ClaimsNet", "04_claims_torch.py", "ClaimsNet", "--data", CLAIMS, *DENSE),
         mechanism="pair: the port's Gamma loss is the full unit deviance 2 (y / mu - log(y / mu) - 1) where the "
                   "NumPy program uses half of it (the negative log-likelihood's form): loss and every gradient "
                   "are twice the NumPy program's, the log-mean gradient 2 (1 - y / mu) / n",
         expected=("deviance", "gamma", "factor 2", "factor of 2", "twice", "2x", "doubled", "double",
                   "half", "0.5", "2 *", "scale", "scaled", "unit deviance", "negative log-likelihood")),
    dict(id="PI05_sales_embedding_columns", side="port",
         args=pair("05_sales_numpy.py", "SalesNet", "05_sales_torch.py", "SalesNet", "--data", TABULAR, *DENSE,
                   *EMBED),
         mechanism="pair: the port reads the store id from column 1 and the segment id from column 0, the two "
                   "categorical columns swapped: both have 4 levels, so each row looks up the store embedding "
                   "with its segment id and the segment embedding with its store id, the wrong rows get the "
                   "gradients",
         expected=("column", "columns", "swapped", "swap", "exchanged", "store", "segment", "categorical",
                   "embedding", "x[:, 0]", "x[:, 1]", "wrong row", "wrong rows", "lookup", "index", "ids")),
    dict(id="PI06_prices_scaled_dummies", side="port",
         args=pair("06_prices_numpy.py", "PriceNet", "06_prices_torch.py", "PriceNet", "--data", MIXED, *DENSE),
         mechanism="pair: the port's N_NUMERIC = 5 (3 meant) standardises every column, the two 0/1 dummy columns "
                   "included, with their batch mean and standard deviation, where the NumPy program standardises "
                   "the three numeric columns only and passes the dummies through as 0/1: the first layer sees "
                   "different dummy inputs",
         expected=("dummy", "dummies", "0/1", "one-hot", "indicator", "binary column", "standardis",
                   "standardiz", "scaled", "scaling", "n_numeric", "numeric columns", "every column",
                   "all columns", "mean", "std", "columns 3")),
    dict(id="PI07_softmax_learned_temperature", side="port",
         args=port("07_softmax_port.py", "Net", "--data", CLASSES, "--hidden-activation", "sigmoid",
                   "--output-activation", "softmax", "--loss", "ce", "--lr", "0.5"),
         mechanism="the port's temperature is an nn.Parameter(torch.ones(1)) instead of a registered buffer: it "
                   "starts at 1 (step 1 agrees) but the optimizer trains it with the weights, so from step 2 the "
                   "logits are divided by a temperature that has moved away from 1",
         expected=("temperature", "nn.parameter", "parameter", "buffer", "register_buffer", "trainable",
                   "learned", "learnable", "requires_grad", "optimizer", "extra parameter", "divided",
                   "scaled logits", "logits /", "calibration", "step 2")),
    dict(id="PI08_visits_softplus_link", side="port",
         args=pair("08_visits_numpy.py", "VisitNet", "08_visits_torch.py", "VisitNet", "--data", COUNTS,
                   *params("params['W1']=hidden.weight.T", "params['b1']=hidden.bias",
                           "params['W2']=out.weight.T", "params['b2']=out.bias")),
         mechanism="pair: the port's inverse link is F.softplus(z), log(1 + exp(z)), where the NumPy Poisson "
                   "network uses the log link's inverse exp(z): the predicted rate is softplus(z) instead of "
                   "exp(z) and the output gradient is sigmoid(z) (1 - y / softplus(z)) instead of exp(z) - y",
         expected=("softplus", "link", "inverse link", "log link", "exp(z)", "exp", "rate", "mean function",
                   "canonical", "log(1 + exp", "positive", "poisson", "log_input=false", "sigmoid(z)")),
]

CASES += [
    # ------------------------------------------------------------------ NumPy programs
    dict(id="PI09_severity_exp_sign", side="numpy",
         args=pair("09_severity_numpy.py", "SeverityNet", "09_severity_torch.py", "SeverityNet", "--data", CLAIMS,
                   *DENSE),
         mechanism="pair: the Gamma log-link gradient is written (1 - y exp(z)) / n, y times mu, instead of "
                   "(1 - y exp(-z)) / n = (1 - y / mu) / n: the sign of the exponent lost, so the log-mean's "
                   "gradient is wrong for every row (the loss is computed right)",
         expected=("exp(-z)", "exp(z)", "y / mu", "y * mu", "y mu", "sign", "exponent", "inverse",
                   "reciprocal", "1 / mu", "gamma", "log link", "log-link", "gradient", "numpy-backward")),
    dict(id="PI10_grades_threshold_sign", side="numpy",
         args=pair("10_grades_numpy.py", "GradeModel", "10_grades_torch.py", "GradeModel", "--data", ORDINAL,
                   *CORAL),
         mechanism="pair: the thresholds' gradient is dz.sum(0) instead of -dz.sum(0): the logit is f - theta_k, "
                   "so dL/dtheta = -dL/dz; the sign is lost and the thresholds move the wrong way (uphill) while "
                   "the score weights are right",
         expected=("theta", "threshold", "thresholds", "cut point", "cutpoint", "sign", "wrong sign",
                   "negative", "minus", "-dz", "f - theta", "uphill", "wrong way", "opposite", "ordinal")),
    dict(id="PI11_tempered_softmax_chain", side="numpy",
         args=pair("11_calibrated_numpy.py", "TemperedSoftmax", "11_calibrated_torch.py", "TemperedSoftmax",
                   "--data", CLASSES, *params("W=scores.weight.T", "b=scores.bias")),
         mechanism="pair: the gradient of the cross-entropy of softmax(z / T) is written (p - y) / n, missing the "
                   "chain-rule factor 1 / T of the temperature (T = 2): every gradient is T = 2 times too large",
         expected=("temperature", "1 / t", "1/t", "/ t", "chain rule", "chain-rule", "factor 2",
                   "factor of 2", "twice", "2x", "t = 2", "missing factor", "z / t", "scaled", "softmax")),
    dict(id="PI12_basket_embedding_slice", side="numpy",
         args=pair("12_basket_numpy.py", "BasketNet", "12_basket_torch.py", "BasketNet", "--data", TABULAR, *DENSE,
                   *EMBED),
         mechanism="pair: the input gradient is split at the wrong offset: the store embedding's gradient is "
                   "d_inp[:, :3], the numeric columns' block, instead of d_inp[:, 3:6] (the numeric columns come "
                   "first in the concatenation), so the store table is updated with the gradient of the numeric "
                   "inputs",
         expected=("slice", "slicing", "offset", "d_inp[:, :3]", "d_inp[:, 3:6]", "n_num", "concatenat",
                   "numeric columns", "block", "wrong columns", "store", "embedding", "e_store", "split",
                   "columns")),
    dict(id="PI13_frequency_exposure_offset", side="numpy",
         args=pair("13_claims_rate_numpy.py", "FrequencyNet", "13_claims_rate_torch.py", "FrequencyNet",
                   "--data", EXPOSURE, *DENSE),
         mechanism="pair: the exposure offset is added as the raw exposure, log_rate = z + exposure, instead of "
                   "its logarithm, z + log(exposure): the rate is exp(z) e^exposure instead of exposure exp(z), so "
                   "predictions and gradients are off by e^t / t per row (t the years at risk)",
         expected=("exposure", "offset", "log(exposure)", "np.log", "log of the exposure", "logarithm",
                   "log link", "log-rate", "log_rate", "raw exposure", "unlogged", "not logged", "column 3",
                   "e^t", "poisson")),
    dict(id="PI14_churn_balanced_weights", side="numpy",
         args=pair("14_churn_numpy.py", "ChurnNet", "14_churn_torch.py", "ChurnNet", "--data", CHURN, *DENSE),
         mechanism="pair: the 'balanced' class weights are written counts / n, each class's frequency, instead "
                   "of n / (2 counts), its inverse: the majority class gets the larger weight (0.675 against 0.325 "
                   "instead of 0.74 and 1.54), every row's loss and gradient scaled wrongly",
         expected=("class weight", "class_weight", "balanced", "frequency", "inverse", "inverse frequency",
                   "counts / n", "n / (2", "reciprocal", "majority", "minority", "sample weight", "weight",
                   "imbalance", "bincount")),
    dict(id="PI15_margin_logistic_sign", side="numpy",
         args=numpy_net("15_pm_logistic_net.py", "MarginLogisticNet", "--init", "MarginLogisticNet()",
                        "--step", "net.train_step(X, y)", "--data", CHURN, "--hidden-activation", "tanh",
                        "--output-activation", "sigmoid", "--loss", "bce", "--lr", "0.5"),
         mechanism="the margin-form logistic loss log(1 + exp(-s z)) (s = +-1) has its gradient written "
                   "-s sigmoid(s z) instead of -s sigmoid(-s z): the sign inside the sigmoid lost, so the logit "
                   "gradient is -s p_s (p - 1 for a positive becomes -p) instead of p - y",
         expected=("sigmoid(s * z)", "sigmoid(-s * z)", "sigmoid(-s z)", "-s", "sign", "margin", "+1",
                   "-1", "+-1", "±1", "s z", "logistic loss", "sigmoid(-", "p - y", "numpy-backward")),
    dict(id="PI16_multinomial_reference_class", side="numpy",
         args=numpy_net("16_baseline_softmax_net.py", "MultinomialNet", "--init", "MultinomialNet()",
                        "--step", "net.train_step(X, y)", "--data", CLASSES, "--hidden-activation", "relu",
                        "--output-activation", "softmax", "--loss", "ce", "--lr", "0.5"),
         mechanism="the first class's logit is pinned at 0 (the statistics textbook's reference category) in the "
                   "forward pass while the backward pass still updates W2[:, 0] and b2[0]: the probabilities use "
                   "0 instead of h W2[:, 0] + b2[0], and the update of that column changes nothing the forward "
                   "pass sees",
         expected=("reference", "reference category", "baseline", "first class", "class 0", "column 0",
                   "pinned", "zero logit", "logit 0", "fixed at 0", "w2[:, 0]", "b2[0]", "multinomial",
                   "identifiab", "hstack")),
]

CASES += [
    # ------------------------------------------------------------------ correct programs
    dict(id="PIC1_soft_margin_port", side="correct",
         args=port("correct_01_soft_margin_port.py", "Net", "--data", "random:40,5", "--hidden-activation", "tanh",
                   "--output-activation", "sigmoid", "--loss", "bce", "--optimizer", "momentum", "--momentum",
                   "0.9", "--lr", "0.3"),
         mechanism="port: the mean BCE with logits written as F.soft_margin_loss(z, 2y - 1) on labels recoded to "
                   "+-1; the kit's heavy-ball momentum", expected=()),
    dict(id="PIC2_full_poisson", side="correct",
         args=pair("correct_02_full_poisson_numpy.py", "FullPoissonNet", "correct_02_full_poisson_torch.py",
                   "FullPoissonNet", "--data", COUNTS,
                   *params("layers[0][0]=net.0.weight.T", "layers[0][1]=net.0.bias",
                           "layers[1][0]=net.2.weight.T", "layers[1][1]=net.2.bias")),
         mechanism="pair: Poisson NLL with Stirling's term for y > 1 on both sides (NumPy by np.where, torch by "
                   "F.poisson_nll_loss(full=True)), NumPy parameters in a list of [W, b] pairs through np.einsum "
                   "and heavy-ball momentum in place, against SGD(momentum=0.9)", expected=()),
    dict(id="PIC3_logaddexp_softmax", side="correct",
         args=numpy_net("correct_03_logaddexp_softmax_net.py", "LogAddExpSoftmax", "--init", "LogAddExpSoftmax()",
                        "--step", "net.train_step(X, y)", "--data", CLASSES, "--hidden-activation", "sigmoid",
                        "--output-activation", "softmax", "--loss", "ce", "--lr", "0.5"),
         mechanism="NumPy: sigmoid as exp(-logaddexp(0, -z)), log-softmax by np.logaddexp.reduce, the loss "
                   "gathered with np.take_along_axis and the delta's -1 put in place with np.put_along_axis, "
                   "products through np.einsum", expected=()),
]
