"""One hundred and ninety-fourth fresh held-out set for the diagnosis: one planted bug per program
in fresh194/, 8 PyTorch ports (checked against the correct NumPy program) and 8 NumPy programs
(checked against the correct port), and 3 correct variants. The theme is recommender models
trained on implicit feedback with index data: user and item embedding tables gathered by index
(np.add.at for the tables' gradients), trained with the BPR pairwise loss
-log sigmoid(s_pos - s_neg) over (user, positive item, negative item) triples given as data,
with L2 regularisation on the gathered rows only, and SGD or Adagrad written by hand.

The base programs (data from fresh194/make_data.py, fixed seed, nothing random while training;
X int64 (N, 3) rows (user, positive item, negative item), y all ones and unused):

    mf_numpy.py:BPRMF / mf_torch.py:BPRMF, mf.npz X (48, 3), 12 users, 20 items
        matrix factorisation: score(u, i) = P[u] . Q[i] + b_item[i] (P (12, 8), Q (20, 8),
        b_item (20,), the port's nn.Embedding(20, 1) as a column); loss = mean softplus(-x_uij)
        + reg/2 (|P[u]|^2 + |Q[i]|^2 + |Q[j]|^2) summed over the batch / N, reg 0.05, the bias
        not regularised; plain SGD lr 1.0 (torch.optim.SGD).
    ncf_numpy.py:NeuMF / ncf_torch.py:NeuMF, ncf.npz X (40, 3), 14 users, 24 items
        NeuMF: GMF branch Pg[u] * Qg[i] (k 8) and an MLP tower on the concatenation
        [Pm[u], Qm[i]] (16 -> 16 ReLU -> 8 ReLU), score = [gmf, h2] @ Wo (16, 1), no bias;
        the same BPR loss with L2 on the six gathered rows (Pg[u], Pm[u], Qg/Qm[i], Qg/Qm[j]);
        Adagrad by hand as torch.optim.Adagrad(lr 0.1, initial_accumulator_value 0.1,
        eps 1e-10), its accumulators net.G paired with state 'sum'.

Same format as cases.py; run with

    python3 scripts/diagnosis_held_out.py --cases fresh194_cases

Each case:
    id          short name (prefixed VL)
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

F = "scripts/diagnosis_sets/fresh194/"
RUN = ["--steps", "20", "--dtype", "float32", "--device", "cpu"]


def mf(numpy="mf_numpy.py", port="mf_torch.py"):
    return [F + numpy + ":BPRMF", "--torch", F + port + ":BPRMF",
            "--data", F + "mf.npz", "--as-written",
            "--param", "P=user_emb.weight",
            "--param", "Q=item_emb.weight",
            "--param", "b_item=item_bias.weight.reshape(20)", *RUN]


def ncf(numpy="ncf_numpy.py", port="ncf_torch.py"):
    return [F + numpy + ":NeuMF", "--torch", F + port + ":NeuMF",
            "--data", F + "ncf.npz", "--as-written",
            "--param", "params['Pg']=user_gmf.weight",
            "--param", "params['Qg']=item_gmf.weight",
            "--param", "params['Pm']=user_mlp.weight",
            "--param", "params['Qm']=item_mlp.weight",
            "--param", "params['W1']=fc1.weight.T",
            "--param", "params['b1']=fc1.bias",
            "--param", "params['W2']=fc2.weight.T",
            "--param", "params['b2']=fc2.bias",
            "--param", "params['Wo']=predict.weight.T",
            "--state", "sum=net.G", *RUN]


def ncf_alt_port():
    return [F + "ncf_numpy.py:NeuMF", "--torch", F + "ncf_alt_torch.py:NeuMF",
            "--data", F + "ncf.npz", "--as-written",
            "--param", "params['Pg']=user_gmf",
            "--param", "params['Qg']=item_gmf",
            "--param", "params['Pm']=user_mlp",
            "--param", "params['Qm']=item_mlp",
            "--param", "params['W1']=mlp.0.weight.T",
            "--param", "params['b1']=mlp.0.bias",
            "--param", "params['W2']=mlp.2.weight.T",
            "--param", "params['b2']=mlp.2.bias",
            "--param", "params['Wo']=out_w.reshape(16,1)",
            "--state", "sum=net.G", *RUN]


def ncf_stacked():
    return [F + "ncf_stack_numpy.py:NeuMF", "--torch", F + "ncf_torch.py:NeuMF",
            "--data", F + "ncf.npz", "--as-written",
            "--param", "params['Pg']=user_gmf.weight",
            "--param", "params['Qg']=item_gmf.weight",
            "--param", "params['Pm']=user_mlp.weight",
            "--param", "params['Qm']=item_mlp.weight",
            "--param", "params['W1']=fc1.weight",
            "--param", "params['b1']=fc1.bias",
            "--param", "params['W2']=fc2.weight",
            "--param", "params['b2']=fc2.bias",
            "--param", "params['Wo']=predict.weight",
            "--state", "sum=net.G", *RUN]


CASES = [
    # ---------------------------------------------------------------- PyTorch ports with one bug
    {"id": "VL01", "side": "port", "args": mf(port="01_l2mean_port.py"),
     "mechanism": "L2 on the gathered rows taken with .pow(2).mean() (over rows and the k=8 "
                  "factors) instead of .sum() / N: the penalty and its gradient 8 times too small",
     "expected": ("l2", "regularis", "regulariz", "mean", "penalty", "reduction")},
    {"id": "VL02", "side": "port", "args": mf(port="02_weightdecay_port.py"),
     "mechanism": "the L2 on the gathered rows replaced by SGD weight_decay=0.05 on both "
                  "embedding tables: every row decays every step, not only the rows the batch "
                  "gathers, and not scaled by their count / N",
     "expected": ("weight decay", "weight_decay", "decay", "l2", "regularis", "regulariz")},
    {"id": "VL03", "side": "port", "args": mf(port="03_negbias_port.py"),
     "mechanism": "negative-item score computed without its item bias (P[u] . Q[j] only): the "
                  "bias term of s_neg missing, b_item of negative items never gets a gradient",
     "expected": ("bias", "negative", "missing", "b_item")},
    {"id": "VL04", "side": "port", "args": mf(port="04_l2norm_port.py"),
     "mechanism": "L2 penalty written with .norm() (the Frobenius norm) instead of the squared "
                  "norm .pow(2).sum() of the gathered rows",
     "expected": ("norm", "squared", "l2", "regularis", "regulariz", "penalty")},
    {"id": "VL05", "side": "port", "args": ncf(port="05_initacc_port.py"),
     "mechanism": "torch.optim.Adagrad without initial_accumulator_value=0.1: the squared-"
                  "gradient sum starts at 0 where the NumPy Adagrad starts it at 0.1",
     "expected": ("initial_accumulator", "accumulator", "adagrad", "initial", "sum")},
    {"id": "VL06", "side": "port", "args": ncf(port="06_concatorder_port.py"),
     "mechanism": "MLP tower input concatenated as [item, user] instead of [user, item]: the "
                  "first half of fc1's weight sees the item embedding",
     "expected": ("concat", "order", "swap", "user", "item")},
    {"id": "VL07", "side": "port", "args": ncf(port="07_negdetach_port.py"),
     "mechanism": "negative-item score computed under torch.no_grad(): s_neg is a constant, "
                  "no gradient flows through the negative item's rows or the shared weights "
                  "from that side",
     "expected": ("no_grad", "detach", "negative", "no gradient", "missing")},
    {"id": "VL08", "side": "port", "args": ncf(port="08_paddingidx_port.py"),
     "mechanism": "item embeddings built with nn.Embedding(..., padding_idx=0) though item 0 is "
                  "a real item: row 0 of both item tables never gets a gradient",
     "expected": ("padding_idx", "padding", "row 0", "index 0", "no gradient")},
    # ---------------------------------------------------------------- NumPy programs with one bug
    {"id": "VL09", "side": "numpy", "args": mf(numpy="09_fancyadd_numpy.py"),
     "mechanism": "user-table gradient scattered with dP[u] += g_u (buffered fancy indexing) "
                  "instead of np.add.at: a user appearing several times in the batch keeps only "
                  "one row's gradient",
     "expected": ("add.at", "duplicate", "repeated", "scatter", "index", "accumulate")},
    {"id": "VL10", "side": "numpy", "args": mf(numpy="10_logsigderiv_numpy.py"),
     "mechanism": "derivative of -log sigmoid(x) taken as -sigmoid(x) instead of "
                  "-(1 - sigmoid(x)) = -sigmoid(-x)",
     "expected": ("sigmoid", "derivative", "log-sigmoid", "logsigmoid", "bpr")},
    {"id": "VL11", "side": "numpy", "args": mf(numpy="11_negbiassign_numpy.py"),
     "mechanism": "negative item's bias gradient added with the wrong sign "
                  "(np.add.at(db, j, dx) instead of -dx)",
     "expected": ("sign", "bias", "negative", "b_item")},
    {"id": "VL12", "side": "numpy", "args": mf(numpy="12_negl2_numpy.py"),
     "mechanism": "L2 gradient of the negative item's rows left out (g_j lacks reg * Q[j] / N) "
                  "while the loss still includes |Q[j]|^2",
     "expected": ("l2", "regularis", "regulariz", "negative", "missing", "weight decay")},
    {"id": "VL13", "side": "numpy", "args": ncf(numpy="13_stalemask_numpy.py"),
     "mechanism": "ReLU masks kept on the object (self.mask1/2) by the forward pass, so the "
                  "negative pass overwrites them and the positive score's backward uses the "
                  "negative items' masks",
     "expected": ("relu", "mask", "stale", "overwritten", "cache", "negative")},
    {"id": "VL14", "side": "numpy", "args": ncf(numpy="14_adagradorder_numpy.py"),
     "mechanism": "Adagrad step divides by the accumulator before the current g^2 is added "
                  "(update, then G += g^2): one step late",
     "expected": ("adagrad", "accumulator", "order", "before", "stale", "sum")},
    {"id": "VL15", "side": "numpy", "args": ncf(numpy="15_w1transpose_numpy.py"),
     "mechanism": "first MLP weight gradient computed as da1.T @ z ((h1, 2d), square here) "
                  "instead of z.T @ da1: the transpose of the right gradient",
     "expected": ("transpose", "layout", "w1", ".t")},
    {"id": "VL16", "side": "numpy", "args": ncf(numpy="16_gmfitemgrad_numpy.py"),
     "mechanism": "GMF item-table gradient multiplied by the item's own embedding "
                  "(dg * Qg[i]) instead of the user's (dg * Pg[u]): product rule slip",
     "expected": ("gmf", "product", "qg", "item", "embedding")},
    # ---------------------------------------------------------------- correct variants
    {"id": "VL17", "side": "correct", "args": mf(numpy="mf_alt_numpy.py"),
     "mechanism": "correct: MF with one-hot indicator matrices for the gather and the scatter "
                  "(indicator.T @ rows, no np.add.at), einsum scores, in-place np.subtract SGD",
     "expected": ()},
    {"id": "VL18", "side": "correct", "args": ncf_alt_port(),
     "mechanism": "correct: port with bare nn.Parameter tables read by F.embedding, an "
                  "nn.Sequential tower, a vector output weight, positives and negatives in one "
                  "stacked batch, F.softplus(-x) as the BPR loss",
     "expected": ()},
    {"id": "VL19", "side": "correct", "args": ncf_stacked(),
     "mechanism": "correct: NumPy NeuMF with weights kept (out, in), positives and negatives as "
                  "one stacked batch of 2N rows, L2 scattered with the data gradient, in-place "
                  "Adagrad",
     "expected": ()},
]
