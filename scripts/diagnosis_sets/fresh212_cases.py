"""Two hundred and twelfth fresh held-out set for the diagnosis: one planted bug per program in
fresh212/, 8 PyTorch ports (checked against the correct NumPy program) and 8 NumPy programs
(checked against the correct port), and 3 correct variants. The theme is matrix-factorization
recommenders: user and item embedding tables with user/item biases and a global mean, rating
regression or implicit feedback with the sampled negatives given in the data, L2 on the rows
the batch uses (every occurrence counts), trained with SGD (plain or momentum) or Adagrad.
Every case runs mini-batches of 32 rows (--batch-size 32, no shuffle), 20 users, 30 items, k = 8.

The base programs (data from fresh212/make_data.py, fixed seed, nothing random while training):

    mf_numpy.py:BiasedMF / mf_torch.py:BiasedMF, mf.npz X (160, 2) int64 (user, item),
        y (160,) ratings 1..5
        r_hat = mu + b_u + b_i + P[u] . Q[i], mu = 3.4625 a constant global mean;
        L = mean (r_hat - r)^2 + lam/N sum_n (|P[u]|^2 + |Q[i]|^2 + b_u^2 + b_i^2), lam 0.05;
        NumPy: params dict, gradients scattered with np.add.at; torch: nn.Embedding tables,
        biases as (n, 1) embeddings squeezed. SGD lr 0.05, momentum 0.9 (v = mu v + g;
        p -= lr v), velocity paired with momentum_buffer.
    implicit_numpy.py:ImplicitMF / implicit_torch.py:ImplicitMF, implicit.npz X (192, 2) int64,
        y (192,) in {0, 1} (each positive followed by two sampled negatives)
        logit s = g + b_u + b_i + P[u] . Q[i] (g a learnable 0-d global bias, not regularized);
        L = mean BCE-with-logits + lam/N sum_n (|P[u]|^2 + |Q[i]|^2 + b_u^2 + b_i^2), lam 0.02;
        Adagrad lr 0.1, eps 1e-10, accumulator from 0 (G += g^2; p -= lr g / (sqrt(G) + eps)),
        as torch.optim.Adagrad, G paired with its state 'sum'.
    bpr_numpy.py:BPRMF / bpr_torch.py:BPRMF, bpr.npz X (160, 3) int64 (user, positive item,
        sampled negative item), y ones (unused)
        x_uij = b_i - b_j + P[u] . (Q[i] - Q[j]); L = -mean log sigmoid(x_uij)
        + lam/N sum_n (|P[u]|^2 + |Q[i]|^2 + |Q[j]|^2 + b_i^2 + b_j^2), lam 0.01;
        NumPy: attributes user_emb, item_emb, item_bias; plain SGD lr 0.5.

Same format as cases.py; run with

    python3 scripts/diagnosis_held_out.py --cases fresh212_cases

Each case:
    id          short name (prefixed WD)
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

F = "scripts/diagnosis_sets/fresh212/"
RUN = ["--batch-size", "32", "--steps", "20", "--dtype", "float32", "--device", "cpu"]


def mf(numpy="mf_numpy.py", port="mf_torch.py"):
    return [F + numpy + ":BiasedMF", "--torch", F + port + ":BiasedMF",
            "--data", F + "mf.npz", "--as-written",
            "--param", "params['P']=user_factors.weight",
            "--param", "params['Q']=item_factors.weight",
            "--param", "params['bu']=user_bias.weight.reshape(20)",
            "--param", "params['bi']=item_bias.weight.reshape(30)",
            "--state", "momentum_buffer=net.velocity", *RUN]


def mf_loop():
    return [F + "mf_loop_numpy.py:BiasedMFLoop", "--torch", F + "mf_torch.py:BiasedMF",
            "--data", F + "mf.npz", "--as-written",
            "--param", "P=user_factors.weight",
            "--param", "Qt=item_factors.weight.T",
            "--param", "b_user=user_bias.weight.reshape(20)",
            "--param", "b_item=item_bias.weight.reshape(30)",
            "--state", "momentum_buffer=net.mom", *RUN]


def implicit(numpy="implicit_numpy.py", port="implicit_torch.py"):
    return [F + numpy + ":ImplicitMF", "--torch", F + port + ":ImplicitMF",
            "--data", F + "implicit.npz", "--as-written",
            "--param", "params['g']=global_bias",
            "--param", "params['P']=P.weight",
            "--param", "params['Q']=Q.weight",
            "--param", "params['bu']=bu.weight.reshape(20)",
            "--param", "params['bi']=bi.weight.reshape(30)",
            "--state", "sum=net.G", *RUN]


def implicit_alt():
    return [F + "implicit_numpy.py:ImplicitMF", "--torch", F + "implicit_alt_torch.py:ImplicitMFAlt",
            "--data", F + "implicit.npz", "--as-written",
            "--param", "params['g']=g",
            "--param", "params['P']=user_vecs",
            "--param", "params['Q']=item_vecs",
            "--param", "params['bu']=user_b",
            "--param", "params['bi']=item_b",
            "--state", "sum=net.G", *RUN]


def bpr(numpy="bpr_numpy.py", port="bpr_torch.py"):
    return [F + numpy + ":BPRMF", "--torch", F + port + ":BPRMF",
            "--data", F + "bpr.npz", "--as-written",
            "--param", "user_emb=users.weight",
            "--param", "item_emb=items.weight",
            "--param", "item_bias=item_bias.weight.reshape(30)", *RUN]


def bpr_onehot():
    return [F + "bpr_onehot_numpy.py:BPROneHot", "--torch", F + "bpr_torch.py:BPRMF",
            "--data", F + "bpr.npz", "--as-written",
            "--param", "theta['P']=users.weight",
            "--param", "theta['Q']=items.weight",
            "--param", "theta['b']=item_bias.weight.reshape(30)", *RUN]


CASES = [
    # ---------------------------------------------------------------- PyTorch ports with one bug
    {"id": "WD01", "side": "port", "args": mf(port="01_wdall_port.py"),
     "mechanism": "L2 moved into torch.optim.SGD(weight_decay=0.05): every row of every table is "
                  "decayed each step (and through the momentum), instead of the batch-row L2 term "
                  "in the loss",
     "expected": ("weight decay", "weight_decay", "l2", "regulari", "decay")},
    {"id": "WD02", "side": "port", "args": mf(port="02_biasindex_port.py"),
     "mechanism": "item bias looked up with the user ids (self.item_bias(u), copy-paste): the "
                  "prediction and the item-bias gradient use the wrong rows",
     "expected": ("index", "item bias", "user", "bi", "lookup")},
    {"id": "WD03", "side": "port", "args": mf(port="03_nosqueeze_port.py"),
     "mechanism": "bias embeddings left (N, 1) (no squeeze) and added to the (N,) dot product: the "
                  "prediction broadcasts to (N, N) and mse_loss averages over N*N pairs",
     "expected": ("broadcast", "shape", "squeeze", "(n, n)", "forward")},
    {"id": "WD04", "side": "port", "args": implicit(port="04_adagradinit_port.py"),
     "mechanism": "torch.optim.Adagrad(initial_accumulator_value=0.1) (the Keras default) where the "
                  "NumPy Adagrad starts its squared-gradient sum at 0",
     "expected": ("initial_accumulator_value", "accumulator", "adagrad", "sum", "initial")},
    {"id": "WD05", "side": "port", "args": implicit(port="05_regmean_port.py"),
     "mechanism": "L2 term written as .mean() over all looked-up elements and not divided by N: the "
                  "factor rows' penalty is 1/k of the NumPy lam/N * sum (the biases' unchanged)",
     "expected": ("l2", "regulari", "mean", "reduction", "factor")},
    {"id": "WD06", "side": "port", "args": implicit(port="06_noglobal_port.py"),
     "mechanism": "global bias parameter declared but left out of the logit: it gets no gradient "
                  "and is never updated, and every logit lacks g",
     "expected": ("global bias", "no gradient", "missing", "unused", "global_bias")},
    {"id": "WD07", "side": "port", "args": bpr(port="07_detachneg_port.py"),
     "mechanism": "negative item embeddings detached (self.items(j).detach()): Q[j] receives no "
                  "gradient from the BPR term nor its L2, only the positive rows are trained",
     "expected": ("detach", "negative", "no gradient", "item_emb", "stop")},
    {"id": "WD08", "side": "port", "args": bpr(port="08_paddingidx_port.py"),
     "mechanism": "item embedding built with padding_idx=0: item 0's factor row never receives a "
                  "gradient, so that row is never updated",
     "expected": ("padding_idx", "padding", "row 0", "item 0", "masked")},
    # ---------------------------------------------------------------- NumPy programs with one bug
    {"id": "WD09", "side": "numpy", "args": mf(numpy="09_nofactor2_numpy.py"),
     "mechanism": "derivative of the squared error taken as err/N, the factor 2 of d(e^2)/de left "
                  "out (the L2 gradients keep their 2 lam)",
     "expected": ("factor 2", "factor of 2", "derivative", "squared error", "0.5")},
    {"id": "WD10", "side": "numpy", "args": mf(numpy="10_fancyadd_numpy.py"),
     "mechanism": "user-factor gradient scattered with grads['P'][u] += gPu (fancy-index add) "
                  "instead of np.add.at: a user repeated in the batch keeps only one row's gradient",
     "expected": ("add.at", "duplicate", "repeated", "scatter", "fancy")},
    {"id": "WD11", "side": "numpy", "args": mf(numpy="11_velreset_numpy.py"),
     "mechanism": "momentum buffers re-created as zeros every step before the update: momentum never "
                  "accumulates (plain SGD from step 2 on)",
     "expected": ("momentum", "velocity", "reset", "zero", "state")},
    {"id": "WD12", "side": "numpy", "args": implicit(numpy="12_epsinsqrt_numpy.py"),
     "mechanism": "Adagrad eps placed inside the square root (g / sqrt(G + eps)) instead of added to "
                  "it (g / (sqrt(G) + eps))",
     "expected": ("eps", "epsilon", "sqrt", "adagrad")},
    {"id": "WD13", "side": "numpy", "args": implicit(numpy="13_sigmoidderiv_numpy.py"),
     "mechanism": "logit gradient of the BCE multiplied again by the sigmoid derivative p(1 - p): "
                  "(p - y) p (1 - p) / N instead of (p - y) / N",
     "expected": ("sigmoid", "derivative", "p(1 - p)", "logit", "cross-entropy")},
    {"id": "WD14", "side": "numpy", "args": implicit(numpy="14_gbiasmean_numpy.py"),
     "mechanism": "global-bias gradient reduced with mean instead of sum over the batch of the "
                  "already 1/N-scaled logit gradient: g's gradient 32 times too small",
     "expected": ("global bias", "mean", "sum", "reduction", "32")},
    {"id": "WD15", "side": "numpy", "args": bpr(numpy="15_negbiassign_numpy.py"),
     "mechanism": "negative item's bias gradient with the wrong sign (+dx instead of -dx for b_j)",
     "expected": ("sign", "negative", "item_bias", "bias")},
    {"id": "WD16", "side": "numpy", "args": bpr(numpy="16_negindex_numpy.py"),
     "mechanism": "negative item's factor gradient scattered into the positive item's rows "
                  "(np.add.at(dQ, i, ...) instead of j): Q[j] gets nothing, Q[i] gets both",
     "expected": ("index", "negative", "positive", "item_emb", "scatter")},
    # ---------------------------------------------------------------- correct variants
    {"id": "WD17", "side": "correct", "args": mf_loop(),
     "mechanism": "correct: Funk-SVD row loop accumulating the batch gradient, item factors kept "
                  "transposed (k, n_items), momentum buffers updated in place",
     "expected": ()},
    {"id": "WD18", "side": "correct", "args": implicit_alt(),
     "mechanism": "correct: port with raw nn.Parameter tables indexed directly, 1-D biases, einsum "
                  "scores, logistic loss as softplus(s) - y s, L2 over one concatenated row vector",
     "expected": ()},
    {"id": "WD19", "side": "correct", "args": bpr_onehot(),
     "mechanism": "correct: BPR with one-hot selection matrices (lookups and their gradients as "
                  "matrix products), einsum margins, params in one dict, updates in place",
     "expected": ()},
]
