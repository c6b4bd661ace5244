"""Hundred-and-eighth fresh held-out set for the diagnosis: one planted bug per program in
fresh108/ (eight PyTorch ports, each checked against a NumPy program of its own, and eight NumPy
programs, each checked against a correct port of its own) and three correct programs.
The theme is word embeddings written by hand on integer word ids stored as floats in X (cast
back with astype(int) / .long()). Skip-gram with negative sampling: a centre-word table W_in and
a context-word table W_out, for each row (centre, context, five pre-sampled negatives) the loss
-log sigmoid(u_o . v_c) - sum_k log sigmoid(-u_k . v_c) summed over the terms and the rows, the
gather, the gradients of the dot products and the np.add.at scatter by hand, plain SGD with
word2vec's linearly decaying learning rate LR * max(MIN_FRAC, 1 - t / TOTAL) (LambdaLR in the
port); CBOW on labelled (target, four context words) rows: the mean of the context vectors
scored against the target's output vector plus an output bias, the logistic loss written with
the log-sigmoid (softplus) averaged over the rows, the gradients clipped to a global norm and
Adam; and GloVe on co-occurrence triples (i, j, X_ij) with y = log X_ij: word and context
vectors with word and context biases, the mean of f(x) (w_i . c_j + b_i + bc_j - log x)^2 with
f(x) = min(1, (x / XMAX)^0.75), AdaGrad as torch writes it (sums starting at 0).
fresh108/make_data.py writes the data (word 0 is the most frequent word, a real word).
Same format as cases.py; run with

    python3 scripts/diagnosis_held_out.py --cases fresh108_cases

Each case:
    id          short name (prefixed SD)
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

F = "scripts/diagnosis_sets/fresh108/"

SKIPGRAM, CBOW_DATA, GLOVE_DATA = F + "skipgram.npz", F + "cbow.npz", F + "glove.npz"


def pair(numpy_file: str, numpy_name: str, torch_file: str, torch_name: str, *extra: str) -> list[str]:
    """A NumPy program of the user's own against the user's own port, both as written."""
    return [f"{F}{numpy_file}:{numpy_name}", "--torch", f"{F}{torch_file}:{torch_name}", "--as-written",
            "--init", f"net = {numpy_name}()", *extra]


def params(*pairs: str) -> list[str]:
    return [a for p in pairs for a in ("--param", p)]


SG = ("--data", SKIPGRAM, "--batch-size", "16")
SG_PARAMS = params("params['W_in']=in_embed.weight", "params['W_out']=out_embed.weight")
SG_SYN_PARAMS = params("syn0=in_embed.weight", "syn1neg=out_embed.weight.T")
CB = ("--data", CBOW_DATA, "--batch-size", "16")
CB_PARAMS = params("params['W_in']=in_embed.weight", "params['W_out']=out_embed.weight",
                   "params['b_out']=out_bias")
CB_RAW_PARAMS = params("params['W_in']=context_vectors", "params['W_out']=target_vectors",
                       "params['b_out']=target_bias.weight.reshape(24)")
GL = ("--data", GLOVE_DATA, "--batch-size", "20")
GL_STATE = ("--state", "sum=net.G")
GL_PARAMS = params("params['W']=word.weight", "params['C']=context.weight", "params['b']=word_bias",
                   "params['bc']=context_bias")
GL_FLAT_PARAMS = params("W=word.weight", "C=context.weight", "b=word_bias", "bc=context_bias")

CASES = [
    # ------------------------------------------------------------------ ports
    dict(id="SD01_sg_embedding_max_norm", side="port",
         args=pair("sgns_numpy.py", "SkipGramNS", "01_sg_max_norm_port.py", "SkipGramNS", *SG, *SG_PARAMS),
         mechanism="pair: the port's centre table is nn.Embedding(V, D, max_norm=1.0) (copied from a word2vec "
                   "tutorial): every lookup renormalises, in place, each looked-up row of W_in whose norm "
                   "exceeds 1 down to norm 1, so the centre vectors used in the scores are shrunk, the loss and "
                   "both tables' gradients differ, and W_in's rows change outside the optimizer step",
         expected=("max_norm", "renorm", "norm", "embedding", "nn.embedding", "unit norm", "rescaled",
                   "in place", "in-place", "centre vectors", "lookup", "forward", "shrunk", "w_in",
                   "outside the optimizer")),
    dict(id="SD02_sg_lambda_returns_lr", side="port",
         args=pair("sgns_numpy.py", "SkipGramNS", "02_sg_lambda_absolute_lr_port.py", "SkipGramNS", *SG,
                   *SG_PARAMS),
         mechanism="pair: the LambdaLR lambda returns the learning rate LR * max(MIN_FRAC, 1 - step / TOTAL) "
                   "instead of the factor max(MIN_FRAC, 1 - step / TOTAL): LambdaLR multiplies it by the base "
                   "LR again, so every update uses LR^2 * factor, 20 times (1 / LR) too small; the gradients agree, "
                   "the updates differ by one constant factor at every step",
         expected=("lambdalr", "lr_lambda", "learning rate", "schedule", "scheduler", "factor", "multiplier",
                   "base lr", "lr squared", "lr^2", "too small", "scaled", "constant factor", "linear decay",
                   "update")),
    dict(id="SD03_sg_mean_over_terms", side="port",
         args=pair("sgns_numpy.py", "SkipGramNS", "03_sg_mean_all_terms_port.py", "SkipGramNS", *SG, *SG_PARAMS),
         mechanism="pair: the port reduces the (n, 1 + K) table of log-sigmoid terms with .mean() instead of "
                   ".sum(): the loss is averaged over the 16 rows and the 6 terms of each, so the loss and every "
                   "gradient are 1 / 96 of the NumPy program's summed objective (a constant factor, n * (K + 1))",
         expected=("mean", "sum", "reduction", "average", "averaged", "batch size", "negatives", "terms",
                   "scaled", "factor", "constant factor", "96", "1/96", "normaliz", "loss")),
    dict(id="SD04_cb_padding_idx_zero", side="port",
         args=pair("cbow_numpy.py", "CBOWPairs", "04_cb_padding_idx_port.py", "CBOWPairs", *CB, *CB_PARAMS),
         mechanism="pair: the port's context table is nn.Embedding(V, D, padding_idx=0) although word 0 is a real "
                   "(the most frequent) word: autograd gives row 0 of W_in no gradient, so that row never "
                   "learns and the global clipping norm is computed without its share; the forward and loss agree",
         expected=("padding_idx", "padding", "row 0", "word 0", "index 0", "zero gradient", "no gradient",
                   "frozen", "embedding", "nn.embedding", "w_in", "pad", "gradient", "missing", "clip")),
    dict(id="SD05_cb_clip_by_value", side="port",
         args=pair("cbow_numpy.py", "CBOWPairs", "05_cb_clip_value_port.py", "CBOWPairs", *CB, *CB_PARAMS),
         mechanism="pair: the port clips with clip_grad_value_(params, MAX_NORM), clamping each element to "
                   "[-0.14, 0.14] (never reached: the largest is about 0.1), instead of clip_grad_norm_ scaling all gradients by "
                   "MAX_NORM / global norm: on the steps where the global norm exceeds 0.14 the port's gradients "
                   "are not scaled down, so the gradients, Adam moments and updates differ by a per-step factor",
         expected=("clip", "clipping", "clip_grad_value_", "clip_grad_norm_", "global norm", "norm", "value",
                   "elementwise", "max_norm", "scale", "gradient", "per-step factor", "threshold",
                   "not clipped", "adam")),
    dict(id="SD06_cb_adamw_default_decay", side="port",
         args=pair("cbow_numpy.py", "CBOWPairs", "06_cb_adamw_default_decay_port.py", "CBOWPairs", *CB,
                   *CB_PARAMS),
         mechanism="pair: the port builds torch.optim.AdamW(lr=LR) where the NumPy program is Adam: AdamW's "
                   "default weight_decay=0.01 shrinks every parameter by LR * 0.01 * p each step, a decoupled "
                   "decay proportional to the parameter; the gradients and moments agree, the updates differ",
         expected=("adamw", "adam", "weight decay", "weight_decay", "decoupled", "default", "0.01",
                   "proportional to the parameter", "shrink", "decay", "optimizer", "update", "l2",
                   "regulariz")),
    dict(id="SD07_gl_weight_inside_square", side="port",
         args=pair("glove_numpy.py", "GloVe", "07_gl_weight_inside_square_port.py", "GloVe", *GL, *GL_STATE,
                   *GL_PARAMS),
         mechanism="pair: the port writes the weighted loss as ((f * diff) ** 2).mean() instead of "
                   "(f * diff ** 2).mean(): the weight f(x) is squared, so every pair with x < XMAX is weighted "
                   "f^2 instead of f (f(x) times too little); the loss and all four gradients differ "
                   "through those pairs, pairs at the cap (f = 1) agree",
         expected=("weight", "weighting", "f(x)", "squared", "f^2", "f ** 2", "inside the square",
                   "parenthes", "weighted least squares", "loss", "glove", "xmax", "x_max", "precedence",
                   "residual")),
    dict(id="SD08_gl_weight_of_log_count", side="port",
         args=pair("glove_numpy.py", "GloVe", "08_gl_weight_of_log_count_port.py", "GloVe", *GL, *GL_STATE,
                   *GL_PARAMS),
         mechanism="pair: the port computes the GloVe weighting from the target y = log x instead of the raw "
                   "count x = X[:, 2]: f = min(1, (log x / XMAX)^0.75) is far smaller (0 for x = 1, about 0.5 at "
                   "the largest count, 56), so every pair is under-weighted by a different factor and the loss and all "
                   "gradients differ",
         expected=("weight", "weighting", "f(x)", "log", "log count", "count", "raw count", "target",
                   "wrong variable", "x_ij", "xmax", "glove", "under-weighted", "loss", "y")),
]

CASES += [
    # ------------------------------------------------------------------ NumPy programs
    dict(id="SD09_sg_pos_grad_no_label", side="numpy",
         args=pair("09_sg_pos_grad_no_label_numpy.py", "SkipGramNS", "sgns_torch.py", "SkipGramNS", *SG,
                   *SG_PARAMS),
         mechanism="pair: the hand-written gradient of the positive score is sigmoid(s_pos) instead of "
                   "sigmoid(s_pos) - 1 (the label 1 left out): the true context word is pushed away from the "
                   "centre word as if it were a negative, so W_in's and W_out's gradients are wrong while the loss "
                   "is right",
         expected=("sigmoid", "- 1", "label", "positive", "sign", "log-sigmoid", "logsigmoid", "derivative",
                   "backward", "gradient", "true context", "s_pos", "1 - sigmoid", "negative sampling",
                   "chain rule")),
    dict(id="SD10_sg_centre_grad_no_negatives", side="numpy",
         args=pair("10_sg_centre_grad_no_negatives_numpy.py", "SkipGramNS", "sgns_torch.py", "SkipGramNS", *SG,
                   *SG_PARAMS),
         mechanism="pair: the gradient of the centre vector keeps only the positive term, dv = g_pos * u_o, and "
                   "drops sum_k g_neg_k * u_{n_k} from the negatives: W_in's gradient misses the negative-sampling "
                   "contribution, W_out's gradient and the loss are right",
         expected=("negative", "negatives", "missing term", "centre", "center", "w_in", "input vectors",
                   "gradient", "backward", "sum over", "dv", "negative sampling", "dropped", "partial",
                   "contribution")),
    dict(id="SD11_sg_decay_compounds", side="numpy",
         args=pair("11_sg_decay_compounds_numpy.py", "SkipGramNS", "sgns_torch.py", "SkipGramNS", *SG,
                   *SG_PARAMS),
         mechanism="pair: the linear decay is applied to the current rate, self.lr = self.lr * max(MIN_FRAC, "
                   "1 - t / TOTAL), instead of to the starting rate LR: the factors compound (a product of "
                   "(1 - t/TOTAL) over the steps), so from the third update on the rate falls ever faster below "
                   "the linear schedule; the gradients agree, the updates differ by a ratio that shrinks with the step",
         expected=("learning rate", "schedule", "decay", "linear decay", "compound", "multiplicative",
                   "exponential", "current rate", "initial lr", "starting rate", "self.lr", "ratio", "shrinks",
                   "lambdalr", "update")),
    dict(id="SD12_cb_extra_sigmoid_derivative", side="numpy",
         args=pair("12_cb_extra_sigmoid_derivative_numpy.py", "CBOWPairs", "cbow_torch.py", "CBOWPairs", *CB,
                   *CB_PARAMS),
         mechanism="pair: the gradient of the logistic loss with respect to the score is multiplied by an extra "
                   "sigmoid derivative, (sigmoid(s) - y) * sigmoid(s) (1 - sigmoid(s)) / n instead of "
                   "(sigmoid(s) - y) / n (as if the loss were squared error on the probability): every row's "
                   "gradient is scaled by a different factor below 1/4, all three gradients wrong, the loss right",
         expected=("sigmoid", "derivative", "sigmoid'", "s (1 - s)", "extra factor", "cross-entropy",
                   "logistic", "bce", "with logits", "backward", "gradient", "chain rule", "double",
                   "sigmoid(s) - y", "scaled")),
    dict(id="SD13_cb_adam_v_uncorrected", side="numpy",
         args=pair("13_cb_adam_v_uncorrected_numpy.py", "CBOWPairs", "cbow_torch.py", "CBOWPairs", *CB,
                   *CB_PARAMS),
         mechanism="pair: Adam's second moment is used without its bias correction, v_hat = v instead of "
                   "v / (1 - BETA2^t): early on sqrt(v) is far too small (by sqrt(1 - 0.999^t), about 1/31.6 at "
                   "step 1), so the updates are up to 31.6 times too large, the ratio shrinking with the step; the "
                   "gradients and both moments agree",
         expected=("adam", "bias correction", "second moment", "v_hat", "exp_avg_sq", "1 - beta2", "beta2",
                   "bias-corrected", "update", "too large", "ratio", "step", "optimizer", "sqrt", "denominator")),
    dict(id="SD14_cb_context_slice_short", side="numpy",
         args=pair("14_cb_context_slice_numpy.py", "CBOWPairs", "cbow_torch.py", "CBOWPairs", *CB, *CB_PARAMS),
         mechanism="pair: the context ids are sliced X[:, 1:2 * WINDOW] instead of X[:, 1:1 + 2 * WINDOW]: the "
                   "slice ends one column early, so the fourth context word is dropped and h is the mean of three "
                   "context vectors; the scores, the loss and every gradient differ (the last word's rows get none)",
         expected=("slice", "slicing", "off by one", "off-by-one", "column", "context", "window", "dropped",
                   "missing", "mean", "three", "four", "x[:, 1:", "index", "data")),
    dict(id="SD15_gl_weight_precedence", side="numpy",
         args=pair("15_gl_weight_precedence_numpy.py", "GloVe", "glove_torch.py", "GloVe", *GL, *GL_STATE,
                   *GL_PARAMS),
         mechanism="pair: the weighting is np.minimum(1, x / XMAX ** ALPHA), the power binding to XMAX alone, "
                   "instead of (x / XMAX) ** ALPHA: f(x) = x / 5.62 (capped at 1) instead of (x / 10)^0.75, so "
                   "pairs with counts 2 to 9 get too large a weight (x = 1 and x >= 10 agree); the loss and all "
                   "four gradients differ",
         expected=("precedence", "parenthes", "operator", "power", "exponent", "**", "alpha", "xmax", "x_max",
                   "weight", "weighting", "f(x)", "glove", "loss", "count")),
    dict(id="SD16_gl_context_bias_grad_index", side="numpy",
         args=pair("16_gl_context_bias_grad_index_numpy.py", "GloVe", "glove_torch.py", "GloVe", *GL, *GL_STATE,
                   *GL_PARAMS),
         mechanism="pair: the context-bias gradient is scattered with the word ids, np.add.at(g['bc'], i, gd), "
                   "instead of the context ids j: each pair's residual gradient lands on bc[i] instead of bc[j], so "
                   "bc's gradient (and its AdaGrad sum and update) is wrong; W, C, b and the loss are right",
         expected=("index", "indices", "scatter", "np.add.at", "context bias", "bias", "bc", "wrong index",
                   "word id", "context id", "i instead of j", "backward", "gradient", "rows", "glove")),
]

CASES += [
    # ------------------------------------------------------------------ correct programs
    dict(id="SD17_sg_syn1neg_numpy", side="correct",
         args=pair("sgns_syn_numpy.py", "SkipGramSyn", "sgns_torch.py", "SkipGramNS", *SG, *SG_SYN_PARAMS),
         mechanism="pair: skip-gram in NumPy after word2vec.c: syn0 (V, D) and syn1neg kept transposed (D, V), "
                   "the context and negatives scored together as labelled columns through np.einsum, the loss "
                   "by np.logaddexp with a +-1 label sign, one sigmoid(s) - label gradient, the scatter through "
                   "the transposed view g1.T with np.add.at and a tabulated learning-rate decay; against the "
                   "nn.Embedding port", expected=()),
    dict(id="SD18_cb_raw_param_port", side="correct",
         args=pair("cbow_numpy.py", "CBOWPairs", "cbow_raw_torch.py", "CBOWPairsRaw", *CB, *CB_RAW_PARAMS),
         mechanism="pair: CBOW port with raw nn.Parameter tables read by F.embedding, the mean as a sum over "
                   "the window divided by its width, the bias an nn.Embedding(V, 1) paired through a reshape, "
                   "torch.einsum scores, the logistic loss by F.softplus, global-norm clipping written by hand and "
                   "Adam(foreach=False) over two parameter groups", expected=()),
    dict(id="SD19_gl_flat_vector_numpy", side="correct",
         args=pair("glove_flat_numpy.py", "GloVeFlat", "glove_torch.py", "GloVe", *GL, *GL_FLAT_PARAMS),
         mechanism="pair: GloVe in NumPy with all parameters as reshaped views into one flat vector, the "
                   "gradient built in a flat buffer the same way, one AdaGrad accumulator and one in-place update "
                   "of the whole vector, np.where weighting and np.dot for the weighted sum", expected=()),
]
