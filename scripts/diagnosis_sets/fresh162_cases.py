"""One hundred and sixty-second fresh held-out set for the diagnosis: one planted bug per program
in fresh162/, 8 PyTorch ports (checked against the correct NumPy program) and 8 NumPy programs
(checked against the correct port), and 3 correct variants. The theme is embedding models
trained on index data: a skip-gram word2vec with negative sampling (two embedding tables, a dot
product per pair, a logistic loss on fixed positive and negative pairs in the data, Adagrad) and
a biased matrix-factorisation recommender (user/item factors, user/item biases, a learned global
mean, squared error plus L2 on the rows looked up, SGD on sparse gradients). Words, users and
items repeat within a batch, so row gradients must accumulate (np.add.at).

The base programs (data from fresh162/make_data.py, fixed seed, nothing random while training;
the whole data set is the batch of every step):

    sgns_numpy.py:SkipGramNS / sgns_torch.py:SkipGramNS, sgns.npz X int64 (48, 2) (center,
        context) word ids over a vocabulary of 20, y float64 (48,) labels (16 observed pairs,
        32 negatives drawn from unigram^0.75, same centers)
        params['W_in'], params['W_out'] (20, 8); s_n = W_in[c_n] . W_out[o_n];
        loss = mean_n(log(1 + exp(s_n)) - y_n s_n) (= F.binary_cross_entropy_with_logits, mean);
        gradients scattered with np.add.at. Adagrad lr 0.1, eps 1e-10, accumulator from 0
        (G += g^2; p -= lr g / (sqrt(G) + eps)), as torch.optim.Adagrad (state 'sum' = net.G).
        Port: two nn.Embedding(sparse=True) tables.
    mf_numpy.py:BiasedMF / mf_torch.py:BiasedMF, mf.npz X int64 (40, 2) distinct (user, item)
        pairs, 12 users, 15 items, y float64 (40,) ratings 1..5
        P (12, 6), Q (15, 6), bu (12,), bi (15,), mu () (learned, from 3.5);
        pred = mu + bu[u] + bi[i] + P[u] . Q[i];
        loss = mean (pred - r)^2 + 0.05 * mean_n(|P[u_n]|^2 + |Q[i_n]|^2 + bu[u_n]^2 + bi[i_n]^2)
        (the penalty once per occurrence of a row in the batch). Plain SGD lr 0.3.
        Port: nn.Embedding(sparse=True) tables (biases (n, 1), squeezed), mu an nn.Parameter
        scalar, torch.optim.SGD.

Same format as cases.py; run with

    python3 scripts/diagnosis_held_out.py --cases fresh162_cases

Each case:
    id          short name (prefixed UF)
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

F = "scripts/diagnosis_sets/fresh162/"
RUN = ["--steps", "20", "--dtype", "float32", "--device", "cpu"]


def sgns(numpy="sgns_numpy.py", port="sgns_torch.py"):
    return [F + numpy + ":SkipGramNS", "--torch", F + port + ":SkipGramNS",
            "--data", F + "sgns.npz", "--as-written",
            "--param", "params['W_in']=in_embed.weight",
            "--param", "params['W_out']=out_embed.weight",
            "--state", "sum=net.G", *RUN]


def sgns_alt():
    return [F + "sgns_alt_numpy.py:SkipGramAlt", "--torch", F + "sgns_torch.py:SkipGramNS",
            "--data", F + "sgns.npz", "--as-written",
            "--param", "Win=in_embed.weight",
            "--param", "Wout=out_embed.weight",
            "--state", "sum=net.hist", *RUN]


def mf(numpy="mf_numpy.py", port="mf_torch.py"):
    return [F + numpy + ":BiasedMF", "--torch", F + port + ":BiasedMF",
            "--data", F + "mf.npz", "--as-written",
            "--param", "P=user_factors.weight",
            "--param", "Q=item_factors.weight",
            "--param", "bu=user_bias.weight.reshape(12)",
            "--param", "bi=item_bias.weight.reshape(15)",
            "--param", "mu=mu", *RUN]


def mf_alt_port():
    return [F + "mf_numpy.py:BiasedMF", "--torch", F + "mf_alt_torch.py:MFPort",
            "--data", F + "mf.npz", "--as-written",
            "--param", "P=P",
            "--param", "Q=Q",
            "--param", "bu=b_user",
            "--param", "bi=b_item",
            "--param", "mu=global_mean", *RUN]


def mf_rows():
    return [F + "mf_rows_numpy.py:RowSparseMF", "--torch", F + "mf_torch.py:BiasedMF",
            "--data", F + "mf.npz", "--as-written",
            "--param", "params['P']=user_factors.weight",
            "--param", "params['Q']=item_factors.weight",
            "--param", "params['bu']=user_bias.weight.reshape(12)",
            "--param", "params['bi']=item_bias.weight.reshape(15)",
            "--param", "params['mu']=mu", *RUN]


CASES = [
    # ---------------------------------------------------------------- PyTorch ports with one bug
    {"id": "UF01", "side": "port", "args": sgns(port="01_adagradinit_port.py"),
     "mechanism": "torch.optim.Adagrad(initial_accumulator_value=0.1) (the tf.keras default) where "
                  "the NumPy Adagrad starts its squared-gradient sum at 0",
     "expected": ("initial_accumulator_value", "accumulator", "initial", "adagrad", "sum")},
    {"id": "UF02", "side": "port", "args": sgns(port="02_posweight_port.py"),
     "mechanism": "F.binary_cross_entropy_with_logits(..., pos_weight=n_neg/n_pos = 2): the "
                  "observed pairs weighted twice in the loss, which the NumPy program does not do",
     "expected": ("pos_weight", "weight", "positive", "class weight", "loss")},
    {"id": "UF03", "side": "port", "args": sgns(port="03_swapcols_port.py"),
     "mechanism": "forward looks the center up in in_embed by column 1 and the context in "
                  "out_embed by column 0: the pair's columns swapped between the two tables",
     "expected": ("swap", "column", "index", "center", "context")},
    {"id": "UF04", "side": "port", "args": sgns(port="04_negsign_port.py"),
     "mechanism": "negative-pair term written F.logsigmoid(s) instead of F.logsigmoid(-s): the "
                  "sign of the negatives' score missing, so negatives are pulled together",
     "expected": ("sign", "negative", "logsigmoid", "-s", "negatives")},
    {"id": "UF05", "side": "port", "args": mf(port="05_weightdecay_port.py"),
     "mechanism": "the L2 penalty moved into SGD(weight_decay=2*lam) on dense embeddings: every "
                  "row (and mu) decays every step instead of the looked-up rows, per occurrence, /N",
     "expected": ("weight decay", "weight_decay", "l2", "regular", "rows")},
    {"id": "UF06", "side": "port", "args": mf(port="06_broadcast_port.py"),
     "mechanism": "bias embeddings of shape (N, 1) added without squeeze(-1): the prediction "
                  "broadcasts to (N, N) and the squared error averages over all N*N pairs",
     "expected": ("broadcast", "squeeze", "shape", "(n, n)", "(n, 1)")},
    {"id": "UF07", "side": "port", "args": mf(port="07_regsum_port.py"),
     "mechanism": "L2 penalty on the looked-up rows summed over the batch instead of averaged "
                  "(lam * penalty.sum()): the regulariser N = 40 times too strong",
     "expected": ("sum", "mean", "reduction", "regular", "l2", "40")},
    {"id": "UF08", "side": "port", "args": mf(port="08_biasindex_port.py"),
     "mechanism": "item bias looked up with the user ids (item_bias(users)): wrong index array, "
                  "still in range since there are fewer users than items",
     "expected": ("index", "item", "user", "bias", "lookup")},
    # ---------------------------------------------------------------- NumPy programs with one bug
    {"id": "UF09", "side": "numpy", "args": sgns(numpy="09_fancyadd_numpy.py"),
     "mechanism": "row gradients scattered with dW[idx] += rows instead of np.add.at: a word "
                  "repeated in the batch keeps one contribution (buffered fancy indexing)",
     "expected": ("add.at", "repeated", "duplicate", "accumulate", "scatter")},
    {"id": "UF10", "side": "numpy", "args": sgns(numpy="10_dugrad_numpy.py"),
     "mechanism": "output-vector gradient computed as ds * u (the output vectors themselves) "
                  "instead of ds * v (the center's input vectors): wrong factor of the dot product",
     "expected": ("w_out", "dot", "derivative", "wrong", "input vector")},
    {"id": "UF11", "side": "numpy", "args": sgns(numpy="11_adagradreset_numpy.py"),
     "mechanism": "Adagrad accumulator overwritten each step (G = g^2) instead of accumulated "
                  "(G += g^2): agrees at step 1, the history lost from step 2",
     "expected": ("accumulat", "adagrad", "sum", "history", "reset")},
    {"id": "UF12", "side": "numpy", "args": sgns(numpy="12_scatteridx_numpy.py"),
     "mechanism": "input-table gradient scattered to the context ids (np.add.at(dW_in, o, dv)) "
                  "instead of the center ids: wrong index array in the scatter",
     "expected": ("index", "scatter", "center", "context", "w_in")},
    {"id": "UF13", "side": "numpy", "args": mf(numpy="13_errtwo_numpy.py"),
     "mechanism": "squared-error derivative without its factor 2 (derr = err / N) while the "
                  "L2 derivative keeps 2 lam: the data term of every gradient halved",
     "expected": ("factor 2", "2", "half", "derivative", "squared")},
    {"id": "UF14", "side": "numpy", "args": mf(numpy="14_uniquereg_numpy.py"),
     "mechanism": "L2 gradient of P and Q added once per distinct row (np.unique) while the loss "
                  "counts the penalty once per occurrence: rows seen k times get 1/k of it",
     "expected": ("unique", "occurrence", "repeated", "regular", "l2")},
    {"id": "UF15", "side": "numpy", "args": mf(numpy="15_mumean_numpy.py"),
     "mechanism": "global-mean gradient np.mean(derr) where derr already carries 1/N: mu's "
                  "gradient N = 40 times too small (averaged twice)",
     "expected": ("mu", "global mean", "mean", "sum", "40")},
    {"id": "UF16", "side": "numpy", "args": mf(numpy="16_bireg_numpy.py"),
     "mechanism": "item-bias gradient without its L2 term (2 lam bi / N) although the loss "
                  "penalises bi: a missing term in bi's gradient",
     "expected": ("bi", "bias", "regular", "l2", "missing")},
    # ---------------------------------------------------------------- correct variants
    {"id": "UF17", "side": "correct", "args": sgns_alt(),
     "mechanism": "correct: skip-gram with attribute tables, einsum scores, -log sigma(+-s) by "
                  "label, scatter by one-hot matrix products, Adagrad in place",
     "expected": ()},
    {"id": "UF18", "side": "correct", "args": mf_alt_port(),
     "mechanism": "correct: port with plain nn.Parameter tables indexed directly, 1-D biases, "
                  "F.mse_loss plus a concatenated-row penalty, dense gradients",
     "expected": ()},
    {"id": "UF19", "side": "correct", "args": mf_rows(),
     "mechanism": "correct: NumPy MF in a dict with a row-sparse SGD step (np.unique + "
                  "return_inverse, gradients on the distinct rows only, those rows updated)",
     "expected": ()},
]
