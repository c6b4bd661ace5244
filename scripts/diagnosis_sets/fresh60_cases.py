"""Sixtieth fresh held-out set for the diagnosis: one planted bug per program in fresh60/ (eight
PyTorch ports, five of them checked against a NumPy program of their own, and eight NumPy
programs, five of them checked against a correct port of their own) and three correct programs
in unusual styles. The theme is ranking and ordinal losses written by hand: RankNet's pairwise
logistic loss over the ordered pairs of each query, the margin ranking hinge of
torch.nn.MarginRankingLoss, ListNet's listwise softmax cross-entropy per query, CORAL-style
ordinal regression (one score, K - 1 learned thresholds, binary tasks P(y > k)), and pointwise
baselines on the same kind of data checked against the kit's own networks (the level as a
regression target, as a class, as three cumulative binary tasks). fresh60/make_data.py writes
the data.
Same format as cases.py; run with

    python3 scripts/diagnosis_held_out.py --cases fresh60_cases

Each case:
    id          short name (prefixed QH)
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
of the development set (cases.py), fresh/, fresh2/, ..., fresh58/. Each buggy program was
checked to fail (exit 1) and its fix (the bug line the only difference) to pass (exit 0) under
the same arguments; each correct program passes (exit 0).
"""

from case_args import OPT, in_folder

F = "scripts/diagnosis_sets/fresh60/"
port, numpy_net = in_folder(F)

LISTS, PAIRS, ORDINAL = F + "lists.npz", F + "pairs.npz", F + "ordinal.npz"
CUMUL, GRADES, ONEHOT = F + "cumul.npz", F + "grades.npz", F + "onehot.npz"


def pair(numpy_file: str, numpy_name: str, torch_file: str, torch_name: str, *extra: str) -> list[str]:
    """A NumPy program of the user's own against the user's own port, both as written."""
    return [f"{F}{numpy_file}:{numpy_name}", "--torch", f"{F}{torch_file}:{torch_name}", "--as-written",
            "--init", f"net = {numpy_name}()", *extra]


def params(*pairs: str) -> list[str]:
    return [a for p in pairs for a in ("--param", p)]


SCORER = params("W1=hidden.weight.T", "b1=hidden.bias", "w2=score.weight.T")
RANKNET = ("--data", LISTS, *SCORER)
MARGIN = ("--data", PAIRS, *SCORER)
LISTNET = ("--data", LISTS, *SCORER)
CORAL = ("--data", ORDINAL, *params("W1=hidden.weight.T", "b1=hidden.bias", "w=score.weight.T", "theta=theta"))
TASKS = ("--data", CUMUL, "--hidden-activation", "tanh", "--output-activation", "sigmoid", "--loss", "bce",
         "--lr", "0.5")
REGRESSION = ("--data", GRADES, "--hidden-activation", "tanh", "--output-activation", "linear", "--loss", "mse",
              "--lr", "0.1")
LEVELS = ("--data", ONEHOT, "--hidden-activation", "tanh", "--output-activation", "softmax", "--loss", "ce",
          "--lr", "0.5")


def own_step(name: str) -> list[str]:
    return ["--init", f"{name}()", "--step", "net.train_step(X, y)"]


CASES = [
    # ------------------------------------------------------------------ ports
    dict(id="QH01_ranknet_ties", side="port",
         args=pair("ranknet_numpy.py", "RankNet", "01_ranknet_ties_port.py", "RankNet", *RANKNET),
         mechanism="pair: the port's pair mask is y_i >= y_j instead of y_i > y_j: it counts the tied pairs and "
                   "the diagonal (i = i) as ordered pairs; each tie (i, j) and (j, i) adds log(1 + exp(-(s_i - s_j))) "
                   "both ways, pulling the two scores together, and the diagonal adds log 2 each with no gradient, "
                   "so the pair count in the mean grows and every pair's gradient is divided by the larger count",
         expected=("tie", "ties", "tied", "equal relevance", "same relevance", "diagonal", "i == j", "itself",
                   ">=", "greater or equal", "strict", "pair mask", "mask", "log 2", "number of pairs",
                   "pair count", "self-pair", "denominator")),
    dict(id="QH02_margin_label", side="port",
         args=pair("margin_numpy.py", "MarginRanker", "02_margin_label_port.py", "MarginRanker", *MARGIN),
         mechanism="pair: the port passes the stored 0/1 label straight to nn.MarginRankingLoss as its target "
                   "instead of 2y - 1: the target must be +1 or -1, so the rows labelled 0 (the second document "
                   "preferred) give max(0, -0 (s1 - s2) + margin) = margin, a constant with no gradient, and only "
                   "the rows labelled 1 train",
         expected=("marginrankingloss", "margin ranking", "target", "label", "+1 or -1", "-1", "+-1", "0/1",
                   "2y - 1", "2 * y - 1", "recode", "sign", "zero label", "constant", "no gradient",
                   "only the positive", "half the pairs", "ignored")),
    dict(id="QH03_ranknet_query_mean", side="port",
         args=pair("ranknet_numpy.py", "RankNet", "03_ranknet_query_mean_port.py", "RankNet", *RANKNET),
         mechanism="pair: the port averages the pairwise logistic loss within each query and then over the "
                   "queries, instead of over all the batch's pairs at once: each query's pairs are weighted "
                   "1 / (q * pairs of that query) instead of 1 / (all pairs), so queries with few ordered pairs "
                   "weigh more and the loss and every gradient are reweighted per query",
         expected=("per query", "each query", "over queries", "mean over queries", "over the queries",
                   "over all pairs", "mean over pairs", "average", "weight", "weighted", "pairs per query",
                   "number of pairs", "normalisation", "normalization", "macro", "micro", "reduction")),
    dict(id="QH04_listnet_linear_target", side="port",
         args=pair("listnet_numpy.py", "ListNet", "04_listnet_linear_target_port.py", "ListNet", *LISTNET),
         mechanism="pair: the port's ListNet target distribution is the relevance normalised linearly, "
                   "y / y.sum(dim=1), instead of softmax(y) over the query's documents: irrelevant documents "
                   "(grade 0) get probability 0 instead of exp(0) / sum exp(y), and the graded ones proportional "
                   "shares, so the cross-entropy's target and the score gradient p - target differ",
         expected=("target", "softmax", "normalise", "normalize", "y / y.sum", "sum of relevance",
                   "linear normalisation", "proportional", "top-one", "listnet", "relevance", "target distribution",
                   "exp(y)", "instead of softmax", "probability")),
    dict(id="QH05_coral_elementwise_mean", side="port",
         args=pair("coral_numpy.py", "Coral", "05_coral_mean_port.py", "Coral", *CORAL),
         mechanism="pair: the port's CORAL loss is F.binary_cross_entropy_with_logits(logits, T) with its default "
                   "mean over all n * (K - 1) entries, instead of summing the K - 1 = 3 binary tasks and averaging "
                   "over the rows: the loss and every gradient (score weights and thresholds) are a third of the "
                   "NumPy program's",
         expected=("mean", "reduction", "sum over tasks", "k - 1", "three tasks", "3 tasks", "1/3", "a third",
                   "one third", "factor 3", "factor of 3", "binary_cross_entropy_with_logits", "every element",
                   "all elements", "per row", "scaled")),
    dict(id="QH06_cumul_cummin", side="port",
         args=port("06_cumul_cummin_port.py", "Net", *OPT, *TASKS),
         mechanism="port: the three task probabilities P(level > k) go through torch.cummin over the tasks to make "
                   "them non-increasing: wherever a later task's sigmoid exceeds an earlier one it is replaced by the "
                   "earlier value, so that output and its loss term are wrong and its logit gets no gradient (the "
                   "gradient goes to the earlier task's logit instead)",
         expected=("cummin", "cumulative minimum", "running minimum", "monotone", "monotonic", "non-increasing",
                   "rank consistency", "clipped", "replaced", "minimum", "no gradient", "gradient routed",
                   "earlier task", "ordering constraint", "output")),
    dict(id="QH07_grades_relu", side="port",
         args=port("07_grades_relu_port.py", "Net", *OPT, *REGRESSION),
         mechanism="port: the regression output passes through F.relu because grades are never negative, where "
                   "the NumPy network's output is linear: every row whose score is negative predicts 0 and gets no "
                   "gradient, so the loss and all gradients differ from the first step",
         expected=("relu", "output activation", "linear output", "non-negative", "negative", "clamp", "zero",
                   "no gradient", "dead", "clipped at zero", "final layer", "last layer", "output layer",
                   "activation on the output")),
    dict(id="QH08_grades_bounded", side="port",
         args=port("08_grades_bounded_port.py", "Net", *OPT, *REGRESSION, "--optimizer", "momentum",
                   "--momentum", "0.9"),
         mechanism="port: the regression output is squashed into the grade range by 3 * sigmoid(z) instead of the "
                   "linear output z: the prediction is 3 sigmoid(z) and each row's gradient carries the factor "
                   "3 sigmoid(z) (1 - sigmoid(z)), so the outputs, loss and every gradient differ",
         expected=("sigmoid", "3 *", "scaled sigmoid", "squash", "bounded", "range", "[0, 3]", "output activation",
                   "linear output", "output layer", "last layer", "sigmoid derivative", "saturat",
                   "activation on the output")),
    # ------------------------------------------------------------------ NumPy programs
    dict(id="QH09_ranknet_one_side", side="numpy",
         args=pair("09_ranknet_oneside_numpy.py", "RankNet", "ranknet_torch.py", "RankNet", *RANKNET),
         mechanism="pair: the NumPy score gradient collects each pair's derivative only for the more relevant "
                   "document, ds = dS.sum(axis=2), dropping the - dS.sum(axis=1) term: the less relevant document "
                   "j of each pair never receives the opposite gradient +sigmoid(-(s_i - s_j)), so lower-ranked "
                   "documents are not pushed down",
         expected=("both documents", "second document", "less relevant", "lower-ranked", "j side", "opposite",
                   "-ds", "missing term", "dropped", "only s_i", "one side", "one-sided", "antisymmetric",
                   "transpose", "dS.sum(axis=1)", "axis=1", "half of the gradient")),
    dict(id="QH10_ranknet_cross_query", side="numpy",
         args=pair("10_ranknet_flat_numpy.py", "RankNet", "ranknet_torch.py", "RankNet", *RANKNET),
         mechanism="pair: the flattened NumPy RankNet builds its pair mask from the relevance alone, r_i > r_j "
                   "over the whole batch, leaving out the same-query condition qid_i == qid_j: documents of "
                   "different queries are paired, so there are many more pairs, each query's scores are compared "
                   "with other queries' and the mean is over the wrong pair count",
         expected=("query", "same query", "different queries", "across queries", "cross-query", "query id",
                   "qid", "group", "whole batch", "pairs across", "block", "mask", "within each query",
                   "number of pairs", "flatten")),
    dict(id="QH11_margin_half_gradient", side="numpy",
         args=pair("11_margin_halfgrad_numpy.py", "MarginRanker", "margin_torch.py", "MarginRanker", *MARGIN),
         mechanism="pair: the NumPy hinge gradient divides by s.size, the 2n scores of the (n, 2) score array, "
                   "instead of n pairs, while the loss is the mean over the n pairs: every gradient is half the "
                   "true one (the loss value is right)",
         expected=("half", "1/2", "0.5", "factor 2", "factor of 2", "twice", "2n", "s.size", "number of scores",
                   "number of pairs", "n pairs", "divided", "mean over pairs", "normalisation", "normalization",
                   "scale")),
    dict(id="QH12_listnet_keepdims", side="numpy",
         args=pair("12_listnet_keepdims_numpy.py", "ListNet", "listnet_torch.py", "ListNet", *LISTNET,
                   "--batch-size", "5"),
         mechanism="pair: the NumPy log-softmax subtracts np.log(np.exp(s).sum(axis=1)) without keepdims=True: with "
                   "5 queries of 5 documents per batch the (q,) normalisers broadcast along the last axis, so "
                   "document j of every query is normalised by query j's log-sum-exp instead of its own; the "
                   "probabilities no longer sum to one per query and the loss and gradient p - target are wrong",
         expected=("keepdims", "broadcast", "broadcasting", "normaliser", "normalizer", "log-sum-exp", "logsumexp",
                   "axis", "wrong query", "other query", "column", "row", "sum to one", "log_softmax",
                   "log-softmax", "shape")),
    dict(id="QH13_coral_theta_total", side="numpy",
         args=pair("13_coral_theta_numpy.py", "Coral", "coral_torch.py", "Coral", *CORAL),
         mechanism="pair: the NumPy thresholds' gradient is -dz.sum(), summed over the rows and the tasks, instead "
                   "of -dz.sum(axis=0), one sum per task: every threshold receives the same total gradient of all "
                   "K - 1 tasks, so the thresholds move together by the same step (the score weights are right)",
         expected=("threshold", "thresholds", "theta", "cutpoint", "sum()", "axis=0", "all tasks", "every task",
                   "same gradient", "same value", "scalar", "broadcast", "per task", "summed over", "total",
                   "reduction axis")),
    dict(id="QH14_levels_half_shift", side="numpy",
         args=numpy_net("14_onehot_shift_net.py", "LevelSoftmax", *own_step("LevelSoftmax"), *LEVELS),
         mechanism="the softmax numerator is shifted by the row maximum, exp(z - max), but the denominator sums the "
                   "unshifted exp(z): each row's probabilities are scaled by exp(-max_j z_j) and do not sum to one, "
                   "so the cross-entropy is too large by max z and the gradient p - y too small on the target class",
         expected=("softmax", "max", "shift", "stabil", "numerator", "denominator", "exp(z - max", "unshifted",
                   "sum to one", "normalis", "normaliz", "exp(-max", "scaled", "probabilities")),
    dict(id="QH15_grades_rescaled", side="numpy",
         args=numpy_net("15_grades_scaled_net.py", "GradeRegressor", *own_step("GradeRegressor"), *REGRESSION),
         mechanism="the program regresses onto y / y.max(), the grades divided by the batch's largest grade "
                   "(3), instead of y: the targets are a third of the twin's, so the residual out - y / 3 and "
                   "every gradient differ from the first step",
         expected=("target", "scaled", "rescal", "normalis", "normaliz", "y.max", "max", "divided", "/ 3",
                   "a third", "1/3", "[0, 1]", "label", "grade", "residual")),
    dict(id="QH16_tasks_tanh_sigmoid", side="numpy",
         args=numpy_net("16_cumul_tanh_net.py", "CumulativeTasks", *own_step("CumulativeTasks"), *TASKS),
         mechanism="the sigmoid is written through tanh as 0.5 * (1 + tanh(z)) instead of 0.5 * (1 + tanh(z / 2)): "
                   "that is sigmoid(2z), twice as steep, so every task probability and the loss differ and the "
                   "gradient p - y uses the sharpened probability",
         expected=("sigmoid", "tanh", "z / 2", "z/2", "0.5 * z", "half", "2z", "2 * z", "sigmoid(2z)", "steep",
                   "factor 2", "twice", "identity", "temperature", "scale of the logit")),
    # ------------------------------------------------------------------ correct programs
    dict(id="QHC1_ranknet_loops", side="correct",
         args=pair("correct_01_ranknet_loops_numpy.py", "RankNet", "ranknet_torch.py", "RankNet", *RANKNET),
         mechanism="pair: NumPy RankNet with Python loops over queries and ordered pairs, sigmoid(-d) as "
                   "0.5 (1 - tanh(d / 2)), tensordot back-propagation; against a port with a broadcast pair "
                   "matrix and F.softplus",
         expected=()),
    dict(id="QHC2_tasks_logsigmoid", side="correct",
         args=port("correct_02_cumul_logsigmoid_port.py", "Net", *OPT, *TASKS),
         mechanism="port: layers in an nn.ModuleDict, the three cumulative tasks' BCE written with F.logsigmoid "
                   "on both sides, one SGD parameter group per layer, zero_grad(set_to_none=True); the kit's NumPy "
                   "network",
         expected=()),
    dict(id="QHC3_listnet_logaddexp", side="correct",
         args=pair("correct_03_listnet_lse_numpy.py", "ListNet", "listnet_torch.py", "ListNet", *LISTNET),
         mechanism="pair: NumPy ListNet with both softmaxes from np.logaddexp.reduce log-normalisers, the scorer "
                   "run on the flattened (q * 5, 4) batch; against F.softmax targets and F.log_softmax",
         expected=()),
]
