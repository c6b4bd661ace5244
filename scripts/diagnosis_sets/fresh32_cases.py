"""Thirty-second fresh held-out set for the diagnosis: one planted bug per program in fresh32/
(eight PyTorch ports, five of them checked against a NumPy program of their own, and eight NumPy
programs, six of them checked against a correct port of their own) and three correct programs
in unusual styles. The theme is language and sequence models written from scratch in NumPy and
their PyTorch ports: Karpathy's min-char-rnn (one-hot characters, a tanh recurrence,
back-propagation through time with dhnext, gradients clipped with np.clip, the gist's Adagrad),
an Elman character model ported to nn.RNN, a single causal self-attention head with learned
positional embeddings (nanoGPT's Head), a Bengio-style trigram model with fairseq's label
smoothing, word2vec skip-gram with negative sampling and CBOW, next-word models with tied input
and output embeddings, and neural bigram models whose one-hot input is an embedding lookup
(checked against the kit's own dense network); ports with nn.Embedding, nn.RNN,
F.cross_entropy (label_smoothing), clip_grad_value_ and torch.optim.Adagrad.
fresh32/make_data.py writes the data (chars, attn, trigram, skipgram, cbow, bigram).
Same format as cases.py; run with

    python3 scripts/diagnosis_held_out.py --cases fresh32_cases

Each case:
    id          short name (prefixed PF; PFC for the correct programs)
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
of the development set (cases.py), fresh/, fresh2/, ..., fresh30/. Each buggy program was
checked to fail (exit 1) and its fix (the line marked `# fix:`, the only difference) to pass
(exit 0) under the same arguments; each correct program passes (exit 0).
"""

from case_args import in_folder

F = "scripts/diagnosis_sets/fresh32/"
port, numpy_net = in_folder(F)

CHARS, ATTN, TRIGRAM = F + "chars.npz", F + "attn.npz", F + "trigram.npz"
SKIPGRAM, CBOW, BIGRAM = F + "skipgram.npz", F + "cbow.npz", F + "bigram.npz"


def pair(numpy_file: str, numpy_name: str, torch_file: str, torch_name: str, *extra: str) -> list[str]:
    """A NumPy program of the user's own against the user's own port, both as written."""
    return [f"{F}{numpy_file}:{numpy_name}", "--torch", f"{F}{torch_file}:{torch_name}", "--as-written",
            "--init", f"net = {numpy_name}()", *extra]


def params(*pairs: str) -> list[str]:
    return [a for p in pairs for a in ("--param", p)]


def torch_params(*pairs: str) -> list[str]:
    return [a for p in pairs for a in ("--torch-param", p)]


RNN_PARAMS = params("Wxh=Wxh.weight.T", "Whh=Whh.weight", "bh=Whh.bias", "Why=Why.weight", "by=Why.bias")
ELMAN_PARAMS = params("params['W_ih']=rnn.weight_ih_l0", "params['W_hh']=rnn.weight_hh_l0",
                      "params['b_ih']=rnn.bias_ih_l0", "params['b_hh']=rnn.bias_hh_l0",
                      "params['W_out']=head.weight", "params['b_out']=head.bias")
ATTN_PARAMS = params("params['E']=tok.weight", "params['P']=pos.weight", "params['Wq']=query.weight.T",
                     "params['Wk']=key.weight.T", "params['Wv']=value.weight.T", "params['Wo']=lm_head.weight.T",
                     "params['bo']=lm_head.bias")
TRIGRAM_PARAMS = params("C=emb.weight", "W1=hidden.weight.T", "b1=hidden.bias", "W2=out.weight.T", "b2=out.bias")
SKIPGRAM_PARAMS = params("W_in=in_embed.weight", "W_out=out_embed.weight")
TIED_PARAMS = params("E=emb.weight", "W=proj.weight.T", "b=proj.bias", "c=out_bias")
CBOW_PARAMS = params("E=embeddings.weight", "W=linear.weight.T", "b=linear.bias")
POS_PARAMS = params("params['E']=wte.weight", "params['P']=wpe.weight", "params['W']=fc.weight.T",
                    "params['b']=fc.bias", "params['Wo']=lm_head.weight.T", "params['bo']=lm_head.bias")
BIGRAM_PORT = torch_params("emb.weight=W1", "emb_bias=b1", "out.weight=W2.T", "out.bias=b2")
BIGRAM_MODEL = ["--data", BIGRAM, "--hidden-activation", "tanh", "--output-activation", "softmax", "--loss", "ce"]

CASES = [
    # ------------------------------------------------------------------ ports
    dict(id="PF01_char_rnn_clip", side="port",
         args=pair("correct_01_char_rnn_numpy.py", "CharRNN", "01_char_rnn_torch.py", "CharRNN",
                   "--data", CHARS, "--batch-size", "8", *RNN_PARAMS),
         mechanism="pair: the port translates min-char-rnn's np.clip(dparam, -CLIP, CLIP, out=dparam) into "
                   "p.grad.clamp_(max=CLIP) with no min: only the upper bound is applied, so gradient entries below "
                   "-CLIP = -0.5 reach Adagrad unclipped (a one-sided clip) where the NumPy program clamps them to -0.5; "
                   "positive entries are clipped alike",
         expected=("clip", "clamp", "clamp_", "one-sided", "one sided", "min=", "lower bound", "upper bound only",
                   "negative", "-clip", "-0.5", "np.clip", "clip_grad_value_", "unclipped", "not clipped",
                   "asymmetric")),
    dict(id="PF02_char_elman_rnn", side="port",
         args=pair("02_char_elman_numpy.py", "CharElman", "02_char_elman_torch.py", "CharElman",
                   "--data", CHARS, "--batch-size", "8", *ELMAN_PARAMS),
         mechanism="pair: the port hands F.cross_entropy the batch-first logits of shape (n, T, V) as they are; "
                   "cross_entropy takes dimension 1 as the classes, so with T = V = 8 it runs, normalising each softmax "
                   "over the 8 positions of a sequence (one per vocabulary column) and reading y[:, j], the next "
                   "character at position j, as the target position of vocabulary column j, instead of over the "
                   "vocabulary at each position (logits.transpose(1, 2), or a reshape to (n T, V), meant)",
         expected=("cross_entropy", "class dimension", "classes", "dim=1", "dimension 1", "transpose(1, 2)",
                   "transpose", "permute", "reshape", "time axis", "over the positions", "sequence axis",
                   "wrong axis", "softmax over time", "vocabulary", "batch_first", "(n, c")),
    dict(id="PF03_attention_head", side="port",
         args=pair("03_attention_numpy.py", "AttentionLM", "03_attention_torch.py", "AttentionLM",
                   "--data", ATTN, "--batch-size", "8", *ATTN_PARAMS),
         mechanism="pair: the causal mask line wei.masked_fill(tril == 0, -inf) is out of place and its result is "
                   "discarded (wei = wei.masked_fill(...) or masked_fill_ meant): the scores are never masked, so every "
                   "position attends to the later positions too (the softmax runs over all 6 positions), where the NumPy "
                   "program sets the future scores to -inf",
         expected=("masked_fill", "masked_fill_", "in place", "in-place", "out of place", "discarded", "not assigned",
                   "return value", "mask", "causal", "future", "look-ahead", "no mask", "unmasked", "tril", "-inf",
                   "attends to")),
    dict(id="PF04_trigram_smoothing", side="port",
         args=pair("04_trigram_numpy.py", "TrigramLM", "04_trigram_torch.py", "TrigramLM",
                   "--data", TRIGRAM, "--batch-size", "10", *TRIGRAM_PARAMS),
         mechanism="pair: the NumPy program smooths the labels as fairseq does, 1 - EPS on the true word and EPS / (V - "
                   "1) on each other word, but the port passes label_smoothing=EPS to F.cross_entropy, which mixes with "
                   "the uniform distribution over all V words: targets 1 - EPS + EPS / V = 0.91 and EPS / V = 0.01 "
                   "instead of 0.9 and 0.0111 (label_smoothing=EPS * V / (V - 1) meant), so each logit gradient is off "
                   "by EPS / V = 0.01 / n at the true word and -EPS / (V (V - 1)) / n at the others",
         expected=("label_smoothing", "label smoothing", "smoothing", "eps / (v - 1)", "eps / v", "epsilon",
                   "uniform", "other classes", "all classes", "including the true", "v / (v - 1)", "fairseq",
                   "convention", "target distribution", "smoothed targets", "0.91", "0.0111")),
    dict(id="PF05_skipgram_negative_sampling", side="port",
         args=pair("05_skipgram_numpy.py", "SkipGramNS", "05_skipgram_torch.py", "SkipGramNS",
                   "--data", SKIPGRAM, "--batch-size", "10", *SKIPGRAM_PARAMS),
         mechanism="pair: the port scores each (centre, context or negative) pair with F.cosine_similarity of the two "
                   "embeddings (the similarity used to evaluate word vectors) where skip-gram with negative sampling, as "
                   "the NumPy program, uses their dot product u . v: every logit is divided by |u| |v| and bounded in "
                   "[-1, 1], and the gradients carry the normalisation's extra terms",
         expected=("cosine", "cosine_similarity", "cosine similarity", "dot product", "normalis", "normaliz", "norm",
                   "|u| |v|", "divided by the norms", "magnitude", "unit length", "[-1, 1]", "bounded", "score",
                   "logit")),
    dict(id="PF06_tied_bigram", side="port",
         args=port("06_tied_bigram_port.py", "Net", *BIGRAM_PORT, *BIGRAM_MODEL,
                   "--optimizer", "adam", "--lr", "0.05"),
         mechanism="the port ties its output projection to the embedding (Press & Wolf weight tying), logits = "
                   "F.linear(h, emb.weight, out.bias), where the kit's NumPy network has separate output weights W2: the "
                   "logits use W1^T instead of W2, out.weight (W2) is never used (no gradient, never moves), and W1 also "
                   "takes the output layer's gradient",
         expected=("tie", "tied", "tying", "weight tying", "shared", "emb.weight", "embedding", "output projection",
                   "w1.t", "w1 transposed", "out.weight", "never used", "unused", "no gradient", "never moves", "w2",
                   "press")),
    dict(id="PF07_bigram_perplexity", side="port",
         args=port("07_bigram_perplexity_port.py", "Net", *BIGRAM_PORT, *BIGRAM_MODEL, "--batch-size", "10",
                   "--optimizer", "momentum", "--momentum", "0.9", "--lr", "0.2"),
         mechanism="train_step calls backward() on the perplexity exp(loss), computed for the log, instead of on the "
                   "cross-entropy loss: every gradient is multiplied by exp(loss), the perplexity (about the vocabulary "
                   "size at the start, falling as the model learns), a factor that changes from step to step",
         expected=("perplexity", "exp(loss)", "exp", "exponential", "backward on", "wrong tensor", "scaled by",
                   "factor", "changes every step", "varying", "e^loss", "ppl", "loss.backward", "multiplied by")),
    dict(id="PF08_bigram_zloss", side="port",
         args=port("08_bigram_zloss_port.py", "Net", *BIGRAM_PORT, *BIGRAM_MODEL,
                   "--optimizer", "adam", "--lr", "0.05", "--dtype", "float64"),
         mechanism="train_step keeps the auxiliary z-loss of PaLM-style LLM training, 1e-4 * mean(logsumexp(z)^2), added "
                   "to the cross-entropy: every logit gradient gains 2e-4 * log Z * softmax(z) / n (a push of the "
                   "log-partition towards 0) that the kit's NumPy network does not have (small: checked in float64)",
         expected=("z-loss", "z loss", "zloss", "logsumexp", "log z", "log-partition", "partition function",
                   "normaliser", "normalizer", "auxiliary", "extra term", "penalty", "1e-4", "palm", "regulari",
                   "additional loss")),
]

CASES += [
    # ------------------------------------------------------------------ NumPy programs
    dict(id="PF09_char_rnn_bptt", side="numpy",
         args=pair("09_char_rnn_numpy.py", "CharRNN", "correct_01_char_rnn_torch.py", "CharRNN",
                   "--data", CHARS, "--batch-size", "8", *RNN_PARAMS),
         mechanism="pair: in back-propagation through time the gradient sent to the previous step is dhnext = dh @ Whh, "
                   "taken from dh before the tanh derivative, instead of dhraw @ Whh with dhraw = (1 - h_t^2) dh: every "
                   "step back through the recurrence skips the factor 1 - h_t^2 (<= 1), so the gradients that cross "
                   "time (Wxh, Whh, bh) are wrong, mostly too large; Why and by are right",
         expected=("dhnext", "dh_next", "dhraw", "tanh derivative", "1 - h^2", "1 - h**2", "1 - tanh", "through time",
                   "bptt", "recurren", "whh", "skipped", "missing derivative", "before the nonlinearity",
                   "previous step", "backprop through time")),
    dict(id="PF10_tied_lm_adagrad", side="numpy",
         args=pair("10_tied_lm_numpy.py", "TiedLM", "10_tied_lm_torch.py", "TiedLM",
                   "--data", TRIGRAM, "--batch-size", "10", *TIED_PARAMS),
         mechanism="pair: the tied embedding E is listed twice in min-char-rnn's Adagrad update loop, once with the "
                   "lookup's gradient and once with the output projection's: E takes two successive Adagrad steps, its "
                   "memory accumulating each part's square (mem += dE_in^2, then mem += dE_out^2), instead of one step "
                   "with the summed gradient (mem += (dE_in + dE_out)^2); E's update and accumulator are wrong, its "
                   "reported gradient and W, b, c are right",
         expected=("tied", "tie", "twice", "two updates", "two steps", "listed twice", "summed gradient",
                   "sum of the gradients", "de_in + de_out", "adagrad", "accumulator", "mem", "squares", "separately",
                   "cross term", "embedding")),
    dict(id="PF11_cbow_window", side="numpy",
         args=pair("11_cbow_numpy.py", "CBOW", "11_cbow_torch.py", "CBOW",
                   "--data", CBOW, "--batch-size", "10", *CBOW_PARAMS),
         mechanism="pair: the CBOW context is sliced np.concatenate([X[:, :C], X[:, C:]]) instead of X[:, C + 1:]: the "
                   "centre word, the target, is included in its own context (5 words averaged instead of the 4 around "
                   "it), so the hidden vector, the prediction and every gradient differ from the port's",
         expected=("context", "centre", "center", "target word", "included", "leak", "slice", "off by one",
                   "off-by-one", "c + 1", "c+1", "window", "5 words", "own context", "cbow", "answer")),
    dict(id="PF12_attention_mask", side="numpy",
         args=pair("12_attention_numpy.py", "AttentionLM", "12_attention_torch.py", "AttentionLM",
                   "--data", ATTN, "--batch-size", "8", *ATTN_PARAMS),
         mechanism="pair: the causal mask is applied by multiplying the scores by the 0/1 lower-triangular mask, s * "
                   "tril, instead of setting the future scores to -inf before the softmax: the future positions get "
                   "score 0 and weight exp(0) before normalising, so every position but the last attends to the future "
                   "(and the backward pass, written for a -inf mask, sends gradient through those weights)",
         expected=("mask", "multipl", "-inf", "infinity", "zero score", "score 0", "exp(0)", "future", "causal",
                   "look-ahead", "leak", "tril", "np.where", "masked_fill", "attends")),
    dict(id="PF13_char_rnn_adagrad_clip", side="numpy",
         args=pair("13_char_rnn_numpy.py", "CharRNN", "correct_01_char_rnn_torch.py", "CharRNN",
                   "--data", CHARS, "--batch-size", "8", *RNN_PARAMS),
         mechanism="pair: Adagrad's memory accumulates the squares of the unclipped gradients (copies kept to log the "
                   "norms), mem += raw * raw, while the step uses the clipped ones: wherever a gradient exceeds CLIP = "
                   "0.5 the denominator sqrt(mem + 1e-8) is too large and that step and later ones too small, where the "
                   "port accumulates the clipped gradients (clip_grad_value_ before Adagrad's step)",
         expected=("adagrad", "accumulator", "mem", "sum of squares", "unclipped", "before clipping", "clip",
                   "clipped", "raw gradient", "denominator", "too large", "too small", "order", "np.clip",
                   "clip_grad_value_")),
    dict(id="PF14_lazy_adam_bigram", side="numpy",
         args=numpy_net("14_lazy_adam_bigram.py", "BigramNet", "--init", "BigramNet()", "--step", "net.train_step(X, y)",
                        *params("emb=W1", "b_h=b1", "W_out=W2", "b_out=b2"), *BIGRAM_MODEL, "--batch-size", "8",
                        "--optimizer", "adam", "--lr", "0.05"),
         mechanism="lazy (sparse) Adam for the embedding table: only the rows of the words in the mini-batch "
                   "(np.unique(words)) have their moments updated and move; the other rows keep stale m and v and take "
                   "no step, where torch's dense Adam decays every row's moments and keeps moving rows whose gradient is "
                   "zero by their momentum (equal on step 1, rows absent from a batch differ from step 2)",
         expected=("lazy", "sparse", "lazyadam", "sparseadam", "rows", "only the rows", "in the batch", "absent",
                   "unique", "moments", "momentum", "decay", "zero gradient", "embedding", "not updated", "stale")),
    dict(id="PF15_bigram_scores", side="numpy",
         args=numpy_net("15_bigram_scores.py", "BigramScores", "--init", "BigramScores()",
                        "--step", "net.train_step(X, y)", *BIGRAM_MODEL, "--optimizer", "momentum",
                        "--momentum", "0.9", "--lr", "0.5"),
         mechanism="typo in the cs231n score gradient: dscores[range(n), labels] = -1 (assigned) instead of -= 1: each "
                   "row's label entry is -1 instead of p_label - 1, so the label logit's gradient is -1/n whatever its "
                   "probability (too negative by p_label / n), while the other classes keep p / n",
         expected=("= -1", "-= 1", "assign", "assigned", "overwrit", "instead of subtract", "p - 1", "p_label",
                   "target class", "label logit", "true class", "probability", "typo", "dscores", "minus one")),
    dict(id="PF16_positional_lm", side="numpy",
         args=pair("16_positional_numpy.py", "PositionalLM", "16_positional_torch.py", "PositionalLM",
                   "--data", CHARS, "--batch-size", "8", *POS_PARAMS),
         mechanism="pair: the positional embeddings are looked up with the token ids, P[X], instead of the positions, "
                   "P[arange(T)] (copied from E[X]; it runs because the alphabet and the block both have 8 entries): "
                   "each character adds the positional vector of its own id, so the input ignores its position, while "
                   "the backward pass (dP summed over the batch per position) is the one for P[arange(T)]",
         expected=("position", "positional", "arange", "positions", "token ids", "indexed by token", "index", "p[x]",
                   "wpe", "pos_emb", "learned positional", "copy-paste", "instead of the position", "idx")),
]

CASES += [
    # ------------------------------------------------------------------ correct programs
    dict(id="PFC1_min_char_rnn", side="correct",
         args=pair("correct_01_char_rnn_numpy.py", "CharRNN", "correct_01_char_rnn_torch.py", "CharRNN",
                   "--data", CHARS, "--batch-size", "8", *RNN_PARAMS),
         mechanism="pair: Karpathy's min-char-rnn batched (one-hot inputs times Wxh, states in a dict keyed by time with "
                   "hs[-1] = 0, the loss summed over the positions, BPTT with dhnext, np.clip(..., out=dparam), Adagrad "
                   "with eps inside the root, sqrt(mem + 1e-8)) against a port with nn.Embedding for the one-hot product "
                   "(Wxh.T), a hand-unrolled recurrence, F.cross_entropy(reduction='sum') / n, clip_grad_value_ and "
                   "torch.optim.Adagrad(initial_accumulator_value=1e-8, eps=0), which reproduces the gist's denominator",
         expected=()),
    dict(id="PFC2_functional_bigram_port", side="correct",
         args=port("correct_02_bigram_port.py", "Net",
                   *torch_params("table=W1", "hidden_bias=b1", "proj=W2", "proj_bias=b2"), *BIGRAM_MODEL,
                   "--batch-size", "8", "--shuffle", "--optimizer", "nesterov", "--momentum", "0.9", "--lr", "0.3"),
         mechanism="port: the one-hot rows turned back into ids with argmax, F.embedding on a raw Parameter table (W1 as "
                   "it is, no transpose), torch.addmm with a raw (in, out) output weight, the mean negative "
                   "log-likelihood as logsumexp(z) - z.gather(label), zero_grad(set_to_none=True); the kit's Nesterov, "
                   "shuffled mini-batches",
         expected=()),
    dict(id="PFC3_bincount_bigram", side="correct",
         args=numpy_net("correct_03_bigram_bincount.py", "BincountBigram", "--init", "BincountBigram()",
                        "--step", "net.train_step(X, y)",
                        *params("table=W1", "shift=b1", "readout=W2", "readout_bias=b2"), *BIGRAM_MODEL,
                        "--optimizer", "ema-momentum", "--momentum", "0.9", "--lr", "0.5"),
         mechanism="NumPy: word ids read off the one-hot rows as X @ arange(V), rows fetched with np.take, the embedding "
                   "gradient built per hidden unit with np.bincount(weights=, minlength=V) cast back from float64, the "
                   "logits shifted by the batch's single largest logit, the labels' log-probabilities picked with a "
                   "boolean mask, tanh derivative (1 - h)(1 + h), EMA momentum whose averages start as the scalar 0.0, "
                   "parameters rebound with setattr; against the kit's twin",
         expected=()),
]
