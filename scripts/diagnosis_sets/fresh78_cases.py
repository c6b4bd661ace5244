"""Seventy-eighth fresh held-out set for the diagnosis: one planted bug per program in fresh78/
(eight PyTorch ports, each checked against a NumPy program of its own, and eight NumPy programs,
each checked against a correct port of its own) and three correct programs.
The theme is word embeddings and sampled objectives written by hand over integer token ids:
skip-gram with negative sampling (a centre-word and a context-word table, the log-sigmoid of the
dot product with the true context word and of minus the dot products with four negatives fixed in
the data file, averaged over the batch, rows scattered back with np.add.at, plain SGD with a
word2vec-style linear learning-rate decay); CBOW (the mean of the embeddings of the non-PAD context
words, a softmax over a vocabulary of 24 words, cross-entropy averaged over the batch, gradients
clipped to a global norm and AdamW with decoupled weight decay); and GloVe (word and context
vectors with biases, the weighted least squares 0.5 * sum f(x) (w_i . c_j + b_i + bc_j - log x)^2
with f(x) = min(1, (x / x_max)^0.75), AdaGrad whose accumulators start at 1 as in the GloVe code).
fresh78/make_data.py writes the data (token ids stay int64; the GloVe counts are floats).
Same format as cases.py; run with

    python3 scripts/diagnosis_held_out.py --cases fresh78_cases

Each case:
    id          short name (prefixed QZ)
    side        "port", "numpy" or "correct"
    args        the `parity check` argument list (paths relative to the repository root);
                scripts/diagnosis_held_out.py adds --steps 20, --dtype float32 and
                --device cpu where the case does not give them, and --json, --quiet
    mechanism   the planted mechanism, one line (for a correct case, what it exercises)
    expected    keywords (case-insensitive) that an explanation naming the mechanism would
                contain; written from the mechanism, before any run, not from the kit's output;
                () for a correct program

Written without reading the kit's diagnosis rules (nor its findings, nor the diagnosis output
for these programs: they were validated by exit status alone). Each buggy program was checked to
fail (exit 1) and its fix (the bug line the only difference, given in its `# fix:` comment) to
pass (exit 0) under the same arguments; each correct program passes (exit 0).
"""

F = "scripts/diagnosis_sets/fresh78/"

SKIPGRAM, CBOW_DATA, GLOVE_DATA = F + "skipgram.npz", F + "cbow.npz", F + "glove.npz"


def pair(numpy_file: str, numpy_name: str, torch_file: str, torch_name: str, *extra: str) -> list[str]:
    """A NumPy program of the user's own against the user's own port, both as written."""
    return [f"{F}{numpy_file}:{numpy_name}", "--torch", f"{F}{torch_file}:{torch_name}", "--as-written",
            "--init", f"net = {numpy_name}()", *extra]


def params(*pairs: str) -> list[str]:
    return [a for p in pairs for a in ("--param", p)]


SG = ("--data", SKIPGRAM, "--batch-size", "16")
SG_PARAMS = params("params['W_in']=in_embed.weight", "params['W_out']=out_embed.weight")
SG_DENSE_PARAMS = params("params['centre']=in_embed.weight", "params['context_T']=out_embed.weight.T")
CB = ("--data", CBOW_DATA, "--batch-size", "12")
CB_PARAMS = params("params['E']=embed.weight", "params['W']=out.weight.T", "params['b']=out.bias")
CB_BAG_PARAMS = params("params['E']=bag.weight", "params['W']=W", "params['b']=b")
GL = ("--data", GLOVE_DATA, "--batch-size", "30", "--state", "sum=net.gradsq")
GL_PARAMS = params("params['W']=word.weight", "params['Wc']=context.weight", "params['b']=word_bias",
                   "params['bc']=context_bias")
GL_INDEX_PARAMS = params("params['W']=word_vectors", "params['Wc']=context_vectors", "params['b']=word_bias",
                         "params['bc']=context_bias")

CASES = [
    # ------------------------------------------------------------------ ports
    dict(id="QZ01_sg_negative_sign", side="port",
         args=pair("sgns_numpy.py", "SkipGramNS", "01_sg_neg_sign_port.py", "SkipGramNS", *SG, *SG_PARAMS),
         mechanism="pair: the port's negative-sampling term is F.logsigmoid(s_neg) instead of "
                   "F.logsigmoid(-s_neg): the negatives are scored as if they were true context words, so "
                   "the loss and the gradients of both tables differ from the first step (the negative "
                   "words are pulled toward the centre word instead of pushed away)",
         expected=("negative sampling", "negatives", "sign", "logsigmoid", "log-sigmoid", "-s_neg",
                   "minus", "negative score", "label", "flipped", "loss", "sigmoid(-x)", "positive",
                   "skip-gram", "objective")),
    dict(id="QZ02_sg_negatives_centre_table", side="port",
         args=pair("sgns_numpy.py", "SkipGramNS", "02_sg_neg_table_port.py", "SkipGramNS", *SG, *SG_PARAMS),
         mechanism="pair: the port looks the negative words up in the centre-word table, "
                   "self.in_embed(negatives), instead of the context table self.out_embed: the negative "
                   "scores use the wrong vectors, so the loss differs, the negatives' gradient lands in "
                   "in_embed's rows instead of out_embed's, and both tables' gradients are wrong",
         expected=("embedding table", "wrong table", "in_embed", "out_embed", "centre", "context table",
                   "output embedding", "input embedding", "negatives", "lookup", "forward", "swapped",
                   "wrong parameter", "negative sampling", "two tables")),
    dict(id="QZ03_cb_mean_over_padding", side="port",
         args=pair("cbow_numpy.py", "CBOW", "03_cb_pad_mean_port.py", "CBOW", *CB, *CB_PARAMS),
         mechanism="pair: the port's context vector is self.embed(X).mean(dim=1), the mean over all four "
                   "slots with the PAD embeddings included, instead of the masked mean over the real "
                   "context words: rows near a sentence edge (2 or 3 real words) get a different hidden "
                   "vector, so the logits, the loss and every gradient differ, and row 0 (PAD) gets a gradient",
         expected=("padding", "pad", "mask", "masked mean", "mean", "context", "count", "divide",
                   "denominator", "padding_idx", "non-pad", "average", "cbow", "forward", "edge")),
    dict(id="QZ04_cb_clip_after_step", side="port",
         args=pair("cbow_numpy.py", "CBOW", "04_cb_clip_after_step_port.py", "CBOW", *CB, *CB_PARAMS),
         mechanism="pair: the port calls clip_grad_norm_ after optimizer.step() instead of before: AdamW "
                   "steps with the unclipped gradients (its moments built from them), the clipping then only "
                   "rescales .grad, so the gradients agree but the Adam moments and the updates differ "
                   "whenever the global norm exceeds MAX_NORM",
         expected=("clip", "clipping", "clip_grad_norm_", "order", "after", "before", "optimizer.step",
                   "unclipped", "max_norm", "global norm", "update", "exp_avg", "moments", "adamw",
                   "gradient norm")),
    dict(id="QZ05_cb_adam_l2_not_adamw", side="port",
         args=pair("cbow_numpy.py", "CBOW", "05_cb_adam_l2_port.py", "CBOW", *CB, *CB_PARAMS),
         mechanism="pair: the port uses torch.optim.Adam(weight_decay=WD) where the NumPy program does "
                   "AdamW: the decay is added to the gradient as an L2 term (WD * p) and goes through Adam's "
                   "moments and normalisation instead of shrinking the weights by lr * WD * p directly; the "
                   "moments and updates differ",
         expected=("adamw", "adam", "weight decay", "weight_decay", "decoupled", "l2", "coupled",
                   "regulariz", "optimizer", "update", "proportional to the parameter", "moments",
                   "exp_avg", "lr * wd", "decay")),
    dict(id="QZ06_gl_weight_unclamped", side="port",
         args=pair("glove_numpy.py", "GloVe", "06_gl_weight_unclamped_port.py", "GloVe", *GL, *GL_PARAMS),
         mechanism="pair: the port's GloVe weighting is (x / X_MAX) ** ALPHA without the clamp at 1: pairs "
                   "with a count above x_max (about a fifth) get a weight above 1 (up to about 10), so the "
                   "loss and the gradients of the rows in those pairs are too large",
         expected=("weighting", "weight function", "f(x)", "x_max", "clamp", "min(1", "cap", "capped",
                   "clip", "alpha", "0.75", "co-occurrence", "large counts", "glove", "loss")),
    dict(id="QZ07_gl_adagrad_initial_accumulator", side="port",
         args=pair("glove_numpy.py", "GloVe", "07_gl_adagrad_init_port.py", "GloVe", *GL, *GL_PARAMS),
         mechanism="pair: the port's Adagrad leaves initial_accumulator_value at its default 0 where the "
                   "NumPy program starts the squared-gradient sums at 1 (as the GloVe code): the "
                   "accumulator (state 'sum') is smaller by 1 and every update g / sqrt(G) is larger, "
                   "the first one about lr * sign(g); the gradients agree",
         expected=("adagrad", "accumulator", "initial_accumulator_value", "initial value", "gradsq",
                   "sum of squared gradients", "state", "sum", "1.0", "default", "optimizer", "update",
                   "denominator", "sqrt", "initial")),
    dict(id="QZ08_gl_keepdim_broadcast", side="port",
         args=pair("glove_numpy.py", "GloVe", "08_gl_keepdim_port.py", "GloVe", *GL, *GL_PARAMS),
         mechanism="pair: the port sums the dot product with keepdim=True, an (n, 1) column, so adding the "
                   "(n,) biases and subtracting the (n,) log counts broadcasts to an (n, n) table: the loss "
                   "sums f(x) diff^2 over all n^2 combinations of pairs, its value and every gradient wrong",
         expected=("broadcast", "broadcasting", "shape", "keepdim", "(n, 1)", "(n, n)", "column",
                   "outer", "squeeze", "dimension", "all pairs", "n^2", "sum", "loss", "mismatch")),
]

CASES += [
    # ------------------------------------------------------------------ NumPy programs
    dict(id="QZ09_sg_fancy_index_add", side="numpy",
         args=pair("09_sg_fancy_add_numpy.py", "SkipGramNS", "sgns_torch.py", "SkipGramNS", *SG, *SG_PARAMS),
         mechanism="pair: the centre-table gradient is scattered with g_in[X] += du instead of "
                   "np.add.at(g_in, X, du): buffered fancy-index assignment keeps only the last occurrence "
                   "of a centre word repeated in the batch, so the rows of repeated words get one pair's "
                   "gradient instead of the sum (W_in's gradient wrong, W_out's and the loss right)",
         expected=("np.add.at", "add.at", "fancy index", "fancy indexing", "duplicate", "repeated",
                   "scatter", "accumulate", "buffered", "last occurrence", "index_add", "embedding",
                   "sum over occurrences", "backward", "w_in")),
    dict(id="QZ10_sg_decay_off_by_one", side="numpy",
         args=pair("10_sg_decay_offbyone_numpy.py", "SkipGramNS", "sgns_torch.py", "SkipGramNS", *SG,
                   *SG_PARAMS),
         mechanism="pair: the linear learning-rate decay uses LR * (1 - t / TOTAL) with t already counted "
                   "for this update instead of LR * (1 - (t - 1) / TOTAL): every update, the first included, "
                   "uses the next step's smaller rate (a ratio 1 - 1/(TOTAL - t + 1) that shrinks with the "
                   "step); the gradients agree",
         expected=("learning rate", "schedule", "decay", "linear decay", "off by one", "off-by-one",
                   "step count", "t - 1", "one step ahead", "lambdalr", "lr", "update", "ratio",
                   "first step", "scheduler")),
    dict(id="QZ11_cb_backward_no_count", side="numpy",
         args=pair("11_cb_backward_count_numpy.py", "CBOW", "cbow_torch.py", "CBOW", *CB, *CB_PARAMS),
         mechanism="pair: the backward of the context mean sends dh to each real context word without "
                   "dividing by the row's count of non-PAD words: the embedding gradient of every context "
                   "row is 2 to 4 times too large (the forward and loss right, W and b right before "
                   "clipping; the global clip then rescales all)",
         expected=("mean", "count", "divide", "1/count", "context", "average", "backward", "gradient",
                   "embedding", "scale", "too large", "chain rule", "masked mean", "cbow", "missing factor")),
    dict(id="QZ12_cb_decay_without_lr", side="numpy",
         args=pair("12_cb_decay_no_lr_numpy.py", "CBOW", "cbow_torch.py", "CBOW", *CB, *CB_PARAMS),
         mechanism="pair: the decoupled weight decay shrinks each parameter by p *= 1 - WD instead of "
                   "1 - LR * WD: the decay is 1/LR = 20 times too strong (5% of each weight per step "
                   "instead of 0.25%); gradients and Adam moments agree, the updates differ by a term "
                   "proportional to the parameter",
         expected=("weight decay", "decoupled", "adamw", "learning rate", "lr * wd", "lr", "missing factor",
                   "proportional to the parameter", "shrink", "decay", "update", "optimizer", "too strong",
                   "weight_decay")),
    dict(id="QZ13_cb_clip_per_tensor", side="numpy",
         args=pair("13_cb_clip_per_tensor_numpy.py", "CBOW", "cbow_torch.py", "CBOW", *CB, *CB_PARAMS),
         mechanism="pair: each gradient is clipped to MAX_NORM by its own norm instead of all by one "
                   "coefficient from the global norm over the parameters: a tensor is scaled only when its own "
                   "norm exceeds the threshold (mostly not), where clip_grad_norm_ shrinks them all together, so the "
                   "gradients differ by a per-step factor whenever the global norm exceeds MAX_NORM",
         expected=("clip", "clipping", "global norm", "per-tensor", "per parameter", "clip_grad_norm_",
                   "max_norm", "total norm", "norm", "coefficient", "factor", "scaled", "gradient",
                   "each parameter")),
    dict(id="QZ14_gl_word_bias_twice", side="numpy",
         args=pair("14_gl_bias_table_numpy.py", "GloVe", "glove_torch.py", "GloVe", *GL, *GL_PARAMS),
         mechanism="pair: the prediction adds the word bias of the context word, b[j], instead of the "
                   "context bias bc[j]: the residuals, the loss and every gradient differ, and the backward "
                   "(written for bc[j]) no longer matches the forward",
         expected=("bias", "context bias", "word bias", "bc", "b[j]", "wrong table", "wrong parameter",
                   "index", "forward", "prediction", "glove", "residual", "inconsistent", "bias term")),
    dict(id="QZ15_gl_grad_without_weight", side="numpy",
         args=pair("15_gl_grad_no_weight_numpy.py", "GloVe", "glove_torch.py", "GloVe", *GL, *GL_PARAMS),
         mechanism="pair: the hand-written gradient drops the weighting, g = diff instead of f(x) * diff: "
                   "the loss is weighted by f(x) but the backward is not, so every pair with x < x_max "
                   "pushes 1/f(x) times too hard; all four gradients wrong, the loss right",
         expected=("weighting", "weight function", "f(x)", "fx", "missing factor", "backward", "gradient",
                   "x_max", "weighted least squares", "chain rule", "inconsistent", "loss and gradient",
                   "glove", "co-occurrence")),
    dict(id="QZ16_gl_adagrad_stale_accumulator", side="numpy",
         args=pair("16_gl_adagrad_order_numpy.py", "GloVe", "glove_torch.py", "GloVe", *GL, *GL_PARAMS),
         mechanism="pair: the AdaGrad update divides by sqrt(G) before the current squared gradient is "
                   "added to G (the accumulation moved after the update): each step uses the previous "
                   "step's accumulator, so the updates are larger (the first one is LR * g instead of "
                   "LR * g / sqrt(1 + g^2)); gradients and the accumulator agree after the step",
         expected=("adagrad", "accumulator", "order", "before", "after", "stale", "previous step",
                   "sum of squared gradients", "gradsq", "sqrt", "denominator", "update", "optimizer",
                   "state")),
]

CASES += [
    # ------------------------------------------------------------------ correct programs
    dict(id="QZ17_sg_dense_onehot_numpy", side="correct",
         args=pair("sgns_dense_numpy.py", "SkipGramDense", "sgns_torch.py", "SkipGramNS", *SG,
                   *SG_DENSE_PARAMS),
         mechanism="pair: skip-gram with negative sampling in NumPy with the context table kept transposed "
                   "(DIM, VOCAB), one-hot matrix products instead of indexing, scores for the whole "
                   "vocabulary gathered with np.take_along_axis, dense gradients by matrix products (no "
                   "np.add.at), a tanh sigmoid, separate backward() and update() and a precomputed list of "
                   "learning rates; against the nn.Embedding port", expected=()),
    dict(id="QZ18_cb_embeddingbag_port", side="correct",
         args=pair("cbow_numpy.py", "CBOW", "cbow_bag_torch.py", "CBOWBag", *CB, *CB_BAG_PARAMS),
         mechanism="pair: CBOW port with nn.EmbeddingBag(mode='mean', padding_idx=0) leaving PAD out of the "
                   "mean, a raw (DIM, VOCAB) output weight through torch.addmm, F.nll_loss of log_softmax, "
                   "global-norm clipping written by hand and AdamW over an explicit parameter group",
         expected=()),
    dict(id="QZ19_gl_index_select_port", side="correct",
         args=pair("glove_numpy.py", "GloVe", "glove_index_torch.py", "GloVeIndex", *GL, *GL_INDEX_PARAMS),
         mechanism="pair: GloVe port with raw nn.Parameter tables read by torch.index_select, the biases by "
                   "F.embedding over a (VOCAB, 1) view, torch.einsum dot products, torch.minimum for the "
                   "weighting, torch.dot for the weighted sum and Adagrad(foreach=False) over two parameter "
                   "groups, accumulators starting at 1", expected=()),
]
