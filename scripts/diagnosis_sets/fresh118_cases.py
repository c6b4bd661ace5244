"""Hundred-and-eighteenth fresh held-out set for the diagnosis: one planted bug per program in
fresh118/ (eight PyTorch ports, each checked against a NumPy program of its own, and eight NumPy
programs, each checked against a correct port of its own) and three correct programs.
The theme is attention blocks written by hand over short sequences stored flat in X. A token
classifier: ids (0 = padding) looked up in an embedding table plus a learned position table, one
head of scaled dot-product self-attention with the padded keys masked, an output projection, the
residual and a post-norm layer norm, the non-padded positions mean-pooled into a linear classifier,
softmax cross-entropy, AdamW after global-norm clipping with a linear warmup and linear decay; a
pre-norm block for sequence regression: readings projected and given a sinusoidal positional
encoding, two-head causal attention and a ReLU MLP, each pre-normed with its residual, the last
time step read out, mean squared error, Adam (betas 0.9, 0.98, eps 1e-9); and a set classifier
with a learned CLS vector in front of the events and a learned position table, one head of
unmasked attention, the residual and a post-norm layer norm, the CLS position read into a logit,
binary cross-entropy on the logit, SGD with heavy-ball momentum, L2 weight decay in the gradient
and cosine annealing to a floor. The NumPy programs write the backward through the softmax
attention and the layer norms by hand. fresh118/make_data.py writes the data.
Same format as cases.py; run with

    python3 scripts/diagnosis_held_out.py --cases fresh118_cases

Each case:
    id          short name (prefixed SN)
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

F = "scripts/diagnosis_sets/fresh118/"

TOKENS, SERIES, EVENTS = F + "tokens.npz", F + "series.npz", F + "events.npz"


def pair(numpy_file: str, numpy_name: str, torch_file: str, torch_name: str, *extra: str) -> list[str]:
    """A NumPy program of the user's own against the user's own port, both as written."""
    return [f"{F}{numpy_file}:{numpy_name}", "--torch", f"{F}{torch_file}:{torch_name}", "--as-written",
            "--init", f"net = {numpy_name}()", *extra]


def params(*pairs: str) -> list[str]:
    return [a for p in pairs for a in ("--param", p)]


TOK = ("--data", TOKENS, "--batch-size", "16")
TOK_PARAMS = params("params['E']=emb.weight", "params['P']=pos", "params['Wq']=q.weight.T",
                    "params['Wk']=k.weight.T", "params['Wv']=v.weight.T", "params['Wo']=out.weight.T",
                    "params['bo']=out.bias", "params['g']=ln.weight", "params['beta']=ln.bias",
                    "params['Wc']=cls.weight.T", "params['bc']=cls.bias")
TOK_ALT_PARAMS = params("E=emb.weight", "P=pos", "W_q=q.weight.T", "W_k=k.weight.T", "W_v=v.weight.T",
                        "W_o=out.weight.T", "b_o=out.bias", "gamma=ln.weight", "shift=ln.bias",
                        "W_cls=cls.weight.T", "b_cls=cls.bias")
SER = ("--data", SERIES)
SER_PARAMS = params("params['W_in']=inp.weight.T", "params['b_in']=inp.bias", "params['g1']=ln1.weight",
                    "params['b1']=ln1.bias", "params['Wq']=q.weight.T", "params['Wk']=k.weight.T",
                    "params['Wv']=v.weight.T", "params['Wo']=proj.weight.T", "params['bo']=proj.bias",
                    "params['g2']=ln2.weight", "params['b2']=ln2.bias", "params['W1']=fc1.weight.T",
                    "params['c1']=fc1.bias", "params['W2']=fc2.weight.T", "params['c2']=fc2.bias",
                    "params['W_out']=head.weight.T", "params['b_out']=head.bias")
SER_RAW_PARAMS = params("params['W_in']=w_in", "params['b_in']=b_in", "params['g1']=g1", "params['b1']=b1",
                        "params['Wq']=w_q", "params['Wk']=w_k", "params['Wv']=w_v", "params['Wo']=w_o",
                        "params['bo']=b_o", "params['g2']=g2", "params['b2']=b2", "params['W1']=w_1",
                        "params['c1']=c_1", "params['W2']=w_2", "params['c2']=c_2",
                        "params['W_out']=w_out", "params['b_out']=b_out")
CLS = ("--data", EVENTS, "--batch-size", "12")
CLS_PARAMS = params("params['cls']=cls", "params['P']=pos", "params['Wq']=q.weight.T", "params['Wk']=k.weight.T",
                    "params['Wv']=v.weight.T", "params['g']=ln.weight", "params['beta']=ln.bias",
                    "params['Wc']=head.weight.T", "params['bc']=head.bias")
CLS_OUTIN_PARAMS = params("params['cls']=cls", "params['P']=pos", "params['Wq']=q.weight", "params['Wk']=k.weight",
                          "params['Wv']=v.weight", "params['g']=ln.weight", "params['beta']=ln.bias",
                          "params['Wc']=head.weight", "params['bc']=head.bias")

CASES = [
    # ------------------------------------------------------------------ ports
    dict(id="SN01_tok_mask_query_axis", side="port",
         args=pair("token_attn_numpy.py", "TokenAttention", "01_tok_mask_query_axis_port.py", "TokenAttention",
                   *TOK, *TOK_PARAMS),
         mechanism="pair: the padding mask is broadcast over the wrong axis, masked_fill(pad[:, :, None]) instead of "
                   "pad[:, None, :]: it masks the padded queries (rows, which then attend uniformly) instead of the "
                   "padded keys, so every real token also attends to the padding positions; the attention, the pooled "
                   "features, the loss and every gradient differ from step 1 (and E's padding row gets a gradient)",
         expected=("padding mask", "mask", "pad", "padding", "key", "query", "axis", "masked_fill", "broadcast",
                   "attention", "softmax", "wrong dimension", "transpose", "attends to padding", "forward")),
    dict(id="SN02_tok_mean_all_positions", side="port",
         args=pair("token_attn_numpy.py", "TokenAttention", "02_tok_mean_all_positions_port.py", "TokenAttention",
                   *TOK, *TOK_PARAMS),
         mechanism="pair: the port pools with h.mean(dim=1), the mean over all six positions padding included, "
                   "instead of the sum over the non-padded positions divided by their count: each row's pooled "
                   "vector mixes in the padded positions' outputs and is divided by 6 instead of its length (3 to 6)",
         expected=("mean pooling", "pooling", "padding", "pad", "mask", "masked mean", "count", "denominator",
                   "non-padded", "all positions", "mean(dim=1)", "sequence length", "length", "divide", "forward")),
    dict(id="SN03_tok_decay_denominator", side="port",
         args=pair("token_attn_numpy.py", "TokenAttention", "03_tok_decay_denominator_port.py", "TokenAttention",
                   *TOK, *TOK_PARAMS),
         mechanism="pair: the LambdaLR decay after warmup is (TOTAL - step) / TOTAL instead of "
                   "(TOTAL - step) / (TOTAL - WARMUP): the two warmup updates agree, then every update uses 22/24 "
                   "(11/12) of the NumPy program's learning rate (the rate drops to 0.917 LR at the end of warmup "
                   "instead of staying at LR); gradients and Adam moments agree, the updates differ",
         expected=("schedule", "scheduler", "learning rate", "lambdalr", "lr_lambda", "decay", "linear decay",
                   "warmup", "total", "denominator", "after warmup", "11/12", "0.917", "ratio", "constant factor")),
    dict(id="SN04_ser_scale_model_width", side="port",
         args=pair("series_block_numpy.py", "SeriesBlock", "04_ser_scale_model_width_port.py", "SeriesBlock",
                   *SER, *SER_PARAMS),
         mechanism="pair: the two-head attention scores are divided by sqrt(D) = sqrt(8), the model width, instead "
                   "of sqrt(DH) = 2, the head width: every score is 1/sqrt(2) of the NumPy program's, the attention "
                   "is softer (a higher temperature), and the output, loss and gradients differ from step 1",
         expected=("scale", "scaling", "sqrt", "d_k", "head dimension", "head_dim", "head width", "d_model",
                   "model dimension", "1/sqrt", "temperature", "attention scores", "softmax", "scaled dot-product",
                   "forward")),
    dict(id="SN05_ser_merge_heads", side="port",
         args=pair("series_block_numpy.py", "SeriesBlock", "05_ser_merge_heads_port.py", "SeriesBlock",
                   *SER, *SER_PARAMS),
         mechanism="pair: the heads are merged with o.reshape(n, T, D) straight from the (n, heads, T, head width) "
                   "layout, without transpose(1, 2) first: each position's feature vector is filled with two time "
                   "steps of one head instead of both heads at that time step, so the attention output fed to the "
                   "output projection is scrambled across time and heads",
         expected=("transpose", "reshape", "heads", "merge", "concatenate heads", "head", "layout", "time steps",
                   "view", "multi-head", "permute", "shape", "axis order", "scrambled", "forward")),
    dict(id="SN06_ser_mse_broadcast", side="port",
         args=pair("series_block_numpy.py", "SeriesBlock", "06_ser_mse_broadcast_port.py", "SeriesBlock",
                   *SER, *SER_PARAMS),
         mechanism="pair: the readout returns the (n, 1) output of nn.Linear without squeeze(-1), and F.mse_loss "
                   "against the (n,) targets broadcasts to (n, n): the loss averages (pred_i - y_j)^2 over all pairs "
                   "of rows, so it is larger and its gradient pulls every prediction toward the mean target instead "
                   "of its own",
         expected=("broadcast", "broadcasting", "shape", "squeeze", "(n, 1)", "(n,)", "mse_loss", "target",
                   "pairwise", "all pairs", "mean target", "size mismatch", "warning", "loss", "reduction")),
    dict(id="SN07_cls_read_last", side="port",
         args=pair("cls_attn_numpy.py", "ClsAttention", "07_cls_read_last_port.py", "ClsAttention",
                   *CLS, *CLS_PARAMS),
         mechanism="pair: the readout takes h[:, -1], the last event's position, instead of h[:, 0], the CLS "
                   "position the CLS vector was put at: the logit, the loss and every gradient differ from step 1 "
                   "(the CLS vector now only reaches the loss through attention)",
         expected=("cls", "cls token", "position 0", "first position", "last position", "index", "readout",
                   "[:, 0]", "[:, -1]", "token", "wrong position", "pooling", "classifier", "forward")),
    dict(id="SN08_cls_no_decay_groups", side="port",
         args=pair("cls_attn_numpy.py", "ClsAttention", "08_cls_no_decay_groups_port.py", "ClsAttention",
                   *CLS, *CLS_PARAMS),
         mechanism="pair: the port's SGD takes two parameter groups, weight_decay=WD only for the 2-D weights and 0 "
                   "for the 1-D ones (the CLS vector, the layer-norm gain and bias, the readout bias), where the "
                   "NumPy program decays every parameter: their momentum buffers and updates miss WD * p, the "
                   "gradients agree",
         expected=("weight decay", "weight_decay", "param groups", "parameter groups", "no_decay", "bias", "biases",
                   "layernorm", "layer norm", "l2", "proportional to the parameter", "momentum", "sgd", "excluded",
                   "optimizer")),
]

CASES += [
    # ------------------------------------------------------------------ NumPy programs
    dict(id="SN09_tok_embed_fancy_add", side="numpy",
         args=pair("09_tok_embed_fancy_add_numpy.py", "TokenAttention", "token_attn_torch.py", "TokenAttention",
                   *TOK, *TOK_PARAMS),
         mechanism="pair: the embedding gradient is scattered with dE[X] += dx0 instead of np.add.at(dE, X, dx0): "
                   "buffered fancy indexing keeps one position's contribution per token id and drops the others, so "
                   "every token repeated in the batch gets too small (or wrong) a gradient; only E's gradient is wrong",
         expected=("embedding", "scatter", "np.add.at", "add.at", "fancy indexing", "repeated", "duplicate",
                   "indices", "accumulate", "sum", "overwrite", "buffered", "last write", "gradient", "backward")),
    dict(id="SN10_tok_clip_per_param", side="numpy",
         args=pair("10_tok_clip_per_param_numpy.py", "TokenAttention", "token_attn_torch.py", "TokenAttention",
                   *TOK, *TOK_PARAMS),
         mechanism="pair: the gradient clipping scales each parameter's gradient by min(1, MAX_NORM / its own norm) "
                   "instead of all of them by one factor from the global norm: where the global norm exceeds 0.5, "
                   "torch shrinks every gradient alike while the NumPy program leaves most (whose own norms are under "
                   "0.5) unclipped and clips the largest to norm 0.5 each; clipped gradients, moments and updates differ",
         expected=("clip", "clipping", "gradient clipping", "global norm", "total norm", "per-parameter",
                   "per parameter", "max_norm", "clip_grad_norm_", "norm", "scale", "factor", "each tensor",
                   "separately", "optimizer")),
    dict(id="SN11_tok_ce_mean_onehot", side="numpy",
         args=pair("11_tok_ce_mean_onehot_numpy.py", "TokenAttention", "token_attn_torch.py", "TokenAttention",
                   *TOK, *TOK_PARAMS),
         mechanism="pair: the cross-entropy is written -(onehot * logp).mean(), a mean over the n * 3 entries "
                   "instead of the sum over the classes averaged over the n rows: the loss value is a third of the "
                   "cross-entropy while the gradients ((p - onehot) / n), moments and updates are right",
         expected=("cross-entropy", "cross entropy", "mean", "one-hot", "onehot", "classes", "number of classes",
                   "1/3", "factor 3", "loss value", "reported loss", "reduction", "sum over classes", "loss only",
                   "inconsistent")),
    dict(id="SN12_ser_ln_backward", side="numpy",
         args=pair("12_ser_ln_backward_numpy.py", "SeriesBlock", "series_block_torch.py", "SeriesBlock",
                   *SER, *SER_PARAMS),
         mechanism="pair: the layer-norm backward drops the - xhat * mean(dxhat * xhat) term, treating the variance "
                   "as a constant: the gradient through both layer norms is wrong, so the attention weights, the "
                   "first layer norm and the input projection get wrong gradients (the readout, the MLP and the "
                   "second gain and bias are right)",
         expected=("layer norm", "layernorm", "normalization", "backward", "variance", "xhat", "missing term",
                   "mean", "standard deviation", "derivative", "gradient", "chain rule", "ln", "constant")),
    dict(id="SN13_ser_adam_v_beta1", side="numpy",
         args=pair("13_ser_adam_v_beta1_numpy.py", "SeriesBlock", "series_block_torch.py", "SeriesBlock",
                   *SER, *SER_PARAMS),
         mechanism="pair: Adam's second-moment bias correction is 1 - BETA1 ** t instead of 1 - BETA2 ** t: v_hat is "
                   "too small (by (1 - 0.98^t) / (1 - 0.9^t), 0.2 at step 1), so every update is too large by a factor "
                   "that moves with the step toward 1; gradients and moments agree",
         expected=("adam", "bias correction", "bias-corrected", "beta2", "beta1", "second moment", "exp_avg_sq",
                   "v_hat", "1 - beta", "optimizer", "update", "step size", "ratio", "moving with the step")),
    dict(id="SN14_ser_residual_normed", side="numpy",
         args=pair("14_ser_residual_normed_numpy.py", "SeriesBlock", "series_block_torch.py", "SeriesBlock",
                   *SER, *SER_PARAMS),
         mechanism="pair: the pre-norm attention residual adds the normalised input, h1 = LN1(z) + attn, instead "
                   "of the block input z + attn: the residual stream, the prediction and the loss differ from step 1 "
                   "(and the hand-written backward, written for z + attn, no longer matches the forward)",
         expected=("residual", "skip connection", "pre-norm", "prenorm", "layer norm", "normalized input",
                   "normalised", "ln1", "x + attn", "residual stream", "forward", "add", "wrong tensor", "block")),
    dict(id="SN15_cls_softmax_backward", side="numpy",
         args=pair("15_cls_softmax_backward_numpy.py", "ClsAttention", "cls_attn_torch.py", "ClsAttention",
                   *CLS, *CLS_PARAMS),
         mechanism="pair: the softmax backward is ds = a * da, without subtracting the row sum (da * a).sum(-1): the "
                   "gradient of the attention scores is wrong, so Wq, Wk, the position table and the CLS vector get "
                   "wrong gradients (the loss, Wv, the layer norm and the readout are right)",
         expected=("softmax", "jacobian", "softmax backward", "derivative", "attention", "row sum", "missing term",
                   "subtract", "sum", "diag", "backward", "query", "key", "gradient", "chain rule")),
    dict(id="SN16_cls_cosine_no_floor", side="numpy",
         args=pair("16_cls_cosine_no_floor_numpy.py", "ClsAttention", "cls_attn_torch.py", "ClsAttention",
                   *CLS, *CLS_PARAMS),
         mechanism="pair: the cosine schedule is LR * (1 + cos(pi t / TOTAL)) / 2, annealing to 0, instead of "
                   "LR_MIN + (LR - LR_MIN) * (1 + cos) / 2, annealing to LR_MIN = 0.005: update 1 agrees, later "
                   "updates are made with too small a learning rate, by LR_MIN * (1 - cos) / 2, a ratio that moves "
                   "with the step",
         expected=("cosine", "annealing", "eta_min", "lr_min", "minimum learning rate", "floor", "schedule",
                   "scheduler", "learning rate", "cosineannealinglr", "decay", "ratio", "moving with the step",
                   "zero")),
]

CASES += [
    # ------------------------------------------------------------------ correct programs
    dict(id="SN17_tok_attr_einsum_numpy", side="correct",
         args=pair("token_attn_alt_numpy.py", "TokenAttentionAlt", "token_attn_torch.py", "TokenAttention",
                   *TOK, *TOK_ALT_PARAMS),
         mechanism="pair: the token attention classifier in NumPy with every parameter an attribute, np.einsum "
                   "products, an additive -1e9 padding bias, a log-sum-exp softmax, the (D dxhat - sums) / D "
                   "layer-norm backward, one-hot cross-entropy, np.linalg.norm global clipping, a precomputed "
                   "schedule and AdamW with m_hat / v_hat; against the nn.Module port", expected=()),
    dict(id="SN18_ser_raw_sdpa_port", side="correct",
         args=pair("series_block_numpy.py", "SeriesBlock", "series_block_raw_torch.py", "SeriesBlockRaw",
                   *SER, *SER_RAW_PARAMS),
         mechanism="pair: pre-norm block port with bare nn.Parameters in the NumPy layout, F.layer_norm, "
                   "F.scaled_dot_product_attention(is_causal=True), a torch.pow sinusoidal table interleaved by "
                   "torch.stack, torch.addmm and Adam(foreach=False)", expected=()),
    dict(id="SN19_cls_outin_numpy", side="correct",
         args=pair("cls_attn_outin_numpy.py", "ClsAttentionOutIn", "cls_attn_torch.py", "ClsAttention",
                   *CLS, *CLS_OUTIN_PARAMS),
         mechanism="pair: the CLS attention classifier in NumPy with the weights in torch's (out, in) layout "
                   "applied as x @ W.T, the CLS row written into a preallocated array, logaddexp BCE, np.var layer "
                   "norm, a precomputed cosine schedule and in-place momentum buffers", expected=()),
]
