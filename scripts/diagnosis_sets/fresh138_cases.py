"""Hundred-and-thirty-eighth fresh held-out set for the diagnosis of programs written as
they are (both programs as written): one planted bug per program in fresh138/, written
without reading the kit's diagnosis rules. The theme is embedding bags and sparse
categorical features written by hand: variable-length bags of ids padded with a padding
id, pooled by sum or mean (the mean over each bag's real length) with optional per-id
weights, a hashing trick (ids taken modulo the table size), the tables trained by SGD or
Adagrad with the gradient scattered to the rows used (np.add.at); the ports use
nn.EmbeddingBag (mode='sum' or 'mean', padding_idx, per_sample_weights) or nn.Embedding
with masks.

The base programs (data written by fresh138/make_data.py, seed 138):

    ctr_numpy.py:HashedBagCTR / ctr_torch.py:HashedBagCTR (ctr.npz, X int64 (64, 2, 8):
        raw feature ids padded with -1 and their counts; y 0/1): the hashing trick puts
        raw id r in bucket 1 + r % 31 of a 32-row table, bucket 0 the padding row;
        h = sum_j c_j E[b_j] (dim 8, counts as per-id weights), a first-order term
        sum_j c_j u[b_j] from a (32, 1) table, logit = h @ W + first-order + b, mean
        BCE with logits, plain SGD lr 0.5; gradients scattered with np.add.at. The port:
        two nn.EmbeddingBag(mode='sum', padding_idx=0) with per_sample_weights=counts,
        nn.Linear(8, 1), F.binary_cross_entropy_with_logits, torch.optim.SGD.
    rec_numpy.py:HistoryRecommender / rec_torch.py:HistoryRecommender (rec.npz, X int64
        (64, 11): a user id and a history of item ids padded at the end with 0; y
        ratings): pred = U[user] . mean_j I[hist_j] (over the real length) + c[user]
        + mu, mean squared error, Adagrad written by hand (G += g^2,
        p -= 0.05 g / (sqrt(G) + 1e-10)). The port: nn.Embedding for U and c,
        nn.EmbeddingBag(mode='mean', padding_idx=0) for I, a parameter mu, F.mse_loss,
        torch.optim.Adagrad(lr=0.05, eps=1e-10); its 'sum' state against net.G.
    tags_numpy.py:FieldTagger / tags_torch.py:FieldTagger (tags.npz, X int64 (64, 2, 6):
        two fields of raw tag ids padded with -1; y class 0..2): one 48-row table shared
        by both fields, bucket 1 + (31 r + field) % 47, mean per field over the real
        length, the two fields concatenated (field 0 then field 1), tanh hidden layer of
        12, softmax cross-entropy (mean), SGD with momentum 0.9 lr 0.3 (v = mu v + g,
        p -= lr v). The port: nn.Embedding with a mask (masked sum / real length),
        nn.Linear + tanh, nn.Linear, F.cross_entropy, torch.optim.SGD(momentum=0.9).

Same format as cases.py; run with

    python3 scripts/diagnosis_held_out.py --cases fresh138_cases

Each case:
    id          short name (prefixed TH)
    side        "port", "numpy" or "correct"
    args        the `parity check` argument list (paths relative to the repository root);
                every run is as written, 20 steps, float32 on the CPU
    mechanism   the planted mechanism, one line
    expected    keywords (case-insensitive) that an explanation naming the mechanism would contain;
                written from the mechanism, before any run, not from the kit's output; () for a correct program

Written without reading the kit's diagnosis rules, its findings or its tests; validated
by exit status alone (each buggy program fails, exit 1, and passes with its `# fix:` line
applied; each correct program passes, exit 0).
"""

F = "scripts/diagnosis_sets/fresh138/"

COMMON = ["--as-written", "--steps", "20", "--dtype", "float32", "--device", "cpu"]

CTR_PARAMS = ["--param", "params['E']=bag.weight", "--param", "params['u']=lin.weight",
              "--param", "params['W']=fc.weight.T", "--param", "params['b']=fc.bias"]
REC_PARAMS = ["--param", "params['U']=user.weight", "--param", "params['I']=items.weight",
              "--param", "params['c']=bias.weight", "--param", "params['mu']=mu",
              "--state", "sum=net.G"]
TAGS_PARAMS = ["--param", "params['E']=emb.weight", "--param", "params['W1']=hidden.weight.T",
               "--param", "params['b1']=hidden.bias", "--param", "params['W2']=out.weight.T",
               "--param", "params['b2']=out.bias", "--state", "momentum_buffer=net.velocity"]


def ctr(numpy="ctr_numpy.py", port="ctr_torch.py", params=CTR_PARAMS):
    return [F + numpy + ":HashedBagCTR", "--torch", F + port + ":HashedBagCTR",
            "--data", F + "ctr.npz", "--init", "net = HashedBagCTR()"] + params + COMMON


def rec(numpy="rec_numpy.py", port="rec_torch.py", params=REC_PARAMS):
    return [F + numpy + ":HistoryRecommender", "--torch", F + port + ":HistoryRecommender",
            "--data", F + "rec.npz", "--init", "net = HistoryRecommender()"] + params + COMMON


def tags(numpy="tags_numpy.py", port="tags_torch.py", params=TAGS_PARAMS):
    return [F + numpy + ":FieldTagger", "--torch", F + port + ":FieldTagger",
            "--data", F + "tags.npz", "--init", "net = FieldTagger()"] + params + COMMON


CASES = [
    # ---------------------------------------------------------------- port bugs
    {"id": "TH01", "side": "port", "args": ctr(port="01_noweights_port.py"),
     "mechanism": "the sum-pooled nn.EmbeddingBag is called without per_sample_weights: the per-id counts are dropped from the embedding bag (the first-order bag keeps them)",
     "expected": ("per_sample_weights", "per-sample weight", "count", "weighted sum", "weights dropped")},
    {"id": "TH02", "side": "port", "args": ctr(port="02_hashmod_port.py"),
     "mechanism": "hashing trick ported as raw % n_buckets instead of 1 + raw % (n_buckets - 1): ids land in shifted buckets and some in the padding bucket 0",
     "expected": ("hash", "modulo", "bucket", "off by one", "index")},
    {"id": "TH03", "side": "port", "args": ctr(port="03_bcesum_port.py"),
     "mechanism": "BCE with logits taken with reduction='sum' where the NumPy program averages over the batch",
     "expected": ("reduction", "sum", "mean", "batch size")},
    {"id": "TH04", "side": "port", "args": rec(port="04_bagsum_port.py"),
     "mechanism": "history bag ported as nn.EmbeddingBag(mode='sum') where the NumPy program takes the mean over each bag's real length",
     "expected": ("mode", "mean", "sum", "length", "pooling")},
    {"id": "TH05", "side": "port", "args": rec(port="05_adagradinit_port.py"),
     "mechanism": "torch.optim.Adagrad built with initial_accumulator_value=0.1 (the Keras default) where the NumPy accumulator starts at zero",
     "expected": ("initial_accumulator_value", "accumulator", "initial", "adagrad state")},
    {"id": "TH06", "side": "port", "args": rec(port="06_optparams_port.py"),
     "mechanism": "the optimizer is given an explicit parameter list that leaves out the user-bias table bias.weight, so it is never updated",
     "expected": ("never updated", "not updated", "missing from the optimizer", "optimizer", "frozen")},
    {"id": "TH07", "side": "port", "args": tags(port="07_flatten_port.py"),
     "mechanism": "the two pooled fields are flattened after transpose(1, 2), interleaving their features instead of concatenating field 0 then field 1",
     "expected": ("transpose", "flatten", "order", "interleav", "permut")},
    {"id": "TH08", "side": "port", "args": tags(port="08_nesterov_port.py"),
     "mechanism": "torch.optim.SGD built with nesterov=True where the NumPy program uses classical (heavy-ball) momentum",
     "expected": ("nesterov", "momentum")},
    # --------------------------------------------------------------- numpy bugs
    {"id": "TH09", "side": "numpy", "args": ctr(numpy="09_fancyadd_numpy.py"),
     "mechanism": "the table gradient scattered with buffered fancy indexing dE[idx] += ... instead of np.add.at: a bucket used several times in the batch receives only one contribution",
     "expected": ("np.add.at", "duplicate", "repeated", "scatter", "fancy index")},
    {"id": "TH10", "side": "numpy", "args": ctr(numpy="10_ucount_numpy.py"),
     "mechanism": "the gradient of the first-order table u is scattered without the per-id counts (dz instead of dz * c)",
     "expected": ("count", "per-id weight", "per_sample_weights", "weight of each id", "u.grad")},
    {"id": "TH11", "side": "numpy", "args": rec(numpy="11_meandiv_numpy.py"),
     "mechanism": "the backward of the mean pooling divides by the padded length L instead of each bag's real length (the forward divides by the real length)",
     "expected": ("length", "padded", "padding", "mean", "divis")},
    {"id": "TH12", "side": "numpy", "args": rec(numpy="12_accum_numpy.py"),
     "mechanism": "the Adagrad accumulator is overwritten with g^2 each step instead of accumulated (G = g*g for G += g*g)",
     "expected": ("accumulat", "adagrad", "overwrit", "sum of squares", "state")},
    {"id": "TH13", "side": "numpy", "args": rec(numpy="13_factor2_numpy.py"),
     "mechanism": "the derivative of the mean squared error leaves out the factor 2 (dpred = r / N); under Adagrad the update barely changes but every gradient is halved",
     "expected": ("factor 2", "factor of 2", "half", "0.5", "square")},
    {"id": "TH14", "side": "numpy", "args": tags(numpy="14_padgrad_numpy.py"),
     "mechanism": "the backward of the masked mean forgets the mask: padded slots scatter gradient into the padding row 0, which is then trained though the forward never reads it",
     "expected": ("padding", "mask", "pad row", "padding_idx", "row 0")},
    {"id": "TH15", "side": "numpy", "args": tags(numpy="15_tanhderiv_numpy.py"),
     "mechanism": "the tanh derivative is taken of the already-activated value: 1 - tanh(h)^2 with h = tanh(z)",
     "expected": ("tanh", "derivative", "activation", "already-activated", "activated")},
    {"id": "TH16", "side": "numpy", "args": tags(numpy="16_momorder_numpy.py"),
     "mechanism": "momentum update in the wrong order: the parameter steps with the previous velocity before the velocity takes this step's gradient (one step behind)",
     "expected": ("order", "velocity", "momentum", "one step", "stale")},
    # ---------------------------------------------------------- correct variants
    {"id": "TH17", "side": "correct",
     "args": ctr(port="17_embmask_port.py",
                 params=["--param", "params['E']=table.weight", "--param", "params['u']=first.weight",
                         "--param", "params['W']=W", "--param", "params['b']=b"]),
     "mechanism": "correct: plain nn.Embedding tables with the padding masked into the counts, einsum sum-pooling, W kept (dim, 1), SGD written by hand under no_grad",
     "expected": ()},
    {"id": "TH18", "side": "correct", "args": rec(numpy="18_offsets_numpy.py"),
     "mechanism": "correct: histories flattened to ids + offsets, pooled with np.add.reduceat, gradient scattered on the flat ids, Adagrad written in place inside train_step",
     "expected": ()},
    {"id": "TH19", "side": "correct",
     "args": tags(port="19_bagoffsets_port.py",
                  params=["--param", "params['E']=bag.weight", "--param", "params['W1']=fc1.weight.T",
                          "--param", "params['b1']=fc1.bias", "--param", "params['W2']=fc2.weight.T",
                          "--param", "params['b2']=fc2.bias", "--state", "momentum_buffer=net.velocity"]),
     "mechanism": "correct: each (row, field) bag cut into nn.EmbeddingBag(mode='mean') flat ids and offsets, no padding id at all",
     "expected": ()},
]
