"""One hundred and sixty-sixth fresh held-out set for the diagnosis: one planted bug per program
in fresh166/, 8 PyTorch ports (checked against the correct NumPy program) and 8 NumPy programs
(checked against the correct port), and 3 correct variants. The theme is the Bengio-style neural
language model written by hand: an embedding table looked up for a window of previous tokens
(np.add.at for the table's gradient), the context vectors concatenated, a tanh hidden layer, a
softmax over the vocabulary with cross-entropy (mean over the batch); SGD with momentum and an
exponential learning-rate decay, or Adam with a linear warm-up (LambdaLR).

The base programs (data from fresh166/make_data.py, fixed seed, nothing random while training):

    nplm_numpy.py:NPLM / nplm_torch.py:NPLM, nplm.npz X (48, 3) int64 ids in [0, 24), y (48,)
        embedding table C (24, 8) (params dict), 3 context vectors concatenated (24,), tanh
        hidden layer of 32 (W1 kept (in, out)), logits over 24 tokens, softmax cross-entropy.
        SGD lr 0.3, momentum 0.9 (v = mu v + g; p -= lr v, as torch.optim.SGD), decayed by
        ExponentialLR(gamma=0.9): the k-th update uses 0.3 * 0.9**k. Whole batch each step.
    padlm_numpy.py:PadLM / padlm_torch.py:PadLM, padlm.npz X (96, 4) int64 ids in [0, 30)
        (0 = padding before a sentence's start), y (96,) in [1, 30); --batch-size 32
        embedding table (30, 6) with the pad row kept at zero (its gradient masked; the port's
        nn.Embedding(padding_idx=0)), 4 context vectors concatenated (24,), tanh hidden layer of
        24, logits = hidden path + a direct connection from the context vector (Linear without
        bias) + bias; weights kept (out, in) as attributes. Adam lr 0.01, betas (0.9, 0.999),
        eps 1e-8, bias-corrected, with a linear warm-up LambdaLR: the k-th update uses
        0.01 * min(1, (k + 1) / 5).

Same format as cases.py; run with

    python3 scripts/diagnosis_held_out.py --cases fresh166_cases

Each case:
    id          short name (prefixed UJ)
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

F = "scripts/diagnosis_sets/fresh166/"
RUN = ["--steps", "20", "--dtype", "float32", "--device", "cpu"]


def nplm(numpy="nplm_numpy.py", port="nplm_torch.py"):
    return [F + numpy + ":NPLM", "--torch", F + port + ":NPLM",
            "--data", F + "nplm.npz", "--as-written",
            "--param", "params['C']=embed.weight",
            "--param", "params['W1']=fc1.weight.T",
            "--param", "params['b1']=fc1.bias",
            "--param", "params['W2']=fc2.weight.T",
            "--param", "params['b2']=fc2.bias", *RUN]


def nplm_alt():
    return [F + "nplm_alt_numpy.py:NPLMAlt", "--torch", F + "nplm_torch.py:NPLM",
            "--data", F + "nplm.npz", "--as-written",
            "--param", "C=embed.weight",
            "--param", "Wh=fc1.weight",
            "--param", "bh=fc1.bias",
            "--param", "Wo=fc2.weight",
            "--param", "bo=fc2.bias", *RUN]


def nplm_seq():
    return [F + "nplm_numpy.py:NPLM", "--torch", F + "nplm_seq_torch.py:NPLMSeq",
            "--data", F + "nplm.npz", "--as-written",
            "--param", "params['C']=embed.weight",
            "--param", "params['W1']=mlp.0.weight.T",
            "--param", "params['b1']=mlp.0.bias",
            "--param", "params['W2']=mlp.2.weight.T",
            "--param", "params['b2']=mlp.2.bias", *RUN]


def padlm(numpy="padlm_numpy.py", port="padlm_torch.py"):
    return [F + numpy + ":PadLM", "--torch", F + port + ":PadLM",
            "--data", F + "padlm.npz", "--batch-size", "32", "--as-written",
            "--param", "emb=embedding.weight",
            "--param", "W_h=hidden.weight",
            "--param", "b_h=hidden.bias",
            "--param", "W_out=out.weight",
            "--param", "b_out=out.bias",
            "--param", "W_dir=direct.weight", *RUN]


def padlm_alt():
    return [F + "padlm_numpy.py:PadLM", "--torch", F + "padlm_alt_torch.py:PadLMAlt",
            "--data", F + "padlm.npz", "--batch-size", "32", "--as-written",
            "--param", "emb=E",
            "--param", "W_h=Wh.T",
            "--param", "b_h=bh",
            "--param", "W_out=Wo",
            "--param", "b_out=bo",
            "--param", "W_dir=Wd", *RUN]


CASES = [
    # ---------------------------------------------------------------- PyTorch ports with one bug
    {"id": "UJ01", "side": "port", "args": nplm(port="01_schedorder_port.py"),
     "mechanism": "scheduler.step() called before optimizer.step(): every update uses the "
                  "learning rate one ExponentialLR decay ahead (0.3 * 0.9**(k+1) instead of "
                  "0.3 * 0.9**k)",
     "expected": ("scheduler", "schedule", "learning rate", "decay", "gamma", "order")},
    {"id": "UJ02", "side": "port", "args": nplm(port="02_flatorder_port.py"),
     "mechanism": "context embeddings flattened as embed(X).transpose(1, 2).reshape(N, -1): "
                  "the concatenated vector is ordered (embedding dim, position) instead of "
                  "(position, embedding dim), so fc1 sees its inputs permuted",
     "expected": ("transpose", "flatten", "order", "permut", "layout", "concat")},
    {"id": "UJ03", "side": "port", "args": nplm(port="03_dampening_port.py"),
     "mechanism": "torch.optim.SGD(momentum=0.9, dampening=0.9): the momentum buffer adds "
                  "(1 - 0.9) g after the first step where the NumPy program adds g",
     "expected": ("dampening", "momentum", "buffer", "velocity")},
    {"id": "UJ04", "side": "port", "args": nplm(port="04_gradfreq_port.py"),
     "mechanism": "nn.Embedding(scale_grad_by_freq=True): each row's gradient is divided by "
                  "how often its token occurs in the batch; only the embedding gradient differs",
     "expected": ("embedding", "scale_grad_by_freq", "frequency", "count", "repeated")},
    {"id": "UJ05", "side": "port", "args": padlm(port="05_nopadidx_port.py"),
     "mechanism": "nn.Embedding without padding_idx=0: the pad row receives a gradient and "
                  "is trained, where the NumPy program masks it and keeps it zero",
     "expected": ("padding", "padding_idx", "pad", "mask", "embedding")},
    {"id": "UJ06", "side": "port", "args": padlm(port="06_beta2_port.py"),
     "mechanism": "Adam betas=(0.9, 0.99) where the NumPy program uses beta2 = 0.999: the "
                  "second moment and its bias correction differ",
     "expected": ("beta2", "beta", "second moment", "exp_avg_sq", "0.99")},
    {"id": "UJ07", "side": "port", "args": padlm(port="07_warmupzero_port.py"),
     "mechanism": "warm-up lambda written k / 5 instead of (k + 1) / 5: the first update has "
                  "learning rate 0 and every warm-up step is one step behind",
     "expected": ("warm-up", "warmup", "learning rate", "schedule", "off-by-one", "lambda")},
    {"id": "UJ08", "side": "port", "args": padlm(port="08_labelsmooth_port.py"),
     "mechanism": "F.cross_entropy(..., label_smoothing=0.1): a smoothed target where the "
                  "NumPy program uses the one-hot target",
     "expected": ("label smoothing", "label_smoothing", "smooth", "loss", "target")},
    # ---------------------------------------------------------------- NumPy programs with one bug
    {"id": "UJ09", "side": "numpy", "args": nplm(numpy="09_fancyadd_numpy.py"),
     "mechanism": "embedding gradient accumulated with dC[X] += de instead of np.add.at: a "
                  "token occurring several times in the batch keeps only one contribution",
     "expected": ("add.at", "repeated", "scatter", "duplicate", "embedding", "accumulat")},
    {"id": "UJ10", "side": "numpy", "args": nplm(numpy="10_tanhtwice_numpy.py"),
     "mechanism": "tanh derivative taken as 1 - tanh(h)**2 of the already-activated h "
                  "(instead of 1 - h**2)",
     "expected": ("tanh", "derivative", "activation", "already", "activated")},
    {"id": "UJ11", "side": "numpy", "args": nplm(numpy="11_lrinvel_numpy.py"),
     "mechanism": "learning rate folded into the velocity (v = mu v + lr g; p -= v): with the "
                  "decaying lr the old velocity is not rescaled as torch's p -= lr (mu v + g)",
     "expected": ("velocity", "momentum", "learning rate", "lr", "buffer")},
    {"id": "UJ12", "side": "numpy", "args": nplm(numpy="12_b2mean_numpy.py"),
     "mechanism": "output-bias gradient taken as dz.mean(axis=0) of the already batch-averaged "
                  "dz: b2's gradient divided by N = 48 twice",
     "expected": ("b2", "bias", "mean", "batch", "48", "reduction")},
    {"id": "UJ13", "side": "numpy", "args": padlm(numpy="13_padgrad_numpy.py"),
     "mechanism": "the pad row's embedding gradient is not masked (demb[PAD] = 0 left out), so "
                  "Adam trains the pad vector that padding_idx keeps at zero",
     "expected": ("padding", "pad", "mask", "padding_idx", "embedding")},
    {"id": "UJ14", "side": "numpy", "args": padlm(numpy="14_epsinside_numpy.py"),
     "mechanism": "Adam eps placed inside the square root: sqrt(v_hat + eps) instead of "
                  "sqrt(v_hat) + eps",
     "expected": ("eps", "epsilon", "sqrt", "square root", "denominator")},
    {"id": "UJ15", "side": "numpy", "args": padlm(numpy="15_nodirectdx_numpy.py"),
     "mechanism": "the direct connection's contribution g @ W_dir left out of the context "
                  "vector's gradient: only the embedding gradient misses a term",
     "expected": ("direct", "missing", "term", "embedding", "emb", "skip")},
    {"id": "UJ16", "side": "numpy", "args": padlm(numpy="16_warmupoff_numpy.py"),
     "mechanism": "warm-up factor read after the step counter is incremented: update k uses "
                  "min(1, (k + 2) / 5), the warm-up one step ahead",
     "expected": ("warm-up", "warmup", "learning rate", "schedule", "off-by-one", "step")},
    # ---------------------------------------------------------------- correct variants
    {"id": "UJ17", "side": "correct", "args": nplm_alt(),
     "mechanism": "correct: NumPy NPLM with attribute weights in (out, in) layout, einsum, "
                  "one-hot embedding gradient, in-place momentum, lr *= gamma after each update",
     "expected": ()},
    {"id": "UJ18", "side": "correct", "args": padlm_alt(),
     "mechanism": "correct: port with bare nn.Parameters (hidden weight (in, out)), the pad "
                  "masked by (X != 0), log_softmax + nll_loss, a callable warm-up for LambdaLR",
     "expected": ()},
    {"id": "UJ19", "side": "correct", "args": nplm_seq(),
     "mechanism": "correct: port concatenating per-position embeddings with torch.cat, an "
                  "nn.Sequential MLP, log_softmax + gather loss, LambdaLR(0.9 ** k)",
     "expected": ()},
]
