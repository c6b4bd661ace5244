"""Sixty-sixth fresh held-out set for the diagnosis: one planted bug per program in fresh66/
(eight PyTorch ports, each checked against a NumPy program of its own, and eight NumPy programs,
each checked against a correct port of its own) and three correct programs.
The theme is deep-and-cross and feature-interaction networks for tabular click-through data
written by hand: categorical columns (ad slot, device) looked up in embedding tables and
concatenated with numeric columns standardised by statistics held from the training set; DCN
cross layers x_{l+1} = x0 * (x_l . w) + b + x_l beside a ReLU MLP; a wide-and-deep model (a wide
linear part on one-hot and crossed slot x device features, a deep tanh MLP, their logits summed,
trained with Adam); AutoInt-style single-head self-attention over the field embeddings with a
ReLU residual; a sigmoid click-through loss with the positive class weighted (pos_weight 3).
The ports use nn.Embedding per column, nn.EmbeddingBag for the wide part, torch.cat and
BCEWithLogitsLoss(pos_weight=...). fresh66/make_data.py writes the data.
Same format as cases.py; run with

    python3 scripts/diagnosis_held_out.py --cases fresh66_cases

Each case:
    id          short name (prefixed QN)
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

F = "scripts/diagnosis_sets/fresh66/"

CTR = F + "ctr.npz"


def pair(numpy_file: str, numpy_name: str, torch_file: str, torch_name: str, *extra: str) -> list[str]:
    """A NumPy program of the user's own against the user's own port, both as written."""
    return [f"{F}{numpy_file}:{numpy_name}", "--torch", f"{F}{torch_file}:{torch_name}", "--as-written",
            "--init", f"net = {numpy_name}()", "--data", CTR, *extra]


def params(*pairs: str) -> list[str]:
    return [a for p in pairs for a in ("--param", p)]


DCN_PARAMS = params("params['E_slot']=slot.weight", "params['E_device']=device_emb.weight",
                    "params['cw0']=cross.0.w", "params['cb0']=cross.0.b", "params['cw1']=cross.1.w",
                    "params['cb1']=cross.1.b", "params['W1']=deep.weight.T", "params['b1']=deep.bias",
                    "params['Wo']=out.weight.T", "params['bo']=out.bias")
DCN_ONEHOT_PARAMS = params("tables[0]=slot.weight", "tables[1]=device_emb.weight",
                           "cross_w[0]=cross.0.w", "cross_b[0]=cross.0.b", "cross_w[1]=cross.1.w",
                           "cross_b[1]=cross.1.b", "deep['W_deep']=deep.weight.T", "deep['b_deep']=deep.bias",
                           "head['W_head']=out.weight.T", "head['b_head']=out.bias")
WD = ("--batch-size", "10")
WD_PARAMS = params("params['w_wide']=wide.weight", "params['E_slot']=slot.weight",
                   "params['E_device']=device_emb.weight", "params['W1']=hidden.weight.T",
                   "params['b1']=hidden.bias", "params['W2']=head.weight.T", "params['b2']=head.bias")
WD_F_PARAMS = params("params['w_wide']=wide_w", "params['E_slot']=emb_slot", "params['E_device']=emb_device",
                     "params['W1']=mlp.0.weight.T", "params['b1']=mlp.0.bias", "params['W2']=mlp.2.weight.T",
                     "params['b2']=mlp.2.bias")
AI_PARAMS = params("params['E_slot']=slot.weight", "params['E_device']=device_emb.weight",
                   "params['V_num']=num_emb", "params['Wq']=q.weight.T", "params['Wk']=k.weight.T",
                   "params['Wv']=v.weight.T", "params['Wres']=res.weight.T", "params['Wo']=out.weight.T",
                   "params['bo']=out.bias")
AI_SDPA_PARAMS = params("params['E_slot']=tables.slot", "params['E_device']=tables.device",
                        "params['V_num']=num_vec", "params['Wq']=proj.q", "params['Wk']=proj.k",
                        "params['Wv']=proj.v", "params['Wres']=proj.res", "params['Wo']=head_w",
                        "params['bo']=head_b")

CASES = [
    # ------------------------------------------------------------------ ports
    dict(id="QN01_dcn_cross_xl", side="port",
         args=pair("dcn_numpy.py", "DCN", "01_dcn_cross_x0_port.py", "DCN", *DCN_PARAMS),
         mechanism="pair: the port's cross layer multiplies the scalar projection by x_l instead of x0, "
                   "x * (x @ w) + b + x instead of x0 * (x @ w) + b + x: the first layer is unchanged (x_0 = x0) "
                   "but the second crosses x_1 with itself, a higher-order term, so the logit, loss and every "
                   "gradient through the cross branch differ",
         expected=("cross layer", "cross", "x0", "x_0", "x_l", "wrong variable", "input features",
                   "feature crossing", "dcn", "second layer", "x * (x", "self-interaction", "higher order",
                   "base input")),
    dict(id="QN02_dcn_double_sigmoid", side="port",
         args=pair("dcn_numpy.py", "DCN", "02_dcn_sigmoid_port.py", "DCN", *DCN_PARAMS),
         mechanism="pair: the port's forward returns torch.sigmoid of the output layer (probabilities) and the step "
                   "still feeds it to BCEWithLogitsLoss, which applies a second sigmoid: the loss is computed on "
                   "sigmoid(sigmoid(z)), squashed into (0.5, 0.73), so the loss is wrong and every gradient is "
                   "shrunk by the extra sigmoid's derivative and pulled the wrong way for negatives",
         expected=("sigmoid", "double sigmoid", "sigmoid twice", "twice", "bcewithlogitsloss", "logits",
                   "probabilities", "already activated", "applied twice", "with logits", "output activation",
                   "squash", "bceloss", "extra sigmoid")),
    dict(id="QN03_dcn_concat_order", side="port",
         args=pair("dcn_numpy.py", "DCN", "03_dcn_concat_port.py", "DCN", *DCN_PARAMS),
         mechanism="pair: the port concatenates the deep hidden layer before the cross output, torch.cat([h, x]) "
                   "instead of torch.cat([x, h]), so the output layer's first rows read the hidden units and its "
                   "last rows the cross features: the shared output weights meet the features in the wrong order "
                   "and the logit and all gradients differ",
         expected=("torch.cat", "concat", "concatenat", "order", "swapped", "wrong order", "cross output",
                   "hidden", "deep", "output layer", "rows", "permut", "feature order", "stack")),
    dict(id="QN04_wd_embeddingbag_mean", side="port",
         args=pair("widedeep_numpy.py", "WideDeep", "04_wd_bag_port.py", "WideDeep", *WD, *WD_PARAMS),
         mechanism="pair: the port's wide part is nn.EmbeddingBag(N_WIDE, 1) with the default mode='mean' "
                   "instead of mode='sum': the wide logit is the average of the three active weights, a third of "
                   "the sum, so the wide contribution and the wide weights' gradients are scaled by 1/3",
         expected=("embeddingbag", "mode", "mean", "sum", "average", "default", "1/3", "one third",
                   "factor 3", "wide", "wide part", "bag", "reduction", "scaled")),
    dict(id="QN05_wd_adamw", side="port",
         args=pair("widedeep_numpy.py", "WideDeep", "05_wd_adamw_port.py", "WideDeep", *WD, *WD_PARAMS),
         mechanism="pair: the port's optimizer is torch.optim.AdamW instead of Adam, whose default "
                   "weight_decay=0.01 adds a decoupled decay lr * 0.01 * theta to every update; the gradients and "
                   "moments agree, each update differs by a term proportional to the parameter",
         expected=("adamw", "weight decay", "weight_decay", "decoupled", "0.01", "default", "decay",
                   "proportional to the parameter", "shrink", "l2", "regularization", "adam", "optimizer")),
    dict(id="QN06_ai_softmax_dim", side="port",
         args=pair("autoint_numpy.py", "AutoInt", "06_ai_softmax_dim_port.py", "AutoInt", *AI_PARAMS),
         mechanism="pair: the port's attention softmax runs over dim=1 of the (batch, query, key) scores, "
                   "normalising each key's column over the queries, instead of dim=-1 over the keys: each field "
                   "attends with weights that no longer sum to one along its row, so the attention output, the "
                   "logit and all gradients differ",
         expected=("softmax", "dim=1", "dim=-1", "axis", "wrong axis", "wrong dimension", "dimension", "keys",
                   "queries", "attention", "normaliz", "normalis", "sum to one", "columns", "transpose")),
    dict(id="QN07_ai_bce_weight", side="port",
         args=pair("autoint_numpy.py", "AutoInt", "07_ai_weight_port.py", "AutoInt", *AI_PARAMS),
         mechanism="pair: the port passes the positive-class weight as BCEWithLogitsLoss(weight=...) instead of "
                   "pos_weight=...: weight rescales every row's loss, so all rows are weighted by 3 and the "
                   "positives are not up-weighted relative to the negatives; the loss differs and the gradients "
                   "are the unweighted BCE's times 3",
         expected=("pos_weight", "weight", "bcewithlogitsloss", "positive class", "positives", "class weight",
                   "every row", "all rows", "factor 3", "3 times", "scaled", "rescal", "negatives",
                   "loss weight")),
    dict(id="QN08_wd_std_unbiased", side="port",
         args=pair("widedeep_numpy.py", "WideDeep", "08_wd_std_port.py", "WideDeep", *WD, *WD_PARAMS),
         mechanism="pair: the port's standardisation statistics use torch's Tensor.std, unbiased (n - 1) by "
                   "default, where the NumPy program's np.std divides by n: the numeric columns are divided by a "
                   "standard deviation sqrt(40/39) larger, about 1.3% smaller inputs, so the deep logit and the "
                   "gradients differ slightly at every step",
         expected=("std", "unbiased", "bessel", "n - 1", "n-1", "ddof", "correction", "standard deviation",
                   "standardis", "standardiz", "normaliz", "numeric", "sqrt(n/(n-1))", "1.3%", "input scaling",
                   "feature scaling")),
]

CASES += [
    # ------------------------------------------------------------------ NumPy programs
    dict(id="QN09_dcn_residual_grad", side="numpy",
         args=pair("09_dcn_residual_numpy.py", "DCN", "dcn_torch.py", "DCN", *DCN_PARAMS),
         mechanism="pair: the hand-written backward of the cross layer drops the residual's identity term, "
                   "dx_l = ds * w instead of dx_l + ds * w: the gradient flowing straight through + x_l is lost, "
                   "so the first cross layer's weights and the embeddings get wrong gradients (the forward and "
                   "loss are right)",
         expected=("residual", "skip", "identity", "+ x_l", "missing term", "backward", "cross layer", "dx",
                   "gradient", "shortcut", "dropped", "cross", "chain rule")),
    dict(id="QN10_dcn_scatter_duplicates", side="numpy",
         args=pair("10_dcn_scatter_numpy.py", "DCN", "dcn_torch.py", "DCN", *DCN_PARAMS),
         mechanism="pair: the slot embedding's gradient is scattered with fancy-index +=, g[slot] += d, instead "
                   "of np.add.at: repeated slot ids in the batch are written once, the last row's contribution "
                   "kept and the others lost, so the slot table gets a fraction of its gradient",
         expected=("np.add.at", "add.at", "duplicate", "repeated", "fancy index", "fancy-index", "+=",
                   "buffered", "scatter", "accumulat", "embedding", "last write", "overwrit", "index_add",
                   "slot")),
    dict(id="QN11_dcn_inplace_x0", side="numpy",
         args=pair("11_dcn_inplace_numpy.py", "DCN", "dcn_torch.py", "DCN", *DCN_PARAMS),
         mechanism="pair: the cross layer is updated in place, x += x0 * s + b, where x starts as the same array "
                   "as x0: the first layer overwrites x0 with x_1, so the second layer crosses with x_1 instead "
                   "of x0 and the deep branch and the cached x_l read the overwritten array; forward and "
                   "gradients differ",
         expected=("in-place", "in place", "inplace", "+=", "alias", "aliasing", "same array", "overwrit",
                   "x0", "view", "copy", "mutat", "cross layer", "modified")),
    dict(id="QN12_wd_pos_weight_off_by_one", side="numpy",
         args=pair("12_wd_posweight_numpy.py", "WideDeep", "widedeep_torch.py", "WideDeep", *WD, *WD_PARAMS),
         mechanism="pair: the per-row weight is written 1 + POS_W * y instead of 1 + (POS_W - 1) * y, so the "
                   "positives are weighted 4 instead of 3 (the negatives 1): loss and gradient are consistent "
                   "with each other but the positive rows count a third more than in BCEWithLogitsLoss(pos_weight=3)",
         expected=("pos_weight", "positive", "positives", "class weight", "weight", "off by one", "off-by-one",
                   "4 instead of 3", "pos_weight - 1", "1 + pos_weight", "y = 1", "positive rows",
                   "weighted", "clicked")),
    dict(id="QN13_wd_adam_v_correction", side="numpy",
         args=pair("13_wd_adam_beta_numpy.py", "WideDeep", "widedeep_torch.py", "WideDeep", *WD, *WD_PARAMS),
         mechanism="pair: Adam's second-moment bias correction divides by 1 - BETA1**t instead of 1 - BETA2**t "
                   "(a copy-paste of the first moment's line): v_hat is far too small in early steps (by 100x at "
                   "t = 1), so every update is several times too large, the ratio moving with the step",
         expected=("bias correction", "bias-correction", "beta1", "beta2", "second moment", "v_hat",
                   "1 - beta2", "adam", "copy-paste", "step count", "too large", "moving with the step",
                   "denominator", "variance")),
    dict(id="QN14_wd_batch_statistics", side="numpy",
         args=pair("14_wd_batch_stats_numpy.py", "WideDeep", "widedeep_torch.py", "WideDeep", *WD, *WD_PARAMS),
         mechanism="pair: the numeric columns are standardised with each mini-batch's own mean and standard "
                   "deviation instead of the statistics held from the training set: every batch of 10 rows is "
                   "shifted and scaled differently, so the deep inputs, the logit and the gradients differ",
         expected=("standardis", "standardiz", "normaliz", "batch statistics", "batch mean", "mini-batch",
                   "per batch", "training set", "training statistics", "mean", "std", "standard deviation",
                   "numeric", "leak")),
    dict(id="QN15_ai_softmax_backward_axis", side="numpy",
         args=pair("15_ai_softmax_axis_numpy.py", "AutoInt", "autoint_torch.py", "AutoInt", *AI_PARAMS),
         mechanism="pair: the attention softmax's backward subtracts (dA * A) summed over axis=1, the queries, "
                   "instead of axis=-1, the keys: the Jacobian-vector product is taken along the wrong axis, so "
                   "the score gradients and thus Wq, Wk and the embeddings get wrong gradients (forward and loss "
                   "right, Wv and Wres right)",
         expected=("softmax", "backward", "axis", "axis=1", "axis=-1", "wrong axis", "jacobian", "attention",
                   "sum over", "keepdims", "scores", "query", "key", "derivative")),
    dict(id="QN16_ai_numeric_field_grad", side="numpy",
         args=pair("16_ai_num_grad_numpy.py", "AutoInt", "autoint_torch.py", "AutoInt", *AI_PARAMS),
         mechanism="pair: the gradient of the numeric fields' vectors omits the factor of the standardised value, "
                   "dE summed over rows instead of (dE * x_j) summed, as if the field were an embedding lookup: "
                   "V_num gets a wrong gradient (forward, loss and every other gradient right)",
         expected=("numeric", "numerical", "value", "x_j", "multiply", "factor", "missing factor", "scale",
                   "field embedding", "v_num", "chain rule", "feature value", "product rule", "gradient")),
]

CASES += [
    # ------------------------------------------------------------------ correct programs
    dict(id="QNC1_dcn_onehot", side="correct",
         args=pair("dcn_onehot_numpy.py", "DCNOneHot", "dcn_torch.py", "DCN", *DCN_ONEHOT_PARAMS),
         mechanism="pair: DCN in NumPy with embedding lookups as one-hot matrix products (gradient onehot.T @ d), "
                   "cross weights and biases in two lists stepped with np.einsum, a forward cache dict and log-sigmoid "
                   "loss, parameters in list and dict items; against the nn.Module port", expected=()),
    dict(id="QNC2_wd_functional_port", side="correct",
         args=pair("widedeep_numpy.py", "WideDeep", "widedeep_functional_torch.py", "WideDeepF", *WD, *WD_F_PARAMS),
         mechanism="pair: Wide & Deep port with raw nn.Parameters, F.embedding, a wide gather-and-sum with offsets, "
                   "nn.Sequential, F.binary_cross_entropy_with_logits(pos_weight), Adam(foreach=False) and "
                   "zero_grad(set_to_none=True); against the hand-written NumPy Adam", expected=()),
    dict(id="QNC3_ai_sdpa_port", side="correct",
         args=pair("autoint_numpy.py", "AutoInt", "autoint_sdpa_torch.py", "AutoIntSDPA", *AI_SDPA_PARAMS),
         mechanism="pair: AutoInt port with (in, out) projection Parameters in ParameterDicts applied by "
                   "torch.einsum, F.scaled_dot_product_attention, torch.stack of fields, a raw head weight and the "
                   "weighted loss written with F.logsigmoid", expected=()),
]
