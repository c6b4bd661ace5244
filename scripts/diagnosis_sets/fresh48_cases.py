"""Forty-eighth fresh held-out set for the diagnosis: one planted bug per program in fresh48/
(eight PyTorch ports, seven of them checked against a NumPy program of the user's own, and eight
NumPy programs, seven of them checked against a correct port of the user's own) and three correct
programs in unusual styles. The theme is factorization machines and learning to rank written by
hand in NumPy and ported to PyTorch, every sampled negative stored in the data: a factorization
machine's pairwise part through the sum-square identity 0.5 * ((x V)^2 - (x^2)(V^2)) summed over
the factors, a wide-and-deep click model (a linear part plus an MLP), BPR's -log sigmoid(s_pos -
s_neg) over stored (user, positive, negative) triples, a pairwise hinge loss with a margin on an
MLP scorer, ListNet's softmax cross-entropy over each query's candidates, and click MLPs checked
against the kit's own networks. fresh48/make_data.py writes the data.
Same format as cases.py; run with

    python3 scripts/diagnosis_held_out.py --cases fresh48_cases

Each case:
    id          short name (prefixed PV)
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
to fail (exit 1) and its fix (the bug line the only difference, written beside it as '# fix:')
to pass (exit 0) under the same arguments; each correct program passes (exit 0).
"""

from case_args import OPT, in_folder

F = "scripts/diagnosis_sets/fresh48/"
port, numpy_net = in_folder(F)

CLICKS, TRIPLES, PAIRS, LISTS = F + "clicks.npz", F + "triples.npz", F + "pairs.npz", F + "lists.npz"


def pair(numpy_file: str, numpy_name: str, torch_file: str, torch_name: str, *extra: str) -> list[str]:
    """A NumPy program of the user's own against the user's own port, both as written."""
    return [f"{F}{numpy_file}:{numpy_name}", "--torch", f"{F}{torch_file}:{torch_name}", "--as-written",
            "--init", f"net = {numpy_name}()", *extra]


def params(*pairs: str) -> list[str]:
    return [a for p in pairs for a in ("--param", p)]


FM = ("--data", CLICKS, *params("w0=w0", "w=w", "V=V"))
BPR = ("--data", TRIPLES, *params("U=users.weight", "I=items.weight", "b=item_bias"))
HINGE = ("--data", PAIRS, *params("W1=hidden.weight.T", "b1=hidden.bias", "w2=score.weight.T"))
LISTNET = ("--data", LISTS, *params("W1=hidden.weight.T", "b1=hidden.bias", "w2=score.weight.T"))
WIDEDEEP = ("--data", CLICKS, *params("w=wide.weight.T", "c=wide.bias", "W1=hidden.weight.T",
                                      "b1=hidden.bias", "W2=deep_out.weight.T"))
CLICK_MLP = ("--data", "random:48,6", "--hidden-activation", "tanh", "--output-activation", "sigmoid",
             "--loss", "bce", "--lr", "0.5")

CASES = [
    # ------------------------------------------------------------------ ports
    dict(id="PV01_fm_second_term", side="port",
         args=pair("fm_numpy.py", "FactorizationMachine", "01_fm_click_port.py", "FactorizationMachine", *FM),
         mechanism="pair: the port's factorization-machine identity subtracts x @ V^2 instead of x^2 @ V^2 (the "
                   "inputs not squared in the second term): for real-valued features the 'diagonal' correction "
                   "sum_a x_a v_af^2 replaces sum_a x_a^2 v_af^2, so the pairwise part keeps spurious self-"
                   "interaction terms (x_a^2 - x_a) v_af^2 and V's gradient is wrong (w0 and w get the wrong "
                   "residuals through it)",
         expected=("x ** 2", "x**2", "x^2", "x²", "x.pow(2)", "squared input", "square the input",
                   "not squared", "unsquared", "second term", "sum-square", "sum of squares", "diagonal",
                   "self-interaction", "self interaction", "factorization machine", "pairwise", "interaction")),
    dict(id="PV02_fm_feature_axis", side="port",
         args=pair("fm_numpy.py", "FactorizationMachine", "02_fm_elementwise_port.py", "FactorizationMachine", *FM),
         mechanism="pair: the port's per-feature-per-factor tensor e = x[:, :, None] * V is reduced over dim=2 "
                   "(the factors) inside the square and over dim=1 (the features) outside, the two axes swapped: it "
                   "computes sum_a x_a^2 ((sum_f v_af)^2 - sum_f v_af^2), interactions between factors of the same "
                   "feature, instead of sum_f ((sum_a x_a v_af)^2 - sum_a x_a^2 v_af^2), interactions between "
                   "features",
         expected=("dim=1", "dim=2", "axis", "swapped", "wrong dimension", "wrong axis", "over the factors",
                   "over the features", "summed over", "factors", "features", "same feature", "cross-feature",
                   "between features", "interaction", "pairwise", "factorization machine")),
    dict(id="PV03_bpr_difference", side="port",
         args=pair("bpr_numpy.py", "BPR", "03_bpr_port.py", "BPR", *BPR),
         mechanism="pair: the port's BPR loss is -logsigmoid(s_neg - s_pos), the difference taken the other way "
                   "round: it maximises the probability that the sampled negative outranks the positive, so every "
                   "gradient has the opposite direction's weight sigmoid(x) in place of sigmoid(-x) and the "
                   "embeddings are trained to rank negatives first",
         expected=("s_neg - s_pos", "s_pos - s_neg", "other way round", "reversed", "swapped", "sign", "negated",
                   "opposite", "wrong direction", "bpr", "logsigmoid", "log sigmoid", "negative outranks",
                   "positive and negative", "difference")),
    dict(id="PV04_hinge_margin", side="port",
         args=pair("hinge_numpy.py", "PairwiseRanker", "04_hinge_port.py", "PairwiseRanker", *HINGE),
         mechanism="pair: the port's hinge adds the margin outside the max, clamp(s_neg - s_pos, min=0) + MARGIN, "
                   "instead of clamp(MARGIN - (s_pos - s_neg), min=0): the loss is shifted by the margin and the "
                   "pairs ranked right by less than the margin (0 < s_pos - s_neg < 1) get no gradient, so only "
                   "mis-ordered pairs train",
         expected=("margin", "outside the max", "outside the clamp", "inside the max", "inside the clamp",
                   "clamp", "max(0", "hinge", "+ margin", "margin - ", "within the margin", "inside the margin",
                   "active", "zero gradient", "no gradient", "constant", "shifted")),
    dict(id="PV05_listnet_target", side="port",
         args=pair("listnet_numpy.py", "ListNet", "05_listnet_port.py", "ListNet", *LISTNET),
         mechanism="pair: the port passes the graded relevance y (0..3) straight to F.cross_entropy as the "
                   "probability target instead of softmax(y) over the query's candidates: the targets are not "
                   "normalised, so the loss is -sum y log p and the score gradient p * sum(y) - y instead of "
                   "p - softmax(y)",
         expected=("softmax(y", "softmax of the relevance", "target distribution", "not normalised",
                   "not normalized", "unnormalised", "unnormalized", "sum to 1", "sums to", "probabilities",
                   "probability target", "soft target", "graded relevance", "relevance", "cross_entropy",
                   "listnet", "sum(y)")),
    dict(id="PV06_bpr_columns", side="port",
         args=pair("bpr_numpy.py", "BPR", "06_bpr_columns_port.py", "BPR", *BPR),
         mechanism="pair: the port unpacks the stored triples as pos, users, neg = columns 0, 1, 2, the user and "
                   "positive-item columns swapped: each row's user embedding is looked up by the positive item's id "
                   "and the positive item's embedding and bias by the user's id (both run 0..9), so the wrong rows "
                   "are scored and updated",
         expected=("column", "columns", "swapped", "swap", "user id", "item id", "user and item", "users, pos",
                   "unpack", "order", "lookup", "looked up", "wrong rows", "index", "triples", "embedding")),
    dict(id="PV07_widedeep_bias", side="port",
         args=pair("widedeep_numpy.py", "WideDeep", "07_widedeep_port.py", "WideDeep", *WIDEDEEP),
         mechanism="pair: the port writes the wide part as self.wide(x) + self.wide.bias, adding nn.Linear's bias a "
                   "second time (it already adds it): the logit is offset by an extra c and c's gradient is doubled",
         expected=("bias twice", "twice", "double", "doubled", "2 *", "2x", "factor 2", "factor of 2", "already",
                   "nn.linear", "wide.bias", "bias", "linear part", "wide part", "offset", "extra")),
    dict(id="PV08_ctr_logloss", side="port",
         args=port("08_ctr_logloss_port.py", "Net", *CLICK_MLP),
         mechanism="the port's hand-written log-loss writes the click term -log sigmoid(z) as log1p(exp(z)) "
                   "instead of log1p(exp(-z)), the sign inside the exp lost: both terms are softplus(z), so the "
                   "loss is mean softplus(z) whatever the label and every logit is pushed down (gradient "
                   "sigmoid(z) / n instead of (sigmoid(z) - y) / n)",
         expected=("log1p(exp(z", "log1p(exp(-z", "exp(-z)", "-z", "softplus", "sign", "log sigmoid",
                   "-log sigmoid", "whatever the label", "ignores the label", "independent of y", "label ignored",
                   "sigmoid(z) - y", "positive term", "click term", "pushed down", "wrong sign")),
]

CASES += [
    # ------------------------------------------------------------------ NumPy programs
    dict(id="PV09_fm_half_placement", side="numpy",
         args=pair("09_fm_half_numpy.py", "FactorizationMachine", "fm_torch.py", "FactorizationMachine", *FM),
         mechanism="pair: the NumPy factorization machine writes the identity as (0.5 * (xV)^2 - x^2 V^2).sum(), "
                   "the 0.5 on the first term only (parentheses lost): the pairwise part is half the square of "
                   "the sums minus the whole diagonal term, wrong by 0.5 sum x^2 V^2 in the forward pass, while the "
                   "hand-written gradient still follows the right formula",
         expected=("0.5", "half", "1/2", "parenthes", "bracket", "first term", "second term", "both terms",
                   "whole difference", "sum-square", "identity", "x^2", "diagonal", "pairwise", "interaction",
                   "factorization machine", "forward")),
    dict(id="PV10_fm_grad_half", side="numpy",
         args=pair("10_fm_grad_numpy.py", "FactorizationMachine", "fm_torch.py", "FactorizationMachine", *FM),
         mechanism="pair: the NumPy program keeps the identity's 0.5 in V's gradient, 0.5 * (X^T (d * XV) - V * "
                   "(X^2)^T d), though differentiating the square brings a 2 that cancels it: V's gradient is half "
                   "the true one (w0 and w are right)",
         expected=("0.5", "half", "halved", "factor 2", "factor of 2", "2x", "twice", "chain rule",
                   "derivative of the square", "square", "cancel", "v gradient", "gradient of v", "g_v",
                   "factor", "interaction")),
    dict(id="PV11_bpr_sigmoid_grad", side="numpy",
         args=pair("11_bpr_grad_numpy.py", "BPR", "bpr_torch.py", "BPR", *BPR),
         mechanism="pair: the NumPy BPR gradient takes d(-log sigmoid(x))/dx as -sigmoid(x) instead of "
                   "-(1 - sigmoid(x)) = -sigmoid(-x): well-ranked triples (large x) get the largest push and "
                   "badly ranked ones almost none, every embedding and bias gradient scaled per row by "
                   "sigmoid(x) / sigmoid(-x) = e^x",
         expected=("1 - sigmoid", "1 - σ", "sigmoid(-x)", "sigmoid(x)", "derivative of log sigmoid",
                   "log sigmoid", "logsigmoid", "derivative", "complement", "e^x", "exp(x)", "well-ranked",
                   "bpr", "per row", "coefficient")),
    dict(id="PV12_hinge_active_mean", side="numpy",
         args=pair("12_hinge_numpy.py", "PairwiseRanker", "hinge_torch.py", "PairwiseRanker", *HINGE),
         mechanism="pair: the NumPy hinge gradient divides by the number of active pairs (those inside the margin, "
                   "active.sum()) instead of by all n pairs, while the loss is the mean over all n: every "
                   "gradient is n / (active pairs) times too large, a factor that grows as pairs leave the margin",
         expected=("active", "active pairs", "violating", "non-zero", "nonzero", "number of pairs", "instead of n",
                   "mean over", "averaged over", "divide", "divided", "denominator", "normalis", "normaliz",
                   "hinge", "margin", "factor", "batch size")),
    dict(id="PV13_listnet_batch_softmax", side="numpy",
         args=pair("13_listnet_numpy.py", "ListNet", "listnet_torch.py", "ListNet", *LISTNET),
         mechanism="pair: the NumPy softmax helper divides by e.sum() over the whole (queries x candidates) array "
                   "instead of each query's row (axis=-1, keepdims=True): both the target softmax(relevance) and the "
                   "score probabilities are normalised across the whole batch, so each query's distribution sums "
                   "to its share of the batch instead of 1",
         expected=("whole batch", "entire batch", "across the batch", "all queries", "every query", "per query",
                   "each query", "axis=-1", "axis=1", "keepdims", "e.sum()", "normalis", "normaliz", "sum to 1",
                   "softmax", "group", "listwise", "global sum")),
    dict(id="PV14_widedeep_split", side="numpy",
         args=pair("14_widedeep_numpy.py", "WideDeep", "widedeep_torch.py", "WideDeep", *WIDEDEEP),
         mechanism="pair: the NumPy wide-and-deep sends 0.5 * d_logit to each part, sharing out the gradient of "
                   "the sum logit = wide + deep between the two branches instead of copying it to both: every "
                   "parameter's gradient is half the true one",
         expected=("0.5", "half", "halved", "split", "shared", "divided between", "both branches", "each branch",
                   "copied", "sum node", "gradient of a sum", "wide", "deep", "factor 2", "factor of 2", "twice")),
    dict(id="PV15_bpr_einsum", side="numpy",
         args=pair("15_bpr_einsum_numpy.py", "BPR", "bpr_torch.py", "BPR", *BPR),
         mechanism="pair: the NumPy BPR score's einsum is 'ik,jk->i' instead of 'ik,ik->i', the second operand's "
                   "row index renamed so it is summed over: each user's vector is dotted with the sum over the "
                   "whole batch of (I_pos - I_neg) instead of with its own triple's items, while the gradient code "
                   "assumes the row-wise dot product",
         expected=("einsum", "ik,jk", "ik,ik", "subscript", "index", "row-wise", "rowwise", "summed over the batch",
                   "whole batch", "sum over j", "every item", "all items", "batch sum", "dot product", "outer")),
    dict(id="PV16_slot_softmax_shift", side="numpy",
         args=numpy_net("16_slot_click_net.py", "SlotClickNet", "--init", "SlotClickNet()",
                        "--step", "net.train_step(X, y)", "--data", "random:48,5,4",
                        "--hidden-activation", "tanh", "--output-activation", "softmax", "--loss", "ce",
                        "--lr", "0.5"),
         mechanism="the softmax's stability shift subtracts z.max(axis=0), each slot's (column's) largest score over "
                   "the batch, instead of each row's max (axis=1): a different constant per class, so the "
                   "probabilities are softmax(z - c) with c varying across the classes, not the softmax of z",
         expected=("axis=0", "axis 0", "axis=1", "column", "per column", "per class", "each class", "each slot",
                   "over the batch", "across the batch", "row max", "max per row", "stability", "shift",
                   "subtract", "max")),
]

CASES += [
    # ------------------------------------------------------------------ correct programs
    dict(id="PVC1_fm_gram_matrix", side="correct",
         args=pair("correct_01_fm_pairs_numpy.py", "FactorizationMachine", "fm_torch.py", "FactorizationMachine",
                   *FM),
         mechanism="pair: NumPy factorization machine without the sum-square identity: the Gram matrix V V^T "
                   "masked to its strict upper triangle, x^T (G * M) x by np.einsum, gradient through G "
                   "((dG + dG^T) V), sigmoid as exp(-logaddexp(0, -s)); against the identity-based port",
         expected=()),
    dict(id="PVC2_ctr_softplus_port", side="correct",
         args=port("correct_02_ctr_port.py", "Net", *OPT, *CLICK_MLP),
         mechanism="port: layers in an nn.ModuleDict, the log-loss as one softplus((1 - 2y) z), SGD over one "
                   "parameter group per tensor, zero_grad(set_to_none=True); the kit's NumPy network",
         expected=()),
    dict(id="PVC3_bpr_onehot", side="correct",
         args=pair("correct_03_bpr_onehot_numpy.py", "BPR", "bpr_torch.py", "BPR", *BPR),
         mechanism="pair: NumPy BPR with every lookup a one-hot matrix product and every scatter its transpose "
                   "(no np.add.at), -log sigmoid as logaddexp; against nn.Embedding and F.logsigmoid",
         expected=()),
]
