"""Sixty-second fresh held-out set for the diagnosis: one planted bug per program in fresh62/
(eight PyTorch ports, seven of them checked against a NumPy program of their own, and eight NumPy
programs, seven of them checked against a correct port of their own) and three correct programs.
The theme is recommendation and two-tower models written by hand: user and item embedding tables
looked up by id, dot-product and cosine scores, in-batch softmax over the score matrix with a
temperature, the log-Q (popularity) correction and per-item biases, sampled softmax with
accidental-hit masking, implicit-feedback weighted squared error over all user-item pairs
(Hu, Koren and Volinsky), biased matrix factorisation for explicit ratings, and a next-item
softmax over the catalogue. fresh62/make_data.py writes the data.
Same format as cases.py; run with

    python3 scripts/diagnosis_held_out.py --cases fresh62_cases

Each case:
    id          short name (prefixed QJ)
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
of the development set (cases.py) and the earlier fresh sets. Each buggy program was checked to
fail (exit 1) and its fix (the bug line the only difference, given in its `# fix:` comment) to
pass (exit 0) under the same arguments; each correct program passes (exit 0).
"""

from case_args import OPT, in_folder

F = "scripts/diagnosis_sets/fresh62/"
port, numpy_net = in_folder(F)

INBATCH, SAMPLED, IMPLICIT, RATINGS = F + "inbatch.npz", F + "sampled.npz", F + "implicit.npz", F + "ratings.npz"


def pair(numpy_file: str, numpy_name: str, torch_file: str, torch_name: str, *extra: str) -> list[str]:
    """A NumPy program of the user's own against the user's own port, both as written."""
    return [f"{F}{numpy_file}:{numpy_name}", "--torch", f"{F}{torch_file}:{torch_name}", "--as-written",
            "--init", f"net = {numpy_name}()", *extra]


def params(*pairs: str) -> list[str]:
    return [a for p in pairs for a in ("--param", p)]


INBATCH_PARAMS = params("params['U']=user.weight", "params['V']=item.weight", "params['b_item']=item_bias")
COSINE_PARAMS = params("params['U']=user.weight", "params['V']=item.weight")
SAMPLED_PARAMS = INBATCH_PARAMS
IMPLICIT_PARAMS = params("params['U']=user.weight", "params['V']=item.weight", "params['b_user']=user_bias",
                         "params['b_item']=item_bias")
RATINGS_PARAMS = params("params['P']=user.weight", "params['Q']=item.weight", "params['b_user']=user_bias.weight",
                        "params['b_item']=item_bias.weight")
NEXT_ITEM = ("--data", "random:40,6,5", "--batch-size", "20", "--hidden-activation", "tanh",
             "--output-activation", "softmax", "--loss", "ce", "--lr", "0.5")

CASES = [
    # ------------------------------------------------------------------ ports
    dict(id="QJ01_inbatch_transposed", side="port",
         args=pair("inbatch_numpy.py", "InBatchTwoTower", "01_inbatch_ce_port.py", "InBatchTwoTower",
                   "--data", INBATCH, *INBATCH_PARAMS),
         mechanism="pair: the port's in-batch softmax loss is F.cross_entropy(scores.T, labels), the (users x items) "
                   "score matrix transposed: the softmax runs down each column, over the batch's users for each item, "
                   "so each positive competes with the other users instead of the other items (the negatives come "
                   "from the wrong axis), and the log-Q correction and item bias, constant along a column, no longer "
                   "shift the items against each other",
         expected=("transpose", "transposed", "scores.t", ".t", "wrong axis", "axis", "dim=0", "columns",
                   "over users", "over the users", "instead of items", "negatives", "in-batch", "in batch",
                   "softmax over", "cross_entropy", "score matrix", "item-to-user")),
    dict(id="QJ02_inbatch_logq_sign", side="port",
         args=pair("inbatch_numpy.py", "InBatchTwoTower", "02_inbatch_logq_port.py", "InBatchTwoTower",
                   "--data", INBATCH, *INBATCH_PARAMS),
         mechanism="pair: the port adds the log-Q popularity correction, scores + log q_j, instead of subtracting it "
                   "(sampling-bias correction s - log q): each in-batch logit is shifted by +log q_j instead of "
                   "-log q_j, 2 log q_j away from the NumPy program's, so popular items are favoured more instead of "
                   "being discounted and the softmax and every gradient differ",
         expected=("log-q", "logq", "log q", "log(q", "popularity", "sampling bias", "sampling probability",
                   "correction", "added instead of subtracted", "sign", "+ log", "- log", "subtract",
                   "frequency", "popular items", "2 log q")),
    dict(id="QJ03_inbatch_bias_axis", side="port",
         args=pair("inbatch_numpy.py", "InBatchTwoTower", "03_inbatch_bias_port.py", "InBatchTwoTower",
                   "--data", INBATCH, *INBATCH_PARAMS),
         mechanism="pair: the port's item bias is broadcast along the users, item_bias[items].unsqueeze(1), a "
                   "column added to each row, instead of unsqueeze(0), a row added to each column: row i gets the "
                   "bias of its own positive item on every entry, a constant per row that the row softmax cancels, "
                   "so the items' biases no longer rank the candidates and item_bias gets zero gradient",
         expected=("unsqueeze(1)", "unsqueeze(0)", "broadcast", "item bias", "bias", "per row", "row constant",
                   "constant per row", "cancels", "shift invariant", "softmax invariant", "zero gradient",
                   "no gradient", "wrong axis", "along users", "column")),
    dict(id="QJ04_cosine_one_tower", side="port",
         args=pair("cosine_numpy.py", "CosineTwoTower", "04_cosine_port.py", "CosineTwoTower",
                   "--data", INBATCH, *COSINE_PARAMS),
         mechanism="pair: the port L2-normalises the user tower only, F.normalize on the user embeddings while the "
                   "item embeddings enter the score unnormalised: the scores are |v_j| cos(u_i, v_j) / tau instead "
                   "of the cosine / tau, items with long vectors get larger logits and the item gradient misses the "
                   "normalisation's projection and 1 / |v|",
         expected=("normalize", "normalise", "normalization", "normalisation", "f.normalize", "l2", "unit norm",
                   "unit length", "item tower", "item embedding", "one tower", "cosine", "norm of", "|v|",
                   "not normalized", "unnormalized", "unnormalised", "magnitude")),
    dict(id="QJ05_implicit_weighted_mse", side="port",
         args=pair("implicit_numpy.py", "ImplicitMF", "05_implicit_port.py", "ImplicitMF",
                   "--data", IMPLICIT, *IMPLICIT_PARAMS),
         mechanism="pair: the port writes the confidence-weighted squared error as F.mse_loss(conf * scores, "
                   "conf * pref, reduction='sum'): the weight inside the square, (c (s - p))^2 = c^2 (s - p)^2, so "
                   "every pair is weighted by the squared confidence (1 + ALPHA r)^2 instead of c, up to 7 times "
                   "more for the pairs with 3 interactions; the loss and every gradient differ (equal on r = 0 pairs)",
         expected=("confidence", "weight", "weighted", "squared", "c^2", "c**2", "c²", "squared weight",
                   "inside the square", "mse_loss", "conf *", "alpha", "implicit", "weighted mse",
                   "weighted squared error", "1 + alpha")),
    dict(id="QJ06_ratings_bias_squeeze", side="port",
         args=pair("ratings_numpy.py", "BiasedMF", "06_ratings_port.py", "BiasedMF",
                   "--data", RATINGS, "--batch-size", "10", *RATINGS_PARAMS),
         mechanism="pair: the port's item bias from nn.Embedding(n_items, 1) is used without .squeeze(-1): an "
                   "(n, 1) column added to the (n,) prediction broadcasts to an (n, n) matrix, pred[i, j] = MU + "
                   "b_u[j] + b_i[i] + dot[j], and F.mse_loss broadcasts the (n,) ratings against it, so the loss "
                   "averages n^2 mismatched pairs and every gradient differs",
         expected=("squeeze", "broadcast", "(n, 1)", "(n, n)", "n x n", "shape", "item bias", "embedding(n, 1)",
                   "mse_loss", "target size", "outer", "every pair", "n^2", "dimension", "extra dimension")),
    dict(id="QJ07_sampled_concat_order", side="port",
         args=pair("sampled_numpy.py", "SampledSoftmaxRec", "07_sampled_port.py", "SampledSoftmaxRec",
                   "--data", SAMPLED, *SAMPLED_PARAMS),
         mechanism="pair: the port concatenates the sampled-softmax logits as torch.cat([neg_logit, pos_logit]) "
                   "while the label stays 0: column 0 is the first sampled negative, so the cross-entropy trains the "
                   "first negative as the positive and the clicked item as a negative (a masked accidental hit as "
                   "the target gives a loss of about 1e9)",
         expected=("torch.cat", "concatenat", "order", "label", "label 0", "target", "column 0", "first column",
                   "positive", "negative", "swapped", "sampled softmax", "wrong class", "index", "accidental hit")),
    dict(id="QJ08_nextitem_full_softmax_logq", side="port",
         args=port("08_nextitem_port.py", "Net", *OPT, *NEXT_ITEM),
         mechanism="the port subtracts the items' log frequency, logits - log(ITEM_FREQ), the log-Q correction of "
                   "sampled or in-batch softmax, from a full softmax over the whole catalogue where nothing is "
                   "sampled: every item's logit is shifted by -log q_j (+1.05 for the most popular, +2.53 for the "
                   "rarest), so the softmax favours rare items and every gradient differs from the kit's network",
         expected=("log-q", "logq", "log q", "log(item_freq", "log frequency", "popularity", "correction",
                   "full softmax", "not sampled", "no sampling", "sampling bias", "prior", "logit adjustment",
                   "shift", "rare items", "offset")),
]


CASES += [
    # ------------------------------------------------------------------ NumPy programs
    dict(id="QJ09_inbatch_logq_temperature", side="numpy",
         args=pair("09_inbatch_logq_numpy.py", "InBatchTwoTower", "inbatch_torch.py", "InBatchTwoTower",
                   "--data", INBATCH, *INBATCH_PARAMS),
         mechanism="pair: the log-Q correction is put inside the temperature, (u v^T - log q) / TAU instead of "
                   "u v^T / TAU - log q: with TAU = 0.5 the popularity correction is doubled, -2 log q_j on every "
                   "column, so the in-batch softmax discounts popular items twice as much (the hand-written gradient "
                   "is unaffected in form, but the probabilities differ)",
         expected=("log-q", "logq", "log q", "temperature", "tau", "divided by", "inside", "parenthes",
                   "correction", "doubled", "twice", "1 / tau", "scaled", "popularity", "order of operations")),
    dict(id="QJ10_inbatch_max_axis", side="numpy",
         args=pair("10_inbatch_max_numpy.py", "InBatchTwoTower", "inbatch_torch.py", "InBatchTwoTower",
                   "--data", INBATCH, *INBATCH_PARAMS),
         mechanism="pair: the stabilising shift of the row softmax subtracts each column's maximum, "
                   "S.max(axis=0, keepdims=True), instead of each row's (axis=1): a different constant per column "
                   "is not softmax-invariant along a row, so every row's probabilities are those of S - colmax, "
                   "the loss and all gradients wrong",
         expected=("max", "axis=0", "axis=1", "axis 0", "column", "columns", "row maximum", "stabil",
                   "shift", "shift invariance", "not invariant", "log-sum-exp", "logsumexp", "wrong axis",
                   "softmax")),
    dict(id="QJ11_inbatch_target_ids", side="numpy",
         args=pair("11_inbatch_target_numpy.py", "InBatchTwoTower", "inbatch_torch.py", "InBatchTwoTower",
                   "--data", INBATCH, *INBATCH_PARAMS),
         mechanism="pair: the in-batch softmax's target column is the item's catalogue id, target = items, instead "
                   "of its position in the batch, np.arange(n) (the diagonal): row i's 'positive' is the batch "
                   "column whose index equals its item id (0..9), another row's item, so the wrong logit is pushed "
                   "up and the true positive treated as a negative",
         expected=("target", "label", "labels", "diagonal", "arange", "np.arange", "item id", "catalogue id",
                   "position in the batch", "batch index", "index", "wrong column", "positive", "in-batch",
                   "full softmax")),
    dict(id="QJ12_sampled_hits_zero", side="numpy",
         args=pair("12_sampled_hits_numpy.py", "SampledSoftmaxRec", "sampled_torch.py", "SampledSoftmaxRec",
                   "--data", SAMPLED, *SAMPLED_PARAMS),
         mechanism="pair: the accidental hits (sampled negatives equal to the positive item) are 'masked' by "
                   "setting their logit to 0.0 instead of a large negative value (-1e9): exp(0) = 1 stays in the "
                   "softmax denominator, so those rows keep the hit as a competing candidate and its item and bias "
                   "get gradient through a logit that no longer depends on them",
         expected=("accidental hit", "accidental hits", "mask", "masked", "masking", "-inf", "-1e9", "0.0",
                   "zero", "large negative", "denominator", "exp(0)", "negative equals", "collision", "sampled",
                   "np.where")),
    dict(id="QJ13_implicit_preference", side="numpy",
         args=pair("13_implicit_pref_numpy.py", "ImplicitMF", "implicit_torch.py", "ImplicitMF",
                   "--data", IMPLICIT, *IMPLICIT_PARAMS),
         mechanism="pair: the preference target is the raw interaction count, pref = R, instead of the binarised "
                   "p_ui = (R > 0): the pairs with 2 or 3 interactions are regressed onto 2 or 3 instead of 1, so the "
                   "residual s - p and every gradient differ on those pairs (the confidence c = 1 + ALPHA r is "
                   "right)",
         expected=("preference", "binar", "r > 0", "(r > 0)", "count", "counts", "raw", "target", "indicator",
                   "0/1", "implicit", "confidence", "hu", "koren", "p_ui")),
    dict(id="QJ14_implicit_observed_only", side="numpy",
         args=pair("14_implicit_grad_numpy.py", "ImplicitMF", "implicit_torch.py", "ImplicitMF",
                   "--data", IMPLICIT, *IMPLICIT_PARAMS),
         mechanism="pair: the score gradient is masked to the observed pairs, 2 c E (R > 0) / n, a habit from "
                   "explicit-rating MF, while the loss sums over all pairs: the unobserved (r = 0) pairs, the "
                   "implicit negatives, give no gradient, so nothing pushes their scores towards 0 (the loss is "
                   "right, the gradients are not)",
         expected=("observed", "unobserved", "mask", "masked", "r > 0", "(r > 0)", "all pairs", "zero entries",
                   "negatives", "implicit", "missing", "gradient", "explicit", "loss right", "sparse")),
    dict(id="QJ15_ratings_batch_mean", side="numpy",
         args=pair("15_ratings_mean_numpy.py", "BiasedMF", "ratings_torch.py", "BiasedMF",
                   "--data", RATINGS, "--batch-size", "10", *RATINGS_PARAMS),
         mechanism="pair: the global mean rating is recomputed from each mini-batch, mu = y.mean(), instead of the "
                   "training set's constant MU = 3.4: every prediction is shifted by the batch mean's difference "
                   "from MU (a different offset each batch), and since mu is the targets' mean the residuals are "
                   "centred per batch, so the biases and factors get different gradients",
         expected=("mean", "global mean", "mu", "y.mean", "batch mean", "mini-batch", "per batch", "each batch",
                   "constant", "offset", "shift", "baseline", "average rating", "centred", "centered")),
    dict(id="QJ16_clicks_confidence", side="numpy",
         args=numpy_net("16_clicks_net.py", "ClickNet", "--init", "ClickNet()", "--step", "net.train_step(X, y)",
                        "--data", "random:40,5", "--hidden-activation", "tanh", "--loss", "bce", "--lr", "0.5"),
         mechanism="the output delta is weighted by an implicit-feedback confidence, (1 + ALPHA y)(p - y) / n with "
                   "ALPHA = 4, while the loss stays the plain mean BCE: the clicked rows' gradient is 5 times too "
                   "large, the others' right, so the gradient no longer matches the loss",
         expected=("confidence", "weight", "weighted", "alpha", "1 + alpha", "clicked", "positive rows",
                   "positives", "5 times", "factor 5", "y = 1", "sample weight", "pos_weight", "implicit",
                   "delta")),
]


CASES += [
    # ------------------------------------------------------------------ correct programs
    dict(id="QJC1_sampled_softmax", side="correct",
         args=pair("sampled_numpy.py", "SampledSoftmaxRec", "sampled_torch.py", "SampledSoftmaxRec",
                   "--data", SAMPLED, *SAMPLED_PARAMS),
         mechanism="pair: sampled softmax with item biases; NumPy: candidates as an (n, 5, d) gather scored with "
                   "np.einsum, accidental hits masked by np.where at -1e9 into a view, np.add.at over a 2-d id array; "
                   "port: positive and negatives scored apart, masked_fill, torch.cat", expected=()),
    dict(id="QJC2_cosine_two_tower", side="correct",
         args=pair("cosine_numpy.py", "CosineTwoTower", "cosine_torch.py", "CosineTwoTower",
                   "--data", INBATCH, *COSINE_PARAMS),
         mechanism="pair: cosine two-tower with an in-batch softmax at temperature 0.2 and repeated ids in the batch; "
                   "NumPy: the L2 normalisation's backward written as a projection, the diagonal read with np.diag; "
                   "port: F.normalize and F.cross_entropy against torch.arange", expected=()),
    dict(id="QJC3_item_table_port", side="correct",
         args=port("correct_item_table_port.py", "Net", *OPT, *NEXT_ITEM,
                   "--torch-param", "user_tower.weight=W1.T", "--torch-param", "user_tower.bias=b1",
                   "--torch-param", "item_table.weight=W2.T", "--torch-param", "item_bias=b2"),
         mechanism="port: the output layer as an item table (nn.Embedding rows) scored with torch.einsum plus a raw "
                   "item-bias Parameter, the cross-entropy as logsumexp minus the gathered score, "
                   "zero_grad(set_to_none=True); the kit's NumPy network", expected=()),
]
