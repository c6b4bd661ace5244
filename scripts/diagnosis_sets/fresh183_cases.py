"""One hundred and eighty-third fresh held-out set for the diagnosis: one planted bug per program
in fresh183/, 8 PyTorch ports (checked against the correct NumPy program) and 8 NumPy programs
(checked against the correct port), and 3 correct variants. The theme is learning to rank
written by hand: a scoring MLP applied to every (query, item) feature row, the rows grouped
into lists of fixed length (one list per query), trained with pairwise RankNet loss (logistic
on score differences of the pairs ordered by relevance), ListNet (softmax cross-entropy
between the relevance and score distributions of each list), and a LambdaRank-style weighting
of the pairwise terms by |delta NDCG| computed by hand from the current ranking.

The base programs (data from fresh183/make_data.py, fixed seed, nothing random while
training; data.npz X (8, 6, 10): 8 lists of 6 items with 10 features, y (8, 6) graded
relevance in {0, 1, 2, 3}, ties within lists):

    ranknet_numpy.py:RankNetMLP / ranknet_torch.py:RankNetMLP
        10 -> 16 tanh -> 1 score (no output bias; W kept (in, out)); for every pair (i, j) of a
        list with rel_i > rel_j the term log(1 + exp(-(s_i - s_j))); loss the mean over all
        pairs of the batch (NumPy: np.logaddexp, backward ds_i = sum_j dD_ij - sum_j dD_ji;
        port: F.softplus). Adam lr 0.01, betas (0.9, 0.999), eps 1e-8, bias-corrected.
    listnet_numpy.py:ListNetMLP / listnet_torch.py:ListNetMLP
        10 -> 24 ReLU -> 12 ReLU -> 1 score (no output bias; W kept (in, out); port an
        nn.Sequential); per list -sum_i softmax(rel)_i log softmax(s)_i, mean over the lists.
        SGD lr 0.05, momentum 0.9, weight decay 5e-3 coupled as torch.optim.SGD.
    lambdarank_numpy.py:LambdaRankMLP / lambdarank_torch.py:LambdaRankMLP
        10 -> 20 tanh -> 1 score (no output bias); each step the current scores rank each list
        (descending, ranks = inverse of the argsort); each pair rel_i > rel_j weighted by
        |2^rel_i - 2^rel_j| * |1/log2(2 + rank_i) - 1/log2(2 + rank_j)| / IDCG (constant, no
        gradient through it) times log(1 + exp(-(s_i - s_j))); loss the sum over pairs divided
        by the number of lists. RMSprop lr 2e-3, alpha 0.99, eps 1e-8 outside the square root
        (state net.sq = square_avg).

Same format as cases.py; run with

    python3 scripts/diagnosis_held_out.py --cases fresh183_cases

Each case:
    id          short name (prefixed VA)
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

F = "scripts/diagnosis_sets/fresh183/"
RUN = ["--steps", "20", "--dtype", "float32", "--device", "cpu"]


def ranknet(numpy="ranknet_numpy.py", port="ranknet_torch.py"):
    return [F + numpy + ":RankNetMLP", "--torch", F + port + ":RankNetMLP",
            "--data", F + "data.npz", "--as-written",
            "--param", "params['W1']=hidden.weight.T",
            "--param", "params['b1']=hidden.bias",
            "--param", "params['W2']=score.weight.T", *RUN]


def ranknet_pairs():
    return [F + "ranknet_pairs_numpy.py:RankNetPairs", "--torch", F + "ranknet_torch.py:RankNetMLP",
            "--data", F + "data.npz", "--as-written",
            "--param", "params['W1']=hidden.weight.T",
            "--param", "params['b1']=hidden.bias",
            "--param", "params['w']=score.weight.reshape(16)", *RUN]


def listnet(numpy="listnet_numpy.py", port="listnet_torch.py"):
    return [F + numpy + ":ListNetMLP", "--torch", F + port + ":ListNetMLP",
            "--data", F + "data.npz", "--as-written",
            "--param", "params['W1']=net.0.weight.T",
            "--param", "params['b1']=net.0.bias",
            "--param", "params['W2']=net.2.weight.T",
            "--param", "params['b2']=net.2.bias",
            "--param", "params['W3']=net.4.weight.T", *RUN]


def listnet_rows():
    return [F + "listnet_rows_numpy.py:ListNetRows", "--torch", F + "listnet_torch.py:ListNetMLP",
            "--data", F + "data.npz", "--as-written",
            "--param", "params['W1']=net.0.weight",
            "--param", "params['b1']=net.0.bias",
            "--param", "params['W2']=net.2.weight",
            "--param", "params['b2']=net.2.bias",
            "--param", "params['W3']=net.4.weight", *RUN]


def lambdarank(numpy="lambdarank_numpy.py", port="lambdarank_torch.py"):
    return [F + numpy + ":LambdaRankMLP", "--torch", F + port + ":LambdaRankMLP",
            "--data", F + "data.npz", "--as-written",
            "--param", "params['W1']=fc1.weight.T",
            "--param", "params['b1']=fc1.bias",
            "--param", "params['W2']=fc2.weight.T",
            "--state", "square_avg=net.sq", *RUN]


def lambdarank_alt():
    return [F + "lambdarank_numpy.py:LambdaRankMLP", "--torch", F + "lambdarank_alt_torch.py:LambdaRankParams",
            "--data", F + "data.npz", "--as-written",
            "--param", "params['W1']=W1",
            "--param", "params['b1']=b1",
            "--param", "params['W2']=w2.reshape(20,1)",
            "--state", "square_avg=net.sq", *RUN]


CASES = [
    # ---------------------------------------------------------------- PyTorch ports with one bug
    {"id": "VA01", "side": "port", "args": ranknet(port="01_tiemask_port.py"),
     "mechanism": "RankNet pair mask built with >= instead of >: tied relevance pairs (and the "
                  "diagonal) enter the loss in both directions and the pair count grows",
     "expected": ("mask", "pair", "tie", ">=", "relevance")},
    {"id": "VA02", "side": "port", "args": ranknet(port="02_beta2_port.py"),
     "mechanism": "torch.optim.Adam(betas=(0.9, 0.99)) where the NumPy Adam uses beta2 = 0.999",
     "expected": ("beta2", "betas", "second moment", "exp_avg_sq", "0.99")},
    {"id": "VA03", "side": "port", "args": listnet(port="03_targetaxis_port.py"),
     "mechanism": "ListNet target distribution F.softmax(rel, dim=0): normalised across the "
                  "lists (queries) instead of across the items of each list (dim=1)",
     "expected": ("axis", "dim", "softmax", "target", "list")},
    {"id": "VA04", "side": "port", "args": listnet(port="04_meanall_port.py"),
     "mechanism": "ListNet loss reduced with .mean() over all (list, item) entries instead of "
                  ".sum(dim=1).mean(): loss and every gradient 6 (list length) times too small",
     "expected": ("mean", "sum", "reduction", "list length", "6")},
    {"id": "VA05", "side": "port", "args": listnet(port="05_nodecay_port.py"),
     "mechanism": "torch.optim.SGD built without weight_decay=5e-3 (momentum kept): the NumPy "
                  "program's coupled L2 decay term is missing from the port's updates",
     "expected": ("weight decay", "weight_decay", "decay", "l2")},
    {"id": "VA06", "side": "port", "args": lambdarank(port="06_ascending_port.py"),
     "mechanism": "ranking for |delta NDCG| by torch.argsort(s) ascending (descending=True "
                  "left out): the discounts of the current ranking are reversed",
     "expected": ("argsort", "descending", "rank", "ndcg", "order")},
    {"id": "VA07", "side": "port", "args": lambdarank(port="07_lineargain_port.py"),
     "mechanism": "NDCG gain taken as the relevance itself (linear gain) instead of 2^rel - 1 "
                  "in the |delta NDCG| weights and IDCG",
     "expected": ("gain", "2^rel", "exponential", "ndcg", "relevance")},
    {"id": "VA08", "side": "port", "args": lambdarank(port="08_nozerograd_port.py"),
     "mechanism": "optimizer.zero_grad() missing in train_step: gradients accumulate across "
                  "steps (RMSprop sees the running sum from step 2)",
     "expected": ("zero_grad", "accumulat", "accumulate", "stale")},
    # ---------------------------------------------------------------- NumPy programs with one bug
    {"id": "VA09", "side": "numpy", "args": ranknet(numpy="09_lowergrad_numpy.py"),
     "mechanism": "RankNet backward keeps only ds_i = sum_j dD_ij: the -sum_j dD_ji term for "
                  "the lower-ranked item j of each pair is left out",
     "expected": ("missing term", "pair", "score gradient", "lower", "s_j")},
    {"id": "VA10", "side": "numpy", "args": ranknet(numpy="10_tanhtwice_numpy.py"),
     "mechanism": "tanh derivative written as 1 - tanh(h)^2 with h already the activation "
                  "(tanh applied twice in the backward)",
     "expected": ("tanh", "derivative", "activation", "twice", "activated")},
    {"id": "VA11", "side": "numpy", "args": ranknet(numpy="11_biascorr_numpy.py"),
     "mechanism": "Adam bias corrections computed with t + 1 after t was already incremented: "
                  "1 - beta^(t+1), off by one step",
     "expected": ("bias correction", "bias-correct", "off by one", "step count", "t + 1")},
    {"id": "VA12", "side": "numpy", "args": listnet(numpy="12_relumask_numpy.py"),
     "mechanism": "second ReLU backward masked with (a2 >= 0) on the activation, always true: "
                  "gradient passes through the units that are off",
     "expected": ("relu", "mask", "derivative", ">= 0", "activation")},
    {"id": "VA13", "side": "numpy", "args": listnet(numpy="13_decayplace_numpy.py"),
     "mechanism": "weight decay added to the step outside the momentum buffer "
                  "(v = mu v + g; p -= lr (v + wd p)) instead of into it (coupled, as torch SGD)",
     "expected": ("weight decay", "decay", "momentum", "decoupled", "buffer")},
    {"id": "VA14", "side": "numpy", "args": listnet(numpy="14_noavg_numpy.py"),
     "mechanism": "ListNet backward misses the 1/Q of the mean over lists (loss averaged, "
                  "gradient summed): every gradient 8 times too large",
     "expected": ("mean", "sum", "batch", "reduction", "8")},
    {"id": "VA15", "side": "numpy", "args": lambdarank(numpy="15_argsortonce_numpy.py"),
     "mechanism": "rank of each item taken as argsort(-s) itself (the item at each position) "
                  "instead of its inverse permutation: wrong discounts in |delta NDCG|",
     "expected": ("argsort", "rank", "permutation", "inverse", "ndcg")},
    {"id": "VA16", "side": "numpy", "args": lambdarank(numpy="16_epsinside_numpy.py"),
     "mechanism": "RMSprop eps placed inside the square root, sqrt(v + eps), where "
                  "torch.optim.RMSprop adds it outside, sqrt(v) + eps",
     "expected": ("eps", "epsilon", "sqrt", "square root", "rmsprop")},
    # ---------------------------------------------------------------- correct variants
    {"id": "VA17", "side": "correct", "args": ranknet_pairs(),
     "mechanism": "correct: RankNet over explicit (q, i, j) pair indices, einsum layers, score "
                  "weight a vector, np.add.at scatter, Adam in place with the eps-hat form",
     "expected": ()},
    {"id": "VA18", "side": "correct", "args": lambdarank_alt(),
     "mechanism": "correct: port with raw nn.Parameters in the NumPy layout, |delta NDCG| built "
                  "per list by scatter, BCE-with-logits weighted by |delta NDCG| (sum)",
     "expected": ()},
    {"id": "VA19", "side": "correct", "args": listnet_rows(),
     "mechanism": "correct: NumPy ListNet with (out, in) weights on column activations, "
                  "logsumexp loss, np.where ReLU backward, in-place momentum",
     "expected": ()},
]
